"""Web pages as saved from government sites: the article text and its tables, without the site.

The encoding comes from the page's <meta charset> (GB2312/GBK pages are common), then UTF-8, then
charset-normalizer's guess. The article is the block with the most text; navigation, breadcrumbs
(您当前的位置), metadata lines (发布时间, 来源, 字体 大中小, 打印) and footers (主办单位, ICP备) are dropped.
Parsing is lxml's HTML parser with no network access and no entity expansion.
"""

from __future__ import annotations

import regex

from figcheck import directives, patterns
from figcheck.document import Document
from figcheck.load.builder import DocumentBuilder
from figcheck.load.errors import LoadError

_META_CHARSET = patterns.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", regex.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "button", "select", "svg")
_DROP_HINTS = patterns.compile(
    r"nav|menu|breadcrumb|crumb|footer|header|share|print|toolbar|sidebar|banner|copyright|dqwz|position"
)
_CHROME_LINE = patterns.compile(
    r"^(?:您当前的位置|当前位置|首页\s*[>»]|发布时间|发布日期|来源[:：]|信息来源|作者[:：]|浏览次数|访问量|字体[:：]?|【字体|"
    r"打印|关闭|分享到|主办单位|承办单位|主办[:：]|网站标识码|ICP备|[京沪津渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云陕甘青蒙藏宁新]ICP|"
    r"公网安备|版权所有|技术支持|联系我们|网站地图|上一篇|下一篇|相关链接|扫一扫|【关闭】|【打印】|【返回顶部】|返回顶部|"
    r"关闭本页|您访问的链接即将离开|X$|×$)"
)
_CONTROL = patterns.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "td", "pre", "blockquote", "section", "article")


def decode(data: bytes) -> tuple[str, str]:
    declared = _META_CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii").lower()] if declared else []
    candidates += ["utf-8", "gb18030"]
    for encoding in candidates:
        if encoding in ("gb2312", "gbk"):
            encoding = "gb18030"  # a superset: pages declared GB2312 often hold GBK characters
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError("无法识别网页的文字编码")
    return str(best), best.encoding


def load(path: str, data: bytes) -> Document:
    from lxml import etree, html

    text, encoding = decode(data)
    text = regex.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    text = _CONTROL.sub("", text)  # lxml refuses strings with control characters; they are not text
    parser = html.HTMLParser(no_network=True, remove_comments=False, remove_pis=True, huge_tree=False)
    try:
        root = html.document_fromstring(text, parser=parser) if text.strip() else None
    except (etree.ParserError, ValueError) as exc:
        raise LoadError(f"无法解析网页：{exc}") from None
    builder = DocumentBuilder(path, encoding)
    if root is None:
        return builder.build()
    try:
        for element in list(root.iter(*_DROP_TAGS)):
            if element.getparent() is not None:
                element.drop_tree()
        for element in list(root.iter()):
            hint = f"{element.get('class', '')} {element.get('id', '')}" if isinstance(element.tag, str) else ""
            if element.getparent() is not None and _DROP_HINTS.search(hint.lower()):
                element.drop_tree()
        _walk(_article(root), builder)
    except (ValueError, RecursionError) as exc:
        raise LoadError(f"无法解析网页：{type(exc).__name__}: {exc}") from None
    return builder.build()


def _article(root):
    """The element holding the article: the block with the most Chinese text in its direct children."""
    best, best_score = root, 0
    for element in root.iter("div", "article", "section", "td", "body"):
        score = sum(
            len(patterns.HAN.findall(child.text_content()))
            for child in element
            if child.tag in ("p", "table", "div", "span")
        )
        if score > best_score:
            best, best_score = element, score
    return best


def _walk(element, builder: DocumentBuilder) -> None:
    """Paragraph-level blocks in document order; tables as grids; figcheck comments as directives."""
    from lxml import etree

    for child in element:
        if not isinstance(child.tag, str):
            parsed = directives.parse(child.text or "") if child.tag is etree.Comment else None
            if parsed is not None:
                builder.directive(*parsed, f"<!--{child.text}-->")
            _tail(child, builder)
            continue
        if child.tag == "table":
            builder.source_line(child.sourceline)
            builder.table(_grid(child))
        elif child.tag == "br":
            continue
        elif any(isinstance(grand.tag, str) and grand.tag in _BLOCKS + ("table",) for grand in child.iterdescendants()):
            _walk(child, builder)
            _tail(child, builder)
        else:
            line = " ".join(child.text_content().split())
            if line and not _CHROME_LINE.search(line):
                for comment in child.iter(etree.Comment):  # written inside the paragraph: it covers that paragraph
                    parsed = directives.parse(comment.text or "")
                    if parsed is not None:
                        builder.directive(*parsed, f"<!--{comment.text}-->")
                builder.source_line(child.sourceline)
                builder.paragraph(line)
            _tail(child, builder)


def _tail(element, builder: DocumentBuilder) -> None:
    if element.tail and element.tail.strip():
        builder.source_line(element.sourceline)  # the text after an element starts on its line or a later one
        builder.paragraph(" ".join(element.tail.split()))


def _grid(table) -> list[list[str]]:
    """Rows of cell texts with colspan/rowspan expanded (a merged cell repeats its text)."""
    grid: dict[tuple[int, int], str] = {}
    rows = [row for row in table.iter("tr")]
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = " ".join(cell.text_content().split())
            span_r, span_c = _span(cell.get("rowspan")), _span(cell.get("colspan"))
            for dr in range(span_r):
                for dc in range(span_c):
                    grid[(r + dr, c + dc)] = text
            c += span_c
    if not grid:
        return []
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1
