"""Word's automatic list numbering, written into the text as Word shows it.

python-docx gives a paragraph's text without the number Word draws before it, so the list paragraphs
after 「其中：」 would read as loose lines. Here each numbered paragraph gets its marker back — 「1.」,
「（一）」, 「①」, 「•」 for a bullet — from the paragraph's (or its style's) numbering and the level
definitions in numbering.xml: counters per list, deeper levels restarting under a higher one, start
overrides honoured. A marker is followed by an ideographic space (Word's tab), so 「2」 and 「6件」 stay
two tokens; list markers are never quantities (claims/sum_items.py reads them as markers).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from figcheck.figures.numerals import chinese

_CIRCLED_LAST = 20
_SEPARATOR = "\u3000"


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    format: str
    text: str
    suffix: str  # tab | space | nothing


def _formatted(style: str, number: int) -> str:
    if style.startswith(("chinese", "japaneseCounting", "taiwaneseCounting", "ideographDigital")):
        return chinese(number)
    if style.startswith("decimalEnclosedCircle") and 0 < number <= _CIRCLED_LAST:
        return chr(ord("①") + number - 1)
    if style in ("lowerLetter", "upperLetter") and 0 < number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if style == "upperLetter" else letter
    if style == "decimalZero":
        return f"{number:02d}"
    return str(number)


_NAMESPACES = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _find(element, path: str) -> list:
    """XPath with the w: prefix bound (numbering.xml's children are plain lxml elements)."""
    return etree._Element.xpath(element, path, namespaces=_NAMESPACES)


def _val(element, path: str, default: str = "") -> str:
    found = _find(element, f"{path}/@w:val")
    return str(found[0]) if found else default


class Numbering:
    """The markers of one document's numbered paragraphs, in reading order (call `marker` once per
    body paragraph, in order: it advances the list counters)."""

    def __init__(self, document) -> None:
        self._lists: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._seen: set[str] = set()
        self._styles = document.styles
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):  # no numbering part
            return
        abstract = {str(_find(a, "@w:abstractNumId")[0]): self._levels(a) for a in _find(root, "./w:abstractNum")}
        for num in _find(root, "./w:num"):
            key = _val(num, "./w:abstractNumId")
            overrides = {
                int(_find(o, "@w:ilvl")[0]): int(_val(o, "./w:startOverride", "1"))
                for o in _find(num, "./w:lvlOverride[w:startOverride]")
            }
            if key in abstract:
                self._lists[str(_find(num, "@w:numId")[0])] = (key, abstract[key], overrides)

    @staticmethod
    def _levels(element) -> dict[int, _Level]:
        levels = {}
        for level in _find(element, "./w:lvl"):
            start = _val(level, "./w:start", "1")
            levels[int(_find(level, "@w:ilvl")[0])] = _Level(
                int(start) if start.lstrip("-").isdigit() else 1,
                _val(level, "./w:numFmt", "decimal"),
                _val(level, "./w:lvlText"),
                _val(level, "./w:suff", "tab"),
            )
        return levels

    def _numbering_of(self, paragraph) -> tuple[str, int]:
        """The list and level of a paragraph: its own numPr, else its style's (through basedOn)."""
        own = _find(paragraph._p, "./w:pPr/w:numPr")
        if own:
            return _val(own[0], "./w:numId"), int(_val(own[0], "./w:ilvl", "0") or 0)
        style = paragraph.style
        for _ in range(10):  # a basedOn chain is short; a cycle must not loop
            if style is None:
                break
            found = _find(style.element, "./w:pPr/w:numPr")
            if found:
                return _val(found[0], "./w:numId"), int(_val(found[0], "./w:ilvl", "0") or 0)
            style = style.base_style
        return "", 0

    def marker(self, paragraph) -> str:
        """The number Word draws before `paragraph` (with its separator), or ""."""
        num_id, level = self._numbering_of(paragraph)
        if num_id not in self._lists:
            return ""
        key, levels, overrides = self._lists[num_id]
        if level not in levels:
            return ""
        counters = self._counters.setdefault(key, {})
        if num_id not in self._seen:
            self._seen.add(num_id)
            counters.update({at: start - 1 for at, start in overrides.items()})
        counters[level] = counters.get(level, levels[level].start - 1) + 1
        for deeper in [at for at in counters if at > level]:
            del counters[deeper]
        definition = levels[level]
        if definition.format == "none":
            return ""
        if definition.format == "bullet":
            return "•" + _SEPARATOR
        text = definition.text
        for at in range(9):
            if f"%{at + 1}" in text:
                shown = levels.get(at, definition)
                value = counters.get(at, shown.start)
                text = text.replace(f"%{at + 1}", _formatted(shown.format, value))
        return text + ("" if definition.suffix == "nothing" or not text else _SEPARATOR)
