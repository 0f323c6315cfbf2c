"""Shared helpers: tests never read ../shared; fixtures live in fixtures/ and tests/data/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from figcheck.engine import FileResult, check_text
from figcheck.registry import rule

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DATA = Path(__file__).resolve().parent / "data"
SEED = FIXTURES / "nanguan-2019-rule-of-law-report.txt"


def examples(default: int) -> int:
    """Hypothesis examples per law; FIGCHECK_EXAMPLES=5000 make test runs a deeper search."""
    return int(os.environ.get("FIGCHECK_EXAMPLES", default))


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
