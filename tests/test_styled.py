"""The terminal report's lines without rich (report/styled.py, report/console.py) against rich itself.

A line built by the same steps as a Styled and as rich's Text must print the same characters and, coloured, the
same escapes; written plain it must be what rich writes with colour off; and a plain report loads no rich.
"""

from __future__ import annotations

import io
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from figcheck.report.console import PlainConsole, RichConsole, fold
from figcheck.report.styled import Styled

CHARACTERS = st.sampled_from(list("ab 1,.%　中文，）。\t\r\x07\x0b\x0c\x08│"))
WORDS = st.text(CHARACTERS, max_size=12)
STYLES = st.sampled_from(["", "bold", "red", "dim", "bold yellow"])

# One step of building a line, applied alike to a Styled and to rich's Text.
STEPS = st.one_of(
    st.tuples(st.just("append"), WORDS, STYLES),
    st.tuples(st.just("stylize"), STYLES, st.integers(0, 20), st.integers(0, 20)),
    st.tuples(st.just("add"), WORDS, STYLES),
    st.tuples(st.just("rstrip")),
    st.tuples(st.just("slice"), st.integers(0, 6)),
)


def _built(kind, first: str, base: str, steps):
    line = kind(first, style=base)
    for step in steps:
        if step[0] == "append":
            line.append(step[1], step[2])
        elif step[0] == "stylize":
            line.stylize(step[1], step[2], step[3])
        elif step[0] == "add":
            line = line + kind(step[1], style=step[2])
        elif step[0] == "rstrip":
            line.rstrip()
        else:
            line = line[step[1] :]
    return line


def _rich_output(line, colored: bool) -> str:
    out = io.StringIO()
    console = Console(
        file=out, force_terminal=colored, color_system="standard" if colored else None, width=10_000,
        soft_wrap=True, highlight=False, emoji=False, markup=False,
    )  # fmt: skip
    console.print(line)
    return out.getvalue()


@given(WORDS, STYLES, st.lists(STEPS, max_size=6))
def test_a_line_prints_as_the_same_rich_text_would(first, base, steps):
    ours, theirs = _built(Styled, first, base, steps), _built(Text, first, base, steps)
    assert ours.plain == theirs.plain
    assert _rich_output(ours.to_rich(), colored=True) == _rich_output(theirs, colored=True)


@given(WORDS, STYLES, st.lists(STEPS, max_size=6), st.lists(st.integers(0, 30), max_size=3))
def test_divided_as_rich_divides(first, base, steps, offsets):
    ours, theirs = _built(Styled, first, base, steps), _built(Text, first, base, steps)
    cuts = sorted(min(offset, len(ours.plain)) for offset in offsets)
    for mine, rich_piece in zip(ours.divide(cuts), theirs.divide(cuts), strict=True):
        assert _rich_output(mine.to_rich(), colored=True) == _rich_output(rich_piece, colored=True)


@given(st.lists(st.one_of(WORDS, st.builds(Styled, WORDS, STYLES)), max_size=5))
def test_written_plain_as_rich_writes_without_colour(lines):
    out = io.StringIO()
    console = PlainConsole(out)
    for line in lines:
        console.print(line)
    expected = "".join(_rich_output(line.to_rich() if isinstance(line, Styled) else line, False) for line in lines)
    assert out.getvalue() == expected


def test_a_tab_is_expanded_as_rich_expands_it():
    out = io.StringIO()
    PlainConsole(out).print(Styled("中文\t1"))
    assert out.getvalue() == "中文    1\n"  # to the next stop of 8 cells after two wide characters


def test_a_coloured_console_writes_escapes_and_a_plain_one_none():
    coloured, plain = io.StringIO(), io.StringIO()
    RichConsole(coloured, colored=True, width=None).print(Styled("合计", style="bold"))
    PlainConsole(plain).print(Styled("合计", style="bold"))
    assert "\x1b[1m" in coloured.getvalue()
    assert plain.getvalue() == "合计\n"


def test_folded_lines_keep_their_spans():
    line = Styled("甲乙丙丁").append("12.5%", "bold red")
    folded = fold(line, 8)
    assert [piece.plain for piece in folded] == ["甲乙丙丁", "12.5%"]
    assert folded[1].spans == [(0, 5, "bold red")]


def test_a_plain_check_of_one_file_loads_neither_rich_nor_what_other_runs_need(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("全年受理10件，其中甲4件、乙5件。\n", encoding="utf-8")
    code = (
        "import sys\nfrom figcheck.cli import main\nsys.argv = ['figcheck', 'check', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "unwanted = ('rich', 'ctypes', 'sqlite3', 'dask', 'distributed', 'multiprocessing', 'concurrent',"
        " 'figcheck.years.facts', 'figcheck.years.check')\n"
        "loaded = {name.split('.')[0] for name in sys.modules} | set(sys.modules)\n"
        "print(sorted(loaded & set(unwanted)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(report)], capture_output=True, text=True, env={"PATH": "/usr/bin"}
    )
    assert "4 + 5 = 9 ≠ 10件" in done.stdout
    assert done.stderr.strip().endswith("[]"), done.stderr  # colour, threads, stores, clusters, pools, years: not here
