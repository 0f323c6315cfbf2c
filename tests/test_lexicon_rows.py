"""Every set phrase and context rule in rules/lexicon.toml [not_quantities], and every ratio word, earns its place.

tests/data/lexicon_rows.tsv holds one or more rows per rule. `rule` names what the row guards: an
entry of `phrases` (`phrase:一头`) or a key of `count_when_followed_by` (`count_when_followed_by:头`)
or `not_after` (`not_after:前一年`); `text` is a sentence using it naturally; `figures` is what
find_figures reads there (`raw|value|unit`, then `|qualifier` unless none; `;` between figures;
empty for none). Each row is read twice: with the lexicon as shipped it gives `figures`, and with the
vocabulary rebuilt without the row's rule it gives something else — so an entry that stops changing
anything (because another rule now covers it) fails here and can be dropped.
"""

from __future__ import annotations

import copy
import csv
from dataclasses import dataclass

import pytest

from conftest import DATA
from figcheck import rulebook
from figcheck.figures import find_figures

KINDS = ("phrase", "count_when_followed_by", "not_after")
RATIO = "ratio"  # `ratio:结构`: a word of [ratios] before, that makes integers joined by colons a ratio


def _rows() -> list[dict[str, str]]:
    with open(DATA / "lexicon_rows.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def _read(text: str, book: rulebook.Rulebook = rulebook.BUNDLED) -> str:
    """The figures in `text`, written as in the `figures` column."""
    return ";".join(
        "|".join([f.raw, f.value_text, f.unit] + ([f.qualifier] if f.qualifier != "none" else []))
        for f in find_figures(text, book)
    )


def _without(lexicon: dict, rule: str) -> dict:
    """A copy of the parsed lexicon.toml without one phrase or one context key."""
    kind, _, name = rule.partition(":")
    lexicon = copy.deepcopy(lexicon)
    if kind == RATIO:
        lexicon["ratios"]["before"] = [word for word in lexicon["ratios"]["before"] if word != name]
        return lexicon
    table = lexicon["not_quantities"]
    if kind == "phrase":
        table["phrases"] = [phrase for phrase in table["phrases"] if phrase != name]
    else:
        del table[kind][name]
    return lexicon


# ---------------------------------------------------------------------------------------------------
# THE ONE PLACE that builds "the rulebook without rule X": a rulebook is an immutable value passed to
# find_figures, so a variant whose lexicon.toml lacks one rule is a small subclass — no global state.
@dataclass(frozen=True)
class _LexiconWithout(rulebook.Rulebook):
    rule: str = ""

    def load(self, name: str) -> dict:
        data = rulebook.BUNDLED.load(name)
        return _without(data, self.rule) if name == "lexicon.toml" else data


def lexicon_without(rule: str) -> rulebook.Rulebook:
    return _LexiconWithout(rule=rule)


# ---------------------------------------------------------------------------------------------------


def _rules_in_lexicon() -> set[str]:
    table = rulebook.BUNDLED.load("lexicon.toml")["not_quantities"]
    rules = {f"phrase:{phrase}" for phrase in table["phrases"]}
    for kind in KINDS[1:]:
        rules |= {f"{kind}:{key}" for key in table.get(kind, {})}
    rules |= {f"{RATIO}:{word}" for word in rulebook.BUNDLED.load("lexicon.toml")["ratios"]["before"]}
    return rules


def test_every_rule_has_a_row_and_every_row_a_rule():
    rows = {row["rule"] for row in ROWS}
    assert _rules_in_lexicon() - rows == set(), "a lexicon rule without a row in lexicon_rows.tsv"
    assert rows - _rules_in_lexicon() == set(), "a row for a rule that is not in lexicon.toml"
    assert len({row["text"] for row in ROWS}) == len(ROWS), "a sentence is listed twice"
    phrases = rulebook.BUNDLED.load("lexicon.toml")["not_quantities"]["phrases"]
    assert len(set(phrases)) == len(phrases), "a phrase is listed twice"


@pytest.mark.parametrize("row", ROWS, ids=[f"{row['rule']}:{row['text']}" for row in ROWS])
def test_row(row):
    assert _read(row["text"]) == row["figures"]
    without = _read(row["text"], lexicon_without(row["rule"]))
    assert without != row["figures"], f"{row['rule']} changes nothing here: it is inert or the row is"
