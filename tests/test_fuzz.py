"""Fuzzing: figcheck never raises on arbitrary input, answers deterministically, and keeps its spans
honest. `make test` runs a short search; `make fuzz` runs the same targets for longer
(FIGCHECK_FUZZ_EXAMPLES, default 5000 each)."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import builders
from figcheck.load import LoadError
from figcheck.pipeline import check_document, check_text

EXAMPLES = int(os.environ.get("FIGCHECK_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)

REPORT_WORDS = [
    "全年",
    "共",
    "其中",
    "合计",
    "总计",
    "受理",
    "办结",
    "办结率",
    "败诉率",
    "占",
    "由",
    "增加到",
    "减少到",
    "增长",
    "下降",
    "个百分点",
    "倍",
    "番",
    "件",
    "个",
    "人次",
    "万",
    "亿",
    "元",
    "%",
    "约",
    "近",
    "余",
    "以上",
    "，",
    "。",
    "、",
    "；",
    "（",
    "）",
    "\n",
    "|",
    "---",
    "<!-- figcheck: ignore -->",
    "撤销",
    "未审结",
    "其他",
    "等",
    "比上年",
    "的",
]
report_text = st.lists(
    st.sampled_from(REPORT_WORDS) | st.integers(0, 100000).map(str) | st.decimals(0, 10000, places=2).map(str),
    max_size=60,
).map("".join)


def _loader(suffix: str):
    import importlib

    from figcheck.load import LOADERS

    return importlib.import_module(f"figcheck.load.{LOADERS[suffix]}")


def _answer(suffix: str, data: bytes):
    """Load and check bytes as the named format: a Document checked, or a LoadError — nothing else."""
    try:
        document = _loader(suffix).load(f"fuzz{suffix}", data)
    except LoadError:
        return None
    return check_document(document)


@FUZZ
@given(report_text)
def test_check_is_total_and_deterministic_on_report_like_text(text):
    first, second = check_text(text), check_text(text)
    assert [(f.code, f.start, f.formula) for f in first.results] == [
        (f.code, f.start, f.formula) for f in second.results
    ]
    for finding in first.results:
        for involved in finding.figures:
            assert text[involved.figure.start : involved.figure.end] == involved.figure.raw


@FUZZ
@given(st.text(max_size=200))
def test_check_is_total_on_any_text(text):
    check_text(text)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html"]))
def test_text_loaders_take_any_bytes(data, suffix):
    _answer(suffix, data)


@FUZZ
@given(report_text.map(lambda t: t.encode("gb18030")), st.sampled_from([".txt", ".md", ".html"]))
def test_text_loaders_on_gbk_reports(data, suffix):
    _answer(suffix, data)


def _mutations(data: bytes):
    """Byte strings near a valid file: flipped bytes, cuts and splices."""
    return st.tuples(st.integers(0, len(data) - 1), st.binary(min_size=1, max_size=8), st.booleans()).map(
        lambda m: data[: m[0]] + m[1] + (data[m[0] + len(m[1]) :] if m[2] else b"")
    )


_SEEDS = Path(tempfile.mkdtemp(prefix="figcheck-fuzz-"))
_DOCX = builders.docx(_SEEDS / "seed.docx", builders.PROSE_FLAWED, builders.TABLE_FLAWED).read_bytes()
_PDF = builders.pdf(_SEEDS / "seed.pdf", builders.PROSE_FLAWED, builders.TABLE_FLAWED).read_bytes()


@FUZZ
@given(_mutations(_DOCX))
def test_docx_loader_on_damaged_files(data):
    _answer(".docx", data)


@FUZZ
@given(st.binary(max_size=300))
def test_docx_loader_on_random_archives(payload):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", payload)
        archive.writestr("word/document.xml", payload)
    _answer(".docx", buffer.getvalue())


@FUZZ
@given(_mutations(_PDF))
def test_pdf_loader_on_damaged_files(data):
    _answer(".pdf", data)
