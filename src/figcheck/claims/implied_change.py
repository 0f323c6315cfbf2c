"""Changes stated twice after one value, the earlier value only implied.

「收入预算1,036.50万元，比上年增加12.40万元，增长1.21%」 gives this year's value and last year's change as an
amount and as a percent; last year's value is 1,036.50 − 12.40 (+ 12.40 for a decrease), and the percent
must be 12.40 over it. Two shapes:
- the value, then 「比上年增加N，增长p%」 in the same sentence (比, 较, 同比 … open the amount's label);
- 「…收入支出总计9859.38万元。与2023年度相比，收入支出总计增加1062.85万元，增长12.08%」: the comparison in a
  clause of its own, the amount's label naming the value again; the value may stand in the sentence
  before, on the same line (never further back).
The percent must follow the amount directly (「，增长」): 「，按可比价格计算，增长7.5%」 states another growth.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.common import family, is_count
from figcheck.claims.model import EarlierValueClaim, ImpliedChangeClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

# A value named with one of these is what a change is measured from (比上年的…, 较…末的…, 由…).
_BASE_MARKS = ("比", "较", "由", "从", "与")


class _Cues(NamedTuple):
    compared: regex.Pattern[str]  # the amount's label: 比上年增加
    named: regex.Pattern[str]  # the amount's label naming the value: 收入支出总计增加
    comparison_clause: regex.Pattern[str]  # the clause before it: 与2023年度相比，
    then: regex.Pattern[str]  # between the amount and the percent: ，增长
    up: frozenset[str]
    down: frozenset[str]
    price_basis: tuple[str, ...]
    real_terms: tuple[str, ...]
    signed: tuple[str, ...]


@rulebook.derived
def _cues(book: Rulebook) -> _Cues:
    data = book.load("cues.toml")
    words, change = data["implied_change"], data["change"]
    alt = rulebook.alternation
    verbs = alt(change["up_verbs"] + change["down_verbs"])
    return _Cues(
        compared=patterns.compile(
            rf"^(?:(?:{alt(words['openers'])})[^，,、；;：:（(）)]{{0,12}}?)?(?P<verb>{verbs})了?$"
        ),
        named=patterns.compile(rf"^(?P<subject>[^，,、；;：:]{{2,20}}?)\s*(?P<verb>{verbs})了?$"),
        comparison_clause=patterns.compile(
            rf"(?:{alt(words['clause_openers'])})[^，,、；;。]{{1,16}}(?:{alt(words['clause_closers'])})\s*[，,]\s*$"
        ),
        then=patterns.compile(rf"^\s*[，,、]\s*(?:同比|比上年)?(?P<verb>{verbs})了?\s*$"),
        up=frozenset(change["up_verbs"]),
        down=frozenset(change["down_verbs"]),
        price_basis=tuple(words["price_basis"]),
        real_terms=tuple(change["real_terms_subjects"]),
        signed=tuple(words["signed"]),
    )


def implied_change_claims(layout: Layout) -> list[ImpliedChangeClaim | EarlierValueClaim]:
    """A claim per percent that follows an amount change of a value stated just before, and per increase
    of an amount of money stated without a percent (its earlier value must not be negative)."""
    claims: list[ImpliedChangeClaim | EarlierValueClaim] = []
    placed = layout.placed
    for position in range(1, len(placed)):
        following = placed[position + 1] if position + 1 < len(placed) else None
        claim = _claim(layout, placed[position - 1], placed[position], following) if following else None
        if claim is None:
            claim = _earlier_value(layout, placed[position - 1], placed[position])
        if claim is not None:
            claims.append(claim)
    return claims


def _earlier_value(layout: Layout, value: Placed, amount: Placed) -> EarlierValueClaim | None:
    """「…预算0万元，比2022年预算增加1421.25万元」: an amount of money and its increase, nothing after it."""
    cues = _cues(layout.book)
    if not (is_count(value) and is_count(amount)) or value.figure.unit != "元" or amount.figure.unit != "元":
        return None
    if value.depth or amount.depth or value.sentence != amount.sentence:
        return None
    if _direction(cues, amount, value, layout) != 1 or any(word in value.label for word in cues.signed):
        return None
    return EarlierValueClaim(amount, value)


def _claim(layout: Layout, value: Placed, amount: Placed, percent: Placed) -> ImpliedChangeClaim | None:
    cues = _cues(layout.book)
    if percent.figure.unit != "%" or percent.figure.high is not None or percent.sentence != amount.sentence:
        return None
    if not (is_count(value) and is_count(amount)) or family(layout, value) != family(layout, amount):
        return None
    if value.depth or amount.depth or percent.depth:
        return None
    then = cues.then.match(layout.text[amount.figure.end : percent.figure.start])
    direction = _direction(cues, amount, value, layout)
    if then is None or direction == 0 or _verb_direction(cues, then.group("verb")) != direction:
        return None
    sentence_start = layout.sentences[value.sentence][0]
    if any(word in layout.text[sentence_start : percent.figure.start] for word in cues.price_basis):
        return None  # 「按可比价格计算，…增长7.5%」: the percent is not the change of the amounts written
    clause = layout.text[sentence_start : value.figure.start]
    clause = clause[max(clause.rfind(mark) for mark in "，,；;") + 1 :]
    if any(word in clause for word in cues.real_terms):
        return None  # GDP and value added grow at comparable prices, whatever the sentence says
    return ImpliedChangeClaim(percent, amount, value, direction)


def _direction(cues: _Cues, amount: Placed, value: Placed, layout: Layout) -> int:
    """The amount's direction, when its label compares the value just before it with an earlier one."""
    gap = layout.text[value.figure.end : amount.figure.start]
    label = amount.label
    compared = cues.compared.match(label)
    if compared is not None and value.sentence == amount.sentence and _bare(gap) == _bare(label):
        if label.startswith(compared.group("verb")) and any(word in value.label for word in _BASE_MARKS):
            return 0  # 「较“十三五”末的9323.1亿元增加4374.4亿元」: the value before a bare verb is the base
        return _verb_direction(cues, compared.group("verb"))
    named = cues.named.match(label)
    if named is None or "\n" in gap or amount.sentence - value.sentence > 1:
        return 0
    opening = max(layout.sentences[amount.sentence][0], value.figure.end)
    before = layout.text[opening : amount.figure.start].rstrip().removesuffix(label)
    clause = cues.comparison_clause.search(before)
    subject = regex.sub(r"\s+", "", named.group("subject"))
    if clause is None or not regex.sub(r"\s+", "", value.label).endswith(subject):
        return 0
    if before.strip("，,。 ") != clause.group(0).strip("，, "):
        return 0  # only the comparison clause may stand between the value and the amount's label
    return _verb_direction(cues, named.group("verb"))


def _verb_direction(cues: _Cues, verb: str) -> int:
    return -1 if verb in cues.down else (1 if verb in cues.up else 0)


def _bare(text: str) -> str:
    """Text without spaces (PDF and HTML text spaces figures out, with any kind of space) and commas."""
    return regex.sub(r"[\s，,、]+", "", text)
