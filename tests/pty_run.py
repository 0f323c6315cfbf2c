"""figcheck run on a real pseudo-terminal, as a person at a terminal meets it (tests of colour, wrapping and the
progress bar)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios

_CLEARED = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "CI")


def on_a_terminal(
    args: list[str], env: dict[str, str], columns: int = 100, cwd=None, stdout_too: bool = True
) -> tuple[str, str]:
    """Run figcheck with standard error — and standard output, with `stdout_too` — on a pseudo-terminal of
    `columns` columns: (what the terminal received, what standard output received when it was a pipe)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    process = subprocess.Popen(
        [sys.executable, "-m", "figcheck", *args],
        stdout=follower if stdout_too else subprocess.PIPE,
        stderr=follower,
        env=environment | env,
        cwd=cwd,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    piped = process.communicate(timeout=60)[0] if not stdout_too else b""
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n"), (piped or b"").decode("utf-8")
