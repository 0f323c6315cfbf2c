"""Growth of a total and of all its parts, the parts given by their shares: 「全州规模以上工业增加值…增长11.7%。…
分轻重工业看，轻工业增加值增长14.3%，占规模以上工业增加值的比重为23.5%；重工业增加值增长12.8%，占规模以上工业
增加值的比重为76.5%」. Shares of one whole that add up to 100 are all of it, so the whole's growth is a weighted mean
of the parts' (checks/growth_parts.py): it lies between 12.8% and 14.3%, and 11.7% cannot be right.

Read from clauses in one sentence, each a part's growth followed directly by its share (「，占…比重为s%」,
「，占比s%」), the shares adding up to 100 within their rounding; the total's growth is the growth stated of the
whole the first share names (its name, a leading 全县 or 全市 aside, in the words before it), in the sentence or
the few before it."""

from __future__ import annotations

from figcheck import patterns
from figcheck.claims.common import cues
from figcheck.claims.growth_parts import DOWN, growth_of
from figcheck.claims.model import GrowthPartsClaim
from figcheck.layout import Layout, Placed

# between a part's growth and its share: 「，占规模以上工业增加值的比重为」「，占全县建筑业总产值的比重为」「，占比」
_SHARE = patterns.compile(r"^[，,]\s*占(?P<whole>[^，,；;。：:]{0,24}?)(?:的)?(?:比重|比例)?(?:为|达)?\s*$")
_GROWTH_LABEL = patterns.compile(r"(?P<verb>增长|下降|降低|减少|增加|提高)了?\s*$")
_SENTENCES_BEFORE = 3


def growth_share_claims(layout: Layout) -> list[GrowthPartsClaim]:
    claims = []
    for sentence in layout.sentences_with(_WORD):
        pairs = _pairs(layout, layout.in_sentence(sentence))
        for run in _runs(pairs):
            claim = _claim(layout, run)
            if claim is not None:
                claims.append(claim)
    return claims


_WORD = patterns.compile("占")


def _pairs(layout: Layout, figures: list[Placed]) -> list[tuple[Placed, int, Placed, str]]:
    """(growth, sign, share, whole named) for each growth followed directly by its share."""
    pairs = []
    for growth, share in zip(figures, figures[1:], strict=False):
        if growth.figure.unit != "%" or share.figure.unit != "%" or growth.depth or share.depth:
            continue
        found = _SHARE.match(layout.text[growth.figure.end : share.figure.start])
        verb = _GROWTH_LABEL.search(growth.label)
        if found and verb and growth.figure.high is None and share.figure.high is None:
            sign = -1 if verb.group("verb") in DOWN else 1
            pairs.append((growth, sign, share, found.group("whole")))
    return pairs


def _runs(pairs: list[tuple[Placed, int, Placed, str]]) -> list[list[tuple[Placed, int, Placed, str]]]:
    """Pairs that follow each other (no figure between one pair's share and the next pair's growth)."""
    runs: list[list[tuple[Placed, int, Placed, str]]] = []
    for pair in pairs:
        if runs and runs[-1][-1][2].index + 1 == pair[0].index:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return [run for run in runs if len(run) >= 2]


def _claim(layout: Layout, run: list[tuple[Placed, int, Placed, str]]) -> GrowthPartsClaim | None:
    shares = [share for _, _, share, _ in run]
    if not _all_of_it(shares):
        return None
    whole = next((named for _, _, _, named in run if named), "")
    total = stated_growth_of(layout, run[0][0], whole) if whole else None
    if total is None:
        return None
    stated, direction = total
    weighted = not any(
        word in layout.text[layout.sentences[stated.sentence][0] : run[-1][2].figure.end]
        for word in cues(layout.book).not_weighted
    )
    growths = tuple((growth, sign) for growth, sign, _, _ in run)
    return GrowthPartsClaim(stated, stated, tuple(shares), direction, growths, weighted, by_shares=True)


def _all_of_it(shares: list[Placed]) -> bool:
    """The shares add up to 100 within their rounding: the parts are all of the whole."""
    added = sum(share.figure.value for share in shares)
    slack = sum(share.figure.resolution for share in shares) / 2
    return abs(added - 100) <= slack


def stated_growth_of(
    layout: Layout, first: Placed, whole: str, sentences: int = _SENTENCES_BEFORE
) -> tuple[Placed, int] | None:
    """The growth stated of what `whole` names, nearest first: in `first`'s sentence before it, then in the
    sentences before; with its direction (+1 增长, −1 下降)."""
    core = _AREA.sub("", _bare(whole))  # 「全县建筑业总产值」 names 「全县总承包和专业承包建筑业总产值」
    if len(core) < 2:
        return None  # 「高于全国」 names another area, not a figure of this text
    start = max(0, first.sentence - sentences)
    candidates = [p for s in range(start, first.sentence + 1) for p in layout.in_sentence(s) if p.index < first.index]
    for placed in reversed(candidates):
        if placed.depth or core not in _bare(placed.label):
            continue
        if placed.figure.unit == "%":
            verb = _GROWTH_LABEL.search(placed.label)
            if verb and placed.figure.high is None:
                return placed, (-1 if verb.group("verb") in DOWN else 1)
            continue
        growth = growth_of(layout, placed)
        if growth is not None:
            return growth
    return None


def _bare(label: str) -> str:
    return _SPACES.sub("", label)


_SPACES = patterns.compile(r"\s+")
_AREA = patterns.compile(r"^(?:全国|全省|全市|全州|全县|全区|全镇)")
