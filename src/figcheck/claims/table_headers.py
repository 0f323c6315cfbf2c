"""Headers of two or three rows read as column paths: a header cell spanning several columns is printed once,
over the first of them (「基本支出」 over 人员经费 | 公用经费), so a blank header cell takes the text on its left
when both it and that cell have sub-headers beneath (in any row below: a cell may span rows too), unless a
header cell above it starts a new group:

    合计 | 基本支出            | 项目支出        →  (合计,) (基本支出, 人员经费) (基本支出, 公用经费) (项目支出,)
         | 人员经费 | 公用经费 |

A total column standing before its parts (合计 | 因公出国（境）费 | 公务接待费 | 公务用车购置及运行费) sums its
siblings: the columns under the same parent, each group of them taken by its own total (小计) when it has one."""

from __future__ import annotations

from collections.abc import Sequence

import regex


def column_paths(texts: Sequence[Sequence[str]], header_rows: int) -> list[tuple[str, ...]]:
    """Each column's header cells from the top, spanning cells spread over the columns they cover."""
    rows = [[text.replace(" ", "") for text in row] for row in texts[:header_rows]]
    width = len(texts[0]) if texts else 0  # a table without header rows still has its columns
    starts = [[any(row[c] for row in rows[:r]) for c in range(width)] for r in range(len(rows))]
    for r in range(len(rows) - 2, -1, -1):

        def beneath(c: int, r: int = r) -> bool:
            return any(row[c] for row in rows[r + 1 :])

        for c in range(1, width):
            # a spanning cell ends where a cell above it starts (公务接待费 is no part of 公务用车… on its left)
            if not rows[r][c] and rows[r][c - 1] and beneath(c) and beneath(c - 1) and not starts[r][c]:
                rows[r][c] = rows[r][c - 1]
    return [tuple(dict.fromkeys(row[c] for row in rows if row[c])) for c in range(width)]


def sibling_parts(
    paths: Sequence[tuple[str, ...]],
    total: int,
    columns: Sequence[int],
    total_word: regex.Pattern[str],
    breakdown: regex.Pattern[str],
) -> list[int]:
    """The columns a total column standing first sums: one per sibling group under its parent (the group's
    own column, else its 小计/合计, else all its columns); none when a sibling is an 「其中」 breakdown."""
    parent = paths[total][:-1]
    groups: dict[str, list[int]] = {}
    for c in columns:
        path = paths[c]
        if c != total and len(path) > len(parent) and path[: len(parent)] == parent:
            groups.setdefault(path[len(parent)], []).append(c)
    parts = []
    for name, group in groups.items():
        if total_word.search(name) or breakdown.search(name):
            return []  # a second total, or 其中: not a partition of the total
        own = [c for c in group if len(paths[c]) == len(parent) + 1]
        subtotal = [
            c for c in group if len(paths[c]) > len(parent) + 1 and total_word.search(paths[c][len(parent) + 1])
        ]
        parts += own[:1] or subtotal[:1] or group
    return parts
