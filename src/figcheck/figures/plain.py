"""Plain figures: a numeral core and what follows it — scale word, unit, qualifier (一千二百余万元, 3.5万人)."""

from __future__ import annotations

import re
import sys
from decimal import Decimal

import regex

from figcheck.figures.grammar import (
    BIG_UNITS,
    CAPITAL,
    CHINESE_NUMERAL_CHARS,
    CN_DIGITS,
    CN_START,
    LISTED_PAIR,
    MONEY_TAIL,
    MONTHS_AFTER,
    PER_UNIT,
    RANGE_MARKS,
    SPACED_TAIL,
)
from figcheck.figures.model import Figure, Number
from figcheck.figures.nonquantities import acceptable_context, inside_name, is_quantity
from figcheck.figures.numerals import parse_core, parse_vague, scale_of
from figcheck.figures.vocabulary import Vocabulary


def read_plain(words: Vocabulary, text: str, match: re.Match[str], names: list[tuple[int, int]]) -> Figure | None:
    """A numeral core with what follows it: scale word, unit, qualifier (一千二百余万元, 3.5万人)."""
    figure, quantity = read_candidate(words, text, match, names)
    return figure if quantity else None


def read_candidate(
    words: Vocabulary, text: str, match: re.Match[str], names: list[tuple[int, int]]
) -> tuple[Figure | None, bool]:
    """The figure a match reads as, and whether it is a quantity on its own. A bare number that is not
    (3 in 「3-5个工作日」) may still open a range: the caller decides, from one reading."""
    read = _read_core(words, text, match, names)
    if read is None:
        return None, False
    core, core_start, (value, resolution), high = read
    core_end = core_start + len(core)
    bare = match.group("bare")
    suffix = _suffix_after(words, text, core_end)
    unit_written, scale = _written_unit(words, text, core, suffix), suffix.group("scale") or ""
    inside = (suffix.group("q1") or suffix.group("q2")) if (scale or unit_written or core[-1] in BIG_UNITS) else ""
    if scale:  # without a scale word the parsed numbers are kept as they are: shared, not copied per figure
        factor = scale_of(scale)[0]
        value, resolution = value * factor, resolution * factor
        high = None if high is None else high * factor
    end = suffix.end() if (scale or unit_written) else core_end
    if unit_written == "" and suffix.group("unit"):
        end = suffix.start("unit")
    if inside and not (scale or unit_written):
        end = suffix.end("q1")  # 9亿多劳动力: the qualifier after the scale word, no unit
    value, resolution, unit, end = _after_unit(
        text, suffix, value, resolution, words.units.get(unit_written, unit_written), end
    )
    quantity = is_quantity(words, text, core_start, core, core_end, unit, unit_written, value)
    if match.group("sign"):
        value = -value
    if bare and text[core_start - 1 : core_start] == "上":
        inside = inside or "上"
    qualifier = "approx" if high is not None else (words.inside.get(inside, "over") if inside else "none")
    if inside == "大" and not unit_written:
        return None, False  # 五大法定程序: 大 without a measure word after it is part of a name
    numeral = text[match.start() : core_end] + scale
    after_end = qualifier_end(words, text, end, unit)
    if not quantity and text[after_end : after_end + 1] not in RANGE_MARKS:
        return None, False  # no range can begin here (2019年, 一个中国), so nothing of this reading is used
    if after_end > end:
        qualifier = qualifier_after(words, text, end, after_end)
    start = core_start - 1 if bare and text[core_start - 1 : core_start] == "上" else match.start()
    return finish(words, text, start, after_end, value, resolution, unit, qualifier, numeral, high), quantity


# The longest numeral core read as a number: 「九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九」 is 31
# characters, 「1,234,567,890,123.45」 20. A longer run of numeral characters is garbled text or a code.
LONGEST_NUMERAL = 40


def _read_core(words: Vocabulary, text: str, match: re.Match[str], names: list[tuple[int, int]]):
    """The numeral core a match starts, its offset, its value and resolution, and the top of a vague
    amount (三四个); None when it is no number or stands inside a name."""
    bare = match.group("bare")
    core_start = match.start("bare") if bare else match.start("core")
    core = bare or match.group("core")
    if len(core) > LONGEST_NUMERAL:
        return None  # 一一一…: garbled text, not a number (and shortening it a character at a time is quadratic)
    core = _shrink_for_unit(words, text, core_start, core)
    if len(core) == 1 and text[core_start - 1 : core_start] == " " and text[core_start - 2 : core_start - 1].isdigit():
        return None  # the middle of a spaced-out number (1 9 9 8 年) is not a number of its own
    core = _spaced_digits(words, text, core_start, core) or _listed_pair(text, core_start, core) or core
    parsed = parse_core("一" + core if bare else _unspaced(core))
    high = None
    if parsed is None and not bare:
        vague = parse_vague(_unspaced(core))
        if vague is not None:
            parsed, high = (vague[0], Decimal(1)), vague[1]
    while parsed is None and len(core) > 1 and core[-1] in CHINESE_NUMERAL_CHARS:
        core = core[:-1]  # 二两白酒: the last 两 is the unit liang, not a digit
        parsed = parse_core(core)
    if parsed is None:
        return None
    if inside_name(core_start, names) or not acceptable_context(words, text, core_start, core_start + len(core), core):
        return None
    return core, core_start, parsed, high


def _suffix_after(words: Vocabulary, text: str, core_end: int) -> regex.Match[str]:
    suffix = words.suffix.match(text, core_end)
    if suffix.group("q1") and not (suffix.group("unit") or suffix.group("scale")):
        plain = words.suffix_without_inside.match(text, core_end)
        suffix = plain if plain.group("unit") else suffix  # 550大卡: 大 begins the unit, it is no qualifier
    return suffix


def _written_unit(words: Vocabulary, text: str, core: str, suffix: regex.Match[str]) -> str:
    unit_written = suffix.group("unit") or ""
    if unit_written == "两" and core[0] not in CN_START:
        return ""  # 1980两年: 两 is a liang only after a Chinese numeral (二两白酒)
    following = text[suffix.end() : suffix.end() + 1]
    if unit_written and following and following in words.unit_not_followed_by.get(unit_written, ""):
        return ""  # 5万亿台阶: 台 starts the word 台阶
    return unit_written


def _after_unit(text: str, suffix: regex.Match[str], value: Decimal, resolution: Decimal, unit: str, end: int):
    """What a unit may carry after it: per a unit (元/月), tenths of 成, 角 and 分 of 元, 年零N个月."""
    per = PER_UNIT.match(text, end) if unit else None
    if per:  # 796元/月, 780元/人月: an amount per unit of time or of people
        unit, end = unit + per.group(0).replace("／", "/"), per.end()
    tenth = suffix.group("tenth")
    if tenth:  # 三成五 = 3.5成, 一成半 = 1.5成
        value += Decimal("0.5") if tenth == "半" else Decimal(CN_DIGITS[tenth]) / 10
        resolution = Decimal("0.1")
    if unit == "元":
        value, resolution, end = _money_tail(text, end, value, resolution)
    if unit == "年" and text.startswith("零", end):
        months = MONTHS_AFTER.match(text, end + 1)
        parsed_months = parse_core(months.group(1)) if months else None
        if parsed_months is not None:  # 一年零三个月 = 15 个月
            value, unit, end = value * 12 + parsed_months[0], "个月", months.end()
    return value, resolution, unit, end


def _unspaced(core: str) -> str:
    return core.replace(" ", "").replace("、", "")


def _spaced_digits(words: Vocabulary, text: str, start: int, core: str) -> str | None:
    """「1 3 9 9 亿美元」: digits spaced out (PDF extraction) before a scale word or unit form one number."""
    if (
        len(core) != 1
        or not core.isdigit()
        or (text[start - 1 : start] == " " and text[start - 2 : start - 1].isdigit())
    ):
        return None
    tail = SPACED_TAIL.match(text, start + 1)
    if tail is None:
        return None
    suffix = words.suffix.match(text, tail.end())
    return core + tail.group(0) if suffix.group("scale") or suffix.group("unit") else None


def _listed_pair(text: str, start: int, core: str) -> str | None:
    """「两、三倍」, 「四、五十年」: a vague pair written with a pause mark."""
    if len(core) != 1:
        return None
    following = LISTED_PAIR.match(text, start + 1)
    if following is None or parse_vague(core + following.group(1)) is None:
        return None
    return core + "、" + following.group(1)


def _shrink_for_unit(words: Vocabulary, text: str, start: int, core: str) -> str:
    """1200万千瓦: the 千 belongs to the unit 千瓦, not to the number."""
    if len(core) > 1 and core[-1] in "千百十":
        unit = words.suffix.match(text, start + len(core) - 1).group("unit")
        if unit and len(unit) >= 2 and unit[0] == core[-1]:
            return core[:-1]
    return core


def _money_tail(text: str, end: int, value: Decimal, resolution: Decimal) -> tuple[Decimal, Decimal, int]:
    """壹拾贰元叁角肆分 = 12.34元; 人民币壹万贰仟叁佰元整 consumes 整."""
    tail = MONEY_TAIL.match(text, end)
    if not tail.group(0):
        return value, resolution, end
    for group, place in (("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
        digit = tail.group(group)
        if digit:
            value += (
                Decimal(digit) if digit.isdigit() else Decimal(CAPITAL.get(digit, CN_DIGITS.get(digit, 0)))
            ) * place
            resolution = place
    return value, resolution, tail.end()


def finish(
    words: Vocabulary,
    text: str,
    start: int,
    end: int,
    value: Number,
    resolution: Decimal,
    unit: str,
    qualifier: str,
    numeral: str,
    high: Number | None = None,
) -> Figure:
    """Attach a qualifier written before the figure (约, 近, 不足 …; 约占 without taking 占) and build it."""
    qualified_before = start > 0 and text[start - 1] in words.before_last_chars
    found = words.before_pattern.search(text, max(0, start - 6), start) if qualified_before else None
    if found is not None:
        kind = words.before[found.group(0)]
        if not (kind == "near" and unit in words.recent_units):  # 近3年, 近三年来: recent years, not "nearly"
            qualifier = kind if qualifier == "none" else qualifier
            start = found.start()
    elif qualified_before:
        for word, kind in words.before_verb.items():
            if text.startswith(word, max(0, start - len(word))) and qualifier == "none":
                qualifier = kind
    rounding = (unit in words.rounded, unit in words.trailing_zeros_rounded and unit not in words.rounded)
    # Interned: a table or a long list repeats its figures (0.00, 5件), and each figure keeps its spelling twice.
    raw, numeral = sys.intern(text[start:end]), sys.intern(numeral)
    return Figure(start, end, raw, value, unit, qualifier, resolution, high, numeral, *rounding)


def qualifier_end(words: Vocabulary, text: str, end: int, unit: str) -> int:
    if text[end : end + 1] not in words.after_initials:
        return end
    for word in words.after_words:
        if text.startswith(word, end):
            following = text[end + len(word) : end + len(word) + 1]
            if following and following in words.after_not_followed_by.get(word, ""):
                continue
            if word in words.after_only_units and unit not in words.after_only_units[word]:
                continue
            return end + len(word)
    return end


def qualifier_after(words: Vocabulary, text: str, end: int, after_end: int) -> str:
    return words.after[text[end:after_end]] if after_end > end else "none"
