"""Finding figures in text: every quantity, exact, with unit, qualifier and span.

`find_figures(text)` scans with one compiled grammar for numeral cores (Arabic, Chinese, mixed,
百分之…, X分之Y, 半数, vague 三四个), reads what surrounds each core — sign, qualifier (约, 近, 余,
以上 …), scale word, unit — and drops what only looks like a quantity (see nonquantities.py).
Vocabularies are data in rules/. Offsets are code points into `text`; `text[f.start:f.end] == f.raw`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from figcheck.figures.grammar import BARE_PERCENT_HIGH, GRAMMAR, HALF_UNITS, HAS_ARABIC_DIGIT, PER_UNITS, RANGE_MARKS
from figcheck.figures.model import Figure
from figcheck.figures.numerals import parse_core, scale_of
from figcheck.figures.plain import LONGEST_NUMERAL, finish, qualifier_after, qualifier_end, read_candidate, read_plain
from figcheck.figures.vocabulary import Vocabulary, vocabulary
from figcheck.rulebook import BUNDLED, Rulebook


def find_figures(text: str, book: Rulebook = BUNDLED) -> list[Figure]:
    """Every figure in `text`, in order, none overlapping another, read with the rulebook's vocabulary."""
    words = vocabulary(book)
    names = [match.span() for match in words.phrases_pattern.finditer(text)]
    figures: list[Figure] = []
    position = 0
    while True:
        match = GRAMMAR.search(text, position)
        if match is None:
            return figures
        figure = _read(words, text, match, names)
        if figure is not None and not figure.unit and figures and figures[-1].end == figure.start:
            figure = None  # 「0.77‰5」: a footnote mark glued to the figure before it
        if figure is None:
            position = match.end() if match.end() > match.start() else match.start() + 1
            continue
        figures.append(figure)
        position = figure.end


def _read(words: Vocabulary, text: str, match: re.Match[str], names: list[tuple[int, int]]) -> Figure | None:
    """The figure a grammar match starts, or None when it is not a quantity."""
    branch = match.lastgroup  # the last group of the alternative that matched
    if branch == "core":
        if _unitless_chinese(words, text, match):
            return None
    elif branch == "half":
        return _half(words, text, match)
    elif branch == "pcore":
        return _percent_word(words, text, match)
    elif branch == "num":
        return _fraction(words, text, match)
    opening, quantity = read_candidate(words, text, match, names)
    first = opening if quantity else None
    if first is None or not first.unit:
        # 3-5个工作日: a bare number is read as the start of a range before it is judged alone
        ranged = _range(words, text, opening, names) if opening is not None else None
        if ranged is not None:
            return ranged
    return first if first is None else (_range(words, text, first, names) or first)


def _unitless_chinese(words: Vocabulary, text: str, match: re.Match[str]) -> bool:
    """A Chinese numeral that nothing a unit could begin with follows (一步, 一些, 一是, 第二): read no
    further. Four in ten grammar matches are such, and this answers them with one set lookup."""
    core = match.group("core")
    return (
        len(core) <= LONGEST_NUMERAL
        and text[match.end() : match.end() + 1] not in words.core_followers
        and core[-1] not in words.unit_initials  # 一千瓦: the unit may begin inside the core
        and HAS_ARABIC_DIGIT.search(core) is None
        and parse_core(core) is not None  # 二两三: an unreadable core is shortened, which may uncover a unit
    )


def _half(words: Vocabulary, text: str, match: re.Match[str]) -> Figure | None:
    """半数, 一半, 过半 (shares of a whole, 0.5) and 半年, 半个月 (0.5 of a time unit)."""
    word = match.group("half")
    end = match.end()
    unit = ""
    if word == "半":
        unit = next(u for u in HALF_UNITS if text.startswith(u, end))
        end += len(unit)
    qualifier = "over" if word == "过半" else "none"
    after_end = qualifier_end(words, text, end, unit)
    if after_end > end:
        qualifier = qualifier_after(words, text, end, after_end)
    return finish(words, text, match.start(), after_end, Decimal("0.5"), Decimal("0.1"), unit, qualifier, word)


def _percent_word(words: Vocabulary, text: str, match: re.Match[str]) -> Figure | None:
    core = match.group("pcore")
    parsed = (Decimal(100), Decimal(1)) if core == "百" else parse_core(core)
    if parsed is None:
        return None
    value, resolution = parsed
    if match.group("sign"):
        value = -value
    end = qualifier_end(words, text, match.end(), "%")
    unit = PER_UNITS[match.group("per")]
    qualifier = qualifier_after(words, text, match.end(), end)
    first = finish(words, text, match.start(), end, value, resolution, unit, qualifier, match.group(0))
    if end < len(text) and text[end] in RANGE_MARKS and first.qualifier == "none":
        bare_high = BARE_PERCENT_HIGH.match(text, end + 1)  # 百分之十到二十(左右)
        if bare_high and parse_core(bare_high.group(1)) is not None:
            high_end = qualifier_end(words, text, bare_high.end(), unit)
            raw = text[first.start : high_end]
            qualifier = (
                "range" if high_end == bare_high.end() else qualifier_after(words, text, bare_high.end(), high_end)
            )
            high = parse_core(bare_high.group(1))[0]
            return Figure(first.start, high_end, raw, value, unit, qualifier, resolution, high, raw, *first.rounding)
    if end < len(text) and text[end] in RANGE_MARKS:  # 百分之四至百分之五
        following = GRAMMAR.match(text, end + 1)
        if following is not None and following.group("per") == match.group("per") and not following.group("sign"):
            second = _percent_word(words, text, following)
            if second is not None and second.qualifier == "none" and first.qualifier == "none":
                raw = text[first.start : second.end]
                low, high = first.value, second.value
                numeral = f"{first.numeral}~{second.numeral}"
                return Figure(
                    first.start, second.end, raw, low, unit, "range", resolution, high, numeral, *first.rounding
                )
    return first


def _fraction(words: Vocabulary, text: str, match: re.Match[str]) -> Figure | None:
    denominator, numerator = parse_core(match.group("den")), parse_core(match.group("num"))
    if denominator is None or numerator is None or denominator[0] == 0:
        return None
    value = Fraction(numerator[0]) / Fraction(denominator[0])
    end = qualifier_end(words, text, match.end(), "")
    qualifier = qualifier_after(words, text, match.end(), end)
    return finish(words, text, match.start(), end, value, Decimal(0), "", qualifier, match.group(0))


def _range(words: Vocabulary, text: str, first: Figure, names: list[tuple[int, int]]) -> Figure | None:
    """15%~20%, 3-5个工作日, 1至2名, 9~16亿元: two figures joined by a range mark."""
    mark_at = first.end
    if first.qualifier != "none" or first.high is not None or mark_at >= len(text) or text[mark_at] not in RANGE_MARKS:
        return None
    match = GRAMMAR.match(text, mark_at + 1)
    if match is None or not match.group("core") or match.group("sign"):
        return None
    second = read_plain(words, text, match, names)
    if second is None or second.qualifier != "none" or not second.unit or second.high is not None:
        return None
    if first.unit and first.unit != second.unit:
        return None
    low, resolution = first.value, first.resolution
    first_scale, second_scale = scale_of(first.numeral)[0], scale_of(second.numeral)[0]
    if not first.unit and first_scale == 1 and second_scale > 1:
        low, resolution = low * second_scale, resolution * second_scale  # 9~16亿元: the scale covers both
    return Figure(
        first.start,
        second.end,
        text[first.start : second.end],
        low,
        second.unit,
        "range",
        min(resolution, second.resolution),
        second.value,
        f"{first.numeral}~{second.numeral}",
        *second.rounding,
    )


__all__ = ["Figure", "find_figures"]
