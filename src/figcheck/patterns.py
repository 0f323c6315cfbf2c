"""Module-level patterns compiled when first used, not when their module is imported.

Compiling is most of figcheck's start-up: the `regex` module parses a pattern in Python, and the modules of a
check define about a hundred patterns, of which checking a short report uses about half (52 of 141 for the seed
report). `patterns.compile` returns a stand-in that compiles on its first use and from then on hands out the
compiled pattern's own methods, so a search costs what it costs on a compiled pattern.

A plain word list (「其中|分别为|合计」: literal words, escapes allowed, joined by |) is compiled by the standard
`re`, which skips to the next word of a literal alternation four times as fast as `regex` (0.02 s against 0.09 s
over the corpus reports): searching whole documents for cue words is most of what finding cue sentences costs.
Any other pattern is `regex`'s: `re` is slower on some (lazy classes in an alternation) and reads some
differently (\\p{Han}, variable-width lookbehind).
"""

from __future__ import annotations

import re
from typing import Any

import regex

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer", "scanner")
_WORD = r"(?:[^.^$*+?{}\[\]()\\|]|\\.)+"
_WORD_LIST = re.compile(rf"{_WORD}(?:\|{_WORD})*")
_ATTRIBUTES = ("pattern", "flags", "groups", "groupindex")


def _compiled(source: str, flags: int, by_re: bool = False) -> regex.Pattern[str] | re.Pattern[str]:
    if by_re:
        return re.compile(source, flags)
    if not flags and _WORD_LIST.fullmatch(source):
        try:
            return re.compile(source)
        except re.error:  # an escape re does not know: regex reads it
            pass
    return regex.compile(source, flags)


class LazyPattern:
    """A pattern compiled on first use, by `re` or `regex` (see the module's docstring)."""

    def __init__(self, source: str, flags: int = 0, by_re: bool = False) -> None:
        self._source = (source, flags, by_re)

    def __getattr__(self, name: str) -> Any:
        # Called only for a name not yet in the instance: the first use. Compile and keep the pattern's
        # methods and attributes on the instance, where every later lookup finds them directly.
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        compiled = _compiled(*self._source)
        for attribute in _METHODS + _ATTRIBUTES:
            if hasattr(compiled, attribute):  # re has no splititer
                self.__dict__[attribute] = getattr(compiled, attribute)
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[type, tuple[str, int, bool]]:
        return LazyPattern, self._source

    def __repr__(self) -> str:
        return f"patterns.compile({self._source[0]!r})"


def compile(source: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 — it reads as regex.compile does
    """A pattern compiled when first used."""
    return LazyPattern(source, flags)  # type: ignore[return-value]


def compile_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled by the standard re when first used: for a pattern of plain character classes that re
    scans faster than regex (measured where used); `flags` are re's."""
    return LazyPattern(source, flags, by_re=True)  # type: ignore[return-value]


# A Chinese character: the one pattern half the stages ask (a heading's words, a label, a unit after a figure).
HAN = compile(r"\p{Han}")
