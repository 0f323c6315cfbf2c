"""Help and usage errors speak the user's language: Chinese by default, English with --lang en (issue 15, item 6).

These run figcheck's own entry point (cli.main), as a user's shell does: typer's test runner would print
click's English error itself, before figcheck could say it."""

from __future__ import annotations

import pytest

from figcheck import cli


def _main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.argv", ["figcheck", *args])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    captured = capsys.readouterr()
    return stopped.value.code, captured.out, captured.err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check"], "用法错误：缺少参数 PATH。"),
        (["check", "--jobs", "0", "a.txt"], "用法错误：--jobs / -j 的值无效：「0」应不小于 1。"),
        (["check", "--timeout", "abc", "a.txt"], "用法错误：--timeout 的值无效：「abc」不是数字。"),
        (
            ["check", "--format", "xml", "a.txt"],
            "用法错误：--format 的值无效：「xml」不是可选的值（可选：text、concise、json、sarif、github、junit、"
            "jsonl、html、csv）。",
        ),
        (
            ["check", "--fail-on", "fatal", "a.txt"],
            "用法错误：--fail-on 的值无效：「fatal」不是可选的值（可选：error、warning、info）。",
        ),
        (["check", "--jobz", "2", "a.txt"], "用法错误：没有选项 --jobz（是否想用 --jobs？）。"),
        (["check", "a.txt", "--format"], "用法错误：选项 --format 后面需要一个值。"),
        (
            ["zzz", "a.txt"],
            "用法错误：没有命令 zzz（可用的命令：check、figures、text、rules、explain、annotate、report、view）。",
        ),
        (
            ["chek", "a.txt"],
            "用法错误：没有命令 chek（是否想用 check？）。",
        ),
    ],
)
def test_usage_errors_are_said_in_chinese(monkeypatch, capsys, args, said):
    code, out, err = _main(monkeypatch, capsys, *args)
    assert code == 2 and out == ""
    assert err.rstrip("\n").split("\n")[-1] == said, err
    for english in ("Usage:", "Error:", "Try '", "Invalid value", "Value error", "No such", "Missing"):
        assert english not in err, err


def test_a_usage_error_gives_the_usage_line_and_where_help_is(monkeypatch, capsys):
    _, _, err = _main(monkeypatch, capsys, "check", "--jobs", "0", "a.txt")
    assert err.startswith("用法：figcheck check [选项] PATH...\n运行「figcheck check --help」查看帮助。\n")


def test_usage_errors_in_english_with_lang_en(monkeypatch, capsys):
    code, _, err = _main(monkeypatch, capsys, "check", "a.txt", "--lang", "en", "--format", "xml")
    assert code == 2
    assert err.startswith("Usage: figcheck check [OPTIONS] PATH...\nTry 'figcheck check --help' for help.\n")
    assert "Error: Invalid value for '--format': 'xml' is not one of" in err
    assert "用法" not in err and "Value error" not in err


def test_help_is_chinese_first(monkeypatch, capsys):
    code, out, _ = _main(monkeypatch, capsys, "check", "--help")
    assert code == 0
    assert out.startswith("用法：figcheck check [选项] PATH...")
    for chinese in ("参数：", "选项：", "[默认：text]", "[必填]", "显示本帮助并退出", "[≥1]", "-j, --jobs N"):
        assert chinese in out, chinese
    for english in ("Usage:", "Options:", "Arguments:", "[default:", "<list[str]>", "<int range>", "{PATH}"):
        assert english not in out, english
    code, out, _ = _main(monkeypatch, capsys, "--help")
    assert out.startswith("用法：figcheck [选项] 命令 [参数]...") and "命令：" in out


def test_help_in_english_with_lang_en(monkeypatch, capsys):
    _, out, _ = _main(monkeypatch, capsys, "check", "--lang", "en", "--help")
    assert out.startswith("Usage: figcheck check [OPTIONS] PATH...")
    assert "Options:" in out and "[default: text]" in out and "选项：" not in out
