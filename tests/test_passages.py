"""Passages with the verdict wanted (tests/data/passages.toml): flag, or stay clean."""

from __future__ import annotations

import tomllib

import pytest

from conftest import DATA, check_text, flagged

CASES = tomllib.loads((DATA / "passages.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_passage(case):
    text = case["text"]
    found = flagged(check_text(text))
    described = [(f.code, f.formula) for f in found]
    if case["expect"] == "clean":
        assert found == [], described
        return
    assert found, "not flagged"
    if "at" in case:
        at = text.index(case["at"])
        assert any(involved.figure.start <= at < involved.figure.end for f in found for involved in f.figures), (
            described
        )
