"""The command that opens a file at a line in the user's editor ($EDITOR)."""

from __future__ import annotations

import os
import shlex

# editors that take `+LINE FILE` (the vi and emacs families and their like)
_PLUS_LINE = frozenset(
    "vi vim nvim gvim view ex nano pico rnano emacs emacsclient mg jed joe jstar ne micro kak mcedit gedit".split()
)
_GOTO = frozenset(("code", "codium", "code-insiders", "cursor"))  # `--goto FILE:LINE`
_COLON = frozenset(("subl", "hx", "helix", "zed", "atom"))  # `FILE:LINE`


def editor_command(editor: str, path: str, line: int) -> list[str]:
    """The command opening `path` at `line`; `editor` is $EDITOR as set, arguments included (「emacsclient -t」).
    An editor not known to take a line opens the file at its top."""
    words = shlex.split(editor)
    name = os.path.basename(words[0]).lower().removesuffix(".exe")
    if name in _PLUS_LINE:
        return [*words, f"+{line}", path]
    if name in _GOTO:
        return [*words, "--goto", f"{path}:{line}"]
    if name in _COLON:
        return [*words, f"{path}:{line}"]
    return [*words, path]
