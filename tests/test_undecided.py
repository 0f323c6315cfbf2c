"""Relations the figures as written cannot decide (精度不足): neither verified nor failed, but counted."""

from __future__ import annotations

import json
from fractions import Fraction as F

from typer.testing import CliRunner

from figcheck.checks.tolerance import COARSE_INPUTS, ROUND_STATED, Interval, decide
from figcheck.cli import app
from figcheck.figures import find_figures
from figcheck.pipeline import check_text


def _figure(text: str):
    (found,) = find_figures(text)
    return found


def test_a_pass_that_only_a_corner_of_the_inputs_reaches_is_undecided():
    # 8.3% computed, 16% stated: 16% is the corner (1.25 − 1.05) / 1.25 of the endpoints' rounding
    assert decide(_figure("16%"), Interval(F(0), F(16)), F(25, 3), True) == ("half-up", COARSE_INPUTS)


def test_a_pass_that_a_fair_part_of_the_inputs_reaches_holds():
    # 2319.22 computed for 2319.21 stated: a third of [2319.205, 2319.235] rounds to it
    stated = _figure("2319.21万元")
    span = Interval(F(23192050), F(23192350))
    assert decide(stated, span, F(23192200), True) == ("half-up", "")


def test_an_exact_pass_is_never_undecided():
    assert decide(_figure("16%"), Interval(F(0), F(40)), F(16), True) == ("exact", "")


def test_a_round_measurement_that_fails_as_written_is_undecided_not_failed():
    assert decide(_figure("31700公里"), Interval.point(F(31701)), F(31701), True) == ("", ROUND_STATED)
    assert decide(_figure("31700公里"), Interval.point(F(31790)), F(31790), True) == ("", "")


def test_undecided_relations_are_counted_as_unverifiable_and_reported_apart():
    result = check_text("全年支出由1.2亿元降至1.1亿元，下降16%。")
    assert result.findings == () and result.passed == ()
    assert [(f.code, f.stated.raw, f.undecided) for f in result.undecided] == [("FC301", "16%", COARSE_INPUTS)]
    assert result.unverifiable == 1


def test_json_report_lists_undecided_relations_with_their_reason(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("全年支出由1.2亿元降至1.1亿元，下降16%。", encoding="utf-8")
    out = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--show-passed"]).output
    entry = json.loads(out)["files"][0]
    assert entry["coverage"] == {"verified": 0, "failed": 0, "unverifiable": 1, "undecided": 1}
    assert [(f["code"], f["stated"], f["undecided"]) for f in entry["undecided"]] == [("FC301", "16", COARSE_INPUTS)]


def test_a_truncated_figure_is_judged_by_its_truncated_interval():
    # 9746.50 / 10210.34 = 95.457%, written 95.45 by truncation: decided, not coarse
    stated = _figure("95.45%")
    span = Interval(F(974649500, 10210345), F(974650500, 10210335))
    assert decide(stated, span, F(974650, 1021034) * 100, True) == ("truncation", "")


def test_a_figure_far_finer_than_its_inputs_is_decided_where_they_pin_it_down():
    # 性别比 98.04 from 11.89万 and 6.00万: (11.89 − 6.00) / 6.00 spans 97.92~98.42, a sliver of which rounds to
    # 98.04; the figure was computed from unrounded counts and lies inside that narrow span
    result = check_text("初婚人数11.89万人，其中女性6.00万人，性别比为98.04。")
    assert [(f.code, f.stated.raw, f.allowance) for f in result.passed if f.code == "FC206"] == [
        ("FC206", "98.04", "half-up")
    ]
    assert check_text("初婚人数11.89万人，其中女性6.00万人，性别比为98.54。").findings[0].code == "FC206"


def test_a_figure_finer_than_inputs_that_leave_it_wide_open_stays_undecided():
    # 0.14万 − 0.03万 over 0.03万 spans 286~480: 329.94 lies inside, but so does almost anything
    result = check_text("新增人数0.14万人，其中女性0.03万人，性别比为329.94。")
    assert [(f.code, f.undecided) for f in result.undecided] == [("FC206", COARSE_INPUTS)]


def test_a_sum_of_a_few_parts_written_like_its_total_is_not_finer_than_them():
    # six parts in whole 公里 add to 31701 ± 3; 31700 meets only a sixth of that: still undecided
    stated = _figure("31700公里")
    assert decide(stated, Interval(F(31698), F(31704)), F(31701), True) == ("half-up", COARSE_INPUTS)
