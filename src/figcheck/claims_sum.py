"""Sum claims: a total and its parts.

Three wordings assert one:
- 其中: 「共办理建议86件，其中主办52件、协办34件」 — the parts follow 其中, the total stands before it
  (or ends the previous sentence when the sentence opens with 其中);
- 合计 after the parts: 「市本级413件，区县1207件，合计1620件」;
- a category set that partitions a whole (rules/categories.toml): 「行政应诉案件25件，撤销8件，驳回起诉11件…」.
Figures in parentheses are a nested breakdown of the part before them and are never parts themselves.
"""

from __future__ import annotations

import regex

from figcheck.claims import COMPLETE, OPEN, PARTIAL, Claim, Term, cues, family, is_count
from figcheck.clauses import Layout, Placed, _depth

_SEMICOLONS = "；;"
_WEAK_TOTAL_NOT_BEFORE = "同享建治产青创商识性"


def sum_claims(layout: Layout) -> list[Claim]:
    claims: list[Claim] = []
    by_sentence: dict[int, list[Placed]] = {}
    for placed in layout.placed:
        by_sentence.setdefault(placed.sentence, []).append(placed)
    breakdown = regex.compile("|".join(map(regex.escape, cues().breakdown)))
    for sentence, (start, end) in enumerate(layout.sentences):
        figures = by_sentence.get(sentence, [])
        if not figures:
            continue
        totals_used = set()
        for match in breakdown.finditer(layout.text, start, end):
            claim = _breakdown_claim(layout, by_sentence, sentence, match.start(), match.end())
            if claim is not None:
                claims.append(claim)
                totals_used.add(claim.stated.index)
        claims += _total_after_parts(layout, figures, totals_used)
        claims += _category_claims(layout, by_sentence, sentence, totals_used)
    return claims


def _parts_after(layout: Layout, figures: list[Placed], at: int, depth: int, limit: int) -> list[Placed]:
    """Counts after a 其中 at `at`, same depth, up to `limit`; changes and shares are not parts."""
    parts = [
        placed
        for placed in figures
        if at <= placed.figure.start < limit and placed.depth == depth and is_count(placed)
        and not _names_other_relation(placed)
    ]
    if not parts:
        return []
    kind = family(layout, parts[0])
    return [placed for placed in parts if family(layout, placed) == kind]


def _names_other_relation(placed: Placed) -> bool:
    return any(word in placed.label for word in cues().not_a_part)


def _breakdown_claim(layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int, at: int,
                     cue_end: int) -> Claim | None:
    start, end = layout.sentences[sentence]
    figures = by_sentence.get(sentence, [])
    depth, paren_start = _depth(layout.text, start, at)
    limit = _breakdown_end(layout.text, cue_end, end, depth)
    parts = _parts_after(layout, figures, cue_end, depth, limit)
    if not parts:
        return None
    kind = family(layout, parts[0])
    opens_sentence = not layout.text[start:at].strip(" \t\u3000\xa0，,：:")
    if depth > 0:  # 「来信218件（其中网上信访156件）」: the total is the figure before the parenthesis
        candidates = [p for p in figures if p.figure.end <= paren_start and p.depth == depth - 1]
    elif opens_sentence and sentence > 0:
        candidates = by_sentence.get(sentence - 1, [])
        candidates = [p for p in candidates if p.depth == 0]
    else:
        candidates = [p for p in figures if p.figure.end <= at and p.depth == depth]
    candidates = [p for p in candidates if is_count(p) and family(layout, p) == kind]
    if not candidates:
        return None
    total = _best_total(candidates, parts)
    completeness, evidence = _completeness(layout, total, parts, cue_end)
    return Claim("sum", total, tuple(Term(p, "part") for p in parts), completeness, evidence)


def _breakdown_end(text: str, after: int, sentence_end: int, depth: int) -> int:
    """Where a breakdown's parts stop: the sentence end, the closing parenthesis of a nested
    breakdown, or the semicolon before the next 其中 (「…；省级实验室117个，其中国家级7个」)."""
    limit = sentence_end
    if depth > 0:
        level = depth
        for at in range(after, sentence_end):
            if text[at] in "（(":
                level += 1
            elif text[at] in "）)":
                level -= 1
                if level < depth:
                    return at
    following = text.find("其中", after, limit)
    if following >= 0:
        semicolon = max(text.rfind(mark, after, following) for mark in _SEMICOLONS)
        limit = semicolon if semicolon >= 0 else following
    return limit


def _best_total(candidates: list[Placed], parts: list[Placed]) -> Placed:
    """The candidate whose label shares most words with the parts' labels; the nearest on a tie."""
    def score(candidate: Placed) -> int:
        return max(_common_run(candidate.label, part.label) for part in parts)

    best = max(range(len(candidates)), key=lambda i: (score(candidates[i]) >= 2, score(candidates[i]), i))
    return candidates[best]


def _common_run(first: str, second: str) -> int:
    """Length of the longest common substring (labels are short)."""
    best = 0
    for i in range(len(first)):
        for j in range(len(second)):
            k = 0
            while i + k < len(first) and j + k < len(second) and first[i + k] == second[j + k]:
                k += 1
            best = max(best, k)
    return best


def _completeness(layout: Layout, total: Placed, parts: list[Placed], cue_end: int) -> tuple[str, str]:
    last = parts[-1].figure
    after_last = layout.text[last.end : last.end + 2]
    if any(after_last.startswith(word) for word in cues().not_exhaustive_after):
        return PARTIAL, "等"
    opening = layout.text[cue_end : parts[0].figure.start].lstrip("，,：: ")
    if any(opening.startswith(word) for word in cues().not_exhaustive_before):
        return PARTIAL, opening[:2]
    for part in parts:
        for word in cues().remainder:
            if word in part.label:
                return COMPLETE, word
    category = _category_of(layout, total, parts)
    if category and len(parts) >= 2:
        return COMPLETE, category
    return OPEN, ""


def _category_of(layout: Layout, total: Placed, parts: list[Placed]) -> str:
    """The name of a category set whose members label every part, if the total names its whole."""
    around_total = total.label + layout.text[total.figure.end : total.figure.end + 4]
    for category in cues().categories:
        if not any(word in around_total for word in category["totals"]):
            continue
        if all(any(member in part.label for member in category["members"]) for part in parts):
            return category["name"]
    return ""


def _is_total_after(placed: Placed) -> bool:
    label = placed.label
    for cue in cues().total_after_parts:
        if len(cue) >= 2 and cue in label:
            return True
    stripped = label.lstrip("，,、：: ")
    return stripped.startswith("共") and stripped[1:2] not in _WEAK_TOTAL_NOT_BEFORE


def _total_after_parts(layout: Layout, figures: list[Placed], used: set[int]) -> list[Claim]:
    """「413件，区县受理1207件，合计1620件」: parts since the last semicolon, 其中 or total."""
    claims = []
    for position, total in enumerate(figures):
        if total.index in used or not is_count(total) or not _is_total_after(total):
            continue
        kind = family(layout, total)
        parts: list[Placed] = []
        for placed in reversed(figures[:position]):
            gap = layout.text[placed.figure.end : total.figure.start]
            if any(mark in gap for mark in _SEMICOLONS) or "其中" in gap or _is_total_after(placed):
                break
            if placed.depth == total.depth and is_count(placed) and family(layout, placed) == kind \
                    and not _names_other_relation(placed):
                parts.insert(0, placed)
        if len(parts) >= 2:
            used.add(total.index)
            claims.append(Claim("sum", total, tuple(Term(p, "part") for p in parts), COMPLETE, "合计"))
    return claims


def _category_claims(layout: Layout, by_sentence: dict[int, list[Placed]], sentence: int,
                     used: set[int]) -> list[Claim]:
    """「行政应诉案件25件（败诉率32%），撤销8件，驳回起诉11件…」: parts named by a category set."""
    figures = [p for p in by_sentence.get(sentence, []) if p.depth == 0 and is_count(p)]
    claims = []
    position = 0
    while position < len(figures):
        run = _member_run(layout, figures, position)
        if len(run) >= 2:
            total = figures[position - 1] if position > 0 else _previous_sentence_total(by_sentence, sentence)
            if total is not None and total.index not in used and family(layout, total) == family(layout, run[0]):
                name = _category_of(layout, total, run)
                if name and not _is_member(total):
                    used.add(total.index)
                    claims.append(Claim("sum", total, tuple(Term(p, "part") for p in run), COMPLETE, name))
            position += len(run)
        else:
            position += 1
    return claims


def _member_run(layout: Layout, figures: list[Placed], position: int) -> list[Placed]:
    run: list[Placed] = []
    for placed in figures[position:]:
        if not _is_member(placed) or (run and family(layout, placed) != family(layout, run[0])):
            break
        run.append(placed)
    return run


def _is_member(placed: Placed) -> bool:
    return any(member in placed.label for category in cues().categories for member in category["members"])


def _previous_sentence_total(by_sentence: dict[int, list[Placed]], sentence: int) -> Placed | None:
    previous = [p for p in by_sentence.get(sentence - 1, []) if p.depth == 0 and is_count(p)]
    return previous[-1] if previous else None
