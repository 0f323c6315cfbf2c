"""Reading the data in `rules/`: vocabularies, named rates, category sets and rule documentation.

The directory ships inside the wheel as `figcheck/rules`; in a source checkout it is the top-level
`rules/`. Everything here is data read with `tomllib` — nothing in a rule file is ever executed.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any


class RuleFileError(Exception):
    """A rule file that cannot be read or does not have the expected shape."""


@functools.cache
def rules_dir() -> Path:
    """Where the bundled rule data lives (installed wheel first, then the source checkout)."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleFileError(f"找不到规则目录（查找了 {packaged} 与 {checkout}）")


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Parse `rules/<name>` (a TOML file) once per process."""
    path = rules_dir() / name
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise RuleFileError(f"{path}: 无法读取（{exc.strerror or exc}）") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{path}: TOML 语法错误：{exc}") from None


def longest_first(words: list[str] | dict[str, Any]) -> list[str]:
    """Alternatives ordered so a regex alternation prefers the longest spelling (个工作日 before 个)."""
    return sorted(set(words), key=lambda word: (-len(word), word))
