"""A table of cases that flow through the year (rules/cues.toml [table] flow_*): the rows 本年新收 and 上年结转
come in, the 总计 row of the outcomes and the row 结转下年度 go out — in every column
(new + carried in = concluded + pending, FC104), the identity the disclosure report's table states itself."""

from __future__ import annotations

from figcheck.claims.model import FlowClaim


def table_flows(reader) -> list[FlowClaim]:
    """One flow per value column, when each of the four rows is named exactly once and filled in."""
    cues = reader.book_cues
    rows = reader.data_rows()
    labels = {r: reader.row_label(r).replace(" ", "") for r in rows}

    def only(words) -> int | None:
        found = [r for r in rows if any(word in labels[r] for word in words)]
        return found[0] if len(found) == 1 else None

    new, carried, pending = only(cues["flow_new"]), only(cues["flow_carried_in"]), only(cues["flow_pending"])
    totals = [r for r in rows if reader.is_total(labels[r])]
    if new is None or carried is None or pending is None or len(totals) != 1:
        return []
    claims = []
    for c in reader.value_columns():
        cells = [reader.values[r][c] for r in (new, carried, totals[0], pending)]
        if all(cell is not None for cell in cells):
            claims.append(FlowClaim(cells[3], (cells[0], cells[1]), cells[2]))
    return claims


def flow_rows(cues: dict, labels: dict[int, str]) -> set[int]:
    """The rows that name a flow in or out of the year (本年新收, 上年结转, 结转下年度)."""
    words = [*cues["flow_new"], *cues["flow_carried_in"], *cues["flow_pending"]]
    return {r for r, label in labels.items() if any(word in label.replace(" ", "") for word in words)}
