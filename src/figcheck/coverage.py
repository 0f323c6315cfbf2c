"""Coverage: which statements assert a relation, so that silence never hides a miss.

A stated rate (「办结率98%」), share (「占…40%」) or change (「同比增长5.6%」, 「提高3个百分点」) asserts a
relation with other figures. When figcheck checked it, the statement is verified or failed; when the
text does not give what it is computed from (the other endpoint, the counts), it is *unverifiable*,
and the report counts it rather than staying silent.
"""

from __future__ import annotations

import regex

from figcheck.layout import Layout

_RATE = regex.compile(r"\p{Han}{1,10}?率(?:为|是|达|达到|约为|仅为|高达|保持在|稳定在|提升至|提高至|提高到|约)?\s*$")
_CHANGE = regex.compile(
    r"(?:增长|增加|下降|减少|提高|降低|上升|回落|扩大|缩小|压缩|缩短|增收|减收|增产|减产|上涨|下滑)(?:了|为|达|约)?\s*$"
)
_RATIO_UNITS = ("%", "‰", "百分点", "倍", "番")


def asserted(layout: Layout) -> list[int]:
    """Offsets of the figures that state a rate, a share or a change."""
    starts = []
    for placed in layout.placed:
        figure = placed.figure
        if figure.unit not in _RATIO_UNITS or figure.high is not None:
            continue
        label = placed.label
        if "占" in label or _RATE.search(label) or _CHANGE.search(label):
            starts.append(figure.start)
    return starts
