"""Loading text inputs: encodings are detected, offsets are into the decoded text."""

from __future__ import annotations

import codecs

import pytest

from figcheck.load import LoadError, iter_inputs, load

TEXT = "全年受理行政复议申请64件，其中维持38件。\r\n第二段。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
    ],
)
def test_encodings(tmp_path, data, encoding):
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    document = load(str(path))
    assert document.text == TEXT and document.encoding == encoding


def test_line_and_column_count_code_points_and_crlf_lines(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    document = load(str(path))
    assert document.line_col(TEXT.index("64件")) == (1, 11)
    assert document.line_col(TEXT.index("第二段")) == (2, 1)
    assert document.line_text(TEXT.index("64件")) == "全年受理行政复议申请64件，其中维持38件。"
    assert document.locate(TEXT.index("第二段")) == "第2段"


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"\x00\x00binary", "NUL"), (b"\xff\xfe\x00", "utf-16"), (bytes([0x81, 0x20, 0xFF] * 10), "编码")],
)
def test_unreadable_bytes_give_a_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=reason):
        load(str(path))


def test_missing_and_directory(tmp_path):
    with pytest.raises(LoadError, match="不存在"):
        load(str(tmp_path / "nope.txt"))
    with pytest.raises(LoadError, match="没有可检查的文件"):
        load(str(tmp_path))


def test_iter_inputs_keeps_order_and_reports_empty_directories(tmp_path):
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "c.csv").write_text("x")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert list(iter_inputs([str(tmp_path / "a.txt"), str(empty), str(tmp_path)])) == [
        str(tmp_path / "a.txt"),
        str(empty),
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.md"),
    ]
