"""Every stage is linear in its input: counted in Python steps (lines and calls), not timed (issue 16).

A timing would pass or fail with the machine's load; the number of steps the pipeline takes does not. For each
pathological input the steps for 4× the input must grow at most 5× (a quadratic stage grows 16×)."""

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
    # one label stated again and again in one sentence: each statement looked at every earlier one (was 11×)
    "one-label-repeated-in-one-sentence": lambda n: "全年受理申请5件，" * (n // 9),
}


def _steps(text: str) -> int:
    """Python lines run and functions called (a loop inside one function counts too)."""
    count = 0

    def traced(frame, event, arg):
        nonlocal count
        count += 1
        return traced

    def profiled(frame, event, arg):
        nonlocal count
        if event == "c_call":
            count += 1

    sys.setprofile(profiled)
    sys.settrace(traced)
    try:
        check_text(text)
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_four_times_the_input_costs_at_most_five_times_the_calls(name):
    make = PATHOLOGICAL[name]
    check_text(make(600))  # rules and patterns loaded before counting
    small, large = _steps(make(600)), _steps(make(2400))
    assert large <= 5 * small, f"{name}: {small} steps for 600 characters, {large} for 2400 ({large / small:.1f}×)"
