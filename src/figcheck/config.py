"""Configuration: `[tool.figcheck]` in pyproject.toml, or figcheck.toml / .figcheck.toml.

Found by walking up from the first checked path (or from the current directory for stdin), or named
with --config. Command-line flags override the file. Every key and value is checked: an unknown key
or a bad value stops the run with a message naming the file and the key.

    [tool.figcheck]
    select = ["FC1", "FC2"]          # codes or prefixes to report (default: all)
    ignore = ["FC103"]               # codes or prefixes never reported
    fail-on = "warning"              # lowest severity that fails the run: error | warning | info
    rules = ["my-rules"]             # extra rule directories (relative to the file)
    exclude = ["drafts/**"]          # glob patterns of paths not checked when walking directories
    accept-truncation = true         # accept truncated figures (40.54% written 40%) as well as rounded
    [tool.figcheck.per-file-ignores]
    "reports/2019/*.md" = ["FC501"]
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}
FILE_NAMES = ("figcheck.toml", ".figcheck.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rules: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str = "warning"
    accept_truncation: bool = True
    source: str = ""
    base: Path = field(default_factory=Path.cwd)

    def reports(self, code: str, path: str) -> bool:
        """Whether a finding with `code` in `path` is reported at all."""
        if self.select and not code.startswith(self.select):
            return False
        if code.startswith(self.ignore) if self.ignore else False:
            return False
        relative = _relative(path, self.base)
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(relative, pattern) and code.startswith(codes):
                return False
        return True

    def excluded(self, path: str) -> bool:
        relative = _relative(path, self.base)
        return any(
            fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(path).name, pattern) for pattern in self.exclude
        )

    def fails(self, severity: str) -> bool:
        return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[self.fail_on]


def _relative(path: str, base: Path) -> str:
    try:  # abspath, not resolve: a symlink loop must not stop the run
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(base)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def discover(start: str) -> Path | None:
    """The nearest configuration file at or above `start`."""
    here = Path(os.path.abspath(start))
    if not os.path.isdir(here):
        here = here.parent
    for directory in (here, *here.parents):
        for name in FILE_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "figcheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return True  # let load() report what is wrong with it


def load(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取（{exc.strerror or exc}）") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: 不是 UTF-8 文本") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML 语法错误：{exc}") from None
    table = data.get("tool", {}).get("figcheck", {}) if path.name == "pyproject.toml" else data
    prefix = "tool.figcheck." if path.name == "pyproject.toml" else ""
    return _parse(table, path, prefix)


def _strings(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {key} 应为字符串数组")
    return tuple(value)


def _parse(table: dict[str, Any], path: Path, prefix: str) -> Config:
    config = Config(source=str(path), base=path.parent)
    for name, value in table.items():
        key = prefix + name
        if name in ("select", "ignore", "exclude"):
            config = replace(config, **{name: _strings(value, path, key)})
        elif name == "rules":
            config = replace(config, rules=tuple(str((path.parent / d).resolve()) for d in _strings(value, path, key)))
        elif name == "fail-on":
            if value not in SEVERITY_ORDER:
                raise ConfigError(f"{path}: {key} 应为 error、warning 或 info 之一，而不是 {value!r}")
            config = replace(config, fail_on=value)
        elif name == "accept-truncation":
            if not isinstance(value, bool):
                raise ConfigError(f"{path}: {key} 应为 true 或 false")
            config = replace(config, accept_truncation=value)
        elif name == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: {key} 应为表（pattern = [codes]）")
            pairs = tuple((pattern, _strings(codes, path, f"{key}.{pattern}")) for pattern, codes in value.items())
            config = replace(config, per_file_ignores=pairs)
        else:
            raise ConfigError(f"{path}: 未知的配置键 {key}")
    for code in config.select + config.ignore + tuple(c for _, codes in config.per_file_ignores for c in codes):
        if not (code.startswith("FC") and code[2:].isdigit() and 2 <= len(code) <= 5):
            raise ConfigError(f"{path}: 规则代码 {code!r} 无效（应为 FC101 或前缀 FC1）")
    return config


def unknown_codes(config: Config, known: list[str]) -> list[tuple[str, str]]:
    """The codes and prefixes in select, ignore and per-file ignores that name no rule, each with the nearest real
    code: a mistyped code would otherwise select nothing and turn a CI run silently green."""
    named = config.select + config.ignore + tuple(c for _, codes in config.per_file_ignores for c in codes)
    return [
        (code, nearest_code(code, known)) for code in dict.fromkeys(named) if not any(r.startswith(code) for r in known)
    ]


def nearest_code(code: str, known: list[str]) -> str:
    """The real code or prefix of the same length most like `code`: the longest common beginning, then the most
    characters alike (FC1O1 → FC101), then the nearest number (FC999 → FC703)."""
    import difflib
    import os

    candidates = {real[: len(code)] for real in known}

    def likeness(candidate: str) -> tuple:
        digits = code[2:], candidate[2:]
        distance = abs(int(digits[0]) - int(digits[1])) if all(d.isdigit() and d for d in digits) else 0
        common = len(os.path.commonprefix([code, candidate]))
        return common, difflib.SequenceMatcher(None, code, candidate).ratio(), -distance

    return max(sorted(candidates), key=likeness, default="")


def with_overrides(
    config: Config, select: str | None, ignore: str | None, fail_on: str | None, rules: list[str] | None
) -> Config:
    """The configuration file's settings with the command line's on top."""
    overrides: dict = {}
    if select is not None:
        overrides["select"] = _codes(select)
    if ignore is not None:
        overrides["ignore"] = config.ignore + _codes(ignore)
    if fail_on is not None:
        overrides["fail_on"] = fail_on
    if rules:
        overrides["rules"] = config.rules + tuple(str(Path(d).resolve()) for d in rules)
    return replace(config, **overrides)


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in (value or "").split(",") if code.strip())
