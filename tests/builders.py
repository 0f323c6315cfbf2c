"""Build report fixtures in each format for the loader tests (no files from ../shared)."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "Path",
    "word_draft",
    "W_P",
    "REVISED",
    "TEXT_BOX",
    "docx",
    "html",
    "pdf",
    "markdown",
    "scanned_pdf",
    "split_table_pdf",
    "total_apart_pdf",
    "LONG_TABLE",
]

PROSE_CLEAN = "全年受理行政复议申请64件，其中维持38件、撤销9件、确认违法3件、终止8件、未审结6件。"
PROSE_FLAWED = "全年受理行政复议申请64件，其中维持38件、撤销9件、确认违法3件、终止8件、未审结5件。"
TABLE_CLEAN = [["办理结果", "件数"], ["予以公开", "215"], ["部分公开", "38"], ["不予公开", "12"], ["总计", "265"]]
TABLE_FLAWED = [["办理结果", "件数"], ["予以公开", "215"], ["部分公开", "38"], ["不予公开", "12"], ["总计", "256"]]


def docx(path: Path, prose: str, table: list[list[str]]) -> Path:
    import docx as python_docx

    document = python_docx.Document()
    document.add_heading("某区2023年法治政府建设情况报告", level=1)
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉：共3页，第1页，打印于2024年1月5日"
    document.add_paragraph("一、总体情况")
    document.add_paragraph(prose)
    document.add_paragraph("表1 政府信息公开申请办理情况（单位：件）")
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    document.add_paragraph("二、下一步工作", style="List Number")
    document.save(str(path))
    return path


def html(path: Path, prose: str, table: list[list[str]], encoding: str = "gbk") -> Path:
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in table)
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">
<title>某区2023年法治政府建设情况报告</title><script>var visits = 12345;</script></head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | 热线12345</div>
<div class="position">您当前的位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="article">
  <h1>某区2023年法治政府建设情况报告</h1>
  <div class="info">发布时间：2024-01-05 09:30 来源：区司法局 字体：大 中 小 打印</div>
  <div class="TRS_Editor">
    <p>一、总体情况</p>
    <p>{prose}</p>
    <p>表1 政府信息公开申请办理情况（单位：件）</p>
    <table border="1">{rows}</table>
  </div>
</div>
<div class="footer">主办单位：某区人民政府办公室 ICP备12345678号 访问量：98765</div>
</body></html>"""
    path.write_bytes(page.encode(encoding))
    return path


def pdf(path: Path, prose: str, table: list[list[str]]) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=16)
    grid = Table(table)
    grid.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    )
    story = [
        Paragraph("某区2023年法治政府建设情况报告", style),
        PageBreak(),
        Paragraph(prose, style),
        Paragraph("表1 政府信息公开申请办理情况（单位：件）", style),
        grid,
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def markdown(path: Path, prose: str, table: list[list[str]]) -> Path:
    lines = ["# 某区2023年法治政府建设情况报告", "", prose, "", "```", "示例：合计1602件，其中1件", "```", ""]
    lines.append("| " + " | ".join(table[0]) + " |")
    lines.append("| " + " | ".join("---" for _ in table[0]) + " |")
    lines += ["| " + " | ".join(row) + " |" for row in table[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def scanned_pdf(path: Path) -> Path:
    """A PDF with only a drawing on it: what a scan without a text layer looks like to a text reader."""
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path))
    page.rect(72, 600, 300, 120, fill=1)
    page.save()
    return path


def _long_table() -> list[list[str]]:
    rows = [["单位名称", "合计", "基本支出", "项目支出"]]
    for index in range(40):
        basic, project = 100 + index, 50 + 2 * index
        rows.append([f"第{index + 1}所", str(basic + project), str(basic), str(project)])
    columns = list(zip(*rows[1:], strict=True))[1:]
    return rows + [["合计", *(str(sum(int(value) for value in column)) for column in columns)]]


LONG_TABLE = _long_table()  # 40 rows and a 合计 row: too long for one page


def split_table_pdf(
    path: Path, table: list[list[str]], repeat_header: bool, next_page: list[list[str]] | None = None
) -> Path:
    """A ruled table that starts low on page 1 and goes on over the next page (its header repeated there or
    not), then a second, small table: 表1 across pages, 表2 after it. With `next_page`, that table instead opens
    the page after 表1, without a caption."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=16)

    def ruled(rows: list[list[str]]) -> Table:
        grid = Table(rows, repeatRows=1 if repeat_header else 0)
        grid.setStyle(
            TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
        )
        return grid

    small = [["项目", "金额"], ["因公出国（境）费", "2"], ["公务接待费", "3"], ["合计", "5"]]
    story = [Paragraph("某单位2024年部门预算", style)]
    story += [Paragraph("本单位认真编制部门预算，严格控制一般性支出。" * 4, style) for _ in range(9)]
    story += [Paragraph("表1 支出预算表（单位：万元）", style), ruled(table)]
    if next_page is not None:
        story += [PageBreak(), ruled(next_page)]
    else:
        story += [Paragraph("表2 三公经费预算表（单位：万元）", style), ruled(small)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def total_apart_pdf(path: Path, total: str) -> Path:
    """A ruled table whose 合计 row is drawn a little below it, as a box of its own (a second table to a PDF
    reader), then the next table's caption."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=11, leading=16)

    def ruled(rows: list[list[str]]) -> Table:
        grid = Table(rows, colWidths=[120, 80, 80, 80])
        grid.setStyle(
            TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
        )
        return grid

    body = [
        ["项目", "合计", "基本支出", "项目支出"],
        ["一般公共服务支出", "300", "200", "100"],
        ["卫生健康支出", "50", "50", ""],
    ]
    story = [Paragraph("表1 支出预算表（单位：万元）", style), ruled(body), Spacer(1, 8)]
    story += [ruled([["合计", total, "250", "100"]]), Paragraph("表2 其他情况说明。", style)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def unruled_table_pdf(
    path: Path, rows: list[list[str]], lines: str, lead: int = 3, indented: tuple[int, ...] = ()
) -> Path:
    """A statistical bulletin's table set in smaller type than its text, drawn without a grid: `lines` is
    "none" (white space alone keeps the columns apart) or "three-line" (a rule above and below the header and
    below the last row, and rules between the columns: pdfplumber sees the body as one row of stacked cells).
    `lead` paragraphs of text come first, so a long table goes on over the next page; the labels of the rows
    `indented` are set in by two characters."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=16, leading=24)
    commands = [("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 10.5)]
    commands += [("ALIGN", (1, 0), (-1, -1), "RIGHT")]
    commands += [("LEFTPADDING", (0, row), (0, row), 6 + 21) for row in indented]
    if lines == "three-line":
        commands += [
            ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
            ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black),
            ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.black),
        ]
    grid = Table(rows, colWidths=[180, 110, 110][: len(rows[0])])
    grid.setStyle(TableStyle(commands))
    story = [Paragraph("某州2023年国民经济和社会发展统计公报", style)]
    story += [Paragraph("编制单位：某州统计局          单位：万人", style)]
    story += [
        Paragraph("全州经济运行总体平稳，人口结构持续优化，各项社会事业稳步发展。" * 3, style) for _ in range(lead)
    ]
    story += [Paragraph("表1 2023年年末户籍人口及其构成", style), grid]
    story += [Paragraph("全年全州城镇新增就业6.02万人，比上年增长3.1%。", style)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


POPULATION = [
    ["指标名称", "年末数（万人）", "比重（%）"],
    ["全州总户籍人口", "489.93", "100.0"],
    ["城镇", "165.43", "33.8"],
    ["乡村", "324.50", "66.2"],
    ["#男性", "261.73", "53.4"],
    ["女性", "228.20", "46.6"],
]


W_P = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'


def word_draft(path, body: str, footnotes: str = ""):
    """A .docx whose body is `body` (WordprocessingML paragraphs), with `footnotes` (w:footnote elements) when
    given."""
    import io
    import zipfile

    import docx as python_docx

    base = io.BytesIO()
    document = python_docx.Document()
    document.add_paragraph("PLACEHOLDER")
    document.save(base)
    source = zipfile.ZipFile(base)
    out = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    for info in source.infolist():
        data = source.read(info.filename)
        if info.filename == "word/document.xml":
            data = data.replace(b"<w:p><w:r><w:t>PLACEHOLDER</w:t></w:r></w:p>", body.encode("utf-8"))
        elif info.filename == "[Content_Types].xml" and footnotes:
            data = data.replace(
                b"</Types>",
                b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.wordprocessingml.footnotes+xml"/></Types>',
            )
        elif info.filename == "word/_rels/document.xml.rels" and footnotes:
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
            )
        out.writestr(info, data)
    if footnotes:
        out.writestr(
            "word/footnotes.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
            f"<w:separator/></w:r></w:p></w:footnote>{footnotes}</w:footnotes>",
        )
    out.close()
    return path


REVISED = (
    '<w:p><w:r><w:t xml:space="preserve">全年受理政府信息公开申请</w:t></w:r>'
    '<w:del w:id="1" w:author="审校"><w:r><w:delText>63</w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="审校"><w:r><w:t>64</w:t></w:r></w:ins>'
    '<w:r><w:t xml:space="preserve">件，其中予以公开40件、不予公开19件</w:t></w:r>'
    '<w:ins w:id="3" w:author="审校"><w:r><w:t>{insert}</w:t></w:r></w:ins>'
    "<w:r><w:t>。</w:t></w:r></w:p>"
)


TEXT_BOX = (
    '<w:p><w:r><w:t>全年工作情况如下。</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
    '<w:drawing xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    "<wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
    "<w:p><w:r><w:t>全年开展普法活动1500场，其中讲座420场、咨询{consults}场。</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>全年开展普法活动1500场，其中讲座420场、咨询{consults}场。</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)


OFD_NS = "http://www.ofdspec.org/2016"


def ofd(path: Path, pages: list[list[tuple[float, float, float, str]]], rules: list[str] = ()) -> Path:
    """A minimal OFD package (GB/T 33190): one document, a page per list of text items (x, baseline y, size in mm,
    text), each item a TextObject whose glyphs advance by its size (「g N size」); `rules` are path data
    (「M 20 100 L 190 100」) drawn on the last page, as a ruled table's lines."""
    import zipfile

    def content(items, ruled) -> str:
        objects = []
        for number, (x, y, size, text) in enumerate(items, start=1):
            delta = f' DeltaX="g {len(text) - 1} {size}"' if len(text) > 1 else ""
            objects.append(
                f'<ofd:TextObject ID="{number}" Boundary="{x} {y - size} {size * len(text)} {size * 1.4}" Font="1" '
                f'Size="{size}"><ofd:TextCode X="0" Y="{size}"{delta}>{text}</ofd:TextCode></ofd:TextObject>'
            )
        objects += [
            f'<ofd:PathObject ID="p{n}" Boundary="0 0 210 297" LineWidth="0.25"><ofd:AbbreviatedData>{data}'
            "</ofd:AbbreviatedData></ofd:PathObject>"
            for n, data in enumerate(ruled)
        ]
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
            f'<ofd:Layer ID="0">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
        )

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>figcheck-test</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        listed = "".join(f'<ofd:Page ID="{n + 10}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
        package.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData>'
            "<ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
            f"</ofd:PageArea></ofd:CommonData><ofd:Pages>{listed}</ofd:Pages></ofd:Document>",
        )
        for n, items in enumerate(pages):
            ruled = rules if n == len(pages) - 1 else ()
            package.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", content(items, ruled))
    return path


def ofd_report(path: Path, prose: str, table: list[list[str]]) -> Path:
    """A two-page OFD report: a heading and `prose` wrapped at 40 characters on page 1; a caption and `table`
    (ruled, two columns) on page 2."""
    lines = [prose[i : i + 40] for i in range(0, len(prose), 40)]
    first = [(20, 30, 5, "某区2023年法治政府建设情况报告")] + [
        (20, 50 + 6 * n, 4, line) for n, line in enumerate(["一、总体情况", *lines])
    ]
    second = [(20, 30, 4, "表1 政府信息公开申请办理情况（单位：件）")]
    for r, (label, value) in enumerate(table):
        second += [(25, 50 + 8 * r, 4, label), (150 - 4 * len(value), 50 + 8 * r, 4, value)]
    rules = [f"M 20 {44 + 8 * r} L 160 {44 + 8 * r}" for r in range(len(table) + 1)]
    rules += [f"M 20 44 L 20 {44 + 8 * len(table)}", f"M 100 44 L 100 {44 + 8 * len(table)}"]
    return ofd(path, [first, second], rules)


def soffice_convert(source: Path, target_format: str, outdir: Path):
    """Convert a file with LibreOffice, headless, on a profile of its own beside the output (the tests that call this
    skip when soffice is absent)."""
    import subprocess

    profile = (outdir.parent / f"{outdir.name}-profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to"]
    command += [target_format, "--outdir", str(outdir), str(source)]
    return subprocess.run(command, capture_output=True, timeout=180, check=False)
