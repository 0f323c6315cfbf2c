"""Finding figures in text: every quantity, exact, with unit, qualifier and span.

`find_figures(text)` scans with one compiled grammar for numeral cores (Arabic, Chinese, mixed,
百分之…, X分之Y), then reads what surrounds each core — sign, qualifier (约, 近, 余, 以上 …), scale
word, unit — and drops what only looks like a quantity: dates, document numbers, ordinals, names and
slogans, day names, phone numbers. The vocabularies are data in `rules/units.toml` and
`rules/lexicon.toml`. Offsets are code points into `text`, and `text[f.start:f.end] == f.raw`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import regex

from figcheck import rulebook
from figcheck.numerals import BIG_UNITS, CHINESE_NUMERAL_CHARS, format_decimal, parse_core

Number = Decimal | Fraction


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantity as written: `raw == text[start:end]`.

    `value` has scale words folded in (1.2亿元 → 120000000, unit 元); `resolution` is the place value
    of the last written digit in the same unit (1.2亿元 → 10000000), which bounds its rounding;
    `high` is the upper end of a written range (15%~20%). `numeral` is the number as written without
    qualifier or unit ("1.2亿"), for showing arithmetic.
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

    @property
    def value_text(self) -> str:
        """Exact value as the JSON contract writes it: 25, 12.5, 1/3, 15~20."""
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
            and self.unit not in _vocabulary().rounded
        )


def _number_text(value: Number) -> str:
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else str(value.numerator)
    return format_decimal(value)


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    units: dict[str, str]  # spelling → canonical unit
    calendar_units: frozenset[str]
    rounded: frozenset[str]
    phrases_pattern: regex.Pattern[str]
    day_prefixes: tuple[str, ...]
    code_before: tuple[str, ...]
    code_after: tuple[str, ...]
    hotlines: frozenset[str]
    before: dict[str, str]
    inside: dict[str, str]
    after: dict[str, str]
    after_not_followed_by: dict[str, str]
    recent_units: frozenset[str]


@functools.cache
def _vocabulary() -> _Vocabulary:
    units_data = rulebook.load("units.toml")
    lexicon = rulebook.load("lexicon.toml")
    aliases = units_data.get("aliases", {})
    units = {word: aliases.get(word, word) for group in units_data["units"].values() for word in group}
    calendar = lexicon["dates"]["calendar_units"]
    units.update({word: word for word in calendar if word not in units})
    phrases = rulebook.longest_first(lexicon["not_quantities"]["phrases"])
    qualifiers = lexicon["qualifiers"]
    return _Vocabulary(
        units=units,
        calendar_units=frozenset(calendar) | {"年度"},
        rounded=frozenset(aliases.get(u, u) for u in units_data["rounding"]["units"]),
        phrases_pattern=regex.compile("|".join(map(regex.escape, phrases))),
        day_prefixes=tuple(rulebook.longest_first(lexicon["dates"]["day_prefixes"])),
        code_before=tuple(lexicon["codes"]["before"]),
        code_after=tuple(lexicon["codes"]["after"]),
        hotlines=frozenset(lexicon["codes"]["hotlines"]),
        before=qualifiers["before"],
        inside=qualifiers["inside"],
        after=qualifiers["after"],
        after_not_followed_by=qualifiers.get("after_not_followed_by", {}),
        recent_units=frozenset(qualifiers["recent_units"]),
    )


_AR = "[0-9０-９]"
_ARNUM = rf"(?:{_AR}{{1,3}}(?:,{_AR}{{3}})+(?!{_AR})|{_AR}+)(?:[.．]{_AR}+)?"
_CN_START = "〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖十拾廿卅"
_CN_ANY = _CN_START + "零百佰千仟万萬亿億"
_CORE = rf"(?:{_ARNUM}|[{_CN_START}])(?:{_ARNUM}|[{_CN_ANY}]|点(?=[零〇一二三四五六七八九]))*"
_GRAMMAR = regex.compile(
    rf"""(?P<sign>(?<![0-9０-９])[-−－](?={_AR})|负(?=[0-9０-９{_CN_START}])|零下)?
    (?:(?P<per>百分之|千分之|万分之)(?P<pcore>百(?![分万亿])|{_CORE})
      |(?P<den>{_CORE})分之(?P<num>{_CORE})
      |(?P<core>{_CORE}))""",
    regex.VERBOSE,
)
_PER_UNITS = {"百分之": "%", "千分之": "‰", "万分之": "‱"}
_RANGE_MARKS = "~～〜-—–－至到"
_LATIN = regex.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_ORDINAL_BEFORE = regex.compile(r"第[0-9０-９一二三四五六七八九十百,，、]*$")
_HEADING_AFTER = frozenset(".．、)）")
_LIST_OF_DATES = regex.compile(r"[,，、和及][0-9０-９]+(?:月|日|号|年)")


@functools.cache
def _suffix_pattern() -> regex.Pattern[str]:
    vocabulary = _vocabulary()
    units = "|".join(map(regex.escape, rulebook.longest_first(list(vocabulary.units))))
    inside = "|".join(map(regex.escape, rulebook.longest_first(vocabulary.inside)))
    return regex.compile(
        rf"(?P<q1>{inside})?(?P<scale>[万萬亿億]+)?(?P<q2>余|多)?(?P<unit>{units})?(?P<tenth>(?<=成)[一二三四五六七八九])?"
    )


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order, none overlapping another."""
    vocabulary = _vocabulary()
    names = [match.span() for match in vocabulary.phrases_pattern.finditer(text)]
    figures: list[Figure] = []
    position = 0
    while True:
        match = _GRAMMAR.search(text, position)
        if match is None:
            return figures
        figure = _read(text, match, names)
        if figure is None:
            position = match.end() if match.end() > match.start() else match.start() + 1
            continue
        figures.append(figure)
        position = figure.end


def _read(text: str, match: regex.Match[str], names: list[tuple[int, int]]) -> Figure | None:
    """The figure a grammar match starts, or None when it is not a quantity."""
    if match.group("per"):
        return _percent_word(text, match)
    if match.group("den"):
        return _fraction(text, match)
    first = _plain(text, match, names)
    if first is None or not first.unit:
        # 3-5个工作日: a bare number is read as the start of a range before it is judged alone
        opening = _plain(text, match, names, range_start=True)
        ranged = _range(text, opening, names) if opening is not None else None
        if ranged is not None:
            return ranged
    return first if first is None else (_range(text, first, names) or first)


def _percent_word(text: str, match: regex.Match[str]) -> Figure | None:
    core = match.group("pcore")
    parsed = (Decimal(100), Decimal(1)) if core == "百" else parse_core(core)
    if parsed is None:
        return None
    value, resolution = parsed
    if match.group("sign"):
        value = -value
    end = _after_qualifier_end(text, match.end())
    return _finish(
        text,
        match.start(),
        end,
        match.end(),
        value,
        resolution,
        _PER_UNITS[match.group("per")],
        _after_qualifier(text, match.end(), end),
        numeral=match.group(0),
    )


def _fraction(text: str, match: regex.Match[str]) -> Figure | None:
    denominator, numerator = parse_core(match.group("den")), parse_core(match.group("num"))
    if denominator is None or numerator is None or denominator[0] == 0:
        return None
    value = Fraction(numerator[0]) / Fraction(denominator[0])
    end = _after_qualifier_end(text, match.end())
    return _finish(
        text,
        match.start(),
        end,
        match.end(),
        value,
        Decimal(0),
        "",
        _after_qualifier(text, match.end(), end),
        numeral=match.group(0),
    )


def _plain(
    text: str, match: regex.Match[str], names: list[tuple[int, int]], range_start: bool = False
) -> Figure | None:
    vocabulary = _vocabulary()
    core_start, core = match.start("core"), match.group("core")
    parsed = parse_core(core)
    while parsed is None and len(core) > 1 and core[-1] in CHINESE_NUMERAL_CHARS:
        core = core[:-1]  # 二两白酒: the last 两 is the unit liang, not a digit
        parsed = parse_core(core)
    if parsed is None:
        return None
    core_end = core_start + len(core)
    if _inside_name(core_start, names) or not _quantity_context(text, core_start, core_end, core):
        return None
    suffix = _suffix_pattern().match(text, core_end)
    value, resolution = parsed
    qualifier = "none"
    inside = suffix.group("q1") or suffix.group("q2")
    unit_written = suffix.group("unit") or ""
    scale = suffix.group("scale") or ""
    if not (scale or unit_written):
        inside = ""  # 余/多 only count before a scale word or unit (三千多人), not before a verb
    for ch in scale:
        value *= BIG_UNITS[ch]
        resolution *= BIG_UNITS[ch]
    if inside:
        qualifier = vocabulary.inside[inside]
    end = suffix.end() if (scale or unit_written) else core_end
    if unit_written == "" and not scale and suffix.group("q1") is None:
        end = core_end
    unit = vocabulary.units.get(unit_written, unit_written)
    if suffix.group("tenth"):
        value += Decimal(CHINESE_DIGIT_TENTHS[suffix.group("tenth")])
        resolution = Decimal("0.1")
    if not range_start and not _is_quantity(text, match, core, core_end, unit, unit_written, value):
        return None
    if match.group("sign"):
        value = -value
    numeral = text[match.start() : core_end] + scale
    after_end = _after_qualifier_end(text, end)
    if after_end > end:
        qualifier = _after_qualifier(text, end, after_end)
    return _finish(text, match.start(), after_end, end, value, resolution, unit, qualifier, numeral=numeral)


CHINESE_DIGIT_TENTHS = {
    "一": "0.1",
    "二": "0.2",
    "三": "0.3",
    "四": "0.4",
    "五": "0.5",
    "六": "0.6",
    "七": "0.7",
    "八": "0.8",
    "九": "0.9",
}


def _finish(
    text: str,
    start: int,
    end: int,
    body_end: int,
    value: Number,
    resolution: Decimal,
    unit: str,
    qualifier: str,
    numeral: str,
) -> Figure:
    """Attach a qualifier written before the figure (约, 近, 不足 …) and build it."""
    vocabulary = _vocabulary()
    for word in rulebook.longest_first(vocabulary.before):
        if text.startswith(word, max(0, start - len(word))) and start - len(word) >= 0:
            kind = vocabulary.before[word]
            if kind == "near" and unit in vocabulary.recent_units:
                break  # 近3年, 近三年来: recent years, not "nearly three"
            if qualifier == "none":
                qualifier = kind
            start -= len(word)
            break
    return Figure(start, end, text[start:end], value, unit, qualifier, resolution, None, numeral)


def _after_qualifier_end(text: str, end: int) -> int:
    vocabulary = _vocabulary()
    for word in rulebook.longest_first(vocabulary.after):
        if text.startswith(word, end):
            following = text[end + len(word) : end + len(word) + 1]
            if following and following in vocabulary.after_not_followed_by.get(word, ""):
                continue
            return end + len(word)
    return end


def _after_qualifier(text: str, end: int, after_end: int) -> str:
    return _vocabulary().after[text[end:after_end]] if after_end > end else "none"


def _inside_name(start: int, names: list[tuple[int, int]]) -> bool:
    """A numeral that begins inside a set phrase or name (统一, 三项制度, 十四五)."""
    return any(name_start <= start < name_end for name_start, name_end in names if name_start <= start)


def _quantity_context(text: str, start: int, end: int, core: str) -> bool:
    """Rules on the characters around a core: ordinals, Latin names (PM2.5, 5G), day names (3·15)."""
    before = text[max(0, start - 12) : start]
    if _ORDINAL_BEFORE.search(before):
        return False
    if (start > 0 and _LATIN.match(text, start - 1)) or _LATIN.match(text, end):
        return False
    if text[end : end + 1] in ("·", "•", "・") or (before[-1:] in ("·", "•", "・")):
        return False
    if before[-1:] in ("几", "数") and core[0] in "十百千万":
        return False  # 几十名, 数百人: vague amounts are not read as 10 or 100
    return True


def _is_quantity(
    text: str, match: regex.Match[str], core: str, core_end: int, unit: str, unit_written: str, value: Decimal
) -> bool:
    """False for dates, times, codes, headings and bare Chinese numerals (一是, 七进)."""
    vocabulary = _vocabulary()
    start = match.start("core")
    arabic = core[0] in "0123456789０１２３４５６７８９"
    if unit_written in vocabulary.calendar_units:
        return False
    if unit == "年" and arabic and len(core) == 4 and core.isdigit() and 1000 <= value <= 2999:
        return False  # a year: 2019年
    if unit == "日" and (text[start - 1 : start] == "月" or text[:start].endswith(vocabulary.day_prefixes)):
        return False  # a day of the month: 2月20日, 截至20日
    if not arabic:
        return bool(unit) and not _in_short_quote(text, start, core_end)
    if unit:
        return True
    return _bare_arabic_is_quantity(text, start, core_end, core)


def _bare_arabic_is_quantity(text: str, start: int, end: int, core: str) -> bool:
    vocabulary = _vocabulary()
    before, after = text[max(0, start - 6) : start], text[end : end + 6]
    if before.endswith("月"):
        return False  # 2月20
    if _LIST_OF_DATES.match(text, end):
        return False  # 1,2月份: a list of months, not a thousands separator
    if (after[:1] in "-/:：－" and after[1:2].isdigit()) or (before[-1:] in "-/:：－" and before[-2:-1].isdigit()):
        return False  # dates 2020-02-25, times 09:36, phone numbers 0431-88888888
    if before.endswith(("〔", "[", "［", "(", "（")) and after[:1] in ("〕", "]", "］", ")", "）"):
        return False  # 〔2020〕, (1)
    if len(core) > 1 and core[0] in "0０" and core[1:2] not in (".", "．"):
        return False  # a code with a leading zero
    if (
        core in vocabulary.hotlines
        or before.endswith(vocabulary.code_before)
        or after.startswith(vocabulary.code_after)
    ):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and after[:1] in _HEADING_AFTER:
        return False  # a heading number: "1．加强领导", "2、"
    return True


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Chinese numerals inside a short quoted name: “三项制度”, “七进”, “一村一律师”."""
    opening = text.rfind("“", max(0, start - 8), start)
    if opening < 0 or "”" in text[opening:start]:
        return False
    closing = text.find("”", end, end + 8)
    return closing >= 0


def _range(text: str, first: Figure, names: list[tuple[int, int]]) -> Figure | None:
    """15%~20%, 3-5个工作日, 1至2名, 9~16亿元: two figures joined by a range mark."""
    mark_at = first.end
    if first.qualifier != "none" or mark_at >= len(text) or text[mark_at] not in _RANGE_MARKS:
        return None
    match = _GRAMMAR.match(text, mark_at + 1)
    if match is None or not match.group("core") or match.group("sign"):
        return None
    second = _plain(text, match, names)
    if second is None or second.qualifier != "none" or not second.unit:
        return None
    if first.unit and first.unit != second.unit:
        return None
    low, resolution = first.value, first.resolution
    first_scale, second_scale = _trailing_scale(first.numeral), _trailing_scale(second.numeral)
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


def _trailing_scale(numeral: str) -> int:
    scale = 1
    for ch in reversed(numeral):
        if ch not in BIG_UNITS:
            break
        scale *= BIG_UNITS[ch]
    return scale
