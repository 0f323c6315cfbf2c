"""Locations a reader can use (issue 14): a web page's findings on the line of their element in the HTML source,
in the JSON, GitHub and SARIF outputs alike."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from figcheck.cli import app

PAGE = """<html><head><meta charset="utf-8"><title>年度报告</title></head>
<body>
<div class="article">
<p>全年工作稳步推进。</p>

<p>全年受理申请64件，其中予以公开40件、不予公开25件。</p>
<table>
<tr><th>结果</th><th>件数</th></tr>
<tr><td>维持</td><td>20</td></tr>
<tr><td>纠正</td><td>5</td></tr>
<tr><td>总计</td><td>26</td></tr>
</table>
</div>
</body></html>
"""


def _run(tmp_path, *options):
    page = tmp_path / "report.html"
    page.write_text(PAGE, encoding="utf-8")
    return CliRunner().invoke(app, ["check", str(page), *options]).output


def test_findings_on_a_web_page_name_the_line_of_their_element(tmp_path):
    findings = json.loads(_run(tmp_path, "--format", "json"))["files"][0]["findings"]
    located = {(f["code"], f["line"], f["location"]) for f in findings}
    assert {("FC102", 6, "第2段"), ("FC401", 7, "表1 第4行第2列")} <= located, located
    assert all(f["line"] in (6, 7) for f in findings)
    assert "line=6,col=1" in _run(tmp_path, "--format", "github")
    regions = [
        r["locations"][0]["physicalLocation"]["region"]
        for r in json.loads(_run(tmp_path, "--format", "sarif"))["runs"][0]["results"]
    ]
    assert {region["startLine"] for region in regions} == {6, 7}
