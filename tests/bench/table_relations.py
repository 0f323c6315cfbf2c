#!/usr/bin/env python3
"""Independent finder of the arithmetic relations that the TABLES of the budget and disclosure PDFs assert.

Reads the six Putuo budget / final-accounts PDFs and the two Hongze information-disclosure reports with pdfplumber
(one table per page), joins tables that continue over pages, parses their (multi-row) headers and classification
codes itself, and writes relations-tables-found.yaml beside this script in the format of relation_coverage.py:

  - file: more/budget_report/x.pdf    # relative to the corpus root
    kind: rank-sum | total-row | total-column | three-public | summary-table | disclosure
    class: holds | rounding | broken
    stated: "21,601,733.00"           # the total cell, as printed
    inputs: ["9,389,913.00", ...]     # the part cells, as printed (blank and zero parts left out)
    note: "p.10 caption / row / column"

Arithmetic is exact (decimal.Decimal). A relation that does not hold exactly is `rounding` when the difference is
within half a unit of the printed last digit for the total and for each printed part, otherwise `broken`; counts
(the disclosure tables) must hold exactly. Relations whose cells are all blank or zero are skipped.

Usage: table_relations.py [--corpus DIR] [--out FILE]
Needs only pdfplumber and PyYAML; does not use figcheck.
"""

import argparse
import collections
import re
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pdfplumber
import yaml

CORPUS = Path("/work/shared/corpus")
FILES = [
    "more/budget_report/putuo_commerce_commission_2025_unit_budget.pdf",
    "more/budget_report/putuo_finance_bureau_2025_dept_budget.pdf",
    "more/budget_report/putuo_gov_office_2025_dept_budget.pdf",
    "more/budget_report/putuo_planning_resources_2024_dept_final_accounts.pdf",
    "more/budget_report/putuo_wanli_subdistrict_2023_dept_budget.pdf",
    "more/budget_report/putuo_wanli_subdistrict_2024_dept_budget.pdf",
    "originals/hongze_district_2023_info_disclosure.pdf",
    "originals/hongze_district_2024_info_disclosure.pdf",
]

NUM = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
CN_ITEM = re.compile(r"^[一二三四五六七八九十]+、")
SUB_ITEM = re.compile(r"^\d+\s*[、.]")
HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def is_num(s):
    return bool(NUM.match(norm(s)))


def val(s):
    s = norm(s)
    return Decimal(s.replace(",", "")) if NUM.match(s) else Decimal(0)


def decimals(s):
    s = norm(s)
    return len(s.split(".")[1]) if NUM.match(s) and "." in s else 0


def is_total_label(s):
    s = norm(s)
    return s in ("合计", "总计", "小计") or s.endswith("合计") or s.endswith("总计")


class Cell:
    __slots__ = ("text", "page")

    def __init__(self, text, page):
        self.text = (text or "").strip()
        self.page = page


# ---------------------------------------------------------------- reading tables


class Piece:
    """One pdfplumber table on one page: a grid of merged-cell ids plus their texts."""

    def __init__(self, table, page_no):
        self.page = page_no
        raw = table.extract()
        rows = table.rows
        self.nrow, self.ncol = len(raw), max(len(r) for r in raw)
        colx = [None] * self.ncol
        rowy = [None] * self.nrow
        for j, r in enumerate(rows):
            for i, c in enumerate(r.cells):
                if c is None:
                    continue
                if colx[i] is None or c[0] < colx[i]:
                    colx[i] = c[0]
                if rowy[j] is None or c[1] < rowy[j]:
                    rowy[j] = c[1]
        self.grid = [[None] * self.ncol for _ in range(self.nrow)]
        self.cells = {}  # id -> dict(text, r0, r1, c0, c1)
        for j, r in enumerate(rows):
            for i, c in enumerate(r.cells):
                if c is None:
                    continue
                cid = (j, i)
                c1 = i
                while c1 + 1 < self.ncol and colx[c1 + 1] is not None and colx[c1 + 1] < c[2] - 1:
                    c1 += 1
                r1 = j
                while r1 + 1 < self.nrow and rowy[r1 + 1] is not None and rowy[r1 + 1] < c[3] - 1:
                    r1 += 1
                self.cells[cid] = dict(text=(raw[j][i] or "").strip(), r0=j, r1=r1, c0=i, c1=c1)
                for m in range(j, r1 + 1):
                    for k in range(i, c1 + 1):
                        if self.grid[m][k] is None:
                            self.grid[m][k] = cid
        self.raw = raw
        # header rows: those before the first row holding a number (or code) or an item 一、…
        self.nhead = self.nrow
        for j in range(self.nrow):
            texts = [self.raw[j][i] for i in range(len(self.raw[j])) if self.raw[j][i]]
            if any(is_num(t) or CN_ITEM.match(norm(t)) for t in texts):
                self.nhead = j
                break

    def text_at(self, j, i):
        cid = self.grid[j][i]
        return self.cells[cid]["text"] if cid else ""


def header_signature(piece):
    return [norm(piece.cells[cid]["text"]) for cid in sorted(piece.cells) if piece.cells[cid]["r0"] < piece.nhead]


def caption_inside(piece):
    """Some tables carry their title in their own first rows."""
    for j in range(piece.nhead):
        for t in piece.raw[j]:
            if t and "表" in t and len(t) < 60 and not norm(t).startswith(("编制", "单位")):
                return t.strip()
    return None


def caption_above(page, top, prev_bottom):
    """The table's title: the last line above it that names a table (…表) or is a numbered heading; None if no
    such line (then the table continues the one before)."""
    if top - prev_bottom < 2:
        return None
    try:
        text = page.crop((0, prev_bottom, page.width, top)).extract_text() or ""
    except ValueError:
        return None
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not re.match(r"^(编制|单位|-\s*\d+\s*-)", ln)]
    for ln in reversed(lines[-4:]):
        if "表" in ln and len(ln) < 60:
            return re.sub(r"\s+(编制|单位).*$", "", ln)
    for ln in reversed(lines[-4:]):
        if HEADING.match(ln) and len(ln) < 40:
            return ln
    return None


class LogicalTable:
    def __init__(self, caption, piece):
        self.caption = caption or ""
        self.page = piece.page
        self.head = piece  # header from the first piece
        self.ncol = piece.ncol
        self.nhead = piece.nhead
        self.rows = []  # list of lists of Cell, length ncol
        self.add_rows(piece)

    def add_rows(self, piece):
        for j in range(piece.nhead, piece.nrow):
            r = [Cell(t, piece.page) for t in piece.raw[j]]
            if len(r) < self.ncol:  # merged label cell: the label first, the amounts right-aligned
                r = [r[0]] + [Cell("", piece.page) for _ in range(self.ncol - len(r))] + r[1:]
            if all(not c.text for c in r):
                continue
            self.rows.append(r)

    def accepts(self, piece):
        """Can piece continue this table? Same columns, and a repeated header (if any) equal to ours."""
        if piece.nhead and header_signature(piece) != header_signature(self.head):
            return False
        if piece.ncol == self.ncol:
            return True
        return piece.ncol < self.ncol and piece.nrow - piece.nhead <= 2

    def rows_last_page(self):
        return self.rows[-1][0].page if self.rows else self.page

    # header helpers
    def hcell(self, cid):
        return self.head.cells[cid]

    def hpath(self, c):
        out = []
        for j in range(self.nhead):
            cid = self.head.grid[j][c] if c < self.head.ncol else None
            if cid and cid not in out:
                out.append(cid)
        return out

    def col_label(self, c):
        names = [norm(self.hcell(cid)["text"]) for cid in self.hpath(c)]
        return "/".join(n for n in names if n and "表" not in n and not n.startswith(("编制", "单位")))


def read_tables(path):
    tables = []
    with pdfplumber.open(path) as pdf:
        for pno, page in enumerate(pdf.pages, 1):
            prev_bottom = 0
            for t in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
                piece = Piece(t, pno)
                cap = caption_inside(piece) or caption_above(page, t.bbox[1], prev_bottom)
                prev_bottom = t.bbox[3]
                last = tables[-1] if tables else None
                if cap is None and last is not None and last.accepts(piece) and pno - last.rows_last_page() <= 1:
                    last.add_rows(piece)
                else:
                    tables.append(LogicalTable(cap, piece))
    return tables


# ---------------------------------------------------------------- relations


class Finder:
    def __init__(self, rel_file):
        self.file = rel_file
        self.entries = []
        self.broken = []

    def emit(self, kind, total, parts, note, exact=False, minus=()):
        cells = [total, *parts, *minus]
        if all(val(c.text) == 0 for c in cells):
            return
        s = sum((val(c.text) for c in parts), Decimal(0)) - sum((val(c.text) for c in minus), Decimal(0))
        diff = val(total.text) - s
        if diff == 0:
            cls = "holds"
        elif exact:
            cls = "broken"
        else:
            d = max(decimals(c.text) for c in cells)
            printed = sum(1 for c in cells if c.text)
            tol = Decimal(printed) * Decimal(5) / Decimal(10) ** (d + 1)
            cls = "rounding" if abs(diff) <= tol else "broken"
        inputs = [c.text for c in parts if c.text and val(c.text) != 0]
        inputs += [c.text for c in minus if c.text and val(c.text) != 0]
        if minus and any(val(c.text) for c in minus):
            note += " (minus " + ", ".join(c.text for c in minus if val(c.text)) + ")"
        note = f"p.{total.page or '?'} {note}"
        if cls != "holds":
            note += f"; computed {s}, difference {diff}"
        e = dict(file=self.file, kind=kind, **{"class": cls}, stated=total.text, inputs=inputs, note=note)
        self.entries.append(e)
        if cls == "broken":
            self.broken.append(e)


def column_roles(t):
    """Per column: 'code', 'label' or 'amount'."""
    roles = []
    for c in range(t.ncol):
        texts = [norm(t.hcell(cid)["text"]) for cid in t.hpath(c)]
        if any(x in ("类", "款", "项") or "编码" in x for x in texts):
            roles.append("code")
            continue
        data = [r[c].text for r in t.rows if r[c].text]
        if any(not is_num(x) for x in data):
            roles.append("label")
        else:
            roles.append("amount")
    return roles


def sides_of(roles):
    sides, cur, seen_amount = [], [], False
    for c, r in enumerate(roles):
        if r != "amount" and seen_amount:
            sides.append(cur)
            cur, seen_amount = [], False
        cur.append(c)
        seen_amount |= r == "amount"
    sides.append(cur)
    return sides


def header_totals(t, roles, f, kind, exact, caption):
    """total-column relations from the header tree: a 合计/总计/小计 header cell equals the sum of its sibling
    columns under the same parent header (a sibling containing its own 小计/合计 counts through it)."""
    H, head = t.nhead, t.head
    if H == 0:
        return

    def cell(cid):
        return head.cells[cid]

    def children(cid, limit):
        ce = cell(cid)
        r = ce["r1"] + 1
        if r >= limit:
            return []
        out = []
        for k in range(ce["c0"], ce["c1"] + 1):
            x = head.grid[r][k]
            if x and x not in out and cell(x)["r0"] == r:
                out.append(x)
        return out

    def quals(c, start):
        out = []
        for j in range(start, H):
            x = head.grid[j][c]
            if x and x not in out:
                out.append(x)
        return [norm(cell(x)["text"]) for x in out]

    def collect(cid, q, start):
        kids = children(cid, start)
        if kids:
            tots = [k for k in kids if is_total_label(cell(k)["text"])]
            if tots:
                return collect(tots[0], q, start)
            return [c for k in kids for c in collect(k, q, start)]
        ce = cell(cid)
        return [c for c in range(ce["c0"], ce["c1"] + 1) if roles[c] == "amount" and quals(c, start) == q]

    def below(c, r0, stop):  # a part column's header path from its total's level down, e.g. 基本支出/人员经费
        out = []
        for j in range(r0, stop):
            x = head.grid[j][c]
            if x and x not in out:
                out.append(x)
        return "/".join(norm(cell(x)["text"]) for x in out)

    done = set()
    for cid, ce in head.cells.items():
        if ce["r0"] >= H or not is_total_label(ce["text"]) or cid in done:
            continue
        done.add(cid)
        # parent: the nearest labelled header cell above that spans this one
        lo, hi = 0, t.ncol - 1
        for r in range(ce["r0"] - 1, -1, -1):
            p = head.grid[r][ce["c0"]]
            if p and norm(cell(p)["text"]) and cell(p)["c0"] <= ce["c0"] and cell(p)["c1"] >= ce["c1"]:
                lo, hi = cell(p)["c0"], cell(p)["c1"]
                break
        sibs = []
        for k in range(lo, hi + 1):
            x = head.grid[ce["r0"]][k]
            if x and x != cid and x not in sibs and cell(x)["r0"] == ce["r0"]:
                sibs.append(x)
        start = ce["r1"] + 1
        for c in range(ce["c0"], ce["c1"] + 1):
            if roles[c] != "amount":
                continue
            q = quals(c, start)
            parts = [k for s in sibs for k in collect(s, q, start)]
            if not parts:
                continue
            names = " + ".join(below(k, ce["r0"], start) for k in parts)
            side = next(sd for sd in sides_of(roles) if c in sd)
            for row in t.rows:
                label = row_label(row, roles, side)
                f.emit(
                    kind,
                    row[c],
                    [row[k] for k in parts],
                    f"{caption} / row {label or '(data row)'} / {t.col_label(c)} = {names}",
                    exact=exact,
                )


def row_label(row, roles, cols):
    parts = []
    for c in cols:
        if roles[c] in ("label", "code") and row[c].text and not is_num(row[c].text):
            parts.append(norm(row[c].text))
    return " ".join(parts)


def row_code(row, roles, cols):
    cc = [c for c in cols if roles[c] == "code"]
    texts = [norm(row[c].text) for c in cc]
    if not cc or not texts[0].isdigit():
        return None, 0
    if len(cc) == 1:
        code = texts[0]
        lvl = {3: 1, 5: 2, 7: 3}.get(len(code), 0)
        return code, lvl
    code, lvl = texts[0], 1
    for x in texts[1:]:
        if not x:
            break
        if not x.isdigit():
            return None, 0
        code += x.zfill(2)
        lvl += 1
    return code, lvl


def coded_side(t, roles, cols, f, caption):
    amounts = [c for c in cols if roles[c] == "amount"]
    coded = []  # (row, code, level)
    for row in t.rows:
        code, lvl = row_code(row, roles, cols)
        coded.append((row, code, lvl))
    # rank-sum
    for i, (row, code, lvl) in enumerate(coded):
        if not code:
            continue
        kids = []
        for row2, code2, lvl2 in coded[i + 1 :]:
            if not code2 or lvl2 <= lvl:
                break
            if lvl2 == lvl + 1 and code2.startswith(code):
                kids.append(row2)
        if not kids:
            continue
        name = row_label(row, roles, cols)
        for c in amounts:
            f.emit(
                "rank-sum",
                row[c],
                [k[c] for k in kids],
                f"{caption} / {code} {name} = sum of its {len(kids)} sub-rows / {t.col_label(c)}",
            )
    # total-row: a 合计 row (in this side's label columns) equals the sum of the top-level coded rows
    tops = [r for r, code, lvl in coded if code and lvl == 1]
    for row, code, _lvl in coded:
        label = row_label(row, roles, cols)
        if code or not is_total_label(label) or not tops:
            continue
        for c in amounts:
            f.emit(
                "total-row",
                row[c],
                [r[c] for r in tops],
                f"{caption} / {label} = sum of the {len(tops)} 类 rows / {t.col_label(c)}",
            )


def summary_side(t, roles, cols, f, caption):
    """An uncoded side of a 收支总表: items (一、二、…) sum to 本年…合计 or to 总计; 1. 2. sub-items to their item;
    rows after 本年…合计 (结转结余 …) sum with it to 总计. Returns the side's grand-total cell (first amount col)."""
    amounts = [c for c in cols if roles[c] == "amount"]
    if not amounts:
        return None, None
    groups = []  # (parent row, [children])
    tops, extras = [], None
    grand = None
    for row in t.rows:
        label = row_label(row, roles, cols)
        if not label:
            continue
        n = norm(label)
        if n.endswith("总计"):
            parts = extras if extras is not None else [r for r, _ in tops]
            for c in amounts:
                f.emit(
                    "summary-table",
                    row[c],
                    [p[c] for p in parts],
                    f"{caption} / {label} = "
                    + " + ".join(row_label(p, roles, cols) for p in parts)
                    + f" / {t.col_label(c)}",
                )
            grand = row
            groups.extend(tops)
            tops, extras = [], None
        elif is_total_label(n):
            for c in amounts:
                f.emit(
                    "summary-table",
                    row[c],
                    [r[c] for r, _ in tops],
                    f"{caption} / {label} = sum of its {len(tops)} items / {t.col_label(c)}",
                )
            groups.extend(tops)
            tops, extras = [], [row]
        elif extras is None:
            if CN_ITEM.match(n):
                tops.append((row, []))
            elif SUB_ITEM.match(n) and tops:
                tops[-1][1].append(row)
        else:  # after 本年…合计: unnumbered rows add up to 总计, numbered rows below one of them are its parts
            if CN_ITEM.match(n) and len(extras) > 1:
                groups[-1][1].append(row)
            else:
                extras.append(row)
                groups.append((row, []))
    groups.extend(tops)
    for parent, kids in groups:
        if not kids:
            continue
        pl = row_label(parent, roles, cols)
        for c in amounts:
            f.emit(
                "summary-table",
                parent[c],
                [k[c] for k in kids],
                f"{caption} / {pl} = " + " + ".join(row_label(k, roles, cols) for k in kids) + f" / {t.col_label(c)}",
            )
    return grand, amounts[0], (row_label(grand, roles, cols) if grand else "")


def disclosure_requests(t, roles, f, caption):
    amounts = [c for c in range(t.ncol) if roles[c] == "amount"]
    labels = [norm(row_label(r, roles, range(t.ncol))) for r in t.rows]

    def find(pred, start=0):
        for i in range(start, len(labels)):
            if pred(labels[i]):
                return i
        return None

    i_new = find(lambda s: "本年新收" in s)
    i_prev = find(lambda s: "上年结转" in s)
    i_tot = find(lambda s: "总计" in s, (i_prev or 0) + 1)
    i_carry = find(lambda s: "结转下年度" in s)
    if None in (i_new, i_prev, i_tot):
        return
    outcomes = list(range(i_prev + 1, i_tot))
    for c in amounts:
        col = t.col_label(c)
        f.emit(
            "disclosure",
            t.rows[i_tot][c],
            [t.rows[i][c] for i in outcomes],
            f"{caption} / （七）总计 = sum of the {len(outcomes)} outcome rows （一）…（六） / {col}",
            exact=True,
        )
        minus = [t.rows[i_carry][c]] if i_carry is not None else []
        f.emit(
            "disclosure",
            t.rows[i_tot][c],
            [t.rows[i_new][c], t.rows[i_prev][c]],
            f"{caption} / 本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理 / {col}",
            exact=True,
            minus=minus,
        )


def performance_funds(t, f, caption):
    """财政项目支出绩效目标表: 项目资金总额 = 财政资金 + 其他资金; 年度资金申请总额 = 当年财政拨款 + 上年结转 + 其他."""
    start = None
    for j, r in enumerate(t.rows):
        if any(norm(c.text) == "项目资金总额" for c in r):
            start = j
            break
    if start is None:
        return
    split = next(i for i, c in enumerate(t.rows[start]) if norm(c.text) == "年度资金申请总额")
    left, right = [], []
    for r in t.rows[start : start + 5]:
        lab = None
        for i, c in enumerate(r):
            if c.text and not is_num(c.text):
                lab = (i, c)
            elif c.text and lab:
                (left if lab[0] < split else right).append((norm(lab[1].text), c))
                lab = None
        if any("其他资金" in norm(c.text) for c in r[split:]):
            break
    for side in (left, right):
        if len(side) < 2:
            continue
        (tl, tc), parts = side[0], side[1:]
        f.emit(
            "total-row", tc, [c for _, c in parts], f"{caption} / 项目资金 / {tl} = " + " + ".join(n for n, _ in parts)
        )


def analyse(rel_file, tables):
    f = Finder(rel_file)
    hongze = "hongze" in rel_file
    for t in tables:
        if not t.rows:
            continue
        cap = norm(t.caption) or "(table)"
        if "绩效目标" in t.caption or any(norm(c.text) == "项目资金总额" for r in t.rows for c in r):
            performance_funds(t, f, cap)
            continue
        roles = column_roles(t)
        if "amount" not in roles:
            continue
        if hongze:
            header_totals(t, roles, f, "disclosure", True, cap)
            if any("本年新收" in row_label(r, roles, range(t.ncol)) for r in t.rows):
                disclosure_requests(t, roles, f, cap)
            continue
        kind = "three-public" if "三公" in t.caption else "total-column"
        header_totals(t, roles, f, kind, False, cap)
        if kind == "three-public":
            continue
        grands = []
        for cols in sides_of(roles):
            if any(roles[c] == "code" for c in cols):
                coded_side(t, roles, cols, f, cap)
            elif any(CN_ITEM.match(norm(row_label(r, roles, cols))) for r in t.rows):
                g = summary_side(t, roles, cols, f, cap)
                if g[0] is not None:
                    grands.append(g)
        if len(grands) == 2:
            (gi, ci, li), (go, co, lo) = grands
            f.emit("summary-table", go[co], [gi[ci]], f"{cap} / {lo} ({t.col_label(co)}) = {li} ({t.col_label(ci)})")
    return f


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--out", default=str(Path(__file__).with_name("relations-tables-found.yaml")))
    a = ap.parse_args()
    entries, broken = [], []
    for rel in FILES:
        tables = read_tables(Path(a.corpus) / rel)
        f = analyse(rel, tables)
        entries += f.entries
        broken += f.broken
    header = (
        "# Relations asserted by the tables of the Putuo budget PDFs and the Hongze disclosure reports, found by\n"
        "# tests/bench/table_relations.py (independent of figcheck). Regenerate with that script.\n"
    )
    Path(a.out).write_text(
        header + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )
    counts = collections.Counter((e["kind"], e["class"]) for e in entries)
    kinds = sorted({k for k, _ in counts})
    print(f"{'kind':<16}{'holds':>8}{'rounding':>10}{'broken':>8}{'all':>8}")
    for k in kinds:
        h, r, b = (counts[(k, c)] for c in ("holds", "rounding", "broken"))
        print(f"{k:<16}{h:>8}{r:>10}{b:>8}{h + r + b:>8}")
    tot = [sum(counts[(k, c)] for k in kinds) for c in ("holds", "rounding", "broken")]
    print(f"{'all':<16}{tot[0]:>8}{tot[1]:>10}{tot[2]:>8}{sum(tot):>8}")
    print(f"\n{len(broken)} broken:")
    for e in broken:
        print(f"  {e['file']}: {e['kind']}: {e['note']}  [stated {e['stated']} <- {', '.join(e['inputs'])}]")
    print(f"\nwrote {len(entries)} entries to {a.out}")


if __name__ == "__main__":
    sys.exit(main())
