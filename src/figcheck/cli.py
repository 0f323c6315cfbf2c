"""The command line: figcheck check | figures | rules | explain.

Exit codes: 0 nothing at error or warning level; 1 findings at error or warning level; 2 a usage
error or an input that could not be read (the other inputs are still checked and reported).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from figcheck import __version__
from figcheck.cli_annotate import annotate
from figcheck.cli_options import (
    BaselineOption,
    CheckFormat,
    Color,
    ColorOption,
    ConfigPathOption,
    DebugOption,
    DiffOption,
    ExitZeroOption,
    FailOnOption,
    FiguresFormat,
    IgnoreOption,
    JobsOption,
    Lang,
    LangOption,
    OutputFormatOption,
    OutputOption,
    PathsArgument,
    RulesOption,
    SchedulerOption,
    SelectOption,
    SharedFsOption,
    ShowPassedOption,
    ShowUnverifiableOption,
    StatisticsOption,
    StoreOption,
    TimeoutOption,
    WriteBaselineOption,
    load_config,
    refuse_unknown_codes,
    statistics_mode,
)
from figcheck.cli_rules import explain, list_rules
from figcheck.cli_store import report
from figcheck.cli_usage import Command, Group, show_usage_error, wanted_lang
from figcheck.cli_view import view

app = typer.Typer(
    cls=Group,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="figcheck：核对中文公文、报告中数字之间的关系（合计与分项、比率……）。",
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


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


def _figures_of(paths: list[str], rules: list[str] | None = None):
    """Each input's figures, found and not checked: listing them needs no claim."""
    from figcheck.load import iter_inputs
    from figcheck.pipeline import figures_of_path

    options = _options(rules)
    return [figures_of_path(path, options) for path in iter_inputs(paths)]


@app.command(cls=Command)
def check(
    paths: PathsArgument,
    output_format: OutputFormatOption = CheckFormat.text,
    show_passed: ShowPassedOption = False,
    show_unverifiable: ShowUnverifiableOption = False,
    statistics: StatisticsOption = False,
    color: ColorOption = Color.auto,
    lang: LangOption = Lang.zh,
    rules: RulesOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    config_path: ConfigPathOption = None,
    output: OutputOption = None,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    jobs: JobsOption = None,
    diff: DiffOption = None,
    timeout: TimeoutOption = 300,
    debug: DebugOption = False,
    store: StoreOption = None,
    scheduler: SchedulerOption = None,
    shared_fs: SharedFsOption = False,
) -> None:
    """检查数字之间的关系 (check the relations between figures)."""
    from figcheck import baseline as baselines
    from figcheck import rulebook, run
    from figcheck.cli_store import RunErrors, where
    from figcheck.config import with_overrides
    from figcheck.report import Options, Tally

    config = with_overrides(load_config(paths, config_path), select, ignore, fail_on and fail_on.value, rules)
    refuse_unknown_codes(config)
    counting = statistics_mode(statistics, output_format.value)
    tally = Tally()
    try:
        running = where(timeout, debug, jobs, scheduler, shared_fs, (output_format.value, output))
        stream = _results(paths, config, baseline, diff, store, running)
        report = Options(lang.value, show_passed, show_unverifiable, color.value, counting)
        _report(stream, tally, output_format.value, report, output, write_baseline)
    except (rulebook.RuleFileError, run.DiffError, baselines.BaselineError, *RunErrors) as exc:
        typer.echo(f"错误 (error): {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    if tally.errors or tally.usage:
        raise typer.Exit(EXIT_UNREADABLE)
    raise typer.Exit(EXIT_FINDINGS if tally.failing(config) and not exit_zero else EXIT_CLEAN)


def _results(paths: list[str], config, baseline: str | None, diff: str | None, store: str | None, running):
    """The results to report, filtered by --diff and --baseline. A malformed rule file, baseline, ref or store
    stops the run here, before any output."""
    from figcheck import baseline as baselines
    from figcheck import run
    from figcheck.cli_store import opened

    options = run.options_of(config)
    entries = baselines.read_baseline(baseline) if baseline else None
    if diff:
        run.verify_ref(diff, paths)
    settings = running.settings
    stream = run.check_iter(
        paths, config, running.jobs, settings.timeout, settings.debug, options, opened(store), running.cluster,
        running.progress,
    )  # fmt: skip
    if diff:
        stream = run.only_changed(stream, diff)
    if entries is not None:
        stream = baselines.apply_baseline(stream, entries, config)
    return stream


def _report(stream, tally, output_format: str, options, output: str | None, write_baseline: str | None) -> None:
    """Render the results (or record them as a baseline), counting them in `tally` on the way."""
    from figcheck import baseline as baselines
    from figcheck.report import tallied, write_report

    stream = tallied(stream, tally)
    if write_baseline:
        count = baselines.write_baseline(stream, write_baseline)
        typer.echo(f"已将 {count} 条发现记入基线 {write_baseline} (recorded {count} findings)", err=True)
        raise typer.Exit(EXIT_UNREADABLE if tally.errors else EXIT_CLEAN)
    write_report(output_format, stream, output, options)


@app.command(cls=Command)
def figures(
    paths: PathsArgument,
    output_format: Annotated[
        FiguresFormat, typer.Option("--format", help="输出格式 (output format)")
    ] = FiguresFormat.text,
    lang: LangOption = Lang.zh,
    rules: RulesOption = None,
) -> None:
    """列出识别出的每个数字 (list every figure recognized)."""
    results = _figures_of(paths, rules)
    if output_format is FiguresFormat.json:
        from figcheck.report.json import render_figures

        render_figures(results, sys.stdout)
    else:
        from figcheck.report.text import render_figures

        render_figures(results, sys.stdout, lang.value)
    raise typer.Exit(EXIT_UNREADABLE if any(result.error for result in results) else EXIT_CLEAN)


@app.command("text", cls=Command)
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


app.command("rules", cls=Command)(list_rules)
app.command(cls=Command)(explain)
app.command("annotate", cls=Command)(annotate)
app.command("report", cls=Command)(report)
app.command("view", cls=Command)(view)

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
    except typer.TyperException as exc:  # usage errors: said in the user's language, exit 2
        from typer._click.exceptions import UsageError

        if isinstance(exc, UsageError):
            show_usage_error(exc, wanted_lang(sys.argv))
        else:
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
