"""Finding figures in text: every quantity, exact, with unit, qualifier and span.

`find_figures(text)` scans with one compiled grammar for numeral cores (Arabic, Chinese, mixed,
百分之…, X分之Y, 半数, vague 三四个), reads what surrounds each core — sign, qualifier (约, 近, 余,
以上 …), scale word, unit — and drops what only looks like a quantity (see nonquantities.py).
Vocabularies are data in rules/. Offsets are code points into `text`; `text[f.start:f.end] == f.raw`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

import regex

from figcheck.nonquantities import acceptable_context, inside_name, is_quantity
from figcheck.numerals import (
    BIG_UNITS,
    CHINESE_NUMERAL_CHARS,
    CN_DIGITS,
    format_decimal,
    parse_core,
    parse_vague,
    scale_of,
)
from figcheck.rulebook import BUNDLED, Rulebook
from figcheck.vocabulary import Vocabulary, vocabulary

Number = Decimal | Fraction


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantity as written: `raw == text[start:end]`.

    `value` has scale words folded in (1.2亿元 → 120000000, unit 元); `resolution` is the place value
    of the last written digit in the same unit (1.2亿元 → 10000000), which bounds its rounding;
    `high` is the upper end of a written range or vague amount (15%~20%, 三四个). `numeral` is the
    number as written without qualifier or unit ("1.2亿"), for showing arithmetic.
    """

    start: int
    end: int
    raw: str
    value: Number
    unit: str = ""
    qualifier: str = "none"  # none | approx | near | over | under | range
    resolution: Decimal = Decimal(1)
    high: Number | None = None
    numeral: str = ""
    rounded: bool = False  # a ratio unit (%, 倍 …): rounded as written even when an integer, never exact
    measured: bool = False  # a measurement (公里, 吨 …): a round integer is rounded at its last non-zero digit

    @property
    def value_text(self) -> str:
        """Exact value as the JSON contract writes it: 25, 12.5, 0.75, 1/3, 15~20."""
        text = _number_text(self.value)
        return f"{text}~{_number_text(self.high)}" if self.high is not None else text

    @property
    def is_exact(self) -> bool:
        """An integer count written without scale word or rounding unit: 25件 is exactly 25."""
        return (
            self.qualifier == "none"
            and self.resolution == 1
            and isinstance(self.value, Decimal)
            and self.value == self.value.to_integral_value()
            and not self.rounded
        )


def _number_text(value: Number) -> str:
    """Decimals as decimals; a fraction as p/q only when it has no finite decimal (1/3, but 0.75)."""
    if isinstance(value, Fraction):
        denominator = value.denominator
        for prime in (2, 5):
            while denominator % prime == 0:
                denominator //= prime
        if denominator != 1:
            return f"{value.numerator}/{value.denominator}"
        return format_decimal(Decimal(value.numerator) / Decimal(value.denominator))
    return format_decimal(value)


_AR = "[0-9０-９]"
_THIN = "[\u2009\u202f]"  # GB/T 15835 groups digits with a thin space: 1 234 567
_FW = "[０-９]"  # old gov.cn texts group full-width digits with full-width commas: ２９，７３１，７３２，０００元
_GROUPED = (
    rf"{_AR}{{1,3}}(?:,{_AR}{{3}})+(?!{_AR})|{_AR}{{1,3}}(?:{_THIN}{_AR}{{3}})+(?!{_AR})"
    rf"|{_FW}{{1,3}}(?:[，,]{_FW}{{3}})+(?!{_AR})"
)
_ARNUM = rf"(?>(?:{_GROUPED}|{_AR}+)(?:[.．]{_AR}+)?)"
_CN_DIGIT = "零〇○一二两三四五六七八九"
_CN_START = "〇○一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖十拾廿卅"
_CN_ANY = _CN_START + "零百佰千仟万萬亿億几"
# Atomic: once a run of digits is read it is not split again when what follows does not fit (a
# 50,000-digit number must not make the 「X分之Y」 branch try every way of cutting it).
_CORE = (
    rf"(?>(?:{_ARNUM}|[{_CN_START}]|零(?=点[{_CN_DIGIT}])|[几数](?=[十百千万])|几)"
    rf"(?:{_ARNUM}|[{_CN_ANY}]|点(?=[{_CN_DIGIT}]))*)"
)
# Every figure starts with one of these characters; the lookahead lets the engine skip the rest of the
# text quickly instead of trying every alternative at every position.
_FIRST = rf"(?=[-−－负零下半一过百千万0-9０-９{_CN_START}几数])"
_GRAMMAR = regex.compile(
    rf"""{_FIRST}(?P<sign>(?<![0-9０-９])[-−－](?={_AR})|(?<![税胜正抱自担欠背肩])负(?=[0-9０-９{_CN_START}百零])|零下)?
    (?:(?P<half>半数|一半|过半(?!个)|(?<![上下前后多大])半(?=年|个月|天|小时|个小时))
      |(?P<per>百分之|千分之|万分之)(?P<pcore>百(?![分万亿])|{_CORE})
      |(?P<den>{_CORE})分之(?P<num>{_CORE})
      |(?P<bare>(?<=[近逾约超上])[百千万]|[百千万](?=[余多来]))
      |(?P<core>{_CORE}))""",
    regex.VERBOSE,
)
_PER_UNITS = {"百分之": "%", "千分之": "‰", "万分之": "‱"}
_RANGE_MARKS = "~～〜-—–－至到"
_HALF_UNITS = ("个小时", "个月", "小时", "年", "天")


_MONEY_DIGIT = f"[{_CN_DIGIT}壹贰叁肆伍陆柒捌玖0-9]"
_MONEY_TAIL = regex.compile(rf"(?:(?P<jiao>{_MONEY_DIGIT})角)?(?:(?P<fen>{_MONEY_DIGIT})分)?整?")


def find_figures(text: str, book: Rulebook = BUNDLED) -> list[Figure]:
    """Every figure in `text`, in order, none overlapping another, read with the rulebook's vocabulary."""
    words = vocabulary(book)
    names = [match.span() for match in words.phrases_pattern.finditer(text)]
    figures: list[Figure] = []
    position = 0
    while True:
        match = _GRAMMAR.search(text, position)
        if match is None:
            return figures
        figure = _read(words, text, match, names)
        if figure is not None and not figure.unit and figures and figures[-1].end == figure.start:
            figure = None  # 「0.77‰5」: a footnote mark glued to the figure before it
        if figure is None:
            position = match.end() if match.end() > match.start() else match.start() + 1
            continue
        if figure.unit in words.rounded or figure.unit in words.trailing_zeros_rounded:
            figure = replace(figure, rounded=figure.unit in words.rounded, measured=figure.unit not in words.rounded)
        figures.append(figure)
        position = figure.end


def _read(words: Vocabulary, text: str, match: regex.Match[str], names: list[tuple[int, int]]) -> Figure | None:
    """The figure a grammar match starts, or None when it is not a quantity."""
    if match.group("half"):
        return _half(words, text, match)
    if match.group("per"):
        return _percent_word(words, text, match)
    if match.group("den"):
        return _fraction(words, text, match)
    first = _plain(words, text, match, names)
    if first is None or not first.unit:
        # 3-5个工作日: a bare number is read as the start of a range before it is judged alone
        opening = _plain(words, text, match, names, range_start=True)
        ranged = _range(words, text, opening, names) if opening is not None else None
        if ranged is not None:
            return ranged
    return first if first is None else (_range(words, text, first, names) or first)


def _half(words: Vocabulary, text: str, match: regex.Match[str]) -> Figure | None:
    """半数, 一半, 过半 (shares of a whole, 0.5) and 半年, 半个月 (0.5 of a time unit)."""
    word = match.group("half")
    end = match.end()
    unit = ""
    if word == "半":
        unit = next(u for u in _HALF_UNITS if text.startswith(u, end))
        end += len(unit)
    qualifier = "over" if word == "过半" else "none"
    after_end = _after_qualifier_end(words, text, end, unit)
    if after_end > end:
        qualifier = _after_qualifier(words, text, end, after_end)
    return _finish(words, text, match.start(), after_end, Decimal("0.5"), Decimal("0.1"), unit, qualifier, word)


def _percent_word(words: Vocabulary, text: str, match: regex.Match[str]) -> Figure | None:
    core = match.group("pcore")
    parsed = (Decimal(100), Decimal(1)) if core == "百" else parse_core(core)
    if parsed is None:
        return None
    value, resolution = parsed
    if match.group("sign"):
        value = -value
    end = _after_qualifier_end(words, text, match.end(), "%")
    unit = _PER_UNITS[match.group("per")]
    qualifier = _after_qualifier(words, text, match.end(), end)
    first = _finish(words, text, match.start(), end, value, resolution, unit, qualifier, match.group(0))
    if end < len(text) and text[end] in _RANGE_MARKS and first.qualifier == "none":
        bare_high = _BARE_PERCENT_HIGH.match(text, end + 1)  # 百分之十到二十(左右)
        if bare_high and parse_core(bare_high.group(1)) is not None:
            high_end = _after_qualifier_end(words, text, bare_high.end(), unit)
            raw = text[first.start : high_end]
            qualifier = (
                "range" if high_end == bare_high.end() else _after_qualifier(words, text, bare_high.end(), high_end)
            )
            high = parse_core(bare_high.group(1))[0]
            return Figure(first.start, high_end, raw, value, unit, qualifier, resolution, high, raw)
    if end < len(text) and text[end] in _RANGE_MARKS:  # 百分之四至百分之五
        following = _GRAMMAR.match(text, end + 1)
        if following is not None and following.group("per") == match.group("per") and not following.group("sign"):
            second = _percent_word(words, text, following)
            if second is not None and second.qualifier == "none" and first.qualifier == "none":
                raw = text[first.start : second.end]
                low, high = first.value, second.value
                numeral = f"{first.numeral}~{second.numeral}"
                return Figure(first.start, second.end, raw, low, unit, "range", resolution, high, numeral)
    return first


def _fraction(words: Vocabulary, text: str, match: regex.Match[str]) -> Figure | None:
    denominator, numerator = parse_core(match.group("den")), parse_core(match.group("num"))
    if denominator is None or numerator is None or denominator[0] == 0:
        return None
    value = Fraction(numerator[0]) / Fraction(denominator[0])
    end = _after_qualifier_end(words, text, match.end(), "")
    qualifier = _after_qualifier(words, text, match.end(), end)
    return _finish(words, text, match.start(), end, value, Decimal(0), "", qualifier, match.group(0))


def _plain(
    words: Vocabulary, text: str, match: regex.Match[str], names: list[tuple[int, int]], range_start: bool = False
) -> Figure | None:
    bare = match.group("bare")
    core_start = match.start("bare") if bare else match.start("core")
    core = bare or match.group("core")
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
    core_end = core_start + len(core)
    if inside_name(core_start, names) or not acceptable_context(words, text, core_start, core_end, core):
        return None
    suffix = words.suffix.match(text, core_end)
    if suffix.group("q1") and not (suffix.group("unit") or suffix.group("scale")):
        plain = words.suffix_without_inside.match(text, core_end)
        suffix = plain if plain.group("unit") else suffix  # 550大卡: 大 begins the unit, it is no qualifier
    value, resolution = parsed
    unit_written, scale = suffix.group("unit") or "", suffix.group("scale") or ""
    if unit_written == "两" and core[0] not in _CN_START:
        unit_written = ""  # 1980两年: 两 is a liang only after a Chinese numeral (二两白酒)
    following = text[suffix.end() : suffix.end() + 1]
    if unit_written and following and following in words.unit_not_followed_by.get(unit_written, ""):
        unit_written = ""  # 5万亿台阶: 台 starts the word 台阶
    scaled_core = core[-1] in BIG_UNITS
    inside = (suffix.group("q1") or suffix.group("q2")) if (scale or unit_written or scaled_core) else ""
    scale_factor = 1
    for ch in scale:
        scale_factor *= BIG_UNITS[ch]
    value, resolution = value * scale_factor, resolution * scale_factor
    high = None if high is None else high * scale_factor
    end = suffix.end() if (scale or unit_written) else core_end
    if unit_written == "" and suffix.group("unit"):
        end = suffix.start("unit")
    if inside and not (scale or unit_written):
        end = suffix.end("q1")  # 9亿多劳动力: the qualifier after the scale word, no unit
    unit = words.units.get(unit_written, unit_written)
    per = _PER_UNIT.match(text, end) if unit_written else None
    if per:  # 796元/月, 780元/人月: an amount per unit of time or of people
        unit, end = unit + per.group(0).replace("／", "/"), per.end()
    tenth = suffix.group("tenth")
    if tenth:  # 三成五 = 3.5成, 一成半 = 1.5成
        value += Decimal("0.5") if tenth == "半" else Decimal(CN_DIGITS[tenth]) / 10
        resolution = Decimal("0.1")
    if unit == "元":
        value, resolution, end = _money_tail(text, end, value, resolution)
    if unit == "年" and text.startswith("零", end):
        months = _MONTHS_AFTER.match(text, end + 1)
        parsed_months = parse_core(months.group(1)) if months else None
        if parsed_months is not None:  # 一年零三个月 = 15 个月
            value, unit, end = value * 12 + parsed_months[0], "个月", months.end()
    if not range_start and not is_quantity(words, text, core_start, core, core_end, unit, unit_written, value):
        return None
    if match.group("sign"):
        value = -value
    if bare and text[core_start - 1 : core_start] == "上":
        inside = inside or "上"
    qualifier = "approx" if high is not None else (words.inside.get(inside, "over") if inside else "none")
    if inside == "大" and not unit_written:
        return None  # 五大法定程序: 大 without a measure word after it is part of a name
    numeral = text[match.start() : core_end] + scale
    after_end = _after_qualifier_end(words, text, end, unit)
    if after_end > end:
        qualifier = _after_qualifier(words, text, end, after_end)
    start = core_start - 1 if bare and text[core_start - 1 : core_start] == "上" else match.start()
    return _finish(words, text, start, after_end, value, resolution, unit, qualifier, numeral, high)


_SPACED_TAIL = regex.compile(r"(?: ?[．.]? ?[0-9０-９]|(?: [0-9０-９])){1,12}")
_BARE_PERCENT_HIGH = regex.compile(r"([一二两三四五六七八九十百]{1,6}(?:点[一二三四五六七八九零〇]+)?)(?![分之])")
_MONTHS_AFTER = regex.compile(r"([一二两三四五六七八九十0-9]{1,3})个月")
_PER_UNIT = regex.compile(r"[/／](?:人·?月|人·?年|人·?天|\p{Han}{1,3}(?=[，,。；;、）)\s]|$))")
_LISTED_PAIR = regex.compile(rf"、([{_CN_DIGIT}][十百千万亿]*)")


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
    tail = _SPACED_TAIL.match(text, start + 1)
    if tail is None:
        return None
    suffix = words.suffix.match(text, tail.end())
    return core + tail.group(0) if suffix.group("scale") or suffix.group("unit") else None


def _listed_pair(text: str, start: int, core: str) -> str | None:
    """「两、三倍」, 「四、五十年」: a vague pair written with a pause mark."""
    if len(core) != 1:
        return None
    following = _LISTED_PAIR.match(text, start + 1)
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
    tail = _MONEY_TAIL.match(text, end)
    if not tail.group(0):
        return value, resolution, end
    for group, place in (("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
        digit = tail.group(group)
        if digit:
            value += (
                Decimal(digit) if digit.isdigit() else Decimal(_CAPITAL.get(digit, CN_DIGITS.get(digit, 0)))
            ) * place
            resolution = place
    return value, resolution, tail.end()


_CAPITAL = {"壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}


def _finish(
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
    found = words.before_pattern.search(text, max(0, start - 6), start)
    if found is not None:
        kind = words.before[found.group(0)]
        if not (kind == "near" and unit in words.recent_units):  # 近3年, 近三年来: recent years, not "nearly"
            qualifier = kind if qualifier == "none" else qualifier
            start = found.start()
    else:
        for word, kind in words.before_verb.items():
            if text.startswith(word, max(0, start - len(word))) and qualifier == "none":
                qualifier = kind
    return Figure(start, end, text[start:end], value, unit, qualifier, resolution, high, numeral)


def _after_qualifier_end(words: Vocabulary, text: str, end: int, unit: str) -> int:
    for word in words.after_words:
        if text.startswith(word, end):
            following = text[end + len(word) : end + len(word) + 1]
            if following and following in words.after_not_followed_by.get(word, ""):
                continue
            if word in words.after_only_units and unit not in words.after_only_units[word]:
                continue
            return end + len(word)
    return end


def _after_qualifier(words: Vocabulary, text: str, end: int, after_end: int) -> str:
    return words.after[text[end:after_end]] if after_end > end else "none"


def _range(words: Vocabulary, text: str, first: Figure, names: list[tuple[int, int]]) -> Figure | None:
    """15%~20%, 3-5个工作日, 1至2名, 9~16亿元: two figures joined by a range mark."""
    mark_at = first.end
    if first.qualifier != "none" or first.high is not None or mark_at >= len(text) or text[mark_at] not in _RANGE_MARKS:
        return None
    match = _GRAMMAR.match(text, mark_at + 1)
    if match is None or not match.group("core") or match.group("sign"):
        return None
    second = _plain(words, text, match, names)
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
    )


__all__ = ["Figure", "find_figures"]
