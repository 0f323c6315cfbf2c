"""Module-level patterns compiled when first used, not when their module is imported.

Compiling is most of figcheck's start-up: the `regex` module parses a pattern in Python, and the modules of a
check define about a hundred patterns, of which checking a short report uses about half (52 of 141 for the seed
report). `patterns.compile` returns a stand-in that compiles on its first use and from then on hands out the
compiled pattern's own methods, so a search costs what it costs on a compiled pattern.
"""

from __future__ import annotations

from typing import Any

import regex

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer", "scanner")
_ATTRIBUTES = ("pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """A `regex` pattern compiled on first use (see the module's docstring)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = (source, flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for a name not yet in the instance: the first use. Compile and keep the pattern's
        # methods and attributes on the instance, where every later lookup finds them directly.
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        compiled = regex.compile(*self._source)
        for attribute in _METHODS + _ATTRIBUTES:
            self.__dict__[attribute] = getattr(compiled, attribute)
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        return LazyPattern, self._source

    def __repr__(self) -> str:
        return f"patterns.compile({self._source[0]!r})"


def compile(source: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 — it reads as regex.compile does
    """A pattern compiled by `regex` when first used."""
    return LazyPattern(source, flags)  # type: ignore[return-value]
