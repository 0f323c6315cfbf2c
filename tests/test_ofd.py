"""OFD (GB/T 33190) reports (issue 14): text objects read in reading order, pages as locators, tables found by
their columns, and damaged packages refused with a reason."""

from __future__ import annotations

import zipfile

import pytest

import builders
from figcheck.load import LoadError, iter_inputs, load
from figcheck.pipeline import check_path


def _found(result):
    return sorted((f.code, f.stated.raw, result.document.locate(f.start)) for f in result.findings)


def test_a_flawed_ofd_report_is_checked_with_page_locators(tmp_path):
    path = builders.ofd_report(tmp_path / "report.ofd", builders.PROSE_FLAWED, builders.TABLE_FLAWED)
    result = check_path(str(path))
    assert _found(result) == [("FC101", "64件", "第1页 第3段"), ("FC401", "256", "第2页 表1 第5行第2列")]
    assert not result.document.has_lines, "an OFD's findings name their page and paragraph, not a line"


def test_a_clean_ofd_report_has_no_findings(tmp_path):
    path = builders.ofd_report(tmp_path / "report.ofd", builders.PROSE_CLEAN, builders.TABLE_CLEAN)
    result = check_path(str(path))
    assert result.findings == () and {f.code for f in result.passed} >= {"FC101", "FC401"}


def test_text_objects_are_read_in_reading_order_not_file_order(tmp_path):
    items = [
        (20, 60, 4, "来访70件。"),  # the second line, written first
        (72, 50, 4, "其中来信50件、"),  # the rest of the first line, beside the 13 glyphs before it
        (20, 50, 4, "全年办理信访事项120件，"),
    ]
    document = load(str(builders.ofd(tmp_path / "order.ofd", [items])))
    assert document.text.startswith("全年办理信访事项120件，其中来信50件、来访70件。")


def test_glyph_advances_with_and_without_the_g_shorthand(tmp_path):
    path = builders.ofd(tmp_path / "delta.ofd", [[(20, 50, 4, "办理事项")]])
    with zipfile.ZipFile(path) as package:
        page = package.read("Doc_0/Pages/Page_0/Content.xml").decode()
        assert 'DeltaX="g 3 4"' in page
    explicit = page.replace('DeltaX="g 3 4"', 'DeltaX="4 4 g 1 4"').replace("办理事项", "合计 12")
    hostile = page.replace('DeltaX="g 3 4"', 'DeltaX="g 999999999 4"')
    for name, content, expected in (("explicit", explicit, "合计 12"), ("hostile", hostile, "办理事项")):
        copy = tmp_path / f"{name}.ofd"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
            for info in source.infolist():
                target.writestr(info, content if info.filename.endswith("Content.xml") else source.read(info))
        assert load(str(copy)).text.strip() == expected


@pytest.mark.parametrize(
    ("entries", "reason"),
    [
        (None, "无法作为 zip 打开"),
        ({"Doc_0/Document.xml": "<x/>"}, "缺少 OFD.xml"),
        ({"OFD.xml": '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'}, "未指明文档"),
        ({"OFD.xml": "<not closed"}, "已损坏"),
    ],
)
def test_damaged_packages_are_refused_with_a_reason(tmp_path, entries, reason):
    path = tmp_path / "bad.ofd"
    if entries is None:
        path.write_bytes(b"PK not a zip")
    else:
        with zipfile.ZipFile(path, "w") as package:
            for name, text in entries.items():
                package.writestr(name, text)
    with pytest.raises(LoadError, match=reason):
        load(str(path))


def test_a_page_location_outside_the_package_and_a_page_without_text(tmp_path):
    path = builders.ofd(tmp_path / "empty.ofd", [[]])
    with pytest.raises(LoadError, match="没有文字对象"):
        load(str(path))
    escaped = tmp_path / "escape.ofd"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(escaped, "w") as target:
        for info in source.infolist():
            data = source.read(info).replace(b"Pages/Page_0/Content.xml", b"../../../etc/passwd")
            target.writestr(info, data)
    with pytest.raises(LoadError, match="已损坏"):
        load(str(escaped))


def test_directories_yield_ofd_files(tmp_path):
    builders.ofd_report(tmp_path / "a.ofd", builders.PROSE_CLEAN, builders.TABLE_CLEAN)
    assert list(iter_inputs([str(tmp_path)])) == [str(tmp_path / "a.ofd")]
