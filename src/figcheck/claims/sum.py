"""Sum claims: a total and its parts.

Three wordings assert one: 其中 (or 分别为), read here — 「共办理建议86件，其中主办52件、协办34件」: the
parts follow the cue, the total stands before it in the same clause chain (or ends the previous
sentence when the sentence opens with 其中); 合计 after the parts, and a category set that partitions
a whole, read in sum_listed.py. One pass over the sentences runs all three, so a figure taken by one
is never a total or part of another.

A parts list ends at a semicolon, at a nested 其中/分别为, or at a clause that opens a new statement
(全县…, 共有…, or the same opening word as the total's own label). Figures in parentheses belong to
a nested breakdown; changes, bases, shares and amounts per head are never parts.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from figcheck.claims.common import common_run, cues, family
from figcheck.claims.model import COMPLETE, OPEN, PARTIAL, SumClaim
from figcheck.claims.sum_listed import (
    MOST_PARTS,
    SEMICOLONS,
    category_claims,
    category_of,
    modifies_next,
    staged_parts,
    total_after_parts,
    usable,
)
from figcheck.layout import Layout, Placed

_NEAREST = 8  # totals are sought among the nearest counts before a 其中
_SCAN = 200  # figures looked at before a 其中 for its total
_WINDOW = 3000  # characters a breakdown may span around its 其中
_LIST_MARKS = frozenset("、，,")


def sum_claims(layout: Layout) -> list[SumClaim]:
    claims: list[SumClaim] = []
    by_sentence: dict[int, list[Placed]] = {}
    for placed in layout.placed:
        by_sentence.setdefault(placed.sentence, []).append(placed)
    breakdown = regex.compile("|".join(map(regex.escape, cues(layout.book).breakdown)))
    taken: set[int] = set()  # figures already a total or a part
    for sentence, (start, end) in enumerate(layout.sentences):
        figures = by_sentence.get(sentence, [])
        if not figures:
            continue
        starts = [p.figure.start for p in figures]
        depth_at = _DepthScanner(layout.text, start)
        for match in breakdown.finditer(layout.text, start, end):
            where = _Cue(match.start(), match.end(), *depth_at(match.start()))
            claim = _breakdown_claim(layout, by_sentence, sentence, where, taken, starts)
            if claim is not None:
                claims.append(claim)
                taken.add(claim.stated.index)
                taken.update(part.index for part in claim.parts)
        claims += total_after_parts(layout, figures, taken)
        claims += category_claims(layout, by_sentence, sentence, taken)
    return claims


class _DepthScanner:
    """Parenthesis depth at increasing offsets of one sentence, in one pass over its text."""

    def __init__(self, text: str, start: int) -> None:
        self.text, self.position, self.opened = text, start, []

    def __call__(self, offset: int) -> tuple[int, int]:
        for at in range(self.position, offset):
            ch = self.text[at]
            if ch in "（([":
                self.opened.append(at)
            elif ch in "）)]" and self.opened:
                self.opened.pop()
        self.position = max(self.position, offset)
        return len(self.opened), (self.opened[-1] if self.opened else -1)


@dataclass(frozen=True, slots=True)
class _Cue:
    """Where a 其中 (or 分别为) stands: its span, parenthesis depth and innermost opening parenthesis."""

    at: int
    end: int
    depth: int
    paren_start: int


_LEADING_PERIOD = regex.compile(r"^[，,、：:\s]*(?:(?:19|20)\d\d年(?:度|末|底)?|上半年|全年)?")


def _opening(label: str) -> str:
    """The first word of a label, a leading year left out: 「2015年全县完成…」 → 「全县」."""
    return _LEADING_PERIOD.sub("", label)[:2]


def _starts_statement(layout: Layout, placed: Placed, total: Placed, others: list[Placed]) -> bool:
    """A clause that is not one more part: it opens like a new statement, names a whole, opens with
    the total's own first word, or repeats the wording of another figure before the cue (「…完成工业
    增加值644350万元。其中规模以上企业完成工业总产值…，完成工业增加值…」)."""
    label = placed.label.lstrip("，,、：: ")
    if label.startswith(cues(layout.book).new_statement) or any(
        word in label for word in cues(layout.book).whole_words
    ):
        return True
    if len(_opening(total.label)) == 2 and _opening(label) == _opening(total.label):
        return True
    own = common_run(total.label, label)
    return any(
        common_run(other.label, label) >= max(4, own + 1)
        for other in others
        if other is not total and other.figure.unit == total.figure.unit
    )


def _breakdown_claim(
    layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int, cue: _Cue, taken: set[int], starts: list[int]
) -> SumClaim | None:
    _, end = layout.sentences[sentence]
    figures = by_sentence.get(sentence, [])
    cue_end, depth = cue.end, cue.depth
    limit = _breakdown_end(layout.text, cue_end, end, depth)
    best: tuple[tuple[bool, int, int], Placed, list[Placed]] | None = None
    candidates = _totals_before(layout, by_sentence, sentence, cue, taken, starts)
    for rank, total in enumerate(candidates):
        parts = _parts(layout, figures, total, cue_end, limit, depth, candidates, starts)
        if parts:
            score = max(common_run(total.label, part.label) for part in parts)
            key = (score >= 2, score if score >= 2 else 0, rank)  # one shared character is chance
            if best is None or key > best[0]:
                best = (key, total, parts)
    if best is None:
        return None
    _, total, parts = best
    completeness, evidence = _completeness(layout, total, parts, cue_end)
    tight = _is_tight(layout, figures, parts)
    return SumClaim(total, tuple(parts), completeness, evidence, tight=tight)


def _parts(
    layout: Layout,
    figures: list[Placed],
    total: Placed,
    after: int,
    limit: int,
    depth: int,
    others: list[Placed],
    starts: list[int],
) -> list[Placed]:
    kind = family(layout, total)
    parts: list[Placed] = []
    for position in range(bisect.bisect_left(starts, after), len(figures)):
        placed = figures[position]
        if placed.figure.start >= limit or len(parts) >= MOST_PARTS:
            break
        if not (after <= placed.figure.start) or placed.depth != depth:
            continue
        if parts and (_starts_statement(layout, placed, total, others) or _verb_after_comma(layout, parts, placed)):
            break
        if not usable(layout, placed) or family(layout, placed) != kind or modifies_next(layout, figures, position):
            continue
        parts.append(placed)
    return staged_parts(layout, total, parts)


def _verb_after_comma(layout: Layout, parts: list[Placed], placed: Placed) -> bool:
    """「新增营造林148万亩、其中…43万亩，修复治理退化草原517万亩」: after a comma, a clause opening
    with a statement verb (修复, 完成, 开展 …) is a new statement — unless the parts themselves open
    with such verbs."""
    gap = layout.text[parts[-1].figure.end : placed.figure.start]
    if not any(mark in gap for mark in "，,"):
        return False
    verbs = cues(layout.book).statement_verbs
    return _opening_text(placed.label).startswith(verbs) and not _opening_text(parts[0].label).startswith(verbs)


def _opening_text(label: str) -> str:
    text = _LEADING_PERIOD.sub("", label)
    return text[2:] if text.startswith("其中") else text


def _totals_before(
    layout: Layout,
    by_sentence: dict[int, list[Placed]],
    sentence: int,
    cue: _Cue,
    taken: set[int],
    starts: list[int],
) -> list[Placed]:
    """The figures a 其中 may break down, the nearest last: counts before it in its clause chain.
    Of these the one whose label shares most wording with the parts wins, the nearest on a tie."""
    start, _ = layout.sentences[sentence]
    figures = by_sentence.get(sentence, [])
    at, depth = cue.at, cue.depth
    opens_sentence = not layout.text[start:at].strip(" \t\u3000\xa0，,：:")
    if opens_sentence and depth == 0 and sentence > 0:
        before = [p for p in by_sentence.get(sentence - 1, [])[-_SCAN:] if p.depth == 0]
    else:
        boundary = cue.paren_start if depth > 0 else _previous_boundary(layout.text, start, at)
        wanted = depth - 1 if depth > 0 else depth
        before = [
            p
            for p in figures[max(0, bisect.bisect_left(starts, at) - _SCAN) : bisect.bisect_left(starts, at)]
            if p.figure.end <= at
            and p.depth == wanted
            and (p.figure.end <= boundary if depth > 0 else boundary <= p.figure.start)
        ]
        if depth > 0:  # 「来信218件（其中网上信访156件）」: the total is the figure before the parenthesis
            before = before[-1:]
    return [p for p in before if usable(layout, p) and p.index not in taken and p.label][-_NEAREST:]


def _previous_boundary(text: str, sentence_start: int, at: int) -> int:
    """A 其中's total is sought in its own clause chain: after the previous 其中 or semicolon."""
    window = max(sentence_start, at - _WINDOW)
    marks = [text.rfind(mark, window, at) for mark in ("其中", *SEMICOLONS)]
    return max(sentence_start, *marks)


def _breakdown_end(text: str, after: int, sentence_end: int, depth: int) -> int:
    """Where a breakdown's parts stop: a semicolon, a nested 其中/分别, or a closing parenthesis."""
    limit = min(sentence_end, after + _WINDOW)
    for mark in (*SEMICOLONS, "其中", "分别"):
        found = text.find(mark, after, limit)
        if found >= 0:
            limit = found
    if depth > 0:
        level = depth
        for at in range(after, limit):
            if text[at] in "（(":
                level += 1
            elif text[at] in "）)":
                level -= 1
                if level < depth:
                    return at
    return limit


def _is_tight(layout: Layout, figures: list[Placed], parts: list[Placed]) -> bool:
    """Parts that follow each other directly, joined by 、 or ，, with no other figure between."""
    indices = [p.index for p in parts]
    if indices != list(range(indices[0], indices[0] + len(indices))):
        return False
    for first, second in zip(parts, parts[1:], strict=False):
        gap = layout.text[first.figure.end : second.figure.start]
        if any(mark in gap for mark in SEMICOLONS):
            return False
    return True


def _completeness(layout: Layout, total: Placed, parts: list[Placed], cue_end: int) -> tuple[str, str]:
    last = parts[-1].figure
    after_last = layout.text[last.end : last.end + 2]
    if any(after_last.startswith(word) for word in cues(layout.book).not_exhaustive_after):
        return PARTIAL, "等"
    opening = layout.text[cue_end : parts[0].figure.start].lstrip("，,：: ")
    if any(opening.startswith(word) for word in cues(layout.book).not_exhaustive_before):
        return PARTIAL, opening[:2]
    for part in parts:
        for word in cues(layout.book).remainder:
            if word in part.label:
                return COMPLETE, word
    category = category_of(layout, total, parts)
    if category and len(parts) >= 2:
        return COMPLETE, category
    return OPEN, ""
