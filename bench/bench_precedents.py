"""Benchmark the precedent search on a store of realistic size.

Creates a temporary SQLite store holding 100,000 cases (themes, exemptions and words varied;
stored by ``Store.add_many``, so each gets its search terms), then times searches by words, by
exemption, by theme and by all three, as the Cases page runs them (``find_precedents``: the
store's candidates from ``case_terms``, ranked), beside the search before stored terms
(``search_precedents`` over every case's digest, ``Store.case_digests``; timed once, as the
page ran it after any change to the store). Prints medians. Run on demand (seeding takes a few
minutes):

    .venv/bin/python bench/bench_precedents.py [--cases 100000] [--repeat 10] [--no-before]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
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
from foi_core.precedents import PrecedentQuery, find_precedents, search_precedents
from foi_core.storage import Store

CHUNK = 5_000  # cases per bulk add
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
    "words in every case": PrecedentQuery(words="Dear force, thank you"),
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
    parser.add_argument("--cases", type=int, default=100_000, help="cases to store")
    parser.add_argument("--repeat", type=int, default=10, help="repetitions of each timing")
    parser.add_argument(
        "--no-before", action="store_true", help="skip the search over every digest (slow)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.db'}")
        for start in range(0, args.cases, CHUNK):
            numbers = range(start, min(start + CHUNK, args.cases))
            store.add_many((precedent_case(n) for n in numbers), actor="bench")
        print(f"{store.count()} cases")

        def search(query: PrecedentQuery) -> object:
            return find_precedents(store, query, limit=8)

        def before(query: PrecedentQuery) -> object:
            return search_precedents(store.case_digests(), query, limit=8)

        print(f"{'search':<28} {'stored terms (ms)':>18} {'every digest (ms)':>18}")
        for label, query in QUERIES.items():
            fast = median_ms(lambda q=query: search(q), args.repeat)
            slow = ""
            if not args.no_before:
                start = time.perf_counter()
                expected = before(query)
                slow = f"{(time.perf_counter() - start) * 1000:.1f}"
                if expected != search(query):
                    slow += " (other results!)"
            print(f"{label:<28} {fast:18.1f} {slow:>18}")


if __name__ == "__main__":
    main()
