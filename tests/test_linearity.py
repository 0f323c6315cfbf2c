"""Every stage is linear in its input: counted in function calls, not timed (issue 16).

A timing would pass or fail with the machine's load; the number of calls the pipeline makes does not. For each
pathological input the calls for 4× the input must grow at most 5× (a quadratic stage grows 16×)."""

from __future__ import annotations

import sys

import pytest

from figcheck.pipeline import check_text

PATHOLOGICAL = {
    "run-of-chinese-numerals": lambda n: "一" * n,  # each shortening of the run re-read it whole (was 16×)
    "run-of-arabic-digits": lambda n: "1" * n,
    "run-of-mixed-numerals": lambda n: "一1" * (n // 2),
    "comma-separated-ones": lambda n: "1," * (n // 2),
    "list-markers": lambda n: "1、" * (n // 2),
    "small-sums-on-one-line": lambda n: "全年受理10件，其中甲5件、乙5件。" * (n // 18),
    "rates-on-one-line": lambda n: "办结率98%，" * (n // 7),
    "nested-parentheses": lambda n: "（" * (n // 2) + "）" * (n // 2),
    "spaced-digits": lambda n: "1 " * (n // 2),
}


def _calls(text: str) -> int:
    count = 0

    def counted(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(counted)
    try:
        check_text(text)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_four_times_the_input_costs_at_most_five_times_the_calls(name):
    make = PATHOLOGICAL[name]
    check_text(make(600))  # rules and patterns loaded before counting
    small, large = _calls(make(600)), _calls(make(2400))
    assert large <= 5 * small, f"{name}: {small} calls for 600 characters, {large} for 2400 ({large / small:.1f}×)"
