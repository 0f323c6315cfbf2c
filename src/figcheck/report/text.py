"""The terminal report, for a person inspecting flagged lines.

    path:line:col CODE rule-name message
      │ the sentence, with the figures involved highlighted
      │ 8 + 1 + 11 + 3 + 2 = 25 ≠ 26（所述总数）

Colours come from rich and are off when the output is not a terminal or NO_COLOR is set.
"""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text

from figcheck.checks.tolerance import describe
from figcheck.document import Document
from figcheck.findings import Finding
from figcheck.layout import sentence_spans
from figcheck.notices import notice_text
from figcheck.registry import rule
from figcheck.report import Options, Tally, message, severity, suggestion, tallied
from figcheck.results import FileResult

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
_ROLE_STYLE = {"total": "bold red", "rate": "bold red"}
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
_WORDS = {
    "zh": {
        "summary": "检查了 {files} 个文件：错误 {error}，警告 {warning}，提示 {info}；"
        "核验通过的关系 {passed}，无法核验的陈述 {unverifiable}{unreadable}。",
        "unreadable": "；无法读取的文件 {n}",
        "cannot": "无法读取",
    },
    "en": {
        "summary": "{files} file(s) checked: {error} error(s), {warning} warning(s), {info} info; "
        "{passed} relation(s) verified, {unverifiable} statement(s) not verifiable{unreadable}.",
        "unreadable": "; {n} could not be read",
        "cannot": "cannot be read",
    },
}
_EXCERPT_LIMIT = 160


def console_for(out: IO[str]) -> Console:
    return Console(file=out, highlight=False, soft_wrap=True, emoji=False, markup=False)


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    console = console_for(out)
    words = _WORDS[options.lang]
    tally = Tally()
    for result in tallied(results, tally):
        if result.error is not None:
            console.print(
                Text.assemble(
                    (f"{result.path}: ", "bold"),
                    (f"{words['cannot']}：" if options.lang == "zh" else f"{words['cannot']}: ", "bold red"),
                    result.error,
                )
            )
            continue
        for key in result.document.notices if result.document is not None else ():
            console.print(Text.assemble((f"{result.path}: ", "bold"), (notice_text(key, options.lang), "yellow")))
        shown = list(result.findings)
        if options.show_passed:
            shown += list(result.passed) + list(result.undecided)
        for finding in sorted(shown, key=lambda f: (f.start, f.passed, f.code)):
            _render_one(console, result.document, finding, options)
    unreadable = tally.errors
    console.print(
        words["summary"].format(
            files=tally.files,
            passed=tally.passed,
            unverifiable=tally.unverifiable,
            unreadable=words["unreadable"].format(n=unreadable) if unreadable else "",
            **tally.by_severity,
        )
    )


def _render_one(console: Console, document: Document, finding: Finding, options: Options) -> None:
    line, column = document.line_col(finding.start)
    head = Text(f"{document.path}:{line}:{column} ", style="bold")
    where = document.locate(finding.start)
    # a Word or web page's line is no line its reader sees: say where as a reader would look (第12段, 脚注3), and
    # in any table or PDF page too
    own_lines = document.path == "-" or document.path.lower().endswith((".txt", ".text", ".md", ".markdown"))
    if where and (not own_lines or "表" in where or "页" in where):
        head.append(f"[{where}] ", style="cyan")
    if finding.undecided:
        head.append(f"{finding.code} ", style="yellow")
        head.append("？ ", style="bold yellow")
        head.append(message(finding, options.lang))
    elif finding.passed:
        head.append(f"{finding.code} ", style="green")
        head.append("✓ ", style="bold green")
        head.append(message(finding, options.lang))
    else:
        head.append(f"{finding.code} ", style=_SEVERITY_STYLE[severity(finding)])
        head.append(f"{rule(finding.code).name} ", style="dim")
        head.append(message(finding, options.lang))
    console.print(head)
    if finding.figures[0].role == "directive":  # a suppression or baseline note: its own words, no arithmetic
        console.print(Text("  │ ", style="dim") + Text(finding.stated.raw, style="bold yellow"))
    else:
        console.print(Text("  │ ", style="dim") + _excerpt(document, finding))
        console.print(Text("  │ ", style="dim") + Text(arithmetic(finding, options.lang)))
    advice = suggestion(finding, options.lang)
    if advice:
        console.print(
            Text("  │ ", style="dim")
            + Text(("建议：" if options.lang == "zh" else "suggestion: ") + advice, style="italic")
        )


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


def _excerpt(document: Document, finding: Finding) -> Text:
    """The sentence(s) holding the finding's figures, those figures highlighted; figures far apart (a text and
    the table row it restates) each in their own sentence, joined by 「 … 」."""
    spans: list[list[int]] = []
    for involved in sorted(finding.figures, key=lambda i: i.figure.start):
        begin, stop = _sentence_bounds(document.text, involved.figure.start, involved.figure.end)
        begin, stop = max(begin, involved.figure.start - _EXCERPT_LIMIT // 2), min(stop, involved.figure.end + 40)
        if spans and begin <= spans[-1][1] + _EXCERPT_LIMIT // 4:
            spans[-1][1] = max(spans[-1][1], stop)
        else:
            spans.append([begin, stop])
    text = Text()
    for number, (begin, stop) in enumerate(spans):
        piece = Text(document.text[begin:stop].replace("\n", " ").replace("\t", " ").strip("\r"))
        for involved in finding.figures:
            if begin <= involved.figure.start < stop:
                style = _ROLE_STYLE.get(involved.role, "bold yellow")
                piece.stylize(style, involved.figure.start - begin, involved.figure.end - begin)
        text += Text(" … ", style="dim") + piece if number else piece
    return text


def _sentence_bounds(text: str, first: int, last: int) -> tuple[int, int]:
    window_start = max(0, text.rfind("\n", 0, first) + 1)
    window_end = text.find("\n", last)
    window_end = len(text) if window_end < 0 else window_end
    begin, stop = first, last
    for start, end in sentence_spans(text[window_start:window_end]):
        start, end = start + window_start, end + window_start
        if start <= first < end:
            begin = start
        if start < last <= end:
            stop = end
    return begin, stop


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
    console.print(Text(f"== {document.path}（{document.encoding}）", style="bold"))
    page = ""
    blocks = [s for s in document.segments if s.kind in ("paragraph", "heading", "table")]
    pages = [s for s in document.segments if s.kind == "page"]
    for block in blocks:
        current = next((p.locator for p in pages if p.start <= block.start < p.end), "")
        if current != page:
            page = current
            console.print(Text(f"—— {page} ——", style="dim"))
        body = document.text[block.start : block.end].rstrip("\n")
        if block.kind == "table":
            console.print(Text(f"[{block.locator}]", style="cyan"))
            for line in body.split("\n"):
                console.print(Text("  " + line.replace("\t", " | ")))
        else:
            console.print(Text(f"{block.locator}  ", style="cyan") + Text(body))
