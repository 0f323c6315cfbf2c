"""A table's grand total against the same quantity stated in the prose (FC501): 「全年受理申请64件」 beside
a table whose 总计 is 61. The prose statement must name what the table counts (its noun in the table's caption
or header, six characters in common), for the whole the table totals (no one office acting for it)."""

from __future__ import annotations

import bisect

from figcheck import patterns
from figcheck.claims.common import common_run, is_count, states_other_relation
from figcheck.claims.model import RepeatClaim
from figcheck.claims.repeat import acting_for_itself
from figcheck.claims.repeat import subject as repeated_subject
from figcheck.layout import Layout, Placed

_UNIT = patterns.compile(r"[（(]([^）)]{1,6})[）)]")


def stated_in_prose(layout: Layout, grand: Placed, subject: str, spans: list[tuple[int, int]]) -> list[RepeatClaim]:
    """The prose statement of the table's total: the first that disagrees, else the first that agrees."""
    unit = _UNIT.search(subject)
    claims = []
    for placed in layout.placed:
        figure = placed.figure
        if in_cells(figure.start, spans) or not is_count(placed) or states_other_relation(layout, placed):
            continue
        if "其中" in placed.label or not figure.is_exact or (unit and figure.unit not in unit.group(1)):
            continue
        words = placed.label + layout.text[figure.end : figure.end + 8]
        noun = repeated_subject(layout, placed)[-2:]  # what the figure counts: 申请, not 信息处理费
        if noun not in subject or common_run(words, subject) < 6 or not acting_for_itself(layout, placed):
            continue
        claims.append(RepeatClaim(grand, placed, placed.label.strip("，,、 ")))
    claims.sort(key=lambda claim: claim.earlier.figure.value == grand.figure.value)
    return claims[:1]


def grand_total(reader) -> tuple[Placed, str] | None:
    """The table's grand total (its one 总计 row, in its total or only value column) and the words naming
    what it counts (the caption and the column's header), for the prose to be checked against."""
    rows = reader.data_rows()
    totals = [r for r in rows if reader.words.total.search(reader.row_label(r).replace(" ", "").split(" ")[-1])]
    columns = reader.value_columns()
    total_columns = [c for c in columns if reader.words.total.search(reader.column_header(c))]
    if len(totals) != 1 or not columns:
        return None
    column = total_columns[0] if len(total_columns) == 1 else columns[0] if len(columns) == 1 else None
    grand = reader.values[totals[0]][column] if column is not None else None
    if grand is None or not grand.figure.is_exact:
        return None
    return grand, (reader.caption + " " + reader.headers[column]).replace(" ", "")


def in_cells(offset: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]
