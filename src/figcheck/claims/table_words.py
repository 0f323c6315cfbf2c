"""The words of table headers and row labels (rules/cues.toml [table]), compiled once per rulebook."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from figcheck import rulebook
from figcheck.rulebook import Rulebook


def _any(words: list[str]) -> str:
    return "|".join(map(regex.escape, rulebook.longest_first(words)))


@dataclass(frozen=True, slots=True)
class _TableWords:
    """The header and row words of tables (rules/cues.toml [table]), compiled once per rulebook."""

    total: regex.Pattern[str]
    subtotal: regex.Pattern[str]
    share: regex.Pattern[str]
    not_additive: regex.Pattern[str]
    breakdown_row: regex.Pattern[str]
    growth: regex.Pattern[str]
    current: regex.Pattern[str]
    previous: regex.Pattern[str]
    rate_whole: regex.Pattern[str]


@rulebook.derived
def table_words(book: Rulebook) -> _TableWords:
    data = book.load("cues.toml")["table"]
    totals, prefixes = _any(data["totals"]), _any(data["total_prefixes"])
    return _TableWords(
        # 合计/总计 rows and columns sum their table; 全部财税收入 or 总指数 in an indicator list do not
        total=regex.compile(rf"^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?)?\s*(?:{totals})\s*$|^(?:{prefixes})"),
        subtotal=regex.compile(_any(data["subtotals"])),
        share=regex.compile(_any(data["share_headers"])),
        not_additive=regex.compile(_any(data["not_additive_headers"])),
        breakdown_row=regex.compile(rf"^\s*(?:{_any(data['breakdown_rows'])})"),
        growth=regex.compile(_any(data["growth_headers"])),
        current=regex.compile(_any(data["current_period"])),
        previous=regex.compile(_any(data["previous_period"])),
        rate_whole=regex.compile(_any(data["rate_wholes"])),
    )
