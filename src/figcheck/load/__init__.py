"""Loading inputs: pick the loader for a path, walk directories, read stdin.

Every loader turns bytes into a `Document`; a problem that makes an input unreadable is a
`LoadError` with a reason a user can act on, never a traceback.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from figcheck.document import Document
from figcheck.load.errors import LoadError

STDIN = "-"
MAX_BYTES = 256 * 1024 * 1024  # a report is a few MB; a larger input is not one
# Suffix → loader module; a file named explicitly with another suffix is read as plain text.
LOADERS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".docx": "docx",
    ".docm": "docx",
    ".dotx": "docx",
    ".pdf": "pdf",
    ".doc": "office",  # through LibreOffice, when it is installed
    ".wps": "office",
    ".ofd": "ofd",
}
# Suffixes found when walking a directory.
SUPPORTED_SUFFIXES = frozenset(LOADERS)


def iter_inputs(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories into their supported files (sorted), keep other paths as given."""
    for given in paths:
        if given != STDIN and os.path.isdir(given):
            found = sorted(
                str(Path(root) / name)
                for root, _dirs, names in os.walk(given)
                for name in names
                if Path(name).suffix.lower() in SUPPORTED_SUFFIXES
            )
            if not found:
                yield given  # reported as an error: the user asked for it and gets an answer
            yield from found
        else:
            yield given


def load(path: str) -> Document:
    """Read one input (a file path or `-` for stdin) into a Document."""
    if path == STDIN:
        return load_bytes(STDIN, sys.stdin.buffer.read())
    return load_bytes(path, read(path))


def read(path: str) -> bytes:
    """An input file's bytes, or LoadError saying why it cannot be read."""
    if os.path.isdir(path):
        raise LoadError("目录中没有可检查的文件（.txt、.md、.html、.docx、.pdf、.ofd、.doc、.wps）")
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):  # opening a FIFO would wait forever; a device is not a report
            kind = "FIFO（命名管道）" if stat.S_ISFIFO(mode) else "设备或特殊文件"
            raise LoadError(f"不是普通文件，而是{kind}")
        if os.stat(path).st_size > MAX_BYTES:
            raise LoadError(f"文件超过 {MAX_BYTES // 1024 // 1024} MB，拒绝读取")
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise LoadError("文件不存在") from None
    except PermissionError:
        raise LoadError("没有读取权限") from None
    except OSError as exc:
        raise LoadError(f"无法读取：{exc.strerror or exc}") from None


def load_bytes(path: str, data: bytes) -> Document:
    """An input's bytes read into a Document, by the loader its name's suffix calls for (text by default): a
    file read elsewhere — by the client of a cluster — is read here as the file would be."""
    import importlib

    from figcheck.load import text as text_loader

    module = LOADERS.get(Path(path).suffix.lower(), "text")
    if module == "text":
        return text_loader.load(path, data)
    return importlib.import_module(f"figcheck.load.{module}").load(path, data)
