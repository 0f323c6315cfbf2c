"""figcheck view PATH…: browse the findings in the terminal (view/). textual, an optional dependency
(figcheck[view]), is imported here only when the command runs, so that no other command needs it."""

from __future__ import annotations

from typing import Annotated

import typer

from figcheck.cli_options import (
    ConfigPathOption,
    IgnoreOption,
    JobsOption,
    Lang,
    LangOption,
    RulesOption,
    SelectOption,
    ShowPassedOption,
    load_config,
    refuse_unknown_codes,
)

EXIT_CLEAN, EXIT_UNREADABLE = 0, 2
NEEDS_TEXTUAL = (
    "需要安装 figcheck[view] 才能使用 figcheck view：pip install 'figcheck[view]'（缺少 textual）"
    "\n(figcheck view needs textual: pip install 'figcheck[view]')"
)


ViewPathsArgument = Annotated[
    list[str], typer.Argument(metavar="PATH...", help="文件或目录（不能是标准输入）(files or directories; not stdin)")
]


def view(
    paths: ViewPathsArgument,
    show_passed: ShowPassedOption = False,
    lang: LangOption = Lang.zh,
    rules: RulesOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    config_path: ConfigPathOption = None,
    jobs: JobsOption = None,
) -> None:
    """在终端中交互浏览发现 (browse the findings in the terminal)."""
    try:
        from figcheck.view.app import make_app
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] != "textual":
            raise
        typer.echo(NEEDS_TEXTUAL, err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    from figcheck import rulebook, run
    from figcheck.config import with_overrides

    if "-" in paths:  # the keys come from the terminal on standard input: it cannot also bring the text
        typer.echo("figcheck view 不能读取标准输入，请给出文件 (figcheck view cannot read standard input)", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    config = with_overrides(load_config(paths, config_path), select, ignore, None, rules)
    refuse_unknown_codes(config)
    try:
        options = run.options_of(config)
        results = list(run.check_iter(paths, config, jobs or run.default_jobs(), 300, False, options))
    except rulebook.RuleFileError as exc:
        typer.echo(f"错误 (error): {exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    make_app(results, lang.value, show_passed).run()
    raise typer.Exit(EXIT_CLEAN)
