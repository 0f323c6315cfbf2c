"""The stage of a run that checks statements across years: each document's results, as they come in input order,
with its statements of change checked against the earlier documents seen in the run or held in the results store.

Results keep their input order and still stream. A document whose earlier document has not been seen waits for
it, and the documents after it wait behind it, but for no more than `WINDOW` later inputs: an archive lists an
issuer's years side by side (by name, by directory), so the earlier document is either already seen — the usual
case, years sort ascending — or close behind; one further away, in one run, is not found, and the statement
stays unverified. With a results store every document ever stored is looked up as well, and `figcheck report
--store` meets them all whatever their order.

A check across years is added to the later document's results (FC309, its location the later statement's; the
finding names the earlier document and where the figure stands there).
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from figcheck.results import FileResult
from figcheck.suppress import suppress_added
from figcheck.years import INTO, OUT
from figcheck.years.identity import the_body

if TYPE_CHECKING:
    from figcheck.years.facts import YearFacts

WINDOW = 32  # later inputs a document waits for its earlier year's document, at most

Key = tuple[str, str, int]  # issuer, kind, year
Lookup = Callable[[str, str, int], "list[tuple[str, YearFacts]]"]


class Ledger:
    """The documents with year facts seen so far, and the ones a store holds (looked up once per key). A body's
    documents are found under its own name, or else under the one other name of the same body
    (identity.the_body); a document may be there twice (the PDF and its text), each is tried in turn."""

    def __init__(self, lookup: Lookup | None = None) -> None:
        self._seen: dict[tuple[str, int], list[tuple[str, str, YearFacts]]] = {}  # (kind, year) → issuer, path, facts
        self._stored: dict[Key, list[tuple[str, YearFacts]]] = {}
        self._lookup = lookup

    def add(self, path: str, facts: YearFacts) -> None:
        identity = facts.identity
        self._seen.setdefault((identity.kind, identity.year), []).append((identity.issuer, path, facts))

    def find(self, key: Key) -> list[tuple[str, YearFacts]]:
        """The body's documents of that kind and year: those of the run first, then the store's."""
        issuer, kind, year = key
        documents = self._seen.get((kind, year), [])
        found = the_body(issuer, [(named, (path, facts)) for named, path, facts in documents])
        if key not in self._stored:
            self._stored[key] = self._lookup(*key) if self._lookup else []
        seen = {path for path, _ in found}
        return found + [(path, facts) for path, facts in self._stored[key] if path not in seen]


def linked(
    results: Iterable[FileResult], ledger: Ledger, truncation: bool, window: int = WINDOW
) -> Iterator[FileResult]:
    """`results` in their order, each with its statements across years checked."""
    held: deque[FileResult] = deque()
    for result in results:
        if result.year_facts is not None:
            ledger.add(result.path, result.year_facts)
            for key in _wanted(result):
                ledger.find(key)  # the store is asked now, while it is open: it closes when its results end
        held.append(result)
        while held and (len(held) > window + 1 or _ready(held[0], ledger)):
            yield with_years(held.popleft(), ledger, truncation)
    while held:
        yield with_years(held.popleft(), ledger, truncation)


def _ready(result: FileResult, ledger: Ledger) -> bool:
    """Whether every earlier document the result's statements name has been found."""
    return all(ledger.find(key) for key in _wanted(result))


def _wanted(result: FileResult) -> set[Key]:
    facts = result.year_facts
    if facts is None:
        return set()
    identity = facts.identity
    wanted = {(identity.issuer, statement.kind, statement.year) for statement in facts.statements}
    if any(row.side == INTO for row in facts.carried):
        wanted.add((identity.issuer, identity.kind, identity.year - 1))
    return wanted


def with_years(result: FileResult, ledger: Ledger, truncation: bool) -> FileResult:
    """The result with a finding per statement whose earlier document states the item's amount."""
    facts = result.year_facts
    if facts is None or not (facts.statements or facts.carried):
        return result
    checked, undecided = _carried_over(facts, ledger, truncation), []
    for statement in facts.statements:
        found = ledger.find((facts.identity.issuer, statement.kind, statement.year))
        tried = (_statement(statement, *document, truncation) for document in found)
        finding = next(filter(None, tried), None)
        if finding is not None:
            (undecided if finding.undecided else checked).append(finding)
    if not checked and not undecided:
        return result
    return _merged(result, checked, undecided)


def _statement(statement, earlier_path: str, earlier: YearFacts, truncation: bool):
    """The statement checked against one earlier document, or None when it does not state the item."""
    from figcheck.years import check  # the arithmetic: loaded only where a document has year facts

    value = check.earlier_value(statement, earlier)
    return check.check(statement, value, earlier_path, truncation) if value is not None else None


def _carried_over(facts: YearFacts, ledger: Ledger, truncation: bool) -> list:
    """This year's carried-in rows against the earlier year's carried-out rows (FC310), from the first earlier
    document that has them."""
    identity = facts.identity
    into = [row for row in facts.carried if row.side == INTO]
    if not into:
        return []  # (and the store, closed by now, is not asked)
    from figcheck.years import check  # (as in _statement)

    for earlier_path, earlier in ledger.find((identity.issuer, identity.kind, identity.year - 1)):
        out = [row for row in earlier.carried if row.side == OUT]
        findings = check.check_carried(into, out, earlier_path, identity.year - 1, truncation)
        if findings:
            return findings
    return []


def _merged(result: FileResult, checked: list, undecided: list) -> FileResult:
    """Add the findings (but those the document's directives suppress); a statement now verified (or failed) is no
    longer counted as unverifiable."""
    result, checked = suppress_added(result, checked)
    decided = {finding.start for finding in (*checked, *undecided)}
    reasons = zip(result.unverified, result.unverified_reasons, strict=True)
    kept = sorted(
        [(start, why) for start, why in reasons if start not in decided] + [(f.start, f.undecided) for f in undecided]
    )
    return dataclasses.replace(
        result,
        results=(*result.results, *checked),  # the reports order findings by position
        undecided=(*result.undecided, *undecided),
        unverified=tuple(start for start, _ in kept),
        unverified_reasons=tuple(why for _, why in kept),
        unverifiable=len(kept),
    )
