"""Benchmark the precedent search on a store of realistic size.

Creates a temporary SQLite store holding 5,000 cases (themes, exemptions and words varied), then
times searches by words, by exemption, by theme and by all three, as the Cases page runs them
(``Store.case_digests`` + ``search_precedents``), beside a baseline that loads
every case the way a per-case search would (``Store.load`` of each, then the same search).
Prints medians. Run on demand:

    .venv/bin/python bench/bench_precedents.py [--cases 5000] [--repeat 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._cases import background_case
from bench._timing import timed
from foi_core.models import (
    Case,
    ClaimMode,
    ExemptionClaim,
    Outcome,
    RequestItem,
)
from foi_core.precedents import PrecedentQuery, search_precedents
from foi_core.storage import Store

SUBJECTS = (
    ("Where are the ANPR cameras on the {n} road?", "s31(1)(a)", ClaimMode.WITHHOLD),
    ("Do you use IMSI catchers or other covert equipment ({n})?", "s31(1)(a)", ClaimMode.NCND),
    ("Which firewall and server software do you run (ref {n})?", "s24(1)", ClaimMode.WITHHOLD),
    ("Names of the officers at the protest on day {n}", "s40(2)", ClaimMode.WITHHOLD),
    ("How many police dogs were retired in {n}?", None, ClaimMode.WITHHOLD),
    ("Body worn video footage of incident {n}", "s30(1)(a)", ClaimMode.WITHHOLD),
    ("How many drones does the force own ({n})?", None, ClaimMode.WITHHOLD),
)
QUERIES = {
    "words 'doorbell cameras'": PrecedentQuery(words="doorbell cameras on the road"),
    "exemption 's31(3)'": PrecedentQuery(exemption="s31(3)"),
    "theme 'body-worn video'": PrecedentQuery(theme="body_worn_video"),
    "all three": PrecedentQuery(words="covert equipment", exemption="31", theme="covert_tactics"),
}


def precedent_case(number: int) -> Case:
    """A background case (issued, closed or a draft in turn) asking one of seven kinds of
    question, numbered."""
    text, citation, mode = SUBJECTS[number % len(SUBJECTS)]
    text = text.format(n=number)
    outcome = (Outcome.NCND if mode is ClaimMode.NCND else Outcome.EXEMPT) if citation else None
    case = background_case(number)
    case.request.text = f"Dear force, please answer: {text} Thank you."
    case.request.items = [RequestItem(number=1, text=text, outcome=outcome or Outcome.DISCLOSED)]
    case.claims = [ExemptionClaim(citation=citation, items=[1], mode=mode)] if citation else []
    return case


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """The median time of ``action`` in milliseconds, after one run to warm up."""
    action()
    return statistics.median(timed(action) * 1000 for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5_000, help="cases to store")
    parser.add_argument("--repeat", type=int, default=10, help="repetitions of each timing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.db'}")
        store.add_many((precedent_case(n) for n in range(args.cases)), actor="bench")
        print(f"{store.count()} cases")

        def search(query: PrecedentQuery) -> object:
            return search_precedents(store.case_digests(), query)

        def baseline(query: PrecedentQuery) -> object:
            digests = []
            for summary in store.list_cases():
                document = store.load(summary.id).case.model_dump(mode="json")
                digests.append({**document, "ref": summary.ref, "received": summary.received})
            return search_precedents(digests, query)

        print(f"{'search':<28} {'one query (ms)':>16} {'load each (ms)':>16}")
        for label, query in QUERIES.items():
            fast = median_ms(lambda q=query: search(q), args.repeat)
            slow = median_ms(lambda q=query: baseline(q), max(1, args.repeat // 5))
            print(f"{label:<28} {fast:16.1f} {slow:16.1f}")


if __name__ == "__main__":
    main()
