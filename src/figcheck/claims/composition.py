"""Compositions: the shares of one whole, stated together, and each share against the values it comes from.

- 「三次产业结构为7.6:44.8:47.6」 (a ratio after a structure word), 「第一、二、三次产业对经济增长的贡献率分别为8.9%、
  27.7%和63.4%」 (a list of percents naming a set that leaves nothing out), 「第一产业增加值占生产总值的比重为20.9%，
  第二产业增加值比重为22.1%、第三产业增加值比重为57.0%」 (one share per member): the shares add up to 100.
- When the paragraph, in the sentence or the few before it, also states each member's value (第一产业增加值2451.5亿元)
  and the whole's (生产总值32074.7亿元), each share is that value over the whole — unless the words around the shares
  name another measure (「三次产业投资占比」, 「对经济增长的贡献率」) or they are the structure a change started from
  (「由8.7∶41.2∶50.1调整为……」).
The sets, their members and the words are data (rules/compositions.toml).
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.common import cues, states_change
from figcheck.claims.formula import words_before
from figcheck.claims.model import CompositionClaim, ShareClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_RATIO_JOINER = patterns.compile(r"^ ?[:：∶] ?$")
_LIST_JOINER = patterns.compile(r"^\s*(?:[、，,]|和|及|与|、和)\s*$")
_CLAUSE = patterns.compile(r"[，,；;：:]")
_EARLIER = patterns.compile(r"(?:由|从)\s*$")
_SPACES = patterns.compile(r"[ \u3000\u00a0]+")
_SENTENCES_BEFORE = 3


class _Set(NamedTuple):
    name: str
    collective: regex.Pattern[str]
    members: tuple[tuple[str, ...], ...]
    values: tuple[str, ...]
    wholes: tuple[str, ...]


class _Words(NamedTuple):
    structure: regex.Pattern[str]
    base_terms: frozenset[str]
    neutral: regex.Pattern[str]  # filler, structure and region words: what may name the set's own values
    sets: tuple[_Set, ...]


@rulebook.derived
def _words(book: Rulebook) -> _Words:
    data = book.load("compositions.toml")
    words = data.get("words", {})
    region = book.load("cues.toml")["share"]["region_only"]
    neutral = [*words.get("filler", ()), *words.get("structure", ()), *region]
    sets = tuple(
        _Set(
            name=entry["name"],
            collective=patterns.compile(rulebook.alternation(entry["collective"])),
            members=tuple(tuple(names) for names in entry["members"]),
            values=tuple(entry.get("values", ())),
            wholes=tuple(entry.get("wholes", ())),
        )
        for entry in data.get("composition", [])
    )
    return _Words(
        structure=patterns.compile(rulebook.alternation(words.get("structure", ["结构"]))),
        base_terms=frozenset(words.get("base_terms", ())),
        neutral=rulebook.any_of(neutral),
        sets=sets,
    )


def composition_claims(layout: Layout, shares: set[int]) -> list[CompositionClaim | ShareClaim]:
    """Sum claims for each composition, and share claims for its terms whose values the paragraph states;
    `shares`: the figures another share claim already checks."""
    words = _words(layout.book)
    claims: list[CompositionClaim | ShareClaim] = []
    for sentence in layout.sentences_with(words.structure):
        figures = layout.in_sentence(sentence)
        if len(figures) < 2:
            continue
        in_runs: set[int] = set()
        for run, ratio in _runs(layout, figures):
            found = _composition(layout, words, run, ratio)
            if found is None:
                continue
            in_runs.update(placed.index for placed in run)
            claims.extend(found)
        claims.extend(_member_shares(layout, words, [p for p in figures if p.index not in in_runs]))
        claims.extend(_remainder_shares(layout, [p for p in figures if p.index not in in_runs]))
    return [claim for claim in claims if not isinstance(claim, ShareClaim) or claim.stated.index not in shares]


def _runs(layout: Layout, figures: list[Placed]):
    """Figures joined only by colons (a ratio, True) or by 、/和/， (a list of percents, False)."""
    run: list[Placed] = []
    ratio = False
    for placed in figures:
        if run:
            between = layout.text[run[-1].figure.end : placed.figure.start]
            joined_ratio = bool(_RATIO_JOINER.match(between)) and _plain(placed) and placed.figure.unit == ""
            joined_list = bool(_LIST_JOINER.match(between)) and _plain(placed) and placed.figure.unit == "%"
            if (joined_ratio and (ratio or len(run) == 1) and run[0].figure.unit == "") or (
                joined_list and not ratio and run[0].figure.unit == "%"
            ):
                ratio = joined_ratio
                run.append(placed)
                continue
            if len(run) >= 2:
                yield run, ratio
        run, ratio = ([placed], False) if _plain(placed) else ([], False)
    if len(run) >= 2:
        yield run, ratio


def _plain(placed: Placed) -> bool:
    figure = placed.figure
    return figure.high is None and figure.qualifier == "none" and figure.unit in ("", "%")


def _squeezed(words: str) -> str:
    """Words without the spaces PDF extraction leaves between characters (「第 二 产 业 增 加 值 比 重 为」)."""
    return _SPACES.sub("", words)


def _lead(layout: Layout, first: Placed) -> str:
    """The words before a run of shares: its clause and the one before it, back to the previous figure or the
    sentence start (「三次产业结构进一步优化，调整为」)."""
    start, index = layout.sentences[first.sentence][0], first.index - 1
    while index >= 0 and layout.placed[index].sentence == first.sentence and layout.placed[index].figure.unit == "":
        index -= 1  # an earlier ratio: 「由8.7∶41.2∶50.1调整为」 still names the structure
    if index >= 0 and layout.placed[index].sentence == first.sentence:
        start = max(start, layout.placed[index].figure.end)
    text = layout.text[start : first.figure.start]
    marks = [found.start() for found in _CLAUSE.finditer(text)]
    return _squeezed(text[marks[-2] + 1 :] if len(marks) >= 2 else text)


def _composition(layout: Layout, words: _Words, run: list[Placed], ratio: bool):
    lead = _lead(layout, run[0])
    if words.structure.search(lead) is None:
        return None
    named = _set_named(words, lead, len(run))
    if ratio:
        if any(layout.text[p.figure.start : p.figure.end].strip() in words.base_terms for p in run):
            return None  # 2.5:1, 105:100: a ratio to a base
    elif named is None:
        return None  # percents of things that may overlap: nothing to add up
    claims: list[CompositionClaim | ShareClaim] = [CompositionClaim(run[-1], tuple(run), named.name if named else "")]
    earlier = _EARLIER.search(layout.text[layout.sentences[run[0].sentence][0] : run[0].figure.start])
    if named is not None and not earlier and _names_own_values(words, named, lead):
        for term, member in zip(run, named.members, strict=True):
            claims.extend(_term_share(layout, named, term, member, tuple(run)))
    return claims


def _set_named(words: _Words, lead: str, size: int) -> _Set | None:
    for found_set in words.sets:
        if len(found_set.members) == size and found_set.collective.search(lead):
            return found_set
    return None


def _names_own_values(words: _Words, found_set: _Set, text: str) -> bool:
    """Whether the words before the shares name nothing but the set, its values and its whole."""
    rest = found_set.collective.sub("", text)
    for word in (*found_set.values, *found_set.wholes, *(name for names in found_set.members for name in names)):
        rest = rest.replace(word, "")
    return patterns.HAN.search(words.neutral.sub("", rest)) is None


def _member_shares(layout: Layout, words: _Words, figures: list[Placed]):
    """「第一产业增加值占生产总值的比重为20.9%，第二产业增加值比重为22.1%……」: one share per member of a set."""
    for found_set in words.sets:
        terms: dict[int, Placed] = {}
        for placed in figures:
            if placed.figure.unit != "%" or not _plain(placed):
                continue
            before = _squeezed(words_before(layout, placed))
            if words.structure.search(before) is None:
                continue
            named = [i for i, names in enumerate(found_set.members) if any(name in before for name in names)]
            if len(named) == 1 and named[0] not in terms and _names_own_values(words, found_set, before):
                terms[named[0]] = placed
        if not terms:
            continue
        everyone = tuple(terms[i] for i in sorted(terms)) if len(terms) == len(found_set.members) else ()
        if everyone:
            yield CompositionClaim(max(everyone, key=lambda p: p.index), everyone, found_set.name)
        for i, term in terms.items():
            yield from _term_share(layout, found_set, term, found_set.members[i], everyone)


def _remainder_shares(layout: Layout, figures: list[Placed]):
    """「建筑工程产值…占全县建筑业总产值的比重为90.5%；安装工程产值…占比5.5%；其他产值…占比4.0%」: shares of one
    whole clause by clause, the last one the rest of it (其他): together they are all of it."""
    shares = [p for p in figures if p.figure.unit == "%" and _plain(p) and _SHARE_OF.search(words_before(layout, p))]
    if len(shares) < 3 or _SHARE_OF.search(words_before(layout, shares[0])).group("whole") == "":
        return
    clauses = [_clause_text(layout, share) for share in shares]
    if len({start for start, _ in clauses}) < len(clauses):
        return  # each share in a clause of its own
    if clauses[-1][1].startswith(cues(layout.book).remainder):
        yield CompositionClaim(shares[-1], tuple(shares))


# 「占全县建筑业总产值的比重为」 (naming the whole) or 「占比」 (the same whole again)
_SHARE_OF = patterns.compile(r"占(?P<whole>[^，,；;。]{0,24}?)(?:的)?(?:比重|比例|比)(?:为|达)?\s*$")


def _clause_text(layout: Layout, share: Placed) -> tuple[int, str]:
    """Where the share's clause begins (after a semicolon or 其中) and its words, marks left out."""
    sentence_start = layout.sentences[share.sentence][0]
    before = layout.text[sentence_start : share.figure.start]
    semicolon = max(before.rfind("；"), before.rfind(";"))
    opening = before.rfind("其中")
    cut = max(semicolon + 1, opening + 2 if opening >= 0 else 0)
    return cut, before[cut:].lstrip("，,：: \u3000")


def _term_share(layout: Layout, found_set: _Set, term: Placed, member: tuple[str, ...], terms: tuple[Placed, ...]):
    value = _nearest(layout, term, lambda label: _names_member(found_set, label, member))
    whole = _nearest(layout, term, lambda label: _names_whole(found_set, label))
    if value is None or whole is None or value.figure.unit != whole.figure.unit or value.figure.unit == "%":
        return
    if whole.figure.value <= value.figure.value:
        return
    yield ShareClaim(term, value, whole, unit="%", composition=terms)


def _names_member(found_set: _Set, label: str, member: tuple[str, ...]) -> bool:
    return any(name in label for name in member) and any(word in label for word in found_set.values)


def _names_whole(found_set: _Set, label: str) -> bool:
    if "人均" in label or any(name in label for names in found_set.members for name in names):
        return False
    return any(word in label for word in found_set.wholes)


def _nearest(layout: Layout, term: Placed, named) -> Placed | None:
    """The nearest figure before the term, in its sentence or the few before it in its paragraph, that the
    test accepts by its words and that states a value, not a change."""
    paragraph_start = layout.text.rfind("\n", 0, term.figure.start)
    first = max(0, term.sentence - _SENTENCES_BEFORE)
    for sentence in range(term.sentence, first - 1, -1):
        for placed in reversed(layout.in_sentence(sentence)):
            if placed.index >= term.index:
                continue
            if placed.figure.start < paragraph_start:
                return None
            figure = placed.figure
            if figure.unit in ("", "%", "‰") or figure.high is not None or figure.qualifier != "none":
                continue
            if named(_squeezed(words_before(layout, placed))) and not states_change(layout, placed):
                return placed
    return None
