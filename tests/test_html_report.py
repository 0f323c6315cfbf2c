"""The HTML report (--format html, issue 14): one self-contained page with every figure marked, the findings
linked to their figures; and the same page in a real browser (Debian's Chromium driven by playwright)."""

from __future__ import annotations

import os
import re
import shutil
import struct

import pytest
from typer.testing import CliRunner

from figcheck.cli import app

FILLER = "\n\n".join(f"第{n}部分的工作按计划推进，情况平稳。" for n in range(1, 61))
REPORT = f"""# 某区2025年工作报告

全年办理信访事项120件，其中来信50件、来访70件。群众满意率98.5%。

{FILLER}

全年受理行政复议申请64件，其中维持38件、撤销9件、确认违法3件、终止8件、未审结5件。

表1 支出情况（单位：万元）

| 项目 | 金额 |
| --- | --- |
| 工资福利<支出> | 10 |
| 商品和服务支出 | 20 |
| 合计 | 31 |
"""


def _page(tmp_path, *extra: str) -> str:
    source = tmp_path / "report.md"
    source.write_text(REPORT, encoding="utf-8")
    shown = CliRunner().invoke(app, ["check", str(source), "--format", "html", "-o", str(tmp_path / "r.html"), *extra])
    assert shown.exit_code == 1, shown.output
    return (tmp_path / "r.html").read_text(encoding="utf-8")


def _marks(page: str) -> dict[str, str]:
    return {text: kind for kind, text in re.findall(r'<mark class="(\w+)" id="[^"]+">([^<]+)</mark>', page)}


def test_every_figure_is_marked_by_what_became_of_it(tmp_path):
    marks = _marks(_page(tmp_path))
    assert marks["120件"] == marks["50件"] == marks["70件"] == "pass"
    assert marks["98.5%"] == "unverifiable", "a rate with nothing to compute it from"
    assert marks["64件"] == marks["5件"] == marks["31"] == marks["10"] == "fail"
    assert "2025年" not in marks and "60" not in marks, "dates and ordinals are no figures"


def test_findings_link_to_their_figures_and_rules_are_counted(tmp_path):
    page = _page(tmp_path)
    links = re.findall(r'<a class="goto" href="#([^"]+)">(FC\d+)</a>', page)
    assert [code for _, code in links] == ["FC101", "FC401"]
    for target, _ in links:
        assert f'id="{target}"' in page
    assert "38 + 9 + 3 + 8 + 5 = 63 ≠ 64件" in page and "10 + 20 = 30 ≠ 31" in page
    assert re.search(r"<tr><td>FC101</td><td>sum-mismatch</td><td>错误</td><td>1</td></tr>", page)


def test_tables_are_tables_and_text_is_escaped(tmp_path):
    page = _page(tmp_path)
    assert '<table class="grid"><caption>表1</caption>' in page
    assert "<td>工资福利&lt;支出&gt;</td>" in page and "<支出>" not in page
    assert page.count("<tr>") == 4 + 3, "four rows of the table, three of the rule counts (header included)"


def test_the_page_needs_nothing_from_outside_and_others_may_read_it(tmp_path):
    page = _page(tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "r.html").stat().st_mode & 0o777 == 0o666 & ~umask
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_english(tmp_path):
    page = _page(tmp_path, "--lang", "en")
    assert '<html lang="en">' in page and "1 error(s)" not in page and "2 error(s)" in page


def _browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    return chromium, sync_playwright


# Chromium's own connections (updates, sync) are refused on a closed network; these flags keep it from trying.
QUIET = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
QUIET += ["--disable-sync", "--no-first-run", "--disable-quic"]


def test_clicking_a_finding_scrolls_to_its_figure_in_chromium(tmp_path):
    chromium, sync_playwright = _browser()
    _page(tmp_path)
    requested: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=QUIET)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            page.on("request", lambda request: requested.append(request.url))
            page.goto((tmp_path / "r.html").as_uri())
            target = page.locator("a.goto", has_text="FC401")
            figure = page.locator(target.get_attribute("href"))
            assert not _in_view(page, figure), "the table is far below the findings"
            target.click()
            page.wait_for_function("document.querySelector('mark.current') !== null")
            assert _in_view(page, figure) and "current" in figure.get_attribute("class")
            assert figure.inner_text() == "31" and page.evaluate("location.hash") == target.get_attribute("href")
            page.locator("a.goto", has_text="FC101").click()
            assert page.locator("mark.current").count() == 1 and page.locator("mark.current").inner_text() == "64件"
            shot = page.screenshot(path=str(tmp_path / "report.png"))
        finally:
            browser.close()
    width, height = struct.unpack(">II", shot[16:24])  # the PNG's IHDR
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (1000, 700)
    assert requested == [(tmp_path / "r.html").as_uri()], "nothing is fetched but the page itself"


def _in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


def test_a_clean_report_says_so_and_marks_its_figures_verified(tmp_path):
    source = tmp_path / "clean.md"
    source.write_text("全年办理信访事项120件，其中来信50件、来访70件。\n", encoding="utf-8")
    shown = CliRunner().invoke(app, ["check", str(source), "--format", "html", "-o", str(tmp_path / "c.html")])
    assert shown.exit_code == 0, shown.output
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "<p>未发现问题。</p>" in page and 'class="goto"' not in page
    assert set(_marks(page).values()) == {"pass"}
