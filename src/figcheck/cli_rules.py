"""figcheck rules and figcheck explain CODE: the rules, listed and documented (from rules/checks/*.toml)."""

from __future__ import annotations

from typing import Annotated

import typer

from figcheck.cli_options import Lang, LangOption

EXIT_UNREADABLE = 2


def list_rules(lang: LangOption = Lang.zh) -> None:
    """列出所有规则 (list the rules)."""
    from figcheck.registry import rules

    for rule in rules().values():
        typer.echo(f"{rule.code}  {rule.name:<24} {rule.severity:<8} {rule.text('summary', lang.value)}")


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
