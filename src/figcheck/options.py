"""What a run's configuration changes in how a document is checked; passed down, never global."""

from __future__ import annotations

from dataclasses import dataclass

from figcheck.rulebook import BUNDLED, Rulebook


@dataclass(frozen=True, slots=True)
class Options:
    """`book`: the rule data (bundled, extended by --rules directories); `accept_truncation`: a
    truncated figure (40.54% written 40%) passes as well as a rounded one."""

    book: Rulebook = BUNDLED
    accept_truncation: bool = True


DEFAULT = Options()
