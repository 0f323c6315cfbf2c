"""The results store and the cluster on the command line: `figcheck check --store FILE [--scheduler ADDRESS]`
and `figcheck report --store FILE`.

`report` renders what a store holds, in any output format, without reading or checking an input again; --select,
--ignore and the configuration file's filters apply as they do to `check`, since the store keeps every result.
"""

from __future__ import annotations

from typing import Annotated, Any, NamedTuple

import typer

from figcheck.cli_options import (
    CheckFormat,
    Color,
    ColorOption,
    ConfigPathOption,
    ExitZeroOption,
    FailOnOption,
    IgnoreOption,
    Lang,
    LangOption,
    OutputFormatOption,
    OutputOption,
    SelectOption,
    ShowPassedOption,
    ShowUnverifiableOption,
    StatisticsOption,
    load_config,
    refuse_unknown_codes,
    statistics_mode,
)
from figcheck.errors import ClusterError, StoreError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
RunErrors = (StoreError, ClusterError)  # a store or a cluster that fails the run: said in one line, exit 2

StoreFileOption = Annotated[
    str, typer.Option("--store", metavar="FILE", help="figcheck check --store 写下的结果库 (a results store)")
]


def opened(path: str | None):
    """The store at `path`, created if new; None without --store."""
    if path is None:
        return None
    from figcheck.store.database import Store

    return Store(path)


class Running(NamedTuple):
    """How a run checks: what each input is checked with, how many processes, which cluster, and whether a
    progress bar counts the inputs."""

    settings: Any
    jobs: int
    cluster: Any
    progress: bool


def where(timeout: float, debug: bool, jobs: int | None, scheduler: str | None, shared_fs: bool, shown: tuple):
    """How this run checks (Running); `shown` is the report's (format, output file), for the progress bar."""
    from figcheck import progress, run
    from figcheck.worker import Settings

    cluster = None
    if scheduler:
        from figcheck.cluster import Cluster

        cluster = Cluster(scheduler, shared_fs)
    settings = Settings(timeout=timeout, debug=debug)
    return Running(settings, jobs or run.default_jobs(), cluster, progress.wanted(*shown))


ReportPathsArgument = Annotated[
    list[str] | None,
    typer.Argument(metavar="[PATH]...", help="只显示这些文件或目录下的文件 (only these inputs, or those under them)"),
]


def report(
    paths: ReportPathsArgument = None,
    store: StoreFileOption = ...,
    output_format: OutputFormatOption = CheckFormat.text,
    show_passed: ShowPassedOption = False,
    show_unverifiable: ShowUnverifiableOption = False,
    statistics: StatisticsOption = False,
    color: ColorOption = Color.auto,
    lang: LangOption = Lang.zh,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    config_path: ConfigPathOption = None,
    output: OutputOption = None,
) -> None:
    """显示结果库中的结果，不再检查 (render the results a store holds, without checking again)."""
    import os

    from figcheck.config import with_overrides
    from figcheck.report import Options, Tally, tallied, write_report
    from figcheck.suppress import apply_config
    from figcheck.years.link import Ledger, linked

    if not os.path.isfile(store):
        typer.echo(f"错误 (error): {store}: 没有这个结果库 (no such store)", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    config = with_overrides(load_config(["."], config_path), select, ignore, fail_on and fail_on.value, None)
    refuse_unknown_codes(config)
    options = Options(
        lang.value, show_passed, show_unverifiable, color.value, statistics_mode(statistics, output_format.value)
    )
    tally = Tally()
    try:
        results = opened(store)
        stored = linked(results.results(paths or ()), Ledger(results.year_facts), config.accept_truncation)
        stream = tallied((apply_config(result, config) for result in stored), tally)
        write_report(output_format.value, stream, output, options)
    except RunErrors as exc:
        typer.echo(f"错误 (error): {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    if tally.errors or tally.usage:
        raise typer.Exit(EXIT_UNREADABLE)
    raise typer.Exit(EXIT_FINDINGS if tally.failing(config) and not exit_zero else EXIT_CLEAN)
