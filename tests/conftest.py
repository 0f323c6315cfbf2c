"""Shared helpers: tests never read ../shared; fixtures live in fixtures/ and tests/data/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from figcheck.pipeline import check_text
from figcheck.registry import rule
from figcheck.results import FileResult

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DATA = Path(__file__).resolve().parent / "data"
SEED = FIXTURES / "nanguan-2019-rule-of-law-report.txt"

# `make test` (and so CI) replays a fixed sequence of examples, so a run is never turned red by a
# newly drawn example; a deeper search (FIGCHECK_EXAMPLES=5000, make fuzz, FIGCHECK_EXPLORE=1)
# draws fresh ones and keeps failures in the local example database.
settings.register_profile("fixed", derandomize=True, database=None)
settings.register_profile("explore")
_EXPLORING = any(os.environ.get(name) for name in ("FIGCHECK_EXPLORE", "FIGCHECK_EXAMPLES", "FIGCHECK_FUZZ_EXAMPLES"))
settings.load_profile("explore" if _EXPLORING else "fixed")


def examples(default: int) -> int:
    """Hypothesis examples per law; FIGCHECK_EXAMPLES=5000 make test runs a deeper search.

    FIGCHECK_MUTATE_EXAMPLES caps the count for `make mutate`, which runs the laws once per surviving
    mutant; the fixed (derandomized) profile stays, so a mutant's verdict does not change between runs.
    """
    if "FIGCHECK_EXAMPLES" in os.environ:
        return int(os.environ["FIGCHECK_EXAMPLES"])
    cap = os.environ.get("FIGCHECK_MUTATE_EXAMPLES")
    return min(default, int(cap)) if cap else default


def flagged(result: FileResult) -> list:
    """Findings at error or warning level: what fails a CI run."""
    return [f for f in result.findings if rule(f.code).severity in ("error", "warning")]


def involves(finding, start: int) -> bool:
    """Whether a finding lists the figure that starts at `start`."""
    return any(involved.figure.start == start for involved in finding.figures)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


__all__ = ["ROOT", "FIXTURES", "DATA", "SEED", "examples", "flagged", "involves", "check_text"]


def _override_guard() -> None:
    """FIGCHECK_GUARD="figcheck.claims.rate:_PLAUSIBLE=int:1000" replaces one recognizer guard for a
    whole run: tests/bench/mutate_guards.py uses it to show which guards the cases pin (mutmut 3 does
    not mutate module-level constants). Values are typed literals, never evaluated code."""
    spec = os.environ.get("FIGCHECK_GUARD")
    if not spec:
        return
    import importlib
    from fractions import Fraction

    target, _, literal = spec.partition("=")
    module, _, name = target.partition(":")
    kind, _, text = literal.partition(":")
    value = {"int": int, "fraction": Fraction, "str": str}[kind](text)
    setattr(importlib.import_module(module), name, value)


_override_guard()
