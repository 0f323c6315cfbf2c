"""figcheck annotate (issue 14): the findings handed back in a copy of the Word draft as comments anchored on the
figures they name. The tests read the copy's XML: word/comments.xml and the comment ranges in word/document.xml."""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from builders import REVISED, TEXT_BOX, W_P, soffice_convert, word_draft
from figcheck.cli import app

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FLAWED = W_P.format("全年受理行政复议申请64件，其中维持38件、撤销9件、确认违法3件、终止8件、未审结5件。")
CLEAN = W_P.format("全年受理行政复议申请64件，其中维持38件、撤销9件、确认违法3件、终止8件、未审结6件。")


def _annotate(*arguments):
    return CliRunner().invoke(app, ["annotate", *map(str, arguments)])


def _comments(path: Path) -> dict[str, tuple[str, str]]:
    """Each comment's id → (author, text)."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/comments.xml"))
    return {
        c.get(f"{W}id"): (c.get(f"{W}author"), "\n".join("".join(p.itertext()) for p in c.iter(f"{W}p")))
        for c in root.iter(f"{W}comment")
    }


def _anchored(path: Path) -> dict[str, str]:
    """Each comment id → the text between its commentRangeStart and commentRangeEnd, in document order (deleted
    text left out, as Word shows the draft with changes accepted)."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    open_ranges: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for element in root.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ranges[element.get(f"{W}id")] = []
        elif element.tag == f"{W}commentRangeEnd":
            done[element.get(f"{W}id")] = "".join(open_ranges.pop(element.get(f"{W}id")))
        elif element.tag == f"{W}t":
            for pieces in open_ranges.values():
                pieces.append(element.text or "")
    return done


def _figcheck_anchors(path: Path) -> list[tuple[str, str]]:
    """(anchored text, first line of the comment) for figcheck's comments."""
    anchored = _anchored(path)
    return sorted(
        (anchored[i], text.split("\n")[0].split(" ")[0])
        for i, (author, text) in _comments(path).items()
        if author == "figcheck"
    )


def test_a_comment_is_anchored_on_the_figures_a_finding_names_and_the_draft_is_untouched(tmp_path):
    draft = word_draft(tmp_path / "draft.docx", FLAWED)
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    shown = _annotate(draft)
    assert shown.exit_code == 1, shown.output
    assert "批注 1 条（错误 1）" in shown.output
    copy = tmp_path / "draft.figcheck.docx"
    assert _figcheck_anchors(copy) == [
        ("64件，其中维持38件、撤销9件、确认违法3件、终止8件、未审结5件", "FC101（错误）")
    ]
    (text,) = [text for author, text in _comments(copy).values() if author == "figcheck"]
    assert "38 + 9 + 3 + 8 + 5 = 63 ≠ 64件" in text and "建议：" in text
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    umask = os.umask(0)
    os.umask(umask)
    assert copy.stat().st_mode & 0o777 == 0o666 & ~umask, "as readable as any file the user writes"


def test_a_clean_draft_gets_no_comment_and_exits_0(tmp_path):
    draft = word_draft(tmp_path / "clean.docx", CLEAN)
    shown = _annotate(draft, "-o", tmp_path / "out.docx")
    assert shown.exit_code == 0, shown.output
    assert "批注 0 条" in shown.output
    assert _figcheck_anchors(tmp_path / "out.docx") == []


def test_a_figure_in_a_tracked_insertion_is_anchored_inside_it_and_the_revision_survives(tmp_path):
    draft = word_draft(tmp_path / "revised.docx", REVISED.format(insert="、无法提供6件"))
    _annotate(draft)
    copy = tmp_path / "revised.figcheck.docx"
    assert _figcheck_anchors(copy) == [("64件，其中予以公开40件、不予公开19件、无法提供6件", "FC102（错误）")]
    xml = zipfile.ZipFile(copy).read("word/document.xml").decode()
    assert xml.count("<w:del ") == 1 and xml.count("<w:ins ") == 2 and "<w:delText>63</w:delText>" in xml
    start = etree.fromstring(xml.encode()).find(f".//{W}commentRangeStart")
    assert start.getparent().tag == f"{W}ins", "the range starts beside the inserted 64, inside the insertion"


def test_a_run_is_split_at_the_figure_keeping_its_formatting(tmp_path):
    body = (
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">全年办理信访事项120件，其中来信50件、</w:t></w:r>'
        "<w:r><w:t>来访80件。</w:t></w:r></w:p>"
    )
    _annotate(word_draft(tmp_path / "bold.docx", body))
    copy = tmp_path / "bold.figcheck.docx"
    assert _figcheck_anchors(copy) == [("120件，其中来信50件、来访80件", "FC102（错误）")]
    root = etree.fromstring(zipfile.ZipFile(copy).read("word/document.xml"))
    bold = ["".join(r.itertext()) for r in root.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None]
    assert bold == ["全年办理信访事项", "120件，其中来信50件、"]


def test_table_cells_text_boxes_and_footnotes_get_their_comments(tmp_path):
    table = (
        "<w:tbl>"
        + "".join(
            "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{cell}</w:t></w:r></w:p></w:tc>" for cell in row) + "</w:tr>"
            for row in [("项目", "金额"), ("工资福利支出", "10.5"), ("商品和服务支出", "20.3"), ("合计", "31.0")]
        )
        + "</w:tbl>"
    )
    note_mark = '<w:p><w:r><w:t>全年复议工作稳步推进。</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    note = (
        '<w:footnote w:id="1">' + W_P.format("办理行政复议案件30件，其中维持21件、撤销6件、驳回5件。") + "</w:footnote>"
    )
    body = W_P.format("表1 支出情况（单位：万元）") + table + TEXT_BOX.format(consults="1200") + note_mark
    _annotate(word_draft(tmp_path / "places.docx", body, note))
    copy = tmp_path / "places.figcheck.docx"
    assert _figcheck_anchors(copy) == [
        ("", "FC101（错误）"),  # the footnote's comment sits on its reference mark, which holds no w:t
        ("1500场，其中讲座420场、咨询1200场", "FC102（错误）"),
        ("31.0", "FC401（错误）"),
    ]
    root = etree.fromstring(zipfile.ZipFile(copy).read("word/document.xml"))
    start = next(s for s in root.iter(f"{W}commentRangeStart") if s.getnext().find(f"{W}footnoteReference") is not None)
    assert start is not None


def test_a_second_run_replaces_its_comments_and_keeps_the_readers_own(tmp_path):
    import docx as python_docx

    draft = word_draft(tmp_path / "draft.docx", FLAWED)
    document = python_docx.Document(str(draft))
    document.add_comment(document.paragraphs[0].runs[0], text="请核对口径", author="审校")
    document.save(str(draft))
    _annotate(draft)
    copy = tmp_path / "draft.figcheck.docx"
    shown = _annotate(copy, "-o", tmp_path / "again.docx")
    assert "替换了此前 figcheck 写入的批注 1 条" in shown.output
    authors = sorted(author for author, _ in _comments(tmp_path / "again.docx").values())
    assert authors == ["figcheck", "审校"]
    assert _figcheck_anchors(tmp_path / "again.docx") == _figcheck_anchors(copy)
    refused = _annotate(copy)
    assert refused.exit_code == 2 and "输出文件就是输入文件" in refused.output


def test_info_findings_only_with_all(tmp_path):
    body = W_P.format("全年办理信访事项120件，其中来信50件、来访60件。")  # 110 of 120: a hint (FC103, info)
    draft = word_draft(tmp_path / "short.docx", body)
    assert "批注 0 条" in _annotate(draft).output
    shown = _annotate(draft, "--all", "-o", tmp_path / "all.docx")
    assert "批注 1 条（提示 1）" in shown.output
    assert _figcheck_anchors(tmp_path / "all.docx") == [("120件，其中来信50件、来访60件", "FC103（提示）")]


def test_only_docx_and_english_messages(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    refused = _annotate(tmp_path / "a.txt")
    assert refused.exit_code == 2 and "只处理 .docx" in refused.output
    shown = _annotate(word_draft(tmp_path / "d.docx", FLAWED), "--lang", "en")
    assert "1 comment(s) (1 error)" in shown.output
    (text,) = [t for a, t in _comments(tmp_path / "d.figcheck.docx").values() if a == "figcheck"]
    assert text.startswith("FC101 (error)")


def test_the_parts_written_follow_the_schema(tmp_path):
    """comments.xml against the schema of ECMA-376 Part 1 §17.13.4 (CT_Comments / CT_Comment, transcribed in
    tests/data/ooxml/comments.xsd); in document.xml every range is whole and sits where the schema allows it."""
    _annotate(word_draft(tmp_path / "draft.docx", REVISED.format(insert="、无法提供6件") + FLAWED))
    package = zipfile.ZipFile(tmp_path / "draft.figcheck.docx")
    schema = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data" / "ooxml" / "comments.xsd")))
    comments = etree.fromstring(package.read("word/comments.xml"))
    assert schema.validate(comments), schema.error_log
    document = etree.fromstring(package.read("word/document.xml"))
    ids = {c.get(f"{W}id") for c in comments.iter(f"{W}comment")}
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        marks = list(document.iter(f"{W}{tag}"))
        assert sorted(m.get(f"{W}id") for m in marks) == sorted(ids)
        allowed = {f"{W}r"} if tag == "commentReference" else {f"{W}p", f"{W}ins", f"{W}hyperlink"}
        assert {m.getparent().tag for m in marks} <= allowed
    types = package.read("[Content_Types].xml").decode()
    assert "wordprocessingml.comments+xml" in types


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_annotated_copy_and_shows_the_comments(tmp_path):
    _annotate(word_draft(tmp_path / "draft.docx", REVISED.format(insert="、无法提供6件") + FLAWED))
    done = soffice_convert(tmp_path / "draft.figcheck.docx", "fodt", tmp_path / "out")
    converted = tmp_path / "out" / "draft.figcheck.fodt"
    assert done.returncode == 0 and converted.exists(), done.stderr
    text = converted.read_text(encoding="utf-8")
    assert text.count("<office:annotation ") == 2 and text.count("<dc:creator>figcheck</dc:creator>") == 2
    assert "40 + 19 + 6 = 65" in text and "38 + 9 + 3 + 8 + 5 = 63" in text
