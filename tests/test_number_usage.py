"""The GB/T 15835 usage notes (claims/number_usage.py): each note stands on the number as written and carries the
value it writes (the JSON report's `stated`), so a note can be found and sorted like any figure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from figcheck.pipeline import check_text
from figcheck.report import message, suggestion


def _notes(text: str, code: str) -> list[tuple[str, Decimal, str, str]]:
    found = [f for f in check_text(text, "<text>").findings if f.code == code]
    return [(f.stated.raw, f.stated.value, f.stated.unit, suggestion(f, "zh")) for f in found]


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("’30年和’31年", "FC611", [("’30年", 2030, "", "改为「2030年」"), ("’31年", 1931, "", "改为「1931年」")]),
        ("二0二四年三月", "FC612", [("二0二四", 2024, "", "改为「2024」")]),
        ("接待游客3千人次。", "FC612", [("3千", 3000, "", "改为「3000」")]),
        ("里程增加到2万5千公里。", "FC612", [("2万5千", 25000, "", "改为「2.5万」")]),
        ("新增装机2万5千瓦，里程增加到2万5千公里。", "FC612", [("2万5千", 25000, "", "改为「2.5万」")]),
        ("建成750千伏线路，接待游客3千人次。", "FC612", [("3千", 3000, "", "改为「3000」")]),
        # the clause's comma after the number is no part of it
        ("受理申请共计１２，办结１０。", "FC613", [("１２", 12, "", "改为「12」")]),
        ("平均用时１２．５天。", "FC613", [("１２．５", Decimal("12.5"), "", "改为「12.5」")]),
        # grouped by thousands, with a full-width comma or an ASCII one: the value reads through the commas
        ("服务１２，３４５人次。", "FC613", [("１２，３４５", 12345, "", "改为「12,345」")]),
        ("服务１２,３４５人次。", "FC613", [("１２,３４５", 12345, "", "改为「12,345」")]),
        # a tie: the grouped one is noted
        ("投资12,345万元，上年为11987万元。", "FC614", [("12,345", 12345, "", "统一分节写法，如「12345」")]),
        # the note stands on the digits, not on the qualifier or the scale word
        (
            "约12,345万元，上年为11987万元，服务20000人次。",
            "FC614",
            [("12,345", 12345, "", "统一分节写法，如「12345」")],
        ),
        (
            "共5项，投资12,345万元，上年为11987万元，服务20000人次。",
            "FC614",
            [("12,345", 12345, "", "统一分节写法，如「12345」")],
        ),
        ("下降3-5‰。", "FC610", [("3-5‰", 3, "‰", "改为「3‰~5‰」")]),
        ("全年审结案件12件，其中撤诉三件。", "FC615", [("三件", 3, "件", "改为「3件」")]),
        ("约10人参加，审结案件12件，其中撤诉三件。", "FC615", [("三件", 3, "件", "改为「3件」")]),
        ("过去五年，审结案件12件，其中撤诉三件。", "FC615", [("三件", 3, "件", "改为「3件」")]),
    ],
)
def test_a_note_names_the_number_and_its_value(text, code, expected):
    assert _notes(text, code) == expected


def test_a_separators_note_counts_the_numbers_written_the_rarer_way():
    text = "投资12,345万元、23,456万元，上年为11987万元、22222万元、33333万元。"
    (note,) = [f for f in check_text(text, "<text>").findings if f.code == "FC614"]
    assert "有 2 处" in message(note, "zh") and note.stated.raw == "12,345"


def test_a_table_before_the_prose_leaves_the_prose_read():
    text = "| 项目 | 金额 |\n|---|---|\n| 投资 | 12,345 |\n\n全年投资12,345万元，上年为11987万元，服务20000人次。\n"
    notes = [f for f in check_text(text, "<text>.md").findings if f.code == "FC614"]
    assert [(f.stated.raw, f.stated.start > text.index("全年")) for f in notes] == [("12,345", True)]
