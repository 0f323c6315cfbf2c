"""Named formulas: a figure the text names and defines from two figures it names nearby.

「全年出生率为7.19‰，死亡率为6.94‰，自然增长率为0.25‰」: 自然增长率 = 出生率 − 死亡率.
「年末常住人口4527.98万人……城镇常住人口2810.52万人，占总人口的比重（常住人口城镇化率）为62.07%」:
城镇化率 = 城镇人口 / 常住人口. The definitions — what names the result and each input, and the operation —
are data (rules/formulas.toml); this module only finds the figures so named. An input is looked for in
the result's sentence and the few before it in its paragraph; a formula with an input not found states
nothing checkable.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.common import cues, is_count, states_change
from figcheck.claims.model import FormulaClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_CLAUSE_MARKS = "，,；;：:。"
_DEFAULT_SENTENCES = 3
# After the result's name, these make the figure a change, its base or its end (「由上年的5.12‰下降到4.47‰」).
_CHANGE_WORDS = ("比", "较", "由", "从", "降", "升", "提高", "增加", "减少")


class _Formula(NamedTuple):
    kind: str  # difference | quotient
    name: str
    name_en: str
    result: regex.Pattern[str]
    roles: tuple[tuple[str, regex.Pattern[str]], ...]  # ("first", …), ("second", …)
    exclude: tuple[str, ...]
    factor: int  # 0: the result's unit gives it
    sentences: int
    input_exclude: tuple[str, ...]  # words that make a figure another statistic than either input (城镇常住人口)
    spread: Fraction  # how far the second input may be from the figure written, relative (a year's mean population)
    first_is_rest: bool  # without a first named, it may be the rest of a whole: 「X万人，其中女性Y万人」 (X − Y men)


@rulebook.derived
def _any_result(book: Rulebook) -> regex.Pattern[str] | None:
    """Every formula's result names in one pattern: most documents name none, and are not scanned figure by figure."""
    words = [word for entry in book.load("formulas.toml").get("formula", []) for word in entry["result"]]
    return _names(words) if words else None


@rulebook.derived
def _formulas(book: Rulebook) -> tuple[_Formula, ...]:
    return tuple(
        _Formula(
            kind=entry["kind"],
            name=entry["name"],
            name_en=entry.get("name_en", entry["name"]),
            result=_names(entry["result"]),
            roles=(("first", _names(entry["first"])), ("second", _names(entry["second"]))),
            exclude=tuple(entry.get("exclude", ())),
            factor=entry.get("factor", 0),
            sentences=entry.get("sentences", _DEFAULT_SENTENCES),
            input_exclude=tuple(entry.get("input_exclude", ())),
            spread=Fraction(entry.get("spread", "0")),
            first_is_rest=entry.get("first_is_rest", False),
        )
        for entry in book.load("formulas.toml").get("formula", [])
    )


def _names(words: list[str]) -> regex.Pattern[str]:
    """One pattern for a role's words, the longest spelled first: 「城镇…人均可支配收入」 spans any words."""
    spelled = [regex.escape(word).replace("…", "[^，,；;。]*?") for word in rulebook.longest_first(words)]
    return patterns.compile("|".join(spelled))


def formula_claims(layout: Layout) -> list[FormulaClaim]:
    named = _any_result(layout.book)
    if named is None:
        return []
    naming = set(layout.sentences_with(named))
    if not naming:
        return []
    formulas = _formulas(layout.book)
    claims: list[FormulaClaim] = []
    for placed in layout.placed:
        if placed.sentence not in naming:
            continue  # only a sentence that names a result can state one
        before = words_before(layout, placed)
        for formula in formulas:
            if not _names_result(layout, formula, before, placed):
                continue
            inputs = _inputs(layout, formula, placed)
            if inputs is not None:
                first, second, whole = inputs
                claims.append(
                    FormulaClaim(
                        placed,
                        formula.kind,
                        first,
                        second,
                        formula.factor,
                        formula.name,
                        formula.name_en,
                        formula.spread,
                        whole,
                    )
                )
                break
    return claims


def _names_result(layout: Layout, formula: _Formula, before: str, placed: Placed) -> bool:
    """Whether the words before a figure name the formula's result as the figure itself, not its change
    (「自然增长率比上年下降0.5‰」, 「城镇化率提高1.2个百分点」)."""
    found = formula.result.search(before)
    if found is None or any(word in before for word in formula.exclude):
        return False
    rest = before[found.end() :]
    if any(word in rest for word in _CHANGE_WORDS) or cues(layout.book).change_pattern.search(rest):
        return False
    unit = placed.figure.unit
    if formula.kind == "difference":
        return unit in ("%", "‰") or is_count(placed)
    return placed.figure.high is None and (unit in ("%", "‰") if not formula.factor else unit == "")


def words_before(layout: Layout, placed: Placed) -> str:
    """The words naming a figure: back to the previous figure or clause mark outside parentheses, asides
    kept (「占总人口的比重（常住人口城镇化率）为」)."""
    start = layout.sentences[placed.sentence][0]
    if placed.index and layout.placed[placed.index - 1].sentence == placed.sentence:
        start = max(start, layout.placed[placed.index - 1].figure.end)
    text = layout.text[start : placed.figure.start]
    depth, cut = 0, 0
    for at in range(len(text) - 1, -1, -1):
        ch = text[at]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                cut = at + 1
                break
            depth -= 1
        elif depth == 0 and ch in _CLAUSE_MARKS:
            cut = at + 1
            break
    return text[cut:]


def _clause_of(layout: Layout, placed: Placed) -> str:
    """The figure's clause without the figure: 「在统计的152种主要工业产品中」 → 「在统计的主要工业产品中」, so an
    input may be named after its figure too (「有97种产量增长」)."""
    end = layout.sentences[placed.sentence][1]
    after = layout.text[placed.figure.end : end]
    stop = min((after.find(mark) for mark in _CLAUSE_MARKS + "、" if mark in after), default=len(after))
    return words_before(layout, placed) + after[:stop]


def _inputs(layout: Layout, formula: _Formula, result: Placed) -> tuple[Placed | None, Placed, Placed | None] | None:
    """The nearest figure so named for each input: in the result's sentence, then the sentences before it
    in its paragraph, never across a blank line or a heading; (first, second, None), or (None, second, whole)
    when the first is the rest of the whole the second is part of (`first_is_rest`)."""
    found: dict[str, Placed] = {}
    paragraph_start = layout.text.rfind("\n", 0, result.figure.start)
    for placed in _near(layout, result, formula.sentences):
        if placed.figure.start < paragraph_start:
            break
        role = _role(layout, formula, result, placed)
        if role and role not in found:
            found[role] = placed
            if len(found) == 2:
                return found["first"], found["second"], None
            # the rest form only for the ratio right after its part: 「…，其中女性74.83万人，房产户主性别比为94.87，
            # 户籍人口房产户主性别比为89.45」 — the second ratio is of another population
            rest = role == "second" and formula.first_is_rest and placed.index + 1 == result.index
            whole = _whole_of(layout, placed) if rest else None
            if whole is not None:
                return None, placed, whole  # 「…11.89万人，其中女性6.00万人」: men are the rest
    return None


def _whole_of(layout: Layout, part: Placed) -> Placed | None:
    """The figure a 「其中」 part is of, right before it in its sentence: 「初婚人数11.89万人，其中女性6.00万人」."""
    if part.index == 0 or "其中" not in words_before(layout, part):
        return None
    whole = layout.placed[part.index - 1]
    if whole.sentence != part.sentence or whole.figure.unit != part.figure.unit or states_change(layout, whole):
        return None
    return whole if whole.figure.value > part.figure.value and whole.figure.qualifier == "none" else None


def _near(layout: Layout, result: Placed, sentences: int):
    """Figures of the result's sentence (those before it nearest first, then those after), then of the
    sentences before it, last first."""
    own = layout.in_sentence(result.sentence)
    yield from reversed([placed for placed in own if placed.index < result.index])
    yield from (placed for placed in own if placed.index > result.index)
    for sentence in range(result.sentence - 1, max(-1, result.sentence - 1 - sentences), -1):
        yield from reversed(layout.in_sentence(sentence))


def _role(layout: Layout, formula: _Formula, result: Placed, placed: Placed) -> str:
    """Which input a figure is, by the longest of the words naming it; "" for none, for another statement
    of the result (去年自然增长率…), a change, or a figure of the wrong kind."""
    if placed.figure.high is not None or placed.figure.qualifier not in ("none",) or states_change(layout, placed):
        return ""
    if formula.kind == "difference":
        if placed.figure.unit != result.figure.unit:
            return ""
    elif not is_count(placed):
        return ""
    clause = _clause_of(layout, placed)
    if formula.result.search(clause) or any(word in clause for word in formula.input_exclude):
        return ""
    best, longest = "", 0
    for role, pattern in formula.roles:
        lengths = [len(found.group()) for found in pattern.finditer(clause)]
        length = max(lengths, default=0)
        if length > longest:
            best, longest = role, length
        elif length and length == longest:
            best = ""  # named alike by both: not sure which it is
    return best
