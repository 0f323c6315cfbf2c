"""CSV for a spreadsheet or a data frame: one row per finding, with its input's path; passed and undecided
relations too with --show-passed (the `outcome` column tells them apart), and a row of outcome `unreadable`, its
reason in `message`, for an input that could not be read. The columns are the results store's `findings` table's
(report/rows.py), then the other document's figure of a relation across documents (FC309; empty otherwise).
Written to a file (--output), it begins with a byte-order mark, so that Excel reads the Chinese as UTF-8; on
standard output it does not.
"""

from __future__ import annotations

import csv
from typing import IO

from figcheck.report import Options
from figcheck.report.rows import ELSEWHERE_COLUMNS, FINDING_COLUMNS, elsewhere_row, relation_rows
from figcheck.results import FileResult

COLUMNS = ("path", *FINDING_COLUMNS, *ELSEWHERE_COLUMNS)
_MESSAGE = FINDING_COLUMNS.index("message")


def render(results: list[FileResult], out: IO[str], options: Options) -> None:
    if _is_file(out):
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for result in results:
        if result.error is not None:
            row = [""] * (len(FINDING_COLUMNS) + len(ELSEWHERE_COLUMNS))
            row[FINDING_COLUMNS.index("outcome")], row[_MESSAGE] = "unreadable", result.error
            writer.writerow([result.path, *row])
            continue
        for finding, row in relation_rows(result, options.lang):
            if options.show_passed or row[FINDING_COLUMNS.index("outcome")] == "failed":
                values = (*row, *elsewhere_row(finding))
                writer.writerow([result.path, *("" if value is None else value for value in values)])


def _is_file(out: IO[str]) -> bool:
    try:
        return not out.isatty() and getattr(out, "name", "<stdout>") not in ("<stdout>", "<stderr>")
    except (AttributeError, ValueError):
        return False
