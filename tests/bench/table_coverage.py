"""Coverage of table relations (run by `make bench`): like ../shared/tools/relation_coverage.py, whose matching is by
values, but an equality relation (a 类 with one 款, a 合计 with one filled part: the stated value and the input the
same) is covered by a passed finding that holds the value twice. The shared tool cannot see those at all: it looks
for an input value different from the stated one.

Usage: table_coverage.py ANNOTATIONS.yaml (entries name files relative to ../shared/corpus)."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from relation_coverage import value  # noqa: E402  (the shared tool's own reading of a printed number)


def covers(findings: list[dict], entry: dict) -> bool:
    want, inputs = value(entry["stated"]), {value(text) for text in entry.get("inputs", [])}
    for finding in findings:
        values = [value(figure.get("text", "")) for figure in finding.get("figures", [])]
        if want not in values:
            continue
        if not inputs or any(v in inputs for v in values if v != want):
            return True
        if inputs == {want} and values.count(want) >= 2:
            return True
    return False


def main() -> None:
    entries = yaml.safe_load(Path(sys.argv[1]).read_text(encoding="utf-8"))
    documents = sorted({(CORPUS / entry["file"]).resolve() for entry in entries})
    command = [sys.executable, "-m", "figcheck", "check", *map(str, documents), "--format", "json", "--show-passed"]
    report = json.loads(subprocess.run(command, capture_output=True, text=True, check=False).stdout)
    by_path = {Path(result["path"]).resolve(): result for result in report["files"]}
    rows: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for entry in entries:
        got = by_path.get((CORPUS / entry["file"]).resolve(), {})
        blocking = [f for f in got.get("findings", []) if f.get("severity") in ("error", "warning")]
        row = rows[entry["kind"]]
        if entry["class"] in ("holds", "rounding"):
            row["holding"] += 1
            row["verified"] += covers(got.get("passed", []), entry)
            row["false alarms"] += covers(blocking, entry)
        else:
            row["broken"] += 1
            row["flagged"] += covers(blocking, entry)
    total: collections.Counter = collections.Counter()
    print(f"{'kind':<16}{'verified':>12}{'flagged':>10}{'false alarms':>14}")
    for kind in sorted(rows):
        row = rows[kind]
        total.update(row)
        counts = f"{row['verified']:>6}/{row['holding']:<5}{row['flagged']:>4}/{row['broken']:<5}"
        print(f"{kind:<16}{counts}{row['false alarms']:>10}")
    share = 100 * total["verified"] / max(total["holding"], 1)
    print(
        f"{'all':<16}{total['verified']:>6}/{total['holding']:<5}{total['flagged']:>4}/{total['broken']:<5}"
        f"{total['false alarms']:>10}   ({share:.1f}% verified)"
    )


if __name__ == "__main__":
    main()
