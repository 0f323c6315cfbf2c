"""Old Word (.doc) and WPS (.wps) files through LibreOffice (issue 14): read when it is installed, a clear message
naming the package when it is not, and never a hang or a leftover process."""

from __future__ import annotations

import os
import shutil
import time

import pytest

import builders
from figcheck.load import LoadError, load, office
from figcheck.pipeline import check_path

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # the header of a Word 97–2003 or WPS file


def test_a_file_that_is_no_such_file_is_refused_before_conversion(tmp_path):
    with pytest.raises(LoadError, match="文件头不符"):
        office.load(str(tmp_path / "x.doc"), b"plain words, not a Word file")


def test_without_libreoffice_the_message_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    (tmp_path / "old.doc").write_bytes(OLE)
    with pytest.raises(LoadError, match="apt-get install libreoffice-writer-nogui"):
        load(str(tmp_path / "old.doc"))
    result = check_path(str(tmp_path / "old.doc"))
    assert "旧版 Word（.doc）" in result.error and "另存为 .docx" in result.error


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return any(line.startswith("State:") and "Z" in line for line in status)  # a zombie has ended
    except FileNotFoundError:
        return True


def test_a_hung_conversion_is_stopped_with_everything_it_started(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pids = tmp_path / "pids"
    fake = bin_dir / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ >> {pids}\nsleep 300 &\necho $! >> {pids}\nwait\n", encoding="ascii")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    started = time.monotonic()
    with pytest.raises(LoadError, match="转换超时"):
        office.load(str(tmp_path / "slow.wps"), OLE, time_limit=1)
    assert time.monotonic() - started < 10
    recorded = [int(line) for line in pids.read_text(encoding="ascii").split()]
    assert len(recorded) == 2
    deadline = time.monotonic() + 5
    while not all(_gone(pid) for pid in recorded) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_gone(pid) for pid in recorded), "the fake soffice and its sleep were both killed"


def test_a_conversion_that_writes_nothing_is_an_error(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "soffice").write_text("#!/bin/sh\nexit 0\n", encoding="ascii")
    (bin_dir / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    with pytest.raises(LoadError, match="未能把WPS 文字（.wps）文件转换为 .docx"):
        office.load(str(tmp_path / "x.wps"), OLE)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_old_word_and_wps_files_are_checked_like_word_drafts(tmp_path, suffix):
    builders.docx(tmp_path / "report.docx", builders.PROSE_FLAWED, builders.TABLE_FLAWED)
    done = builders.soffice_convert(tmp_path / "report.docx", "doc:MS Word 97", tmp_path / "old")
    assert done.returncode == 0, done.stderr
    old = (tmp_path / "old" / "report.doc").rename(tmp_path / f"report{suffix}")
    assert old.read_bytes()[:4] == b"\xd0\xcf\x11\xe0", "a binary (OLE) file, as Word 97–2003 and WPS write them"
    result = check_path(str(old))
    found = sorted((f.code, f.stated.raw, result.document.locate(f.start)) for f in result.findings)
    assert found == [("FC101", "64件", "第3段"), ("FC401", "256", "表1 第5行第2列")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_clean_old_word_file_has_no_findings(tmp_path):
    builders.docx(tmp_path / "report.docx", builders.PROSE_CLEAN, builders.TABLE_CLEAN)
    assert builders.soffice_convert(tmp_path / "report.docx", "doc:MS Word 97", tmp_path / "old").returncode == 0
    result = check_path(str(tmp_path / "old" / "report.doc"))
    assert result.error is None and result.findings == () and {f.code for f in result.passed} >= {"FC101", "FC401"}
