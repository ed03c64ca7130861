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

from foi_core.models import (
    Balance,
    Case,
    ClaimMode,
    Conclusion,
    ExemptionClaim,
    Factor,
    HarmAssessment,
    Likelihood,
    Outcome,
    PublicInterestTest,
    Request,
    Requester,
    RequestItem,
    Side,
    Weight,
)
from foi_core.storage import Store

RECEIVED = dt.date(2026, 3, 2)


def background_case(number: int) -> Case:
    """A small case to fill the store."""
    return Case(
        id=f"bg{number:06d}",
        title=f"Background request {number}",
        status=("draft", "issued", "closed")[number % 3],
        request=Request(
            our_ref=f"BG-{number:06d}",
            received=RECEIVED - dt.timedelta(days=number % 700),
            text="Please tell me how many incidents were recorded last year.",
            items=[RequestItem(number=1, text="How many incidents?", outcome=Outcome.DISCLOSED)],
        ),
    )


def _pit(topic: str) -> PublicInterestTest:
    return PublicInterestTest(
        factors=[
            Factor(side=Side.FOR, text=f"Openness about {topic}.", weight=Weight.MODERATE),
            Factor(side=Side.FOR, text=f"Accountability for spending on {topic}."),
            Factor(side=Side.AGAINST, text=f"Disclosure of {topic} would help offenders."),
            Factor(side=Side.AGAINST, text=f"Harm to operations on {topic}.", weight=Weight.HIGH),
        ],
        balance=Balance(
            conclusion=Conclusion.MAINTAIN,
            reasoning=f"The risk to {topic} outweighs the general interest in openness.",
            decided_by="Information Manager",
            decided_on=RECEIVED + dt.timedelta(days=14),
        ),
    )


def _harm(topic: str) -> HarmAssessment:
    return HarmAssessment(
        interest="The prevention or detection of crime.",
        causal_chain=f"Releasing details of {topic} would show offenders where to avoid.",
        likelihood=Likelihood.WOULD_BE_LIKELY,
        mosaic="Combined with published material it would map coverage.",
        evidence="Advice from the operational lead.",
    )


def big_case() -> Case:
    """A 16-item case with several claims, harm and public interest tests."""
    outcomes = [Outcome.DISCLOSED, Outcome.EXEMPT, Outcome.NCND, Outcome.NOT_HELD]
    items = [
        RequestItem(
            number=n,
            text=f"Question {n}: details of the force's activity on topic {n}.",
            outcome=outcomes[n % 4],
            answer="The figure is 12." if outcomes[n % 4] is Outcome.DISCLOSED else "",
            searches="Records were searched." if outcomes[n % 4] is Outcome.NOT_HELD else "",
        )
        for n in range(1, 17)
    ]
    exempt = [i.number for i in items if i.outcome is Outcome.EXEMPT]
    ncnd = [i.number for i in items if i.outcome is Outcome.NCND]
    claims = [
        ExemptionClaim(citation="s31(1)(a)", items=exempt, harm=_harm("cameras"), pit=_pit("c")),
        ExemptionClaim(citation="s24(1)", items=exempt[:2], harm=_harm("security"), pit=_pit("s")),
        ExemptionClaim(
            citation="s30(1)(a)",
            items=ncnd,
            mode=ClaimMode.NCND,
            harm=_harm("investigations"),
            pit=_pit("investigations"),
        ),
        ExemptionClaim(
            citation="s31(1)(a)",
            items=ncnd,
            mode=ClaimMode.NCND,
            harm=_harm("enquiries"),
            pit=_pit("enquiries"),
        ),
    ]
    return Case(
        title="Large multi-part request",
        request=Request(our_ref="BENCH-16", received=RECEIVED, text="A long request.", items=items),
        requester=Requester(name="A. Requester", contact="a@example.org"),
        claims=claims,
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

        case = big_case()
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
        try:
            from foi_core.checker import check
        except ImportError as error:
            print(f"checker.check: skipped (foi_core.checker not importable: {error})")
        else:
            timed("checker.check", lambda: check(case, today=RECEIVED), args.repeat)
        store.close()


if __name__ == "__main__":
    main()
