"""--rules DIR: a user's own rule files extend the bundled ones; malformed ones are named precisely."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from figcheck.cli import app

PASSAGE = "全年排查矛盾纠纷412件，化解398件，化解率96.6%。\n"
WRONG = "全年排查矛盾纠纷412件，化解398件，化解率92.6%。\n"
RATE = """
[[rate]]
name = "化解率"
name_en = "resolution rate"
numerator = ["化解"]
denominators = ["total"]
total_terms = ["排查", "受理"]
"""


def _run(tmp_path, rate_file: str, passage: str, name: str = "rates.toml"):
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    (rules / name).write_text(rate_file, encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(passage, encoding="utf-8")
    return CliRunner().invoke(app, ["check", str(report), "--rules", str(rules)])


def _run_bundled(tmp_path, passage: str):
    """The same passage checked with the bundled rules only."""
    report = tmp_path / "r.txt"
    report.write_text(passage, encoding="utf-8")
    return CliRunner().invoke(app, ["check", str(report)])


def test_a_user_rate_is_checked(tmp_path):
    assert _run(tmp_path, RATE, PASSAGE).exit_code == 0
    wrong = _run(tmp_path, RATE, WRONG)
    assert wrong.exit_code == 1 and "FC201" in wrong.output and "398 / 412 = 96.60%" in wrong.output


def test_without_the_user_rate_the_passage_is_not_checked(tmp_path):
    result = _run_bundled(tmp_path, WRONG)
    assert "FC201" not in result.output


def test_user_vocabulary_extends_units(tmp_path):
    result = _run(tmp_path, '[units]\nmine = ["宗卷"]\n', "调阅档案12宗卷。\n", name="units.toml")
    assert result.exit_code == 0
    figures = CliRunner().invoke(app, ["figures", str(tmp_path / "r.txt"), "--rules", str(tmp_path / "rules")])
    assert "12宗卷  = 12 宗卷" in figures.output


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        ("[[rate]\nname = 1", "rates.toml", ["rates.toml", "TOML 语法错误"]),
        (
            '[[rate]]\nname = "x"\nnumerator = "化解"\ndenominators = ["total"]\ntotal_terms = ["a"]\n',
            "rates.toml",
            ["rates.toml", "rate.numerator", "数组"],
        ),
        ('[[rate]]\nname = "x"\nnumerators = ["化解"]\n', "rates.toml", ["rates.toml", "未知的键 numerators"]),
        ('[[rate]]\nname = "x"\n', "rates.toml", ["rates.toml", "缺少键"]),
        ('[sum]\nbreakdwon = ["其中"]\n', "cues.toml", ["cues.toml", "未知的键 sum.breakdwon"]),
        ("[units]\nmine = [1, 2]\n", "units.toml", ["units.toml", "units.mine", "字符串"]),
        ("", "checks.toml", ["checks.toml", "不能扩展"]),
    ],
)
def test_malformed_rule_files_are_named_with_the_key(tmp_path, content, name, words):
    result = _run(tmp_path, content, PASSAGE, name=name)
    assert result.exit_code == 2
    for word in words:
        assert word in result.output, result.output


def test_missing_rules_directory(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(PASSAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(report), "--rules", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "规则目录不存在" in result.output


TRADE = "全年出口总额520.3亿元，进口总额310.8亿元，贸易顺差{}亿元。\n"
SURPLUS = """
[[formula]]
kind = "difference"
name = "贸易顺差"
name_en = "trade surplus"
result = ["贸易顺差"]
first = ["出口"]
second = ["进口"]
exclude = []
"""


def test_a_user_formula_is_checked(tmp_path):
    assert _run(tmp_path, SURPLUS, TRADE.format("209.5"), "formulas.toml").exit_code == 0
    wrong = _run(tmp_path, SURPLUS, TRADE.format("219.5"), "formulas.toml")
    assert wrong.exit_code == 1 and "FC305" in wrong.output and "520.3亿 − 310.8亿 = 209.5" in wrong.output


def test_without_the_user_formula_the_surplus_is_not_checked(tmp_path):
    result = _run_bundled(tmp_path, TRADE.format("219.5"))
    assert result.exit_code == 0 and "FC305" not in result.output


FREIGHT = "全年货运总量1.20亿吨，其中铁路货运量0.15亿吨。铁路、公路、水运货运量占比分别为{}%、70.3%和17.2%。\n"
MODES = """
[[composition]]
name = "运输方式"
name_en = "modes of transport"
collective = ["铁路、公路、水运"]
members = [["铁路"], ["公路"], ["水运"]]
values = ["货运量"]
wholes = ["货运总量"]
"""


def test_a_user_composition_is_checked(tmp_path):
    assert _run(tmp_path, MODES, FREIGHT.format("12.5"), "compositions.toml").exit_code == 0
    wrong = _run(tmp_path, MODES, FREIGHT.format("22.5"), "compositions.toml")
    assert wrong.exit_code == 1 and "FC205" in wrong.output and "22.5 + 70.3 + 17.2 = 110.0" in wrong.output
    assert "FC204" in wrong.output and "0.15亿 / 1.20亿 = 12.50%" in wrong.output


def test_without_the_user_composition_the_shares_are_not_added(tmp_path):
    result = _run_bundled(tmp_path, FREIGHT.format("22.5"))
    assert result.exit_code == 0 and "FC205" not in result.output


INSURED = "全市养老保险参保人数105.55万人，其中在职职工81.33万人，离退休人员{}万人。\n"
WORKING = """
[[partition]]
name = "在职与离退休"
name_en = "working and retired"
members = ["在职", "离退休"]
"""


def test_a_user_partition_makes_a_shortfall_an_error(tmp_path):
    assert _run(tmp_path, WORKING, INSURED.format("24.22"), "categories.toml").exit_code == 0
    wrong = _run(tmp_path, WORKING, INSURED.format("20.22"), "categories.toml")
    assert wrong.exit_code == 1 and "FC101" in wrong.output and "81.33万 + 20.22万 = 101.55万" in wrong.output


def test_without_the_user_partition_the_shortfall_is_a_note(tmp_path):
    result = _run_bundled(tmp_path, INSURED.format("20.22"))
    assert "FC101" not in result.output and "FC103" in result.output


IDENTITY = """
[[identity]]
name = "资金来源"
name_en = "sources of funds"
axis = "columns"
left = ["资金总额"]
right = ["财政资金", "自筹资金|单位自筹"]
"""
FUNDS = """| 项目 | 财政资金 | 单位自筹 | 资金总额 | 完成率（%） |
| --- | --- | --- | --- | --- |
| 老旧小区改造 | 120 | 35 | 155 | 96.5 |
| 道路养护 | 80 | 12 | 93 | 100.0 |
"""


FLIPPED = IDENTITY.replace('left = ["资金总额"]', 'left = ["财政资金", "自筹资金|单位自筹"]').replace(
    'right = ["财政资金", "自筹资金|单位自筹"]', 'right = ["资金总额"]'
)


@pytest.mark.parametrize("identity", [IDENTITY, FLIPPED], ids=["total-left", "total-right"])
def test_a_user_table_identity_is_checked_in_every_row(tmp_path, identity):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "tables.toml").write_text(identity, encoding="utf-8")
    report = tmp_path / "r.md"
    report.write_text(FUNDS, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(report), "--rules", str(rules), "--format", "json"])
    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.output)["files"][0]["findings"]
    assert (finding["code"], finding["stated"], finding["location"]) == ("FC401", "93", "表1 第3行第4列")


def test_without_the_user_identity_the_funds_table_is_not_summed(tmp_path):
    report = tmp_path / "r.md"
    report.write_text(FUNDS, encoding="utf-8")
    assert "FC401" not in CliRunner().invoke(app, ["check", str(report)]).output


def test_a_table_identity_needs_every_key(tmp_path):
    result = _run(tmp_path, '[[identity]]\nname = "x"\naxis = "columns"\nleft = ["a"]\n', "x\n", name="tables.toml")
    assert result.exit_code == 2 and "缺少键" in result.output and "right" in result.output
