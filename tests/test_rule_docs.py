"""Every rule is documented, and its documented examples behave as documented."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, check_text, flagged
from figcheck.registry import LANGUAGES, SEVERITIES, render_message, rules

RULES = list(rules().values())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_fully_documented(rule):
    assert re.fullmatch(r"FC[1-6]\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.severity in SEVERITIES
    for field in ("summary", "what", "why", "message", "verified"):
        for lang in LANGUAGES:
            assert rule.text(field, lang).strip(), (rule.code, field, lang)
    assert rule.example_pass and rule.example_fail


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_is_reported_under_the_rule(rule):
    result = check_text(rule.example_fail)
    assert rule.code in [f.code for f in result.findings], [f.code for f in result.findings]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_is_clean_and_verified(rule):
    result = check_text(rule.example_pass)
    assert result.findings == (), [(f.code, f.formula) for f in result.findings]
    assert result.passed, "the passing example should be a recognised, verified relation"
    assert flagged(result) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_messages_fill_every_placeholder(rule):
    finding = next(f for f in check_text(rule.example_fail).findings if f.code == rule.code)
    for lang in LANGUAGES:
        message = render_message(rule.code, dict(finding.params), lang)
        assert "$" not in message, message


def test_readme_lists_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| {rule.code} | {rule.name} | {rule.severity} |" in readme, rule.code
