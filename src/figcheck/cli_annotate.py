"""figcheck annotate DRAFT.docx: the findings handed back as Word comments in a copy of the draft (annotate/)."""

from __future__ import annotations

from typing import Annotated

import typer

from figcheck.cli_options import (
    ConfigPathOption,
    IgnoreOption,
    Lang,
    LangOption,
    RulesOption,
    SelectOption,
    load_config,
    refuse_unknown_codes,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def annotate(
    draft: Annotated[str, typer.Argument(help="Word 稿件（.docx）(a Word draft)")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="批注后的副本，默认 稿件名.figcheck.docx (the annotated copy)"),
    ] = None,
    include_info: Annotated[
        bool, typer.Option("--all", help="提示级的发现也写成批注 (info-level findings too)")
    ] = False,
    lang: LangOption = Lang.zh,
    rules: RulesOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    config_path: ConfigPathOption = None,
) -> None:
    """把发现写成 Word 批注，存为稿件的副本 (write the findings as Word comments in a copy of the draft)."""
    from figcheck import rulebook, run
    from figcheck.annotate import annotate as write_annotated
    from figcheck.annotate import default_target
    from figcheck.config import with_overrides
    from figcheck.load import LoadError

    zh = lang is Lang.zh
    if not draft.lower().endswith(".docx"):
        typer.echo("figcheck annotate 只处理 .docx 文件" if zh else "figcheck annotate takes .docx files", err=True)
        raise typer.Exit(EXIT_UNREADABLE)
    config = with_overrides(load_config([draft], config_path), select, ignore, None, rules)
    refuse_unknown_codes(config)
    try:
        done = write_annotated(
            draft, output or default_target(draft), config, run.options_of(config), include_info, lang.value
        )
    except (LoadError, rulebook.RuleFileError, OSError) as exc:
        typer.echo(f"{draft}: {'无法批注' if zh else 'cannot annotate'}：{exc}", err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    added = sum(done.added.values())
    if zh:
        levels = "，".join(f"{_ZH[level]} {count}" for level, count in done.added.items())
        typer.echo(f"已写入 {done.target}：批注 {added} 条" + (f"（{levels}）" if levels else ""))
        if done.removed:
            typer.echo(f"替换了此前 figcheck 写入的批注 {done.removed} 条")
    else:
        levels = ", ".join(f"{count} {level}" for level, count in done.added.items())
        typer.echo(f"wrote {done.target}: {added} comment(s)" + (f" ({levels})" if levels else ""))
        if done.removed:
            typer.echo(f"replaced {done.removed} earlier figcheck comment(s)")
    for place in done.unplaced:
        typer.echo(("未能定位到原文，未写批注：" if zh else "not placed in the draft: ") + place, err=True)
    raise typer.Exit(EXIT_FINDINGS if added or done.unplaced else EXIT_CLEAN)


_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
