"""What a written figure stands for (checks/tolerance.py): its interval under each reading, and which
reading a computed value meets. Every qualifier, range, fraction and rounding convention has a row."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from figcheck.checks.tolerance import HALF_UP, TRUNCATION, Interval, allowance, describe, interval, last_place
from figcheck.figures import find_figures


def figure(text: str):
    (found,) = [f for f in find_figures(f"全年{text}。") if f.end == 2 + len(text)]
    assert found.raw == text.replace("约占", "")
    return found


# written figure → (half-up interval, truncated interval), None for unbounded
ROWS = [
    ("25件", (25, 25), (25, 25)),
    ("32%", (F(63, 2), F(65, 2)), (32, 33)),
    ("40.5%", (F(809, 20), F(811, 20)), (F(81, 2), F(203, 5))),
    ("3.12亿元", (311500000, 312500000), (312000000, 313000000)),
    ("1.20万元", (11950, 12050), (12000, 12100)),
    ("约300人", (250, 350), (250, 350)),
    ("近1500人", (1400, 1500), (1400, 1500)),
    ("1500余人", (1500, 1600), (1500, 1600)),
    ("20多个", (20, 30), (20, 30)),
    ("超过2000人", (2000, None), (2000, None)),
    ("2000人以上", (2000, None), (2000, None)),
    ("不足500人", (None, 500), (None, 500)),
    ("三分之二", (F(1, 2), F(5, 6)), (F(1, 2), F(5, 6))),
    ("约占三分之一", (F(1, 6), F(1, 2)), (F(1, 6), F(1, 2))),
    ("15%~20%", (F(29, 2), F(41, 2)), (F(29, 2), F(41, 2))),
    ("百分之十到二十", (F(19, 2), F(41, 2)), (F(19, 2), F(41, 2))),
    ("三四个", (F(5, 2), F(9, 2)), (F(5, 2), F(9, 2))),
    # a figure's precision is its last written digit: round measurements and amounts are no exception
    ("31700公里", (F(63399, 2), F(63401, 2)), (31700, 31701)),
    ("2000亩", (F(3999, 2), F(4001, 2)), (2000, 2001)),
    ("7000万元", (69995000, 70005000), (70000000, 70010000)),
    ("1.2亿元", (115000000, 125000000), (120000000, 130000000)),
    ("-3.5%", (F(-71, 20), F(-69, 20)), (F(-18, 5), F(-7, 2))),
    ("0.5", (F(9, 20), F(11, 20)), (F(1, 2), F(3, 5))),
    ("半数", (F(9, 20), F(11, 20)), (F(1, 2), F(3, 5))),
    ("逾百万人", (1000000, None), (1000000, None)),
]


def _interval(bounds) -> Interval:
    return Interval(*(None if b is None else F(b) for b in bounds))


@pytest.mark.parametrize(("text", "half_up", "truncated"), ROWS, ids=[row[0] for row in ROWS])
def test_interval_of_a_written_figure(text, half_up, truncated):
    written = figure(text)
    assert interval(written) == _interval(half_up)
    assert interval(written, HALF_UP) == _interval(half_up)
    assert interval(written, TRUNCATION) == _interval(truncated)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("25件", "25"),
        ("32%", "31.5~32.5"),
        ("3.12亿元", "3.115亿~3.125亿"),
        ("超过2000人", "≥ 2000"),
        ("逾百万人", "≥ 100万"),
        ("不足500人", "≤ 500"),
        ("三分之二", "0.5~0.833333"),
    ],
)
def test_describe_writes_the_interval_in_the_figures_scale(text, shown):
    assert describe(figure(text)) == shown


def test_last_place_is_the_last_nonzero_digit_never_finer_than_written():
    assert last_place(figure("300人")) == 100
    assert last_place(figure("1500人")) == 100
    assert last_place(figure("20人")) == 10
    assert last_place(figure("25人")) == 1
    assert last_place(figure("3.12亿元")) == 1000000


@pytest.mark.parametrize(
    ("text", "lo", "hi", "point", "truncation", "expected"),
    [
        ("25件", 25, 25, 25, True, "exact"),
        ("25件", 26, 26, 26, True, ""),
        ("32%", F(6405, 200), F(6405, 200), F(6405, 200), True, HALF_UP),  # 32.025
        ("40%", F(4054, 100), F(4054, 100), F(4054, 100), True, TRUNCATION),  # 40.54 truncates to 40
        ("40%", F(4054, 100), F(4054, 100), F(4054, 100), False, ""),
        ("40%", 41, 41, 41, True, ""),  # truncation keeps [40, 41): 41 is not 40
        ("40%", F(3949, 100), F(3949, 100), F(3949, 100), True, ""),  # below the half-up interval
        ("-3%", F(-385, 100), F(-385, 100), F(-385, 100), True, TRUNCATION),  # toward zero for negatives
        ("-3%", -4, -4, -4, True, ""),
        ("约300人", 340, 340, 340, True, "qualifier"),
        ("约300人", 360, 360, 360, True, ""),
        ("超过2000人", 5000, 5000, 5000, True, "qualifier"),
        ("超过2000人", 1999, 1999, 1999, True, ""),
        ("三分之二", F(7, 10), F(7, 10), F(7, 10), True, "qualifier"),
        ("25件", None, 30, None, True, HALF_UP),  # an open computed interval meets the figure
    ],
)
def test_allowance_names_the_reading_the_computed_value_meets(text, lo, hi, point, truncation, expected):
    computed = Interval(None if lo is None else F(lo), None if hi is None else F(hi))
    assert allowance(figure(text), computed, None if point is None else F(point), truncation) == expected


def test_exact_needs_the_point_itself():
    assert allowance(figure("25件"), Interval.point(F(25)), None, True) == HALF_UP


def test_interval_arithmetic():
    a, b = Interval(F(1), F(2)), Interval(F(10), None)
    assert a + b == Interval(F(11), None)
    assert -b == Interval(None, F(-10))
    assert -a == Interval(F(-2), F(-1))
    assert a.scaled(F(3)) == Interval(F(3), F(6))
    assert Interval(None, F(2)).scaled(F(3)) == Interval(None, F(6))
    assert a.meets(Interval(F(2), F(5))) and not a.meets(Interval(F(3), F(5)))
    assert not Interval(F(6), F(7)).meets(Interval(F(3), F(5)))
    assert Interval(None, None).meets(a) and b.meets(Interval(F(100), F(100)))
    assert not b.meets(Interval(None, F(9)))
