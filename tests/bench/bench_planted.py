"""Planted-error harness (run by `make bench`): recall on typos planted into relations that hold.

Take every relation figcheck verifies in the corpus (../shared/corpus/reports, else fixtures/), plant
one typo at a time in one of its Arabic figures — one digit replaced, two neighbouring digits swapped,
the last digit ±1 — re-check the paragraphs around it, and count how often a finding names the
planted figure. A typo in a sum that moves the figure by no more than the rounding the relation
allows (the half-resolutions of all its figures added up) cannot be told from rounding: those are
counted apart. So are typos in a share or a change after which the relation still holds for some
reading of each figure within its written precision (a last digit of 4527.98万 moves a share of
62.07% by 0.001 points). Also counts the findings on the unchanged texts (false alarms unless real).
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from figcheck.checks.tolerance import TRUNCATION, Interval, interval
from figcheck.document import Document
from figcheck.pipeline import check_document
from figcheck.registry import rule

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
DIGITS = "0123456789"
KINDS = {"FC101": "sum", "FC102": "sum", "FC201": "rate", "FC202": "rate", "FC204": "share", "FC301": "change"}
QUALIFIER_PREFIX = "约近超逾不足到过突破"


def _typos(numeral: str, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, new numeral) for a numeral of digits and at most one decimal point."""
    places = [i for i, ch in enumerate(numeral) if ch in DIGITS]
    out = []
    position = rng.choice(places)
    choices = [d for d in DIGITS if d != numeral[position] and not (position == 0 and d == "0" and len(places) > 1)]
    out.append(("replace", numeral[:position] + rng.choice(choices) + numeral[position + 1 :]))
    pairs = [
        i
        for i in places[:-1]
        if i + 1 in places and numeral[i] != numeral[i + 1] and not (i == 0 and numeral[1] == "0")
    ]
    if pairs:
        i = rng.choice(pairs)
        out.append(("swap", numeral[:i] + numeral[i + 1] + numeral[i] + numeral[i + 2 :]))
    last = places[-1]
    digit = int(numeral[last])
    out.append(("plus-minus-1", numeral[:last] + str(digit + 1 if digit < 9 else digit - 1) + numeral[last + 1 :]))
    return out


def _numeral(raw: str) -> tuple[int, str]:
    """Offset and text of the Arabic numeral at the head of a figure (after 约, 近 …)."""
    lead = len(raw) - len(raw.lstrip(QUALIFIER_PREFIX))
    run = ""
    for ch in raw[lead:]:
        if ch not in DIGITS and not (ch == "." and run and "." not in run):
            break
        run += ch
    return lead, run.rstrip(".")


def _lines(text: str, start: int, end: int) -> tuple[int, int]:
    begin = text.rfind("\n", 0, text.rfind("\n", 0, start)) + 1  # the line before too: 其中 may open the next one
    stop = text.find("\n", end)
    stop = text.find("\n", stop + 1) if stop >= 0 else -1
    return begin, (stop if stop >= 0 else len(text))


def _slack(relation) -> Fraction:
    total = Fraction(0)
    for involved in relation.figures:
        span = interval(involved.figure)
        if span.lo is None or span.hi is None:
            return Fraction(10**30)
        total += (span.hi - span.lo) / 2
    return total


def _signed(moved: Fraction, new: str, numeral: str) -> Fraction:
    return moved if Fraction(new) >= Fraction(numeral) else -moved


def _shifted(span: Interval, delta: Fraction) -> Interval:
    return Interval(None if span.lo is None else span.lo + delta, None if span.hi is None else span.hi + delta)


def _stated_span(figure) -> Interval:
    """A stated share or change passes rounded half-up or truncated: the hull of both readings."""
    half_up, truncated = interval(figure), interval(figure, TRUNCATION)
    if None in (half_up.lo, half_up.hi, truncated.lo, truncated.hi):
        return Interval(None, None)
    return Interval(min(half_up.lo, truncated.lo), max(half_up.hi, truncated.hi))


def _ratio(numerator: Interval, denominator: Interval) -> Interval:
    return Interval(numerator.lo / denominator.hi, numerator.hi / denominator.lo)


def _still_holds(relation, planted, delta: Fraction) -> bool | None:
    """Whether a share or change still holds after a typo moved `planted` by delta; None if not modelled.

    Written independently of the checks: share = part / whole × 100; change = result − base, or
    (result / base − 1) × 100 for %, or result / base (− 1) for 倍; either sign of the stated change.
    """
    spans, units = {}, {}
    for involved in relation.figures:
        figure = involved.figure
        span = _stated_span(figure) if involved.role in ("share", "change") else interval(figure)
        spans[involved.role] = _shifted(span, delta) if figure is planted else span
        units[involved.role] = figure.unit
    if any(None in (span.lo, span.hi) for span in spans.values()):
        return None
    if relation.code == "FC204" and units.get("share") == "%":
        if spans["part"].lo < 0 or spans["whole"].lo <= 0:
            return None
        return _ratio(spans["part"], spans["whole"]).scaled(Fraction(100)).meets(spans["share"])
    if relation.code == "FC301" and {"change", "amount", "result"} <= spans.keys() and units["change"] == "%":
        # 「V，比上年增加N，增长p%」: p = N / (V ∓ N) × 100, the earlier value only implied
        amount, result, stated = spans["amount"], spans["result"], spans["change"]
        sign = -1 if f" + {relation.figures[1].figure.numeral})" in relation.formula else 1
        earlier = Interval(
            result.lo - sign * (amount.hi if sign > 0 else amount.lo),
            result.hi - sign * (amount.lo if sign > 0 else amount.hi),
        )
        if earlier.lo <= 0 or amount.lo < 0:
            return None
        return _ratio(amount, earlier).scaled(Fraction(100)).meets(stated)
    if relation.code == "FC301" and {"change", "base", "result"} <= spans.keys():
        base, result, stated = spans["base"], spans["result"], spans["change"]
        difference = Interval(result.lo - base.hi, result.hi - base.lo)
        if units["change"] in ("%", "倍") and (base.lo <= 0 or result.lo < 0):
            return None
        readings = {
            "%": [_shifted(_ratio(result, base), Fraction(-1)).scaled(Fraction(100))],
            "倍": [_ratio(result, base), _shifted(_ratio(result, base), Fraction(-1))],
            "百分点": [difference],
        }.get(units["change"], [difference] if units["change"] == units["base"] else None)
        if readings is None:
            return None
        return any(reading.meets(stated) or reading.meets(-stated) for reading in readings)
    return None


def main() -> int:
    rng = random.Random(2026)
    paths = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else sorted((ROOT / "fixtures").glob("*.txt"))
    tried, named_any, named_failing = Counter(), Counter(), Counter()
    false_alarms = 0
    started = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        result = check_document(Document(str(path), text))
        false_alarms += sum(1 for f in result.findings if rule(f.code).severity in ("error", "warning"))
        for relation in result.passed:
            kind = KINDS.get(relation.code)
            if kind is None or relation.allowance == "part-of-whole":
                continue  # a single part below its total cannot show a typo
            for involved in relation.figures:
                figure = involved.figure
                lead, numeral = _numeral(text[figure.start : figure.end])
                if not numeral or not any(ch in DIGITS for ch in numeral) or Decimal(numeral) == 0:
                    continue
                for typo, new in _typos(numeral, rng):
                    moved = abs(Fraction(new) - Fraction(numeral)) * Fraction(figure.value) / Fraction(numeral)
                    bucket = kind
                    if kind == "sum" and moved <= _slack(relation):
                        bucket = "sum-within-rounding"
                    elif kind in ("share", "change") and _still_holds(relation, figure, _signed(moved, new, numeral)):
                        bucket = f"{kind}-within-rounding"
                    at = figure.start + lead
                    planted = text[:at] + new + text[at + len(numeral) :]
                    first = min(i.figure.start for i in relation.figures)
                    last = max(i.figure.end for i in relation.figures) + len(new) - len(numeral)
                    begin, end = _lines(planted, first, last)
                    checked = check_document(Document(str(path), planted[begin:end]))
                    named = [
                        f for f in checked.findings if any(i.figure.start == figure.start - begin for i in f.figures)
                    ]
                    failing = any(rule(f.code).severity in ("error", "warning") for f in named)
                    for key in (bucket, f"typo:{typo}"):
                        tried[key] += 1
                        named_any[key] += bool(named)
                        named_failing[key] += failing
    seconds = time.perf_counter() - started
    print(f"planted typos over {len(paths)} reports ({seconds:.1f} s)")
    print(f"{'planted into':<22}{'typos':>7}{'named (any level)':>20}{'named (error/warning)':>24}")
    for key in (
        "sum",
        "rate",
        "share",
        "change",
        "sum-within-rounding",
        "share-within-rounding",
        "change-within-rounding",
        "typo:replace",
        "typo:swap",
        "typo:plus-minus-1",
    ):
        if tried[key]:
            print(
                f"{key:<22}{tried[key]:>7}{named_any[key] / tried[key]:>20.1%}{named_failing[key] / tried[key]:>24.1%}"
            )
    detectable = ("sum", "rate", "share", "change")
    total = sum(tried[k] for k in detectable)
    recall_any = sum(named_any[k] for k in detectable) / max(total, 1)
    recall_failing = sum(named_failing[k] for k in detectable) / max(total, 1)
    print(f"findings at error/warning on the unchanged reports: {false_alarms}")
    print(
        f"BENCH planted={total} recall_any={recall_any:.3f} recall_error_warning={recall_failing:.3f} "
        f"within_rounding={sum(tried[f'{k}-within-rounding'] for k in ('sum', 'share', 'change'))} "
        f"unchanged_alarms={false_alarms}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
