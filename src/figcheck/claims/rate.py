"""Rate claims: 「败诉率32%」 stated beside the counts it is computed from.

A rate named in rules/rates.toml is computed by its definition (numerator label words over the
breakdown's total, or over the concluded cases). An unnamed 「X率」 is checked only when exactly one
count's label carries its stem (优秀率 → 「优秀卷宗三十卷」) and exactly one other count of the same
kind stands in the sentence to divide by.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.common import cues, family, is_count
from figcheck.claims.flow import PENDING, stage
from figcheck.claims.model import FlowClaim, RateClaim, RateOption, SumClaim, Term
from figcheck.figures.numerals import ratio_factor
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

# An inferred pair whose quotient is off the stated rate by more than this factor is taken to be
# computed on another base (the population, not the other count) and is not checked.
_PLAUSIBLE = 5
_MOST_TERMS = 8
_MOST_COUNTS = 60  # a real sentence states a few dozen counts at most; a list of thousands is no rate's basis


class _RateWords(NamedTuple):
    rate_word: regex.Pattern[str]  # 「败诉率为」: a label ending with a rate's name
    label_tails: str  # the characters of the words between a rate's name and its figure
    names: tuple[str, ...]  # the named rates, longest first
    pending: tuple[str, ...]
    concluded: tuple[str, ...]


@rulebook.derived
def _words(book: Rulebook) -> _RateWords:
    data = book.load("cues.toml")["rate"]
    tails = rulebook.alternation(data["label_tails"])
    return _RateWords(
        rate_word=patterns.compile(rf"(\p{{Han}}{{1,10}}?率)(?:{tails})?\s*$"),
        label_tails="".join(sorted(set("".join(data["label_tails"])))),
        names=tuple(sorted(cues(book).rates, key=len, reverse=True)),
        pending=tuple(data["pending"]),
        concluded=tuple(data["concluded"]),
    )


def rate_claims(layout: Layout, sum_claims: list[SumClaim], flows: Sequence[FlowClaim] = ()) -> list[RateClaim]:
    claims = []
    for placed in layout.placed:
        if placed.figure.unit not in ("%", "‰") or placed.figure.high is not None:
            continue
        found = _words(layout.book).rate_word.search(placed.label)
        if found is None:
            continue
        claim = _rate_claim(layout, placed, found.group(1), sum_claims, flows)
        if claim is not None:
            claims.append(claim)
    return claims


def _rate_claim(
    layout: Layout, rate: Placed, word: str, sum_claims: list[SumClaim], flows: Sequence[FlowClaim]
) -> RateClaim | None:
    near = layout.placed[max(0, rate.index - _MOST_COUNTS) : rate.index + _MOST_COUNTS]
    counts = [p for p in near if p.sentence == rate.sentence and is_count(p)]
    if not counts and rate.sentence > 0:
        counts = [p for p in near if p.sentence == rate.sentence - 1 and is_count(p)]
    if not counts:
        return None
    words = _words(layout.book)
    name = next((name for name in words.names if word.endswith(name)), None)
    if name is None:
        return _inferred(layout, rate, word, counts, sum_claims)
    definition = cues(layout.book).rates[name]
    wholes = _wholes(layout, definition, counts, sum_claims, flows)
    if wholes is None:
        return None
    left_out, unit_of, denominators = wholes
    numerator = [
        p
        for p in counts
        if p.index not in left_out
        and any(term in p.label for term in definition["numerator"])
        and "率" not in p.label
        and not _pending(layout, p)
        and family(layout, p) == family(layout, unit_of)
    ]
    if not numerator or len(numerator) > _MOST_TERMS:
        return None  # a rate's numerator adds a few outcomes; dozens of matches mean no clear basis
    options = []
    for kind in definition["denominators"]:
        if denominators.get(kind):
            numerators = tuple(Term(p, "numerator") for p in numerator)
            options.append(RateOption(numerators, denominators[kind], name, definition.get("name_en", name)))
    if not options:
        return None
    return RateClaim(rate, tuple(options), named=True, name=_shown_name(words, rate))


def _wholes(
    layout: Layout, definition: dict, counts: list[Placed], sum_claims: list[SumClaim], flows: Sequence[FlowClaim]
) -> tuple[set[int], Placed, dict[str, tuple[Term, ...]]] | None:
    """What a named rate may be over, by denominator kind, with the counts that are no numerator and
    the count whose unit the numerator shares. A case flow in the sentence gives both wholes: all the
    cases (新收 + 上年结转) and the concluded ones (审结)."""
    flow = next((f for f in flows if f.concluded in counts), None)
    if flow is not None:
        whole = tuple(Term(p, "denominator") for p in flow.inflows)
        left_out = {p.index for p in (*flow.inflows, flow.stated)}
        return left_out, flow.concluded, {"total": whole, "concluded": (Term(flow.concluded, "denominator"),)}
    breakdown = next((c for c in sum_claims if c.stated in counts or any(part in counts for part in c.parts)), None)
    total = breakdown.stated if breakdown else _labelled(counts, definition["total_terms"], exclude=())
    if total is None:
        return None
    kinds = {kind: _denominator(layout, kind, total, counts, breakdown) for kind in definition["denominators"]}
    return {total.index}, total, kinds


def _pending(layout: Layout, placed: Placed) -> bool:
    """Cases still open (尚未审结7件): never concluded ones, never a numerator."""
    return any(w in placed.label for w in _words(layout.book).pending) or stage(layout, placed) == PENDING


def _labelled(counts: list[Placed], terms: list[str], exclude: tuple[Placed, ...]) -> Placed | None:
    for placed in counts:
        if placed not in exclude and any(term in placed.label for term in terms):
            return placed
    return None


def _shown_name(words: _RateWords, rate: Placed) -> str:
    """The rate as the text names it, for messages: 「全年行政复议纠错率为」 → 全年行政复议纠错率."""
    return rate.label.lstrip("，,、（( ").rstrip(words.label_tails) or "比率"


def _denominator(
    layout: Layout, kind: str, total: Placed, counts: list[Placed], breakdown: SumClaim | None
) -> tuple[Term, ...]:
    if kind == "total":
        return (Term(total, "denominator"),)
    pending = [p for p in (breakdown.parts if breakdown else ()) if _pending(layout, p)]
    if pending:
        return (Term(total, "denominator"),) + tuple(Term(p, "pending", -1) for p in pending)
    settled = [p for p in counts if not _pending(layout, p)]
    concluded = _labelled(settled, list(_words(layout.book).concluded), exclude=(total,))
    return (Term(concluded, "denominator"),) if concluded is not None else ()


def _inferred(
    layout: Layout, rate: Placed, word: str, counts: list[Placed], sum_claims: list[SumClaim]
) -> RateClaim | None:
    """优秀率百分之二十五 beside 「优秀卷宗三十卷」 and one other count (30 / 120), or beside a
    breakdown whose part carries the stem (the breakdown's total is the denominator)."""
    stem = word[:-1][-2:]
    if len(stem) < 2:
        return None
    numerators = [p for p in counts if stem in p.label]
    if len(numerators) != 1:
        return None
    numerator = numerators[0]
    whole = next((c.stated for c in sum_claims if any(part is numerator for part in c.parts)), None)
    others = (
        [whole]
        if whole is not None
        else [p for p in counts if p is not numerator and family(layout, p) == family(layout, numerator)]
    )
    if len(others) != 1 or others[0].figure.value < numerator.figure.value:
        return None
    quotient = Fraction(numerator.figure.value) / Fraction(others[0].figure.value) * ratio_factor(rate.figure.unit)
    stated = Fraction(rate.figure.value)
    if stated <= 0 or not (stated / _PLAUSIBLE <= quotient <= stated * _PLAUSIBLE):
        return None  # 死亡率6.94‰ beside 出生人口 and 死亡人口: a different base, not this pair
    option = RateOption((Term(numerator, "numerator"),), (Term(others[0], "denominator"),))
    return RateClaim(rate, (option,), named=False, name=_shown_name(_words(layout.book), rate))
