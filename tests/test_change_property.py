"""Law for changes: a generated consistent 「由A减至B，减少C%」 is clean; a wrong figure is flagged at it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import check_text, examples, involves

UNITS = ["个", "项", "件", "天", "个工作日", "家"]
SETTINGS = settings(max_examples=examples(150), deadline=None)


def _percent(base: int, result: int) -> Decimal:
    change = Fraction(abs(base - result), base) * 100
    return (Decimal(change.numerator) / Decimal(change.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _sentence(base: int, result: int, stated: Decimal, unit: str, comma: str) -> tuple[str, list[int]]:
    verb, change = ("减至", "减少") if result < base else ("增加到", "增长")
    head = f"办理环节由{base}{unit}{verb}"
    middle = f"{result}{unit}{comma}{change}"
    text = f"{head}{middle}{stated}%。"
    return text, [len("办理环节由"), len(head), len(head) + len(middle)]


changes = st.tuples(
    st.integers(min_value=2, max_value=900),
    st.integers(min_value=1, max_value=900),
    st.sampled_from(UNITS),
    st.sampled_from(["，", ","]),
).filter(lambda case: case[0] != case[1])


@SETTINGS
@given(changes)
def test_consistent_change_is_clean(case):
    base, result, unit, comma = case
    text, _ = _sentence(base, result, _percent(base, result), unit, comma)
    found = check_text(text)
    assert found.findings == (), (text, [f.formula for f in found.findings])
    assert [f.code for f in found.passed] == ["FC301"], text


@SETTINGS
@given(changes, st.integers(min_value=2, max_value=200), st.booleans())
def test_wrong_percent_is_flagged_at_it(case, tenths, up):
    base, result, unit, comma = case
    stated = _percent(base, result) + (Decimal(tenths) / 10 if up else -Decimal(tenths) / 10)
    assume(stated > 0)
    text, offsets = _sentence(base, result, stated, unit, comma)
    findings = check_text(text).findings
    assert any(f.code == "FC301" and involves(f, offsets[2]) for f in findings), text


@SETTINGS
@given(changes, st.integers(min_value=1, max_value=50))
def test_wrong_endpoint_is_flagged_with_it(case, delta):
    base, result, unit, comma = case
    stated = _percent(base, result)
    changed = result + delta if result + delta != base else result + delta + 1
    actual = Fraction(abs(base - changed), base) * 100
    assume(changed < base if result < base else changed > base)  # the verb still fits the direction
    assume(abs(actual - Fraction(str(stated))) > Fraction(1, 10))  # beyond what rounding allows
    text, offsets = _sentence(base, changed, stated, unit, comma)
    findings = check_text(text).findings
    assert any(f.code == "FC301" and involves(f, offsets[1]) for f in findings), text
