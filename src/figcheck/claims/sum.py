"""Sum claims: a total and its parts.

Three wordings assert one: 其中 (or 分别为), read here — 「共办理建议86件，其中主办52件、协办34件」: the
parts follow the cue, the total stands before it in the same clause chain (or ends the previous
sentence when the sentence opens with 其中); 合计 after the parts, and a category set that partitions
a whole, read in sum_listed.py. One pass over the sentences runs all three, so a figure taken by one
is never a total or part of another — except that the head of a numbered item may be broken down
within its own item (「（二）公务用车购置及运行费46.56万元…其中：公务用车购置费25万元…」).

The parts are a numbered list when one follows the cue (sum_items.py: 「其中：1.予以公开6件；2.不予
公开5件。」, also after a colon right after the total, and over list paragraphs), else a clause chain
(sum_parts.py: it ends at a semicolon unless the next clause is a part of the same shape, at a nested
其中/分别为, or at a clause that opens a new statement). Figures in parentheses belong to a nested
breakdown; changes, bases, shares and amounts per head are never parts.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

from figcheck.claims import sum_headers as headers
from figcheck.claims.common import common_run, cues, is_count
from figcheck.claims.model import COMPLETE, OPEN, PARTIAL, SumClaim
from figcheck.claims.sum_clauses import WINDOW
from figcheck.claims.sum_items import STATEMENT_STYLE, item_heads, list_items
from figcheck.claims.sum_listed import (
    SEMICOLONS,
    category_claims,
    category_of,
    partition_of,
    sentence_gates,
    staged_parts,
    total_after_parts,
    usable,
)
from figcheck.claims.sum_nested import nested_breakdowns
from figcheck.claims.sum_parts import chain_parts, is_tight, starts_statement
from figcheck.claims.sum_records import record_claims
from figcheck.layout import Layout, Placed

_NEAREST = 8  # totals are sought among the nearest counts before a 其中
_SCAN = 200  # figures looked at before a 其中 for its total
_COLONS = "：:"


@dataclass(slots=True)
class _Pass:
    """One pass over a document's sentences: what is already taken, and where every figure starts."""

    layout: Layout
    by_sentence: dict[int, list[Placed]]
    starts: list[int]  # of every figure in the document, for lists that run over several sentences
    taken: set[int] = field(default_factory=set)  # figures already a total or a part
    heads: set[int] = field(default_factory=set)  # numbered items' heads: each may still be broken down
    totals: set[int] = field(default_factory=set)  # figures already a total
    # the total a sentence opening with a header (按…分，) broke down: the next header sentence breaks it down
    # again (「…总额2454.3亿元。按经营单位所在地分，城镇…；乡村…。按消费类型分，餐饮收入…；商品零售…」)
    header_totals: dict[int, Placed | None] = field(default_factory=dict)
    nested: list[SumClaim] = field(default_factory=list)  # parts broken down within their total's list

    def take(self, claim: SumClaim, numbered: bool) -> SumClaim:
        self.taken.add(claim.stated.index)
        self.totals.add(claim.stated.index)
        self.taken.update(part.index for part in claim.parts)
        if numbered:
            self.heads.update(part.index for part in claim.parts)
        return claim


def sum_claims(layout: Layout) -> list[SumClaim]:
    claims: list[SumClaim] = []
    by_sentence: dict[int, list[Placed]] = {}
    for placed in layout.placed:
        by_sentence.setdefault(placed.sentence, []).append(placed)
    state = _Pass(layout, by_sentence, [p.figure.start for p in layout.placed])
    breakdown = cues(layout.book).breakdown_pattern
    for claim in record_claims(layout, state.taken):  # a table in prose first: its 其中 opens records, not parts
        claims.append(claim)
        state.taken.update(part.index for part in claim.parts)
        state.taken.add(claim.stated.index)
        state.totals.add(claim.stated.index)
    named_openings = headers.possible_named_headers(layout)
    gates = sentence_gates(layout)  # the sentences each reading can find anything in, each found in one pass
    cued = set(layout.sentences_with(breakdown))
    for sentence in sorted(cued | named_openings | gates.colons | gates.totals_after | gates.members):
        start, end = layout.sentences[sentence]
        figures = by_sentence.get(sentence, [])
        if not figures and not (sentence > 0 and by_sentence.get(sentence - 1)):
            continue  # a sentence without figures may still hold a 其中 that opens a list: 「…1.00万元。其中：」
        starts = [p.figure.start for p in figures]
        named = headers.named_header(layout, by_sentence, sentence) if sentence in named_openings else None
        if named is not None:
            cue = _Cue(named.start, named.end, 0, -1)
            claim = _breakdown_claim(state, sentence, cue, starts, header=True, candidates=list(named.totals))
            claims += [claim] if claim is not None else []
        depth_at = _DepthScanner(layout.text, start)
        for match in breakdown.finditer(layout.text, start, end) if sentence in cued else ():
            header = bool(match.group("header"))
            if header and not _opens(layout.text, start, match.start()):
                continue  # a header breaks down the sentence before only as the opening of its own
            where = _Cue(match.start(), match.end(), *depth_at(match.start()))
            claim = _breakdown_claim(state, sentence, where, starts, header)
            if header:
                state.header_totals[sentence] = claim.stated if claim else None
            if claim is not None:
                claims.append(claim)
        if sentence in gates.colons:
            claims += _colon_claims(state, figures)
        if sentence in gates.totals_after:
            claims += total_after_parts(layout, figures, state.taken)
        if sentence in gates.members:
            claims += category_claims(layout, by_sentence, sentence, state.taken)
    return claims + state.nested


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


class _Cue(NamedTuple):
    """Where a 其中 (or 分别为) stands: its span, parenthesis depth and innermost opening parenthesis."""

    at: int
    end: int
    depth: int
    paren_start: int


def _breakdown_claim(
    state: _Pass,
    sentence: int,
    cue: _Cue,
    starts: list[int],
    header: bool = False,
    candidates: list[Placed] | None = None,
) -> SumClaim | None:
    layout = state.layout
    figures = state.by_sentence.get(sentence, [])
    items = list_items(layout.text, cue.end) if cue.depth == 0 else []
    start, end = layout.sentences[sentence]
    announced = layout.text.startswith(tuple(_COLONS), cue.end) or _opens(layout.text, start, cue.at)
    best: tuple[tuple[bool, int, int], Placed, list[Placed], bool] | None = None
    named_by_header = candidates is not None
    if named_by_header:
        pass  # the header named them
    elif header and sentence - 1 in state.header_totals:
        earlier = state.header_totals[sentence - 1]  # one more breakdown of the same total, or of nothing
        candidates = [earlier] if earlier is not None else []
    else:
        candidates = _totals_before(state, sentence, cue, starts, header)
    for rank, total in enumerate(candidates):
        parts = _numbered_parts(state, items, total, candidates)
        numbered = bool(parts)
        if not numbered:
            chain = (cue.end, end, cue.depth, announced, header)
            parts = chain_parts(layout, figures, starts, total, chain, candidates)
            parts = staged_parts(layout, total, parts)
            if announced and len(parts) == 1:
                parts += headers.member_in_next_sentence(layout, state.by_sentence, sentence, parts[0], state.taken)
        if parts:
            score = max(common_run(total.label, part.label) for part in parts)
            key = (score >= 2, score if score >= 2 else 0, rank)  # one shared character is chance
            if best is None or key > best[0]:
                best = (key, total, parts, numbered)
    if best is None or (named_by_header and len(best[2]) < 2):
        return None  # a header naming its total announces a breakdown: one figure after it is no list
    _, total, parts, numbered = best
    # a member opening the next sentence (国内…。入境…) opens a statement of its own, which may break it down
    state.heads.update(part.index for part in parts if part.sentence != sentence)
    parts, nested = nested_breakdowns(total, parts)
    for head, run in nested:  # 「参保105.55万人，在职职工81.33万人，离退休人员24.22万人；…」: a part and its own parts
        state.nested.append(state.take(SumClaim(head, tuple(run), OPEN, "", tight=True), False))
    completeness, evidence = _completeness(layout, total, parts, cue.end)
    # an announced list (其中： or a sentence opening with 其中) goes on past a semicolon only with parallel
    # labels while short of its total: as sure a list as one joined by 、
    tight = numbered or announced or is_tight(layout, figures, starts, parts)
    return state.take(SumClaim(total, tuple(parts), completeness, evidence, tight=tight), numbered)


def _numbered_parts(state: _Pass, items: list, total: Placed, others: list[Placed]) -> list[Placed]:
    """The heads of a numbered list's items, when each item has one and none opens a new statement."""
    heads = item_heads(state.layout, state.starts, items, total) if items else []
    if any(head.index in state.taken or starts_statement(state.layout, head, total, others) for head in heads):
        return []
    return heads


def _colon_claims(state: _Pass, figures: list[Placed]) -> list[SumClaim]:
    """「全年受理申请10件：1.予以公开6件；2.不予公开4件。」: a numbered list right after a total and a
    colon breaks it down (not a list of 一是, 二是: those state, they do not break down)."""
    layout, claims = state.layout, []
    for total in figures:
        after = total.figure.end
        while after < len(layout.text) and layout.text[after] in " \u3000":
            after += 1
        if after >= len(layout.text) or layout.text[after] not in _COLONS or total.depth != 0:
            continue
        if total.index in state.taken or not is_count(total) or not usable(layout, total):
            continue
        items = list_items(layout.text, after + 1)
        if not items or items[0].style == STATEMENT_STYLE:
            continue
        parts = _numbered_parts(state, items, total, [total])
        if parts:
            completeness, evidence = _completeness(layout, total, parts, after + 1)
            claims.append(state.take(SumClaim(total, tuple(parts), completeness, evidence, tight=True), True))
    return claims


def _totals_before(state: _Pass, sentence: int, cue: _Cue, starts: list[int], header: bool = False) -> list[Placed]:
    """The figures a 其中 may break down, the nearest last: counts before it in its clause chain.
    Of these the one whose label shares most wording with the parts wins, the nearest on a tie."""
    layout, by_sentence = state.layout, state.by_sentence
    start, _ = layout.sentences[sentence]
    figures = by_sentence.get(sentence, [])
    at, depth = cue.at, cue.depth
    opens_sentence = _opens(layout.text, start, at)
    if header and depth == 0:
        earlier = headers.totals_two_back(layout, by_sentence, sentence, state.taken, state.totals)
        if earlier is not None:
            free = [
                p for p in earlier if p.index not in state.taken or p.index in state.heads or p.index in state.totals
            ]
            return [p for p in free if usable(layout, p) and p.label][-_NEAREST:]
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
    if depth > 0:  # a part is broken down in its own parentheses: 「地上8013平方米（其中计容7998平方米…）」
        free = [p for p in before if p.index not in state.totals]
    else:
        free = [p for p in before if p.index not in state.taken or p.index in state.heads]
    return [p for p in free if usable(layout, p) and p.label][-_NEAREST:]


def _opens(text: str, sentence_start: int, at: int) -> bool:
    """Nothing but spaces and marks stands before `at` in its sentence: 「。其中，…」."""
    return not text[sentence_start:at].strip(" \t\u3000\xa0，,：:")


def _previous_boundary(text: str, sentence_start: int, at: int) -> int:
    """A 其中's total is sought in its own clause chain: after the previous 其中 or semicolon."""
    window = max(sentence_start, at - WINDOW)
    marks = [text.rfind(mark, window, at) for mark in ("其中", *SEMICOLONS)]
    return max(sentence_start, *marks)


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
    category = category_of(layout, total, parts) or partition_of(layout, parts)
    if category and len(parts) >= 2:
        return COMPLETE, category
    return OPEN, ""
