"""The terminal report, for a person inspecting flagged lines.

    path:line:col CODE rule-name message
      │ the sentence, with the figures involved highlighted
      │ 8 + 1 + 11 + 3 + 2 = 25 ≠ 26（所述总数）

Colours and wrapping: report/console.py; what a finding is shown with (sentences, table rows): report/context.py.
"""

from __future__ import annotations

from decimal import Decimal
from typing import IO

from figcheck.checks.tolerance import describe
from figcheck.document import Document
from figcheck.figures import Figure
from figcheck.findings import Finding, Involved
from figcheck.notices import notice_text
from figcheck.registry import rule
from figcheck.report import (
    Options,
    Tally,
    Unverified,
    elsewhere,
    message,
    severity,
    suggestion,
    summary_line,
    tallied,
    unverifiable_reason,
    unverified,
)
from figcheck.report.console import Console, console_for, print_guttered, print_wrapped
from figcheck.report.context import context_lines
from figcheck.report.styled import Styled
from figcheck.results import FileResult

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
_STATED = {
    "zh": {
        "total": "所述总数",
        "rate": "所述比率",
        "share": "所述占比",
        "change": "所述变化",
        "growth": "所述增速",
        "stated": "所述数值",
    },
    "en": {
        "total": "stated total",
        "rate": "stated rate",
        "share": "stated share",
        "change": "stated change",
        "growth": "stated growth",
        "stated": "stated figure",
    },
}
_FORMULA_ONLY = ("FC205", "FC501", "FC601")  # the formula already says what is wrong
_SELF_STATED = ("FC205",)  # the formula ends with what it is compared with (≈ 100), not the stated figure
_WORDS = {"zh": {"cannot": "无法读取"}, "en": {"cannot": "cannot be read"}}


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    console = console_for(out, options.color)
    words = _WORDS[options.lang]
    tally = Tally()
    for result in tallied(results, tally):
        if result.error is not None:
            console.print(
                Styled.assemble(
                    (f"{result.path}: ", "bold"),
                    (f"{words['cannot']}：" if options.lang == "zh" else f"{words['cannot']}: ", "bold red"),
                    result.error,
                )
            )
            continue
        for key in result.document.notices if result.document is not None else ():
            console.print(Styled.assemble((f"{result.path}: ", "bold"), (notice_text(key, options.lang), "yellow")))
        for item in shown(result, options):
            if isinstance(item, Unverified):
                _render_unverified(console, result.document, item, options.lang)
            else:
                _render_one(console, result.document, item, options)
    print_wrapped(console, Styled(summary_line(tally, options.lang)))


def shown(result: FileResult, options: Options) -> list[Finding | Unverified]:
    """What a report lists for one input, in text order: the findings, the verified relations and the undecided
    ones with --show-passed, every unverifiable statement with its reason with --show-unverifiable (which then
    stands for the undecided ones too)."""
    items: list[Finding | Unverified] = list(result.findings)
    if options.show_passed:
        items += list(result.passed) + ([] if options.show_unverifiable else list(result.undecided))
    if options.show_unverifiable:
        items += unverified(result)
    return sorted(items, key=lambda item: (item.start, isinstance(item, Unverified), _order(item)))


def _order(item: Finding | Unverified) -> tuple:
    return (item.passed, item.code) if isinstance(item, Finding) else (False, "")


def _where(document: Document, start: int) -> Styled:
    line, column = document.line_col(start)
    head = Styled(f"{document.path}:{line}:{column} ", style="bold")
    where = document.locate(start)
    # a Word or web page's line is no line its reader sees: say where as a reader would look (第12段, 脚注3), and
    # in any table or PDF page too
    own_lines = document.path == "-" or document.path.lower().endswith((".txt", ".text", ".md", ".markdown"))
    if where and (not own_lines or "表" in where or "页" in where):
        head.append(f"[{where}] ", style="cyan")
    return head


def _render_one(console: Console, document: Document, finding: Finding, options: Options) -> None:
    head = _where(document, finding.start)
    if finding.undecided:
        head.append(f"{finding.code} ", style="yellow")
        head.append("？ ", style="bold yellow")
    elif finding.passed:
        head.append(f"{finding.code} ", style="green")
        head.append("✓ ", style="bold green")
    else:
        head.append(f"{finding.code} ", style=_SEVERITY_STYLE[severity(finding)])
        head.append(f"{rule(finding.code).name} ", style="dim")
    head.append(message(finding, options.lang))
    print_wrapped(console, head, "    ")
    if finding.figures[0].role == "directive":  # a suppression or baseline note: its own words, no arithmetic
        print_guttered(console, Styled(finding.stated.raw, style="bold yellow"))
    else:
        for line in context_lines(document, finding):
            print_guttered(console, line)
        print_guttered(console, Styled(arithmetic(finding, options.lang)))
    other = elsewhere(finding, options.lang)
    if other:
        print_guttered(console, Styled(other, style="cyan"))
    advice = suggestion(finding, options.lang)
    if advice:
        print_guttered(console, Styled(("建议：" if options.lang == "zh" else "suggestion: ") + advice, style="italic"))


def _render_unverified(console: Console, document: Document, item: Unverified, lang: str) -> None:
    head = _where(document, item.start)
    head.append("？ ", style="bold yellow")
    head.append(f"「{item.raw}」", style="bold")
    head.append(("无法核验：" if lang == "zh" else " cannot be verified: ") + unverifiable_reason(item.reason, lang))
    print_wrapped(console, head, "    ")
    figure = Figure(item.start, item.end, item.raw, Decimal(0))
    for line in context_lines(document, Finding("", False, figure, "", "", (Involved(figure, "stated"),))):
        print_guttered(console, line)


def arithmetic(finding: Finding, lang: str) -> str:
    stated = finding.stated
    role = finding.figures[0].role
    label = _STATED[lang].get(role, "")
    if finding.undecided:
        return (
            f"{finding.formula} ≟ {stated.raw}（按所写精度为 {describe(stated)}）"
            if lang == "zh"
            else (f"{finding.formula} ≟ {stated.raw} ({describe(stated)} as written)")
        )
    if finding.passed:
        if finding.allowance in ("exact", "part-of-whole") or finding.code in _SELF_STATED:
            return f"{finding.formula} ✓"
        return f"{finding.formula} ≈ {stated.raw} ✓"
    if finding.code in _FORMULA_ONLY:
        return finding.formula
    span = describe(stated)
    if not label:
        return f"{finding.formula} ≠ {stated.raw}"
    if span == stated.value_text:
        return (
            f"{finding.formula} ≠ {stated.raw}（{label}）"
            if lang == "zh"
            else f"{finding.formula} ≠ {stated.raw} ({label})"
        )
    if lang == "zh":
        return f"{finding.formula} ≠ {stated.raw}（{label}，按所写精度为 {span}）"
    return f"{finding.formula} ≠ {stated.raw} ({label}, {span} as written)"


def render_figures(results: list[FileResult], out: IO[str], lang: str = "zh") -> None:
    console = console_for(out)
    total = 0
    for result in results:
        if result.error is not None:
            console.print(f"{result.path}: {_WORDS[lang]['cannot']}：{result.error}")
            continue
        for figure in result.figures:
            line, column = result.document.line_col(figure.start)
            qualifier = "" if figure.qualifier == "none" else f"  [{figure.qualifier}]"
            console.print(
                f"{result.path}:{line}:{column}  {figure.raw}  = {figure.value_text} {figure.unit}{qualifier}"
            )
        total += len(result.figures)
    console.print(f"{total} 个数字" if lang == "zh" else f"{total} figure(s)")


def render_document(document: Document, out: IO[str]) -> None:
    """The extracted text, one block a line, each with its locator (第3段, 第2页 表1 第4行第3列)."""
    console = console_for(out)
    console.print(Styled(f"== {document.path}（{document.encoding}）", style="bold"))
    page = ""
    blocks = [s for s in document.segments if s.kind in ("paragraph", "heading", "table")]
    pages = [s for s in document.segments if s.kind == "page"]
    for block in blocks:
        current = next((p.locator for p in pages if p.start <= block.start < p.end), "")
        if current != page:
            page = current
            console.print(Styled(f"—— {page} ——", style="dim"))
        body = document.text[block.start : block.end].rstrip("\n")
        if block.kind == "table":
            console.print(Styled(f"[{block.locator}]", style="cyan"))
            for line in body.split("\n"):
                console.print(Styled("  " + line.replace("\t", " | ")))
        else:
            console.print(Styled(f"{block.locator}  ", style="cyan") + Styled(body))
