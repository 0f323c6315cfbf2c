"""Words and lines of a PDF page's characters as pdfplumber makes them (its WordExtractor, extract_text_lines and a
table cell's extract_text, with their default settings), for the pages pdfium reads (pdf_layer.py).

pdfplumber's rules: the characters are clustered into lines by their tops (tops within the tolerance of the next
one up are one line), each line read from left to right; a space ends a word and is no part of one, and a
character starts a new word when it begins left of the last one's start, more than the tolerance right of its end,
or more than the tolerance above or below it. A word's top is its highest character's; the words are clustered
into lines again by their tops, and a line's text is its words joined by spaces (ligatures spelt out).
pdfplumber builds a record with a box of every word and a text map of the page to search for lines; here a word is
its text, its top and its characters.

Gaps are measured in single precision here and in double precision by pdfminer, and a gap can sit exactly on the
tolerance of 3 pt: a quarter-em space at 12 pt, as a word processor sets between a Chinese character and a figure
(「增长 2.0%」). pdfminer's sums land either side of 3 by a few units in the last place, so the same spacing gave a
word break in one sentence and none in the next. Here a gap counts as wider than the tolerance only when it is
wider by more than single precision's error, so an exact 3 pt is always within it (no break), which is what the
tolerance says.
"""

from __future__ import annotations

TOLERANCE = 3 + 1e-4  # pdfplumber's 3 pt between the characters of a word and the lines of a text, see above

Word = tuple[str, float, list[dict]]  # its text, its top, its characters


def words(chars: list[dict]) -> list[Word]:
    """The characters' words, line by line (pdfplumber's WordExtractor)."""
    from pdfplumber.utils import cluster_objects

    found: list[Word] = []
    for line in cluster_objects(chars, _top, TOLERANCE):
        word: list[dict] = []
        for char in sorted(line, key=_left):
            if char["text"].isspace() or not char["text"] or word and _parts(word[-1], char):
                found += [_word(word)] if word else []
                word = []
            if not char["text"]:  # an empty character is a word of its own to pdfplumber
                found.append(_word([char]))
            elif not char["text"].isspace():
                word.append(char)
        found += [_word(word)] if word else []
    return found


def text_lines(chars: list[dict]) -> list[dict]:
    """pdfplumber's extract_text_lines: each line's text, top and characters (each once per letter it stands for
    in pdfplumber's text map: a ligature's twice)."""
    from pdfplumber.utils import cluster_objects
    from pdfplumber.utils.text import LIGATURES

    lines = []
    for line in cluster_objects(words(chars), _word_top, TOLERANCE, True):
        text = " ".join(word for word, _, _ in line).strip(" ")
        if text.strip():
            letters = [char for *_, word in line for char in word for _ in LIGATURES.get(char["text"], char["text"])]
            lines.append({"text": text, "top": min(char["top"] for char in letters), "chars": letters})
    return lines


def cell_text(chars: list[dict]) -> str:
    """pdfplumber's extract_text of a table cell: its lines' words joined by spaces, the lines by line breaks."""
    from pdfplumber.utils import cluster_objects

    lines = cluster_objects(words(chars), _word_top, TOLERANCE)
    return "\n".join(" ".join(word for word, _, _ in line) for line in lines)


def _parts(last: dict, char: dict) -> bool:
    """Whether `char` starts a new word after `last`, the word's last character so far."""
    return char["x0"] < last["x0"] or char["x0"] > last["x1"] + TOLERANCE or abs(char["top"] - last["top"]) > TOLERANCE


def _word(chars: list[dict]) -> Word:
    from pdfplumber.utils.text import LIGATURES

    text = "".join(LIGATURES.get(char["text"], char["text"]) for char in chars)
    return text, min(char["top"] for char in chars), chars


def _top(char: dict) -> float:
    return char["top"]


def _left(char: dict) -> float:
    return char["x0"]


def _word_top(word: Word) -> float:
    return word[1]
