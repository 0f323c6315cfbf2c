"""Flow claims: a period's cases as stocks and flows — 新收 + 上年结转 = 审结 + 未审结.

「全年新收行政复议案件64件，上年结转5件，审结62件，其中维持40件…，尚未审结7件」: the cases received
in the period and those carried in from the last one are, at its end, either concluded or still
pending (64 + 5 = 62 + 7). Each count's *stage* is read from its label with the words of
rules/cues.toml [flow]; a clause chain (a sentence up to a semicolon) that states each of the four
stages exactly once asserts the balance.

The stages also tell the sum recognizer what is not a part (see `ends_breakdown`): 尚未审结 is no
part of 审结, and the outcomes listed after 已审结 are parts of the concluded cases, not of the whole.
"""

from __future__ import annotations

from figcheck import rulebook
from figcheck.claims.common import family, is_count, states_other_relation
from figcheck.claims.model import FlowClaim
from figcheck.layout import Layout, Placed
from figcheck.rulebook import Rulebook

NEW, CARRIED_IN, CONCLUDED, PENDING = "new", "carried_in", "concluded", "pending"
INFLOWS, OUTFLOWS = frozenset({NEW, CARRIED_IN}), frozenset({CONCLUDED, PENDING})
_SEMICOLONS = "；;"


@rulebook.derived
def _stage_words(book: Rulebook) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The stages in the order their words are looked for: a carried-in 上年未结 before a pending 未结,
    a pending 未审结 before a concluded 审结."""
    data = book.load("cues.toml")["flow"]
    order = (CARRIED_IN, PENDING, CONCLUDED, NEW)
    return tuple((name, tuple(rulebook.longest_first(data[name]))) for name in order)


def stage(layout: Layout, placed: Placed) -> str:
    """The stage a count's label names — new, carried_in, concluded or pending — or "" for none, or
    for a label naming two (「审结上年结转案件」 are concluded cases that had been carried in)."""
    return stage_of(layout.book, placed.label)


def stage_of(book: Rulebook, words: str) -> str:
    """The stage named by `words` (a label, or the whole named after 占: 审结案件 → concluded)."""
    rest, found = words, set()
    for name, stage_words in _stage_words(book):
        for word in stage_words:
            if word in rest:
                found.add(name)
                rest = rest.replace(word, "|")
    return found.pop() if len(found) == 1 else ""


def ends_breakdown(total_stage: str, stages: list[str], part_stage: str) -> bool:
    """A part that cannot belong to a breakdown of `total_stage` whose parts so far are `stages`:
    under 审结 (concluded) only its outcomes are parts, never the pending or incoming cases; after
    incoming parts (新收, 上年结转) the outgoing ones (审结, 未审结) start another partition."""
    if total_stage == CONCLUDED and part_stage in INFLOWS | {PENDING}:
        return True
    return part_stage in OUTFLOWS and any(s in INFLOWS for s in stages)


def flow_claims(layout: Layout) -> list[FlowClaim]:
    claims = []
    for sentence in range(len(layout.sentences)):
        figures = layout.in_sentence(sentence)
        if len(figures) < 4:
            continue
        for chain in _chains(layout, figures):
            claim = _balance(layout, chain)
            if claim is not None:
                claims.append(claim)
    return claims


def _chains(layout: Layout, figures: list[Placed]) -> list[list[Placed]]:
    """The sentence's plain counts outside parentheses, cut at semicolons."""
    chains: list[list[Placed]] = [[]]
    previous: Placed | None = None
    for placed in figures:
        gap = layout.text[previous.figure.end : placed.figure.start] if previous is not None else ""
        if any(mark in gap for mark in _SEMICOLONS):
            chains.append([])
        previous = placed
        if placed.depth == 0 and is_count(placed) and not states_other_relation(layout, placed):
            chains[-1].append(placed)
    return [chain for chain in chains if len(chain) >= 4]


def _balance(layout: Layout, chain: list[Placed]) -> FlowClaim | None:
    """The four stages, each stated once in the chain, counting the same things."""
    by_stage: dict[str, list[Placed]] = {}
    for placed in chain:
        name = stage(layout, placed)
        if name:
            by_stage.setdefault(name, []).append(placed)
    if set(by_stage) != INFLOWS | OUTFLOWS or any(len(found) != 1 for found in by_stage.values()):
        return None
    new, carried, concluded, pending = (by_stage[name][0] for name in (NEW, CARRIED_IN, CONCLUDED, PENDING))
    if len({family(layout, placed) for placed in (new, carried, concluded, pending)}) != 1:
        return None
    return FlowClaim(pending, (new, carried), concluded)
