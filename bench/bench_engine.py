"""Benchmark the engine on a store of realistic size.

Creates a temporary SQLite store holding 10,000 cases, then times, for a 16-item case with
several exemption claims: saving it, loading it, listing all cases, and running the checker.
Prints the median and 95th percentile of each. Run on demand:

    .venv/bin/python bench/bench_engine.py [--cases 10000] [--repeat 200] [--url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._cases import QUESTIONS, RECEIVED, background_case, big_case, qualified_claim
from foi_core.checker import check
from foi_core.models import Case, ClaimMode, Outcome
from foi_core.storage import Store

OUTCOMES = (Outcome.DISCLOSED, Outcome.EXEMPT, Outcome.NCND, Outcome.NOT_HELD)


def engine_case() -> Case:
    """16 items of mixed outcomes, four claims (two NCND), each with harm and a decided balance."""

    def outcome(n: int) -> Outcome:
        return OUTCOMES[n % 4]

    exempt = [n for n in QUESTIONS if outcome(n) is Outcome.EXEMPT]
    ncnd = [n for n in QUESTIONS if outcome(n) is Outcome.NCND]
    return big_case(
        "BENCH-16",
        outcome,
        claims=[
            qualified_claim("s31(1)(a)", exempt, "cameras"),
            qualified_claim("s24(1)", exempt[:2], "security"),
            qualified_claim("s30(1)(a)", ncnd, "investigations", mode=ClaimMode.NCND),
            qualified_claim("s31(1)(a)", ncnd, "enquiries", mode=ClaimMode.NCND),
        ],
        decision_maker="Information Manager",
        overall_harm="Any disclosure is a disclosure to the world.",
        response_date=RECEIVED + dt.timedelta(days=20),
    )


def timed(label: str, action: Callable[[], object], repeat: int) -> None:
    """Run ``action`` ``repeat`` times and print the median and 95th percentile."""
    action()  # warm up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    median = statistics.median(samples)
    print(f"{label:<34} median {median:8.2f} ms   p95 {p95:8.2f} ms   (n={repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="background cases to store")
    parser.add_argument("--repeat", type=int, default=200, help="repetitions of each timing")
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.db'}"
        store = Store(url)
        print(f"store: {store!r}")
        if store.count():
            sys.exit("The benchmark adds thousands of cases: give it an empty database.")

        start = time.perf_counter()
        added = store.add_many((background_case(n) for n in range(args.cases)), actor="bench")
        print(f"bulk insert of {added} cases: {time.perf_counter() - start:.2f} s")

        case = engine_case()
        store.add(case, actor="bench")
        version = store.load(case.id).version
        print(
            f"case {case.request.our_ref}: {len(case.request.items)} items, "
            f"{len(case.claims)} claims, {len(case.to_json())} bytes of JSON\n"
        )

        def save() -> None:
            nonlocal version
            case.title = f"Large multi-part request (v{version})"
            version = store.save(case, expected_version=version, actor="bench")

        timed("save (row + revision + audit)", save, args.repeat)
        timed("load", lambda: store.load(case.id), args.repeat)
        timed("find_by_ref", lambda: store.find_by_ref("BENCH-16"), args.repeat)
        timed(f"list_cases ({added + 1} cases)", store.list_cases, max(10, args.repeat // 10))
        timed("list_cases(status='issued')", lambda: store.list_cases("issued"), 20)
        timed("checker.check", lambda: check(case, today=RECEIVED), args.repeat)
        store.close()


if __name__ == "__main__":
    main()
