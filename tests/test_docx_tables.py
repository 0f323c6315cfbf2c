"""Tables as a Word draft has them (issue 13): merged label cells, numbered outcomes and the disclosure table's
own identity, checked with their cell locations."""

from __future__ import annotations

import pytest

from figcheck.pipeline import check_path

ROWS = [
    ("一、本年新收政府信息公开申请数量", "", "", "40"),
    ("二、上年结转政府信息公开申请数量", "", "", "2"),
    ("三、本年度办理结果", "（一）予以公开", "", "20"),
    ("三、本年度办理结果", "（二）不予公开", "1.属于国家秘密", "1"),
    ("三、本年度办理结果", "（二）不予公开", "2.保护第三方合法权益", "3"),
    ("三、本年度办理结果", "（三）无法提供", "1.本机关不掌握相关政府信息", "10"),
    ("三、本年度办理结果", "（三）无法提供", "2.没有现成信息需要另行制作", "{made}"),
    ("三、本年度办理结果", "（四）总计", "", "36"),
    ("四、结转下年度继续办理", "", "", "{pending}"),
]


def _draft(path, made: str, pending: str):
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("表1 收到和处理政府信息公开申请情况（单位：件）")
    table = document.add_table(rows=len(ROWS) + 1, cols=4)
    for c, header in enumerate(("项目", "", "", "总计")):
        table.cell(0, c).text = header
    for r, row in enumerate(ROWS, start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text.format(made=made, pending=pending)
    table.cell(0, 0).merge(table.cell(0, 2))
    for first, last in ((3, 8),):  # 三、本年度办理结果 printed once over its rows
        merged = table.cell(first, 0).merge(table.cell(last, 0))
        merged.text = "三、本年度办理结果"
    for r in (1, 2, 9):  # 一、二、四、 span the three label columns
        label = table.cell(r, 0).text
        table.cell(r, 0).merge(table.cell(r, 2)).text = label
    document.save(str(path))
    return path


def test_a_consistent_disclosure_table_in_a_draft_passes(tmp_path):
    result = check_path(str(_draft(tmp_path / "report.docx", "2", "6")))
    assert result.findings == (), [(f.code, f.stated.raw) for f in result.findings]
    passed = {(f.code, f.stated.raw) for f in result.passed}
    assert {("FC401", "36"), ("FC405", "6")} <= passed, passed


@pytest.mark.parametrize(
    ("made", "pending", "expected"),
    [
        ("5", "6", {("FC401", "36", "表1 第9行第4列")}),  # an outcome typed wrong: the 总计 no longer adds up
        ("2", "5", {("FC405", "5", "表1 第10行第4列")}),  # the balance: 40 + 2 = 36 + 6, not 36 + 5
    ],
)
def test_a_slip_in_a_draft_table_is_found_in_its_cell(tmp_path, made, pending, expected):
    result = check_path(str(_draft(tmp_path / "report.docx", made, pending)))
    found = {(f.code, f.stated.raw, result.document.locate(f.start)) for f in result.findings}
    assert expected <= found and {code for code, _, _ in found} <= {"FC401", "FC405"}, found


@pytest.mark.parametrize("indent", ['w:leftChars="200"', 'w:left="420"'], ids=["in-characters", "in-twips"])
def test_labels_indented_by_paragraph_format_rank_beneath_the_row_above(tmp_path, indent):
    import docx as python_docx
    from docx.oxml import parse_xml

    rows = [
        ("指标", "增加值（亿元）"),
        ("第一产业", "120.5"),
        ("第二产业", "310.2"),
        ("工业", "250.0"),
        ("建筑业", "{build}"),
        ("第三产业", "402.1"),
        ("合计", "832.8"),
    ]

    def draft(path, build: str):
        document = python_docx.Document()
        table = document.add_table(rows=len(rows), cols=2)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text.format(build=build)
        for r in (3, 4):  # 工业 and 建筑业 set in, as Word's paragraph format does it
            paragraph = table.cell(r, 0).paragraphs[0]._p
            paragraph.get_or_add_pPr().append(
                parse_xml(f'<w:ind xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" {indent}/>')
            )
        document.save(str(path))
        return path

    clean = check_path(str(draft(tmp_path / "clean.docx", "60.2")))
    assert clean.findings == () and {"310.2", "832.8"} <= {f.stated.raw for f in clean.passed if f.code == "FC401"}
    flawed = check_path(str(draft(tmp_path / "flawed.docx", "66.2")))
    found = [(f.code, f.stated.raw, flawed.document.locate(f.start)) for f in flawed.findings]
    assert found == [("FC401", "310.2", "表1 第3行第2列")], found
