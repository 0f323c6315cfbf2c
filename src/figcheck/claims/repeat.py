"""Repeated figures: the same quantity (same subject, unit, place and period) stated twice with
different values — 「全区共办理行政复议案件64件」 … 「全区办理的61件行政复议案件中」.

Conservative on purpose: only plain statements that name their quantity completely — about a whole
jurisdiction (the label names 全区, 全市, 市本级 …), or opening with the report's own period (全年, 本年度,
2024年) and then compared with their verb (新收 and 受理 are different quantities) — with no qualifier,
plan, target, multi-year total or average, subjects of at least four characters, in different sentences,
in the same place, period (上半年 is not 全年) and year.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.common import family, is_count, states_other_relation
from figcheck.claims.model import RepeatClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_YEAR = patterns.compile(r"(?:19|20)\d\d(?=年)")
_NOUN_AFTER = patterns.compile(r"\p{Han}{2,12}")


class _RepeatCues(NamedTuple):
    leading: regex.Pattern[str]
    leading_verbs: tuple[str, ...]
    trailing: regex.Pattern[str]
    planning: regex.Pattern[str]  # any of the words
    aggregate: regex.Pattern[str]  # any of the words
    scopes: tuple[str, ...]
    any_scope: regex.Pattern[str]  # whether a label names a scope at all: most do not, and then no word is tried
    own_period: regex.Pattern[str]
    sub_periods: tuple[str, ...]
    any_sub_period: regex.Pattern[str]


@rulebook.derived
def _cues(book: Rulebook) -> _RepeatCues:
    data = book.load("cues.toml")["repeat"]
    words = rulebook.alternation(data["leading_words"])
    trailing = rulebook.alternation(data["trailing_words"])
    return _RepeatCues(
        leading=patterns.compile(rf"^(?:(?:19|20)\d\d\s?年(?:度|末|底)?|{words}|[，,：:\s])+"),
        leading_verbs=tuple(rulebook.longest_first(data["leading_verbs"])),
        trailing=patterns.compile(rf"(?:{trailing})+$"),
        planning=rulebook.any_of(data["planning_words"]),
        aggregate=rulebook.any_of(data["aggregate_words"]),
        scopes=tuple(rulebook.longest_first(data["scopes"])),
        any_scope=rulebook.any_of(data["scopes"]),
        own_period=patterns.compile(
            rf"^[，,：:\s]*(?:(?:19|20)\d\d\s?年度?|{rulebook.alternation(data['own_period'])})"
        ),
        sub_periods=tuple(rulebook.longest_first(data["sub_periods"])),
        any_sub_period=rulebook.any_of(data["sub_periods"]),
    )


def subject(layout: Layout, placed: Placed, with_verb: bool = False) -> str:
    """What a figure counts: 「全区共办理行政复议案件64件」 → 行政复议案件 (办理行政复议案件 `with_verb`)."""
    cues = _cues(layout.book)
    label = cues.trailing.sub("", cues.leading.sub("", placed.label))
    for verb in cues.leading_verbs:
        if label.startswith(verb) and not with_verb:
            label = label[len(verb) :]
            break
    if len(label) >= 4:
        return label
    noun = _NOUN_AFTER.match(layout.text, placed.figure.end)
    return cues.trailing.sub("", noun.group(0)) if noun else ""


def acting_for_itself(layout: Layout, placed: Placed) -> bool:
    """Whether nothing but a period or a place stands before the label's verb: 「2023 年全区受理…申请」, not
    「区政府办代表区政府受理…申请」, whose actor (one office) is not the whole a table totals."""
    cues = _cues(layout.book)
    label = cues.leading.sub("", placed.label)
    return not any(verb in label and not label.startswith(verb) for verb in cues.leading_verbs) or any(
        label.startswith(verb) for verb in cues.leading_verbs
    )


class _Sentences:
    """Facts about each sentence, computed once: whether it plans, and the years it names."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.facts: dict[int, tuple[bool, frozenset[str]]] = {}

    def __call__(self, sentence: int) -> tuple[bool, frozenset[str]]:
        if sentence not in self.facts:
            start, end = self.layout.sentences[sentence]
            text = self.layout.text[start:end]
            planning = _cues(self.layout.book).planning.search(text) is not None
            self.facts[sentence] = (planning, frozenset(_YEAR.findall(text)))
        return self.facts[sentence]


def _plain_statement(placed: Placed, sentences: _Sentences) -> bool:
    return (
        is_count(placed)
        and placed.depth == 0
        and placed.figure.qualifier == "none"
        and not states_other_relation(sentences.layout, placed)
        and _cues(sentences.layout.book).aggregate.search(placed.label) is None
        and not sentences(placed.sentence)[0]
    )


def _where_and_when(placed: Placed, sentences: _Sentences) -> tuple[str, frozenset[str]]:
    """The place named in the figure's own label (全区, 市本级 …) and the years of its sentence."""
    return _scope(_cues(sentences.layout.book), placed.label), sentences(placed.sentence)[1]


def _scope(cues: _RepeatCues, label: str) -> str:
    """The longest scope the label names (市本级 before 全市), not the first written; "" for none."""
    if cues.any_scope.search(label) is None:
        return ""  # most labels name none: one pattern says so before any word is tried
    return next(word for word in cues.scopes if word in label)


def _period(cues: _RepeatCues, label: str) -> str:
    """A part of the year the label names (上半年), "own" when it opens with the report's own period
    (全年, 2024年), or "" for none."""
    part = next(word for word in cues.sub_periods if word in label) if cues.any_sub_period.search(label) else ""
    if part:
        return part
    return "own" if cues.own_period.match(label) else ""


def _opening(layout: Layout, placed: Placed) -> str:
    """The label, with the sentence's opening period when only that stands before it (「2024年，共受理…」)."""
    start = layout.sentences[placed.sentence][0]
    label_start = placed.figure.start - len(placed.label)
    if label_start - start > _OPENING:
        return placed.label  # more than a period stands before the label (and a long sentence costs nothing)
    before = layout.text[start:label_start]
    if before.strip() and _cues(layout.book).own_period.fullmatch(before.rstrip("，,： \t\n")):
        return before + placed.label
    return placed.label


_OPENING = 12  # 「2024年度，」 and the like: the longest opening period a sentence states alone


def _key(layout: Layout, placed: Placed, scope: str) -> tuple[str, str, str, str] | None:
    """What must be equal for two statements to be of one quantity, or None if the statement does not
    name its quantity completely."""
    period = _period(_cues(layout.book), _opening(layout, placed))
    if scope:
        what = subject(layout, placed)
    elif period == "own":
        what = subject(layout, placed, with_verb=True)
    else:
        return None
    if len(what) < 4:
        return None
    return what, family(layout, placed), scope, "" if period == "own" else period


def repeat_claims(layout: Layout, parts: set[int]) -> list[RepeatClaim]:
    """A claim per later statement of a quantity stated earlier (agreeing or not)."""
    sentences = _Sentences(layout)
    statements: dict[tuple[str, str, str, str], list[Placed]] = {}
    for placed in layout.placed:
        if placed.index in parts or not placed.label:
            continue
        key = _key(layout, placed, _where_and_when(placed, sentences)[0])  # cheaper than the plain test
        if key is not None and _plain_statement(placed, sentences):
            statements.setdefault(key, []).append(placed)
    claims = []
    for key, same in statements.items():
        if len({placed.figure.value for placed in same}) >= _TEMPLATE_VALUES:
            continue  # 「当年预算执行数为…」 once per item: a template label, not one quantity
        claims += _repeats(same, key[0], sentences)
    return claims


# A label stated with this many different values is a template repeated per item (each budget item's
# 「2022年当年预算执行数为…」), not one quantity stated again; one typo among repeats gives two values.
_TEMPLATE_VALUES = 3


def _repeats(same: list[Placed], what: str, sentences: _Sentences) -> list[RepeatClaim]:
    """Each statement against the first earlier one of another sentence and the same years. `same` is in
    text order, so the earlier statements of a statement's own sentence (parallel items, 铁…，钢…, which are
    different quantities) come last: the search stops at them, and a sentence repeating one label a
    thousand times costs a thousand steps, not a million."""
    claims = []
    years = [_where_and_when(placed, sentences)[1] for placed in same]
    for position, placed in enumerate(same):
        for earlier_position in range(position):
            earlier = same[earlier_position]
            if earlier.sentence == placed.sentence:
                break
            earlier_years = years[earlier_position]
            if years[position] and earlier_years and years[position] != earlier_years:
                continue
            claims.append(RepeatClaim(placed, earlier, what))
            break
    return claims
