"""FC105: a shortfall that one slip in one figure explains names that figure and its value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import check_text, examples
from figcheck.checks import slips
from figcheck.figures import find_figures
from figcheck.registry import render_message, render_suggestion


def _figure(text: str):
    return find_figures(text)[0]


def _values(text: str, kind: str) -> set[Decimal]:
    return {slip.corrected.value for slip in slips.slips(_figure(text)) if slip.kind == kind}


def test_slips_of_a_written_figure():
    assert Decimal(1520) in _values("1250件", slips.SWAP) and Decimal(1205) in _values("1250件", slips.SWAP)
    assert Decimal(1900) in _values("1960件", slips.DIGIT) and Decimal(960) not in _values("1960件", slips.DIGIT)
    moved = {Decimal("5693e8"), Decimal("569.3e8"), Decimal("56.93e8"), Decimal("0.5693e8")}
    assert _values("5.693亿元", slips.POINT) == moved
    assert _values("1960件", slips.POINT) == set(), "no point to move in an integer"
    assert slips.slips(_figure("一千九百六十件")) == [] and slips.slips(_figure("约1960件")) == []
    written = slips.slips(_figure("1,036.50万元"))
    corrected = next(s.corrected for s in written if s.corrected.value == Decimal("10366000"))
    assert (corrected.raw, corrected.resolution) == ("1036.60万元", Decimal(100))


def test_last_digit_slips_are_not_specific():
    specific = {(s.corrected.value, s.specific) for s in slips.slips(_figure("1960件")) if s.kind == slips.DIGIT}
    assert (Decimal(1961), False) in specific and (Decimal(1900), True) in specific


@pytest.mark.parametrize(
    ("text", "slip", "value"),
    [
        ("全年共受理群众来信来访1960件，其中来信1250件、来访380件、网上信访270件。", "1960件", "1900件"),
        ("全年新增就业岗位3680个，其中城镇岗位2150个、农村岗位1350个。", "1350个", "1530个"),
        ("全年完成固定资产投资62.40亿元，其中工业投资5.693亿元、基础设施投资5.47亿元。", "5.693亿元", "56.93亿元"),
    ],
)
def test_the_finding_names_the_figure_and_the_value(text, slip, value):
    (finding,) = check_text(text).findings
    params = dict(finding.params)
    assert (finding.code, params["slip"], params["slip_value"]) == ("FC105", slip, value)
    assert f"「{slip}」" in render_message("FC105", params, "zh") and value in render_message("FC105", params, "en")
    assert render_suggestion("FC105", params, "zh") == f"核对「{slip}」是否应为 {value}"


LABELS = ["来信", "来访", "网上信访", "电话咨询", "当面申请", "信函申请"]
lists = st.fixed_dictionaries(
    {
        "values": st.lists(st.integers(min_value=10, max_value=99999), min_size=2, max_size=5),
        "which": st.integers(min_value=0, max_value=5),
        "at": st.integers(min_value=0, max_value=8),
        "kind": st.sampled_from([slips.SWAP, slips.DIGIT]),
        "digit": st.integers(min_value=0, max_value=9),
    }
)


def _planted(written: str, kind: str, at: int, digit: int) -> str:
    at = at % len(written)
    if kind == slips.SWAP:
        at = min(at, len(written) - 2)
        return written[:at] + written[at + 1] + written[at] + written[at + 2 :]
    return written[:at] + str(digit) + written[at + 1 :]


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists)
def test_a_planted_slip_is_named_right_or_not_at_all(case):
    """Law: plant one slip into one figure of a list that adds up; if the list then falls short, the
    finding is FC103 (nothing named) or FC105 naming the planted figure with its true value."""
    values = case["values"]
    figures = [str(sum(values)), *map(str, values)]
    which = case["which"] % len(figures)
    planted = _planted(figures[which], case["kind"], case["at"], case["digit"])
    assume(planted != figures[which] and not planted.startswith("0"))
    changed = [*figures[:which], planted, *figures[which + 1 :]]
    parts = "、".join(f"{label}{value}件" for label, value in zip(LABELS, changed[1:], strict=False))
    text = f"全年共受理群众诉求{changed[0]}件，其中{parts}。"
    assume(sum(map(int, changed[1:])) < int(changed[0]))
    (finding,) = check_text(text).findings
    assert finding.code in ("FC103", "FC105"), (text, finding.code)
    if finding.code == "FC105":
        params = dict(finding.params)
        assert (params["slip"], params["slip_value"]) == (planted + "件", figures[which] + "件"), text


@pytest.mark.parametrize(
    ("total", "parts", "named", "corrected"),
    [
        ("53.3万元", ["29.31万元", "6.07万元"], "53.3万元", "35.3万元"),  # 35.38 written 35.3, digits swapped
        ("35.3万元", ["92.31万元", "6.07万元"], "92.31万元", "29.31万元"),  # a part's swap, the total truncated
    ],
)
def test_a_slip_explained_only_by_a_truncated_total(total, parts, named, corrected):
    figures = [_figure(part) for part in parts]
    found = slips.only_slip(_figure(total), figures, truncation=True)
    assert found is not None and (found.figure.raw, found.corrected.raw) == (named, corrected)
    assert slips.only_slip(_figure(total), figures, truncation=False) is None, "half-up alone leaves it unexplained"


def test_two_figures_one_value_is_no_slip_to_name():
    # 12 + 12 = 24 against 33: either part written 21 would explain it, so neither is named
    total, *parts = find_figures("共33件，其中甲类12件、乙类12件。")
    assert slips.only_slip(total, parts, truncation=False) is None
    lone = find_figures("共36件，其中甲类12件、乙类15件。")  # 12 → 21 alone: named
    assert slips.only_slip(lone[0], lone[1:], truncation=False).corrected.raw == "21件"
