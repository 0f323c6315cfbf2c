"""Load speed per format (run by `make bench`): the corpus originals (docx, PDF, HTML, GB18030 text)
when ../shared/corpus/originals is present, else fixtures built by tests/builders.py."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from figcheck.load import LoadError, load
from figcheck.pipeline import check_document

ROOT = Path(__file__).resolve().parents[2]
ORIGINALS = ROOT.parent / "shared" / "corpus" / "originals"


def _fixtures(directory: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    import builders

    made = []
    for suffix, build in (
        ("docx", builders.docx),
        ("html", builders.html),
        ("pdf", builders.pdf),
        ("md", builders.markdown),
    ):
        made.append(build(directory / f"report.{suffix}", builders.PROSE_CLEAN, builders.TABLE_CLEAN))
    return made


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        paths = sorted(ORIGINALS.iterdir()) if ORIGINALS.is_dir() else _fixtures(Path(scratch))
        print(f"load speed per format over {'the corpus originals' if ORIGINALS.is_dir() else 'built fixtures'}")
        print(f"{'file':<48}{'KB':>8}{'load ms':>10}{'check ms':>10}{'chars':>9}{'tables':>8}{'result':>12}")
        per_format: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for path in paths:
            size = path.stat().st_size
            runs = []
            document = None
            for _ in range(3):
                started = time.perf_counter()
                try:
                    document = load(str(path))
                except LoadError as exc:
                    print(f"{path.name:<48}{size / 1024:>8.0f}  cannot be read: {exc}")
                    break
                runs.append(time.perf_counter() - started)
            if document is None or not runs:
                continue
            started = time.perf_counter()
            result = check_document(document)
            checking = time.perf_counter() - started
            load_ms = statistics.median(runs) * 1000
            per_format[path.suffix.lower()].append((load_ms, size))
            verdict = f"{len(result.findings)}f/{len(result.passed)}p"
            print(
                f"{path.name:<48}{size / 1024:>8.0f}{load_ms:>10.0f}{checking * 1000:>10.0f}{len(document.text):>9}"
                f"{len(document.tables):>8}{verdict:>12}"
            )
        summary = []
        for suffix, runs in sorted(per_format.items()):
            ms = sum(r for r, _ in runs) / len(runs)
            mb_s = sum(s for _, s in runs) / 1e6 / (sum(r for r, _ in runs) / 1000)
            summary.append(f"{suffix[1:]}_ms={ms:.0f} {suffix[1:]}_mb_s={mb_s:.2f}")
        print("BENCH " + " ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
