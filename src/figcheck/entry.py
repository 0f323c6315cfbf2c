"""The console script. `figcheck --version` answers before the command line is loaded: pre-commit and CI ask a
tool's version before every run, and loading typer and rich costs ten times what the answer does."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from figcheck import __version__

        print(f"figcheck {__version__}")
        return
    from figcheck.cli import main as run

    run()
