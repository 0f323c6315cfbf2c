"""Rows ranked by their numbering: 一、 above （一） above 1. above （1） above ①, in one label column or in
several (a label cell printed once over the rows it spans, as the disclosure report's table prints 「三、本年度
办理结果」 once over （一）… （七）总计, and 「（三）不予公开」 once over 1. … 8.):

    三、本年度办理结果 | （一）予以公开 |                 | 50
                       | （三）不予公开 | 1.属于国家秘密   |  0
                       |                | 2.其他法律……     |  1
                       | （七）总计     |                  | 95

Each row's path is its numbered labels from the outside in; a marker ranks by the order its kind first appears
in the table (and, across label columns, by column). A row with figures and rows beneath it is the sum of them;
a total row (合计, （七）总计) is the sum of the rows beside it under the same parent; a label without figures of
its own (（三）不予公开) counts as the sum of the rows beneath it. The tree is read only when two kinds of
numbering appear; a single label column with an unnumbered row among numbered ones is not read (where the row
belongs is not known)."""

from __future__ import annotations

from collections.abc import Callable

from figcheck import patterns

_KINDS = (
    patterns.compile(r"^[一二三四五六七八九十]+[、.．]"),
    patterns.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    patterns.compile(r"^\d{1,2}(?:[、．]|\.(?!\d))"),
    patterns.compile(r"^[（(]\d{1,2}[）)]"),
    patterns.compile(r"^[①-⑳]"),
)
# a numbered label inside a cell, after words: 「三、本年度办理结果（一）予以公开」
_INNER = patterns.compile(r"(?<=\p{Han})(?=[（(][一二三四五六七八九十]+[）)]|[（(]\d{1,2}[）)])")


def _kind(segment: str) -> int | None:
    return next((k for k, pattern in enumerate(_KINDS) if pattern.match(segment)), None)


def label_paths(
    labels: dict[int, list[str]], totals: set[int], indents: dict[int, int] | None = None
) -> dict[int, tuple[str, ...]] | None:
    """Each row's path of numbered labels, from its label cells (a blank cell is the one above it); None when the
    labels are no hierarchy. `indents`: how far each row's first label is set in — a label set in further ranks
    beneath the one above it, before any numbering. Total rows rank with the outermost labels."""
    indents = {r: 0 if r in totals else depth for r, depth in (indents or {}).items()}
    indented = len({indents.get(r, 0) for r, cells in labels.items() if any(cells)}) >= 2
    segments: dict[int, list[tuple[int, int | None, str]]] = {}
    for r, cells in labels.items():
        found = []
        seen = set()
        for col, text in enumerate(cells):
            if not text or text in seen:
                continue  # a cell spanning several label columns, repeated in each
            seen.add(text)
            found += [(col, _kind(part), part) for part in _INNER.split(text.replace(" ", "")) if part]
        segments[r] = found
    kinds = list(dict.fromkeys(kind for found in segments.values() for _, kind, _ in found if kind is not None))
    if len(kinds) < 2 and not indented:
        return None
    numbered_cols = {col for found in segments.values() for col, kind, _ in found if kind is not None} or {0}
    paths: dict[int, tuple[str, ...]] = {}
    stack: list[tuple[tuple[int, int, int], str]] = []
    for r in sorted(segments):
        found = [(col, kind, part) for col, kind, part in segments[r] if kind is not None or col == min(numbered_cols)]
        if not found:
            paths[r] = ()
            continue
        if found[0][1] is None and len(numbered_cols) == 1 and stack and r not in totals and not indented:
            return None  # an unnumbered row among numbered ones in one column: its place is not known
        for col, kind, part in found:
            depth = indents.get(r, 0) if col == found[0][0] else 0
            level = (col, depth, kinds.index(kind) + 1 if kind is not None else 0)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, part))
        paths[r] = tuple(part for _, part in stack)
    return paths


def tree_sums(paths: dict[int, tuple[str, ...]], totals: list[int], parts: set[int], add: Callable) -> list:
    """Each row with rows beneath it against them, each total row against the rows beside it; a label without a
    row of its own counts as its rows beneath. `parts`: the rows that may be counted; `add(total, rows)` makes the
    claims of one sum (column by column)."""
    by_path = {path: r for r, path in paths.items() if r in parts and path}

    def children(path: tuple[str, ...]) -> list[tuple[str, ...]]:
        below = {p[: len(path) + 1] for p in by_path if len(p) > len(path) and p[: len(path)] == path}
        return sorted(below, key=lambda p: min(r for q, r in by_path.items() if q[: len(p)] == p))

    def counted(path: tuple[str, ...]) -> list[int]:
        if path in by_path:
            return [by_path[path]]
        return [r for child in children(path) for r in counted(child)]

    claims = []
    for path, r in by_path.items():
        beneath = [row for child in children(path) for row in counted(child)]
        if len(beneath) >= 2:
            claims += add(r, beneath)
    for total in totals:
        parent = paths.get(total, ())[:-1]
        beside = [row for child in children(parent) if child != paths[total] for row in counted(child)]
        if len(beside) >= 2:
            claims += add(total, beside)
    return claims
