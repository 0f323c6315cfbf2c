"""The rule registry: codes, names, severities and documentation, read from rules/checks.toml."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from string import Template

from figcheck import rulebook

SEVERITIES = ("error", "warning", "info")
LANGUAGES = ("zh", "en")


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

    def text(self, field: str, lang: str) -> str:
        values = getattr(self, field)
        return values.get(lang) or values["zh"]


def _bilingual(entry: dict, key: str) -> dict[str, str]:
    return {"zh": entry[key], "en": entry.get(f"{key}_en", entry[key])}


@functools.cache
def rules() -> dict[str, Rule]:
    """Every rule by code, in code order."""
    found: dict[str, Rule] = {}
    for entry in rulebook.BUNDLED.load("checks.toml")["rule"]:
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
        )
        if rule.severity not in SEVERITIES:
            raise rulebook.RuleFileError(f"checks.toml: {rule.code} 的 severity 必须是 {SEVERITIES} 之一")
        found[rule.code] = rule
    return dict(sorted(found.items()))


def rule(code: str) -> Rule:
    return rules()[code]


def render_message(code: str, params: dict[str, str], lang: str) -> str:
    """Fill a rule's message template; unknown placeholders stay visible rather than failing."""
    return Template(rule(code).text("message", lang)).safe_substitute(params)


def render_suggestion(code: str, params: dict[str, str], lang: str) -> str:
    """What to do about a finding; names the likely typo where one figure explains several failures."""
    text = Template(rule(code).text("suggestion", lang)).safe_substitute(params)
    if "typo" in params:
        typo = rulebook.BUNDLED.load("checks.toml")["likely_typo"][lang]
        text = Template(typo).safe_substitute(params) + ("；" if lang == "zh" else "; ") + text
    return text
