"""The parts made faster for issue 16 keep their meaning: each against a plain reference written here."""

from __future__ import annotations

import dataclasses
import pickle
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from figcheck import patterns
from figcheck.checks.slips import _digit_bounds
from figcheck.checks.tolerance import Interval
from figcheck.layout import Spans, sentence_spans
from figcheck.pipeline import check_text
from figcheck.worker import Settings, check, check_packed, unpack

# -- patterns compiled when first used ---------------------------------------------------------------------


def test_a_lazy_pattern_finds_what_the_compiled_one_finds():
    lazy = patterns.compile(r"(?P<n>\d+)件")
    assert "search" not in vars(lazy)  # nothing compiled yet
    assert lazy.search("受理25件").group("n") == "25"
    assert "search" in vars(lazy)  # from now on the compiled pattern's own method
    assert [m.span() for m in lazy.finditer("1件2件")] == [(0, 2), (2, 4)]
    assert lazy.sub("#", "1件2件") == "##" and lazy.groups == 1 and lazy.pattern == r"(?P<n>\d+)件"


def test_a_lazy_pattern_pickles_as_its_source():
    copy = pickle.loads(pickle.dumps(patterns.compile("合计|共计", regex.IGNORECASE)))
    assert copy.search("收入合计").group() == "合计" and copy.flags & regex.IGNORECASE


def test_importing_the_pipeline_compiles_no_regex_pattern():
    # most of a cold start was compiling patterns a short report never uses (89 of 141 for the seed)
    program = (
        "import regex\n"
        "compiled = []\n"
        "original = regex.compile\n"
        "regex.compile = lambda *a, **k: compiled.append(a[0]) or original(*a, **k)\n"
        "import figcheck.pipeline, figcheck.run, figcheck.report\n"
        "print(len(compiled))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0", "a pattern compiled at import: write it with figcheck.patterns.compile"


# -- cue sentences found with the standard re ----------------------------------------------------------------


def _engine(pattern) -> type:
    """The class of the pattern a lazy pattern compiled to."""
    return type(pattern.search.__self__)


def test_only_a_plain_word_list_is_handed_to_the_standard_re():
    assert _engine(patterns.compile("其中|分别为|合\\|计")) is re.Pattern
    for own in ("[：:]", "其中|(?P<h>按.{1,3}分)", "(?<!年)合计", r"\p{Han}+", "(?i)total"):
        assert _engine(patterns.compile(own)) is regex.Pattern, own
    assert _engine(patterns.compile("其中|合计", regex.IGNORECASE)) is regex.Pattern  # flags are regex's


_WORDS = st.lists(st.text("其中合计共分别为甲乙|", min_size=1, max_size=4).filter(lambda w: "|" not in w), min_size=1)


@given(_WORDS, st.text("其中合计共分别为甲乙，。\n", max_size=60))
def test_a_word_list_finds_the_same_words_in_re_and_regex(words, text):
    source = "|".join(regex.escape(word) for word in words)
    own = regex.compile(source)
    assert [m.span() for m in patterns.compile(source).finditer(text)] == [m.span() for m in own.finditer(text)]


# -- sentence spans ----------------------------------------------------------------------------------------------


def _spans_by_hand(text: str) -> tuple[tuple[int, int], ...]:
    """A sentence runs to its end marks (。！？!? or line breaks); marks alone make no sentence."""
    spans, start, at = [], 0, 0
    while at < len(text):
        if text[at] in "。！？!?\n":
            mark = text[at] if text[at] == "\n" else "。"
            end = at
            while end < len(text) and (text[end] == "\n" if mark == "\n" else text[end] in "。！？!?"):
                end += 1
            if at > start:
                spans.append((start, end))
            start = at = end
        else:
            at += 1
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


@given(st.text("甲1。！？!?\n ", max_size=40))
def test_sentence_spans_end_at_their_marks(text):
    assert sentence_spans(text) == _spans_by_hand(text)


@given(st.text("甲1。！？!?\n ", max_size=40))
def test_a_layouts_sentences_are_the_same_spans_in_two_arrays(text):
    spans = Spans(text)
    expected = _spans_by_hand(text)
    assert len(spans) == len(expected)
    assert tuple(spans) == expected
    assert [spans[index] for index in range(len(spans))] == list(expected)
    assert list(spans.ends) == [end for _, end in expected]


# -- slips: integer bounds instead of a fraction per candidate --------------------------------------------


_BOUND = st.one_of(st.none(), st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=1000))


@given(_BOUND, _BOUND, st.sampled_from([1, 10**4, 10**8]), st.integers(0, 3), st.integers(0, 10**7))
def test_digit_bounds_keep_exactly_the_values_within_one_last_place(lo, hi, scale, places, digits):
    near = Interval(lo, hi)
    slack = Fraction(scale, 10**places)
    low, high = _digit_bounds(near, scale, places)
    # the drawn digits, and the bounds themselves and their neighbours, where an off-by-one would show
    for candidate in {digits, *(bound + step for bound in (low, high) if bound is not None for step in (-1, 0, 1))}:
        value = Fraction(candidate, 10**places) * scale
        within = (lo is None or value >= lo - slack) and (hi is None or value <= hi + slack)
        kept = (low is None or candidate >= low) and (high is None or candidate <= high)
        assert kept == within, candidate


# -- --jobs: results shipped compressed -------------------------------------------------------------------------


def test_a_packed_result_is_the_result(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("全年受理申请1620件，其中区县受理1207件、市本级受理412件。" * 50, encoding="utf-8")
    job = (str(path), Settings())
    packed = check_packed(job)
    assert unpack(packed)[0] == check(job)
    assert 0 < unpack(packed)[1] < 60  # the seconds the check took
    assert len(packed) < len(pickle.dumps(check(job))) / 2  # the repeated text compresses
    result = unpack(packed)[0]
    assert result.findings[0].code == "FC103" and result.findings[0].stated.value == Decimal(1620)


# -- rules read one by one -----------------------------------------------------------------------------------


def test_a_rule_read_alone_is_the_rule_read_with_all():
    from figcheck import registry

    assert registry.codes() == tuple(registry.rules())
    assert all(registry.rule(code) == rule for code, rule in registry.rules().items())
    with pytest.raises(KeyError):
        registry.rule("FC999")


# -- plain Arabic numerals read without tokens ---------------------------------------------------------------


@given(st.from_regex(r"\A[0-9]{1,30}(\.[0-9]{1,8})?\Z"))
def test_a_plain_arabic_numeral_reads_as_the_token_walk_reads_it(core):
    from figcheck.figures import numerals

    by_tokens = None
    if sum(ch.isdigit() for ch in core) <= numerals.MAX_DIGITS:
        walked = numerals._walk(numerals._tokens(core), spoken=False)
        by_tokens = numerals._normal(walked[0]), numerals._normal(walked[1])
    read = numerals.parse_core.__wrapped__(core)
    assert read == by_tokens
    assert read is None or [str(part) for part in read] == [str(part) for part in by_tokens]


# -- figcheck figures lists figures without checking them -----------------------------------------------------


def test_listing_figures_checks_nothing(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import figcheck.pipeline
    from figcheck.cli import app

    def no_claims(*args, **kwargs):
        raise AssertionError("figcheck figures looked for claims")

    monkeypatch.setattr(figcheck.pipeline, "find_claims", no_claims)
    report = tmp_path / "r.txt"
    report.write_text("全年受理申请1620件，其中区县受理1207件。", encoding="utf-8")
    result = CliRunner().invoke(app, ["figures", str(report)])
    assert result.exit_code == 0, result.output
    assert "1620件  = 1620 件" in result.output and "2 个数字" in result.output


def test_a_figure_pickles_to_itself():
    from figcheck.figures import find_figures

    figures = find_figures("约1.2亿元，15%~20%，三分之二，负3.5万人，二十余件")
    assert len(figures) == 5 and pickle.loads(pickle.dumps(figures)) == figures
    assert [type(f.value) for f in pickle.loads(pickle.dumps(figures))] == [type(f.value) for f in figures]
    fields = [field.name for field in dataclasses.fields(figures[0])]
    assert list(figures[0].__reduce__()[1]) == [getattr(figures[0], name) for name in fields]  # every field, in order


# -- repeated statements: word lists tested by one pattern -------------------------------------------------


def _fresh_repeat_cues():
    from figcheck.claims import repeat
    from figcheck.rulebook import BUNDLED

    return repeat._cues.__wrapped__(BUNDLED)  # built here, not the cached one: a mutant of the builder shows


def test_the_repeat_word_lists_find_their_words_and_only_them():
    cues = _fresh_repeat_cues()
    assert cues.planning.search("力争全年受理") and not cues.planning.search("全年受理")
    assert cues.aggregate.search("累计受理") and not cues.aggregate.search("全年受理")
    assert cues.any_scope.search("市本级受理") and not cues.any_scope.search("共受理")
    assert cues.any_sub_period.search("上半年受理") and not cues.any_sub_period.search("半年受理")


def test_a_label_names_its_longest_scope_and_its_part_of_the_year():
    from figcheck.claims.repeat import _period, _scope

    cues = _fresh_repeat_cues()
    assert (
        _scope(cues, "全市市本级受理") == "市本级" and _scope(cues, "全区受理") == "全区" and _scope(cues, "受理") == ""
    )
    assert _period(cues, "第一季度受理") == "第一季度" and _period(cues, "上半年受理") == "上半年"
    assert _period(cues, "全年受理") == "own" and _period(cues, "受理") == ""


def test_a_statement_is_compared_with_the_earlier_one_of_its_own_year():
    # 2023's figure comes first and is of another year: the 2024 statements are compared with each other
    text = "全区2023年共受理行政复议案件60件。全区2024年共受理行政复议案件60件。全区2024年共受理行政复议案件61件。"
    repeats = [f for f in check_text(text).results if f.code.startswith("FC5")]
    assert [(f.passed, f.stated.raw) for f in repeats] == [(False, "61件")]


# -- memory: what one sentence of sums costs at the peak of a check ---------------------------------------------


def test_a_findings_computed_strings_are_shared():
    from figcheck.checks.shown import exact_text, in_scale_of

    # every finding keeps them, passed ones too, and they repeat (0, 100, 25)
    assert exact_text(Fraction(10)) is exact_text(Fraction(10))
    figure = check_text("共3.12亿元").figures[0]
    assert in_scale_of(Fraction(312000000), figure) is in_scale_of(Fraction(312000000), figure) == "3.12亿"


def test_a_sentence_of_small_sums_costs_under_two_kilobytes_at_the_peak():
    # the 8 MB line of the issue is 166,666 such sentences; with 2,056 bytes a sentence it peaked over 400 MB
    import tracemalloc

    check_text("全年受理10件，其中甲5件、乙5件。")
    text = "全年受理10件，其中甲5件、乙5件。" * 2000
    tracemalloc.start()
    try:
        result = check_text(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(result.passed) == 2000
    assert peak / 2000 < 1950
