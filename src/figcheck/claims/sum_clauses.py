"""Where a clause chain of parts stops, and where the next clause of a list begins."""

from __future__ import annotations

from figcheck import patterns
from figcheck.claims.sum_listed import SEMICOLONS

WINDOW = 3000  # characters a breakdown may span around its 其中


def next_clause(text: str, limit: int, sentence_end: int, past_asides: bool) -> int:
    """The semicolon after which a list's next clause begins, from where its chain stopped; -1 at the
    sentence's end or at any other stop. A header's list (`past_asides`) goes on past a part's own 其中."""
    if limit >= sentence_end:
        return -1
    if text[limit] in SEMICOLONS:
        return limit
    return _aside_end(text, limit, sentence_end) if past_asides else -1


def _aside_end(text: str, at: int, sentence_end: int) -> int:
    """The semicolon closing a 其中 that breaks down the part before it (「城镇1615.23亿元，其中城区861.74亿元；
    乡村…」), where a header's list goes on; -1 when there is none."""
    if not text.startswith("其中", at):
        return -1
    ends = [found for found in (text.find(mark, at, sentence_end) for mark in SEMICOLONS) if found >= 0]
    return min(ends, default=-1)


def breakdown_end(text: str, after: int, sentence_end: int, depth: int) -> int:
    """Where a clause chain of parts stops: a semicolon or a nested 其中/分别 at the chain's own level
    (one inside a part's parentheses breaks down that part: 「地上8013平方米（其中计容7998平方米…），地下5356平方米」),
    or the parenthesis the chain stands in closing."""
    limit = min(sentence_end, after + WINDOW)
    level = 0
    for mark in _STOPS.finditer(text, after, limit):
        found = mark.group()
        if found in "（(":
            level += 1
        elif found in "）)":
            level -= 1
            if level < 0:
                return mark.start() if depth > 0 else limit
        elif level == 0:
            return mark.start()
    return limit


_STOPS = patterns.compile(rf"[（()）{SEMICOLONS}]|其中|分别")
