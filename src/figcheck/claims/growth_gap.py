"""A growth stated as so many points above or below another growth the text gives: 「全年全市规模以上工业增加值
增长5.0%。……高新技术产业增加值、高成长性制造业增加值分别增长21.4%、6.3%，高于规模以上工业增加值增速16.4个、1.3个
百分点」: 21.4 − 5.0 = 16.4 and 6.3 − 5.0 = 1.3 (FC305, as a difference of two figures).

The other growth is the one the text states of what it names (规模以上工业增加值), in the sentence or the few before
it; a name the text gives no growth of (全省平均水平, 全国) leaves the gap unverifiable."""

from __future__ import annotations

from figcheck import patterns
from figcheck.claims.growth_shares import stated_growth_of
from figcheck.claims.model import FormulaClaim
from figcheck.layout import Layout, Placed

_GAP = patterns.compile(
    r"^\s*[，,]\s*(?P<way>高于|低于|快于|慢于)(?P<name>[^，,；;。、]{2,30}?)(?:的)?(?:增速|增幅|增长速度)?\s*$"
)
_RESPECTIVELY = patterns.compile(r"分别(?:比上年|同比)?(?:增长|提高)\s*$")
_LIST = patterns.compile(r"^\s*[、，,和与]\s*$")
_UP = ("高于", "快于")  # the growth before is the larger (低于, 慢于: the smaller)
_GROWING = patterns.compile(r"增长\s*$")
_WORD = patterns.compile("高于|低于|快于|慢于")
# A growth compared with is named in full, so it is sought further back than a total's (a section's headline).
_SENTENCES_BEFORE = 6


def growth_gap_claims(layout: Layout) -> list[FormulaClaim]:
    claims = []
    for sentence in layout.sentences_with(_WORD):
        figures = layout.in_sentence(sentence)
        for at, placed in enumerate(figures):
            found = (
                _GAP.match(layout.text[placed.figure.end : figures[at + 1].figure.start])
                if at + 1 < len(figures)
                else None
            )
            if found is None or placed.figure.unit != "%":
                continue
            growths = _growths_ending(layout, figures, at)
            gaps = _gaps_from(layout, figures, at + 1, len(growths))
            name = found.group("name")
            reference = stated_growth_of(layout, growths[0], name, _SENTENCES_BEFORE) if growths and gaps else None
            if reference is None or reference[1] < 0:
                continue
            for growth, gap in zip(growths, gaps, strict=True):
                first, second = (growth, reference[0]) if found.group("way") in _UP else (reference[0], growth)
                claims.append(FormulaClaim(gap, "difference", first, second, 0, "增速之差", "gap in growth"))
    return claims


def _growths_ending(layout: Layout, figures: list[Placed], at: int) -> list[Placed]:
    """The growth rates a gap follows: one (「增长8.0%，高于…」) or a list after 分别增长 (「分别增长21.4%、6.3%」)."""
    run = [figures[at]]
    while len(run) <= at and _LIST.match(layout.text[figures[at - len(run)].figure.end : run[0].figure.start]):
        run.insert(0, figures[at - len(run)])
    if len(run) > 1:
        return run if _RESPECTIVELY.search(run[0].label) else []
    return run if _GROWING.search(run[0].label) else []


def _gaps_from(layout: Layout, figures: list[Placed], start: int, count: int) -> list[Placed]:
    """`count` figures in points from `start`, joined by 、: the last in 个百分点, those before it in 个 or 百分点."""
    gaps = figures[start : start + count]
    if not count or len(gaps) != count or gaps[-1].figure.unit != "百分点":
        return []
    if any(gap.figure.unit not in ("个", "百分点") for gap in gaps[:-1]):
        return []
    joints = [layout.text[a.figure.end : b.figure.start] for a, b in zip(gaps, gaps[1:], strict=False)]
    return gaps if all(_LIST.match(joint) for joint in joints) else []
