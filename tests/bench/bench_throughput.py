"""Throughput benchmark for figcheck (run by `make bench`; not a pytest test).

Measures, on one core: the figures stage and the whole check pipeline in-process, the cold
start of the command line, and one end-to-end `figcheck check DIR --format json` run.
The corpus is ../shared/corpus/reports/**/*.txt when present, else fixtures/*.txt and *.md.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from figcheck.document import Document
from figcheck.figures import find_figures
from figcheck.load import load
from figcheck.pipeline import check_document
from figcheck.registry import rule

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "nanguan-2019-rule-of-law-report.txt"
REPEATS = 3


ALL_CPUS = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else [0]


def parallel_seconds(directory: Path, jobs: int) -> float:
    """Wall time of `figcheck check DIR --jobs N` with every CPU available (median of 3)."""

    def every_cpu() -> None:
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, set(ALL_CPUS))

    cmd = [sys.executable, "-m", "figcheck", "check", str(directory), "--format", "json", "--jobs", str(jobs)]
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, preexec_fn=every_cpu
        )
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def pin_one_core() -> str:
    """Pin this process (and the subprocesses it starts) to one CPU where the OS allows it."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def corpus() -> tuple[str, Path, list[Path]]:
    if CORPUS.is_dir():
        return "shared corpus", CORPUS, sorted(CORPUS.rglob("*.txt"))
    return "fixtures", FIXTURES, sorted([*FIXTURES.glob("*.txt"), *FIXTURES.glob("*.md")])


def timed(fn, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def best_median(fn, *args) -> tuple[float, float, object]:
    runs = [timed(fn, *args) for _ in range(REPEATS)]
    seconds = [s for s, _ in runs]
    return min(seconds), statistics.median(seconds), runs[-1][1]


def run_figures(docs: list[tuple[str, str]]) -> int:
    return sum(len(find_figures(text)) for _, text in docs)


def run_check(docs: list[tuple[str, str]]) -> list:
    return [check_document(Document(path=path, text=text)) for path, text in docs]


def wall_ms(cmd: list[str], times: int) -> float:
    runs = []
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def main() -> int:
    pinning = pin_one_core()
    source, directory, paths = corpus()
    if not paths:
        print(f"no input files under {directory}", file=sys.stderr)
        return 0
    docs = [(str(p), load(str(p)).text) for p in paths]
    mb = sum(len(text.encode("utf-8")) for _, text in docs) / 1e6
    print(f"figcheck throughput benchmark — Python {sys.version.split()[0]}, {pinning}")
    print(f"corpus       {source}: {directory}")
    print(f"             {len(docs)} files, {mb:.2f} MB (UTF-8)")
    print()

    # Cold first calls (regex compilation, vocabularies, cn2an, rule registry), then steady state.
    first = docs[:1]
    cold_figures, _ = timed(run_figures, first)
    cold_check, _ = timed(run_check, first)
    print(
        f"cold         first file: figures {cold_figures * 1000:.0f} ms, check {cold_check * 1000:.0f} ms"
        f" ({len(first[0][1].encode('utf-8')) / 1e3:.1f} KB)"
    )

    fig_best, fig_med, n_figures = best_median(run_figures, docs)
    chk_best, chk_med, results = best_median(run_check, docs)
    severities = Counter(rule(f.code).severity for r in results for f in r.findings)
    passed = sum(len(r.passed) for r in results)
    print(
        f"figures      {mb:.2f} MB  best {fig_best:.2f} s  median {fig_med:.2f} s  "
        f"{mb / fig_best:.2f} MB/s  {n_figures} figures  {n_figures / fig_best:.0f} figures/s"
    )
    print(
        f"check        {mb:.2f} MB  best {chk_best:.2f} s  median {chk_med:.2f} s  "
        f"{mb / chk_best:.2f} MB/s  findings error={severities['error']} warning={severities['warning']} "
        f"info={severities['info']}  passed={passed}"
    )
    print()

    import_ms = wall_ms([sys.executable, "-c", "import figcheck.cli"], 5)
    version_ms = wall_ms([sys.executable, "-m", "figcheck", "--version"], 5)
    seed_ms = wall_ms([sys.executable, "-m", "figcheck", "check", str(SEED)], 3)
    print(f"startup      import figcheck.cli {import_ms:.0f} ms (median of 5)")
    print(f"             figcheck --version  {version_ms:.0f} ms (median of 5)")
    print(f"             figcheck check {SEED.name}  {seed_ms:.0f} ms (median of 3)")

    cmd = [sys.executable, "-m", "figcheck", "check", str(directory), "--format", "json", "--jobs", "1"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    cli_s = time.perf_counter() - start
    jobs = {n: parallel_seconds(directory, n) for n in (1, 2)}
    print(
        f"jobs         --jobs 1 {jobs[1]:.2f} s, --jobs 2 {jobs[2]:.2f} s: speed-up {jobs[1] / jobs[2]:.2f}x "
        f"({len(ALL_CPUS)} CPUs available)"
    )
    print(
        f"cli          {mb:.2f} MB  {cli_s:.2f} s  {mb / cli_s:.2f} MB/s  exit {proc.returncode}"
        f"  (figcheck check {directory.name}/ --format json)"
    )
    if proc.returncode == 2:
        print("WARNING: exit 2 — an input could not be read:", file=sys.stderr)
        print(proc.stderr.decode("utf-8", "replace")[-2000:], file=sys.stderr)
    elif proc.returncode not in (0, 1):
        print(f"WARNING: unexpected exit {proc.returncode}", file=sys.stderr)
    print()
    print(
        f"BENCH figures_mb_s={mb / fig_best:.2f} check_mb_s={mb / chk_best:.2f} cli_mb_s={mb / cli_s:.2f}"
        f" import_ms={import_ms:.0f} version_ms={version_ms:.0f} jobs2_speedup={jobs[1] / jobs[2]:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
