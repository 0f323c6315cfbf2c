"""A finding's identity by content, not position: for baselines and SARIF fingerprints.

The key hashes the rule code, the text of every figure the finding involves, and the words of the
sentence around the stated figure (whitespace removed). Inserting paragraphs elsewhere in the report
leaves it unchanged; editing the sentence itself makes it a new finding.
"""

from __future__ import annotations

from figcheck.document import Document
from figcheck.findings import Finding
from figcheck.layout import sentence_spans


def context(document: Document, finding: Finding) -> str:
    """The sentence holding the stated figure, without whitespace (at most 200 characters)."""
    line_start = document.text.rfind("\n", 0, finding.start) + 1
    line_end = document.text.find("\n", finding.start)
    line = document.text[line_start : line_end if line_end >= 0 else len(document.text)]
    at = finding.start - line_start
    for start, end in sentence_spans(line):
        if start <= at < end:
            return "".join(line[start:end].split())[:200]
    return "".join(line.split())[:200]


def key(document: Document, finding: Finding) -> str:
    import hashlib  # here, not at the top: a check that writes no fingerprint does not load OpenSSL (10 ms)

    figures = "|".join(sorted(involved.figure.raw for involved in finding.figures))
    material = f"{finding.code}\n{figures}\n{context(document, finding)}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]
