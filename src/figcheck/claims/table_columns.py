"""Columns read against other columns of their row: growth (「2023年 | 2022年 | 增长（%）」, FC403) and rates
(「受理 | 办结 | 办结率（%）」, FC404). Each reads the table through its reader (claims/table.py)."""

from __future__ import annotations

import regex

from figcheck.claims.model import ChangeClaim, ShareClaim


def growth_columns(reader) -> list[ChangeClaim]:
    """「2023年 | 2022年 | 增长（%）」: growth = (this period − last) / last, row by row."""
    periods = []
    for c in range(reader.label_cols, len(reader.headers)):
        header = reader.headers[c].replace(" ", "")
        if reader.words.not_additive.search(header):
            continue
        year = regex.search(r"(19|20)\d\d", header)
        rank = (
            int(year.group(0))
            if year
            else 2
            if reader.words.current.search(header)
            else 1
            if reader.words.previous.search(header)
            else None
        )
        if rank is not None:
            periods.append((rank, c))
    if len(periods) != 2 or periods[0][0] == periods[1][0]:
        return []
    (_, previous), (_, current) = sorted(periods)
    claims = []
    for c in range(reader.label_cols, len(reader.headers)):
        if not reader.words.growth.search(reader.headers[c]) or regex.search(r"百分点", reader.headers[c]):
            continue
        for r in reader.data_rows():
            growth, base, result = reader.values[r][c], reader.values[r][previous], reader.values[r][current]
            if growth is not None and base is not None and result is not None and base.figure.value > 0:
                claims.append(ChangeClaim(growth, base, result, "percent", 1, table=True))
    return claims


def rate_columns(reader) -> list[ShareClaim]:
    """「受理 | 办结 | 办结率（%）」: a rate column against the column its name starts with, over the
    row's total (a 合计/总数/受理/收到 column, or the only other value column)."""
    claims = []
    value_columns = [c for c in range(reader.label_cols, len(reader.headers)) if reader.additive(c)]
    for c in range(reader.label_cols, len(reader.headers)):
        header = reader.column_header(c)
        named = regex.search(r"(\p{Han}{2})率", header)
        if named is None or reader.words.growth.search(header):
            continue
        stem = named.group(1)
        numerators = [v for v in value_columns if stem in reader.column_header(v)]
        wholes = [
            v for v in value_columns if v not in numerators and reader.words.rate_whole.search(reader.column_header(v))
        ]
        if not wholes and len(value_columns) == 2 and len(numerators) == 1:
            wholes = [v for v in value_columns if v not in numerators]
        if len(numerators) != 1 or len(wholes) != 1:
            continue
        for r in reader.data_rows():
            rate, part, whole = reader.values[r][c], reader.values[r][numerators[0]], reader.values[r][wholes[0]]
            if rate is not None and part is not None and whole is not None and whole.figure.value > 0:
                unit = rate.figure.unit or ("‰" if "‰" in header else "%")
                claims.append(ShareClaim(rate, part, whole, unit, table="rate"))
    return claims
