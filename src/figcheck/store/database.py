"""The results store's database: what is checked again, what is reused, what is recorded (see store/)."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from figcheck import __version__
from figcheck.load import STDIN
from figcheck.report import rows
from figcheck.results import TIMED_OUT, WORKER_DIED, FileResult
from figcheck.rulebook import rules_dir
from figcheck.store import StoreError, codec
from figcheck.store.schema import prepare
from figcheck.years.facts import YearFacts
from figcheck.years.identity import the_body

if TYPE_CHECKING:
    from figcheck.worker import Settings

Checker = Callable[[list[str]], Iterator[tuple[FileResult, float]]]


class Store:
    """An open results store (SQLite)."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")  # a reader (figcheck report) never waits for the run
            self._db.execute("PRAGMA synchronous = NORMAL")  # a commit survives a crash of figcheck, not of the OS
            prepare(self._db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: 无法打开结果库（{exc}）") from None

    def close(self) -> None:
        self._db.close()

    def through(self, files: list[str], settings: Settings, check: Checker) -> Iterator[FileResult]:
        """Every input's result in input order: the stored one where it holds, else `check`'s, recorded."""
        rules = rules_hash(settings)
        plan = [self._plan(path, rules, settings.timeout) for path in files]
        fresh = check([path for (path, _, row) in plan if row is None])
        try:
            for path, content, row in plan:
                if row is not None:
                    identity, stored_path = row
                    if stored_path != path:
                        self._copy(identity, path)
                    yield self._stored(identity, path)
                    continue
                result, seconds = next(fresh)
                if content is not None:
                    self._record(path, content, rules, settings.timeout, seconds, result)
                yield result
        finally:
            self.close()  # the run is over, or stopped: what is recorded stays

    def results(self, paths: list[str] | tuple[str, ...] = ()) -> Iterator[FileResult]:
        """Every stored input's result, by path; with `paths`, those inputs and the inputs under those directories
        only, paths compared as they were given when checked."""
        try:
            for identity, path in self._db.execute("SELECT id, path FROM inputs ORDER BY path").fetchall():
                if not paths or any(_within(path, given) for given in paths):
                    yield self._stored(identity, path)
        finally:
            self.close()

    def year_facts(self, issuer: str, kind: str, year: int) -> list[tuple[str, YearFacts]]:
        """The stored documents of that body, kind and year, with their year facts (identity.the_body)."""
        rows = self._db.execute(
            "SELECT issuer, id, path FROM inputs WHERE kind = ? AND year = ? AND status = 'checked' "
            "AND (issuer = ? OR issuer LIKE '%' || ? OR ? LIKE '%' || issuer) ORDER BY path",
            (kind, year, issuer, issuer, issuer),
        ).fetchall()
        found = []
        for identity, path in the_body(issuer, [(named, (identity, path)) for named, identity, path in rows]):
            result = self._stored(identity, path)
            if result.year_facts is not None:
                found.append((result.path, result.year_facts))
        return found

    def _plan(self, path: str, rules: str, timeout: float) -> tuple[str, str | None, tuple[int, str] | None]:
        """(path, content hash, the stored row to reuse as (id, its path), or None to check)."""
        content = content_hash(path)
        if content is None:
            return path, None, None
        wanted = "content_hash = ? AND figcheck_version = ? AND rules_hash = ?"
        # the row of this path first, then any row of the same content (a copy, a moved file)
        for row in self._db.execute(
            f"SELECT id, path, status, timeout FROM inputs WHERE {wanted} ORDER BY path = ? DESC",
            (content, __version__, rules, path),
        ):
            identity, stored_path, status, allowed = row
            if status == WORKER_DIED:
                continue  # a fault, not a result: tried again
            if status != TIMED_OUT or (timeout and timeout <= allowed):
                return path, content, (identity, stored_path)
        return path, content, None

    def _copy(self, identity: int, path: str) -> None:
        """Record a copy's result under its own path too, so that reports list it."""
        columns = "content_hash, format, figcheck_version, rules_hash, status, error, timeout, duration, checked_at, "
        columns += "findings, passed, unverifiable, result, issuer, year, kind"
        self._db.execute("BEGIN")
        try:
            self._db.execute("DELETE FROM inputs WHERE path = ?", (path,))
            cursor = self._db.execute(
                f"INSERT INTO inputs (path, {columns}) SELECT ?, {columns} FROM inputs WHERE id = ?", (path, identity)
            )
            self._db.execute(
                'INSERT INTO findings SELECT ?, code, severity, outcome, line, "column", location, stated, computed, '
                "unit, formula, message, typo, typo_value FROM findings WHERE input_id = ?",
                (cursor.lastrowid, identity),
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _stored(self, identity: int, path: str) -> FileResult:
        (blob,) = self._db.execute("SELECT result FROM inputs WHERE id = ?", (identity,)).fetchone()
        try:
            result = codec.loads(blob)
        except codec.CodecError as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        if path == result.path:
            return result
        document = result.document and dataclasses.replace(result.document, path=path)
        return dataclasses.replace(result, path=path, document=document)

    def _record(self, path: str, content: str, rules: str, timeout: float, seconds: float, result: FileResult) -> None:
        row = (
            path,
            content,
            input_format(path),
            __version__,
            rules,
            result.status,
            result.error,
            timeout,
            round(seconds, 4),
            datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            len(result.findings),
            len(result.passed),
            result.unverifiable,
            codec.dumps(result),
            *_identity(result),
        )
        self._db.execute("BEGIN")
        try:
            self._db.execute("DELETE FROM inputs WHERE path = ?", (path,))
            cursor = self._db.execute(f"INSERT INTO inputs VALUES (NULL{', ?' * len(row)})", row)
            self._db.executemany(
                f"INSERT INTO findings VALUES (?{', ?' * 13})",
                [(cursor.lastrowid, *values) for values in rows.finding_rows(result)],
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise


def _identity(result: FileResult) -> tuple[str | None, int | None, str | None]:
    if result.year_facts is None:
        return None, None, None
    identity = result.year_facts.identity
    return identity.issuer, identity.year, identity.kind


def _within(path: str, given: str) -> bool:
    given = given.rstrip("/")
    return path == given or path.startswith(given + "/")


def content_hash(path: str) -> str | None:
    """SHA-256 of the input's bytes; None for standard input or a file that cannot be read (checked, not stored)."""
    if path == STDIN:
        return None
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def rules_hash(settings: Settings) -> str:
    """What besides the content and the version decides a result: the rule data (bundled and the user's
    directories) and the options that change checking."""
    digest = hashlib.sha256(f"accept_truncation={settings.options.accept_truncation}".encode())
    for directory in (rules_dir(), *settings.options.book.extra_dirs):
        for path in sorted(Path(directory).glob("*.toml")):
            digest.update(f"\n{path.name}\n".encode() + path.read_bytes())
    return digest.hexdigest()


def input_format(path: str) -> str:
    return Path(path).suffix.lower().lstrip(".") or "txt"
