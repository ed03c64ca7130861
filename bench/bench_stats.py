"""Benchmark: a year's statistics through the CLI, as a whole command, with 100,000 stored cases.

    .venv/bin/python bench/bench_stats.py [--cases 100000] [--runs 5]

Seeds a temporary SQLite store (bench/_seed_many.py), then times
``python -m foi_core stats --year 2025`` as a subprocess (the median of --runs, after one
unmeasured run to warm the disk cache and the bytecode cache, kept in a temporary folder)
beside ``python -m foi_core --help`` in the same run, the baseline of starting Python and the
CLI. Prints both medians, their ratio, and whether the goal
(<= 1.5 s) holds. Also times ``Store.statistics`` in the process, for the queries alone.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._seed_many import seed_many
from bench._timing import ROOT, timed
from foi_core.stats import Period
from foi_core.storage import Store

GOAL_SECONDS = 1.5


CACHE = tempfile.mkdtemp(prefix="foi-bench-pycache-")


def _env() -> dict[str, str]:
    """The commands' environment: bytecode cached (as an installed tool has it) in a temporary
    folder, never in the checkout, whatever PYTHONDONTWRITEBYTECODE says here."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": CACHE}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _command(*args: str) -> float:
    """Seconds one run of ``python -m foi_core ARGS`` takes (it must succeed)."""
    env = _env()
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "foi_core", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"python -m foi_core {' '.join(args)} failed: {result.stderr.strip()}")
    return seconds


def _median(runs: int, action: object) -> float:
    action()  # warm up: the disk cache, Python's bytecode cache
    return statistics.median(action() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--keep", metavar="FILE.db", help="seed this SQLite file once and reuse it in later runs"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.keep) if args.keep else Path(folder) / "bench.db"
        url = f"sqlite:///{path.resolve()}"
        if not path.exists():
            Store(url).close()  # migrated
            seconds = timed(lambda: print(f"seeded {seed_many(url, args.cases):,} rows", end=""))
            print(f" in {seconds:.1f} s")
        stats_args = ("stats", "--year", "2025", "--database", url, "--format", "json")
        figures = json.loads(
            subprocess.run(
                [sys.executable, "-m", "foi_core", *stats_args],
                capture_output=True,
                text=True,
                env=_env(),
                cwd=ROOT,
                check=True,
            ).stdout
        )
        print(
            f"2025: {figures['received']:,} received, {figures['processed']:,} processed, "
            f"{figures['internal_reviews']['requested']:,} internal reviews"
        )
        store = Store(url)
        in_process = _median(args.runs, lambda: timed(lambda: store.statistics(Period.year(2025))))
        store.close()
        baseline = _median(args.runs, lambda: _command("--help"))
        whole = _median(args.runs, lambda: _command(*stats_args))
    print(f"Store.statistics (in the process), median of {args.runs}: {in_process * 1000:.0f} ms")
    print(f"python -m foi_core --help,          median of {args.runs}: {baseline * 1000:.0f} ms")
    print(f"python -m foi_core stats --year,    median of {args.runs}: {whole * 1000:.0f} ms")
    print(f"ratio stats / --help: {whole / baseline:.2f}")
    verdict = "met" if whole <= GOAL_SECONDS else "NOT met"
    print(f"goal <= {GOAL_SECONDS:.1f} s for the whole command: {verdict}")


if __name__ == "__main__":
    main()
