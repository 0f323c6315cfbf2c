"""The grammar of numeral cores and the patterns around them, compiled once (no rule data here)."""

from __future__ import annotations

import re

import regex

from figcheck import patterns
from figcheck.figures.numerals import BIG_UNITS, CHINESE_NUMERAL_CHARS, CN_DIGITS

AR = "[0-9０-９]"
THIN = "[\u2009\u202f]"  # GB/T 15835 groups digits with a thin space: 1 234 567
FW = "[０-９]"  # old gov.cn texts group full-width digits with full-width commas: ２９，７３１，７３２，０００元
GROUPED = (
    rf"{AR}{{1,3}}(?:,{AR}{{3}})+(?!{AR})|{AR}{{1,3}}(?:{THIN}{AR}{{3}})+(?!{AR})"
    rf"|{FW}{{1,3}}(?:[，,]{FW}{{3}})+(?!{AR})"
)
ARNUM = rf"(?>(?:{GROUPED}|{AR}+)(?:[.．]{AR}+)?)"
CN_DIGIT = "零〇○一二两三四五六七八九"
CN_START = "〇○一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖十拾廿卅"
CN_ANY = CN_START + "零百佰千仟万萬亿億几"
# Atomic: once a run of digits is read it is not split again when what follows does not fit (a
# 50,000-digit number must not make the 「X分之Y」 branch try every way of cutting it).
CORE = (
    rf"(?>(?:{ARNUM}|[{CN_START}]|零(?=点[{CN_DIGIT}])|[几数](?=[十百千万])|几)"
    rf"(?:{ARNUM}|[{CN_ANY}]|点(?=[{CN_DIGIT}]))*)"
)
# Every figure starts with one of these characters; the lookahead lets the engine skip the rest of the
# text quickly instead of trying every alternative at every position.
FIRST = rf"(?=[-−－负零下半一过百千万0-9０-９{CN_START}几数])"
# The grammar is compiled with the standard `re` (atomic groups since 3.11): it uses nothing of `regex`'s
# own, and `re` scans for it twice as fast (0.15 s against 0.30 s over the corpus reports).
GRAMMAR = re.compile(
    rf"""{FIRST}(?P<sign>(?<![0-9０-９])[-−－](?={AR})|(?<![税胜正抱自担欠背肩])负(?=[0-9０-９{CN_START}百零])|零下)?
    (?:(?P<half>半数|一半|过半(?!个)|(?<![上下前后多大])半(?=年|个月|天|小时|个小时))
      |(?P<per>百分之|千分之|万分之)(?P<pcore>百(?![分万亿])|{CORE})
      |(?P<den>{CORE})分之(?P<num>{CORE})
      |(?P<bare>(?<=[近逾约超上])[百千万]|[百千万](?=[余多来]))
      |(?P<core>{CORE}))""",
    regex.VERBOSE,
)
HAS_ARABIC_DIGIT = patterns.compile(AR)
PER_UNITS = {"百分之": "%", "千分之": "‰", "万分之": "‱"}
RANGE_MARKS = "~～〜-—–－至到"
HALF_UNITS = ("个小时", "个月", "小时", "年", "天")


MONEY_DIGIT = f"[{CN_DIGIT}壹贰叁肆伍陆柒捌玖0-9]"
MONEY_TAIL = patterns.compile(rf"(?:(?P<jiao>{MONEY_DIGIT})角)?(?:(?P<fen>{MONEY_DIGIT})分)?整?")
SPACED_TAIL = patterns.compile(r"(?: ?[．.]? ?[0-9０-９]|(?: [0-9０-９])){1,12}")
BARE_PERCENT_HIGH = patterns.compile(r"([一二两三四五六七八九十百]{1,6}(?:点[一二三四五六七八九零〇]+)?)(?![分之])")
MONTHS_AFTER = patterns.compile(r"([一二两三四五六七八九十0-9]{1,3})个月")
PER_UNIT = patterns.compile(r"[/／](?:人·?月|人·?年|人·?天|\p{Han}{1,3}(?=[，,。；;、）)\s]|$))")
LISTED_PAIR = patterns.compile(rf"、([{CN_DIGIT}][十百千万亿]*)")


CAPITAL = {"壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}

__all__ = ["BIG_UNITS", "CHINESE_NUMERAL_CHARS", "CN_DIGITS"]
