"""The disclosure log in the store: the indexed ``published`` column written at every save (on
SQLite and PostgreSQL), marking an issued case saved through ``guard_edit``, the log's entries
(never training attempts or unmarked cases), migration 0007's backfill, and the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from foi_core.cli import main
from foi_core.disclosure import disclosure_log, mark_for_publication
from foi_core.models import Case, CaseKind, CaseStatus, DisclosureEntry, Requester
from foi_core.people import Person, Role
from foi_core.storage import CaseRow, Store, alembic_config, upgrade_to_head
from foi_core.storage.errors import CaseLocked
from tests.case_factory import minimal_case

OFFICER = Person(email="officer@force.police.uk", roles=frozenset({Role.OFFICER}))


def _published(store: Store, case_id: str) -> bool:
    with store.engine.connect() as connection:
        return connection.scalar(select(CaseRow.published).where(CaseRow.id == case_id))


def _issued(ref: str = "000001/24", **changes: object) -> Case:
    case = minimal_case(status=CaseStatus.ISSUED, **changes)
    request = case.request.model_copy(update={"our_ref": ref})
    return case.model_copy(update={"request": request, "requester": Requester(name="Zara Quill")})


def test_marking_an_issued_case_is_saved_and_sets_the_column(store: Store) -> None:
    case = _issued()
    store.add(case, actor="o")
    assert _published(store, case.id) is False
    marked = mark_for_publication(case, OFFICER, "How many police dogs?").case
    assert marked is not None
    version = store.save(marked, 1, actor=OFFICER.recorded_as, action="published")
    assert _published(store, case.id) is True
    entries = disclosure_log(store)
    assert [(e.ref, e.request_text, e.outcome) for e in entries] == [
        ("000001/24", "How many police dogs?", "Granted in full")
    ]
    changed = marked.model_copy(update={"title": "Something else"})
    with pytest.raises(CaseLocked):
        store.save(changed, version, actor="o")
    withdrawn = marked.model_copy(
        update={"disclosure": DisclosureEntry(publish=False, request_text="x")}
    )
    store.save(withdrawn, version, actor="o")
    assert _published(store, case.id) is False and disclosure_log(store) == []


def test_only_issued_requests_marked_publish_are_in_the_log(store: Store) -> None:
    entry = DisclosureEntry(publish=True, request_text="Published text")
    draft = minimal_case(disclosure=entry)
    training = _issued("T-1", kind=CaseKind.TRAINING, disclosure=entry)
    unmarked = _issued("000002/24")
    marked = _issued("000003/24", disclosure=entry)
    for case in (draft, training, unmarked, marked):
        store.add(case, actor="o")
    assert [e.ref for e in disclosure_log(store)] == ["000003/24"]
    assert [_published(store, c.id) for c in (draft, training, unmarked)] == [False] * 3


def test_migration_0007_fills_the_column(empty_database_url: str) -> None:
    store = Store(empty_database_url, migrate=False)
    try:
        upgrade_to_head(store.engine)
        marked = _issued(disclosure=DisclosureEntry(publish=True, request_text="Text"))
        other = _issued("000002/24")
        store.add_many([marked, other], actor="o")
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0006")
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        assert _published(store, marked.id) is True and _published(store, other.id) is False
    finally:
        store.close()


def test_the_cli_writes_csv_json_and_the_web_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'log.db'}"
    store = Store(url)
    text = "How many dogs? <script>x</script>"
    store.add(_issued(disclosure=DisclosureEntry(publish=True, request_text=text)), actor="o")
    store.close()
    assert main(["disclosure-log", "--format", "csv", "--database", url]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[1][0] == "000001/24" and rows[1][3] == text
    assert main(["disclosure-log", "--format", "json", "--database", url]) == 0
    assert json.loads(capsys.readouterr().out)[0]["request"] == text
    folder = tmp_path / "site"
    code = main(["disclosure-log", "--html", str(folder), "--no-letters", "--database", url])
    assert code == 0 and "wrote 1 entries" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["000001-24.html", "index.html"]
    page = (folder / "000001-24.html").read_text()
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "Zara" not in page


def test_the_requester_never_reaches_the_log_even_when_typed_into_the_text(store: Store) -> None:
    requester = Requester(name="Zara Quill", contact="zq@mail.test")
    case = _issued(title="Dogs for Zara Quill").model_copy(update={"requester": requester})
    case = case.model_copy(
        update={"disclosure": DisclosureEntry(publish=True, request_text="I, ZARA QUILL, ask")}
    )
    store.add(case, actor="o")
    (entry,) = disclosure_log(store)
    assert "zara" not in (entry.title + entry.request_text).lower()
