"""The words of budget item explanations (rules/cues.toml [budget_item]): how an amount is named, which
amount a change is measured from, and the item headings.

- an amount's *stance*: 「2022年当年预算执行数为」 → year 2022, kind execution; 「上年预算数」 → the previous
  year, kind budget; 「年初预算为」 → no year (the year of the explanation), kind initial;
- a change's *reference*: 「比2022年预算执行数增加」, 「与上年相比，减少」, 「决算数同预算数持平」;
- a heading: 「“…（款）统计管理（项）”2.63万元」, 「（项）行政运行86.4万元」, 「“…-行政运行”科目1,202.95万元」.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.figures import Figure
from figcheck.figures.numerals import scale_of
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_YEAR = r"(?:19|20)\d\d\s*年度?"
_HEAD_MARK = patterns.compile(r"^\s*(?:\d{1,3}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]、?)?\s*[“\"]?")
_DASHES = r"\-－—"  # inside character classes


class Stance(NamedTuple):
    """How an amount is named: the words before its year (the item, if named), its year, its kind."""

    prefix: str
    year: int | None
    previous: bool  # 上年, 上年度
    kind: str  # execution, budget, final, initial, adjusted


class Reference(NamedTuple):
    """The amount a change is measured from, and the change's direction (0: 持平)."""

    stance: Stance
    subject: str  # the kind of the amount that changed, when named (「决算数同预算数持平」 → final)
    direction: int


class _Cues(NamedTuple):
    kinds: dict[str, str]  # word → kind
    stance: regex.Pattern[str]
    reference: regex.Pattern[str]
    bare: regex.Pattern[str]
    completion: regex.Pattern[str]
    level: regex.Pattern[str]
    up: frozenset[str]
    down: frozenset[str]
    heading: regex.Pattern[str]
    sections: regex.Pattern[str]
    marks: regex.Pattern[str]


@rulebook.derived
def cues(book: Rulebook) -> _Cues:
    data = book.load("cues.toml")
    words, change = data["budget_item"], data["change"]
    kinds = {word: kind for kind, members in words["kinds"].items() for word in members}
    alt = rulebook.alternation
    year = rf"(?:(?P<year>{_YEAR})|(?P<previous>{alt(words['previous_year'])}))?\s*(?:{alt(words['fillers'])})?\s*"
    verbs = alt(change["up_verbs"] + change["down_verbs"])
    level = alt(words["level"])
    reference = (
        rf"^(?P<subject>[^，,、]*?)(?:{alt(words['openers'])})\s*{year}(?P<kind>{alt(kinds)})?\s*"
        rf"(?:(?:{alt(words['closers'])})\s*[，,]?)?\s*(?:(?P<verb>{verbs})\s*了?|(?P<level>{level}))\s*$"
    )
    marks, tails = _marks(words["item_marks"]), alt(words["item_tails"])
    heading = (
        rf"(?P<title>[^，。；,;：:]*?)(?:(?:{marks})[”\"]?(?P<after>[^，。；,;：:“”\"]{{0,40}})"
        rf"|[{_DASHES}](?P<last>[^，。；,;“”\"{_DASHES}]{{1,40}})[”\"](?:{tails}))\s*$"
    )
    return _Cues(
        kinds=kinds,
        stance=patterns.compile(rf"^(?P<prefix>.*?){year}(?P<kind>{alt(kinds)})\s*(?:{alt(words['tails'])})?$"),
        reference=patterns.compile(reference),
        bare=patterns.compile(rf"^\s*(?P<verb>{verbs})\s*了?\s*$"),
        completion=patterns.compile(rf"^(?:{alt(words['completion'])})\s*{year}(?P<kind>{alt(kinds)})\s*的?\s*$"),
        level=patterns.compile(level),
        up=frozenset(change["up_verbs"]),
        down=frozenset(change["down_verbs"]),
        heading=patterns.compile(heading),
        sections=patterns.compile(_marks(words["section_marks"])),
        marks=patterns.compile(_marks(words["item_marks"] + words["section_marks"])),
    )


def _marks(words: list[str]) -> str:
    """「（项）」, 「(项)」 and the mixed 「（款)」 PDF text has."""
    return rf"[（(](?:{rulebook.alternation(words)})[）)]"


def _stance_of(table: _Cues, match: regex.Match[str], prefix: str) -> Stance:
    year = match.group("year")
    kind = match.group("kind")
    return Stance(
        prefix,
        int(year[:4]) if year else None,
        match.group("previous") is not None,
        table.kinds[regex.sub(r"\s+", "", kind)] if kind else "",
    )


def stance(book: Rulebook, label: str) -> Stance | None:
    """「2022年当年预算执行数为」 → Stance("", 2022, False, "execution"); None when no kind ends the label."""
    table = cues(book)
    match = table.stance.match(label.strip())
    if match is None:
        return None
    return _stance_of(table, match, match.group("prefix").strip("，,、：: "))


def year_of(label: str) -> int:
    found = regex.search(_YEAR, label)
    return int(found.group(0)[:4]) if found else 0


def reference(book: Rulebook, clause: str) -> Reference | None:
    """「比2022年预算执行数增加」 → (2022, execution, up); 「与上年持平」 → (previous, any kind, level)."""
    table = cues(book)
    match = table.reference.match(clause.strip())
    if match is None:
        return None
    subject = match.group("subject").strip()
    if subject and subject not in table.kinds:
        return None  # 「设备购置比上年增加」: the change of another quantity
    direction = 0 if match.group("level") else _direction(table, match.group("verb"))
    return Reference(_stance_of(table, match, ""), table.kinds.get(subject, ""), direction)


def _direction(table: _Cues, verb: str) -> int:
    return -1 if verb in table.down else (1 if verb in table.up else 0)


def completion(book: Rulebook, clause: str) -> Reference | None:
    """「完成年初预算的」: the amount a completion rate is taken of (the part is the other amount)."""
    table = cues(book)
    match = table.completion.match(clause.strip())
    return Reference(_stance_of(table, match, ""), "", 0) if match else None


def bare_verb(book: Rulebook, clause: str) -> int:
    """「增长」 alone (after a stated amount change): its direction, or 0."""
    table = cues(book)
    match = table.bare.match(clause)
    return _direction(table, match.group("verb")) if match else 0


def measured_from(ref: Reference, base: Stance, result: Stance) -> bool:
    """Whether `ref` names `base`, and `result` is the other amount of the same comparison."""
    wanted = ref.stance
    if wanted.kind and base.kind != wanted.kind and not (wanted.kind == "budget" and base.kind == "initial"):
        return False
    if ref.subject and ref.subject != result.kind:
        return False
    if wanted.year is not None:
        return base.year == wanted.year and result.year is not None and result.year > base.year
    if wanted.previous:
        if base.year is not None:
            return result.year == base.year + 1
        return base.previous and not result.previous and result.year is None
    # no year named: the comparison is within one year (年初预算 and 支出决算 of a final account)
    return base.year == result.year and not base.previous and not result.previous and base.kind != result.kind


def level_figure(layout: Layout, match: regex.Match[str], base: Placed) -> Placed:
    """「持平」 as the figure it states: a change of exactly 0 in the unit and scale of the amounts."""
    _, word = scale_of(base.figure.numeral)
    figure = Figure(
        match.start(),
        match.end(),
        match.group(0),
        Decimal(0),
        base.figure.unit,
        resolution=Decimal(0),
        numeral="0" + word,
    )
    return layout.placed_at(figure)


def heading(layout: Layout, line_start: int, first: Placed | None) -> tuple[Placed, str] | None:
    """The heading amount of an item explanation and the item's name, when a line opens with one."""
    if first is None or not is_amount(first):
        return None
    before = layout.text[line_start : first.figure.start]
    opening = _HEAD_MARK.match(before)
    match = cues(layout.book).heading.match(before, opening.end())
    if match is None:
        return None
    if match.group("last") is not None:
        return first, match.group("last").strip()
    after = (match.group("after") or "").strip()
    if after:
        return first, after
    title = match.group("title")
    sections = list(cues(layout.book).sections.finditer(title))
    name = title[sections[-1].end() if sections else 0 :].strip()
    return (first, name) if name else None


def opens_item(book: Rulebook, line: str) -> bool:
    """A line naming a budget item by its classification (「…（款）行政运行（项）。主要用于」)."""
    return _HEAD_MARK.match(line).end() > 0 and cues(book).marks.search(line) is not None


def is_amount(placed: Placed) -> bool:
    return placed.figure.unit == "元" and placed.figure.high is None and placed.depth == 0
