"""The two ways of counting the statistics agree: ``figures_from_cases`` (case by case, the
reference) and ``Store.statistics`` (GROUP BY queries over the register's columns), on stores of
generated requests, internal reviews, ICO complaints, training attempts and removed demo cases.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from foi_core.stats import Period, figures_from_cases
from foi_core.storage import Store
from foi_core.storage.reading import DEMO_ACTOR
from tests.test_stats_quarter import EXPECTED, QUARTER, quarter_cases

FIRST, LAST = dt.date(2024, 11, 1), dt.date(2025, 12, 31)
CITATIONS = ["s12(1)", "s21", "s24(1)", "s30(1)(a)", "s31(1)(a)", "s31(3)", "s40(2)", "s43(2)"]

days = st.dates(FIRST, LAST)


@st.composite
def requests(draw: st.DrawFn, number: int) -> Case:
    """A request (or a training attempt, or a demo case) with any outcomes, claims, extension
    and answer."""
    received = draw(days)
    outcomes = draw(st.lists(st.none() | st.sampled_from(list(Outcome)), min_size=0, max_size=4))
    items = [
        RequestItem(number=n, text=f"Question {n}", outcome=outcome)
        for n, outcome in enumerate(outcomes, start=1)
    ]
    numbers = [item.number for item in items]
    claims = (
        [
            ExemptionClaim(citation=citation, items=draw(st.lists(st.sampled_from(numbers))))
            for citation in draw(st.lists(st.sampled_from(CITATIONS), max_size=3, unique=True))
        ]
        if numbers
        else []
    )
    extension = None
    if draw(st.booleans()):
        estimated = received + dt.timedelta(days=draw(st.integers(0, 80)))
        notified = draw(st.none() | st.dates(received, received + dt.timedelta(days=40)))
        extension = PITExtension(estimated_date=estimated, notified_on=notified)
    answered = draw(st.none() | st.dates(received, received + dt.timedelta(days=90)))
    kind = draw(st.sampled_from([CaseKind.REQUEST] * 4 + [CaseKind.TRAINING]))
    training = TrainingLink(scenario_id="scenario") if kind is CaseKind.TRAINING else None
    return Case(
        id=f"r{number}",
        kind=kind,
        training=training,
        demo=draw(st.booleans()) and kind is CaseKind.REQUEST and number % 5 == 0,
        status=draw(st.sampled_from(list(CaseStatus))),
        title=f"Request {number}",
        request=Request(our_ref=f"R-{number}", received=received, items=items),
        claims=claims,
        pit_extension=extension,
        response_date=answered,
    )


def aftercare(original: Case, number: int, kind: CaseKind, outcome: ReviewOutcome | None) -> Case:
    """An internal review or ICO complaint linked to ``original``."""
    data = original.model_dump()
    data.update(
        id=f"a{number}",
        kind=kind,
        demo=False,
        training=None,
        linked_case=original.id,
        review=InternalReview(outcome=outcome).model_dump()
        if kind is CaseKind.INTERNAL_REVIEW
        else None,
    )
    data["request"]["our_ref"] = f"A-{number}"
    return Case.model_validate(data)


@st.composite
def stores(draw: st.DrawFn) -> tuple[list[Case], bool]:
    """Cases for a store, and whether its demo cases are removed."""
    cases = [draw(requests(n)) for n in range(draw(st.integers(0, 14)))]
    originals = [case for case in cases if case.kind is CaseKind.REQUEST]
    linked = []
    for number in range(draw(st.integers(0, 5)) if originals else 0):
        linked.append(
            aftercare(
                draw(st.sampled_from(originals)),
                number,
                draw(st.sampled_from([CaseKind.INTERNAL_REVIEW, CaseKind.ICO_COMPLAINT])),
                draw(st.none() | st.sampled_from(list(ReviewOutcome))),
            )
        )
    return cases + linked, draw(st.booleans())


periods = st.one_of(
    st.builds(Period.quarter, st.sampled_from([2024, 2025]), st.integers(1, 4)),
    st.builds(Period.month, st.just(2025), st.integers(1, 12)),
    st.builds(Period.year, st.sampled_from([2024, 2025])),
    st.tuples(days, days).map(lambda pair: Period.between(min(pair), max(pair))),
)


@pytest.fixture(scope="module")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite file to copy for each example."""
    path = tmp_path_factory.mktemp("stats") / "empty.db"
    Store(f"sqlite:///{path}").close()
    return path


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(store_cases=stores(), period=periods)
def test_sql_and_case_by_case_agree(
    store_cases: tuple[list[Case], bool], period: Period, empty_file: Path, tmp_path: Path
) -> None:
    cases, remove_demos = store_cases
    path = tmp_path / "example.db"
    shutil.copy(empty_file, path)
    store = Store(f"sqlite:///{path}", migrate=False)
    try:
        store.add_many(case for case in cases if not case.demo)
        store.add_many((case for case in cases if case.demo), actor=DEMO_ACTOR)
        if remove_demos:
            store.hide_demo_cases()
            cases = [case for case in cases if not case.demo]
        assert store.statistics(period) == figures_from_cases(cases, period)
    finally:
        store.close()
        path.unlink()


def test_the_hand_counted_quarter_in_the_store(store: Store) -> None:
    """The hand-counted quarter (tests/test_stats_quarter.py) counted in SQL, on each database."""
    store.add_many(Case.model_validate(case.model_dump()) for case in quarter_cases())
    figures = store.statistics(QUARTER)
    assert figures.as_json() == EXPECTED
    assert figures == figures_from_cases(quarter_cases(), QUARTER)
