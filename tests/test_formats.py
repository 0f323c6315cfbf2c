"""Every format, clean and flawed: the flawed one is flagged at the planted figure, with a location."""

from __future__ import annotations

import pytest

import builders
from figcheck.load import LoadError, load
from figcheck.pipeline import check_path

FORMATS = {
    "docx": builders.docx,
    "html": builders.html,
    "pdf": builders.pdf,
    "md": builders.markdown,
}


def _locations(result) -> list[tuple[str, str, str]]:
    return [(f.code, f.stated.raw, result.document.locate(f.start)) for f in result.findings]


@pytest.mark.parametrize("fmt", FORMATS)
def test_clean_document_has_no_findings(tmp_path, fmt):
    path = FORMATS[fmt](tmp_path / f"clean.{fmt}", builders.PROSE_CLEAN, builders.TABLE_CLEAN)
    result = check_path(str(path))
    assert result.error is None
    assert result.findings == (), _locations(result)
    assert {f.code for f in result.passed} >= {"FC101", "FC401"}, [f.formula for f in result.passed]


@pytest.mark.parametrize("fmt", FORMATS)
def test_flawed_prose_and_table_are_flagged_where_they_are(tmp_path, fmt):
    path = FORMATS[fmt](tmp_path / f"flawed.{fmt}", builders.PROSE_FLAWED, builders.TABLE_FLAWED)
    result = check_path(str(path))
    found = _locations(result)
    assert sorted(code for code, _, _ in found) == ["FC101", "FC401"], found
    prose = next(item for item in found if item[0] == "FC101")
    table = next(item for item in found if item[0] == "FC401")
    assert prose[1] == "64件"
    assert table[1] == "256" and table[2].endswith("表1 第5行第2列"), table
    if fmt == "pdf":
        assert prose[2].startswith("第2页") and table[2].startswith("第2页"), found
    for finding in result.findings:
        assert result.document.text[finding.start : finding.end] == finding.stated.raw


def test_docx_skips_headers_and_keeps_order(tmp_path):
    document = load(str(builders.docx(tmp_path / "r.docx", builders.PROSE_CLEAN, builders.TABLE_CLEAN)))
    assert "页眉" not in document.text
    assert document.text.index("一、总体情况") < document.text.index("表1") < document.text.index("二、下一步工作")
    assert document.locate(document.text.index("一、总体情况")) == "第2段"


def test_html_keeps_the_article_and_drops_the_site(tmp_path):
    document = load(str(builders.html(tmp_path / "r.html", builders.PROSE_CLEAN, builders.TABLE_CLEAN)))
    assert builders.PROSE_CLEAN in document.text and document.encoding == "gb18030"
    for chrome in ("您当前的位置", "发布时间", "主办单位", "ICP备", "访问量", "visits", "热线12345"):
        assert chrome not in document.text, chrome


def test_html_utf8_without_meta(tmp_path):
    path = tmp_path / "r.htm"
    path.write_bytes(f"<html><body><p>{builders.PROSE_FLAWED}</p></body></html>".encode())
    assert [f.code for f in check_path(str(path)).findings] == ["FC101"]


def test_markdown_offsets_are_the_file_and_code_blocks_are_not_read(tmp_path):
    path = builders.markdown(tmp_path / "r.md", builders.PROSE_CLEAN, builders.TABLE_CLEAN)
    result = check_path(str(path))
    original = path.read_text(encoding="utf-8")
    fence_open, fence_close = original.index("```"), original.rindex("```") + 3
    text = result.document.text
    assert len(text) == len(original)
    assert text[:fence_open] == original[:fence_open] and text[fence_close:] == original[fence_close:]
    assert text[fence_open:fence_close].strip("\n ") == ""  # the code block is blanked, lines kept
    assert "1602" not in result.document.text and result.findings == ()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0", "另存为 .docx"),
        ("draft.wps", b"\xd0\xcf\x11\xe0", "另存为 .docx"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "已损坏"),
        ("broken.pdf", b"%PDF-1.4 nothing more", "PDF"),
    ],
)
def test_unreadable_formats_say_why(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        load(str(path))


def test_docx_without_document_xml(tmp_path):
    import zipfile

    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(LoadError, match="document.xml"):
        load(str(path))


def test_scanned_pdf_says_there_is_no_text_layer(tmp_path):
    with pytest.raises(LoadError, match="没有文字层"):
        load(str(builders.scanned_pdf(tmp_path / "scan.pdf")))


@pytest.mark.parametrize(
    ("suffix", "content_type"),
    [
        ("docm", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        ("dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
    ],
)
def test_docm_and_dotx_are_read_as_word_documents(tmp_path, suffix, content_type):
    import zipfile

    source = builders.docx(tmp_path / "source.docx", builders.PROSE_FLAWED, builders.TABLE_CLEAN)
    target = tmp_path / f"report.{suffix}"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(main.encode(), content_type.encode())
            copy.writestr(info, data)
    assert [f.code for f in check_path(str(target)).findings] == ["FC101"]


def test_subtotals_and_totals_in_a_table(tmp_path):
    rows = [
        "| 单位 | 件数 |",
        "| --- | --- |",
        "| 甲局 | 12 |",
        "| 乙局 | 8 |",
        "| 小计 | 20 |",
        "| 丙镇 | 5 |",
        "| 丁镇 | 7 |",
        "| 小计 | 12 |",
        "| 合计 | 32 |",
    ]
    path = tmp_path / "t.md"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = check_path(str(path))
    assert result.findings == () and len([f for f in result.passed if f.code == "FC401"]) == 3
    path.write_text("\n".join(rows).replace("| 丁镇 | 7 |", "| 丁镇 | 9 |") + "\n", encoding="utf-8")
    flagged = check_path(str(path)).findings
    assert [(f.code, f.stated.raw) for f in flagged] == [("FC401", "12")]


def test_table_total_against_the_prose(tmp_path):
    table = "\n".join(
        ["| 办理结果 | 件数 |", "| --- | --- |", "| 予以公开 | 40 |", "| 不予公开 | 24 |", "| 总计 | 64 |"]
    )
    path = tmp_path / "t.md"
    caption = "表1 政府信息公开申请办理情况（单位：件）"
    path.write_text(f"全年共受理政府信息公开申请61件。\n\n{caption}\n\n{table}\n", encoding="utf-8")
    findings = check_path(str(path)).findings
    assert [(f.code, f.stated.raw, f.figures[1].figure.raw) for f in findings] == [("FC501", "64", "61件")]
    path.write_text(f"全年共受理政府信息公开申请64件。\n\n{caption}\n\n{table}\n", encoding="utf-8")
    assert check_path(str(path)).findings == ()


def test_rate_column_against_its_counts(tmp_path):
    rows = [
        "| 单位 | 受理（件） | 办结（件） | 办结率（%） |",
        "| --- | --- | --- | --- |",
        "| 甲局 | 120 | 114 | 95.0 |",
        "| 乙局 | 80 | 78 | 92.5 |",
    ]
    path = tmp_path / "r.md"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    findings = check_path(str(path)).findings
    assert [(f.code, f.stated.raw) for f in findings] == [("FC404", "92.5")]
