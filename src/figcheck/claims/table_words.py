"""The words of table headers and row labels (rules/cues.toml [table]), compiled once per rulebook."""

from __future__ import annotations

from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.rulebook import Rulebook


class _TableWords(NamedTuple):
    """The header and row words of tables (rules/cues.toml [table]), compiled once per rulebook."""

    total: regex.Pattern[str]
    total_or_sub: regex.Pattern[str]  # a header naming a total of its group: 合计, 总计, 小计
    subtotal: regex.Pattern[str]
    share: regex.Pattern[str]
    not_additive: regex.Pattern[str]
    breakdown_row: regex.Pattern[str]
    growth: regex.Pattern[str]
    current: regex.Pattern[str]
    previous: regex.Pattern[str]
    rate_whole: regex.Pattern[str]
    code_levels: tuple[str, ...]  # 类, 款, 项: the header cells of a subject code's columns


@rulebook.derived
def table_words(book: Rulebook) -> _TableWords:
    data = book.load("cues.toml")["table"]
    totals, prefixes = rulebook.alternation(data["totals"]), rulebook.alternation(data["total_prefixes"])
    return _TableWords(
        # 合计/总计 rows and columns sum their table; 全部财税收入 or 总指数 in an indicator list do not
        total=patterns.compile(rf"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?)?\s*(?:{totals})\s*$|^(?:{prefixes})"),
        subtotal=patterns.compile(rulebook.alternation(data["subtotals"])),
        total_or_sub=patterns.compile(rf"^(?:{rulebook.alternation([*data['totals'], *data['subtotals']])})$"),
        share=patterns.compile(rulebook.alternation(data["share_headers"])),
        not_additive=patterns.compile(rulebook.alternation(data["not_additive_headers"])),
        breakdown_row=patterns.compile(rf"^\s*(?:{rulebook.alternation(data['breakdown_rows'])})"),
        growth=patterns.compile(rulebook.alternation(data["growth_headers"])),
        current=patterns.compile(rulebook.alternation(data["current_period"])),
        previous=patterns.compile(rulebook.alternation(data["previous_period"])),
        rate_whole=patterns.compile(rulebook.alternation(data["rate_wholes"])),
        code_levels=tuple(data["code_levels"]),
    )
