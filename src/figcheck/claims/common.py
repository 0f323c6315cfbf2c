"""What every recognizer needs: the cue words, what a figure counts, and which figures can be parts.

Recognition is deliberately cautious: a relation is claimed only where the wording asserts it
(其中, 合计, a rate named 「X率」, a category set that partitions a whole).
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook


class _Cues(NamedTuple):
    breakdown: tuple[str, ...]
    breakdown_pattern: regex.Pattern[str]  # the cues, and the headers that open a sentence (按经营地统计，)
    named_header_pattern: regex.Pattern[str] | None  # a sentence opening that names its total: 「住户存款余额中，」
    named_header_hint: regex.Pattern[str] | None  # what such an opening ends with (中，): sentences to look at
    total_after_parts: tuple[str, ...]
    total_after_parts_not_before: str
    remainder: tuple[str, ...]
    not_exhaustive_after: tuple[str, ...]
    not_exhaustive_before: tuple[str, ...]
    new_statement: tuple[str, ...]
    statement_verbs: tuple[str, ...]
    whole_words: tuple[str, ...]
    change_pattern: regex.Pattern[str]
    comparison_openers: tuple[str, ...]
    from_openers: tuple[str, ...]
    to_verb_after: regex.Pattern[str]
    not_a_part: tuple[str, ...]
    counted_nouns: dict[str, str]
    families: dict[str, str]
    categories: tuple[dict, ...]
    partitions: tuple[dict, ...]
    not_weighted: tuple[str, ...]
    rates: dict[str, dict]


@rulebook.derived
def cues(book: Rulebook) -> _Cues:
    """The cue words of `book`, read once per rulebook."""
    data = book.load("cues.toml")
    units = book.load("units.toml")
    families = {unit: name for name, members in units.get("families", {}).items() for unit in members}
    other = data["not_a_part"]
    verbs = rulebook.alternation(other["change_verbs"])
    tails = rulebook.alternation(other["change_tails"])
    total_after = data["sum"]
    return _Cues(
        breakdown=tuple(total_after["breakdown"]),
        breakdown_pattern=_breakdown_pattern(total_after["breakdown"], total_after.get("breakdown_headers", [])),
        named_header_pattern=_named_header_pattern(total_after.get("named_headers", [])),
        named_header_hint=_named_header_hint(total_after.get("named_headers", [])),
        total_after_parts=tuple(rulebook.longest_first(total_after["total_after_parts"])),
        total_after_parts_not_before=total_after["total_after_parts_not_before"],
        remainder=tuple(total_after["remainder"]),
        not_exhaustive_after=tuple(total_after["not_exhaustive_after"]),
        not_exhaustive_before=tuple(total_after["not_exhaustive_before"]),
        new_statement=tuple(total_after["new_statement"]),
        statement_verbs=tuple(total_after["statement_verbs"]),
        whole_words=tuple(total_after["whole_words"]),
        change_pattern=patterns.compile(rf"(?:{verbs})(?:{tails})?$|^(?:{verbs})"),
        comparison_openers=tuple(other["comparison_openers"]),
        from_openers=tuple(other["from_openers"]),
        to_verb_after=patterns.compile(rulebook.alternation(_to_verbs(data["change"]))),
        not_a_part=tuple(other["words"]),
        counted_nouns=dict(data.get("counted_nouns", {})),
        families=families,
        categories=tuple(book.load("categories.toml").get("category", [])),
        partitions=tuple(book.load("categories.toml").get("partition", [])),
        not_weighted=tuple(data.get("growth_parts", {}).get("not_weighted", ())),
        rates={rate["name"]: rate for rate in book.load("rates.toml").get("rate", [])},
    )


def _breakdown_pattern(words: list[str], headers: list[str]) -> regex.Pattern[str]:
    """The breakdown cues; a header (按…统计) only as a whole clause, its 「…」 a few words: group `header`."""
    spelled = [regex.escape(header).replace("…", r"[^，,。；;：:\s]{1,10}?") for header in headers]
    header = rf"|(?P<header>(?:{'|'.join(spelled)})(?=[，,：:]))" if spelled else ""
    return patterns.compile(rulebook.alternation(words) + header)


def _named_header_pattern(headers: list[str]) -> regex.Pattern[str] | None:
    """A clause opening a sentence whose 「…」 (group `words`) names the total it breaks down."""
    spelled = [regex.escape(header).replace("…", r"(?P<words>[^，,。；;：:\s\d]{2,12}?)") for header in headers]
    if not spelled:
        return None
    return patterns.compile(rf"[ \u3000]*(?:{'|'.join(spelled)})(?=[，,：:])")


def _named_header_hint(headers: list[str]) -> regex.Pattern[str] | None:
    """The words after each header's 「…」, before its comma: a cheap search for the sentences to look at."""
    tails = [header.split("…")[-1] for header in headers]
    return patterns.compile(rf"(?:{rulebook.alternation(tails)})[，,：:]") if tails else None


# 「转移支付总额由1997年的664亿元增加到…」: the figure after 由/从/比…的 is the base of a change.
_BASE_OF_CHANGE = patterns.compile(r"(?:由|从|比|较)[^，。；]{0,12}的$")


def _to_verbs(change: dict) -> list[str]:
    return change["to_verbs_up"] + change["to_verbs_down"] + change["to_verbs_either"]


def _to_verb_follows(layout: Layout, placed: Placed) -> bool:
    """「由120件增加到132件」: the figure after 由/从 is a change's base only when a to-verb follows it."""
    after = layout.text[placed.figure.end : placed.figure.end + 8].lstrip(" ，,")
    return cues(layout.book).to_verb_after.match(after) is not None


def family(layout: Layout, placed: Placed, with_noun: bool = False) -> str:
    """What a figure counts, for deciding which figures may add up: 件 and 8个案件 alike.

    With `with_noun`, a measure word followed by its noun is told apart by the noun
    (「100个传统村落」 and 「54个乡镇」 do not add up)."""
    unit = placed.figure.unit
    following = layout.text[placed.figure.end : placed.figure.end + 4]
    if unit == "个":
        for noun, stands_for in cues(layout.book).counted_nouns.items():
            if following.startswith(noun):
                return cues(layout.book).families.get(stands_for, stands_for)
    if with_noun and patterns.HAN.match(following):
        return f"{unit}:{following[:2]}"
    return cues(layout.book).families.get(unit, unit)


def is_count(placed: Placed) -> bool:
    """A figure that can be a part or a total: a plain amount, not a percentage or a multiple."""
    return placed.figure.unit not in ("%", "‰", "‱", "百分点", "倍", "番", "成", "") and placed.figure.high is None


def states_change(layout: Layout, placed: Placed) -> bool:
    """A change (比上年增加0.9万人) or a change's base (由1997年的664亿元), not the quantity itself."""
    label = placed.label
    table = cues(layout.book)
    return (
        table.change_pattern.search(label) is not None
        or label.startswith(table.comparison_openers)
        or (label.startswith(table.from_openers) and _to_verb_follows(layout, placed))
        or _BASE_OF_CHANGE.search(label) is not None
    )


def states_other_relation(layout: Layout, placed: Placed) -> bool:
    """A change (比上年增加0.9万人), a base (由1997年的664亿元), a share or an amount per head."""
    return states_change(layout, placed) or any(word in placed.label for word in cues(layout.book).not_a_part)


@functools.lru_cache(maxsize=4096)
def common_run(first: str, second: str) -> int:
    """Length of the longest common substring (labels are short, and the same pairs come again: remembered)."""
    best = 0
    for i in range(len(first)):
        for j in range(len(second)):
            k = 0
            while i + k < len(first) and j + k < len(second) and first[i + k] == second[j + k]:
                k += 1
            best = max(best, k)
    return best
