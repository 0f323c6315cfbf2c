"""Everything each rule case reports, pinned: messages (Chinese and English), suggestions, parameters,
formulas, computed values, allowances and the role of every figure.

tests/test_rule_cases.py asserts what a case is about (code, verdict, figure); this golden file
catches any change in what a user reads about it. After a deliberate change, regenerate it with
FIGCHECK_UPDATE_GOLDEN=1 make test and review the diff.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from conftest import DATA
from figcheck.report import message, suggestion
from rule_cases import cases, run_case

GOLDEN = DATA / "golden" / "rule-cases.json"
CASES = cases()


def _report(entry: dict) -> dict:
    result = run_case(entry["text"], entry.get("format", "txt"), entry.get("config", {}), entry.get("earlier"))
    return json.loads(_EARLIER_PATH.sub(r"\1", json.dumps(_shown(result), ensure_ascii=False)))


# The earlier document of a case across years (FC309) is in a temporary directory: its name, not its directory.
_EARLIER_PATH = re.compile(r"[^\s\"「」]*/(earlier\.(?:txt|md|html))")


def _shown(result) -> dict:
    return {
        "unverifiable": result.unverifiable,
        "results": [
            {
                "code": finding.code,
                "passed": finding.passed,
                "at": [finding.stated.raw, finding.start],
                "computed": finding.computed,
                "formula": finding.formula,
                "allowance": finding.allowance,
                "figures": [[involved.figure.raw, involved.role] for involved in finding.figures],
                "params": dict(finding.params),
                "message": [message(finding, "zh"), message(finding, "en")],
                "suggestion": [suggestion(finding, "zh"), suggestion(finding, "en")],
            }
            | _elsewhere(finding)
            for finding in result.results
        ],
    }


def _elsewhere(finding) -> dict:
    other = finding.elsewhere
    if other is None:
        return {}
    return {"elsewhere": [other.path, other.label, other.text, other.line, other.column, other.locator]}


def _golden() -> dict:
    if os.environ.get("FIGCHECK_UPDATE_GOLDEN"):
        reports = {case.id: _report(case.entry) for case in CASES}
        GOLDEN.write_text(json.dumps(reports, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


EXPECTED = _golden()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case_reports_as_pinned(case):
    assert case.id in EXPECTED, "a new case: regenerate the golden file (FIGCHECK_UPDATE_GOLDEN=1)"
    assert _report(case.entry) == EXPECTED[case.id]


def test_every_pinned_case_still_exists():
    assert set(EXPECTED) == {case.id for case in CASES}
