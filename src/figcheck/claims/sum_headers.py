"""Headers that open a sentence and break down a total stated before it, further back than the sentence
before: 「总额1131.0亿元。其中，限额以上…313.2亿元。按经营单位所在地分，城镇…；乡村…」 (past the 其中 sentence),
and a header that names its total: 「…其中住户贷款余额112.3亿元。住户贷款中，短期贷款53.5亿元，中长期贷款…」."""

from __future__ import annotations

from typing import NamedTuple

from figcheck.claims.common import cues, family, is_count, states_change
from figcheck.claims.sum_listed import partition_of
from figcheck.claims.sum_parts import parallel
from figcheck.layout import Layout, Placed

_SCAN = 200  # figures of the sentence before looked at


class NamedHeader(NamedTuple):
    start: int
    end: int
    totals: tuple[Placed, ...]  # the figure it names: the nearest so named


def possible_named_headers(layout: Layout) -> set[int]:
    """The sentences a named header may open: those it occurs in (read once, not sentence by sentence)."""
    hint = cues(layout.book).named_header_hint
    return set(layout.sentences_with(hint)) if hint is not None else set()


def named_header(layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int) -> NamedHeader | None:
    """A sentence opening that names the total it breaks down (「住户存款余额中，活期存款…」), and the figure of
    the two sentences before, in the paragraph, so named."""
    pattern = cues(layout.book).named_header_pattern
    start, end = layout.sentences[sentence]
    found = pattern.match(layout.text, start, end) if pattern is not None and sentence > 0 else None
    if found is None:
        return None
    words = found.group("words")
    named: list[Placed] = []
    for earlier in (sentence - 2, sentence - 1):
        if earlier >= 0 and same_paragraph(layout, earlier + 1):
            figures = by_sentence.get(earlier, [])
            named += [p for p in figures if p.depth == 0 and is_count(p) and words in p.label and not _aside(layout, p)]
    return NamedHeader(found.start(), found.end(), tuple(named[-1:])) if named else None


def totals_two_back(
    layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int, taken: set[int], totals: set[int]
) -> list[Placed] | None:
    """The totals a header may break down when the total is two sentences back, nearest last; None when the
    sentence before is not between a header and its total."""
    if sentence < 2 or not same_paragraph(layout, sentence - 1):
        return None
    if _breaks_down_before(layout, by_sentence, sentence - 1, taken):
        # 「总额1131.0亿元，增长5.6%。其中，限额以上…313.2亿元。按经营单位所在地分，城镇…；乡村…」: a header
        # breaks down the total again, past the 其中 sentence that broke it down first
        return [p for p in by_sentence.get(sentence - 2, []) if p.index in totals and p.depth == 0][-1:]
    # or the sentence before stated a figure of its own: the total two back competes on its label
    earlier = [p for p in by_sentence.get(sentence - 2, []) if p.depth == 0 and is_count(p) and p.index not in taken]
    later = [p for p in by_sentence.get(sentence - 1, []) if p.depth == 0]
    return earlier[-1:] + [p for p in later[-_SCAN:] if p.index not in totals]


def member_in_next_sentence(
    layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int, part: Placed, taken: set[int]
) -> list[Placed]:
    """The other member of a partition opening the next sentence of the paragraph, labelled like the part:
    「其中：接待国内旅游者6672.87万人次…；国内旅游收入…。接待入境旅游者31.44万人次…」 goes on with 入境."""
    following = sentence + 1
    if following >= len(layout.sentences) or not same_paragraph(layout, following):
        return []
    head = next((p for p in by_sentence.get(following, []) if p.depth == 0), None)
    if head is None or head.index in taken or not partition_of(layout, [part, head]):
        return []
    same_kind = family(layout, head) == family(layout, part) and head.figure.unit == part.figure.unit
    return [head] if same_kind and parallel(part.label, head.label) else []


def same_paragraph(layout: Layout, sentence: int) -> bool:
    """The sentence follows the one before in the same paragraph."""
    return "\n" not in layout.text[layout.sentences[sentence - 1][1] : layout.sentences[sentence][0]]


def _aside(layout: Layout, placed: Placed) -> bool:
    """An aside in the figure's sentence before it: a total so qualified (「地方预算支出（扣除上解中央的部分）为…」)
    may not be the one a header names."""
    before = layout.text[layout.sentences[placed.sentence][0] : placed.figure.start]
    return "（" in before or "(" in before


def _breaks_down_before(layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int, taken: set[int]) -> bool:
    """The sentence opens with 其中 in the paragraph of the one before, and its figures are parts (or their
    changes: 「非税收入109.31亿元，增收32.28亿元」)."""
    start, end = layout.sentences[sentence]
    counts = [p for p in by_sentence.get(sentence, []) if p.depth == 0 and is_count(p) and not states_change(layout, p)]
    return (
        same_paragraph(layout, sentence)
        and layout.text[start:end].lstrip(" \u3000，,").startswith("其中")
        and bool(counts)
        and all(p.index in taken for p in counts)
    )
