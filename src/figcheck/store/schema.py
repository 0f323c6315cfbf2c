"""The results store's tables, its version, and the steps that bring an older store up to it.

Version 2 (version 1 without the identity columns):

- `meta(key, value)`: `schema_version`.
- `inputs`: one row per input path, the latest check of it —
  `path` (as given on the command line), `content_hash` (SHA-256 of its bytes), `format` (txt, md, html, docx,
  pdf …), `figcheck_version`, `rules_hash` (the rule data and the options that change results), `status`
  (checked | unreadable | timed out | internal error | worker died), `error` (the reason, for the four others),
  `timeout` (the per-file limit it ran under, seconds; 0 for none), `duration` (seconds of checking),
  `checked_at` (UTC, ISO 8601), `findings`, `passed`, `unverifiable` (counts, before any --select/--ignore), and
  `result`: the whole result as compressed JSON (store/codec.py), from which `figcheck report --store` renders
  every format. Version 2 adds `issuer`, `year` and `kind` (预算 | 决算): the document's identity across years
  (years/identity.py), NULL for documents that name none; the earlier year's document is looked up by them.
- `findings`: one row per relation checked, failed, passed or undecided, for analysis in SQL — `input_id`,
  `code`, `severity`, `outcome` (failed | passed | undecided), `line`, `column`, `location`, `stated`, `computed`,
  `unit`, `formula`, `message` (Chinese), `typo` and `typo_value` (a likely typo's figure and value, or NULL).
"""

from __future__ import annotations

import sqlite3

from figcheck.store import StoreVersionError

SCHEMA_VERSION = 2

_VERSION_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE inputs (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    format TEXT NOT NULL,
    figcheck_version TEXT NOT NULL,
    rules_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('checked', 'unreadable', 'timed out', 'internal error', 'worker died')),
    error TEXT,
    timeout REAL NOT NULL,
    duration REAL NOT NULL,
    checked_at TEXT NOT NULL,
    findings INTEGER NOT NULL,
    passed INTEGER NOT NULL,
    unverifiable INTEGER NOT NULL,
    result BLOB NOT NULL
);
CREATE INDEX inputs_by_content ON inputs (content_hash, figcheck_version, rules_hash);
CREATE TABLE findings (
    input_id INTEGER NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('failed', 'passed', 'undecided')),
    line INTEGER NOT NULL,
    "column" INTEGER NOT NULL,
    location TEXT NOT NULL,
    stated TEXT NOT NULL,
    computed TEXT NOT NULL,
    unit TEXT NOT NULL,
    formula TEXT NOT NULL,
    message TEXT NOT NULL,
    typo TEXT,
    typo_value TEXT
);
CREATE INDEX findings_by_input ON findings (input_id);
CREATE INDEX findings_by_code ON findings (code, outcome);
"""

# MIGRATIONS[n] brings a store of version n to n + 1; each runs in one transaction with the version's update.
# A new store is made of version 1 and every step, in one transaction: every store has one history.
MIGRATIONS: dict[int, str] = {
    # 1 → 2: the document's identity across years (years/identity.py); NULL in rows written before, which a new
    # figcheck version checks again anyway
    1: """
ALTER TABLE inputs ADD COLUMN issuer TEXT;
ALTER TABLE inputs ADD COLUMN year INTEGER;
ALTER TABLE inputs ADD COLUMN kind TEXT;
CREATE INDEX inputs_by_identity ON inputs (issuer, kind, year);
""",
}


def prepare(connection: sqlite3.Connection) -> None:
    """Create the tables in a new store, or migrate an older one to SCHEMA_VERSION."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        # one transaction: a reader never sees a new store half made
        steps = "".join(MIGRATIONS[version] for version in range(1, SCHEMA_VERSION))
        connection.executescript(
            f"BEGIN;{_VERSION_1}{steps}INSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');COMMIT;"
        )
    version = int(connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreVersionError(
            f"结果库的结构版本为 {version}，本版 figcheck 只认识到 {SCHEMA_VERSION}：请升级 figcheck"
        )
    while version < SCHEMA_VERSION:
        connection.executescript(
            f"BEGIN;{MIGRATIONS[version]}UPDATE meta SET value = '{version + 1}' WHERE key = 'schema_version';COMMIT;"
        )
        version += 1
