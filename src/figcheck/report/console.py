"""The terminal: whether to colour, and how wide to wrap.

`--color auto` colours only a terminal, and honours the conventions: NO_COLOR (https://no-color.org) turns every
escape off — bold and dim too, not only colours — and FORCE_COLOR turns them on in a pipe (a CI log that shows
colours). `always` and `never` override both. Lines are wrapped to the terminal's width, or to COLUMNS when it is
set; a report written to a file or a pipe is not wrapped, so each line stays whole for grep.
"""

from __future__ import annotations

import os
import shutil
from typing import IO

from figcheck.report.styled import Styled, without_control_codes

COLORS = ("auto", "always", "never")
GUTTER = "  │ "
_NO_LINE_START = frozenset("，。、；：！？）》」』”’%,.;:!?)")


class PlainConsole:
    """Lines written as they are, for a file or a pipe without colour: what rich writes then, without rich (see
    report/styled.py). A line with a tab goes to rich, which expands tabs by the cell widths before them."""

    width = None

    def __init__(self, out: IO[str]) -> None:
        self._out = out
        self._rich: RichConsole | None = None

    def print(self, line: Styled | str, soft_wrap: bool | None = None) -> None:
        plain = line.plain if isinstance(line, Styled) else without_control_codes(line)
        if "\t" not in plain:
            self._out.write(plain + "\n")
            return
        if self._rich is None:
            self._rich = RichConsole(self._out, colored=False, width=None)
        self._rich.print(line)


class RichConsole:
    """Lines written by rich: coloured, or wrapped to `width` cells (None: not wrapped)."""

    def __init__(self, out: IO[str], colored: bool, width: int | None) -> None:
        from rich.console import Console

        self.width = width
        self._console = Console(
            file=out,
            force_terminal=colored,
            no_color=False,
            color_system=("auto" if _is_terminal(out) else "standard") if colored else None,
            width=width or 10_000,
            soft_wrap=width is None,
            highlight=False,
            emoji=False,
            markup=False,
        )

    def print(self, line: Styled | str, soft_wrap: bool | None = None) -> None:
        """Print one line; `soft_wrap=True` for a line already folded (rich wraps the others itself)."""
        self._console.print(line.to_rich() if isinstance(line, Styled) else line, soft_wrap=soft_wrap)


Console = PlainConsole | RichConsole


def wants_color(choice: str, out: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_terminal(out)


def wrap_width(out: IO[str]) -> int | None:
    """The width to wrap to: COLUMNS when set, else the terminal's; None (no wrapping) for a file or a pipe."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 20:
        return int(columns)
    if _is_terminal(out):
        return max(20, shutil.get_terminal_size().columns)
    return None


def console_for(out: IO[str], color: str = "auto") -> Console:
    colored = wants_color(color, out)
    width = wrap_width(out)
    return RichConsole(out, colored, width) if colored or width else PlainConsole(out)


def print_guttered(console: Console, text: Styled, style: str = "dim") -> None:
    """Print `text` behind the gutter 「  │ 」, wrapped so that every continuation line keeps the gutter."""
    if console.width is None:
        console.print(Styled.assemble((GUTTER, style), text))
        return
    for line in fold(text, max(10, console.width - len(GUTTER))):
        console.print(Styled.assemble((GUTTER, style), line), soft_wrap=True)


def print_wrapped(console: Console, text: Styled, indent: str = "") -> None:
    """Print `text` wrapped to the console's width, continuation lines after `indent`."""
    if console.width is None:
        console.print(text)
        return
    lines = fold(text, console.width, max(10, console.width - len(indent)))
    for number, line in enumerate(lines):
        console.print(Styled(indent) + line if number else line, soft_wrap=True)


def fold(text: Styled, width: int, later: int | None = None) -> list[Styled]:
    """`text` cut into lines of at most `width` terminal cells (`later` for the lines after the first). Chinese
    breaks between any two characters, but a number or a Latin word (18.093%, FC101) is not cut unless it is longer
    than a line; spaces at a break are dropped."""
    from rich.cells import cell_len  # wrapping is for a terminal, where rich writes: measured as rich measures

    plain, cuts = text.plain, []
    line_start, used, limit, index = 0, 0, width, 0
    while index < len(plain):
        size = cell_len(plain[index])
        if used + size <= limit or index == line_start:
            used += size
            index += 1
            continue
        back = index
        while back > line_start and _unbroken(plain[back - 1]) and _unbroken(plain[index]):
            back -= 1
        cut = back if back > line_start else index
        if plain[cut] in _NO_LINE_START and cut - 1 > line_start:  # 「，」「）」 never begin a line (禁则)
            cut -= 1
        cuts.append(cut)
        line_start, used, limit, index = cut, 0, later or width, cut
    lines: list[Styled] = []
    for line in text.divide(cuts):
        line.rstrip()
        lead = len(line.plain) - len(line.plain.lstrip(" "))
        lines.append(line[lead:] if lead and lines else line)
    return lines


def _unbroken(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".%,-+/~:")


def _is_terminal(out: IO[str]) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False
