"""Benchmark the register at 100,000 cases: the Cases page rerun (AppTest), Store.register and
register_counts, and the register's full CSV export.

Seeds a temporary SQLite file fast: the rows (document and the register's columns), their
sections and their "created" audit events are bulk-inserted with SQLAlchemy core, from a few
thousand prototype cases whose columns ``register_columns`` works out once each (varied status,
received date, officer, outcome, exemptions; one case in a hundred is a training attempt,
never shown). Then, in the
same process and interleaved, it times the Cases page's rerun on that store and on an empty
store, and prints both medians and their ratio, and the rerun just after a change (nothing the
page remembers still holds). Goal: the rerun median <= 300 ms at 100,000.

    .venv/bin/python bench/bench_register.py [--cases 100000] [--repeat 9]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from bench._timing import timed  # noqa: E402
from bench.bench_ui import share_script_cache  # noqa: E402
from foi_core.models import (  # noqa: E402
    Case,
    CaseKind,
    CaseStatus,
    ExemptionClaim,
    Outcome,
    Request,
    RequestItem,
    TrainingLink,
)
from foi_core.register.export import csv_text  # noqa: E402
from foi_core.register.query import RegisterFilters, RegisterSort  # noqa: E402
from foi_core.settings import get_settings  # noqa: E402
from foi_core.storage import Store  # noqa: E402
from foi_core.storage.documents import dump_case  # noqa: E402
from foi_core.storage.tables import AuditRow, CaseRow, CaseSectionRow  # noqa: E402
from foi_core.storage.writing import register_columns, section_rows  # noqa: E402
from foi_core.workflow import new_case  # noqa: E402

TODAY = dt.date.today()
STATUSES = list(CaseStatus)
OFFICERS = [f"Officer {n} <officer{n}@force.police.uk>" for n in range(1, 13)]
OUTCOMES = [
    (Outcome.DISCLOSED,),
    (Outcome.DISCLOSED, Outcome.EXEMPT),
    (Outcome.EXEMPT,),
    (Outcome.NOT_HELD,),
    (Outcome.COST_LIMIT,),
]
CITATIONS = [(), ("s31(1)(a)",), ("s40(2)",), ("s31(1)(a)", "s24(1)"), ("s43(2)",)]
BATCH = 5_000


@cache
def prototype(days_ago: int, status: CaseStatus, variant: int, training: bool) -> tuple:
    """(document, columns, sections) of one kind of case, worked out once."""
    outcomes = OUTCOMES[variant % len(OUTCOMES)]
    citations = CITATIONS[variant % len(CITATIONS)] if Outcome.EXEMPT in outcomes else ()
    received = TODAY - dt.timedelta(days=days_ago)
    processed = status in (CaseStatus.ISSUED, CaseStatus.CLOSED)
    case = Case(
        id="proto",
        status=status,
        kind=CaseKind.TRAINING if training else CaseKind.REQUEST,
        training=TrainingLink(scenario_id="bench") if training else None,
        title="Prototype",
        request=Request(
            our_ref="PROTO",
            received=received,
            text="Please tell me how many incidents were recorded last year.",
            items=[
                RequestItem(number=n, text=f"Question {n}", outcome=o)
                for n, o in enumerate(outcomes, 1)
            ],
        ),
        claims=[ExemptionClaim(citation=c, items=[len(outcomes)]) for c in citations],
        response_date=received + dt.timedelta(days=10 + variant * 6) if processed else None,
    )
    columns, facts = register_columns(case)
    return dump_case(case), columns, [r["section"] for r in section_rows("x", facts)]


def row(number: int, at: dt.datetime) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The ``cases`` row of case ``number`` and its ``case_sections`` rows (its audit event
    is ``audit``)."""
    status = STATUSES[number % len(STATUSES)]
    training = number % 100 == 99
    processed = status in (CaseStatus.ISSUED, CaseStatus.CLOSED)
    variant = number % 7 if processed else number % 2
    document, columns, sections = prototype(number % 400, status, variant, training)
    case_id, ref = f"c{number:07d}", f"{number:06d}/{TODAY:%y}"
    title = f"Request {number} about {('drones', 'dogs', 'cameras', 'stop and search')[number % 4]}"
    request = {**document["request"], "our_ref": ref}
    officer = OFFICERS[number % len(OFFICERS)] if number % 9 else None
    values = {
        "id": case_id,
        "ref": ref,
        "title": title,
        "status": status.value,
        "kind": document["kind"],
        "assigned_to": officer,
        "linked_case": None,
        "received": dt.date.fromisoformat(request["received"]),
        **columns,
        "created_at": at,
        "updated_at": at - dt.timedelta(seconds=number),
        "updated_by": "bench",
        "schema_version": document["schema_version"],
        "version": 1,
        "document": {
            **document,
            "id": case_id,
            "title": title,
            "assigned_to": officer or "",
            "request": request,
        },
    }
    return values, [{"case_id": case_id, "section": s} for s in sections]


def audit(case_id: str, at: dt.datetime) -> dict[str, Any]:
    """The "created" audit event every stored case has (the register reads the audit log for
    removed demo cases, so it must hold as many events as a real store)."""
    return {
        "case_id": case_id,
        "at": at,
        "actor": "bench",
        "action": "created",
        "summary": "Created",
        "case_version": 1,
        "changes": [],
    }


def seed(store: Store, count: int) -> float:
    """Bulk-insert ``count`` cases; returns the seconds it took."""
    start = time.perf_counter()
    at = dt.datetime.now(dt.UTC)
    with store.engine.begin() as connection:
        for first in range(0, count, BATCH):
            rows, sections, events = [], [], []
            for number in range(first, min(count, first + BATCH)):
                values, cited = row(number, at)
                rows.append(values)
                sections += cited
                events.append(audit(values["id"], at))
            connection.execute(insert(CaseRow), rows)
            connection.execute(insert(AuditRow), events)
            if sections:
                connection.execute(insert(CaseSectionRow), sections)
    return time.perf_counter() - start


def use(url: str) -> None:
    """Point the app at ``url`` (its store is cached per URL)."""
    os.environ["FOI_DATABASE_URL"] = url
    get_settings.cache_clear()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases to store")
    parser.add_argument("--repeat", type=int, default=9, help="reruns of each page (>= 7)")
    parser.add_argument(
        "--database", type=Path, help="a SQLite file to keep the seeded store in (reused)"
    )
    args = parser.parse_args()
    os.chdir(ROOT)
    share_script_cache()
    os.environ["FOI_LOAD_DEMO_CASES"] = "false"
    with tempfile.TemporaryDirectory() as folder:
        full_url = f"sqlite:///{args.database or Path(folder) / 'register.db'}"
        empty_url = f"sqlite:///{Path(folder) / 'empty.db'}"
        store, empty_store = Store(full_url), Store(empty_url)
        if store.count() == 0:
            seconds = seed(store, args.cases)
            print(f"seeded {args.cases:,} cases in {seconds:.1f} s")
        print(f"{store.count():,} cases stored")

        apps = {}
        for name, url in (("empty store", empty_url), (f"{args.cases:,} cases", full_url)):
            use(url)
            app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            first = timed(app.run)
            if app.exception:
                sys.exit(f"the Cases page failed: {app.exception}")
            print(f"first run, {name}: {first * 1000:.0f} ms")
            apps[name] = (url, app)
        samples: dict[str, list[float]] = {name: [] for name in apps}
        for _ in range(max(7, args.repeat)):
            for name, (url, app) in apps.items():
                use(url)
                samples[name].append(timed(app.run))
        print("\nCases page rerun (AppTest, median):")
        for name, runs in samples.items():
            print(f"  {name:<16} {median_ms(runs):7.1f} ms   (n={len(runs)})")
        empty, full = (median_ms(runs) for runs in samples.values())
        print(f"  ratio: {full / empty:.1f}x; goal <= 300 ms: {'met' if full <= 300 else 'missed'}")

        # After a change (a colleague saves a case) nothing the page remembered still holds.
        url, app = apps[f"{args.cases:,} cases"]
        use(url)
        changed: list[float] = []
        for number in range(max(7, args.repeat)):
            store.add(new_case(f"NEW/{number}", TODAY, "A new request"), actor="bench")
            changed.append(timed(app.run))
        print(f"  {'after a change':<16} {median_ms(changed):7.1f} ms   (a case added before each)")

        queries = {
            "register, page 1 by due date": lambda: store.register(RegisterFilters()),
            "register, overdue only": lambda: store.register(RegisterFilters(overdue=True)),
            "register, search 'drones'": lambda: store.register(RegisterFilters(text="drones")),
            "register, s31 used, by ref": lambda: store.register(
                RegisterFilters(section="s31"), RegisterSort.REF
            ),
            "register, last page": lambda: store.register(RegisterFilters(), page=10_000),
            "register_counts": lambda: store.register_counts(),
        }
        print("\nStore queries (median of 9):")
        for label, query in queries.items():
            print(f"  {label:<30} {median_ms([timed(query) for _ in range(9)]):7.1f} ms")

        exported = [0]

        def export() -> None:
            parts = [csv_text([], header=True)]
            for chunk in store.register_export(RegisterFilters()):
                parts.append(csv_text(chunk))
                exported[0] += len(chunk)
            exported.append(len("".join(parts).encode("utf-8")))

        spent = timed(export)
        print(f"\nCSV export: {exported[0]:,} rows, {exported[-1] / 1e6:.1f} MB in {spent:.2f} s")
        store.close()
        empty_store.close()


if __name__ == "__main__":
    main()
