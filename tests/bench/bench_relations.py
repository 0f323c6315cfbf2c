"""Relation coverage (run by `make bench`): how many hand-annotated relations figcheck understands.

Runs ../shared/tools/relation_coverage.py over every tests/bench/relations*.yaml against the shared corpus
(entries name files relative to ../shared/corpus) and prints, by kind, the holding relations verified,
the broken ones flagged and the holding ones flagged by mistake, then every relation missed.

    python tests/bench/bench_relations.py [--figcheck PATH]

--figcheck defaults to the `figcheck` beside this Python (the venv's). To measure a worktree whose package
is not the one installed in the venv, pass a wrapper, e.g. a shell script that runs
`PYTHONPATH=/path/to/worktree/src python -m figcheck "$@"`.
Without ../shared (the corpus and the tool), prints "skipped: ../shared not found" and exits 0.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TOOL = SHARED / "tools" / "relation_coverage.py"
CORPUS = SHARED / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figcheck", default=str(Path(sys.executable).parent / "figcheck"))
    args = parser.parse_args()
    if not (TOOL.is_file() and CORPUS.is_dir()):
        print("skipped: ../shared not found (relation coverage needs ../shared/tools and ../shared/corpus)")
        return 0
    annotations = sorted((ROOT / "tests" / "bench").glob("relations*.yaml"))
    if not annotations:
        print("skipped: no tests/bench/relations*.yaml")
        return 0
    failed = 0
    for path in annotations:
        print(f"== relation coverage: {path.relative_to(ROOT)} (figcheck: {args.figcheck})")
        command = [sys.executable, str(TOOL), str(path), "--root", str(CORPUS), "--figcheck", args.figcheck, "--misses"]
        done = subprocess.run(command, capture_output=True, text=True)
        sys.stdout.write(done.stdout)
        if done.returncode:
            sys.stdout.write(done.stderr)
            failed += 1
        print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
