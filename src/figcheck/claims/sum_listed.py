"""Sums stated without 其中: a total after its parts (合计), and parts named by a category set.

- 合计 after the parts: 「市本级413件，区县1207件，合计1620件」 — the counts directly before, back to a
  semicolon or 其中;
- a category set that partitions a whole (rules/categories.toml): 「行政应诉案件25件，撤销8件，驳回起诉11件…」.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from figcheck import patterns, rulebook
from figcheck.claims.common import cues, family, is_count, states_other_relation
from figcheck.claims.flow import CONCLUDED, ends_breakdown, stage
from figcheck.claims.model import COMPLETE, PARTIAL, SumClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

SEMICOLONS = "；;"
MOST_PARTS = 200  # no breakdown in a report lists more parts; bounds the work on pathological input


def usable(layout: Layout, placed: Placed) -> bool:
    return is_count(placed) and not states_other_relation(layout, placed)


def modifies_next(layout: Layout, figures: list[Placed], position: int) -> bool:
    """「10亿元项目2个」: a figure followed by a noun and another figure with no mark between
    describes that figure's things; it is not an amount of its own."""
    if position + 1 >= len(figures):
        return False
    gap = layout.text[figures[position].figure.end : figures[position + 1].figure.start]
    return 0 < len(gap) <= 8 and not any(ch in gap for ch in "，,、；;：:。（()）")


def staged_parts(layout: Layout, total: Placed, parts: list[Placed]) -> list[Placed]:
    """The parts that belong to `total` by the stages of the cases they count (claims/flow.py): the list
    ends at a part of another partition (尚未审结 under 审结62件, 审结 after 新收 and 上年结转), and an
    outcome after a concluded part (「已审结80件、未审结15件，败诉6件」) is a part of the concluded cases."""
    total_stage = stage(layout, total)
    kept: list[Placed] = []
    stages: list[str] = []
    for part in parts:
        part_stage = stage(layout, part)
        if ends_breakdown(total_stage, stages, part_stage):
            break
        if CONCLUDED in stages and not part_stage and is_member(layout, part):
            continue
        kept.append(part)
        stages.append(part_stage)
    return kept


def category_of(layout: Layout, total: Placed, parts: list[Placed]) -> str:
    """The name of a category set whose members label every part, if the total names its whole (and none of
    the wholes the set excludes: 出入境 counts residents too, 入境 does not)."""
    around_total = total.label + layout.text[total.figure.end : total.figure.end + 4]
    for category in cues(layout.book).categories:
        if not any(word in around_total for word in category["totals"]):
            continue
        if any(word in around_total for word in category.get("unless", ())):
            continue
        if all(any(member in part.label for member in category["members"]) for part in parts):
            return category["name"]
    return ""


def partition_of(layout: Layout, parts: list[Placed]) -> str:
    """The name of a partition (城镇/乡村, 省内/省外 …) whose every member labels one part, the labels alike
    but for the member: the same words before it, and after it the same words or at most two characters."""
    labels = [_SPACES.sub("", _LEADING_CUE.sub("", part.label)) for part in parts]
    if any(_partition_members(layout.book).search(label) is None for label in labels):
        return ""  # most labels name no member of any partition: known before reading each
    for partition in cues(layout.book).partitions:
        members = partition["members"]
        if len(parts) != len(members):
            continue
        splits = [_split(label, members) for label in labels]
        if any(split is None for split in splits) or len({split[1] for split in splits}) != len(members):
            continue
        befores = {split[0] for split in splits}
        afters = [split[2] for split in splits]
        if len(befores) == 1 and (len(set(afters)) == 1 or all(len(after) <= 2 for after in afters)):
            return partition["name"]
    return ""


@rulebook.derived
def _partition_members(book: Rulebook) -> regex.Pattern[str]:
    members = [member for partition in cues(book).partitions for member in partition["members"]]
    return rulebook.any_of(members)


def _split(label: str, members: list[str]) -> tuple[str, str, str] | None:
    """(words before, member, words after) at the first member in the label, the longest on a tie
    (非国有 before 国有)."""
    found = [(label.find(member), -len(member), member) for member in members if member in label]
    if not found:
        return None
    at, _, member = min(found)
    return label[:at], member, label[at + len(member) :]


_LEADING_CUE = patterns.compile(r"^[，,、；;：:\s]*(?:其中[，,：:]?)?")
_SPACES = patterns.compile(r"\s+")


def _is_total_after(layout: Layout, placed: Placed) -> bool:
    label = placed.label.lstrip("，,、：: ")
    for cue in cues(layout.book).total_after_parts:
        if len(cue) >= 2 and cue in label:
            return True
    return label.startswith("共") and label[1:2] not in cues(layout.book).total_after_parts_not_before


class Gates(NamedTuple):
    colons: set[int]  # sentences with a colon: a numbered list after a total and a colon
    totals_after: set[int]  # sentences naming a total after its parts (合计, 共 …)
    members: set[int]  # sentences naming a member of a category set (撤销, 驳回 …)


def sentence_gates(layout: Layout) -> Gates:
    return Gates(
        set(layout.sentences_with(_COLON)),
        set(layout.sentences_with(_totals_after(layout.book))),
        set(layout.sentences_with(_members(layout.book))),
    )


_COLON = patterns.compile(r"[：:]")


@rulebook.derived
def _totals_after(book: Rulebook) -> regex.Pattern[str]:
    return patterns.compile(rulebook.alternation([*cues(book).total_after_parts, "共"]))


def total_after_parts(layout: Layout, figures: list[Placed], taken: set[int]) -> list[SumClaim]:
    """「413件，区县受理1207件，合计1620件」: the counts directly before, back to a semicolon or 其中."""
    claims = []
    for position, total in enumerate(figures):
        if total.index in taken or not is_count(total) or not _is_total_after(layout, total):
            continue
        kind = family(layout, total, with_noun=True)
        parts: list[Placed] = []
        for placed in reversed(figures[max(0, position - MOST_PARTS) : position]):
            gap = layout.text[placed.figure.end : total.figure.start]
            if any(mark in gap for mark in SEMICOLONS) or "其中" in gap or _is_total_after(layout, placed):
                break
            if placed.depth != total.depth or not is_count(placed):
                continue
            if family(layout, placed, with_noun=True) != kind and modifies_next(layout, figures, figures.index(placed)):
                continue  # 「安排二千六百万人就业的支出一百零五亿元」: 2600万人 describes the 105亿
            if family(layout, placed, with_noun=True) != kind or not usable(layout, placed) or placed.index in taken:
                break
            parts.insert(0, placed)
        if len(parts) >= 2:
            taken.add(total.index)
            taken.update(p.index for p in parts)
            tail = layout.text[parts[-1].figure.end : total.figure.start]
            completeness = PARTIAL if any(word in tail for word in cues(layout.book).not_exhaustive_after) else COMPLETE
            claims.append(SumClaim(total, tuple(parts), completeness, "合计", tight=True))
    return claims


def category_claims(
    layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int, taken: set[int]
) -> list[SumClaim]:
    """「行政应诉案件25件（败诉率32%），撤销8件，驳回起诉11件…」: parts named by a category set."""
    figures = [p for p in by_sentence.get(sentence, []) if p.depth == 0 and is_count(p)]
    claims = []
    position = 0
    while position < len(figures):
        run = _member_run(layout, figures, position, taken)
        if len(run) >= 2:
            total = figures[position - 1] if position > 0 else _previous_sentence_total(by_sentence, sentence)
            claim = _category_claim(layout, total, run, taken) if total is not None else None
            if claim is not None:
                taken.add(claim.stated.index)
                taken.update(p.index for p in claim.parts)
                claims.append(claim)
            position += len(run)
        else:
            position += 1
    return claims


def _category_claim(layout: Layout, total: Placed, run: list[Placed], taken: set[int]) -> SumClaim | None:
    parts = staged_parts(layout, total, run)
    if (
        len(parts) < 2
        or total.index in taken
        or is_member(layout, total)
        or family(layout, total) != family(layout, parts[0])
    ):
        return None
    name = category_of(layout, total, parts)
    return SumClaim(total, tuple(parts), COMPLETE, name, tight=True) if name else None


def _member_run(layout: Layout, figures: list[Placed], position: int, taken: set[int]) -> list[Placed]:
    run: list[Placed] = []
    for index in range(position, len(figures)):
        placed = figures[index]
        if (
            placed.index in taken
            or not is_member(layout, placed)
            or (run and family(layout, placed) != family(layout, run[0]))
        ):
            break
        run.append(placed)
    return run


def is_member(layout: Layout, placed: Placed) -> bool:
    """A count labelled with a member of a category set (撤销, 驳回, 未审结 …)."""
    return _members(layout.book).search(placed.label) is not None


@rulebook.derived
def _members(book: Rulebook) -> regex.Pattern[str]:
    return patterns.compile(
        rulebook.alternation([m for category in cues(book).categories for m in category["members"]])
    )


def _previous_sentence_total(by_sentence: dict[int, list[Placed]], sentence: int) -> Placed | None:
    previous = [p for p in by_sentence.get(sentence - 1, []) if p.depth == 0 and is_count(p)]
    return previous[-1] if previous else None
