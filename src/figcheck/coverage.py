"""Coverage: which statements assert a relation, so that silence never hides a miss.

A stated rate (「办结率98%」), share (「占…40%」) or change (「同比增长5.6%」, 「提高3个百分点」) asserts a
relation with other figures. When figcheck checked it, the statement is verified or failed; when the
text does not give what it is computed from (the other endpoint, the counts), it is *unverifiable*,
and the report counts it rather than staying silent.
"""

from __future__ import annotations

import regex

from figcheck import patterns, rulebook
from figcheck.claims.share import named_whole
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
    return patterns.compile(rf"\p{{Han}}{{1,10}}?率(?:{tails})?\s*$"), patterns.compile(
        rf"(?:{verbs})(?:{verb_tails})?\s*$"
    )


def asserted_with_reasons(layout: Layout) -> dict[int, str]:
    """The figures that state a rate, a share or a change, each with why it would be unverifiable if no relation
    checks it: the counts of a rate are not given (rate-counts), the whole a share names has no figure
    (share-whole=名称) or the share names none (share-figures), the base of a change is not given (change-base)."""
    rate, change = _patterns(layout.book)
    found: dict[int, str] = {}
    for placed in layout.placed:
        figure = placed.figure
        if figure.unit not in _RATIO_UNITS or figure.high is not None:
            continue
        label = placed.label
        if "占" in label:
            whole = named_whole(layout.book, label)
            found[figure.start] = f"share-whole={whole}" if whole else "share-figures"
        elif rate.search(label):
            found[figure.start] = "rate-counts"
        elif change.search(label):
            found[figure.start] = "change-base"
    return found
