"""What the view writes, as rich Text: one line per list entry, and the detail of the selected row.

The message, suggestion, arithmetic and excerpt are the terminal report's (figcheck.report, report.text), so
the view says exactly what `figcheck check` says.
"""

from __future__ import annotations

from rich.text import Text

from figcheck.findings import Finding, Involved
from figcheck.registry import rule
from figcheck.report import message, suggestion, unverifiable_reason
from figcheck.report.context import context_lines
from figcheck.report.styled import Styled
from figcheck.report.text import arithmetic
from figcheck.view.rows import FINDING, PASSED, UNDECIDED, Entry, FileHeader, Row, RuleHeader
from figcheck.view.words import words

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
_MARK = {PASSED: ("✓", "bold green"), UNDECIDED: ("？", "bold yellow")}
_COUNT_MARK = {FINDING: "●", PASSED: "✓", UNDECIDED: "？", "unverified": "？"}


def place(row: Row) -> str:
    """Where a row stands as its reader looks: line:column in a text file, 第12段 or 表1 第5行第2列 elsewhere."""
    line, column = row.document.line_col(row.offset)
    if row.document.has_lines:
        return f"{line}:{column}"
    return row.document.locate(row.offset) or f"{line}:{column}"


def label(entry: Entry, lang: str) -> Text:
    """The entry's line in the list, cut short with … where it is too long."""
    text = _label(entry, words(lang), lang)
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


def _label(entry: Entry, said: dict[str, str], lang: str) -> Text:
    if isinstance(entry, FileHeader):
        text = Text(entry.path, style="bold underline")
        if entry.error:
            text.append(f"  {said['unreadable']}：{entry.error}", style="bold red")
        else:
            text.append(f"  ({entry.count})", style="dim")
        return text
    if isinstance(entry, RuleHeader):
        return _rule_label(entry, said)
    if entry.status == FINDING:
        mark, style = "●", SEVERITY_STYLE[entry.severity]
    else:
        mark, style = _MARK.get(entry.status, ("？", "dim"))
    text = Text("    ")
    text.append(mark, style=style)
    text.append(f" {place(entry)} ", style="dim")
    if entry.finding is None:
        figure = entry.figure.raw if entry.figure is not None else ""
        text.append(f"{figure} {said['not_verifiable']}")
    else:
        text.append(message(entry.finding, lang))
    return text


def _rule_label(entry: RuleHeader, said: dict[str, str]) -> Text:
    text = Text("  ")
    if not entry.code:
        text.append(said["unverified"], style="bold dim")
    else:
        text.append(f"{entry.code} ", style=SEVERITY_STYLE[entry.severity])
        text.append(f"{rule(entry.code).name} ", style="bold")
        text.append(said[entry.severity], style=SEVERITY_STYLE[entry.severity])
    counts = " ".join(f"{_COUNT_MARK[status]}{count}" for status, count in entry.counts)
    text.append(f"  ({counts})", style="dim")
    return text


def detail(row: Row, lang: str) -> Text:
    """Where, which rule, the message, the sentence with its figures highlighted, the arithmetic, the advice."""
    said = words(lang)
    document = row.document
    text = Text(f"{row.path}:{place(row)}" if document.has_lines else f"{row.path}  {place(row)}", style="bold")
    where = document.locate(row.offset)
    # a paragraph's number says nothing a text file's line does not; a table cell or a page does
    if where and where != place(row) and (not document.has_lines or "表" in where or "页" in where):
        text.append(f"  [{where}]", style="cyan")
    text.append("\n\n")
    finding = row.finding
    if finding is None:
        text.append(said["statement"] + "\n", style="yellow")
        text.append(unverifiable_reason(row.reason, lang) + "\n\n")
        text.append(said["excerpt"], style="dim")
        text.append_text(_statement(row))
        return text
    text.append(f"{finding.code} ", style=SEVERITY_STYLE[row.severity])
    text.append(f"{rule(finding.code).name} · ")
    if row.status == FINDING:
        text.append(said[row.severity], style=SEVERITY_STYLE[row.severity])
    else:
        text.append(f"{_MARK[row.status][0]} {said[row.status]}", style=_MARK[row.status][1])
    text.append("\n" + message(finding, lang) + "\n\n")
    text.append(said["excerpt"], style="dim")
    if finding.figures[0].role == "directive":  # a suppression directive's note: its own words, no arithmetic
        text.append(finding.stated.raw, style="bold yellow")
    else:
        text.append_text(_lines(context_lines(document, finding)))
        text.append("\n\n")
        text.append(said["arithmetic"], style="dim")
        text.append(arithmetic(finding, lang), style="bold")
    advice = suggestion(finding, lang)
    if advice:
        text.append("\n\n")
        text.append(said["suggestion"], style="dim")
        text.append(advice, style="italic")
    return text


def _statement(row: Row) -> Text:
    """The sentence of a statement that cannot be verified, its figure highlighted (the report's excerpt of a
    one-figure relation)."""
    if row.figure is None:
        return Text(row.document.line_text(row.offset))
    alone = Finding("", False, row.figure, "", "", (Involved(row.figure, "stated"),))
    return _lines(context_lines(row.document, alone))


def _lines(lines: list[Styled]) -> Text:
    """Context lines under their label: several (a table's rows) start on a line of their own, so they align."""
    joined = Text("\n").join(line.to_rich() for line in lines)
    return Text("\n") + joined if len(lines) > 1 else joined
