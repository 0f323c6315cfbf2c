"""FC308's arithmetic as shown: the parts' changes with their own signs, and their sum signed once."""

from __future__ import annotations

import pytest

from conftest import check_text

FALL = (
    "年末参加基本医疗保险人数445.97万人，比上年减少{total}万人。其中，参加职工基本医疗保险人数33.03万人，"
    "增加0.90万人；参加城乡居民基本医疗保险人数412.94万人，减少7.32万人。"
)
RISE = (
    "全年一般公共预算收入25.6亿元，比上年增收{total}亿元。其中，税收收入16.4亿元，增收0.8亿元；"
    "非税收入9.2亿元，增收1.3亿元。"
)


@pytest.mark.parametrize(
    ("text", "passed", "formula"),
    [
        (FALL.format(total="6.42"), True, "0.90万 − 7.32万 = −6.42万"),  # was 「= −-6.42万」
        (FALL.format(total="5.42"), False, "0.90万 − 7.32万 = −6.42万"),
        (RISE.format(total="2.1"), True, "0.8亿 + 1.3亿 = 2.1亿"),
    ],
    ids=["fall-holds", "fall-fails", "rise-holds"],
)
def test_the_sum_of_the_changes_is_signed_once(text, passed, formula):
    found = [result for result in check_text(text).results if result.code == "FC308"]
    assert [(result.passed, result.formula) for result in found] == [(passed, formula)]
