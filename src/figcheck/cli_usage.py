"""Help and usage errors in the user's language: Chinese unless the command line says --lang en.

typer (0.29) carries its own copy of click, whose help headings and usage errors are English strings written into
the code (no gettext catalogue to add a language to). So figcheck writes usage errors itself from the exception's
fields — which parameter, which value, which option was meant — and renders help by translating the few fixed
words of click's layout (Usage, Options, [default: …]); the options' own help is Chinese first already.
"""

from __future__ import annotations

import re
import sys

import typer
from typer.core import TyperCommand, TyperGroup

_HELP_WORDS = (  # click's layout words and their Chinese, longest first where one contains another
    ("Show this message and exit.", "显示本帮助并退出 (show this message and exit)。"),
    ("[OPTIONS] COMMAND [ARGS]...", "[选项] 命令 [参数]..."),
    ("[OPTIONS]", "[选项]"),
    ("Usage: ", "用法："),
    ("Arguments:", "参数："),
    ("Options:", "选项："),
    ("Commands:", "命令："),
    ("[required]", "[必填]"),
)
_DEFAULT = r"\[default: ([^\];]*)(;\s*[^\]]*)?\]"
_RANGE = r"\[x>=(\S+?)\]"

# The messages typer's parameter types give (pydantic's wording), as patterns with their Chinese.
_VALUE_ERRORS = (  # patterns as strings: compiled (and cached by re) only when an error is said, not at start-up
    (r"(?:Value error, )?'(.*)' is not one of (.*?)\.?$", "「{0}」不是可选的值（可选：{1}）"),
    (r"(\S+) is not in the range x>=(\S+?)\.?$", "「{0}」应不小于 {1}"),
    (r"Input should be greater than or equal to (\S+)", "应不小于 {0}"),
    (r"Input should be less than or equal to (\S+)", "应不大于 {0}"),
    (r"Input should be a valid integer.*", "应为整数"),
    (r"Input should be a valid number.*", "应为数字"),
    (r"'(.*)' is not a valid (?:integer|float).*", "「{0}」不是数字"),
)


def wanted_lang(argv: list[str]) -> str:
    """The language the command line asks for: en after --lang (or --lang=en), zh otherwise."""
    for index, word in enumerate(argv):
        if word == "--lang=en" or (word == "--lang" and argv[index + 1 : index + 2] == ["en"]):
            return "en"
    return "zh"


_TYPE_SHOWN = r" <(?:list\[\w+\]|str|int|float|int range|float range|path)>"
_REQUIRED_ARGUMENT = r"\{([A-Z_.]+)\}"


def translate_help(text: str, lang: str) -> str:
    """click's help or usage in `lang`; in either language without typer's type labels (「<list[str]>」) and
    braces around a required argument (「{PATH}...」), which say nothing a reader needs."""
    text = re.sub(_REQUIRED_ARGUMENT, r"\1", re.sub(_TYPE_SHOWN, "", text))
    if lang == "en":
        return text
    for english, chinese in _HELP_WORDS:
        text = text.replace(english, chinese)
    text = re.sub(_DEFAULT, lambda m: f"[默认：{m.group(1)}" + _range(m.group(2) or "") + "]", text)
    return re.sub(_RANGE, lambda m: f"[≥{m.group(1)}]", text)


def _range(text: str) -> str:
    return text.replace(";", "；").replace("x>=", "≥")


class Command(TyperCommand):
    """A command whose --help speaks the user's language."""

    def get_help(self, ctx) -> str:
        return translate_help(super().get_help(ctx), wanted_lang(sys.argv))


class Group(TyperGroup):
    """The command group (figcheck --help) likewise."""

    def get_help(self, ctx) -> str:
        return translate_help(super().get_help(ctx), wanted_lang(sys.argv))


def show_usage_error(exc, lang: str) -> None:
    """A usage error as figcheck says it: the usage line, where to find help, and what was wrong."""
    from typer._click import exceptions as click_errors

    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click_errors.NoArgsIsHelpError):
        typer.echo(translate_help(ctx.get_help(), lang) if ctx else exc.format_message(), err=True)
        return
    if ctx is not None:
        usage = translate_help(ctx.get_usage(), lang)
        helper = f"{ctx.command_path} --help"
        hint = f"运行「{helper}」查看帮助。" if lang == "zh" else f"Try '{helper}' for help."
        typer.echo(f"{usage}\n{hint}\n", err=True)
    said = _said(exc, click_errors, ctx) if lang == "zh" else exc.format_message().replace("Value error, ", "")
    typer.echo(("用法错误：" if lang == "zh" else "Error: ") + said, err=True)


def _said(exc, errors, ctx) -> str:
    """What was wrong, in Chinese, from the exception's fields."""
    if isinstance(exc, errors.MissingParameter):
        name = _name(exc.param)
        kind = (
            "参数"
            if exc.param_type == "argument" or exc.param is None or not exc.param.opts[0].startswith("-")
            else "选项"
        )
        return f"缺少{kind} {name}。"
    if isinstance(exc, errors.NoSuchOption):
        nearest = "、".join(exc.possibilities or ())
        return f"没有选项 {exc.option_name}" + (f"（是否想用 {nearest}？）" if nearest else "") + "。"
    if isinstance(exc, errors.BadOptionUsage) and "requires an argument" in exc.message:
        return f"选项 {exc.option_name} 后面需要一个值。"
    if isinstance(exc, errors.BadParameter):
        return f"{_name(exc.param)} 的值无效：{_value_error(exc.message)}。"
    found = re.match(r"No such command '([^']*)'(?:\. Did you mean '([^']*)'\?)?", exc.message)
    if found and found.group(2):
        return f"没有命令 {found.group(1)}（是否想用 {found.group(2)}？）。"
    if found:
        commands = "、".join(ctx.command.list_commands(ctx)) if ctx is not None else ""
        return f"没有命令 {found.group(1)}" + (f"（可用的命令：{commands}）" if commands else "") + "。"
    found = re.match(r"Got unexpected extra arguments? \((.*)\)", exc.message)
    if found:
        return f"多余的参数：{found.group(1)}。"
    return exc.format_message()


def _name(param) -> str:
    if param is None:
        return ""
    if param.metavar and not param.opts[0].startswith("-"):
        return param.metavar.removesuffix("...")
    return " / ".join(param.opts)


def _value_error(message: str) -> str:
    for pattern, chinese in _VALUE_ERRORS:
        found = re.search(pattern, message)
        if found:
            groups = [group.replace("', '", "、").strip("'") for group in found.groups()]
            return chinese.format(*groups)
    return message
