"""The seed report: consistent as published, and every figure of its four relations matters."""

from __future__ import annotations

import pytest

from conftest import check_text, flagged, involves

# The four relations the seed asserts, each as (the sentence's text, the figures in it).
LITIGATION = "区政府行政应诉案件25件(败诉率32%),撤销8件,驳回诉讼请求1件,驳回起诉11件,撤诉3件,未审结2件。"
REVIEW = "行政复议案件37件(败诉率41%),维持15件,撤销15件,终止3件,驳回1件,未审结3件。"


def test_seed_as_published_has_no_error_or_warning(seed_text):
    result = check_text(seed_text)
    assert flagged(result) == []


@pytest.mark.parametrize(
    ("formula", "allowance"),
    [
        ("8 + 1 + 11 + 3 + 2 = 25", "exact"),
        ("8 / 25 = 32.0%", "exact"),
        ("15 + 15 + 3 + 1 + 3 = 37", "exact"),
        ("15 / 37 = 40.5%", "half-up"),
    ],
)
def test_seed_relations_are_verified(seed_text, formula, allowance):
    passed = {f.formula: f.allowance for f in check_text(seed_text).passed}
    assert passed.get(formula) == allowance


def _mutations():
    """(sentence, figure as written, replacement): each figure of the four relations, nudged."""
    cases = []
    for sentence, figures in (
        (LITIGATION, ["25件", "8件", "1件", "11件", "3件", "2件"]),
        (REVIEW, ["37件", "15件", "3件", "1件"]),
    ):
        for raw in figures:
            number = int(raw[:-1])
            cases.append((sentence, raw, f"{number + 1}件"))
            if number > 1:
                cases.append((sentence, raw, f"{number - 1}件"))
    cases += [
        (LITIGATION, "32%", "33%"),
        (LITIGATION, "32%", "31%"),
        (LITIGATION, "32%", "23%"),
        (REVIEW, "41%", "42%"),
        (REVIEW, "41%", "14%"),
    ]
    # 41% → 40% is deliberately absent: 15/37 = 40.54% truncates to 40%, an accepted reading.
    return cases


@pytest.mark.parametrize(("sentence", "raw", "replacement"), _mutations())
def test_changing_one_figure_is_an_error_naming_it(seed_text, sentence, raw, replacement):
    sentence_at = seed_text.index(sentence)
    # change each occurrence of the figure in the sentence in turn (撤销15件 and 维持15件 are both parts)
    offset = sentence.find(raw)
    while offset >= 0:
        if offset > 0 and sentence[offset - 1].isdigit():  # 「1件」 inside 「11件」 is not this figure
            offset = sentence.find(raw, offset + 1)
            continue
        at = sentence_at + offset
        changed = seed_text[:at] + replacement + seed_text[at + len(raw) :]
        errors = [f for f in flagged(check_text(changed)) if f.code.startswith(("FC1", "FC2"))]
        assert errors, f"{raw} → {replacement} at {at} not flagged"
        assert any(involves(f, at) for f in errors), f"no finding names the changed figure {replacement}"
        offset = sentence.find(raw, offset + 1)
