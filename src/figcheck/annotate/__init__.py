"""figcheck annotate: a copy of a Word draft with one comment per finding, anchored on the figures it names.

The draft is read once (its bytes; the file is never written), checked as `figcheck check` would check it, and
saved under another name with figcheck's comments — authored 「figcheck」 — added after any older figcheck comments
are taken out, so annotating an annotated copy again replaces its comments instead of doubling them. The reader's
own comments, tracked changes, styles and tables are left as they are."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field

from figcheck.annotate.comments import isolate, remove_comments
from figcheck.annotate.places import Block, block_at, blocks
from figcheck.findings import Finding
from figcheck.load import LoadError
from figcheck.load.docx import load_traced
from figcheck.pipeline import check_document
from figcheck.report import message, severity, suggestion, usual_permissions
from figcheck.report.text import arithmetic
from figcheck.suppress import apply_config

AUTHOR, INITIALS = "figcheck", "FC"
_LEVEL = {"zh": {"error": "错误", "warning": "警告", "info": "提示"}, "en": {}}


@dataclass
class Annotated:
    """What one run wrote: comments added by severity, older figcheck comments removed, findings not placed."""

    target: str
    added: dict[str, int] = field(default_factory=dict)
    removed: int = 0
    unplaced: list[str] = field(default_factory=list)


def default_target(source: str) -> str:
    """DRAFT.docx → DRAFT.figcheck.docx (an annotated copy keeps its name: it is refused as its own target)."""
    stem, extension = os.path.splitext(source)
    stem = stem.removesuffix(".figcheck")
    return f"{stem}.figcheck{extension or '.docx'}"


def annotate(source: str, target: str, config, options, include_info: bool = False, lang: str = "zh") -> Annotated:
    """Write `target`, the draft at `source` with figcheck's comments; raises LoadError if it cannot be read."""
    if os.path.exists(target) and os.path.samefile(source, target):
        raise LoadError("输出文件就是输入文件；figcheck 从不改动原稿，请用 -o 指定另一个文件")
    with open(source, "rb") as handle:
        data = handle.read()
    trace: list = []
    document, word = load_traced(source, data, trace)
    result = apply_config(check_document(document, options), config)
    levels = ("error", "warning", "info") if include_info else ("error", "warning")
    findings = [finding for finding in result.findings if severity(finding) in levels]
    report = Annotated(target, removed=remove_comments(word, AUTHOR))
    found = blocks(document, trace, word)
    for finding in sorted(findings, key=lambda f: (f.start, f.code)):
        runs = _anchor(finding, found)
        if runs is None:
            report.unplaced.append(f"{finding.code} {document.locate(finding.start)} {finding.stated.raw}")
            continue
        from docx.text.run import Run

        word.add_comment([Run(runs[0], word), Run(runs[1], word)], comment_text(finding, lang), AUTHOR, INITIALS)
        level = severity(finding)
        report.added[level] = report.added.get(level, 0) + 1
    _save(word, target)
    return report


def _anchor(finding: Finding, found: list[Block]) -> tuple | None:
    """The first and last run of the figures the finding names in the block of its stated figure (a note's
    reference mark for a figure in a footnote)."""
    block = block_at(found, finding.start)
    if block is None:
        return None
    if block.note_run is not None:
        return block.note_run, block.note_run
    inside = [i.figure for i in finding.figures if block.start <= i.figure.start < block.end] or [finding.stated]
    first, last = min(f.start for f in inside), max(f.end for f in inside)
    sources = [s for s in block.sources[first - block.start : last - block.start] if s is not None]
    if not sources:
        return None
    return isolate(sources[0], sources[-1])


def comment_text(finding: Finding, lang: str) -> str:
    """The comment: the code and message, the arithmetic, the suggestion (one paragraph each)."""
    level = severity(finding)
    head = f"{finding.code}（{_LEVEL['zh'][level]}）" if lang == "zh" else f"{finding.code} ({level})"
    lines = [f"{head} {message(finding, lang)}", arithmetic(finding, lang)]
    advice = suggestion(finding, lang)
    if advice:
        lines.append(("建议：" if lang == "zh" else "Suggestion: ") + advice)
    return "\n".join(lines)


def _save(word, target: str) -> None:
    """Saved through a temporary file renamed into place: an interrupted run leaves no half-written copy."""
    directory = os.path.dirname(os.path.abspath(target))
    handle, temporary = tempfile.mkstemp(dir=directory, suffix=".part")
    os.close(handle)
    try:
        word.save(temporary)
        usual_permissions(temporary)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
