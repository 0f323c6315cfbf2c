"""Locations a reader can use (issue 14): a web page's findings on the line of their element in the HTML source,
in the JSON, GitHub and SARIF outputs alike."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_a_word_drafts_findings_name_their_paragraph_not_a_line_of_the_file(tmp_path):
    import jsonschema

    import builders

    path = builders.docx(tmp_path / "draft.docx", builders.PROSE_FLAWED, builders.TABLE_FLAWED)
    sarif = json.loads(CliRunner().invoke(app, ["check", str(path), "--format", "sarif"]).output)
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    locations = [result["locations"][0] for result in sarif["runs"][0]["results"]]
    assert all("region" not in location["physicalLocation"] for location in locations)
    names = {location["logicalLocations"][0]["name"] for location in locations}
    assert {"第3段", "表1 第5行第2列"} <= names, names
    github = CliRunner().invoke(app, ["check", str(path), "--format", "github"]).output.splitlines()
    assert github and all("line=" not in line for line in github)
    assert any("::[第3段] " in line for line in github) and any("::[表1 第5行第2列] " in line for line in github)
