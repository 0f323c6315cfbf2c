"""Share claims: a part stated with its share of a whole, and shares no count can produce.

- 「其中高新技术企业504家，占规上工业企业的40.0%」: the share follows its part; the whole is the
  breakdown's total (504 is a part of 1260) when the words after 占 name it or name nothing, else
  the earlier count they name (「税收收入168.17亿元…，占一般公共预算收入比重为60.6%」 →
  一般公共预算收入277.48亿元; 「已审结80件，其中…32件，占审结案件的40%」 → 80, not the 95 cases in all).
  A whole named but not found leaves the share unverifiable: it is never checked against another.
- 「对11家企业开展法治体检，其中已完成整改的企业占50%」: no count of the part is given, but no whole
  number of the 11 firms is 50% of them (GRIM): the share cannot be right.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.common import family, is_count, states_other_relation
from figcheck.claims.flow import stage, stage_of
from figcheck.claims.model import GrimClaim, ShareClaim, SumClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

_SHARE_UNITS = ("%", "‰", "成")
_SENTENCES_BEFORE = 3  # a named whole is looked for in the share's sentence and these before it, in its paragraph
_WHOLLY, _MOSTLY = "wholly", "mostly"  # how the words after 占 name a count (see _names)


class _ShareWords(NamedTuple):
    whole_phrase: regex.Pattern[str]  # 「占规上工业企业的比重为」: the whole's name after 占
    change_words: tuple[str, ...]
    scope_words: tuple[str, ...]
    region_only: frozenset[str]
    all_words: tuple[str, ...]
    document_wholes: tuple[tuple[str, ...], ...]  # groups of names of one headline aggregate


@rulebook.derived
def _words(book: Rulebook) -> _ShareWords:
    data = book.load("cues.toml")["share"]
    tails = rulebook.alternation(data["whole_tails"])
    verbs = rulebook.alternation(data["whole_verbs"])
    return _ShareWords(
        whole_phrase=patterns.compile(
            rf"占(?:到)?(?P<whole>[^，,、；;。的]{{0,16}}?)(?:的)?(?:{tails})?(?:的)?(?:{verbs})?$"
        ),
        change_words=tuple(data["change_words"]),
        scope_words=tuple(data["scope_words"]),
        region_only=frozenset(data["region_only"]) | {""},
        all_words=tuple(data["all_words"]),
        document_wholes=tuple(tuple(group) for group in data.get("document_wholes", ())),
    )


def named_whole(book: Rulebook, label: str) -> str:
    """The whole a share's words name after 占 (「占规上工业企业的」 → 规上工业企业), or "" when they name none
    or only a region (占全市的)."""
    words = _words(book)
    found = words.whole_phrase.search(label)
    named = found.group("whole") if found else ""
    return "" if len(named) < 2 or named in words.region_only else named


def is_share(placed: Placed) -> bool:
    figure = placed.figure
    if figure.high is not None:
        return False
    return figure.unit in _SHARE_UNITS or (
        figure.unit == "" and figure.resolution in (0, Decimal("0.1")) and figure.value <= 1
    )


def share_claims(layout: Layout, sum_claims: list[SumClaim]) -> list[ShareClaim | GrimClaim]:
    claims: list[ShareClaim | GrimClaim] = []
    part_of = {part.index: claim.stated for claim in sum_claims for part in claim.parts}
    words = _words(layout.book)
    for position, share in enumerate(layout.placed):
        label = share.label.lstrip("，,、 ")
        if "占" not in label or not is_share(share) or any(word in label for word in words.change_words):
            continue
        part = _part_before(layout, position)
        if part is None:
            claim = _grim(layout, position)
        else:
            whole = _whole(layout, part, label, part_of.get(part.index))
            claim = ShareClaim(share, part, whole) if whole else None
        if claim is not None:
            claims.append(claim)
    return claims


def _part_before(layout: Layout, position: int) -> Placed | None:
    """The count a share is of: the nearest count before it in its clause chain, no other count between."""
    share = layout.placed[position]
    for placed in reversed(layout.placed[max(0, position - 60) : position]):
        if placed.sentence != share.sentence:
            return None
        gap = layout.text[placed.figure.end : share.figure.start]
        if any(mark in gap for mark in "；;"):
            return None
        if is_count(placed):
            return None if states_other_relation(layout, placed) or "其中" in gap else placed
    return None


def _whole(layout: Layout, part: Placed, label: str, total: Placed | None) -> Placed | None:
    """The whole a share is of. Unnamed (占25%, 占比, 占全市的), it is the total of the part's breakdown.
    Named after 占 (占审结案件的, 占申请总数的), it is that total only if the name names it, else the
    earlier count the name names; a name that names no count leaves the share unverifiable."""
    words = _words(layout.book)
    found = words.whole_phrase.search(label)
    named = found.group("whole") if found else ""
    if len(named) < 2 or named in words.region_only:
        return _breakdown_whole(total, named)
    everything = next((word for word in words.all_words if named.startswith(word)), "")
    if everything:  # 占全部案件的, 占总人口的: the largest count so named, whatever the breakdown
        core = named[len(everything) :]
        return _named_whole(layout, part, core, largest=True) if len(core) >= 2 else None
    core = named[len(_place(words, named)) :]
    if total is not None and len(core) >= 2 and _names(layout, core, total) == _WHOLLY:
        return total  # 占全市人口的 of 「深圳市常住人口1761.48万人，其中男性969.57万人」
    if len(core) < 2:
        return None
    near = _named_whole(layout, part, named, largest=False)
    group = next((group for group in words.document_wholes if core in group), ())
    if near is not None or not group or _other_period(layout, part, label):
        return near
    return _headline(layout, part, group)


_YEAR = patterns.compile(r"(?:19|20)\d\d年")
_SPAN_WORDS = ("累计", "年均", "五年", "十年", "期间", "以来", "合计")


def _other_period(layout: Layout, part: Placed, label: str) -> bool:
    """「五年累计7.79万亿元，…，2012年占国内生产总值比例达到4%」: a part summed over years, or a share of
    another year than the part, is no share of the year's headline figure."""
    words_before = layout.text[max(layout.sentences[part.sentence][0], part.figure.start - 20) : part.figure.start]
    return any(word in words_before for word in _SPAN_WORDS) or bool(_YEAR.search(label))


def _headline(layout: Layout, part: Placed, names: tuple[str, ...]) -> Placed | None:
    """The document's first figure named as a headline aggregate (GDP), before the part: 「全年实现地区生产总值
    （GDP）3473.12亿元」 for 「非公有制经济实现增加值2189.90亿元……占GDP的比重为63.1%」."""
    for placed in layout.placed[: part.index]:
        if (
            is_count(placed)
            and any(name in placed.label for name in names)
            and "人均" not in placed.label
            and family(layout, placed) == family(layout, part)
            and not states_other_relation(layout, placed)
        ):
            return placed if placed.figure.value >= part.figure.value else None
    return None


def _breakdown_whole(total: Placed | None, named: str) -> Placed | None:
    """The total of the part's breakdown, unless the words after 占 name another place (占世界60%以上)."""
    if total is None:
        return None
    if named and named not in total.label and not any(named[i : i + 2] in total.label for i in range(len(named) - 1)):
        return None
    return total


def _named_whole(layout: Layout, part: Placed, name: str, largest: bool) -> Placed | None:
    """The count before the part, in its sentence or the three before in its paragraph, that `name` names — wholly if
    any does, else mostly: the nearest, or with 全部/总 the largest."""
    found: dict[str, list[Placed]] = {_WHOLLY: [], _MOSTLY: []}
    paragraph_start = layout.text.rfind("\n", 0, part.figure.start)
    for placed in reversed(layout.placed[max(0, part.index - 60) : part.index]):
        if placed.sentence < part.sentence - _SENTENCES_BEFORE or placed.figure.start < paragraph_start:
            break
        if (
            not is_count(placed)
            or states_other_relation(layout, placed)
            or family(layout, placed) != family(layout, part)
            or placed.figure.value < part.figure.value
            or _scoped(layout, placed)
        ):
            continue
        how = _names(layout, name, placed)
        if how:
            found[how].append(placed)
    best = found[_WHOLLY] or found[_MOSTLY]
    if not best:
        return None
    return max(best, key=lambda placed: placed.figure.value) if largest else best[0]


def _place(words: _ShareWords, name: str) -> str:
    """The region a name opens with (全市一般公共预算收入 → 全市), or ""."""
    return next((word for word in words.region_only if word and name.startswith(word)), "")


def _names(layout: Layout, name: str, placed: Placed) -> str:
    """How `name` (the words after 占) names a count: wholly by the stage of the cases both name
    (审结案件 and 已审结80件) or by the whole name in the label; mostly by most of its two-character
    pieces with its head noun and its place (规上工业企业 and 规模以上工业企业); or "" not at all."""
    wanted = stage_of(layout.book, name)
    if wanted:
        return _WHOLLY if stage(layout, placed) == wanted else ""
    label = placed.label
    if name in label:
        return _WHOLLY
    place = _place(_words(layout.book), name)
    pairs = [name[i : i + 2] for i in range(len(name) - 1)]
    if name[-2:] in label and place in label and 2 * sum(pair in label for pair in pairs) > len(pairs):
        return _MOSTLY
    return ""


def _scoped(layout: Layout, placed: Placed) -> bool:
    """「地方预算支出（扣除上解中央的部分）为…」: a figure narrowed by an aside is not the plain whole."""
    start = placed.figure.start
    clause = layout.text[max(0, start - 40) : start]
    clause = clause[max(clause.rfind(mark) for mark in "，,；;。") + 1 :]
    return any(word in clause for word in _words(layout.book).scope_words)


def _grim(layout: Layout, position: int) -> GrimClaim | None:
    """「…11家重点企业…，其中已完成整改的企业占50%」: the whole is the count before 其中."""
    share = layout.placed[position]
    label = share.label
    if "其中" not in label or share.figure.unit not in ("%", "‰"):
        return None
    for placed in reversed(layout.placed[max(0, position - 60) : position]):
        if placed.sentence != share.sentence:
            return None
        if is_count(placed):
            exact = placed.figure.is_exact and 0 < placed.figure.value <= 10000
            counted = _counted_noun(layout, placed)[:4]
            same_things = any(counted[i : i + 2] in label for i in range(len(counted) - 1))
            return GrimClaim(share, placed) if exact and same_things else None
    return None


def _counted_noun(layout: Layout, placed: Placed) -> str:
    """「11家重点企业」 → 重点企业: the noun after a measure word, which the share must name again."""
    following = layout.text[placed.figure.end : placed.figure.end + 8]
    noun = regex.match(r"\p{Han}+", following)
    return noun.group(0) if noun else placed.label[-4:]
