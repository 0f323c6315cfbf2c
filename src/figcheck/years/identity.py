"""Which body's document of which year and kind: read from the title, the first lines of the document.

「上海市普陀区2024年区级部门预算 预算主管部门：上海市普陀区人民政府万里街道办事处」 is the 2024 预算 of
「上海市普陀区人民政府万里街道办事处」; 「某市财政局2024年部门决算」 is the 2024 决算 of 「某市财政局」. A labelled
issuer line wins over the title's words before the year, which in a 区级部门预算 name only the district (every
department's budget has it): such a title without an issuer line identifies nothing, and nothing is compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, TypeVar

import regex

from figcheck import patterns, rulebook
from figcheck.rulebook import Rulebook

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Identity:
    issuer: str  # the issuing body as written, spaces removed
    year: int
    kind: str  # 预算 | 决算 | 信息公开年报 (rules/years.toml [identity.kinds])


class _Words(NamedTuple):
    title: regex.Pattern[str]
    issuer_line: regex.Pattern[str]
    level_words: tuple[str, ...]
    head: int
    kinds: dict[str, str]  # the words a title ends with → the kind
    place: regex.Pattern[str]


@rulebook.derived
def _words(book: Rulebook) -> _Words:
    data = book.load("years.toml")["identity"]
    alt = rulebook.alternation
    kinds = {word: kind for kind, words in data["kinds"].items() for word in words}
    return _Words(
        # the year, then at most a few words, then the kind, which ends the title (or an issuer line follows on
        # the same line, as PDF text has it): 「2024年区级部门预算」, 「2024年度部门决算」; never
        # 「关于2023年决算和2024年预算的报告」, 「2023年预算执行情况」
        title=patterns.compile(
            rf"(?P<before>[^\n]{{0,40}}?)(?P<year>(?:19|20)\d{{2}})\s*年度?\s*(?P<between>[^\n，。；0-9]{{0,8}}?)"
            rf"(?P<kind>{alt(kinds)})(?=\s*$|\s*[（(【\s]|(?:{alt(data['issuer_labels'])})\s*[：:])"
        ),
        issuer_line=patterns.compile(
            rf"(?:{alt(data['issuer_labels'])})\s*[：:]\s*(?P<issuer>[^\n\s：:，。；（(）)]{{2,40}})"
        ),
        level_words=tuple(data["level_words"]),
        head=int(data["head"]),
        kinds=kinds,
        place=patterns.compile(rf"^\p{{Han}}{{1,12}}?(?:{alt(data['place_suffixes'])})$"),
    )


def identify(text: str, book: Rulebook = rulebook.BUNDLED) -> Identity | None:
    """The document's issuer, year and kind, or None when its title does not name all three."""
    words = _words(book)
    head = text[: words.head]
    lines = [line.strip() for line in head.splitlines() if regex.search(r"\p{Han}", line)][:2]
    found = words.title.search(lines[0]) if lines else None
    if found is None and len(lines) == 2 and not regex.search(r"\d", lines[0]):
        # 「洪泽区人民政府」 / 「2023 年政府信息公开工作年度报告」: the body's name alone, then the year and the kind
        second = words.title.match(lines[1])
        found = words.title.match(lines[0] + lines[1]) if second and not second.group("before").strip() else None
    if found is None:
        return None
    labelled = words.issuer_line.search(head)
    if labelled is not None:
        issuer = labelled.group("issuer")
    elif any(word in found.group("between") for word in words.level_words):
        return None  # 「某区2024年区级部门预算」 names the district, not the department
    else:
        issuer = _issuer_before(found.group("before"))
    issuer = regex.sub(r"\s+", "", issuer)
    if len(issuer) < 2:
        return None
    return Identity(issuer, int(found.group("year")), words.kinds[found.group("kind")])


def same_body(one: str, other: str, book: Rulebook = rulebook.BUNDLED) -> bool:
    """Whether two issuers' names are one body's: equal, or one the other after a place (淮安市 + 洪泽区人民政府)."""
    if one == other:
        return True
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= 4 and longer.endswith(shorter) and bool(_words(book).place.match(longer[: -len(shorter)]))


def _issuer_before(words: str) -> str:
    """The body a title names before its year: 「某市财政局2024年部门预算」 → 某市财政局 (quotation marks are not
    part of it)."""
    return words.strip('“”"《》「」 ')


def the_body(issuer: str, documents: list[tuple[str, T]]) -> list[T]:
    """The documents of `issuer` among (issuer, document) pairs: those under its own name, or else those under the
    one other name of the same body; none when two bodies could be meant."""
    own = [document for named, document in documents if named == issuer]
    if own:
        return own
    names = {named for named, _ in documents if same_body(named, issuer)}
    return [document for named, document in documents if named in names] if len(names) == 1 else []
