"""Case flows: a generated balanced flow stays clean and any one changed figure is flagged at it (FC104);
its breakdowns and rates read the stages; a share's named base that names no count is unverifiable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import check_text, examples, flagged, involves
from figcheck.report import message

WORDINGS = [
    ("全年新收行政复议案件", "上年结转", "审结", "尚未审结"),
    ("全年受理行政复议申请", "上年度结转", "办结", "未办结"),
    ("全年收案", "旧存", "结案", "未结"),
    ("本年新收政府信息公开申请", "上年结转", "办结", "结转下年度继续办理"),
]


def _flow(wording: tuple[str, ...], values: tuple[int, ...]) -> tuple[str, list[int]]:
    """The sentence and the offset of each of its four figures."""
    text, offsets = "", []
    for index, (label, value) in enumerate(zip(wording, values, strict=True)):
        text += ("，" if index else "") + label
        offsets.append(len(text))
        text += f"{value}件"
    return text + "。", offsets


@settings(max_examples=examples(60), deadline=None)
@given(
    wording=st.sampled_from(WORDINGS),
    new=st.integers(1, 5000),
    carried=st.integers(0, 500),
    share=st.fractions(0, 1),
    which=st.integers(0, 3),
    delta=st.integers(1, 40),
)
def test_a_balanced_flow_holds_and_one_changed_figure_is_flagged(wording, new, carried, share, which, delta):
    concluded = int((new + carried) * share)
    values = [new, carried, concluded, new + carried - concluded]
    text, _ = _flow(wording, tuple(values))
    result = check_text(text)
    assert flagged(result) == [], [(f.code, f.formula) for f in result.findings]
    assert [f.code for f in result.passed] == ["FC104"]
    values[which] += delta
    text, offsets = _flow(wording, tuple(values))
    (finding,) = flagged(check_text(text))
    assert finding.code == "FC104" and involves(finding, offsets[which])


def test_a_named_base_that_names_no_count_is_unverifiable_not_verified():
    text = "全年办理行政应诉案件95件，其中涉及土地征收的案件32件，占审结案件的33.7%。"
    result = check_text(text)
    assert [f.code for f in result.results if f.code == "FC204"] == []
    assert result.unverifiable == 1
    named = check_text("全年办理行政应诉案件95件，已审结80件，其中涉及土地征收的案件32件，占审结案件的40%。")
    assert [(f.code, f.passed, f.formula) for f in named.results if f.code == "FC204"] == [
        ("FC204", True, "32 / 80 = 40.0%")
    ]
    assert named.unverifiable == 0


def test_a_rate_pass_names_the_denominator_it_used():
    text = "全年办理行政应诉案件95件，其中已审结80件、未审结15件，败诉6件，败诉率7.5%。"
    (rate,) = [f for f in check_text(text).passed if f.code == "FC201"]
    assert "分母为" in message(rate, "zh") and "未审结15件" in message(rate, "zh")
    assert "over" in message(rate, "en")
