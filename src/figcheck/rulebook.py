"""Reading the data in `rules/`: vocabularies, named rates, category sets and rule documentation.

The directory ships inside the wheel as `figcheck/rules`; in a source checkout it is the top-level
`rules/`. A user may add directories of their own (`figcheck check --rules DIR`): a file there with
the same name as a bundled one extends it — lists grow, tables gain entries, `[[rate]]` and
`[[category]]` lists gain items — after its keys and types are checked against the bundled file.
Everything here is data read with `tomllib`; nothing in a rule file is ever executed.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from figcheck import patterns

# Tables whose keys are free (new unit groups, aliases, qualifier words, counted nouns …); every
# other table has a fixed set of keys, and an unknown key in a user file is an error.
FREE_TABLES = frozenset(
    {
        "units.toml:units",
        "units.toml:aliases",
        "units.toml:families",
        "units.toml:not_followed_by",
        "units.toml:scales",
        "lexicon.toml:qualifiers.before",
        "lexicon.toml:qualifiers.before_verb",
        "lexicon.toml:qualifiers.inside",
        "lexicon.toml:qualifiers.after",
        "lexicon.toml:qualifiers.after_only_units",
        "lexicon.toml:qualifiers.after_not_followed_by",
        "lexicon.toml:dates.ordinal_after",
        "lexicon.toml:not_quantities.count_when_followed_by",
        "lexicon.toml:not_quantities.not_after",
        "cues.toml:counted_nouns",
        "years.toml:labels.aliases",
    }
)
EXTENSIBLE = frozenset(
    {
        "units.toml",
        "lexicon.toml",
        "cues.toml",
        "rates.toml",
        "categories.toml",
        "formulas.toml",
        "compositions.toml",
        "tables.toml",
        "years.toml",
    }
)


class RuleFileError(Exception):
    """A rule file that cannot be read or does not have the expected shape."""


@dataclass(frozen=True)
class Rulebook:
    """The rule data a run reads: the bundled `rules/` extended by the user's directories (--rules).

    Immutable and hashable: everything derived from it (vocabularies, compiled patterns) is computed
    once per rulebook by functions decorated with `derived`, and a run passes its rulebook down."""

    extra_dirs: tuple[Path, ...] = ()
    # Every derived vocabulary is looked up by the rulebook, once per figure or sentence: hash it once.
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((type(self), self.extra_dirs)))

    def __hash__(self) -> int:
        return self._hash

    def __getstate__(self) -> dict[str, Any]:  # a path's hash differs from process to process: never ship it
        return {name: value for name, value in self.__dict__.items() if name != "_hash"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def load(self, name: str) -> dict[str, Any]:
        """Parse `rules/<name>` once, extended by the user's files of that name (do not mutate)."""
        return _load(self, name)


BUNDLED = Rulebook()

# A memo of a pure function of a rulebook (and other immutable arguments): not configuration state.
derived = functools.cache


def open_rulebook(extra_dirs: list[str] | tuple[str, ...] = ()) -> Rulebook:
    """The rulebook with the user's rule directories; checks every file there now, so a malformed
    user file is reported at start, not halfway through the inputs."""
    directories = tuple(Path(d) for d in extra_dirs)
    for directory in directories:
        if not directory.is_dir():
            raise RuleFileError(f"{directory}: 规则目录不存在")
        for path in sorted(directory.glob("*.toml")):
            if path.name not in EXTENSIBLE:
                raise RuleFileError(f"{path}: 不能扩展此文件（可扩展：{'、'.join(sorted(EXTENSIBLE))}）")
    book = Rulebook(directories) if directories else BUNDLED
    for name in sorted(EXTENSIBLE):
        book.load(name)
    return book


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


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise RuleFileError(f"{path}: 无法读取（{exc.strerror or exc}）") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{path}: TOML 语法错误：{exc}") from None


@functools.cache
def _load(book: Rulebook, name: str) -> dict[str, Any]:
    data = _read(rules_dir() / name)
    for directory in book.extra_dirs:
        path = directory / name
        if path.is_file():
            data = _merge(data, _read(path), f"{path}", f"{name}:")
    return data


@functools.cache
def load_directory(name: str) -> dict[str, dict[str, Any]]:
    """Parse every `rules/<name>/*.toml`, by file stem in name order, without its cases. Bundled files only: a
    user's rule directory extends vocabularies and definitions, not the rules' documentation.

    A rule file's cases (`[[case]]`, four fifths of it) are for the test suite (tests/rule_cases.py reads them);
    TOML puts every top-level key before the first table, so what a run needs is the text before the first
    `[[case]]`, and parsing only that halves the start-up's TOML time."""
    return {stem: load_file(name, stem) for stem in file_stems(name)}


@functools.cache
def file_stems(name: str) -> tuple[str, ...]:
    """The stems of the bundled `rules/<name>/*.toml`, in name order: a rule's code is in its file's name."""
    directory = rules_dir() / name
    if not directory.is_dir():
        raise RuleFileError(f"{directory}: 规则目录不存在")
    return tuple(sorted(path.stem for path in directory.glob("*.toml")))


@functools.cache
def load_file(name: str, stem: str) -> dict[str, Any]:
    """One bundled rule file's documentation, `rules/<name>/<stem>.toml` up to its cases (parsed once; do not
    mutate)."""
    return _read_head(rules_dir() / name / f"{stem}.toml")


def _read_head(path: Path) -> dict[str, Any]:
    """A rule file's documentation: the file up to its first `[[case]]`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: 无法读取（{getattr(exc, 'strerror', None) or exc}）") from None
    head = _FIRST_CASE.split(text, maxsplit=1)[0]
    try:
        return tomllib.loads(head)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{path}: TOML 语法错误：{exc}") from None


_FIRST_CASE = re.compile(r"^\[\[case\]\]", re.MULTILINE)


def _merge(base: Any, extra: Any, path: str, key: str) -> Any:
    """Extend `base` with `extra`, raising RuleFileError (file and key) on what does not fit."""
    where = key.split(":", 1)[1] or "（顶层）"
    if isinstance(base, dict):
        if not isinstance(extra, dict):
            raise RuleFileError(f"{path}: 键 {where} 应为表（table）")
        merged = dict(base)
        free = key.rstrip(".") in FREE_TABLES
        for name, value in extra.items():
            child = f"{key}{name}" if key.endswith(":") else f"{key}.{name}"
            if name not in base:
                if not free:
                    raise RuleFileError(f"{path}: 未知的键 {child.split(':', 1)[1]}")
                sample = next(iter(base.values()), value)
                _same_type(sample, value, path, child)
                merged[name] = value
            else:
                merged[name] = _merge(base[name], value, path, child)
        return merged
    if isinstance(base, list):
        if not isinstance(extra, list):
            raise RuleFileError(f"{path}: 键 {where} 应为数组（array）")
        if base and isinstance(base[0], dict):  # [[rate]], [[category]]: each entry shaped like the bundled ones
            for entry in extra:
                _check_entry(base, entry, path, where)
            return base + extra
        for item in extra:
            _same_type(base[0] if base else item, item, path, key)
        return base + [item for item in extra if item not in base]
    _same_type(base, extra, path, key)
    return extra


def _check_entry(bundled: list[dict[str, Any]], entry: Any, path: str, where: str) -> None:
    if not isinstance(entry, dict):
        raise RuleFileError(f"{path}: {where} 的每一项应为表")
    allowed = set().union(*bundled)
    required = set.intersection(*(set(item) for item in bundled))
    for name in entry:
        if name not in allowed:
            raise RuleFileError(f"{path}: {where} 中未知的键 {name}")
        sample = next(item[name] for item in bundled if name in item)
        _same_type(sample, entry[name], path, f"x:{where}.{name}")
    missing = sorted(required - set(entry))
    if missing:
        raise RuleFileError(f"{path}: {where} 的一项缺少键 {'、'.join(missing)}")


def _same_type(sample: Any, value: Any, path: str, key: str) -> None:
    expected, name = type(sample), key.split(":", 1)[1]
    if expected is int and isinstance(value, bool) or not isinstance(value, expected):
        raise RuleFileError(f"{path}: 键 {name} 的类型应为 {_TYPE_NAMES.get(expected, expected.__name__)}")
    if isinstance(value, list) and value and isinstance(sample, list) and sample:
        element = type(sample[0])
        if any(not isinstance(item, element) for item in value):
            raise RuleFileError(f"{path}: 键 {name} 的元素类型应为 {_TYPE_NAMES.get(element, element.__name__)}")


_TYPE_NAMES = {str: "字符串", list: "数组", dict: "表", int: "整数", float: "数", bool: "布尔值"}


def alternation(words) -> str:
    """A regex alternation of literal words, the longest first: 「个工作日|个」 (no group around it)."""
    return "|".join(map(regex.escape, longest_first(list(words))))


def any_of(words) -> regex.Pattern[str]:
    """A pattern finding any of the words, compiled on first use; one finding nothing for no words (an empty
    alternation would match everywhere)."""
    return patterns.compile(alternation(words) or "(?!)")


def longest_first(words: list[str] | dict[str, Any]) -> list[str]:
    """Alternatives ordered so a regex alternation prefers the longest spelling (个工作日 before 个)."""
    return sorted(set(words), key=lambda word: (-len(word), word))
