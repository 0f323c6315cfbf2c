"""What only looks like a quantity: dates, times, codes, ordinals, headings, names and slogans.

Each predicate looks at the characters around a numeral core; the word lists are data in
rules/lexicon.toml (dates, codes, set phrases), so a user can extend them.
"""

from __future__ import annotations

import bisect

import regex

from figcheck import patterns
from figcheck.figures.vocabulary import Vocabulary

_LATIN = frozenset(  # PM2.5, PM_2.5, 5G, 4A级
    "_" + "".join(chr(first + offset) for first in (ord("A"), ord("a"), ord("Ａ"), ord("ａ")) for offset in range(26))
)
_ORDINAL_BEFORE = patterns.compile(r"第\s*[0-9０-９一二三四五六七八九十百,，、至到~～\-\s]*$")
_HEADING_AFTER = frozenset(".．、)）")
_DAY_NAME_MARKS = ("·", "•", "・")
# 1,2月份 / 1至6月 / 3、4月: a list or range of dates, not a thousands separator or an amount
_DATES_FOLLOW = patterns.compile(r"\s*[,，、和及至到~～〜—–－-]\s*[0-9０-９一二三四五六七八九十]+\s*(?:月|日|号|年)")
_SPACE = " \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"
_YEAR = patterns.compile(r"(?:19|20|１９|２０)[0-9０-９]{2}")
_YEAR_LIST_FOLLOWS = patterns.compile(r"\s*(?:[、，,和及至到—–-]\s*(?:19|20|１９|２０)[0-9０-９]{2}|[两二三四几]年)")
_PAGE_MARK_BEFORE = patterns.compile(r"[-—–－]\s*$")
_PAGE_MARK_AFTER = patterns.compile(r"\s*[-—–－]")
_SERVICE_LINE = patterns.compile(r"(?:123|961)\d\d")
_ARABIC_DIGITS = "0123456789０１２３４５６７８９"


def inside_name(start: int, names: list[tuple[int, int]]) -> bool:
    """A numeral that begins inside a set phrase or name (统一, 三项制度, 一个中国). `names` are the
    phrase matches in text order (they do not overlap, so their ends are in order too)."""
    index = bisect.bisect_right(names, (start, float("inf"))) - 1
    return index >= 0 and names[index][0] <= start < names[index][1]


def acceptable_context(words: Vocabulary, text: str, start: int, end: int, core: str) -> bool:
    """Ordinals (第3批), references (表7, 附件2), Latin names (PM2.5, 5G, 4A级), day names (3·15)."""
    before = text[max(0, start - 12) : start]
    if "第" in before and _ORDINAL_BEFORE.search(before):
        return False
    if core[0] in _ARABIC_DIGITS and before.rstrip(_SPACE).endswith(words.reference_before):
        return False
    if (start > 0 and text[start - 1] in _LATIN) or text[end : end + 1] in _LATIN:
        return False
    return not (text[end : end + 1] in _DAY_NAME_MARKS or before[-1:] in _DAY_NAME_MARKS)


def is_quantity(
    words: Vocabulary, text: str, start: int, core: str, core_end: int, unit: str, unit_written: str, value
) -> bool:
    """False for dates, times, ordinals, codes, headings and bare Chinese numerals (一是, 七进)."""
    arabic = core[0] in _ARABIC_DIGITS
    if unit_written in words.calendar_units:
        return False
    digits = core.replace(" ", "")
    if unit == "年" and arabic and len(digits) == 4 and digits.isdigit() and 1000 <= value <= 2999:
        return False  # a year: 2019年, and 1 9 9 8 年 spaced out
    before = text[max(0, start - 8) : start]
    if unit == "日" and (before.rstrip(_SPACE).endswith("月") or before.endswith(words.day_prefixes)):
        return False  # a day of the month: 2月20日, 截至20日
    if unit in words.ordinal_after and text.startswith(
        words.ordinal_after[unit], _unit_end(text, core_end, unit_written)
    ):
        return False  # 二次会议, 三期工程, 九年制: an ordinal or a name, not an amount
    if core == "一" and unit_written and _repeats(text, start, core_end, unit_written):
        return False  # 一个一个, 一年比一年, 一件又一件, 定一件、干一件: a figure of speech, not a count
    if unit in words.rank_units and text[max(0, start - 3) : start].endswith(words.rank_before):
        return False  # 居全国前10位: a rank
    if unit == "番" and not text[max(0, start - 2) : start].endswith(("翻", "翻了")):
        return False  # 一番努力, 三番五次: 番 is a doubling only after 翻
    if not arabic:
        return bool(unit) and unit not in words.chinese_ordinal_units and not in_short_quote(text, start, core_end)
    if unit:
        return not in_short_quote(text, start, core_end)  # “三个1亿人”: a slogan's number
    return bare_arabic_is_quantity(words, text, start, core_end, core)


def _unit_end(text: str, core_end: int, unit_written: str) -> int:
    at = text.find(unit_written, core_end, core_end + 6 + len(unit_written)) if unit_written else core_end
    return core_end if at < 0 else at + len(unit_written)


def _repeats(text: str, start: int, core_end: int, unit: str) -> bool:
    """「一X」 said twice in a row (一个一个, 一年比一年, 一件又一件, 干一件、成一件, 一张张)."""
    once = "一" + unit
    after = text[core_end + len(unit) : core_end + len(unit) + len(once) + 3]
    before = text[max(0, start - len(once) - 3) : start]
    joins = ("", "又", "比", "接着")
    if any(after.startswith(join + once) for join in joins) or any(before.endswith(once + join) for join in joins):
        return True
    if len(unit) == 1 and text[core_end : core_end + 1] == unit and after.startswith(unit):
        return True  # 一张张, 一个个, 一天天: one after another
    # 干一件、成一件: the same 「一X」 after a one-character verb on the other side of 、
    return after[:1] == "、" and after[2:].startswith(once) or before[:-1].endswith(once + "、")


_RATIO_CHARS = frozenset("0123456789０１２３４５６７８９.．:：∶ ")
_RATIO_RUN = patterns.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?: ?[:：∶] ?[0-9０-９]+(?:[.．][0-9０-９]+)?)+")


def in_ratio(words: Vocabulary, text: str, start: int, end: int) -> bool:
    """A term of a ratio written with colons (7.6:44.8:47.6, 2.06：1), not a clock time (09:36): a term has
    decimals, or a ratio word (结构, 比例 …) comes just before the run and no term starts with a zero."""
    low, high = start, end
    while low > 0 and text[low - 1] in _RATIO_CHARS and start - low < 40:
        low -= 1
    while high < len(text) and text[high] in _RATIO_CHARS and high - end < 40:
        high += 1
    run = text[low:high].strip()
    if not _RATIO_RUN.fullmatch(run):
        return False
    if "." in run or "．" in run:
        return True
    terms = regex.split(r" ?[:：∶] ?", run)
    return not any(term[0] in "0０" for term in terms) and _names_ratio(words, text[max(0, low - 16) : low])


# What may stand between a ratio word and its terms: 「结构调整为」, 「收入比缩小至」, 「比重为」
# (not 「结构调整会议于」).
_RATIO_LINK = patterns.compile(r"\s*(?:调整|优化|变化|变|提高|降低|缩小|扩大|达)?(?:为|是|到|至|达到)?\s*")


def _names_ratio(words: Vocabulary, before: str) -> bool:
    for word in words.ratio_before:
        at = before.rfind(word)
        if at >= 0 and _RATIO_LINK.fullmatch(before[at + len(word) :]):
            return True
    return False


def bare_arabic_is_quantity(words: Vocabulary, text: str, start: int, end: int, core: str) -> bool:
    """An Arabic number without a unit: a table cell or a ratio, unless it is a date, code or heading."""
    before, after = text[max(0, start - 8) : start], text[end : end + 8]
    if before.rstrip(_SPACE).endswith("月"):
        return False  # 2月20
    if before.endswith(("+", "＋")) or after.startswith(("+", "＋")) or in_short_quote(text, start, end):
        return False  # 「16+16」, 「77789」: a programme's number-name
    if _YEAR.fullmatch(core) and (patterns.HAN.match(before[-1:] or " ") or patterns.HAN.match(after[:1] or " ")):
        return False  # 中国制造2025, 2025全球十大工程成就: a year in a name
    if _DATES_FOLLOW.match(text, end):
        return False
    if _YEAR.fullmatch(core) and _YEAR_LIST_FOLLOWS.match(text, end):
        return False  # １９７９、１９８０两年: a list of years
    if _PAGE_MARK_BEFORE.search(before) and _PAGE_MARK_AFTER.match(after):
        return False  # a page number: - 5 -, — 12 —
    colons = (after[:1] in "-/:：－" and after[1:2].isdigit()) or (before[-1:] in "-/:：－" and before[-2:-1].isdigit())
    if colons and not in_ratio(words, text, start, end):
        return False  # dates 2020-02-25, times 09:36, phone numbers 0431-88888888
    if before.endswith(("〔", "[", "［", "(", "（")) and after[:1] in ("〕", "]", "］", ")", "）"):
        return False  # 〔2020〕, (1)
    if len(core) > 1 and core[0] in "0０" and core[1:2] not in (".", "．"):
        return False  # a code with a leading zero
    trimmed_before = before.rstrip(_SPACE + "：:")
    if _SERVICE_LINE.fullmatch(core) and patterns.HAN.match(after[:1] or " "):
        return False  # 12355青少年服务台: a five-digit 123xx/961xx service line
    if core in words.hotlines or trimmed_before.endswith(words.code_before) or after.startswith(words.code_after):
        return False
    if len(core) == 1 and (
        before[-2:-1].isdigit() and before.endswith(" ") or after[1:2].isdigit() and after[:1] == " "
    ):
        return False  # spaced-out digits: 1 9 5 4 0 9 2 4
    if (
        "." in core
        and core.rsplit(".", 1)[1].strip("0") == ""
        and patterns.HAN.match(before[-1:] or " ")
        and not in_ratio(words, text, start, end)
    ):
        return False  # a version: 工业4.0, 数字政府2.0
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if not text[line_start:start].strip() and not text[end : line_end if line_end >= 0 else len(text)].strip():
        return False  # a number alone on its line: a page number in extracted PDF text
    if not text[line_start:start].strip() and (
        after[:1] in _HEADING_AFTER or patterns.HAN.match(after.lstrip(_SPACE)[:1] or " ")
    ):
        return False  # a heading number at the start of a line: "1．加强领导", "12资源环境"
    return True


def in_short_quote(text: str, start: int, end: int) -> bool:
    """Chinese numerals inside a short quoted name: “三项制度”, “七进”, “一村一律师”."""
    opening = text.rfind("“", max(0, start - 8), start)
    if opening < 0 or "”" in text[opening:start]:
        return False
    return text.find("”", end, end + 8) >= 0
