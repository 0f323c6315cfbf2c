"""Dates the calendar refuses (claims/dates.py): a date that does not exist (FC604), a period that ends before it
starts (FC605), figures as of a day after the report's own date (FC606). A date that exists passes silently:
it is no relation between figures, and is not counted as verified."""

from __future__ import annotations

from figcheck.checks.shown import params
from figcheck.claims.dates import AFTER_REPORT, IMPOSSIBLE, REVERSED, days_in
from figcheck.claims.model import Date, DateClaim
from figcheck.findings import Finding, Involved

IMPOSSIBLE_DATE, REVERSED_PERIOD, AFTER_REPORT_DATE = "FC604", "FC605", "FC606"


def check(claim: DateClaim, truncation: bool) -> Finding | None:
    date, other = claim.date, claim.other
    if claim.kind == IMPOSSIBLE:
        why = _impossible(date)
        return _finding(claim, IMPOSSIBLE_DATE, why) if why else None
    if other is None or _impossible(date) or _impossible(other):
        return None  # an impossible end is its own finding (both ends of a period, a report's date, write a year)
    if claim.kind == REVERSED and _key(date, _END_OF_MONTH) < _key(other):
        why = (f"{_written(other)}之后是{_written(date)}", f"{_written(other)} is followed by {_written(date)}")
        return _finding(claim, REVERSED_PERIOD, why, other)
    if claim.kind == AFTER_REPORT and _after(date, other):
        why = (f"报告的落款日期{_written(other)}", f"the report's own date, {_written(other)}")
        return _finding(claim, AFTER_REPORT_DATE, why, other)
    return None


def _impossible(date: Date) -> tuple[str, str] | None:
    """Why no calendar has the date (in Chinese, in English), or None."""
    if not 1 <= date.month <= 12:
        return f"一年只有12个月，没有{date.month}月", f"a year has 12 months, not {date.month}"
    if date.day is not None and not 1 <= date.day <= days_in(date.year, date.month):
        days = days_in(date.year, date.month)
        if date.year is None:
            return f"{date.month}月最多{days}天", f"month {date.month} has at most {days} days"
        return f"{date.year}年{date.month}月只有{days}天", f"month {date.month} of {date.year} has {days} days"
    return None


def _key(date: Date, day_unwritten: int = 0) -> tuple[int, int, int]:
    """A date's place in time; a day not written is the month's first, or its last (`_END_OF_MONTH`) where the date
    ends a period: 「2025年9月15日至9月」 is in order."""
    return date.year or 0, date.month, day_unwritten if date.day is None else date.day


_END_OF_MONTH = 32


def _after(date: Date, report: Date) -> bool:
    """A 截至 date after the report's: by the day where both write it, else by the month (截至2025年3月 in a report
    of 2025年3月20日 may mean the month so far)."""
    if date.day is None:
        return (date.year or 0, date.month) > (report.year or 0, report.month)
    return _key(date) > _key(report)


def _written(date: Date) -> str:
    year = f"{date.year}年" if date.year is not None else ""
    return f"{year}{date.month}月" + (f"{date.day}日" if date.day is not None else "")


def _finding(claim: DateClaim, code: str, why: tuple[str, str], other: Date | None = None) -> Finding:
    figure = claim.stated.figure
    values = dict(stated=figure.raw, why=why[0], why_en=why[1], date=_written(claim.date))
    if other is not None:
        values["other"] = _written(other)
    return Finding(code, False, figure, "", values["why"], (Involved(figure, "date"),), params(values))
