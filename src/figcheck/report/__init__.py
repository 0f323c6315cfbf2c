"""Output formats: one module each, all rendering the same `FileResult`s.

Every format has `render(results, out, options)`; `options` carries the language and whether passed
relations are shown.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import NamedTuple

from figcheck.findings import Finding
from figcheck.registry import render_message, render_suggestion, render_verified, rule
from figcheck.results import FileResult

FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "jsonl", "html", "csv")
STATISTICS_FORMATS = ("text", "concise", "json")  # --statistics replaces the findings with a count per code
USAGE_CODES = ("FC703",)  # findings that make the run a usage error (exit 2): a suppression naming no rule


@dataclass(frozen=True, slots=True)
class Options:
    lang: str = "zh"
    show_passed: bool = False
    show_unverifiable: bool = False  # list each statement counted as not verifiable, with its reason
    color: str = "auto"  # auto | always | never (report/console.py)
    statistics: str = ""  # "table" or "json": a count per code instead of the findings (report/statistics.py)


def severity(finding: Finding) -> str:
    return rule(finding.code).severity


def message(finding: Finding, lang: str) -> str:
    """The finding's sentence in the user's language; passes describe the verified arithmetic."""
    if finding.undecided:
        why = _UNDECIDED[lang].get(finding.undecided, finding.undecided)
        return f"无法核验：{why}" if lang == "zh" else f"cannot be verified: {why}"
    if finding.passed:
        allowance = _ALLOWANCE[lang].get(finding.allowance, finding.allowance)
        verified = render_verified(finding.code, dict(finding.params), lang)
        return f"{verified}（{allowance}）" if lang == "zh" else f"{verified} ({allowance})"
    return render_message(finding.code, dict(finding.params), lang)


def suggestion(finding: Finding, lang: str) -> str:
    return "" if finding.passed or finding.undecided else render_suggestion(finding.code, dict(finding.params), lang)


def elsewhere(finding: Finding, lang: str) -> str:
    """Where the other document's figure of a relation across documents stands (FC309), or ""."""
    other = finding.elsewhere
    if other is None:
        return ""
    where = f"{other.path}:{other.line}:{other.column}" + (f" [{other.locator}]" if other.locator else "")
    return f"{'对照' if lang == 'zh' else 'against'} {where}「{other.label}」{other.text}"


class Tally:
    """Counts over a stream of results, so that reports and exit codes need not keep every document."""

    def __init__(self) -> None:
        self.files = self.errors = self.passed = self.unverifiable = self.findings = self.usage = 0
        self.by_severity = {"error": 0, "warning": 0, "info": 0}

    def add(self, result: FileResult) -> FileResult:
        self.files += 1
        self.errors += result.error is not None
        self.passed += len(result.passed)
        self.unverifiable += result.unverifiable
        for finding in result.findings:
            self.findings += 1
            self.by_severity[severity(finding)] += 1
            self.usage += finding.code in USAGE_CODES
        return result

    def failing(self, config=None) -> int:
        if config is None:
            return self.by_severity["error"] + self.by_severity["warning"]
        return sum(count for level, count in self.by_severity.items() if config.fails(level))


def summary_line(tally: Tally, lang: str) -> str:
    """「检查了 2 个文件：错误 1，警告 0，提示 0；核验通过的关系 12，无法核验的陈述 3。」"""
    words = _SUMMARY[lang]
    unreadable = tally.errors
    return words["summary"].format(
        files=tally.files,
        passed=tally.passed,
        unverifiable=tally.unverifiable,
        unreadable=words["unreadable"].format(n=unreadable) if unreadable else "",
        **tally.by_severity,
    )


_SUMMARY = {
    "zh": {
        "summary": "检查了 {files} 个文件：错误 {error}，警告 {warning}，提示 {info}；"
        "核验通过的关系 {passed}，无法核验的陈述 {unverifiable}{unreadable}。",
        "unreadable": "；无法读取的文件 {n}",
    },
    "en": {
        "summary": "{files} file(s) checked: {error} error(s), {warning} warning(s), {info} info; "
        "{passed} relation(s) verified, {unverifiable} statement(s) not verifiable{unreadable}.",
        "unreadable": "; {n} could not be read",
    },
}


def tallied(results, tally: Tally):
    """The same results, counted as they pass."""
    for result in results:
        yield tally.add(result)


def failing(results: list[FileResult], config=None) -> int:
    """How many findings fail the run: error or warning by default, or what `fail-on` says."""
    if config is None:
        return sum(1 for r in results for f in r.findings if severity(f) in ("error", "warning"))
    return sum(1 for r in results for f in r.findings if config.fails(severity(f)))


def write_report(fmt: str, results, output: str | None, options: Options) -> None:
    """Render the results to the file `output` (written whole or not at all), or to standard output."""
    import sys

    if output:
        write_atomically(output, lambda handle: render(fmt, results, handle, options))
    else:
        render(fmt, results, sys.stdout, options)


def render(fmt: str, results: list[FileResult], out, options: Options) -> None:
    """Write the results in one of FORMATS."""
    import importlib

    if options.statistics:
        fmt = "statistics"  # report/statistics.py: a count per code, as a table or (--format json) a list
    importlib.import_module(f"figcheck.report.{fmt}").render(results, out, options)


class Unverified(NamedTuple):
    """A statement of a rate, share or change that nothing verified, and why (FileResult.unverified)."""

    start: int
    end: int
    raw: str
    reason: str  # the key: rate-counts, share-whole=名称, share-figures, change-base, coarse-inputs, round-stated


def unverified(result: FileResult) -> list[Unverified]:
    """The result's unverifiable statements with their figures and reasons, in text order."""
    figures = {figure.start: figure for figure in result.figures}
    reasons = result.unverified_reasons or ("",) * len(result.unverified)
    found = []
    for start, reason in zip(result.unverified, reasons, strict=True):
        figure = figures.get(start)
        if figure is not None:
            found.append(Unverified(start, figure.end, figure.raw, reason))
    return found


def unverifiable_reason(reason: str, lang: str) -> str:
    """Why a statement cannot be verified, in the user's language: 「未给出计算该比率的计数」."""
    key, _, name = reason.partition("=")
    words = _UNDECIDED[lang].get(key) or _UNVERIFIED[lang].get(key, key)
    return words.format(name=name)


# Why a stated rate, share or change is checked against nothing (coverage.py).
_UNVERIFIED = {
    "zh": {
        "rate-counts": "文中未给出计算该比率的计数",
        "share-whole": "所称的整体「{name}」在文中找不到数值",
        "share-figures": "文中未给出该占比的部分或整体的数值",
        "change-base": "文中未给出变化的基期（对比期）数值",
        "": "文中未给出计算它的数值",
    },
    "en": {
        "rate-counts": "the counts the rate is computed from are not given",
        "share-whole": "the whole it names (「{name}」) has no figure in the text",
        "share-figures": "neither the part nor the whole of the share is given",
        "change-base": "the figure of the base period is not given",
        "": "the figures it is computed from are not given",
    },
}

# Why a relation is neither verified nor failed (checks/tolerance.py).
_UNDECIDED = {
    "zh": {
        "coarse-inputs": "精度不足（所给数字按所写精度可得的结果，既有相符的也有远不相符的）",
        "round-stated": "精度不足（所述数为整数约数：按所写数值不符，按约数相符）",
    },
    "en": {
        "coarse-inputs": "too coarse (the inputs as written allow results that match and results far from it)",
        "round-stated": "too coarse (a round figure: it fails as written and holds as a round number)",
    },
}

_ALLOWANCE = {
    "zh": {
        "exact": "完全相符",
        "half-up": "按四舍五入相符",
        "truncation": "按截断（舍去尾数）相符",
        "qualifier": "在约数/限定词允许的范围内相符",
        "part-of-whole": "部分不大于整体",
        "nudged": "按构成凑整为100的惯例相符（差一个末位）",
    },
    "en": {
        "exact": "holds exactly",
        "half-up": "holds with rounding half up",
        "truncation": "holds with truncation",
        "qualifier": "holds within what the qualifier allows",
        "part-of-whole": "the part does not exceed the whole",
        "nudged": "holds as a term nudged by one last digit so the shares add up to 100",
    },
}


def write_atomically(path: str, write) -> None:
    """Write through a temporary file renamed into place: an interrupted run leaves no half report. A device or
    a pipe (--output /dev/null, /dev/stdout) is written to directly: renaming over it would replace it."""
    if os.path.exists(path) and not os.path.isfile(path):
        with open(path, "w", encoding="utf-8") as handle:
            write(handle)
        return
    directory = os.path.dirname(os.path.abspath(path))
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False, suffix=".part")
    try:
        with handle:
            write(handle)
        usual_permissions(handle.name)
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


def usual_permissions(path: str) -> None:
    """The mode a file written in place would have (0666 less the umask): a temporary file is made readable by its
    owner only, and a report or an annotated draft renamed from one would stay so."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)
