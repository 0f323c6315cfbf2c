"""Old Word (.doc) and WPS 文字 (.wps) files, converted to .docx by LibreOffice and read as Word drafts.

LibreOffice runs headless on its own profile in a temporary directory (a LibreOffice the user has open would
otherwise take the job and return before the file is written), in a process group of its own, with a time limit:
when it is up the whole group is killed, so a hung conversion neither stalls the run nor leaves a process behind.
Without LibreOffice the error names what to install."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from figcheck.document import Document
from figcheck.load import docx
from figcheck.load.errors import LoadError

TIME_LIMIT = 120.0  # seconds; a report converts in a few
_PROGRAMS = ("soffice", "libreoffice")
_SAVE_AS = "可在 Word/WPS 中另存为 .docx 后再检查"
_KINDS = {".doc": "旧版 Word（.doc）", ".wps": "WPS 文字（.wps）"}


# What such files really hold: an OLE compound file (Word 97–2003, WPS), or RTF, a web page or a .docx under the
# old name (as some sites export them). Anything else LibreOffice would read as plain text, garbled.
_SIGNATURES = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf", b"PK\x03\x04", b"<")


def load(path: str, data: bytes, time_limit: float = TIME_LIMIT) -> Document:
    kind = _KINDS.get(Path(path).suffix.lower(), "此")
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_SIGNATURES):
        raise LoadError(f"不是有效的{kind}文件（文件头不符，可能已损坏）；{_SAVE_AS}")
    program = next((found for name in _PROGRAMS if (found := shutil.which(name))), None)
    if program is None:
        raise LoadError(
            f"{kind}文件需经 LibreOffice 转换后读取，但未找到 soffice：请安装 LibreOffice"
            "（Debian/Ubuntu：apt-get install libreoffice-writer-nogui），或在 Word/WPS 中另存为 .docx"
        )
    with tempfile.TemporaryDirectory(prefix="figcheck-office-") as work:
        source = Path(work) / f"input{Path(path).suffix.lower()}"
        source.write_bytes(data)
        _convert(program, source, Path(work), time_limit)
        converted = Path(work) / "out" / "input.docx"
        if not converted.exists():
            raise LoadError(f"LibreOffice 未能把{kind}文件转换为 .docx（文件可能已损坏或并非此格式）；{_SAVE_AS}")
        document = docx.load(path, converted.read_bytes())
    if not document.text.strip():  # LibreOffice reads what it cannot recognise as (empty) plain text
        raise LoadError(
            f"LibreOffice 转换后没有读到文字（{kind}文件可能已损坏）；可在 Word/WPS 中另存为 .docx 后再检查"
        )
    return document


def _convert(program: str, source: Path, work: Path, time_limit: float) -> None:
    command = [
        program,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(work / "out"),
        str(source),
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True
    )
    try:
        process.wait(timeout=time_limit)
    except subprocess.TimeoutExpired:
        raise LoadError(f"LibreOffice 转换超时（超过 {time_limit:g} 秒），已终止") from None
    finally:
        _end_group(process)


def _end_group(process: subprocess.Popen) -> None:
    """Kill whatever is left of the conversion's process group (soffice starts a second process) and reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
