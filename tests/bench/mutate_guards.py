"""Which recognizer guards the rule cases pin: each module-level guard (a window, a limit, a
plausibility ratio, a slack) is replaced by a value that disables or tightens it, and the behaviour
tests are run; a guard whose replacement leaves them green is reported. Part of `make mutate`
(mutmut 3 does not mutate module-level constants). Not a pytest test."""

from __future__ import annotations

import os
import subprocess
import sys

TESTS = ["tests/test_rule_cases.py", "tests/test_rule_cases_golden.py", "tests/test_seed.py", "tests/test_formats.py"]
# The limits that bound work on pathological text are pinned by the timed adversarial inputs.
BOUNDED = [
    "tests/test_bad_input.py::test_adversarial_text_is_bounded",
    "tests/test_bad_input.py::test_time_grows_linearly_on_one_long_line",
]
# module:constant=type:value — the value turns the guard off (very large) or on everything (tiny)
GUARDS = [
    "figcheck.claims.rate:_PLAUSIBLE=int:1000",
    "figcheck.claims.rate:_PLAUSIBLE=int:1",
    "figcheck.claims.rate:_MOST_TERMS=int:1",
    "figcheck.claims.rate:_MOST_COUNTS=int:2",
    "figcheck.claims.sum:_NEAREST=int:1",
    "figcheck.claims.sum:_SCAN=int:1",
    "figcheck.claims.sum:WINDOW=int:10",
    "figcheck.claims.sum_parts:WINDOW=int:10",
    "figcheck.claims.sum_parts:MOST_PARTS=int:2",
    "figcheck.claims.sum_listed:MOST_PARTS=int:1",
    "figcheck.claims.sum:SEMICOLONS=str:",
    "figcheck.claims.sum_parts:SEMICOLONS=str:",
    "figcheck.claims.sum_items:_ITEM_SPAN=int:3",
    "figcheck.claims.sum_items:_MOST_ITEMS=int:2",
    "figcheck.claims.sum_listed:SEMICOLONS=str:",
    "figcheck.checks.change:_DOUBLING_SLACK=fraction:0",
    "figcheck.checks.change:_DOUBLING_SLACK=fraction:1/2",
    # removed: the limits that bound work on long or pathological text
    "figcheck.claims.rate:_MOST_TERMS=int:100000",
    "figcheck.claims.rate:_MOST_COUNTS=int:100000",
    "figcheck.claims.sum:_NEAREST=int:100000",
    "figcheck.claims.sum:_SCAN=int:100000",
    "figcheck.claims.sum:WINDOW=int:100000000",
    "figcheck.claims.sum_parts:WINDOW=int:100000000",
    "figcheck.claims.sum_items:_ITEM_SPAN=int:100000000",
    "figcheck.claims.sum_items:_MOST_ITEMS=int:100000",
    "figcheck.claims.sum_parts:MOST_PARTS=int:100000",
    "figcheck.claims.sum_listed:MOST_PARTS=int:100000",
]


def main() -> int:
    survived = []
    chosen = [g for g in GUARDS if not sys.argv[1:] or any(word in g for word in sys.argv[1:])]
    for guard in chosen:
        env = dict(os.environ, FIGCHECK_GUARD=guard)
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *TESTS, *BOUNDED],
            env=env,
            capture_output=True,
            text=True,
        )
        verdict = "killed" if run.returncode != 0 else "SURVIVED"
        print(f"{verdict:9} {guard}", flush=True)
        if run.returncode == 0:
            survived.append(guard)
    print(f"guards: {len(chosen) - len(survived)} of {len(chosen)} pinned")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
