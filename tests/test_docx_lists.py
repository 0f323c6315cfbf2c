"""Word list paragraphs: the numbers Word draws are written into the text, so a list after 其中 is
one breakdown, and the markers are never quantities."""

from __future__ import annotations

import pytest

from figcheck.load.numbering import chinese
from figcheck.pipeline import check_path

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _document(lines: list[tuple[str, str]]):
    import docx as python_docx

    document = python_docx.Document()
    for text, style in lines:
        document.add_paragraph(text, style=style or None)
    return document


def _list_level(document, style: str):
    """The first level of the list a style numbers with, to rewrite its format."""
    num_id = document.styles[style].element.pPr.numPr.numId.val
    root = document.part.numbering_part.element
    num = next(n for n in root.iterchildren(f"{_W}num") if n.get(f"{_W}numId") == str(num_id))
    abstract_id = num.find(f"{_W}abstractNumId").get(f"{_W}val")
    abstract = next(a for a in root.iterchildren(f"{_W}abstractNum") if a.get(f"{_W}abstractNumId") == abstract_id)
    return next(level for level in abstract.iterchildren(f"{_W}lvl") if level.get(f"{_W}ilvl") == "0")


def _check(document, tmp_path):
    path = tmp_path / "list.docx"
    document.save(str(path))
    return check_path(str(path))


def test_numbered_paragraphs_after_qizhong_are_one_breakdown(tmp_path):
    lines = [("全年共受理政府信息公开申请10件，其中：", "")]
    lines += [(text, "List Number") for text in ("予以公开6件；", "部分公开3件；", "不予公开2件。")]
    result = _check(_document(lines), tmp_path)
    assert "\n1.\u3000予以公开6件；\n2.\u3000部分公开3件；\n3.\u3000不予公开2件。\n" in result.document.text
    assert [(f.code, f.stated.raw) for f in result.findings] == [("FC102", "10件")]
    assert [f.raw for f in result.figures] == ["10件", "6件", "3件", "2件"], "the markers are not figures"


def test_chinese_numbering_and_a_colon(tmp_path):
    document = _document(
        [("全年共受理行政复议申请12件：", "")] + [(t, "List Number") for t in ("维持7件；", "撤销3件；", "终止2件。")]
    )
    level = _list_level(document, "List Number")
    level.find(f"{_W}numFmt").set(f"{_W}val", "chineseCounting")
    level.find(f"{_W}lvlText").set(f"{_W}val", "（%1）")
    result = _check(document, tmp_path)
    assert "\n（一）\u3000维持7件；\n（二）\u3000撤销3件；\n（三）\u3000终止2件。" in result.document.text
    assert [(r.code, r.passed, r.formula) for r in result.results] == [("FC101", True, "7 + 3 + 2 = 12")]


def test_bullets_after_qizhong(tmp_path):
    lines = [("全年共受理行政复议申请7件，其中：", "")] + [(t, "List Bullet") for t in ("维持4件；", "撤销2件。")]
    result = _check(_document(lines), tmp_path)
    assert "\n•\u3000维持4件；\n•\u3000撤销2件。" in result.document.text
    assert [(r.code, r.passed) for r in result.results] == [("FC101", False)], "a category set: 6 ≠ 7"


def test_numbering_goes_on_across_the_document_and_empty_items_count(tmp_path):
    lines = [("甲", "List Number"), ("", "List Number"), ("丙", "List Number")]
    text = _check(_document(lines), tmp_path).document.text
    assert text == "1.\u3000甲\n3.\u3000丙\n"


@pytest.mark.parametrize(("number", "written"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九")])
def test_chinese_list_numbers(number, written):
    assert chinese(number) == written


def test_an_auto_numbered_list_is_counted_as_word_shows_it(tmp_path):
    """Issue 18: Word's own numbering is read as displayed, so a count announcing it is checked (FC602)."""
    lines = [("重点抓好以下三个方面工作：", "")]
    lines += [(text, "List Number") for text in ("强化监督。", "完善制度。", "加强队伍建设。", "优化服务。")]
    result = _check(_document(lines), tmp_path)
    assert [(f.code, f.stated.raw, f.computed) for f in result.findings] == [("FC602", "三", "4")]


def test_typed_and_auto_numbered_headings_alike(tmp_path):
    """A typed list that skips a number is reported as an auto-numbered one would be (FC603)."""
    lines = [("一、总体情况", ""), ("（一）深化改革", ""), ("（二）优化服务", ""), ("（四）强化监管", "")]
    result = _check(_document(lines), tmp_path)
    assert [(f.code, f.stated.raw) for f in result.findings] == [("FC603", "（四）")]
