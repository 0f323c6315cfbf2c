"""Laws for budget item explanations: a generated consistent item is clean and verified; a wrong change,
a heading that disagrees with its body, or a wrong percent after an implied base is flagged at it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import check_text, examples, involves

SETTINGS = settings(max_examples=examples(120), deadline=None)
HALF_CENT = Fraction(1, 200)


def _amount(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


def _percent(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _item(heading: int, base: int, result: int, stated: Decimal) -> tuple[str, int, int]:
    """The text, and the offsets of the body's amount of this year and of the stated change."""
    verb = "减少" if result < base else "增加"
    head = f"5. “住房保障支出（类）住房改革支出（款）购房补贴（项）”{_amount(heading)}万元，主要用于购房补贴。"
    body = f"2023年当年预算执行数为{_amount(base)}万元，2024年预算安排"
    middle = f"{_amount(result)}万元，比2023年预算执行数{verb}"
    text = f"{head}{body}{middle}{stated}%。主要原因是：经费调整。"
    return text, len(head) + len(body), len(head) + len(body) + len(middle)


def _bounds(base: int, result: int) -> tuple[Fraction, Fraction]:
    """Every |change| in percent the two amounts allow as written (each ± half a cent)."""
    corners = [
        abs(Fraction(b) - Fraction(a)) / Fraction(a) * 100
        for a in (Fraction(base, 100) - HALF_CENT, Fraction(base, 100) + HALF_CENT)
        for b in (Fraction(result, 100) - HALF_CENT, Fraction(result, 100) + HALF_CENT)
    ]
    return min(corners), max(corners)


items = st.tuples(st.integers(min_value=100, max_value=900_000), st.integers(min_value=1, max_value=900_000)).filter(
    lambda pair: pair[0] != pair[1]
)


@SETTINGS
@given(items)
def test_consistent_item_is_clean(pair):
    base, result = pair
    text, _, _ = _item(result, base, result, _percent(abs(Fraction(result - base, base)) * 100))
    found = check_text(text)
    assert found.findings == (), (text, [f.formula for f in found.findings])
    assert sorted(f.code for f in found.passed) == ["FC301", "FC501"], text


@SETTINGS
@given(items, st.integers(min_value=1, max_value=5000), st.booleans())
def test_wrong_change_is_flagged_at_it(pair, hundredths, up):
    base, result = pair
    right = _percent(abs(Fraction(result - base, base)) * 100)
    stated = right + (Decimal(hundredths) / 100 if up else -Decimal(hundredths) / 100)
    low, high = _bounds(base, result)
    # beyond rounding half up ([s − 0.005, s + 0.005]) and truncation ([s, s + 0.01)) of the stated figure
    assume(stated > 0 and not low - Fraction(1, 100) <= Fraction(str(stated)) <= high + Fraction(1, 200))
    text, _, at = _item(result, base, result, stated)
    assert any(f.code == "FC301" and involves(f, at) for f in check_text(text).findings), text


@SETTINGS
@given(items, st.integers(min_value=2, max_value=10_000))
def test_heading_that_disagrees_is_flagged_at_the_body(pair, delta):
    base, result = pair
    text, at, _ = _item(result + delta, base, result, _percent(abs(Fraction(result - base, base)) * 100))
    findings = check_text(text).findings
    assert [f.code for f in findings] == ["FC501"] and involves(findings[0], at), text


@SETTINGS
@given(items, st.integers(min_value=1, max_value=5000))
def test_implied_base_percent(pair, hundredths):
    earlier, value = pair
    change = abs(value - earlier)
    verb, percent_verb = ("减少", "下降") if value < earlier else ("增加", "增长")
    right = _percent(Fraction(change, earlier) * 100)
    head = f"收入预算{_amount(value)}万元，比上年{verb}{_amount(change)}万元，{percent_verb}"
    found = check_text(f"{head}{right}%。")
    assert found.findings == () and [f.code for f in found.passed] == ["FC301"], head
    wrong = right + Decimal(hundredths) / 100
    low = Fraction(change, 100) - HALF_CENT
    spans = [
        (n / (v - n if value > earlier else v + n)) * 100
        for n in (low, low + 2 * HALF_CENT)
        for v in (Fraction(value, 100) - HALF_CENT, Fraction(value, 100) + HALF_CENT)
    ]
    assume(low > 0 and Fraction(str(wrong)) - Fraction(1, 200) > max(spans))
    assert any(f.code == "FC301" and involves(f, len(head)) for f in check_text(f"{head}{wrong}%。").findings), head
