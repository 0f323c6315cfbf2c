"""A Dask LocalCluster against --jobs 2 (run by `make bench`): 1,000 and 10,000 generated files.

Each file is a short report of its own (its figures differ from every other file's, so that the results store
cannot take one for a copy of another). For each size: `--jobs 2`, then `--scheduler` on a LocalCluster of two
worker processes of one thread, then `--scheduler --store` (the first run, filling the store) and the same again
(the resume, which checks nothing). Files a second and the client's peak memory (the figcheck process alone,
measured by /usr/bin/time; with --jobs, the largest of it and its workers). FIGCHECK_CLUSTER_SIZES=1000 runs one
size.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPORT = (
    "# {name}区{year}年法治政府建设工作报告\n\n"
    "全年共办理行政复议案件{total}件，其中维持{kept}件、撤销{undone}件、驳回{rejected}件。\n"
    "行政应诉案件{suits}件，败诉{lost}件，败诉率为{rate}%。\n"
    "全年收到人大代表建议{bills}件，办结率100%。比上年增长{growth}%。\n"
)


def generate(directory: Path, count: int) -> None:
    for index in range(count):
        kept, undone, rejected = 40 + index % 17, 3 + index % 5, 2 + index % 11
        total = kept + undone + rejected + (1 if index % 10 == 0 else 0)  # one in ten is wrong
        suits, lost = 20 + index % 30, index % 4
        text = REPORT.format(
            name=f"第{index}",
            year=2000 + index % 25,
            total=total,
            kept=kept,
            undone=undone,
            rejected=rejected,
            suits=suits,
            lost=lost,
            rate=round(100 * lost / suits, 1),
            bills=100 + index,
            growth=round(1 + index % 97 / 10, 1),
        )
        (directory / f"{index:05d}.md").write_text(text, encoding="utf-8")


def timed(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one figcheck run."""
    command = ["/usr/bin/time", "-f", "TIME %e %M", sys.executable, "-m", "figcheck", *args]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    seconds, kilobytes = re.search(r"TIME ([\d.]+) (\d+)", done.stderr).groups()
    return float(seconds), int(kilobytes) / 1024


def main() -> int:
    from distributed import LocalCluster

    sizes = [int(n) for n in os.environ.get("FIGCHECK_CLUSTER_SIZES", "1000,10000").split(",")]
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    address = cluster.scheduler_address
    print("cluster: a LocalCluster of 2 worker processes × 1 thread, against --jobs 2, on this machine")
    fields = []
    try:
        for size in sizes:
            with tempfile.TemporaryDirectory() as scratch:
                folder = Path(scratch) / "reports"
                folder.mkdir()
                generate(folder, size)
                common = ["check", str(folder), "--format", "jsonl", "--exit-zero"]
                store = str(Path(scratch) / "results.sqlite")
                runs = {
                    "jobs2": timed([*common, "--jobs", "2"]),
                    "cluster": timed([*common, "--scheduler", address]),
                    "store": timed([*common, "--scheduler", address, "--store", store]),
                    "resume": timed([*common, "--scheduler", address, "--store", store]),
                }
            for name, (seconds, peak) in runs.items():
                rate = size / seconds
                print(f"{size:>6} files  {name:8s} {seconds:7.1f} s  {rate:7.1f} files/s  client peak {peak:5.0f} MB")
                fields.append(f"{name}{size}_per_s={size / seconds:.1f} {name}{size}_peak_mb={peak:.0f}")
    finally:
        cluster.close()
    print("BENCH " + " ".join(fields))
    return 0


if __name__ == "__main__":
    sys.exit(main())
