"""The command line: figcheck check | figures | rules | explain.

Exit codes: 0 nothing at error or warning level; 1 findings at error or warning level; 2 a usage
error or an input that could not be read (the other inputs are still checked and reported).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from figcheck import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="figcheck：核对中文公文、报告中数字之间的关系（合计与分项、比率……）。",
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    jsonl = "jsonl"


class FiguresFormat(StrEnum):
    text = "text"
    json = "json"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


RulesOption = Annotated[
    list[str] | None,
    typer.Option("--rules", help="追加的规则目录，可多次给出 (a directory of your own rule files; repeatable)"),
]
PathsArgument = Annotated[
    list[str], typer.Argument(help="文件或目录；- 表示标准输入 (files or directories; - for stdin)")
]
LangOption = Annotated[Lang, typer.Option("--lang", help="输出语言 (output language)")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"figcheck {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本 (show the version)")
    ] = False,
) -> None:
    """figcheck：核对中文公文、报告中数字之间的关系。"""


def _options(rules: list[str] | None):
    """The user's rule directories read; a malformed file stops the run with exit code 2."""
    from figcheck import rulebook
    from figcheck.options import Options

    try:
        return Options(rulebook.open_rulebook(rules or ()))
    except rulebook.RuleFileError as exc:
        typer.echo(f"规则文件错误 (rule file error): {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None


def _run(paths: list[str], rules: list[str] | None = None):
    from figcheck.load import iter_inputs
    from figcheck.pipeline import check_path

    options = _options(rules)
    return [check_path(path, options) for path in iter_inputs(paths)]


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in (value or "").split(",") if code.strip())


def _load_config(paths: list[str], config_path: str | None):
    from figcheck.config import Config, ConfigError, discover, load

    try:
        if config_path:
            return load(__import__("pathlib").Path(config_path))
        first = next((path for path in paths if path != "-"), ".")
        found = discover(first)
        return load(found) if found else Config()
    except ConfigError as exc:
        typer.echo(f"配置错误 (configuration error): {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None


@app.command()
def check(
    paths: PathsArgument,
    output_format: Annotated[CheckFormat, typer.Option("--format", help="输出格式 (output format)")] = CheckFormat.text,
    show_passed: Annotated[
        bool, typer.Option("--show-passed", help="同时列出核验通过的关系 (list verified relations)")
    ] = False,
    lang: LangOption = Lang.zh,
    rules: RulesOption = None,
    select: Annotated[
        str | None, typer.Option("--select", help="只报告这些代码或前缀，逗号分隔 (codes or prefixes)")
    ] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="不报告这些代码或前缀 (codes or prefixes)")] = None,
    fail_on: Annotated[
        Severity | None, typer.Option("--fail-on", help="何种级别使退出码为 1 (lowest failing severity)")
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="有发现也以 0 退出 (exit 0 even with findings)")
    ] = False,
    config_path: Annotated[str | None, typer.Option("--config", help="配置文件 (configuration file)")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="写入文件而非标准输出 (write to a file)")] = None,
    baseline: Annotated[
        str | None, typer.Option("--baseline", help="只报告基线之外的新发现 (report only new findings)")
    ] = None,
    write_baseline: Annotated[
        str | None, typer.Option("--write-baseline", help="把当前发现记入基线文件 (record today's findings)")
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="并行进程数，默认为 CPU 核数 (parallel jobs)")
    ] = None,
    diff: Annotated[
        str | None, typer.Option("--diff", help="只报告自 REF 以来改动的行 (only lines changed since REF)")
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="每个文件的时限（秒），0 为不限 (seconds per file)")
    ] = 300,
    debug: Annotated[bool, typer.Option("--debug", help="内部错误时显示回溯 (show tracebacks)")] = False,
) -> None:
    """检查数字之间的关系 (check the relations between figures)."""
    from figcheck import baseline as baselines
    from figcheck import rulebook, run
    from figcheck.report import Options, Tally

    config = _with_overrides(_load_config(paths, config_path), select, ignore, fail_on, rules)
    tally = Tally()
    try:
        options = run.options_of(config)  # a malformed rule file, baseline or ref stops the run before any output
        entries = baselines.read_baseline(baseline) if baseline else None
        if diff:
            run.verify_ref(diff, paths)
        stream = run.check_iter(paths, config, jobs or run.default_jobs(), timeout, debug, options)
        if diff:
            stream = run.only_changed(stream, diff)
        if entries is not None:
            stream = baselines.apply_baseline(stream, entries, config)
        report = Options(lang=lang.value, show_passed=show_passed)
        _report(stream, tally, output_format.value, report, output, write_baseline)
    except (rulebook.RuleFileError, run.DiffError, baselines.BaselineError) as exc:
        typer.echo(f"错误 (error): {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    if tally.errors:
        raise typer.Exit(EXIT_UNREADABLE)
    raise typer.Exit(EXIT_FINDINGS if tally.failing(config) and not exit_zero else EXIT_CLEAN)


def _with_overrides(config, select: str | None, ignore: str | None, fail_on, rules: list[str] | None):
    """The configuration file's settings with the command line's on top."""
    import dataclasses
    from pathlib import Path

    overrides: dict = {}
    if select is not None:
        overrides["select"] = _codes(select)
    if ignore is not None:
        overrides["ignore"] = config.ignore + _codes(ignore)
    if fail_on is not None:
        overrides["fail_on"] = fail_on.value
    if rules:
        overrides["rules"] = config.rules + tuple(str(Path(d).resolve()) for d in rules)
    return dataclasses.replace(config, **overrides)


def _report(stream, tally, output_format: str, options, output: str | None, write_baseline: str | None) -> None:
    """Render the results (or record them as a baseline), counting them in `tally` on the way."""
    from figcheck import baseline as baselines
    from figcheck.report import render, tallied

    stream = tallied(stream, tally)
    if write_baseline:
        count = baselines.write_baseline(stream, write_baseline)
        typer.echo(f"已将 {count} 条发现记入基线 {write_baseline} (recorded {count} findings)", err=True)
        raise typer.Exit(EXIT_UNREADABLE if tally.errors else EXIT_CLEAN)
    if output:
        _write_atomically(output, lambda handle: render(output_format, stream, handle, options))
    else:
        render(output_format, stream, sys.stdout, options)


@app.command()
def figures(
    paths: PathsArgument,
    output_format: Annotated[
        FiguresFormat, typer.Option("--format", help="输出格式 (output format)")
    ] = FiguresFormat.text,
    lang: LangOption = Lang.zh,
    rules: RulesOption = None,
) -> None:
    """列出识别出的每个数字 (list every figure recognized)."""
    results = _run(paths, rules)
    if output_format is FiguresFormat.json:
        from figcheck.report.json import render_figures

        render_figures(results, sys.stdout)
    else:
        from figcheck.report.text import render_figures

        render_figures(results, sys.stdout, lang.value)
    raise typer.Exit(EXIT_UNREADABLE if any(result.error for result in results) else EXIT_CLEAN)


@app.command("text")
def show_text(
    paths: PathsArgument,
    lang: LangOption = Lang.zh,
) -> None:
    """显示提取出的文字及其位置 (print the extracted text with its locations)."""
    from figcheck.load import LoadError, iter_inputs, load
    from figcheck.report.text import render_document

    failed = False
    for path in iter_inputs(paths):
        try:
            document = load(path)
        except LoadError as exc:
            typer.echo(f"{path}: {'无法读取' if lang is Lang.zh else 'cannot be read'}：{exc}")
            failed = True
            continue
        render_document(document, sys.stdout)
    raise typer.Exit(EXIT_UNREADABLE if failed else EXIT_CLEAN)


@app.command("rules")
def list_rules(lang: LangOption = Lang.zh) -> None:
    """列出所有规则 (list the rules)."""
    from figcheck.registry import rules

    for rule in rules().values():
        typer.echo(f"{rule.code}  {rule.name:<24} {rule.severity:<8} {rule.text('summary', lang.value)}")


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="规则代码，如 FC101 (a rule code)")], lang: LangOption = Lang.zh
) -> None:
    """显示一条规则的说明和示例 (show a rule's documentation)."""
    from figcheck.registry import rules

    found = rules().get(code.upper()) or next((r for r in rules().values() if r.name == code), None)
    if found is None:
        typer.echo(
            f"未知规则：{code}（运行 figcheck rules 查看全部）"
            if lang is Lang.zh
            else f"unknown rule: {code} (see figcheck rules)",
            err=True,
        )
        raise typer.Exit(EXIT_UNREADABLE)
    zh = lang is Lang.zh
    typer.echo(f"{found.code} {found.name}  [{found.severity}]\n")
    typer.echo(found.text("summary", lang.value) + "\n")
    typer.echo(("说明：" if zh else "What it does: ") + found.text("what", lang.value))
    typer.echo(("原因：" if zh else "Why: ") + found.text("why", lang.value) + "\n")
    typer.echo(("通过的例子：" if zh else "Passes: ") + found.example_pass)
    typer.echo(("报错的例子：" if zh else "Flagged: ") + found.example_fail)


def _write_atomically(path: str, write) -> None:
    """Write through a temporary file renamed into place: an interrupted run leaves no half report."""
    import os
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False, suffix=".part")
    try:
        with handle:
            write(handle)
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise


EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


def main() -> None:
    """Run the command line: Ctrl-C exits 130 without a traceback; a closed pipe (| head) exits quietly."""
    import os

    try:
        code = app(prog_name="figcheck", standalone_mode=False)
    except typer.Exit as exc:
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        print("\n已中断 (interrupted)", file=sys.stderr)
        code = EXIT_INTERRUPTED
    except typer.TyperException as exc:  # usage errors: typer prints them and exits 2
        exc.show()
        code = exc.exit_code
    except BrokenPipeError:
        code = EXIT_BROKEN_PIPE
    except Exception as exc:  # noqa: BLE001 — the last line of defence: an answer, not a traceback
        if "--debug" in sys.argv:
            raise
        print(
            f"figcheck 内部错误 (internal error): {type(exc).__name__}: {exc}（用 --debug 查看详情）", file=sys.stderr
        )
        code = EXIT_UNREADABLE
    if code == EXIT_BROKEN_PIPE or _stdout_closed():
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more can reach the reader; do not fail at exit
        code = code or EXIT_BROKEN_PIPE
    sys.exit(code or 0)


def _stdout_closed() -> bool:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return True
    return False
