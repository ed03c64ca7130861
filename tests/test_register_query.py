"""Store.register, register_counts and register_export: each filter, sorting, paging, the counts
and the export, with training attempts never read (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from foi_core.models import (
    Case,
    CaseKind,
    CaseStatus,
    ExemptionClaim,
    InternalReview,
    Outcome,
    Request,
    RequestItem,
    TrainingLink,
)
from foi_core.register import Category
from foi_core.register.query import RegisterFilters, RegisterSort
from foi_core.storage import Store

TODAY = dt.date(2024, 3, 1)  # a Friday
ALICE = "Alice Officer <alice@force.police.uk>"
BOB = "Bob Officer <bob@force.police.uk>"


def make(
    ref: str,
    received: dt.date,
    *,
    title: str = "",
    status: CaseStatus = CaseStatus.DRAFT,
    outcomes: tuple[Outcome, ...] = (Outcome.DISCLOSED,),
    response_date: dt.date | None = None,
    assigned_to: str = "",
    citations: tuple[str, ...] = (),
    **changes: object,
) -> Case:
    items = [RequestItem(number=n, text=f"Q{n}", outcome=o) for n, o in enumerate(outcomes, 1)]
    claims = [ExemptionClaim(citation=c, items=[1]) for c in citations]
    return Case(
        title=title,
        status=status,
        assigned_to=assigned_to,
        request=Request(our_ref=ref, received=received, items=items),
        claims=claims,
        response_date=response_date,
        **changes,
    )


@pytest.fixture
def filled(store: Store) -> Store:
    """Cases around TODAY, each due 20 working days after it was received."""
    cases = [
        # overdue: received 25 Jan, due 22 Feb
        make("001/24", dt.date(2024, 1, 25), title="Speed cameras", assigned_to=ALICE),
        # due today: received 2 Feb, due 1 March
        make("002/24", dt.date(2024, 2, 2), title="Police dogs", assigned_to=BOB),
        # due in 4 working days: received 8 Feb -> due 7 Mar
        make("003/24", dt.date(2024, 2, 8), title="Drones", status=CaseStatus.SUBMITTED),
        # due in 10 working days
        make("004/24", dt.date(2024, 2, 15), title="ANPR CAMERAS", citations=("s31(1)(a)",)),
        # processed: granted in full, in time
        make(
            "005/23",
            dt.date(2023, 12, 1),
            title="Taser use",
            status=CaseStatus.ISSUED,
            response_date=dt.date(2023, 12, 20),
            assigned_to=ALICE,
        ),
        # processed: refused in full under s40, late
        make(
            "006/23",
            dt.date(2023, 11, 1),
            title="Named officer 50%_off",
            status=CaseStatus.CLOSED,
            outcomes=(Outcome.EXEMPT,),
            citations=("s40(2)",),
            response_date=dt.date(2024, 1, 10),
        ),
        # an internal review, open
        make(
            "007/24 IR",
            dt.date(2024, 2, 20),
            kind=CaseKind.INTERNAL_REVIEW,
            linked_case="x",
            review=InternalReview(requested_on=dt.date(2024, 2, 20)),
        ),
        # a training attempt: never shown, never counted
        make(
            "TRAIN-1",
            dt.date(2024, 1, 2),
            title="Speed cameras training",
            kind=CaseKind.TRAINING,
            training=TrainingLink(scenario_id="x"),
            citations=("s31(1)(a)",),
        ),
    ]
    for case in cases:
        store.add(case, actor="alice")
    return store


def refs(store: Store, **filters: object) -> list[str]:
    page = store.register(RegisterFilters(**filters), RegisterSort.REF, today=TODAY)
    return [row.ref for row in page.rows]


def test_requests_by_default_never_training(filled: Store) -> None:
    assert refs(filled) == ["001/24", "002/24", "003/24", "004/24", "005/23", "006/23"]
    assert refs(filled, kinds=(CaseKind.INTERNAL_REVIEW,)) == ["007/24 IR"]
    assert len(refs(filled, kinds=())) == 7
    assert refs(filled, kinds=(CaseKind.TRAINING,)) == []
    assert refs(filled, text="training", kinds=()) == []


def test_status_officer_and_text_filters(filled: Store) -> None:
    assert refs(filled, statuses=(CaseStatus.SUBMITTED,)) == ["003/24"]
    assert refs(filled, statuses=(CaseStatus.ISSUED, CaseStatus.CLOSED)) == ["005/23", "006/23"]
    assert refs(filled, assigned_to=ALICE) == ["001/24", "005/23"]
    assert refs(filled, assigned_to="") == ["003/24", "004/24", "006/23"]
    assert refs(filled, text="cameras") == ["001/24", "004/24"]  # case ignored
    assert refs(filled, text="005/") == ["005/23"]
    assert refs(filled, text="50%_") == ["006/23"]  # LIKE wildcards taken literally
    assert refs(filled, text="%") == ["006/23"]


def test_due_overdue_and_working_days_left(filled: Store) -> None:
    page = filled.register(RegisterFilters(), RegisterSort.DUE, today=TODAY)
    left = {row.ref: row.days_left for row in page.rows}
    assert left["001/24"] < 0 and left["002/24"] == 0 and left["003/24"] == 4
    assert left["004/24"] == 9 and left["005/23"] is None
    assert refs(filled, overdue=True) == ["001/24"]
    assert refs(filled, due_within=0) == ["002/24"]
    assert refs(filled, due_within=5) == ["002/24", "003/24"]
    assert refs(filled, due_within=5, overdue=True) == []


def test_outcome_exemption_and_received_filters(filled: Store) -> None:
    assert refs(filled, categories=(Category.GRANTED_IN_FULL,)) == ["005/23"]
    assert refs(filled, categories=(Category.REFUSED_IN_FULL, Category.NOT_HELD)) == ["006/23"]
    assert refs(filled, section="s31") == ["004/24"]
    assert refs(filled, section="s40") == ["006/23"]
    assert refs(filled, received_from=dt.date(2024, 2, 1)) == ["002/24", "003/24", "004/24"]
    assert refs(filled, received_to=dt.date(2023, 12, 31)) == ["005/23", "006/23"]
    assert refs(filled, received_from=dt.date(2024, 1, 1), received_to=dt.date(2024, 2, 5)) == [
        "001/24",
        "002/24",
    ]
    assert set(filled.register_sections()) >= {"s31", "s40"}
    assert filled.register_officers() == [ALICE, BOB]


def test_sorting(filled: Store) -> None:
    def order(sort: RegisterSort) -> list[str]:
        return [row.ref for row in filled.register(None, sort, today=TODAY).rows]

    assert order(RegisterSort.DUE)[:4] == ["006/23", "005/23", "001/24", "002/24"]
    assert order(RegisterSort.RECEIVED)[0] == "004/24"
    assert order(RegisterSort.RECEIVED)[-1] == "006/23"
    assert order(RegisterSort.UPDATED)[0] == "006/23"  # the last added


def test_paging(filled: Store) -> None:
    first = filled.register(None, RegisterSort.REF, page=1, page_size=4, today=TODAY)
    second = filled.register(None, RegisterSort.REF, page=2, page_size=4, today=TODAY)
    assert (first.total, first.pages, second.page) == (6, 2, 2)
    assert [r.ref for r in first.rows + second.rows] == refs(filled)
    past = filled.register(None, RegisterSort.REF, page=9, page_size=4, today=TODAY)
    assert past.page == 2 and past.rows == second.rows


def test_counts_take_every_live_kind_and_never_training(filled: Store) -> None:
    counts = filled.register_counts(TODAY)
    # open: 001-004 and the review (training left out); due soon: 002, 003 (and the review
    # when its 20 working days end within five)
    assert counts.open == 5
    assert counts.overdue == 1
    review_left = filled.register(
        RegisterFilters(kinds=(CaseKind.INTERNAL_REVIEW,)), today=TODAY
    ).rows[0]
    assert counts.due_soon == 2 + (0 <= (review_left.days_left or 99) <= 5)


def test_export_streams_every_row_in_chunks_with_sections(filled: Store) -> None:
    chunks = list(filled.register_export(RegisterFilters(kinds=()), RegisterSort.REF, chunk=3))
    assert [len(c) for c in chunks] == [3, 3, 1]
    rows = {row.ref: row for chunk in chunks for row in chunk}
    assert rows["004/24"].sections == ("s31",)
    assert rows["006/23"].category is Category.REFUSED_IN_FULL and rows["006/23"].late
    assert "TRAIN-1" not in rows


def test_hidden_demo_cases_are_left_out(store: Store) -> None:
    from tests.conftest import EXAMPLES

    loaded = store.load_demo_cases(EXAMPLES)
    assert store.register(RegisterFilters(kinds=())).total == loaded
    store.hide_demo_cases(actor="admin")
    assert store.register(RegisterFilters(kinds=())).total == 0
    assert store.register_counts().open == 0
