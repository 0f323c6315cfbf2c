"""One line per finding, for grep, editors' quickfix lists and CI logs (like ruff's concise output):

    report.md:12:5: FC101 分项之和为 25，与所述总数 26 不符（少 1）
    report.docx:40:1: FC204 [第12段] 所述占比 32% 与 8 / 26 = 30.77% 不符

A Word, web or PDF input's line is a line of its extracted text; where a reader would look (第12段, 表1 第3行第2列)
follows the code. The summary ends the output, as in the text report.
"""

from __future__ import annotations

from typing import IO

from figcheck.document import Document
from figcheck.notices import notice_text
from figcheck.report import Options, Tally, Unverified, message, summary_line, tallied, unverifiable_reason
from figcheck.report.text import shown
from figcheck.results import FileResult


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    tally = Tally()
    for result in tallied(results, tally):
        if result.error is not None:
            cannot = "无法读取" if options.lang == "zh" else "cannot be read"
            out.write(f"{result.path}:1:1: {cannot}：{result.error}\n")
            continue
        document = result.document
        for key in document.notices:
            out.write(f"{result.path}:1:1: {notice_text(key, options.lang)}\n")
        for item in shown(result, options):
            out.write(_line(document, item, options.lang) + "\n")
    out.write(summary_line(tally, options.lang) + "\n")


def _line(document: Document, item, lang: str) -> str:
    line, column = document.line_col(item.start)
    where = document.locate(item.start)
    own_lines = document.path == "-" or document.path.lower().endswith((".txt", ".text", ".md", ".markdown"))
    place = f"[{where}] " if where and (not own_lines or "表" in where or "页" in where) else ""
    if isinstance(item, Unverified):
        why = ("无法核验：" if lang == "zh" else " cannot be verified: ") + unverifiable_reason(item.reason, lang)
        return f"{document.path}:{line}:{column}: ？ {place}「{item.raw}」{why}"
    mark = "✓ " if item.passed else "？ " if item.undecided else ""
    return f"{document.path}:{line}:{column}: {item.code} {mark}{place}{message(item, lang)}"
