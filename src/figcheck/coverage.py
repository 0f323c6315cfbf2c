"""Coverage: which statements assert a relation, so that silence never hides a miss.

A stated rate (「办结率98%」), share (「占…40%」) or change (「同比增长5.6%」, 「提高3个百分点」) asserts a
relation with other figures. When figcheck checked it, the statement is verified or failed; when the
text does not give what it is computed from (the other endpoint, the counts), it is *unverifiable*,
and the report counts it rather than staying silent.
"""

from __future__ import annotations

import regex

from figcheck import rulebook
from figcheck.layout import Layout
from figcheck.rulebook import Rulebook

_RATIO_UNITS = ("%", "‰", "百分点", "倍", "番")


@rulebook.derived
def _patterns(book: Rulebook) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A label ending with a rate's name, and one ending with a change verb (rules/cues.toml)."""
    cues = book.load("cues.toml")
    tails = rulebook.alternation(cues["rate"]["label_tails"])
    verbs = rulebook.alternation(cues["coverage"]["change_verbs"])
    verb_tails = rulebook.alternation(cues["coverage"]["change_tails"])
    return regex.compile(rf"\p{{Han}}{{1,10}}?率(?:{tails})?\s*$"), regex.compile(rf"(?:{verbs})(?:{verb_tails})?\s*$")


def asserted(layout: Layout) -> list[int]:
    """Offsets of the figures that state a rate, a share or a change."""
    rate, change = _patterns(layout.book)
    starts = []
    for placed in layout.placed:
        figure = placed.figure
        if figure.unit not in _RATIO_UNITS or figure.high is not None:
            continue
        label = placed.label
        if "占" in label or rate.search(label) or change.search(label):
            starts.append(figure.start)
    return starts
