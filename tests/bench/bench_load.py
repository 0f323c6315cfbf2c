"""Load (run by `make bench`): 1,000 and 10,000 files in one run with --jobs, time and peak memory.

The files are hard links to the corpus reports (or the fixtures), so the run reads real text; the
output goes to /dev/null as JSON Lines. Peak memory is the largest resident set of the figcheck
process or any of its workers (RUSAGE_CHILDREN). FIGCHECK_LOAD_SIZES=1000 runs only one size.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "reports"


def _sources() -> list[Path]:
    if CORPUS.is_dir():
        return sorted(CORPUS.rglob("*.txt"))
    return sorted((ROOT / "fixtures").glob("*.txt"))


def _measure(directory: Path, jobs: int) -> tuple[float, float, int]:
    cmd = [sys.executable, "-m", "figcheck", "check", str(directory), "--format", "jsonl", "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    peak_kb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return seconds, peak_kb / 1024, proc.returncode


def main() -> int:
    sizes = [int(n) for n in os.environ.get("FIGCHECK_LOAD_SIZES", "1000,10000").split(",")]
    jobs = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    sources = _sources()
    print(f"load: copies of {len(sources)} reports, --jobs {jobs}")
    line = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as scratch:
            for index in range(size):
                source = sources[index % len(sources)]
                target = Path(scratch) / f"{index:05d}{source.suffix}"
                try:
                    os.link(source, target)
                except OSError:
                    target.write_bytes(source.read_bytes())
            megabytes = sum((Path(scratch) / name).stat().st_size for name in os.listdir(scratch)) / 1e6
            seconds, peak_mb, code = _measure(Path(scratch), jobs)
            print(
                f"{size:>6} files  {megabytes:8.1f} MB  {seconds:7.1f} s  {size / seconds:7.1f} files/s  "
                f"peak RSS {peak_mb:6.0f} MB  exit {code}"
            )
            line.append(
                f"files{size}_s={seconds:.1f} files{size}_per_s={size / seconds:.1f} files{size}_peak_mb={peak_mb:.0f}"
            )
    print("BENCH " + " ".join(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
