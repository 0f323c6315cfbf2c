"""Word drafts as Word shows them (issue 14): tracked changes accepted, text boxes read once, footnotes as their own
places, raised note marks never glued to a number. The fixtures are written as raw WordprocessingML into a
python-docx package, the way Word stores these things."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from builders import REVISED, TEXT_BOX, W_P, word_draft
from figcheck.cli import app
from figcheck.pipeline import check_path


def _found(result):
    return [(f.code, f.stated.raw, result.document.locate(f.start)) for f in result.findings]


def test_tracked_changes_are_read_accepted_and_said(tmp_path):
    result = check_path(str(word_draft(tmp_path / "draft.docx", REVISED.format(insert="、无法提供5件"))))
    assert "全年受理政府信息公开申请64件，其中予以公开40件、不予公开19件、无法提供5件。" in result.document.text
    assert result.findings == () and "64件" in {f.stated.raw for f in result.passed if f.code == "FC101"}
    assert result.document.notices == ("tracked-changes",)
    shown = CliRunner().invoke(app, ["check", str(tmp_path / "draft.docx"), "--format", "json"])
    assert json.loads(shown.output)["files"][0]["notices"] == ["含修订，按接受全部修订后的文字检查"]
    english = CliRunner().invoke(app, ["check", str(tmp_path / "draft.docx"), "--lang", "en"])
    assert "has tracked changes" in english.output


def test_a_slip_in_a_tracked_insertion_is_found(tmp_path):
    result = check_path(str(word_draft(tmp_path / "draft.docx", REVISED.format(insert="、无法提供6件"))))
    assert [(code, raw) for code, raw, _ in _found(result)] == [("FC102", "64件")], "40 + 19 + 6 > 64"


def test_a_text_box_is_read_once_as_a_place_of_its_own(tmp_path):
    body = TEXT_BOX
    clean = check_path(str(word_draft(tmp_path / "box.docx", body.format(consults="1080"))))
    assert clean.document.text.count("全年开展普法活动1500场") == 1
    assert clean.findings == () and "1500场" in {f.stated.raw for f in clean.passed}
    flawed = check_path(str(word_draft(tmp_path / "bad.docx", body.format(consults="1200"))))
    assert [(code, raw, where) for code, raw, where in _found(flawed)] == [("FC102", "1500场", "文本框1 第2段")]


def test_a_raised_note_mark_is_no_digit_of_the_number_after_it(tmp_path):
    body = (
        '<w:p><w:r><w:t>年末常住人口</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        "<w:t>1</w:t></w:r><w:r><w:t>52.3万人，比上年增加0.4万人。</w:t></w:r></w:p>"
    )
    result = check_path(str(word_draft(tmp_path / "mark.docx", body)))
    assert "年末常住人口52.3万人" in result.document.text
    assert "152.3" not in result.document.text


def test_footnotes_are_read_as_their_own_places(tmp_path):
    body = W_P.format("全年行政复议工作稳步推进。")
    note = W_P.format("全年办理行政复议案件30件，其中维持21件、撤销6件、驳回3件。")
    note = f'<w:footnote w:id="1">{note}</w:footnote>'
    clean = check_path(str(word_draft(tmp_path / "notes.docx", body, note)))
    assert clean.findings == ()
    flawed = check_path(str(word_draft(tmp_path / "bad.docx", body, note.replace("驳回3件", "驳回5件"))))
    assert [(code, raw, where) for code, raw, where in _found(flawed)] == [("FC101", "30件", "脚注1")]


def test_what_is_not_read_is_said_and_findings_say_their_paragraph(tmp_path):
    picture = (
        '<w:p><w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/>'
        "</a:graphicData></a:graphic></w:drawing></w:r></w:p>"
    )
    sheet = (
        '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office"/></w:object></w:r></w:p>'
    )
    body = W_P.format("全年受理申请64件，其中予以公开40件、不予公开25件。") + picture + picture + sheet
    path = word_draft(tmp_path / "draft.docx", body)
    assert check_path(str(path)).document.notices == ("images=2", "objects=1")
    shown = CliRunner().invoke(app, ["check", str(path)]).output
    assert "含图片 2 张，其中的文字和数字未读取" in shown and "含嵌入对象（如电子表格）1 个，未读取" in shown
    assert "[第1段] FC102" in shown, shown
