"""Repeated figures: the same quantity (same subject, unit, place and period) stated twice with
different values — 「全区共办理行政复议案件64件」 … 「全区办理的61件行政复议案件中」.

Conservative on purpose: only plain statements about a whole jurisdiction (the label names 全区, 全市,
市本级 …), with no qualifier, plan, target, multi-year total or average, subjects of at least four
characters, in different sentences, in the same place and year.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from figcheck import rulebook
from figcheck.claims.common import family, is_count, states_other_relation
from figcheck.claims.model import RepeatClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_YEAR = regex.compile(r"(?:19|20)\d\d(?=年)")
_NOUN_AFTER = regex.compile(r"\p{Han}{2,12}")


@dataclass(frozen=True, slots=True)
class _RepeatCues:
    leading: regex.Pattern[str]
    leading_verbs: tuple[str, ...]
    trailing: regex.Pattern[str]
    planning: tuple[str, ...]
    aggregate: tuple[str, ...]
    scopes: tuple[str, ...]


@rulebook.derived
def _cues(book: Rulebook) -> _RepeatCues:
    data = book.load("cues.toml")["repeat"]
    words = rulebook.alternation(data["leading_words"])
    trailing = rulebook.alternation(data["trailing_words"])
    return _RepeatCues(
        leading=regex.compile(rf"^(?:(?:19|20)\d\d年(?:度|末|底)?|{words}|[，,：:\s])+"),
        leading_verbs=tuple(rulebook.longest_first(data["leading_verbs"])),
        trailing=regex.compile(rf"(?:{trailing})+$"),
        planning=tuple(data["planning_words"]),
        aggregate=tuple(data["aggregate_words"]),
        scopes=tuple(rulebook.longest_first(data["scopes"])),
    )


def subject(layout: Layout, placed: Placed) -> str:
    """What a figure counts: 「全区共办理行政复议案件64件」 → 行政复议案件."""
    cues = _cues(layout.book)
    label = cues.trailing.sub("", cues.leading.sub("", placed.label))
    for verb in cues.leading_verbs:
        if label.startswith(verb):
            label = label[len(verb) :]
            break
    if len(label) >= 4:
        return label
    noun = _NOUN_AFTER.match(layout.text, placed.figure.end)
    return cues.trailing.sub("", noun.group(0)) if noun else ""


class _Sentences:
    """Facts about each sentence, computed once: whether it plans, and the years it names."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.facts: dict[int, tuple[bool, frozenset[str]]] = {}

    def __call__(self, sentence: int) -> tuple[bool, frozenset[str]]:
        if sentence not in self.facts:
            start, end = self.layout.sentences[sentence]
            text = self.layout.text[start:end]
            planning = any(word in text for word in _cues(self.layout.book).planning)
            self.facts[sentence] = (planning, frozenset(_YEAR.findall(text)))
        return self.facts[sentence]


def _plain_statement(placed: Placed, sentences: _Sentences) -> bool:
    return (
        is_count(placed)
        and placed.depth == 0
        and placed.figure.qualifier == "none"
        and not states_other_relation(sentences.layout, placed)
        and not any(word in placed.label for word in _cues(sentences.layout.book).aggregate)
        and not sentences(placed.sentence)[0]
    )


def _where_and_when(placed: Placed, sentences: _Sentences) -> tuple[str, frozenset[str]]:
    """The place named in the figure's own label (全区, 市本级 …) and the years of its sentence."""
    scope = next((word for word in _cues(sentences.layout.book).scopes if word in placed.label), "")
    return scope, sentences(placed.sentence)[1]


def repeat_claims(layout: Layout, parts: set[int]) -> list[RepeatClaim]:
    """A claim per later statement of a quantity stated earlier (agreeing or not)."""
    first_seen: dict[tuple[str, str, str], list[Placed]] = {}
    sentences = _Sentences(layout)
    claims = []
    for placed in layout.placed:
        if placed.index in parts or not placed.label or not _plain_statement(placed, sentences):
            continue
        what = subject(layout, placed)
        scope, years = _where_and_when(placed, sentences)
        if len(what) < 4 or not scope:
            continue  # only whole-jurisdiction statements (全区共办理…) name their quantity completely
        key = (what, family(layout, placed), scope)
        for earlier in first_seen.get(key, []):
            if earlier.sentence == placed.sentence:
                continue  # parallel items of one sentence (铁…，钢…) are different quantities
            earlier_years = _where_and_when(earlier, sentences)[1]
            if years and earlier_years and years != earlier_years:
                continue
            claims.append(RepeatClaim(placed, earlier, what))
            break
        first_seen.setdefault(key, []).append(placed)
    return claims
