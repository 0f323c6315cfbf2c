"""Every named case in rules/checks/*.toml: the code, the verdict and the figure it is anchored on."""

from __future__ import annotations

import re

import pytest

from figcheck.registry import rules
from rule_cases import KEYS, VERDICTS, cases, describe, files, judge, run_case

CASES = cases()
MINIMUM = 8  # cases per FC1xx–FC5xx rule


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case):
    entry = case.entry
    result = run_case(entry["text"], entry.get("format", "txt"), entry.get("config", {}), entry.get("earlier"))
    problems = judge(entry, result)
    assert not problems, (problems, describe(result))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case_is_well_formed(case):
    entry = case.entry
    assert set(entry) <= KEYS, f"unknown keys {sorted(set(entry) - KEYS)}"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry["name"])
    assert isinstance(entry["text"], str) and entry["text"].strip()
    assert isinstance(entry.get("earlier", "x"), str) and entry.get("earlier", "x").strip()
    assert entry.get("format", "md") in ("md", "html")
    assert entry["code"] == "" or entry["code"] in rules(), entry["code"]
    if entry["code"]:
        assert entry["verdict"] in VERDICTS
        assert isinstance(entry["figure"], str) and entry["figure"]
    else:
        assert entry.get("verdict", "pass") == "pass" and "figure" not in entry and "nth" not in entry
    assert isinstance(entry.get("nth", 1), int) and entry.get("nth", 1) >= 1
    assert all(code in rules() for code in entry.get("also", ()))
    assert isinstance(entry.get("config", {}), dict)


@pytest.mark.parametrize("code", sorted(files()))
def test_names_are_unique(code):
    names = [entry["name"] for entry in files()[code].get("case", [])]
    assert len(names) == len(set(names)), sorted(name for name in names if names.count(name) > 1)


@pytest.mark.parametrize("code", [code for code in rules() if code[2] in "12345"])
def test_enough_cases(code):
    assert len(files()[code].get("case", [])) >= MINIMUM


def test_runner_applies_the_configuration():
    text = "全年调解矛盾纠纷326件，调解成功318件，调解成功率97.5%。"
    truncated = "全年受理诉求1000件，办结959件，办结率95%。"  # 95.9% truncates to 95, rounds to 96
    assert [r.allowance for r in run_case(truncated, "txt", {}).results] == ["truncation"]
    refused = run_case(truncated, "txt", {"accept-truncation": False})
    assert [(r.code, r.passed) for r in refused.results] == [("FC201", False)]
    assert [r.passed for r in run_case(truncated, "txt", {}).results] == [True], "the default is restored"
    assert run_case(text, "txt", {"ignore": ["FC2"]}).results == ()


def test_judge_checks_code_verdict_and_anchor():
    text = "县本级受理依申请公开326件，乡镇受理58件，合计348件。"
    result = run_case(text, "txt", {})
    assert judge({"code": "FC101", "figure": "348件", "verdict": "fail"}, result) == []
    assert judge({"code": "FC101", "figure": "326件", "verdict": "fail"}, result), "wrong figure"
    assert judge({"code": "FC101", "figure": "348件", "verdict": "pass"}, result), "wrong verdict"
    assert judge({"code": "FC102", "figure": "348件", "verdict": "fail"}, result), "wrong code"
    assert judge({"code": ""}, result), "a failing finding where none is wanted"
    assert judge({"code": "", "also": ["FC101"]}, result) == []
