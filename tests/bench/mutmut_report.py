"""Summarize a `make mutate` run: score per module, and the surviving mutants sorted into kinds.

Reads mutmut's results in mutants/ (run from the project root, after `mutmut run`) and prints:
the count per status and the score per mutated module; the survivors counted by kind of mutation
(string used as a key, message text, number, condition, comparison …) and by function; then every
survivor as the line it changes, so tests can be written to kill them. `make mutate-report` writes
this to tests/bench/mutmut-survivors.txt.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code

MUTANTS = Path("mutants")
COVERAGE = MUTANTS / "subset.coverage"
TOKEN = re.compile(
    r"""(?P<str>[rbfu]{0,2}("[^"\\]*(?:\\.[^"\\]*)*"|'[^'\\]*(?:\\.[^'\\]*)*'))"""
    r"|(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_\u4e00-\u9fff]\w*)"
    r"|(?P<op>//=|\*\*|//|<=|>=|==|!=|[-+*/%]=|[-+*/%<>=()\[\]{}:,.])"
)
COMPARE = {"<", "<=", ">", ">=", "==", "!="}
ARITH = {"+", "-", "*", "/", "//", "%", "**", "+=", "-=", "*=", "/=", "//=", "%="}
STRING_METHODS = {
    "lower",
    "upper",
    "lstrip",
    "rstrip",
    "find",
    "rfind",
    "split",
    "rsplit",
    "index",
    "rindex",
    "ljust",
    "rjust",
    "partition",
    "rpartition",
    "removeprefix",
    "removesuffix",
    "startswith",
    "endswith",
}


def tokens(line: str) -> list[str]:
    return [m.group(0) for m in TOKEN.finditer(line)]


def changed(old: list[str], new: list[str]) -> tuple[list[str], list[str], int]:
    """The differing middle of two token lists, and where it starts in `old`."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return old[start : len(old) - end], new[start : len(new) - end], start


def is_string(token: str) -> bool:
    return bool(re.match(r"[rbfu]{0,2}['\"]", token))


def kind(removed: list[str], added: list[str]) -> str:
    """Sort one mutation into a kind that says what a test would need to check to kill it."""
    old_line, new_line = " ".join(removed), " ".join(added)
    old, new, at = changed(tokens(old_line), tokens(new_line))
    everything = tokens(old_line)
    before = everything[at - 1] if at else ""
    after = everything[at + len(old)] if at + len(old) < len(everything) else ""
    if "and False" in new_line.replace("  ", " ") and "and False" not in old_line:
        return "condition forced false (ternary/guard)"
    if "or True" in new_line and "or True" not in old_line:
        return "condition forced true (ternary/guard)"
    if len(old) == 1 and len(new) == 1:
        o, n = old[0], new[0]
        if is_string(o) and is_string(n):
            if after == ":" and before in ("{", ","):
                return "string: dict key (params / table)"
            if before == "[" or before == "(" and everything[at - 2 : at - 1] in (["get"], ["pop"]):
                return "string: key looked up"
            if re.search(r"[\u4e00-\u9fff]", o):
                return "string: Chinese word / message text"
            if o.startswith(("f'", 'f"')) or "{" in o:
                return "string: display formatting"
            if before in ("(", ",") and after in (")", ","):
                return "string: role / kind tag passed as argument"
            if before in ("==", "!=") or after in ("==", "!="):
                return "string: compared tag (qualifier, kind)"
            return "string: other literal (kind tag, pattern, separator)"
        if re.fullmatch(r"\d+(\.\d+)?", o) and re.fullmatch(r"\d+(\.\d+)?", n):
            if before in ("[", ":") or after in (":", "]"):
                return "number: index / slice bound"
            return "number: constant (window, limit, offset, precision)"
        if n == "None":
            return "value replaced by None"
        if o in COMPARE and n in COMPARE:
            return "comparison boundary (< vs <=, == vs !=)"
        if o in ("is", "in") or n in ("is", "in"):
            return "comparison (is / in negated)"
        if o in ARITH and n in ARITH:
            return "arithmetic operator"
        if {o, n} == {"and", "or"}:
            return "boolean operator (and / or)"
        if {o, n} <= {"True", "False"}:
            return "boolean constant"
        if {o, n} <= {"break", "continue", "return"}:
            return "loop control (break / continue)"
        if o in STRING_METHODS and n in STRING_METHODS:
            return "string method swapped"
        if o.endswith("=") or n.endswith("XX"):
            return "keyword argument name"
        if o == "=" and n in ARITH:
            return "assignment -> augmented"
    if new_line.replace(" ", "").endswith("=None") and not old_line.replace(" ", "").endswith("=None"):
        return "value replaced by None"
    if "None" in new and "None" not in old:
        return "value replaced by None"
    if any(t.endswith("XX") or (is_string(t) and "XX" in t) for t in new):
        return "keyword argument name"
    if len(new) < len(old) and set(new) <= set(old):
        if old and old[0] == "not":
            return "negation removed"
        if "-" in old and "-" not in new:
            return "unary minus removed"
        return "call argument removed"
    if {"=", "+=", "-=", "*=", "/=", "//="} & set(old) and {"=", "+=", "-=", "*=", "/=", "//="} & set(new):
        return "assignment / augmented assignment"
    return "other"


def lines_run() -> dict[str, set[int]]:
    """Line coverage of the tests mutmut runs (pyproject [tool.mutmut]), computed afresh."""
    settings = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    tests = settings.get("pytest_add_cli_args_test_selection", [])
    COVERAGE.unlink(missing_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "coverage",
            "run",
            f"--data-file={COVERAGE}",
            "--include=src/*",
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            *tests,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        env=os.environ,
    )
    import coverage

    data = coverage.CoverageData(basename=str(COVERAGE))
    data.read()
    root = Path.cwd()
    return {str(Path(f).relative_to(root)): set(data.lines(f) or ()) for f in data.measured_files()}


def line_of(source: str, function: str, removed: list[str]) -> int | None:
    """The line in the original source that a mutant changes (its first removed line)."""
    if not removed:
        return None
    text = Path(source).read_text(encoding="utf-8")
    lines = text.splitlines()
    cls, _, name = function.rpartition(".")
    span = (1, len(lines))
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            span = (node.lineno, node.end_lineno or node.lineno)
            break
    for number in range(span[0], span[1] + 1):
        if lines[number - 1].strip() == removed[0]:
            return number
    return None


FINDING_PARTS = (
    # what a test that checks only the code, the verdict and the flagged figure never looks at
    (re.compile(r"\bInvolved\(|\bTerm\("), "role tag of a figure (Involved/Term)"),
    (re.compile(r"\bparams\b|\bdict\(|^\w+=.*,$|^\w+=[^=]*$|\.update\("), "message params (dict keys/values)"),
    (re.compile(r"\bformula\b"), "formula text"),
    (re.compile(r"\bFinding\(|\bshown\b|_shown\(|\ballowance\b"), "Finding fields (shown value, allowance)"),
)


def context(removed: list[str]) -> str:
    """What the mutated line builds, when it is part of a finding's content rather than its verdict."""
    line = " ".join(removed)
    for pattern, name in FINDING_PARTS:
        if pattern.search(line):
            return name
    return ""


def survivors_of(meta: Path) -> tuple[str, dict[str, int | None]]:
    data = json.loads(meta.read_text(encoding="utf-8"))
    source = meta.relative_to(MUTANTS).with_suffix("")  # src/figcheck/x.py
    return str(source), data["exit_code_by_key"]


def main() -> int:
    metas = sorted(MUTANTS.rglob("*.py.meta"))
    if not metas:
        print("no results in mutants/: run `make mutate` first", file=sys.stderr)
        return 1
    rows, survivors = [], []
    for meta in metas:
        source, codes = survivors_of(meta)
        statuses = Counter(status_by_exit_code[code] for code in codes.values())
        checked = sum(statuses.values()) - statuses["not checked"]
        detected = statuses["killed"] + statuses["timeout"] + statuses["caught by type check"]
        rows.append((source, len(codes), statuses, checked, detected))
        survivors += [(source, name) for name, code in sorted(codes.items()) if status_by_exit_code[code] == "survived"]

    out = []
    out.append(f"# mutmut {version('mutmut')} survivors (make mutate; regenerate with make mutate-report)")
    out.append("# score = (killed + timeout) / checked; 'no tests' = no selected test calls the function")
    out.append("")
    out.append(
        f"{'module':36} {'total':>6} {'checked':>7} {'killed':>6} {'survived':>8} {'timeout':>7} "
        f"{'no tests':>8} {'score':>6}"
    )
    totals = Counter()
    for source, total, st, checked, detected in rows:
        score = f"{100 * detected / checked:5.1f}%" if checked else "    -"
        out.append(
            f"{source:36} {total:6} {checked:7} {st['killed']:6} {st['survived']:8} {st['timeout']:7} "
            f"{st['no tests']:8} {score:>6}"
        )
        totals.update(
            total=total,
            checked=checked,
            detected=detected,
            killed=st["killed"],
            survived=st["survived"],
            timeout=st["timeout"],
            no_tests=st["no tests"],
        )
    if totals["checked"]:
        out.append(
            f"{'(checked modules together)':36} {totals['total']:6} {totals['checked']:7} {totals['killed']:6} "
            f"{totals['survived']:8} {totals['timeout']:7} {totals['no_tests']:8} "
            f"{100 * totals['detected'] / totals['checked']:5.1f}%"
        )
    out.append("")

    run = lines_run()
    entries = []
    by_kind, by_function = Counter(), Counter()
    unrun = Counter()
    kinds_by_function = defaultdict(Counter)
    for source, name in survivors:
        diff = get_diff_for_mutant(name, path=source).splitlines()[3:]
        removed = [line[1:].strip() for line in diff if line.startswith("-")]
        added = [line[1:].strip() for line in diff if line.startswith("+")]
        k = kind(removed, added)
        if where_in_finding := context(removed):
            k = f"{where_in_finding}: {k}"
        generated = name.rsplit("__mutmut_", 1)[0].rsplit(".", 1)[1]  # x_name, or xǁClassǁname for a method
        function = generated.removeprefix("x_").replace("xǁ", "").replace("ǁ", ".")
        module = source.removeprefix("src/")
        number = line_of(source, function, removed)
        if number is not None and number not in run.get(source, set()):
            unrun[module] += 1
            k = f"line never run by the selected tests: {k}"
        by_kind[k.split(": ")[0] if k.startswith("line never run") else k] += 1
        by_function[f"{module}:{function}"] += 1
        kinds_by_function[f"{module}:{function}"][k.replace("line never run by the selected tests", "unrun")] += 1
        entries.append((name, f"{module}:{number}" if number else module, k, removed, added))

    out.append(f"## survivors on lines the selected tests never run: {sum(unrun.values())} of {len(survivors)}")
    for module, n in unrun.most_common():
        out.append(f"{n:6}  {module}")
    out.append("")
    out.append(f"## survivors on lines that do run, by kind of mutation ({len(survivors) - sum(unrun.values())})")
    for k, n in by_kind.most_common():
        if k != "line never run by the selected tests":
            out.append(f"{n:6}  {k}")
    out.append("")
    out.append("## the same, by what the mutated line builds (finding content vs recognition/verdict logic)")
    for part, n in Counter(
        k.split(": ")[0]
        if ": " in k and k.split(": ")[0] in {name for _, name in FINDING_PARTS}
        else "recognition / verdict logic"
        for k in by_kind.elements()
        if k != "line never run by the selected tests"
    ).most_common():
        out.append(f"{n:6}  {part}")
    out.append("")
    out.append("## survivors by function (kinds in brackets)")
    for f, n in by_function.most_common():
        detail = ", ".join(f"{k} {c}" for k, c in kinds_by_function[f].most_common())
        out.append(f"{n:6}  {f}  [{detail}]")
    out.append("")
    out.append("## every survivor: the line before and after")
    for name, where, k, removed, added in entries:
        out.append(f"{where}  {name.rsplit('.', 1)[1]}  [{k}]")
        out += [f"    - {line}" for line in removed] + [f"    + {line}" for line in added]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
