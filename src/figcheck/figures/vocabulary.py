"""The words around figures, read once from rules/units.toml and rules/lexicon.toml."""

from __future__ import annotations

from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.figures.grammar import RANGE_MARKS
from figcheck.figures.numerals import CHINESE_NUMERAL_CHARS
from figcheck.rulebook import Rulebook


# Built once per rulebook, like every rule-derived set of cues: a NamedTuple, which is made at import five times
# as fast as a frozen dataclass (start-up pays for each class made).
class Vocabulary(NamedTuple):
    units: dict[str, str]  # spelling → canonical unit
    unit_not_followed_by: dict[str, str]
    calendar_units: frozenset[str]
    rounded: frozenset[str]
    trailing_zeros_rounded: frozenset[str]
    phrases_pattern: regex.Pattern[str]
    day_prefixes: tuple[str, ...]
    ordinal_after: dict[str, tuple[str, ...]]
    chinese_ordinal_units: frozenset[str]
    code_before: tuple[str, ...]
    code_after: tuple[str, ...]
    reference_before: tuple[str, ...]
    hotlines: frozenset[str]
    ratio_before: tuple[str, ...]
    rank_before: tuple[str, ...]
    rank_units: frozenset[str]
    before: dict[str, str]
    before_verb: dict[str, str]
    inside: dict[str, str]
    after: dict[str, str]
    after_only_units: dict[str, frozenset[str]]
    after_not_followed_by: dict[str, str]
    recent_units: frozenset[str]
    before_words: tuple[str, ...]  # longest first
    after_words: tuple[str, ...]  # longest first
    before_pattern: regex.Pattern[str]  # the qualifier written right before a figure (约, 将近, 不超过 …)
    suffix: regex.Pattern[str]  # what follows a numeral core: qualifier, scale word, unit
    suffix_without_inside: regex.Pattern[str]
    unit_initials: frozenset[str]  # the first character of every unit spelling
    # Every character that can follow a Chinese numeral core in a figure: a unit's, a scale word's or a
    # qualifier's first character, a space, a range mark or 、 (两、三倍). A core followed by anything else
    # (一步, 一些, 一是) has no unit, and a Chinese numeral without a unit is no quantity.
    core_followers: frozenset[str]
    # the last characters of the qualifiers written before a figure and the first of those after it: most
    # figures have neither neighbour, and a set lookup says so before any pattern runs
    before_last_chars: frozenset[str]
    after_initials: frozenset[str]


_UNIT_SPACES = " \u00a0\u202f" + "".join(map(chr, range(0x2000, 0x200B)))  # no-break, en, em, thin … spaces
_SPACES = f"[{_UNIT_SPACES}]{{0,2}}"  # typeset before a unit
_FOLLOWING_MARKS = _UNIT_SPACES + "万萬亿億余多、"


def _suffix(units: dict[str, str], inside: dict[str, str] | None) -> regex.Pattern[str]:
    unit_words = rulebook.alternation(units)
    inside_words = rulebook.alternation(inside) if inside else "(?!)"
    return patterns.compile(
        rf"{_SPACES}(?P<q1>{inside_words})?(?P<scale>[万萬亿億]+)?(?P<q2>余|多)?{_SPACES}(?P<unit>{unit_words})?"
        rf"(?P<tenth>(?<=成)[一二三四五六七八九半])?"
    )


@rulebook.derived
def vocabulary(book: Rulebook) -> Vocabulary:
    """The words around figures in `book`, read once per rulebook."""
    units_data = book.load("units.toml")
    lexicon = book.load("lexicon.toml")
    aliases = units_data.get("aliases", {})
    units = {word: aliases.get(word, word) for group in units_data["units"].values() for word in group}
    calendar = lexicon["dates"]["calendar_units"]
    units.update({word: word for word in calendar if word not in units})
    qualifiers = lexicon["qualifiers"]
    return Vocabulary(
        units=units,
        unit_not_followed_by=units_data.get("not_followed_by", {}),
        calendar_units=frozenset(calendar),
        rounded=frozenset(aliases.get(u, u) for u in units_data["rounding"]["units"]),
        trailing_zeros_rounded=frozenset(aliases.get(u, u) for u in units_data["rounding"]["trailing_zeros_units"]),
        phrases_pattern=_phrases_pattern(lexicon["not_quantities"]),
        day_prefixes=tuple(rulebook.longest_first(lexicon["dates"]["day_prefixes"])),
        chinese_ordinal_units=frozenset(lexicon["dates"].get("chinese_ordinal_units", [])),
        ordinal_after={unit: tuple(words) for unit, words in lexicon["dates"]["ordinal_after"].items()},
        code_before=tuple(lexicon["codes"]["before"]),
        code_after=tuple(lexicon["codes"]["after"]),
        reference_before=tuple(lexicon["codes"].get("reference_before", [])),
        hotlines=frozenset(lexicon["codes"]["hotlines"]),
        ratio_before=tuple(lexicon.get("ratios", {}).get("before", [])),
        rank_before=tuple(lexicon["ranks"]["before"]),
        rank_units=frozenset(lexicon["ranks"]["units"]),
        before=qualifiers["before"],
        before_verb=qualifiers.get("before_verb", {}),
        inside=qualifiers["inside"],
        after=qualifiers["after"],
        after_only_units={word: frozenset(units) for word, units in qualifiers.get("after_only_units", {}).items()},
        after_not_followed_by=qualifiers.get("after_not_followed_by", {}),
        recent_units=frozenset(qualifiers["recent_units"]),
        before_words=tuple(rulebook.longest_first(qualifiers["before"])),
        after_words=tuple(rulebook.longest_first(qualifiers["after"])),
        before_pattern=patterns.compile("(?:" + rulebook.alternation(qualifiers["before"]) + ")$"),
        suffix=_suffix(units, qualifiers["inside"]),
        suffix_without_inside=_suffix(units, None),
        unit_initials=frozenset(word[0] for word in units),
        before_last_chars=frozenset(word[-1] for word in [*qualifiers["before"], *qualifiers.get("before_verb", {})]),
        after_initials=frozenset(word[0] for word in qualifiers["after"]),
        core_followers=frozenset(
            [word[0] for word in units]
            + [word[0] for word in qualifiers["inside"]]
            + list(_FOLLOWING_MARKS + RANGE_MARKS)
        ),
    )


def _phrases_pattern(table: dict) -> regex.Pattern[str]:
    """The set phrases, longest first, each with the context that undoes it (lexicon.toml).

    「一头」 does not match before 牛 (一头牛 is a count), 「前一年」 does not match after 提 (提前一年)."""
    counted = table.get("count_when_followed_by", {})
    not_after = table.get("not_after", {})
    alternatives = []
    for phrase in rulebook.longest_first(table["phrases"]):
        pattern = regex.escape(phrase)
        before = not_after.get(phrase, ())
        if before:
            pattern = f"(?<!{rulebook.alternation(before)})" + pattern
        after = next((words for measure, words in counted.items() if _numeral_and(phrase, measure)), ())
        if after:
            pattern += f"(?!{rulebook.alternation(after)})"
        alternatives.append(pattern)
    return patterns.compile("|".join(alternatives))


def _numeral_and(phrase: str, measure: str) -> bool:
    """Whether `phrase` is a Chinese numeral followed by the measure word (两头 and 头, not 一年一度 and 度)."""
    numeral = phrase.removesuffix(measure)
    return numeral != phrase and bool(numeral) and all(ch in CHINESE_NUMERAL_CHARS for ch in numeral)
