"""The command line's options: their names, choices and help, in Chinese first."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class CheckFormat(StrEnum):
    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    jsonl = "jsonl"
    html = "html"
    csv = "csv"


class FiguresFormat(StrEnum):
    text = "text"
    json = "json"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


RulesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--rules", metavar="DIR", help="追加的规则目录，可多次给出 (a directory of your own rule files; repeatable)"
    ),
]
PathsArgument = Annotated[
    list[str], typer.Argument(metavar="PATH...", help="文件或目录；- 表示标准输入 (files or directories; - for stdin)")
]
LangOption = Annotated[Lang, typer.Option("--lang", metavar="zh|en", help="输出语言 (output language)")]
OutputFormatOption = Annotated[
    CheckFormat,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="输出格式：" + "、".join(CheckFormat) + " (output format)",
    ),
]
ShowPassedOption = Annotated[
    bool, typer.Option("--show-passed", help="同时列出核验通过的关系 (list verified relations)")
]
ShowUnverifiableOption = Annotated[
    bool,
    typer.Option(
        "--show-unverifiable", help="列出每条无法核验的陈述及其原因 (list each unverifiable statement and why)"
    ),
]
StatisticsOption = Annotated[
    bool, typer.Option("--statistics", help="只列出每个代码的发现数 (count the findings per code)")
]
ColorOption = Annotated[
    Color,
    typer.Option(
        "--color", metavar="WHEN", help="着色：auto（按终端与 NO_COLOR/FORCE_COLOR）、always、never (colour the report)"
    ),
]
SelectOption = Annotated[
    str | None, typer.Option("--select", metavar="CODES", help="只报告这些代码或前缀，逗号分隔 (codes or prefixes)")
]
IgnoreOption = Annotated[
    str | None, typer.Option("--ignore", metavar="CODES", help="不报告这些代码或前缀 (codes or prefixes)")
]
FailOnOption = Annotated[
    Severity | None,
    typer.Option(
        "--fail-on", metavar="LEVEL", help="何种级别使退出码为 1：error、warning、info (lowest failing severity)"
    ),
]
ExitZeroOption = Annotated[bool, typer.Option("--exit-zero", help="有发现也以 0 退出 (exit 0 even with findings)")]
ConfigPathOption = Annotated[str | None, typer.Option("--config", metavar="FILE", help="配置文件 (configuration file)")]
OutputOption = Annotated[
    str | None, typer.Option("--output", "-o", metavar="FILE", help="写入文件而非标准输出 (write to a file)")
]
BaselineOption = Annotated[
    str | None, typer.Option("--baseline", metavar="FILE", help="只报告基线之外的新发现 (report only new findings)")
]
WriteBaselineOption = Annotated[
    str | None,
    typer.Option("--write-baseline", metavar="FILE", help="把当前发现记入基线文件 (record today's findings)"),
]
JobsOption = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, metavar="N", help="并行进程数，默认为 CPU 核数 (parallel jobs)")
]
DiffOption = Annotated[
    str | None, typer.Option("--diff", metavar="REF", help="只报告自 REF 以来改动的行 (only lines changed since REF)")
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0, metavar="SECONDS", help="每个文件的时限（秒），0 为不限 (seconds per file)")
]
DebugOption = Annotated[bool, typer.Option("--debug", help="内部错误时显示回溯 (show tracebacks)")]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="在 Dask 集群上检查，如 tcp://主机:8786；需 figcheck[dask] (check on a Dask cluster)",
    ),
]
SharedFsOption = Annotated[
    bool,
    typer.Option("--shared-fs", help="集群的工作进程自己读取文件（共享存储）(workers read the paths themselves)"),
]
StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        metavar="FILE",
        help="结果库（SQLite）：记录每个文件的结果，再次运行只检查有变化的文件 (results store; resumes)",
    ),
]


def load_config(paths: list[str], config_path: str | None):
    """The configuration named by --config, or found beside the first input; a malformed one exits 2."""
    from figcheck.config import Config, ConfigError, discover, load

    try:
        if config_path:
            return load(__import__("pathlib").Path(config_path))
        first = next((path for path in paths if path != "-"), ".")
        found = discover(first)
        return load(found) if found else Config()
    except ConfigError as exc:
        typer.echo(f"配置错误 (configuration error): {exc}", err=True)
        raise typer.Exit(2) from None


def refuse_unknown_codes(config) -> None:
    """A code or prefix in --select/--ignore or the configuration that names no rule is a usage error (exit 2)."""
    from figcheck.config import unknown_codes
    from figcheck.registry import codes

    for code, nearest in unknown_codes(config, list(codes())):
        typer.echo(
            f"用法错误 (usage error)：没有规则代码为 {code}（最接近的是 {nearest}；运行 figcheck rules 查看全部）",
            err=True,
        )
    if unknown_codes(config, list(codes())):
        raise typer.Exit(2)


def statistics_mode(statistics: bool, output_format: str) -> str:
    """What --statistics asks of the report: "" (the findings), "table", or "json" with --format json; with a
    format it cannot replace (sarif, github …) it is a usage error (exit 2)."""
    from figcheck.report import STATISTICS_FORMATS

    if not statistics:
        return ""
    if output_format not in STATISTICS_FORMATS:
        typer.echo(
            f"用法错误 (usage error)：--statistics 只能与 --format {'、'.join(STATISTICS_FORMATS)} 同用", err=True
        )
        raise typer.Exit(2)
    return "json" if output_format == "json" else "table"
