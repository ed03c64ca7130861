"""The register's stored columns (written from case_facts at every save) and case_sections, and
migration 0006 filling them from documents stored before it (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import select

from foi_core.models import CaseStatus, Outcome, PITExtension
from foi_core.register import working_day_ordinal
from foi_core.storage import CaseRow, Store, alembic_config, upgrade_to_head
from foi_core.storage.tables import CaseSectionRow
from tests.case_factory import correct_case, minimal_case

DUE = dt.date(2024, 2, 5)


def _row(store: Store, case_id: str) -> dict[str, object]:
    table = CaseRow.__table__
    with store.engine.connect() as connection:
        row = connection.execute(select(table).where(table.c.id == case_id)).mappings().one()
    return dict(row)


def _sections(store: Store, case_id: str) -> list[str]:
    query = (
        select(CaseSectionRow.section)
        .where(CaseSectionRow.case_id == case_id)
        .order_by(CaseSectionRow.section)
    )
    with store.engine.connect() as connection:
        return list(connection.scalars(query))


def test_columns_and_sections_are_stored_at_add_and_save(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    row = _row(store, case.id)
    assert row["due_date"] == DUE and row["due_working_day"] == working_day_ordinal(DUE)
    assert (row["processed"], row["category"], row["in_time"], row["extended"]) == (
        False,
        None,
        False,
        False,
    )
    assert _sections(store, case.id) == ["s12", "s21", "s23", "s24", "s30", "s31", "s36", "s40"]

    extension = PITExtension(estimated_date=dt.date(2024, 3, 4), notified_on=DUE)
    answered = case.model_copy(
        update={
            "status": CaseStatus.ISSUED,
            "response_date": dt.date(2024, 3, 1),
            "claims": [c for c in case.claims if c.citation.startswith("s31")],
            "pit_extension": extension,
        }
    )
    store.save(answered, 1, actor="alice", action="issued")
    row = _row(store, case.id)
    assert row["due_date"] == dt.date(2024, 3, 4)  # the extension's date is what matters now
    assert (row["processed"], row["category"], row["in_time"], row["extended"]) == (
        True,
        "partly_disclosed",
        True,
        True,
    )
    assert row["response_date"] == dt.date(2024, 3, 1)
    assert _sections(store, case.id) == ["s12", "s21", "s31"]


def test_bulk_adds_store_the_sections(store: Store) -> None:
    case = correct_case()
    store.add_many([case, minimal_case()], actor="alice")
    assert _sections(store, case.id)[:2] == ["s12", "s21"]
    assert _row(store, case.id)["due_working_day"] == working_day_ordinal(DUE)


def test_migration_0006_fills_the_columns_from_stored_documents(empty_database_url: str) -> None:
    store = Store(empty_database_url, migrate=False)
    try:
        upgrade_to_head(store.engine)
        refused = minimal_case(
            status=CaseStatus.CLOSED,
            response_date=dt.date(2024, 2, 9),
        )
        refused.request.items[0].outcome = Outcome.COST_LIMIT
        store.add(refused, actor="alice")
        open_case = correct_case()
        store.add(open_case, actor="alice")
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0005")
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        row = _row(store, refused.id)
        assert (row["processed"], row["category"], row["in_time"]) == (
            True,
            "refused_in_full",
            False,
        )
        assert row["due_working_day"] == working_day_ordinal(DUE)
        assert _sections(store, refused.id) == ["s12"]
        assert len(_sections(store, open_case.id)) == 8
        assert _row(store, open_case.id)["processed"] is False
    finally:
        store.close()
