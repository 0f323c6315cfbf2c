"""Bad input: every input gets an answer, no traceback reaches the user, nothing runs foreign code."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import builders
from figcheck.cli import app
from figcheck.figures import find_figures
from figcheck.load import LoadError, load
from figcheck.pipeline import check_text

FLAWED = "市本级受理政府信息公开申请413件，区县受理1207件，合计1602件。\n"


def _report(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["check", "--format", "json", "--jobs", "1", *args])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.output) if result.output.lstrip().startswith("{") else {}


def _error_of(path: Path) -> str | None:
    code, report = _report(str(path))
    [entry] = report["files"]
    return entry["error"]


# ── paths ─────────────────────────────────────────────────────────────────
def test_every_path_gets_an_answer_and_the_others_are_checked(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(FLAWED, encoding="utf-8")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    code, report = _report(str(tmp_path / "missing.txt"), str(empty_dir), str(good))
    assert code == 2
    errors = {Path(entry["path"]).name: entry["error"] for entry in report["files"]}
    assert errors == {"missing.txt": "文件不存在", "empty": errors["empty"], "good.txt": None}
    assert "没有可检查的文件" in errors["empty"]
    assert report["summary"]["findings"] == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(FLAWED, encoding="utf-8")
    locked.chmod(0)
    assert _error_of(locked) == "没有读取权限"


def test_permission_denied_as_root_is_simulated(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(FLAWED, encoding="utf-8")
    real_open = open

    def refuse(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(LoadError, match="没有读取权限"):
        load(str(path))


def test_symlink_loop(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    assert "无法读取" in _error_of(loop)
    directory = tmp_path / "d"
    directory.mkdir()
    os.symlink(directory, directory / "self")  # a directory loop: walking must end
    (directory / "a.txt").write_text(FLAWED, encoding="utf-8")
    code, report = _report(str(directory))
    assert [Path(e["path"]).name for e in report["files"]] == ["a.txt"]


def test_fifo_and_device(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "FIFO" in _error_of(fifo)  # and it returns: opening a FIFO would wait forever
    code, report = _report("/dev/null")
    assert "设备" in report["files"][0]["error"]


# ── text content ──────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL"),
        (b"abc\x00def", "NUL"),
        (bytes(range(128, 256)) * 4, "编码"),
        ("全年受理64件，".encode() + "其中维持38件".encode("gbk"), None),  # mixed: GB18030 reads both
    ],
)
def test_text_contents(tmp_path, content, error):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    found = _error_of(path)
    assert (found is None) if error is None else (error in found), found


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(FLAWED.encode("utf-16-le"))
    code, report = _report(str(path))
    assert report["files"][0]["error"] is None and report["summary"]["findings"] == 1


# ── structured formats ────────────────────────────────────────────────────
def test_truncated_docx(tmp_path):
    whole = builders.docx(tmp_path / "whole.docx", builders.PROSE_FLAWED, builders.TABLE_CLEAN).read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "已损坏" in _error_of(cut) or "无法读取" in _error_of(cut)


def test_zip_bomb_is_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/padding.bin", b"\0" * (210 * 1024 * 1024))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    assert "zip 炸弹" in _error_of(bomb)


def test_docx_with_external_entity_is_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密数字99999件", encoding="utf-8")
    source = builders.docx(tmp_path / "base.docx", builders.PROSE_CLEAN, builders.TABLE_CLEAN)
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(evil, "w") as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                text = text.replace("?>", "?>" + doctype, 1).replace("一、总体情况", "一、总体情况&xxe;")
                data = text.encode("utf-8")
            copy.writestr(info, data)
    try:
        document = load(str(evil))
    except LoadError:
        return  # refusing the file is as good as not expanding it
    assert "99999" not in document.text and "机密" not in document.text


def test_encrypted_and_broken_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = builders.pdf(tmp_path / "plain.pdf", builders.PROSE_CLEAN, builders.TABLE_CLEAN)
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    assert "加密" in _error_of(locked)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(plain.read_bytes()[:300])
    assert _error_of(broken)


def test_pdf_without_text_layer(tmp_path):
    assert "没有文字层" in _error_of(builders.scanned_pdf(tmp_path / "scan.pdf"))


def test_html_nested_100000_levels(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 100_000 + f"<p>{FLAWED}</p>" + "</div>" * 100_000, encoding="utf-8")
    code, report = _report(str(page))
    assert code in (0, 1, 2)  # answered, whatever lxml kept of the nesting


# ── size and pathology ────────────────────────────────────────────────────
def test_fifty_thousand_digit_number_is_fast_and_not_a_figure():
    started = time.perf_counter()
    figures = find_figures("共" + "1" * 50_000 + "件。")
    assert time.perf_counter() - started < 2 and figures == []


def test_many_figures_in_one_paragraph_in_bounded_time():
    text = "共" + "1件、" * 100_000 + "。"
    started = time.perf_counter()
    result = check_text(text)
    assert time.perf_counter() - started < 20 and len(result.figures) == 100_000


@pytest.mark.parametrize(
    "text",
    [
        "其中1件，" * 20_000,
        "合计3件，" * 20_000,
        "办结率98%，受理100件，办结98件，" * 5_000,
        "（" * 100_000 + "1件",
        "1," * 50_000 + "1件",
        "第" * 50_000 + "1件",
        "约" * 50_000 + "1件",
        "由1个增加到" * 20_000 + "2个，增长100%",
    ],
)
def test_adversarial_text_is_bounded(text):
    started = time.perf_counter()
    check_text(text)
    assert time.perf_counter() - started < 20


def test_time_grows_linearly_on_one_long_line():
    sentence = "全年受理申请413件，区县受理1207件，合计1620件。"

    def seconds(repeats: int) -> float:
        started = time.perf_counter()
        result = check_text(sentence * repeats)  # one line, no paragraph breaks
        assert len(result.passed) == repeats
        return time.perf_counter() - started

    small, large = seconds(5_000), seconds(20_000)
    assert large < 8 * small, (small, large)  # four times the text: about four times the time


@pytest.mark.parametrize(
    "unit",
    [
        "全年受理申请5件，其中主办1件、协办1件、",  # each 其中 looks back for its total: at most _SCAN figures
        "办结率98%，受理100件，办结98件，",  # each rate looks at most _MOST_COUNTS counts around it
    ],
)
def test_recognizers_look_back_a_bounded_distance(unit):
    """Four times the repetitions take about four times as long (a search back over every earlier
    figure would take sixteen): the recognizers' look-back limits keep the work linear."""

    def seconds(repeats: int) -> float:
        started = time.perf_counter()
        check_text(unit * repeats)
        return time.perf_counter() - started

    small, large = seconds(2_500), seconds(10_000)
    assert large < 8 * small, (small, large)


def test_timeout_per_file(tmp_path, monkeypatch):
    import figcheck.worker as run

    slow = tmp_path / "slow.txt"
    slow.write_text(FLAWED, encoding="utf-8")
    fast = tmp_path / "fast.txt"
    fast.write_text(FLAWED, encoding="utf-8")

    def crawl(path, options, *data):
        if path.endswith("slow.txt"):
            time.sleep(5)
        return original(path, options, *data)

    original = run.check_path
    monkeypatch.setattr(run, "check_path", crawl)
    code, report = _report(str(slow), str(fast), "--timeout", "0.5")
    errors = {Path(e["path"]).name: e["error"] for e in report["files"]}
    assert code == 2 and "超时" in errors["slow.txt"] and errors["fast.txt"] is None


def test_internal_error_is_an_answer_not_a_traceback(tmp_path, monkeypatch):
    import figcheck.worker as run

    path = tmp_path / "a.txt"
    path.write_text(FLAWED, encoding="utf-8")
    monkeypatch.setattr(run, "check_path", lambda path, options, *data: 1 / 0)
    code, report = _report(str(path))
    assert code == 2 and "内部错误：ZeroDivisionError" in report["files"][0]["error"]
    with pytest.raises(ZeroDivisionError):
        CliRunner().invoke(app, ["check", str(path), "--debug", "--jobs", "1"], catch_exceptions=False)


# ── the process ───────────────────────────────────────────────────────────
def _figcheck(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "figcheck", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs
    )


def test_closed_pipe_is_quiet(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(FLAWED * 20_000, encoding="utf-8")
    proc = _figcheck("figures", str(big))
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    proc.wait(timeout=60)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_ctrl_c_exits_130_and_leaves_no_half_report(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(("全年受理申请413件，区县受理1207件，合计1620件。" * 50_000 + "\n") * 4, encoding="utf-8")
    out = tmp_path / "report.json"
    proc = _figcheck("check", str(big), "--format", "json", "--output", str(out), "--jobs", "1")
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and not out.exists()
    assert not list(tmp_path.glob("*.part"))


def test_rule_and_config_files_are_data():
    import figcheck

    source = Path(figcheck.__file__).parent
    for module in source.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        assert "eval(" not in text and "exec(" not in text, module
