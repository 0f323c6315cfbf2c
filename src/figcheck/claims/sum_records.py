"""Records: a sentence of totals, then one record per category with the same fields — a table written as prose.

「全年全市各级各类学校4563所，毕业生55.6万人，在校生211.74万人，招生51.75万人。其中，高等教育学校5所，毕业生2.49万人，
在校生10.64万人，招生4.26万人。中等职业教育学校37所，毕业生2.19万人，……」: each field of the first sentence is the
total of the same field over the records after it. A field is named by the words at the end of its label (毕业生,
在校生) and counted in one kind of unit; the first names all of its kind (全市, 各级各类). A record opens with the first
field (the number of schools, named by its category: 初级中学461所), is a sentence or a clause between semicolons,
and names at least one more field; records follow each other, the first one after 其中 (or naming three of the
fields), and end where their own counts would pass the total (民办学校 cut across the others). A record need not
give every field (幼儿园 have no 毕业生): each field adds up over the records that give it. Nothing says the records
are all the categories, so a shortfall is only a note.
"""

from __future__ import annotations

from figcheck import patterns
from figcheck.claims.common import family, is_count
from figcheck.claims.model import OPEN, SumClaim
from figcheck.claims.sum_listed import usable
from figcheck.layout import Layout, Placed

_MOST_RECORDS = 12
_MOST_FIELDS = 8
# The first total names all of its kind (「全市各级各类学校4563所」); a record never does.
_WHOLE_WORDS = ("各级各类", "全市", "全县", "全省", "全州", "全区", "全国", "全镇", "共有", "总")
_WHOLE = patterns.compile("|".join(_WHOLE_WORDS))
_MOST_IN_RECORD = 24  # figures in one record
_TAIL = 2  # characters a field's name and a record's label must share at their end
_RECORD_END = patterns.compile(r"[；;。]")
_SPACES = patterns.compile(r"\s+")


def record_claims(layout: Layout, taken: set[int]) -> list[SumClaim]:
    claims: list[SumClaim] = []
    used: set[int] = set()  # figures of records already read: a record is never the totals of the next ones
    for sentence in layout.sentences_with(_WHOLE):  # the first total names all of its kind: only such sentences
        figures = layout.in_sentence(sentence)
        if len(figures) < 2 or not _WHOLE.search(layout.text, layout.sentences[sentence][0], figures[0].figure.start):
            continue
        fields = _fields(layout, figures, taken | used)
        if not 2 <= len(fields) <= _MOST_FIELDS:
            continue
        records = _records(layout, sentence, fields, taken)
        if len(records) < 2:
            continue
        used.update(placed.index for record in records for placed in record if placed is not None)
        for position, total in enumerate(fields):
            parts = [record[position] for record in records if record[position] is not None]
            if len(parts) >= 2:
                claims.append(SumClaim(total, tuple(parts), OPEN, "", tight=True))
    return claims


def _name(placed: Placed) -> str:
    return _SPACES.sub("", placed.label).removeprefix("其中")


def _fields(layout: Layout, figures: list[Placed], taken: set[int]) -> list[Placed]:
    """The totals of a record sentence: counts outside parentheses, each named by its own last words, the first
    naming all of its kind (全市…, 各级各类…)."""
    counts = [p for p in figures if p.depth == 0 and is_count(p) and p.index not in taken]
    if not counts or not any(word in _name(counts[0]) for word in _WHOLE_WORDS):
        return []  # tested before the costlier reading of each figure's relations
    fields = [p for p in counts if usable(layout, p)]
    if not fields or fields[0] is not counts[0]:
        return []
    tails = [_name(p)[-_TAIL:] for p in fields]
    if len(fields) < 2 or any(len(tail) < _TAIL for tail in tails) or len(set(tails)) != len(tails):
        return []
    return fields


def _records(layout: Layout, sentence: int, fields: list[Placed], taken: set[int]) -> list[list[Placed | None]]:
    """The records after the totals' sentence: segments (sentences, or clauses between semicolons) that open with
    the first field and name at least one more, in a row."""
    records: list[list[Placed | None]] = []
    counted = 0  # the categories' own counts so far
    position = layout.in_sentence(sentence)[-1].index + 1  # past the totals' own rates (减产3.2%)
    end_of_totals = layout.sentences[sentence][1]
    while position < len(layout.placed) and len(records) < _MOST_RECORDS:
        opening = layout.placed[position]
        if layout.text.count("\n", end_of_totals, opening.figure.start) > 1:
            break  # a blank line ends the records
        segment = _segment(layout, position)
        record = _match(layout, fields, segment, taken)
        if record is None:
            break
        announced = layout.text[end_of_totals : opening.figure.start].lstrip("\n ").startswith("其中")
        if not records and not announced and sum(p is not None for p in record) < 3:
            return []  # without 其中 the first record must name three fields to be sure
        counted += record[0].figure.value
        if counted > fields[0].figure.value:
            break  # past the total count: a category across the others (民办学校), not one more
        records.append(record)
        position = segment[-1].index + 1
        end_of_totals = segment[-1].figure.end
    return records


def _segment(layout: Layout, position: int) -> list[Placed]:
    """The figures from `position` to the next semicolon or sentence end."""
    first = layout.placed[position]
    segment = [first]
    for placed in layout.placed[position + 1 : position + _MOST_IN_RECORD]:
        if _RECORD_END.search(layout.text, segment[-1].figure.end, placed.figure.start):
            break
        segment.append(placed)
    return segment


def _match(layout: Layout, fields: list[Placed], segment: list[Placed], taken: set[int]) -> list[Placed | None] | None:
    """Each field's figure in the segment, or None: the segment's first count is the first field (the category's
    own count, whatever it is called); each other field the first figure named like it, of its kind; at least
    one of them must be there."""
    record: list[Placed | None] = [None] * len(fields)
    opening = _first_count(layout, segment)
    if opening is None or opening.index in taken or family(layout, opening) != family(layout, fields[0]):
        return None
    if opening.figure.value > fields[0].figure.value or any(word in _name(opening) for word in _WHOLE_WORDS):
        return None  # a category cannot count more than all of them, nor name all of them
    record[0] = opening  # the category's own count, named by the category (初级中学461所, 幼儿园2275所)
    for placed in segment:
        if placed is opening or placed.depth != 0 or not usable(layout, placed) or placed.index in taken:
            continue
        name = _name(placed)
        for position, field in enumerate(fields[1:], start=1):
            if record[position] is None and _same_field(layout, field, placed, name):
                record[position] = placed
                break
    return record if sum(p is not None for p in record) >= 2 else None


def _same_field(layout: Layout, field: Placed, placed: Placed, name: str) -> bool:
    return name.endswith(_name(field)[-_TAIL:]) and family(layout, placed) == family(layout, field)


def _first_count(layout: Layout, segment: list[Placed]) -> Placed | None:
    return next((p for p in segment if p.depth == 0 and usable(layout, p)), None)
