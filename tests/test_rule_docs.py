"""Every rule is documented, and its documented examples behave as documented."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, check_text, flagged
from figcheck import rulebook
from figcheck.registry import LANGUAGES, SEVERITIES, read_rules, render_message, render_suggestion, rules

RULES = list(rules().values())
# FC702 is about a baseline file, not a passage: its behaviour is tested in test_workflow.py.
EXAMPLE_RULES = [rule for rule in RULES if rule.example_path != "example.none"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_fully_documented(rule):
    assert re.fullmatch(r"FC[1-7]\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.severity in SEVERITIES
    for field in ("summary", "what", "why", "message", "verified", "suggestion"):
        for lang in LANGUAGES:
            assert rule.text(field, lang).strip(), (rule.code, field, lang)
    assert rule.example_pass and rule.example_fail


@pytest.mark.parametrize("rule", EXAMPLE_RULES, ids=lambda r: r.code)
def test_failing_example_is_reported_under_the_rule(rule):
    result = check_text(rule.example_fail, rule.example_path)
    assert rule.code in [f.code for f in result.findings], [f.code for f in result.findings]


@pytest.mark.parametrize("rule", EXAMPLE_RULES, ids=lambda r: r.code)
def test_passing_example_is_clean_and_verified(rule):
    result = check_text(rule.example_pass, rule.example_path)
    assert result.findings == (), [(f.code, f.formula) for f in result.findings]
    if rule.silent_pass:  # a date that exists is no verified relation between figures
        assert not any(f.code == rule.code for f in result.passed)
        return
    assert result.passed, "the passing example should be a recognised, verified relation"
    assert flagged(result) == []


@pytest.mark.parametrize("rule", EXAMPLE_RULES, ids=lambda r: r.code)
def test_messages_fill_every_placeholder(rule):
    finding = next(f for f in check_text(rule.example_fail, rule.example_path).findings if f.code == rule.code)
    for lang in LANGUAGES:
        message = render_message(rule.code, dict(finding.params), lang)
        assert "$" not in message, message
        advice = render_suggestion(rule.code, dict(finding.params), lang)
        assert advice and "$" not in advice, advice


def test_one_file_per_rule_named_by_code_and_name():
    files = sorted(path.name for path in (ROOT / "rules" / "checks").glob("*.toml") if not path.name.startswith("_"))
    assert files == [f"{rule.code}-{rule.name}.toml" for rule in RULES]


@pytest.mark.parametrize(
    ("stem", "change", "words"),
    [
        ("FC101-sum-mismatch", {"code": "FC102"}, ["FC101-sum-mismatch.toml", "FC102-sum-mismatch.toml"]),
        ("FC101-sum-mismatch", {"name": "sum-error"}, ["文件名应为 FC101-sum-error.toml"]),
        ("FC101-sum-mismatch", {"severity": "fatal"}, ["severity"]),
        ("FC101-sum-mismatch", {"summary": None}, ["缺少键 summary"]),
    ],
)
def test_a_misnamed_or_malformed_rule_file_is_refused(stem, change, words):
    entry = dict(rulebook.load_directory("checks")["FC101-sum-mismatch"])
    for key, value in change.items():
        if value is None:
            del entry[key]
        else:
            entry[key] = value
    with pytest.raises(rulebook.RuleFileError) as raised:
        read_rules({stem: entry})
    for word in words:
        assert word in str(raised.value), str(raised.value)


def test_readme_lists_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| {rule.code} | {rule.name} | {rule.severity} |" in readme, rule.code


def test_one_figure_behind_two_failures_is_named_with_the_value_that_fixes_both():
    text = "区政府行政应诉案件25件（败诉率32%），撤销9件，驳回诉讼请求1件，驳回起诉11件，撤诉3件，未审结2件。"
    findings = check_text(text).findings
    assert sorted(f.code for f in findings) == ["FC101", "FC201"]
    for finding in findings:
        params = dict(finding.params)
        assert (params["typo"], params["typo_value"], params["typo_count"]) == ("9件", "8", "2")
        assert "「9件」同时出现在 2 个不成立的关系中，改为 8 时均成立" in render_suggestion(finding.code, params, "zh")


def test_a_table_cell_behind_a_sum_and_a_balance_is_named_with_the_value_that_fixes_both():
    table = """| 项目 | 自然人 | 法人或其他组织 | 总计 |
| --- | --- | --- | --- |
| 一、本年新收政府信息公开申请数量 | 95 | 4 | 99 |
| 二、上年结转政府信息公开申请数量 | 2 | 0 | 2 |
| 三、本年度办理结果（一）予以公开 | 50 | 3 | 53 |
| （二）部分公开 | 9 | 0 | 9 |
| （三）无法提供 | 32 | 1 | 33 |
| （四）总计 | 92 | 4 | 95 |
| 四、结转下年度继续办理 | 6 | 0 | 6 |
"""
    findings = check_text(table, "report.md").findings
    assert sorted(f.code for f in findings) == ["FC401", "FC401", "FC405"]
    named = [dict(f.params) for f in findings if "typo" in dict(f.params)]
    assert len(named) == 3
    assert {(p["typo"], p["typo_value"], p["typo_count"]) for p in named} == {("92", "91", "3")}
