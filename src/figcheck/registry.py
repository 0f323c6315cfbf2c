"""The rule registry: codes, names, severities and documentation, read from rules/checks/.

Each rule is one file, `rules/checks/<CODE>-<name>.toml` (FC101-sum-mismatch.toml), holding its
documentation and its cases; files starting with _ hold what the rules share (the likely-typo
sentence in _shared.toml). The cases are test data: the registry reads only the documentation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from string import Template
from typing import Any

from figcheck import rulebook

SEVERITIES = ("error", "warning", "info")
LANGUAGES = ("zh", "en")
DIRECTORY = "checks"
SHARED = "_shared"


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: dict[str, str]
    what: dict[str, str]
    why: dict[str, str]
    example_pass: str
    example_fail: str
    example_path: str  # how the examples are read: <example>.md for tables, <example> for prose
    message: dict[str, str]
    verified: dict[str, str]
    suggestion: dict[str, str]
    silent_pass: bool = False  # what holds is no relation between figures (a date that exists): never reported

    def text(self, field: str, lang: str) -> str:
        values = getattr(self, field)
        return values.get(lang) or values["zh"]


def _bilingual(entry: dict, key: str) -> dict[str, str]:
    return {"zh": entry[key], "en": entry.get(f"{key}_en", entry[key])}


def _rule(stem: str, entry: dict[str, Any]) -> Rule:
    where = f"{DIRECTORY}/{stem}.toml"
    try:
        rule = Rule(
            code=entry["code"],
            name=entry["name"],
            severity=entry["severity"],
            summary=_bilingual(entry, "summary"),
            what=_bilingual(entry, "what"),
            why=_bilingual(entry, "why"),
            example_pass=entry["pass"],
            example_fail=entry["fail"],
            example_path="example." + entry.get("format", "txt"),
            message=_bilingual(entry, "message"),
            verified=_bilingual(entry, "verified"),
            suggestion=_bilingual(entry, "suggestion"),
            silent_pass=bool(entry.get("silent_pass", False)),
        )
    except KeyError as exc:
        raise rulebook.RuleFileError(f"{where}: 缺少键 {exc.args[0]}") from None
    if stem != f"{rule.code}-{rule.name}":
        raise rulebook.RuleFileError(f"{where}: 文件名应为 {rule.code}-{rule.name}.toml（代码-名称）")
    if rule.severity not in SEVERITIES:
        raise rulebook.RuleFileError(f"{where}: {rule.code} 的 severity 必须是 {SEVERITIES} 之一")
    return rule


def read_rules(files: dict[str, dict[str, Any]]) -> dict[str, Rule]:
    """The rules in parsed rule files (by file stem), in code order; shared files are skipped."""
    found: dict[str, Rule] = {}
    for stem, entry in files.items():
        if stem.startswith("_"):
            continue
        rule = _rule(stem, entry)
        if rule.code in found:
            raise rulebook.RuleFileError(f"{DIRECTORY}/{stem}.toml: 代码 {rule.code} 重复")
        found[rule.code] = rule
    return dict(sorted(found.items()))


@functools.cache
def rules() -> dict[str, Rule]:
    """Every rule by code, in code order."""
    return read_rules(rulebook.load_directory(DIRECTORY))


@functools.cache
def codes() -> tuple[str, ...]:
    """Every rule's code, read from the file names alone (FC101-sum-mismatch.toml): knowing whether a code
    exists, as every run does for --select and --ignore, parses no rule file."""
    return tuple(sorted(stem.split("-", 1)[0] for stem in rulebook.file_stems(DIRECTORY) if not stem.startswith("_")))


@functools.cache
def rule(code: str) -> Rule:
    """One rule, its file parsed when first asked for: a run reports few of the thirty rules."""
    stem = next((stem for stem in rulebook.file_stems(DIRECTORY) if stem.startswith(f"{code}-")), None)
    if stem is None:
        raise KeyError(code)
    return _rule(stem, rulebook.load_file(DIRECTORY, stem))


def render_message(code: str, params: dict[str, str], lang: str) -> str:
    """Fill a rule's message template; unknown placeholders stay visible rather than failing."""
    return Template(rule(code).text("message", lang)).safe_substitute(params)


def render_verified(code: str, params: dict[str, str], lang: str) -> str:
    """What a pass verified: 「按败诉率（分母为已审结80件），比率与计数相符」 names the definition used."""
    return Template(rule(code).text("verified", lang)).safe_substitute(params)


def render_suggestion(code: str, params: dict[str, str], lang: str) -> str:
    """What to do about a finding; names the likely typo where one figure explains several failures."""
    text = Template(rule(code).text("suggestion", lang)).safe_substitute(params)
    if "typo" in params:
        typo = rulebook.load_file(DIRECTORY, SHARED)["likely_typo"][lang]
        text = Template(typo).safe_substitute(params) + ("；" if lang == "zh" else "; ") + text
    return text
