"""The rule cases in rules/checks/*.toml: reading them, running one, and judging its result.

`run_case` is the one place that knows how to check a passage under a configuration; everything
else here is about the cases as data. The file layout and the meaning of each key are described at
the top of rules/checks/_shared.toml.
"""

from __future__ import annotations

import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from figcheck.config import load as load_config
from figcheck.results import FileResult
from figcheck.run import check_iter

CHECKS = Path(__file__).resolve().parents[1] / "rules" / "checks"
KEYS = frozenset({"name", "earlier", "text", "format", "code", "figure", "nth", "verdict", "also", "config", "why"})
VERDICTS = ("pass", "fail", "undecided")


def run_case(text: str, fmt: str, overrides: dict[str, Any], earlier: str | None = None) -> FileResult:
    """Check `text` (fmt "md": Markdown, "html": a web page, else plain text) the way `figcheck check` would, with the
    configuration keys of [tool.figcheck] in `overrides` (accept-truncation, select, ignore …); with `earlier`, the
    earlier year's document is checked first in the same run (FC309)."""
    with tempfile.TemporaryDirectory() as directory:
        # The configuration file both carries the overrides and stops discovery from walking further up.
        settings = Path(directory) / "figcheck.toml"
        settings.write_text("".join(f"{key} = {_toml(value)}\n" for key, value in overrides.items()), "utf-8")
        suffix = {"md": ".md", "html": ".html"}.get(fmt, ".txt")
        paths = [Path(directory) / f"earlier{suffix}"] if earlier is not None else []
        paths.append(Path(directory) / f"case{suffix}")
        for path, content in zip(paths, (earlier, text) if earlier is not None else (text,), strict=True):
            path.write_text(content, encoding="utf-8")
        *_, result = check_iter([str(path) for path in paths], load_config(settings))
    return result


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f'"{key}" = {_toml(item)}' for key, item in value.items()) + " }"
    return str(value)


@dataclass(frozen=True)
class Case:
    code_file: str  # the code of the file the case is in
    entry: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.code_file}/{self.entry.get('name', '?')}"


def files() -> dict[str, dict[str, Any]]:
    """Every rule file, parsed, by code."""
    found = {}
    for path in sorted(CHECKS.glob("FC*.toml")):
        with open(path, "rb") as handle:
            found[path.name.split("-", 1)[0]] = tomllib.load(handle)
    return found


def cases() -> list[Case]:
    return [Case(code, entry) for code, data in files().items() for entry in data.get("case", [])]


def anchor(text: str, figure: str, nth: int) -> int:
    """Offset of the nth occurrence of `figure` in `text`."""
    at = -1
    for _ in range(nth):
        at = text.find(figure, at + 1)
        if at < 0:
            raise AssertionError(f"「{figure}」 does not occur {nth} time(s) in the checked text")
    return at


def judge(case: dict[str, Any], result: FileResult) -> list[str]:
    """What is wrong with `result` for `case`; empty when the case holds."""
    assert result.error is None, result.error
    code, verdict = case["code"], case.get("verdict", "pass")
    allowed = set(case.get("also", ()))
    failing = {f.code for f in result.findings}
    expected = {code} if code and verdict == "fail" else set()
    problems = []
    if not expected <= failing or failing - expected - allowed:
        problems.append(f"failing codes {sorted(failing)}, expected {sorted(expected)}, also allowed {sorted(allowed)}")
    if code:
        at = anchor(result.document.text, case["figure"], case.get("nth", 1))
        if verdict == "undecided":
            wanted = [r for r in result.undecided if r.code == code]
        else:
            wanted = [r for r in result.results if r.code == code and r.passed == (verdict == "pass")]
        if not any(r.start == at and r.stated.raw == case["figure"] for r in wanted):
            where = [(r.stated.raw, r.start) for r in wanted]
            problems.append(f"no {verdict}ing {code} on 「{case['figure']}」 at {at}; {verdict}ing {code} on {where}")
    return problems


def describe(result: FileResult) -> list[tuple]:
    """Every checked relation, for assertion messages: (code, passed, figure, offset, formula)."""
    return [(r.code, r.passed, r.stated.raw, r.start, r.formula) for r in result.results]
