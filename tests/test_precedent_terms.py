"""The precedent search's stored terms: ``find_precedents`` (candidates picked in SQL from
``case_terms``) finds the same cases in the same order as ``search_precedents`` over every
digest; terms are written at every save and by bulk adds, and migration 0008 fills them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from foi_core import precedents
from foi_core.models import (
    Case,
    CaseKind,
    CaseStatus,
    ClaimMode,
    ExemptionClaim,
    Outcome,
    Request,
    RequestItem,
    TrainingLink,
)
from foi_core.precedents import (
    PrecedentQuery,
    find_precedents,
    precedent_terms,
    search_precedents,
)
from foi_core.storage import Store, upgrade_to_head
from foi_core.storage.engine import alembic_config
from foi_core.storage.tables import CaseTermRow

DAY = dt.date(2026, 3, 2)
WORDS = ["cameras", "camera", "drones", "dogs", "protest", "officers", "firewall", "covert"]
WORDS += ["ANPR", "road", "footage", "servers", "budget", "IMSI", "catchers", "helicopter"]
CITATIONS = [None, "s31(1)(a)", "s31(1)(b)", "s24(1)", "s40(2)", "s30(1)(a)", "s23(1)"]
QUERY_CITATIONS = ["", "s31", "s31(1)(a)", "31(3)", "s24(1)", "section 40", "s30"]
THEMES = ["", "anpr", "covert_tactics", "drones", "body_worn_video"]
STATUSES = [CaseStatus.DRAFT, CaseStatus.ISSUED, CaseStatus.CLOSED]


def make_case(
    number: int,
    words: list[str],
    citation: str | None = None,
    *,
    mode: ClaimMode = ClaimMode.WITHHOLD,
    status: CaseStatus = CaseStatus.ISSUED,
    received: dt.date = DAY,
    training: bool = False,
) -> Case:
    text = " ".join(words) or "A question"
    outcome = (Outcome.NCND if mode is ClaimMode.NCND else Outcome.EXEMPT) if citation else None
    return Case(
        id=f"case-{number:03d}",
        kind=CaseKind.TRAINING if training else CaseKind.REQUEST,
        training=TrainingLink(scenario_id="t") if training else None,
        title=f"About {words[0]}" if words else "",
        status=status,
        request=Request(
            our_ref=f"REF/{number}",
            received=received,
            text=f"Please tell me: {text}",
            items=[RequestItem(number=1, text=text, outcome=outcome or Outcome.DISCLOSED)],
        ),
        claims=[ExemptionClaim(citation=citation, items=[1], mode=mode)] if citation else [],
    )


def _mode(ncnd: bool, citation: str | None) -> ClaimMode:
    s31 = bool(citation and citation.startswith("s31"))
    return ClaimMode.NCND if ncnd and s31 else ClaimMode.WITHHOLD


cases_strategy = st.lists(
    st.builds(
        lambda words, citation, ncnd, status, days, training: (
            words,
            citation,
            _mode(ncnd, citation),
            status,
            DAY - dt.timedelta(days=days),
            training,
        ),
        st.lists(st.sampled_from(WORDS), max_size=4),
        st.sampled_from(CITATIONS),
        st.booleans(),
        st.sampled_from(STATUSES),
        st.integers(0, 3),
        st.sampled_from([False, False, False, True]),
    ),
    max_size=16,
)
queries = st.builds(
    lambda words, exemption, theme: PrecedentQuery(
        words=" ".join(words), exemption=exemption, theme=theme
    ),
    st.lists(st.sampled_from(WORDS), max_size=3),
    st.sampled_from(QUERY_CITATIONS),
    st.sampled_from(THEMES),
)


@pytest.fixture(scope="module")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite store at the newest migration, copied for each example."""
    path = tmp_path_factory.mktemp("template") / "store.db"
    Store(f"sqlite:///{path}").close()
    return path


def refs(found: list[precedents.Precedent]) -> list[str]:
    return [p.ref for p in found]


def assert_same(store: Store, query: PrecedentQuery, limit: int = 5) -> None:
    expected = search_precedents(store.case_digests(), query, limit=limit)
    assert find_precedents(store, query, limit=limit) == expected


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stored=cases_strategy, asked=st.lists(queries, min_size=1, max_size=4))
def test_the_candidates_rank_as_the_search_over_every_case(
    stored, asked, migrated_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Candidates cut to the results asked for: SQL must order them exactly as the ranking does.
    monkeypatch.setattr(precedents, "CANDIDATES", 1)
    path = tmp_path / "example.db"
    shutil.copy(migrated_file, path)
    store = Store(f"sqlite:///{path}")
    try:
        half = len(stored) // 2
        made = [
            make_case(n, w, c, mode=m, status=s, received=r, training=t)
            for n, (w, c, m, s, r, t) in enumerate(stored)
        ]
        store.add_many(made[:half], actor="test")  # bulk adds
        for case in made[half:]:
            store.add(case, actor="test")  # one at a time
        for query in asked:
            for limit in (1, 2, 4):
                assert_same(store, query, limit=limit)
    finally:
        store.close()


def _terms(store: Store, case_id: str) -> set[str]:
    query = select(CaseTermRow.term).where(CaseTermRow.case_id == case_id)
    with store.engine.connect() as connection:
        return set(connection.scalars(query))


def _digest(store: Store, case_id: str) -> dict[str, object]:
    return store.case_digests([case_id])[0]


@pytest.fixture
def many(store: Store) -> Store:
    """The conftest store (SQLite, and PostgreSQL when a test server runs) with cases that tie
    on everything the ranking looks at but their ids."""
    made = [
        make_case(
            n,
            ["ANPR", "cameras", "road"][: 1 + n % 3],
            CITATIONS[n % len(CITATIONS)],
            status=STATUSES[n % 3],
            received=DAY - dt.timedelta(days=n % 2),
        )
        for n in range(40)
    ]
    store.add_many(made, actor="test")
    return store


@pytest.mark.parametrize(
    "query",
    [
        PrecedentQuery(words="ANPR cameras on the road"),
        PrecedentQuery(exemption="s31(1)(a)"),
        PrecedentQuery(exemption="31", theme="anpr"),
        PrecedentQuery(words="road", exemption="s24", theme="anpr"),
    ],
)
def test_the_candidates_rank_as_the_search_on_each_database(
    many: Store, query: PrecedentQuery, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(precedents, "CANDIDATES", 1)
    for limit in (1, 4, 15, 40):
        assert_same(many, query, limit=limit)


def test_a_save_rewrites_the_terms_and_training_or_removed_demo_cases_never_appear(
    store: Store,
) -> None:
    drones = make_case(1, ["drones"], "s31(1)(a)", status=CaseStatus.DRAFT)
    store.add(drones, actor="test")
    (drone,) = precedents.query_terms(PrecedentQuery(words="drones")).words  # its word family
    assert {drone, "cite:s31(1)(a)", "cite:s31(1)", "cite:s31", "sect:s31"} <= _terms(
        store, drones.id
    )
    assert _terms(store, drones.id) == precedent_terms(_digest(store, drones.id))
    drones.request.items[0].text = drones.request.text = "helicopter hours"
    drones.title = "Helicopter"
    store.save(drones, expected_version=1, actor="test")
    assert drone not in _terms(store, drones.id)
    assert refs(find_precedents(store, PrecedentQuery(words="helicopters"))) == ["REF/1"]
    assert find_precedents(store, PrecedentQuery(words="drones")) == []

    store.add_many([make_case(2, ["helicopter"], "s31(1)(a)", training=True)], actor="test")
    store.add(make_case(3, ["helicopter"], "s31(1)(a)"), actor="demo")  # a demo case
    assert _terms(store, "case-002") == set()
    query = PrecedentQuery(words="helicopter", exemption="s31")
    assert refs(find_precedents(store, query)) == ["REF/3", "REF/1"]
    store.hide_demo_cases(actor="admin")
    assert refs(find_precedents(store, query)) == ["REF/1"]


def test_migration_0008_fills_the_terms_from_stored_documents(empty_database_url: str) -> None:
    store = Store(empty_database_url, migrate=False)
    try:
        upgrade_to_head(store.engine)
        cases = [
            make_case(1, ["ANPR", "cameras"], "s31(1)(a)"),
            make_case(2, ["covert", "IMSI", "catchers"], "s31(1)(a)", mode=ClaimMode.NCND),
            make_case(3, ["drones"], status=CaseStatus.DRAFT),
            make_case(4, ["drones"], training=True),
        ]
        for case in cases:
            store.add(case, actor="test")
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0007")
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        for case in cases:
            assert _terms(store, case.id) == precedent_terms(_digest(store, case.id))
        assert "cite:s31(3)" in _terms(store, cases[1].id)  # the NCND provision
        assert _terms(store, cases[3].id) == set()
        ncnd = PrecedentQuery(exemption="s31(3)")
        assert refs(find_precedents(store, ncnd)) == ["REF/2", "REF/1"]  # the limb first
        assert refs(find_precedents(store, PrecedentQuery(words="drone"))) == ["REF/3"]
    finally:
        store.close()
