"""The HTML report: one self-contained page (inline style and script, no address outside the page) for a person
who would rather look than read. At the top a count by rule; for each input its findings, each with its arithmetic
and a link to its place, then the document's text with every figure marked — verified (green), failed (red),
unverifiable (grey), in no relation (dotted) — and its tables shown as tables."""

from __future__ import annotations

import bisect
from collections import Counter
from html import escape
from typing import IO

from figcheck.document import Document, Table
from figcheck.notices import notice_text
from figcheck.registry import rule
from figcheck.report import Options, Tally, elsewhere, message, severity, suggestion, tallied
from figcheck.report.html_page import SCRIPT, STYLE
from figcheck.report.text import arithmetic
from figcheck.results import FileResult

_WORDS = {
    "zh": {
        "title": "figcheck 数字核对报告",
        "summary": "检查了 {files} 个文件：错误 {error}，警告 {warning}，提示 {info}；核验通过的关系 {passed}，"
        "无法核验的陈述 {unverifiable}；无法读取的文件 {unreadable}。",
        "rules": ("代码", "规则", "级别", "条数"),
        "legend": ("核验通过", "不符", "无法核验", "未涉及关系"),
        "none": "未发现问题。",
        "cannot": "无法读取：",
        "advice": "建议：",
        "levels": {"error": "错误", "warning": "警告", "info": "提示"},
    },
    "en": {
        "title": "figcheck report",
        "summary": "{files} file(s) checked: {error} error(s), {warning} warning(s), {info} info; {passed} relation(s) "
        "verified, {unverifiable} statement(s) not verifiable; {unreadable} could not be read.",
        "rules": ("code", "rule", "severity", "findings"),
        "legend": ("verified", "does not hold", "not verifiable", "in no relation"),
        "none": "No findings.",
        "cannot": "cannot be read: ",
        "advice": "suggestion: ",
        "levels": {"error": "error", "warning": "warning", "info": "info"},
    },
}


def render(results, out: IO[str], options: Options) -> None:
    words = _WORDS[options.lang]
    tally = Tally()
    counts: Counter[str] = Counter()
    sections = []
    for number, result in enumerate(tallied(results, tally), start=1):
        counts.update(finding.code for finding in result.findings)
        sections.append(_section(number, result, options, words))
    out.write(f'<!DOCTYPE html>\n<html lang="{"zh-CN" if options.lang == "zh" else "en"}">\n<head>\n')
    out.write(f'<meta charset="utf-8">\n<title>{words["title"]}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n')
    out.write(f"<header><h1>{words['title']}</h1>\n")
    summary = words["summary"].format(
        files=tally.files,
        passed=tally.passed,
        unverifiable=tally.unverifiable,
        unreadable=tally.errors,
        **tally.by_severity,
    )
    out.write(f'<p class="summary">{escape(summary)}</p>\n{_rule_table(counts, words)}{_legend(words)}</header>\n')
    for section in sections:
        out.write(section)
    out.write(f"<script>{SCRIPT}</script>\n</body>\n</html>\n")


def _rule_table(counts: Counter[str], words: dict) -> str:
    if not counts:
        return f"<p>{words['none']}</p>\n"
    head = "".join(f"<th>{name}</th>" for name in words["rules"])
    rows = "".join(
        f"<tr><td>{code}</td><td>{escape(rule(code).name)}</td><td>{words['levels'][rule(code).severity]}</td>"
        f"<td>{count}</td></tr>"
        for code, count in sorted(counts.items())
    )
    return f'<table class="rules"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>\n'


def _legend(words: dict) -> str:
    kinds = zip(("pass", "fail", "unverifiable", "figure"), words["legend"], strict=True)
    return '<p class="legend">' + "".join(f'<mark class="{kind}">{label}</mark>' for kind, label in kinds) + "</p>\n"


def _section(number: int, result: FileResult, options: Options, words: dict) -> str:
    parts = [f'<section class="file" id="file{number}"><h2>{escape(result.path)}</h2>\n']
    if result.error is not None:
        return parts[0] + f'<p class="notice">{words["cannot"]}{escape(result.error)}</p></section>\n'
    document = result.document
    for key in document.notices:
        parts.append(f'<p class="notice">{escape(notice_text(key, options.lang))}</p>\n')
    parts.append('<ol class="findings">\n')
    for finding in sorted(result.findings, key=lambda f: (f.start, f.code)):
        level = severity(finding)
        where = document.locate(finding.start) or "{}:{}".format(*document.line_col(finding.start))
        advice = suggestion(finding, options.lang)
        other = elsewhere(finding, options.lang)
        parts.append(
            f'<li class="{level}"><a class="goto" href="#file{number}-at{finding.start}">{finding.code}</a> '
            f'{escape(message(finding, options.lang))} <span class="where">{escape(where)}</span>'
            f'<span class="arith">{escape(arithmetic(finding, options.lang))}</span>'
            + (f'<span class="where">{escape(other)}</span>' if other else "")
            + (f'<span class="advice">{words["advice"]}{escape(advice)}</span>' if advice else "")
            + "</li>\n"
        )
    parts.append("</ol>\n")
    parts.append(f'<div class="doc">{_body(number, result, _status(result))}</div></section>\n')
    return "".join(parts)


def _status(result: FileResult) -> dict[int, str]:
    """Each figure's mark by its start: failed in any relation, else verified in one, else not verifiable."""
    status: dict[int, str] = {start: "unverifiable" for start in result.unverified}
    for finding in result.undecided:
        for involved in finding.figures:
            status.setdefault(involved.figure.start, "unverifiable")
    for finding in result.passed:
        for involved in finding.figures:
            status[involved.figure.start] = "pass"
    for finding in result.findings:
        for involved in finding.figures:
            status[involved.figure.start] = "fail"
    return status


def _body(number: int, result: FileResult, status: dict[int, str]) -> str:
    """The text a paragraph (a line) at a time, each table as a table where its first row stands."""
    document = result.document
    ordered = sorted(result.figures, key=lambda f: f.start)
    figures = (ordered, [figure.start for figure in ordered])
    tables = {_span(table)[0]: table for table in document.tables if table.cells}
    ends = sorted(_span(table) for table in document.tables if table.cells)
    html, offset, text = [], 0, document.text
    while offset < len(text):
        if offset in tables:
            html.append(_table(number, tables[offset], document, figures, status))
            offset = next(end for start, end in ends if start == offset)
            continue
        stop = text.find("\n", offset)
        stop = len(text) if stop < 0 else stop
        inner = next((start for start in tables if offset < start < stop), None)  # a table on a line's rest
        stop = inner if inner is not None else stop
        if text[offset:stop].strip():
            html.append(f"<p>{_marked(number, text, offset, stop, figures, status)}</p>\n")
        offset = stop + (inner is None)
    return "".join(html)


def _span(table: Table) -> tuple[int, int]:
    return min(cell.start for cell in table.cells), max(cell.end for cell in table.cells) + 1


def _table(number: int, table: Table, document: Document, figures, status) -> str:
    rows = []
    for row in table.grid():
        cells = "".join(
            f"<td>{_marked(number, document.text, cell.start, cell.end, figures, status)}</td>" if cell else "<td></td>"
            for cell in row
        )
        rows.append(f"<tr>{cells}</tr>")
    caption = f"<caption>{escape(document.locate(table.cells[0].start).split(' ')[0])}</caption>"
    return f'<table class="grid">{caption}{"".join(rows)}</table>\n'


def _marked(number: int, text: str, start: int, stop: int, figures, status: dict[int, str]) -> str:
    """text[start:stop] escaped, each figure in it wrapped in a <mark> named by its offset; `figures` are the
    figures in order with their starts."""
    ordered, starts = figures
    pieces, at = [], start
    for figure in ordered[bisect.bisect_left(starts, start) :]:
        if figure.start >= stop:
            break
        if figure.start < at or figure.end > stop:
            continue
        kind = status.get(figure.start, "figure")
        pieces.append(escape(text[at : figure.start]))
        pieces.append(
            f'<mark class="{kind}" id="file{number}-at{figure.start}">{escape(text[figure.start : figure.end])}</mark>'
        )
        at = figure.end
    pieces.append(escape(text[at:stop]))
    return "".join(pieces)
