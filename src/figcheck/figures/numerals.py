"""Numeral cores to exact values: 25, 1.5万, 三千六百七十五, 10亿零817万5288, 九十五点零六.

A *core* is the numeral itself, without sign, qualifier or unit; `figures.py` finds cores in text
and hands them here. Values are `Decimal`, never float. Besides the value we return the
*resolution*: the place value of the last digit as written, scale folded in (1.2亿 → 10000000,
3千 → 1000, 25 → 1, 32.5 → 0.1), which is what rounding tolerance is measured in.

Every form is read by our own code. cn2an is the oracle: the numeral laws (tests/test_numerals_laws.py) write
integers with cn2an.an2cn and check that we read them back as cn2an.cn2an does. It is not on the run-time path:
its import and pattern set-up cost more than checking a whole report (issue 16), our reading agreed with it on
every Chinese integer of the shared corpus and on 40,000 generated ones, and where cn2an refuses a form (二十五亿七千)
ours reads it anyway.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "貳": 2,
    "叁": 3,
    "參": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "陸": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# 廿 and 卅 are a digit and a unit in one character.
COMPOUND_TENS = {"廿": 20, "卅": 30}
ARABIC_CHARS = frozenset("0123456789.,")
CHINESE_NUMERAL_CHARS = frozenset(CN_DIGITS) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS) | frozenset(COMPOUND_TENS)

ONE = Decimal(1)
MAX_DIGITS = 28
_PLAIN_ARABIC = re.compile(r"[0-9]+(\.[0-9]+)?")
# What a ratio unit multiplies a quotient by: 8 / 25 is 32%, 3.2成, 320‰.
RATIO_FACTORS = {"%": 100, "‰": 1000, "‱": 10000, "成": 10}


def ratio_factor(unit: str) -> int:
    """The factor of a ratio unit; 1 for a plain fraction (0.32)."""
    return RATIO_FACTORS.get(unit, 1)


def scale_of(numeral: str) -> tuple[int, str]:
    """The scale words a numeral ends with, and their value: 3.12亿 → (100000000, 亿), 25 → (1, "")."""
    scale, word = 1, ""
    for ch in reversed(numeral):
        if ch not in BIG_UNITS:
            break
        scale, word = scale * BIG_UNITS[ch], ch + word
    return scale, word


def _tokens(core: str) -> list[tuple[str, Decimal, Decimal]] | None:
    """Split a core into (kind, value, resolution) tokens: num, zero, small, big."""
    out: list[tuple[str, Decimal, Decimal]] = []
    i, n = 0, len(core)
    while i < n:
        ch = core[i]
        if ch in ARABIC_CHARS:
            j = i
            while j < n and core[j] in ARABIC_CHARS:
                j += 1
            digits = core[i:j].replace(",", "")
            if digits.count(".") > 1 or digits.startswith(".") or digits.endswith("."):
                return None
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            out.append(("num", Decimal(digits), Decimal(1).scaleb(-decimals)))
            i = j
        elif ch in ("零", "〇", "○", "◯") and out and out[-1][0] != "num":
            out.append(("zero", Decimal(0), ONE))
            i += 1
        elif ch in CN_DIGITS:
            out.append(("num", Decimal(CN_DIGITS[ch]), ONE))
            i += 1
        elif ch in COMPOUND_TENS:
            out.append(("num", Decimal(COMPOUND_TENS[ch] // 10), ONE))
            out.append(("small", Decimal(10), ONE))
            i += 1
        elif ch in SMALL_UNITS:
            out.append(("small", Decimal(SMALL_UNITS[ch]), ONE))
            i += 1
        elif ch in BIG_UNITS:
            out.append(("big", Decimal(BIG_UNITS[ch]), ONE))
            i += 1
        else:
            return None
    return out


def _walk(tokens: list[tuple[str, Decimal, Decimal]], spoken: bool) -> tuple[Decimal, Decimal] | None:
    """Value and resolution of a token list, in the usual 亿/万-section reading."""
    total = section = Decimal(0)
    current: Decimal | None = None
    resolution = ONE
    last_unit: Decimal | None = None
    previous = ""
    for index, (kind, value, token_resolution) in enumerate(tokens):
        if kind == "num":
            if current is not None:
                return None  # 一二, 3 4: a list of digits, not one number
            current, resolution = value, token_resolution
            is_last = index == len(tokens) - 1
            if spoken and is_last and previous in ("small", "big") and last_unit is not None and last_unit > 10:
                # 一万二 = 12000, 三千五 = 3500: the trailing digit takes the next lower unit
                current, resolution = value * last_unit / 10, last_unit / 10
        elif kind == "zero":
            current = None if current is None else current
        elif kind == "small":
            if current is None and previous == "small" and last_unit is not None and value < last_unit:
                current = ONE  # 二百十七: 十 after 百 stands for 一十
            elif current is None and previous not in ("", "big", "zero"):
                return None  # 十百: two units in a row
            if current is None:
                resolution = value  # 十 without a leading 一
            else:
                resolution = resolution * value
            section += (ONE if current is None else current) * value
            current, last_unit = None, value
        else:  # big
            if value == 10**8:
                if total == section == 0 and current is None:
                    return None
                total = (total + section + (current or 0)) * value
            else:
                if section == 0 and current is None:
                    return None
                total += (section + (current or 0)) * value
            resolution *= value
            section, current, last_unit = Decimal(0), None, value
        previous = kind
    return total + section + (current or 0), resolution


@functools.lru_cache(maxsize=4096)
def parse_core(core: str) -> tuple[Decimal, Decimal] | None:
    """(value, resolution) of a numeral core, or None when it is not one number.

    >>> parse_core("1.5万")
    (Decimal('15000'), Decimal('1000'))
    """
    core = core.translate(FULL_WIDTH)
    plain = _PLAIN_ARABIC.fullmatch(core)
    if plain is not None and len(core) <= MAX_DIGITS:  # 1207, 23.50: most cores, read without tokens
        decimals = len(plain.group(1) or ".") - 1
        return _normal(Decimal(core)), _normal(ONE.scaleb(-decimals))
    if sum(ch.isdigit() for ch in core) > MAX_DIGITS:
        return None  # 28 digits is Decimal's default precision, and far beyond any figure in a report
    if "点" in core:
        return _chinese_decimal(core)
    tokens = _tokens(core)
    if not tokens:
        return None
    chinese_only = not any(ch in ARABIC_CHARS for ch in core)
    walked = _walk(tokens, spoken=chinese_only)
    if walked is None:
        return None
    value, resolution = walked
    if chinese_only and _plain_integer(tokens):
        resolution = _chinese_resolution(tokens, value)
    return _normal(value), _normal(resolution)


def _chinese_resolution(tokens: list[tuple[str, Decimal, Decimal]], value: Decimal) -> Decimal:
    """Resolution of a spelled-out Chinese integer: exact when it ends in a digit or 十/百/千 (二十件,
    三千六百七十五); rounded at its last non-zero digit when it ends in 万 or 亿 (三万 → 10000,
    八百二十七亿一千万 → 10000000)."""
    if tokens[-1][0] != "big":
        return ONE
    place = ONE
    number = int(value)
    while number and number % 10 == 0:
        number //= 10
        place *= 10
    return place


def _plain_integer(tokens: list[tuple[str, Decimal, Decimal]]) -> bool:
    """A Chinese integer read as written (no spoken abbreviation like 一万二), as cn2an reads it."""
    kinds = [kind for kind, _, _ in tokens]
    return not (len(kinds) >= 2 and kinds[-1] == "num" and kinds[-2] in ("small", "big"))


def _chinese_decimal(core: str) -> tuple[Decimal, Decimal] | None:
    """九十五点零六 = 95.06; 一点五万 = 15000."""
    whole, _, rest = core.partition("点")
    digits = ""
    for ch in rest:
        if ch not in CN_DIGITS:
            break
        digits += str(CN_DIGITS[ch])
    scale_chars = rest[len(digits) :]
    if not digits or any(ch not in BIG_UNITS for ch in scale_chars):
        return None
    integer = parse_core(whole) if whole else (Decimal(0), ONE)
    if integer is None:
        return None
    value = integer[0] + Decimal("0." + digits)
    resolution = Decimal(1).scaleb(-len(digits))
    for ch in scale_chars:
        value *= BIG_UNITS[ch]
        resolution *= BIG_UNITS[ch]
    return _normal(value), _normal(resolution)


def _normal(value: Decimal) -> Decimal:
    """Drop exponent noise: 15000.0 becomes 15000, 1.0E+4 becomes 10000."""
    if value == value.to_integral_value() and value.adjusted() < MAX_DIGITS:
        return value.quantize(ONE)
    return value.normalize()


def format_decimal(value: Decimal) -> str:
    """An exact decimal string without exponent: 120000000, 12.5, 0.001."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


# Two neighbouring digits make a vague amount: 三四个, 十二三公顷, 二三十人, 五六万套; 三五 too.
_VAGUE_PAIRS = {(a, b) for a, b in zip("一二三四五六七八", "二三四五六七八九", strict=True)} | {
    ("一", "两"),
    ("两", "三"),
    ("三", "五"),
}


@functools.lru_cache(maxsize=1024)
def parse_vague(core: str) -> tuple[Decimal, Decimal] | None:
    """(low, high) of a vague Chinese amount, taking 几 and 数 as 2…9: 十几 = 12~19, 几百 = 200~900,
    三四百万 = 3000000~4000000, 二百四五十万 = 2400000~2500000; None for anything else."""
    if core.count("几") == 1:
        low, high = core.replace("几", "二"), core.replace("几", "九")
    elif core.startswith("数") and (core[1:2] in SMALL_UNITS or core[1:2] in BIG_UNITS):
        low, high = "二" + core[1:], "九" + core[1:]
    else:
        pair = next((i for i in range(len(core) - 1) if (core[i], core[i + 1]) in _VAGUE_PAIRS), None)
        if pair is None:
            return None
        low, high = core[:pair] + core[pair] + core[pair + 2 :], core[:pair] + core[pair + 1] + core[pair + 2 :]
    parsed_low, parsed_high = parse_core(low), parse_core(high)
    if parsed_low is None or parsed_high is None or parsed_low[0] >= parsed_high[0]:
        return None
    return parsed_low[0], parsed_high[0]


def chinese(number: int) -> str:
    """一 … 九十九, the way list numbers are written; larger numbers in digits."""
    if not 0 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGIT_CHARS[tens] + "十")
    return head + (_DIGIT_CHARS[units] if units else "")


_DIGIT_CHARS = "〇一二三四五六七八九"


def whole_number(written: str) -> int | None:
    """A small whole number as a date or a list writes it: 12, 三十, 二〇二四 (digit by digit); None otherwise."""
    if written.isascii() and written.isdecimal():
        return int(written)
    if len(written) == 4 and all(c in CN_DIGITS for c in written):
        return int("".join(str(CN_DIGITS[c]) for c in written))
    parsed = parse_core(written)
    return int(parsed[0]) if parsed is not None and parsed[0] == int(parsed[0]) else None
