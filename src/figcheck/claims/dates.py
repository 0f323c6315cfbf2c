"""Dates as written, for what the calendar refuses (rules/cues.toml [dates]).

- 「2月30日」, 「13月」, 「2023年2月29日」: a date no calendar has (FC604). Without a year, 2月29日 is allowed.
- 「2025年9月至6月」, 「2024年3月15日至10日」: a period whose end comes before its start (FC605). Only where the start
  writes its year and the end none: the end is then in the start's year. 「11月15日至3月15日」 may cross a new year
  (a heating season), and is not read.
- 「截至2025年3月31日」 in a report dated 2025年1月20日 (a line holding only that date among its last lines, its
  落款): figures stated as of a day after the report (FC606).

Dates are not figures (figures/nonquantities.py leaves them out), so they are read from the text here; a claim
stands on a figure made for the date, as a suppression note does.
"""

from __future__ import annotations

import calendar
from decimal import Decimal
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.model import Date, DateClaim
from figcheck.figures import Figure
from figcheck.figures.numerals import whole_number
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

IMPOSSIBLE, REVERSED, AFTER_REPORT = "impossible", "reversed", "after-report"

_CN = "〇零一二三四五六七八九十"
_YEAR = rf"(?:(?:19|20)\d{{2}}|[一二][{_CN}]{{3}})"
_NUMBER = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
# a month not inside a longer number (2012月 is no month 12), a day before 日 or 号
# § stands for the groups' prefix (a period names its two ends a_ and b_)
_DATE = (
    rf"(?:(?P<§year>{_YEAR})\s*年\s*)?(?<![\d.．{_CN}])(?P<§month>{_NUMBER})\s*(?P<§m>月)"
    rf"(?:\s*(?P<§day>{_NUMBER})\s*(?P<§d>[日号]))?"
)


class _Cues(NamedTuple):
    date: regex.Pattern[str]
    period: regex.Pattern[str]
    as_of: regex.Pattern[str]
    signature: regex.Pattern[str]
    signature_lines: int


@rulebook.derived
def _cues(book: Rulebook) -> _Cues:
    data = book.load("cues.toml")["dates"]
    alt = rulebook.alternation
    first, second = _DATE.replace("§", "a_"), _DATE.replace("§", "b_")
    day_only = rf"(?P<b_dayonly>{_NUMBER})\s*(?P<b_dayunit>[日号])"
    return _Cues(
        date=patterns.compile(_DATE.replace("§", "")),
        period=patterns.compile(rf"{first}\s*(?:{alt(data['range_joiners'])})\s*(?:{second}|{day_only})"),
        as_of=patterns.compile(rf"(?:{alt(data['as_of'])})\s*{_DATE.replace('§', '')}"),
        signature=patterns.compile(rf"\s*{_DATE.replace('§', '')}\s*$"),  # by .match at a line's start
        signature_lines=int(data["signature_lines"]),
    )


def date_claims(layout: Layout) -> list[DateClaim]:
    """A claim per date the text writes (the check passes most of them silently), per period whose start writes a
    year and whose end does not, and per 截至 date of a report whose own date is known."""
    cues = _cues(layout.book)
    text = layout.text
    dates = _dates(cues.date, text)
    claims = [DateClaim(_placed(layout, date), IMPOSSIBLE, date) for date in dates]
    for date in dates:  # a period opens with a date that writes its year (read where one is: a scan costs 0.1 s)
        match = cues.period.match(text, date.start) if date.year is not None else None
        start, end = _period(match) if match is not None else (None, None)
        if start is not None and end is not None:
            claims.append(DateClaim(_placed(layout, end), REVERSED, end, start))
    report = _report_date(cues, text)
    if report is not None:
        for match in cues.as_of.finditer(text):
            date = _date(match, "")
            if date is not None and date.year is not None and date.start != report.start:
                claims.append(DateClaim(_placed(layout, date), AFTER_REPORT, date, report))
    return claims


def _dates(pattern: regex.Pattern[str], text: str) -> list[Date]:
    """Every date, read around each 月 (a scan of every character by the date pattern cost three times as much)."""
    dates, last_end = [], 0
    for month in _MONTH.finditer(text):
        at = month.start()
        match = pattern.search(text, max(last_end, at - _BEFORE_MONTH), min(len(text), at + _AFTER_MONTH))
        while match is not None and match.start("m") < at:
            match = pattern.search(text, match.end(), min(len(text), at + _AFTER_MONTH))
        if match is None or match.start("m") != at:
            continue
        date = _date(match, "")
        if date is not None:
            dates.append(date)
            last_end = match.end()
    return dates


_MONTH = patterns.compile("月")  # a word: compiled by re, when first used
_BEFORE_MONTH, _AFTER_MONTH = 12, 8  # 「二〇二四 年 十二 」 before 月, 「 三十一 日」 after it


def _date(match: regex.Match[str], prefix: str) -> Date | None:
    month = whole_number(match.group(prefix + "month"))
    day_text = match.group(prefix + "day")
    day = whole_number(day_text) if day_text else None
    year_text = match.group(prefix + "year")
    if month is None or (day_text and day is None):
        return None
    year = whole_number(year_text) if year_text else None
    start = match.start(prefix + "year") if year_text else match.start(prefix + "month")
    end = match.end(prefix + "d") if day_text else match.end(prefix + "m")
    return Date(year, month, day, start, end)


def _period(match: regex.Match[str]) -> tuple[Date | None, Date | None]:
    """The period's two ends, the end in the start's year (the match opens at a date that writes its year); (None,
    None) where the end writes a year of its own."""
    start = _date(match, "a_")
    if start is None or match.group("b_year"):
        return None, None
    if match.group("b_dayonly"):
        if start.day is None:
            return None, None
        day = whole_number(match.group("b_dayonly"))
        end = match.end("b_dayunit")
        # (a day no number reads, or 0, ends nothing the check compares: a day not written, or an impossible one)
        return start, Date(start.year, start.month, day, match.start("b_dayonly"), end)
    end = _date(match, "b_")
    return start, end and Date(start.year, end.month, end.day, end.start, end.end)


def _report_date(cues: _Cues, text: str) -> Date | None:
    """The report's own date: the last line holding only a full date, among its last lines."""
    offset = len(text)
    for _ in range(cues.signature_lines):
        line_start = text.rfind("\n", 0, max(offset - 1, 0)) + 1
        match = cues.signature.match(text, line_start, offset)
        if match is not None:
            date = _date(match, "")
            if date is not None and date.year is not None and date.day is not None:
                return date
        if line_start == 0:
            break
        offset = line_start
    return None


def days_in(year: int | None, month: int) -> int:
    """The days a month has; February 29 where the year is not known."""
    return calendar.monthrange(year if year is not None else 2024, month)[1]


def _placed(layout: Layout, date: Date) -> Placed:
    raw = layout.text[date.start : date.end]
    return layout.placed_at(Figure(date.start, date.end, raw, Decimal(date.day or date.month), numeral=raw))
