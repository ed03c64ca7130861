"""Fill a store with many realistic cases fast, for the register and statistics benchmarks.

``seed_many(url, count)`` writes ``count`` cases into a migrated store with SQLAlchemy core bulk
inserts: each case row with its register columns, its sections, its first revision and its
"created" audit event, as ``Store.add_many`` writes them. A few thousand template cases (requests
received over three years with every outcome, answered in time or late, some extended, some still
open; internal reviews of some; training attempts) have their columns worked out once by the
store's own ``register_columns``; each is then stored many times under new ids and references.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import create_engine, insert

from foi_core.models import (
    Case,
    CaseKind,
    CaseStatus,
    ExemptionClaim,
    InternalReview,
    Outcome,
    PITExtension,
    Request,
    RequestItem,
    ReviewOutcome,
    TrainingLink,
)
from foi_core.storage.documents import dump_case
from foi_core.storage.tables import AuditRow, CaseRow, CaseSectionRow, RevisionRow
from foi_core.storage.writing import register_columns

FIRST_DAY = dt.date(2023, 1, 2)
DAYS = 3 * 365
TEMPLATES = 2_000
BATCH = 5_000
CITATIONS = ["s31(1)(a)", "s40(2)", "s24(1)", "s30(1)(a)", "s43(2)", "s38(1)(a)", "s23(1)"]
OUTCOME_MIX = (
    [[Outcome.DISCLOSED]] * 6
    + [[Outcome.DISCLOSED, Outcome.EXEMPT]] * 3
    + [[Outcome.EXEMPT]] * 2
    + [[Outcome.NOT_HELD]] * 2
    + [[Outcome.PARTLY_DISCLOSED], [Outcome.COST_LIMIT], [Outcome.NCND], [Outcome.VEXATIOUS]]
)


def _template(number: int, rng: random.Random) -> Case:
    """One request (or training attempt) received somewhere in the three years."""
    received = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    outcomes = rng.choice(OUTCOME_MIX)
    items = [
        RequestItem(number=n, text=f"Question {n} about recorded incidents", outcome=outcome)
        for n, outcome in enumerate(outcomes, start=1)
    ]
    withheld = [
        i.number
        for i in items
        if i.outcome in (Outcome.EXEMPT, Outcome.NCND, Outcome.PARTLY_DISCLOSED)
    ]
    claims = [ExemptionClaim(citation=rng.choice(CITATIONS), items=withheld)] if withheld else []
    open_case = received > FIRST_DAY + dt.timedelta(days=DAYS - 40) or rng.random() < 0.03
    answered = (
        None
        if open_case
        else received
        + dt.timedelta(days=rng.choice([8, 12, 15, 19, 22, 25, 26, 27, 27, 28, 33, 45]))
    )
    extension = None
    if claims and rng.random() < 0.08:
        extension = PITExtension(
            estimated_date=received + dt.timedelta(days=50),
            notified_on=received + dt.timedelta(days=rng.choice([20, 25, 35])),
        )
    training = rng.random() < 0.02
    return Case(
        id=f"t{number}",
        kind=CaseKind.TRAINING if training else CaseKind.REQUEST,
        training=TrainingLink(scenario_id="bench") if training else None,
        status=CaseStatus.DRAFT
        if open_case
        else rng.choice([CaseStatus.ISSUED, CaseStatus.CLOSED]),
        title=f"Request about incidents {number}",
        request=Request(
            our_ref=f"T-{number}",
            received=received,
            items=items,
            text="Please tell me how many incidents were recorded.",
        ),
        claims=claims,
        pit_extension=extension,
        response_date=answered,
    )


def _review(original: Case, rng: random.Random) -> Case:
    data = original.model_dump()
    data.update(
        id=f"{original.id}-ir",
        kind=CaseKind.INTERNAL_REVIEW,
        linked_case=original.id,
        status=CaseStatus.ISSUED,
        review=InternalReview(
            requested_on=original.response_date,
            outcome=rng.choice([*ReviewOutcome, None]),
        ).model_dump(),
    )
    data["request"]["our_ref"] = f"{original.request.our_ref}-IR"
    return Case.model_validate(data)


def _templates(rng: random.Random) -> list[tuple[Case, dict[str, Any], list[str]]]:
    """(case, its row columns, its sections) for each template case."""
    found = []
    for number in range(TEMPLATES):
        case = _template(number, rng)
        columns, facts = register_columns(case)
        found.append((case, columns, list(facts.sections)))
    return found


def seed_many(url: str, count: int, seed: int = 13) -> int:
    """Write ``count`` requests (about 1% with an internal review, 2% training attempts) into the
    migrated store at ``url``; returns how many case rows were written."""
    rng = random.Random(seed)
    templates = _templates(rng)
    at = dt.datetime.now(dt.UTC)
    engine = create_engine(url)
    written = 0
    rows: dict[Any, list[dict[str, Any]]] = {}

    def flush() -> None:
        with engine.begin() as connection:
            for table in (CaseRow, CaseSectionRow, RevisionRow, AuditRow):
                if rows.get(table):
                    connection.execute(insert(table), rows[table])
        rows.clear()

    for number in range(count):
        template, columns, sections = templates[number % len(templates)]
        cases = [(template, columns, sections)]
        processed = columns["processed"] and template.kind is CaseKind.REQUEST
        if processed and rng.random() < 0.01:
            review = _review(template, rng)
            cases.append((review, register_columns(review)[0], []))
        for case, case_columns, case_sections in cases:
            case_id, ref = f"{case.id}-{number}", f"{case.request.our_ref}/{number}"
            document = dump_case(case)
            document = {
                **document,
                "id": case_id,
                "request": {**document["request"], "our_ref": ref},
            }
            if case.linked_case:
                document["linked_case"] = f"{case.linked_case}-{number}"
            rows.setdefault(CaseRow, []).append(
                {
                    **case_columns,
                    "id": case_id,
                    "ref": ref,
                    "title": case.title,
                    "status": case.status.value,
                    "kind": case.kind.value,
                    "assigned_to": None,
                    "linked_case": document.get("linked_case"),
                    "received": case.request.received,
                    "created_at": at,
                    "updated_at": at,
                    "updated_by": "bench",
                    "schema_version": case.schema_version,
                    "version": 1,
                    "document": document,
                }
            )
            rows.setdefault(CaseSectionRow, []).extend(
                {"case_id": case_id, "section": section} for section in case_sections
            )
            rows.setdefault(RevisionRow, []).append(
                {
                    "case_id": case_id,
                    "number": 1,
                    "version": 1,
                    "kind": "saved",
                    "saved_at": at,
                    "saved_by": "bench",
                    "summary": f"Created case {ref}",
                    "document": document,
                }
            )
            rows.setdefault(AuditRow, []).append(
                {
                    "case_id": case_id,
                    "at": at,
                    "actor": "bench",
                    "action": "created",
                    "summary": f"Created case {ref}",
                    "case_version": 1,
                    "changes": [],
                }
            )
            written += 1
        if len(rows[CaseRow]) >= BATCH:
            flush()
    flush()
    engine.dispose()
    return written
