"""Laws of the numeral reader: written forms read back exactly; spans are honest; nothing overlaps."""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from figcheck.figures import find_figures

UNITS = ["件", "人", "个", "项", "吨", "公里", "人次", "户"]
SETTINGS = settings(max_examples=examples(300), deadline=None)
integers = st.integers(min_value=1, max_value=10**13 - 1)


def _only_figure(sentence: str):
    figures = find_figures(sentence)
    assert len(figures) == 1, (sentence, [(f.raw, f.value_text) for f in figures])
    return figures[0]


def _liang(numeral: str) -> str:
    """两 for 二 before 千, 万, 亿 (两千零二十, 两万): the spoken form."""
    return "".join(
        "两"
        if ch == "二" and numeral[i + 1 : i + 2] in ("千", "万", "亿") and (i == 0 or numeral[i - 1] != "十")
        else ch
        for i, ch in enumerate(numeral)
    )


@SETTINGS
@given(integers, st.sampled_from(UNITS), st.sampled_from(["plain", "liang", "ling"]))
def test_chinese_integers_read_back(n, unit, variant):
    numeral = cn2an.an2cn(n)
    if variant == "liang":
        numeral = _liang(numeral)
    elif variant == "ling":
        numeral = numeral.replace("零", "〇")
    figure = _only_figure(f"全年共完成{numeral}{unit}，")
    assert figure.value == n and figure.unit == unit and figure.raw == numeral + unit


@SETTINGS
@given(integers, st.sampled_from(UNITS), st.booleans())
def test_arabic_integers_read_back(n, unit, separators):
    written = f"{n:,}" if separators else str(n)
    figure = _only_figure(f"全年共完成{written}{unit}，")
    assert figure.value == n and figure.raw == written + unit


@SETTINGS
@given(
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=0, max_value=4),
    st.sampled_from([("万", 10**4), ("亿", 10**8)]),
    st.sampled_from(["元", "人", "吨"]),
)
def test_scaled_decimals_read_back_exactly(mantissa, decimals, scale, unit):
    word, factor = scale
    amount = Decimal(mantissa).scaleb(-decimals)
    written = format(amount, "f")
    figure = _only_figure(f"实现{written}{word}{unit}。")
    assert figure.value == amount * factor and figure.unit == unit
    assert figure.resolution == Decimal(1).scaleb(-decimals) * factor


FRAGMENTS = st.sampled_from(
    [
        "全年",
        "共",
        "其中",
        "受理",
        "件",
        "个",
        "人次",
        "万",
        "亿",
        "元",
        "%",
        "％",
        "，",
        "。",
        "、",
        "（",
        "）",
        "约",
        "近",
        "余",
        "多",
        "以上",
        "不足",
        "第",
        "年",
        "月",
        "日",
        "号",
        "〔",
        "〕",
        "“",
        "”",
        "·",
        "-",
        "~",
        "至",
        "百分之",
        "分之",
        "点",
        "零",
        "〇",
        "一",
        "二",
        "两",
        "三",
        "十",
        "百",
        "千",
        "几",
        "半",
        "成",
        "倍",
        "番",
        "翻",
        "统一",
        "一是",
        "12345",
        "2019",
        "3.5",
        "1,234",
        "０",
        "５",
        "PM",
        "G",
        " ",
        "\n",
        "\u2009",
    ]
)
report_like = st.lists(FRAGMENTS | st.integers(min_value=0, max_value=99999).map(str), max_size=40).map("".join)


def _honest(text: str) -> None:
    figures = find_figures(text)
    previous_end = 0
    for figure in figures:
        assert text[figure.start : figure.end] == figure.raw
        assert previous_end <= figure.start < figure.end
        previous_end = figure.end
        assert figure.value_text  # every value can be written out exactly


@settings(max_examples=examples(400), deadline=None)
@given(report_like)
def test_spans_are_honest_on_report_like_text(text):
    _honest(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=60))
def test_spans_are_honest_on_any_text(text):
    _honest(text)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**16 - 1), st.sampled_from(["plain", "ling", "ten"]))
def test_chinese_integers_read_as_cn2an_reads_them(n, variant):
    """cn2an is the oracle of our own reader (it is not imported at run time: figures/numerals.py)."""
    from figcheck.figures.numerals import parse_core

    numeral = cn2an.an2cn(n)
    if variant == "ling":
        numeral = numeral.replace("零", "〇")
    elif variant == "ten" and numeral.startswith("十"):
        numeral = "一" + numeral  # 一十五: the written form of 十五
    oracle = cn2an.cn2an(numeral.replace("〇", "零"), "normal")
    parsed = parse_core(numeral)
    assert parsed is not None and parsed[0] == oracle == n, (numeral, parsed, oracle)


def test_checking_a_report_does_not_import_cn2an(tmp_path):
    import subprocess
    import sys

    report = tmp_path / "r.txt"
    report.write_text(
        "全年办理行政复议案件三千六百七十五件，其中维持二千件、撤销一千六百七十五件。\n", encoding="utf-8"
    )
    probe = (
        "import sys\nfrom figcheck.cli import main\nsys.argv = ['figcheck', 'check', sys.argv[1], '--jobs', '1']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('cn2an' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(report)], capture_output=True, text=True, timeout=120)
    assert "核验通过的关系 1" in done.stdout, done.stdout
    assert done.stderr.strip().endswith("False"), done.stderr
