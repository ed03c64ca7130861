"""The case store on SQLite and PostgreSQL: round trips, revisions, audit, locking, migrations."""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from foi_core import storage
from foi_core.models import (
    Case,
    CaseStatus,
    Conclusion,
    OrganisationProfile,
    Outcome,
    Requester,
    RequestItem,
)
from foi_core.settings import REPO_ROOT, Settings, get_settings
from foi_core.storage import (
    Base,
    CaseImportError,
    CaseNotFound,
    DuplicateCase,
    StaleCase,
    StorageError,
    Store,
    alembic_config,
    diff_documents,
)
from tests.case_factory import correct_case, minimal_case
from tests.conftest import EXAMPLE_FILES, EXAMPLES


def edited(case: Case, **changes: object) -> Case:
    """A deep copy of ``case`` with top-level fields changed (validated)."""
    return Case.model_validate({**case.model_dump(), **changes})


def awkward_case() -> Case:
    """A case whose text has characters that trip up careless storage."""
    case = correct_case()
    case.title = "Ünïcode “quotes” & <angles> — 日本語 🚓"
    case.request.text = "Line one\nLine two\r\n\ttabbed 'single' \"double\" \\ backslash"
    case.claims[0].harm.prompt_answers = {"b-second": "2", "a-first": "1", "émoji": "🙂"}
    case.cost_estimate.lines[0].minutes_each = 0.1
    return case


# --- round trip and basic operations --------------------------------------------------------


def test_round_trip_is_exact(store: Store) -> None:
    case = awkward_case()
    assert store.add(case, actor="alice") == 1
    stored = store.load(case.id)
    assert stored.case == case
    assert stored.case.model_dump(mode="json") == case.model_dump(mode="json")
    assert stored.version == 1
    assert stored.updated_by == "alice"
    assert stored.updated_at.tzinfo is not None
    assert stored.updated_at.utcoffset() == dt.timedelta(0)


def test_find_by_ref_and_unknown_ids(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    found = store.find_by_ref("000042/24")
    assert found is not None and found.case.id == case.id
    assert store.find_by_ref("nope") is None
    with pytest.raises(CaseNotFound, match="no case with id missing"):
        store.load("missing")
    stray = edited(case, id="stray")
    with pytest.raises(CaseNotFound):
        store.save(stray, expected_version=1, actor="alice")


def test_duplicate_id_or_reference_refused(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    with pytest.raises(DuplicateCase, match="id correct-case is already stored"):
        store.add(edited(case, title="again"), actor="alice")
    same_ref = edited(case, id="other-id")
    with pytest.raises(DuplicateCase, match="already has the reference 000042/24"):
        store.add(same_ref, actor="alice")
    assert store.count() == 1


def test_save_refuses_a_reference_taken_by_another_case(store: Store) -> None:
    first, second = correct_case(), minimal_case()
    store.add(first, actor="alice")
    store.add(second, actor="alice")
    clash = second.model_copy(deep=True)
    clash.request.our_ref = first.request.our_ref
    with pytest.raises(DuplicateCase, match="references must be unique"):
        store.save(clash, expected_version=1, actor="alice")
    assert store.load(second.id).case == second
    assert len(store.revisions(second.id)) == 1


# --- revisions and audit ----------------------------------------------------------------------


def test_every_save_adds_a_revision_and_an_audit_event(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    second = edited(case, title="Second title")
    assert store.save(second, expected_version=1, actor="bob") == 2
    third = second.model_copy(deep=True)
    third.request.items[1].outcome = Outcome.PARTLY_DISCLOSED
    assert store.save(third, expected_version=2, actor="carol", summary="Item 2 reconsidered") == 3

    revisions = store.revisions(case.id)
    assert [(r.number, r.version, r.kind, r.saved_by) for r in revisions] == [
        (1, 1, "saved", "alice"),
        (2, 2, "saved", "bob"),
        (3, 3, "saved", "carol"),
    ]
    assert [r.case for r in revisions] == [case, second, third]
    assert revisions[2].summary == "Item 2 reconsidered"

    events = store.audit(case.id)
    assert [(e.action, e.actor, e.case_version) for e in events] == [
        ("created", "alice", 1),
        ("saved", "bob", 2),
        ("saved", "carol", 3),
    ]
    assert events[1].changes == [{"path": "title", "changed": "text"}]
    assert events[1].summary == "Changed title"
    assert events[2].changes == [
        {"path": "request.items[2].outcome", "before": "exempt", "after": "partly_disclosed"}
    ]
    assert all(e.at.utcoffset() == dt.timedelta(0) for e in events)


def test_case_update_revision_and_audit_share_one_transaction(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = correct_case()
    store.add(case, actor="alice")

    def broken_audit(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(Store, "_write_audit", broken_audit)
    with pytest.raises(RuntimeError, match="audit log unavailable"):
        store.save(edited(case, title="Never saved"), expected_version=1, actor="bob")
    monkeypatch.undo()

    stored = store.load(case.id)
    assert stored.case == case
    assert stored.version == 1
    assert len(store.revisions(case.id)) == 1
    assert [e.action for e in store.audit(case.id)] == ["created"]
    assert store.list_cases()[0].title == case.title
    # and a save after the failure works normally
    assert store.save(edited(case, title="Saved"), expected_version=1, actor="bob") == 2


def test_audit_events_cannot_be_changed_or_deleted(store: Store) -> None:
    store.add(correct_case(), actor="alice")
    for statement in ("UPDATE audit_events SET actor = 'mallory'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
            connection.execute(text(statement))
    assert [e.actor for e in store.audit()] == ["alice"]


def test_diff_names_fields_and_copies_no_free_text_or_personal_data() -> None:
    before = correct_case()
    after = before.model_copy(deep=True)
    after.requester = Requester(name="Someone Else")
    after.claim("anpr-s31").pit.balance.conclusion = Conclusion.DISCLOSE
    after.overall_harm = "x" * 500
    changes = diff_documents(before.model_dump(mode="json"), after.model_dump(mode="json"))
    by_path = {c["path"]: c for c in changes}
    assert by_path["claims[anpr-s31].pit.balance.conclusion"] == {
        "path": "claims[anpr-s31].pit.balance.conclusion",
        "before": "maintain",
        "after": "disclose",
    }
    assert by_path["requester.name"] == {"path": "requester.name", "changed": "personal data"}
    assert "Someone Else" not in json.dumps(changes)
    assert by_path["overall_harm"] == {"path": "overall_harm", "changed": "text"}
    assert diff_documents({"a": list(range(5))}, {"a": []}) == [
        {"path": "a", "before": [0, 1, 2, 3, 4], "after": []}
    ]
    many = diff_documents({f"k{i}": 0 for i in range(50)}, {f"k{i}": 1 for i in range(50)})
    assert len(many) == 41 and many[-1]["more"] == 10


# --- optimistic locking -----------------------------------------------------------------------


def test_stale_save_is_refused_and_the_losing_edit_kept(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    alice_copy = store.load(case.id)
    bob_copy = store.load(case.id)

    alice_edit = edited(alice_copy.case, title="Alice's title")
    store.save(alice_edit, expected_version=alice_copy.version, actor="alice")

    bob_edit = edited(bob_copy.case, overall_harm="Bob's reasoning")
    with pytest.raises(StaleCase) as refused:
        store.save(bob_edit, expected_version=bob_copy.version, actor="bob")
    error = refused.value
    message = str(error)
    assert message.startswith("This case was changed by alice at ")
    assert "since you opened it; your version was kept as revision 3; " in message
    assert message.endswith("reload to see their changes.")
    assert (error.current_version, error.expected_version, error.conflict_revision) == (2, 1, 3)
    assert error.changed_by == "alice"

    stored = store.load(case.id)
    assert stored.case == alice_edit and stored.version == 2
    conflict = store.revisions(case.id)[-1]
    assert (conflict.number, conflict.kind, conflict.version, conflict.saved_by) == (
        3,
        "conflict",
        1,
        "bob",
    )
    assert conflict.case == bob_edit
    event = store.audit(case.id)[-1]
    assert (event.action, event.actor, event.case_version) == ("conflict", "bob", 2)
    assert event.changes == [{"path": "overall_harm", "changed": "text"}]
    # Bob reloads and saves again: now it works
    again = store.load(case.id)
    assert store.save(edited(again.case, overall_harm="Bob's reasoning"), again.version, "bob") == 3


def test_concurrent_saves_one_wins_the_other_is_kept_as_a_conflict(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    workers = 6
    barrier = threading.Barrier(workers)
    outcomes: list[object] = [None] * workers

    def save(index: int) -> None:
        barrier.wait()
        try:
            outcomes[index] = store.save(edited(case, title=f"Edit {index}"), 1, f"user{index}")
        except Exception as error:  # collected and checked below
            outcomes[index] = error

    threads = [threading.Thread(target=save, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    winners = [o for o in outcomes if o == 2]
    losers = [o for o in outcomes if isinstance(o, StaleCase)]
    assert len(winners) == 1, outcomes
    assert len(losers) == workers - 1, outcomes
    revisions = store.revisions(case.id)
    assert sorted(r.number for r in revisions) == list(range(1, workers + 2))
    assert sorted(r.kind for r in revisions).count("conflict") == workers - 1
    assert {r.case.title for r in revisions} == {case.title} | {f"Edit {i}" for i in range(workers)}


# --- listing ----------------------------------------------------------------------------------


def test_list_cases_gives_summaries_with_due_dates_and_filters_by_status(store: Store) -> None:
    from foi_core.deadlines import case_deadlines

    draft = correct_case()
    issued = minimal_case(status=CaseStatus.ISSUED, title="Issued one")
    store.add(draft, actor="alice")
    store.add(issued, actor="alice")

    summaries = store.list_cases()
    assert [s.id for s in summaries] == [issued.id, draft.id]  # most recently updated first
    first = summaries[1]
    assert (first.ref, first.title, first.status, first.received, first.version) == (
        "000042/24",
        "A correct case",
        CaseStatus.DRAFT,
        dt.date(2024, 1, 8),
        1,
    )
    assert first.due_date == case_deadlines(draft).due == dt.date(2024, 2, 5)
    assert first.updated_at == store.load(draft.id).updated_at
    assert [s.id for s in store.list_cases(status="issued")] == [issued.id]
    assert [s.id for s in store.list_cases(status=CaseStatus.DRAFT)] == [draft.id]
    assert store.list_cases(status="closed") == []


def test_list_cases_does_not_parse_documents(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    with store.engine.begin() as connection:  # a document this version cannot read
        connection.execute(
            storage.CaseRow.__table__.update().values(document={"schema_version": 1, "id": 5})
        )
    assert [s.ref for s in store.list_cases()] == ["000042/24"]
    with pytest.raises(StorageError, match="The stored case correct-case cannot be read"):
        store.load(case.id)


def test_indexes_exist(store: Store) -> None:
    inspector = inspect(store.engine)
    indexes = {ix["name"]: ix for ix in inspector.get_indexes("cases")}
    assert indexes["ix_cases_ref"]["unique"]
    for name, column in [
        ("ix_cases_status", "status"),
        ("ix_cases_due_date", "due_date"),
        ("ix_cases_updated_at", "updated_at"),
    ]:
        assert indexes[name]["column_names"] == [column]
    assert {ix["name"] for ix in inspector.get_indexes("audit_events")} >= {
        "ix_audit_events_case_id",
        "ix_audit_events_at",
    }


# --- import and export ------------------------------------------------------------------------


def test_export_then_import_gives_the_same_case(store: Store) -> None:
    case = awkward_case()
    store.add(case, actor="alice")
    exported = store.export_case_json("000042/24", include_personal_data=True)
    assert Case.from_json(exported).model_copy(update={"export": None}) == case
    assert json.loads(store.export_case_json(case.id))["export"]["personal_data"] is False

    copy = json.loads(exported)
    copy["id"], copy["request"]["our_ref"] = "copy", "000043/24"
    imported = store.import_case_json(json.dumps(copy).encode("utf-8"), actor="importer")
    assert imported.case == Case.model_validate(copy).model_copy(update={"export": None})
    assert store.load("copy").case == imported.case
    assert store.audit("copy")[0].action == "imported"
    with pytest.raises(CaseNotFound, match="no case with reference or id nothing"):
        store.export_case_json("nothing")


def test_import_refuses_duplicates_by_id_or_reference(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    with pytest.raises(DuplicateCase, match="id correct-case is already stored"):
        store.import_case_json(case.to_json(), actor="importer")
    with pytest.raises(DuplicateCase, match="already has the reference 000042/24"):
        store.import_case_json(edited(case, id="fresh").to_json(), actor="importer")
    assert store.count() == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{\n  "id": "x",\n  "title": "a" "b"\n}',
            "The case file: this is not valid JSON: expecting ',' delimiter at line 3, column 16",
        ),
        ("", "the file is empty"),
        ("[1, 2]", "holds one JSON object ({ ... }), as made by Export; this file holds a list"),
        (b"\xff\xfe\x00", "not UTF-8 text"),
        ('{"schema_version": 7}', "newer version of the tool (case format 7)"),
    ],
)
def test_import_explains_unreadable_files(sqlite_store: Store, text: str, expected: str) -> None:
    with pytest.raises(CaseImportError) as refused:
        sqlite_store.import_case_json(text, actor="importer")
    assert expected in str(refused.value)
    assert sqlite_store.count() == 0


def test_import_names_each_invalid_field(sqlite_store: Store) -> None:
    data = correct_case().model_dump(mode="json")
    data["request"]["our_ref"] = ""
    data["request"]["received"] = "2024-02-30"
    data["claims"][0]["citation"] = "section 31"
    data["colour"] = "blue"
    with pytest.raises(CaseImportError) as refused:
        sqlite_store.import_case_json(json.dumps(data), actor="importer")
    problems = {p.field: p.message for p in refused.value.problems}
    assert problems == {
        "request.our_ref": "This cannot be empty.",
        "request.received": "Enter a real date as YYYY-MM-DD, for example 2026-03-14.",
        "claims.0.citation": "'section 31' is not a citation; write it like s31(1)(a), s24(2) "
        "or s40(5B).",
        "colour": "This field is not part of a case; remove it.",
    }
    assert str(refused.value) == (
        "The case file: request.our_ref: this cannot be empty (and 3 more problems)"
    )


# --- organisation profile ---------------------------------------------------------------------


def test_profile_defaults_then_saved(store: Store) -> None:
    assert store.load_profile() == OrganisationProfile()
    profile = OrganisationProfile(name="Northshire Police", signatory_name="J. Smith")
    store.save_profile(profile, actor="admin")
    assert store.load_profile() == profile
    store.save_profile(profile.model_copy(update={"phone": "01234 567890"}), actor="admin2")
    assert store.load_profile().phone == "01234 567890"
    events = [e for e in store.audit() if e.action == "profile_saved"]
    assert [(e.actor, e.case_id) for e in events] == [("admin", None), ("admin2", None)]
    assert {c["path"] for c in events[0].changes} == {"name", "signatory_name"}
    assert events[1].changes == [{"path": "phone", "changed": "text"}]
    store.save_profile(store.load_profile().model_copy(update={"is_government_department": True}))
    assert store.audit()[-1].changes == [
        {"path": "is_government_department", "before": False, "after": True}
    ]


# --- demo cases -------------------------------------------------------------------------------


def test_demo_cases_load_once_and_skip_broken_files(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "a.json").write_text(correct_case().to_json(), encoding="utf-8")
    (examples / "b.json").write_text(minimal_case().to_json(), encoding="utf-8")
    (examples / "broken.json").write_text('{"title": 3}', encoding="utf-8")
    (examples / "notes.txt").write_text("not a case", encoding="utf-8")

    with caplog.at_level(logging.WARNING, logger="foi_core.storage"):
        assert store.load_demo_cases(examples) == 2
    assert "Skipped demo case broken.json" in caplog.text
    assert sorted(s.ref for s in store.list_cases()) == ["000001/24", "000042/24"]
    assert store.audit(correct_case().id)[0].actor == "demo"
    assert store.load_demo_cases(examples) == 0  # the store is no longer empty
    assert store.count() == 2


def test_every_repository_example_loads_as_a_demo_case(store: Store) -> None:
    assert EXAMPLE_FILES
    assert store.load_demo_cases(EXAMPLES) == len(EXAMPLE_FILES)


# --- migrations -------------------------------------------------------------------------------


def _schema_differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        return compare_metadata(context, Base.metadata)


def test_migrations_match_the_models_and_round_trip(empty_database_url: str) -> None:
    store = Store(empty_database_url, migrate=False)
    try:
        storage.upgrade_to_head(store.engine)
        assert _schema_differences(store.engine) == []
        store.add(correct_case(), actor="alice")

        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "base")
        assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}

        storage.upgrade_to_head(store.engine)
        assert _schema_differences(store.engine) == []
        assert store.count() == 0
        case = correct_case()
        store.add(case, actor="alice")
        assert store.load(case.id).case == case
    finally:
        store.close()


def test_store_migrates_a_new_database_on_construction(tmp_path: Path) -> None:
    (tmp_path / "nested" / "folder").mkdir(parents=True)  # only data/ is made when missing
    url = f"sqlite:///{tmp_path / 'nested' / 'folder' / 'new.db'}"
    store = Store(url)
    try:
        assert set(inspect(store.engine).get_table_names()) >= {
            "cases",
            "case_revisions",
            "audit_events",
            "organisation_profile",
            "alembic_version",
        }
        assert (tmp_path / "nested" / "folder" / "new.db").exists()
    finally:
        store.close()


# --- SQLite settings and configuration ---------------------------------------------------------


def test_sqlite_connections_use_wal_busy_timeout_and_foreign_keys(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_settings_default_and_environment_override(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("FOI_DATABASE_URL", raising=False)
    defaults = Settings(_env_file=None)
    assert defaults.database_url == f"sqlite:///{REPO_ROOT / 'data' / 'foi.db'}"
    assert defaults.actor == "officer" and defaults.load_demo_cases is None
    assert defaults.wants_demo_cases()  # unset: demo cases on the embedded default only
    assert defaults.examples_dir == REPO_ROOT / "examples"

    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("FOI_DATABASE_URL", url)
    monkeypatch.setenv("FOI_LOAD_DEMO_CASES", "false")
    monkeypatch.setenv("FOI_ACTOR", "j.bloggs")
    get_settings.cache_clear()
    try:
        settings = get_settings()
        assert (settings.database_url, settings.load_demo_cases) == (url, False)
        store = Store()
        try:
            assert store.url == url
            store.add(minimal_case())  # no actor given: the settings' actor is recorded
            assert store.audit()[0].actor == "j.bloggs"
        finally:
            store.close()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_items_added_later_are_stored(store: Store) -> None:
    case = minimal_case()
    store.add(case, actor="alice")
    grown = case.model_copy(deep=True)
    grown.request.items.append(RequestItem(number=2, text="And cats?", outcome=Outcome.NOT_HELD))
    store.save(grown, expected_version=1, actor="alice")
    assert store.load(case.id).case.request.items[1].text == "And cats?"
    assert store.audit(case.id)[-1].changes[0]["path"] == "request.items[2]"


def test_a_write_slipping_past_the_version_check_still_ends_as_a_conflict(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    original_check = Store._check_unique

    def sneaky_writer(session: Session, case: Case, *, new: bool) -> None:
        # A bulk UPDATE skips the ORM's version check, as a writer elsewhere would.
        session.execute(
            storage.CaseRow.__table__.update().values(version=storage.CaseRow.version + 1)
        )
        original_check(session, case, new=new)

    monkeypatch.setattr(Store, "_check_unique", staticmethod(sneaky_writer))
    with pytest.raises(StaleCase, match="kept as revision 2"):
        store.save(edited(case, title="Lost race"), expected_version=1, actor="bob")
    monkeypatch.undo()
    assert store.load(case.id).case == case  # the sneaky bump was rolled back with our save
    assert [r.kind for r in store.revisions(case.id)] == ["saved", "conflict"]


def test_bad_database_settings_get_plain_messages(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="'nonsense' is not a database URL"):
        Store("nonsense")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StorageError, match=r"a-file/sub for the database .* does not exist"):
        Store(f"sqlite:///{blocker / 'sub' / 'x.db'}")
    with pytest.raises(StorageError, match=r"Cannot reach the database server") as refused:
        Store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(refused.value)


def test_a_database_from_a_newer_version_is_refused_plainly(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    Store(url).close()
    other = Store(url, migrate=False)
    with other.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    other.close()
    storage._migrated_urls.clear()  # as in a new process
    with pytest.raises(StorageError, match="set up by a newer version of this tool"):
        Store(url)
