"""Personal data kept where it belongs (issue 7): audit entries copy no free text, the reasoning
record leaves the requester out, issued letters' contexts live once in their own table, export
asks before including personal data, and history tables are append-only."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from docxtpl import DocxTemplate
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError

from foi_core.letters import (
    document_text,
    issue_letter,
    letter_environment,
    render_letter,
    render_reasoning_record,
)
from foi_core.letters.paths import TEMPLATES_DIR
from foi_core.models import (
    SCHEMA_VERSION,
    Case,
    CaseStatus,
    Conclusion,
    OrganisationProfile,
    Requester,
    Weight,
)
from foi_core.personal_data import mask_requester, without_personal_data
from foi_core.storage import (
    CaseRow,
    RevisionRow,
    StaleCase,
    Store,
    diff_documents,
    upgrade_document,
)
from tests.case_factory import correct_case
from tests.conftest import example_case
from tests.test_cli import assert_one_line_error, run_cli


def draft_example(name: str) -> Case:
    """An example case as a draft (the examples are issued, so read-only, as stored)."""
    return example_case(name).model_copy(update={"status": CaseStatus.DRAFT})


ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PROFILE = OrganisationProfile()

NAME = "Ann Other"
CONTACT = "ann.other@example.org"
ADDRESS = "14 Privet Lane\nLittle Whinging\nSurrey GU1 2AB"
# Words that must not leave the requester fields (or the case, where the brief says so).
PRIVATE_WORDS = ("Ann Other", "ann.other", "Privet", "Whinging", "GU1 2AB")


def private_case(source: Case | None = None) -> Case:
    """A correct case whose requester, request text and one item mention the requester."""
    case = (source or correct_case()).model_copy(deep=True)
    case.requester = Requester(name=NAME, contact=CONTACT, address=ADDRESS)
    case.request.text = (
        f"Dear Sir, I am {NAME} of 14 Privet Lane, Little Whinging. Please tell me how many "
        "officers are trained to use tasers. Write to me at ann.other@example.org."
    )
    case.request.items[0].text = f"How many officers are trained to use tasers? ({NAME})"
    return case


def raw_audit(store: Store) -> str:
    """Every audit row as the database holds it, as one string."""
    with store.engine.connect() as connection:
        rows = connection.execute(text("SELECT summary, changes FROM audit_events")).all()
    return json.dumps([list(row) for row in rows], default=str, ensure_ascii=False)


def size(document: object) -> int:
    return len(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode())


# --- 1. Audit entries never copy free text ------------------------------------------------------


def test_audit_rows_never_copy_free_text_but_keep_enums_and_dates(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    edited = private_case(case)
    edited.overall_harm = "Quietly confidential reasoning about the informant."
    claim = edited.claim("anpr-s31")
    claim.pit.balance.conclusion = Conclusion.DISCLOSE
    claim.pit.balance.decided_on = dt.date(2024, 2, 1)
    claim.pit.factors[0].weight = Weight.HIGH
    edited.request.their_ref = "ANN-OTHER-REF"
    store.save(edited, expected_version=1, actor="bob")

    raw = raw_audit(store)
    for words in (*PRIVATE_WORDS, "Quietly confidential", "ANN-OTHER-REF"):
        assert words not in raw
    changes = {c["path"]: c for c in store.audit(case.id)[-1].changes}
    assert changes["request.text"] == {"path": "request.text", "changed": "text"}
    assert changes["request.items[1].text"] == {"path": "request.items[1].text", "changed": "text"}
    assert changes["requester.name"] == {"path": "requester.name", "changed": "personal data"}
    assert changes["claims[anpr-s31].pit.balance.conclusion"]["after"] == "disclose"
    assert changes["claims[anpr-s31].pit.balance.decided_on"]["after"] == "2024-02-01"
    weight = changes[f"claims[anpr-s31].pit.factors[{claim.pit.factors[0].id}].weight"]
    assert (weight["before"], weight["after"]) == ("moderate", "high")


def test_a_refused_save_and_a_profile_save_copy_no_free_text(store: Store) -> None:
    case = correct_case()
    store.add(case, actor="alice")
    store.save(case.model_copy(update={"title": "Moved on"}), expected_version=1, actor="alice")
    with pytest.raises(StaleCase):
        store.save(private_case(case), expected_version=1, actor="bob")
    store.save_profile(
        PROFILE.model_copy(update={"review_procedure": "Write to Ann Other at Privet Lane."})
    )
    raw = raw_audit(store)
    for words in PRIVATE_WORDS:
        assert words not in raw
    assert "Moved on" not in raw  # a title is free text too


def test_added_and_removed_elements_are_named_not_copied() -> None:
    before = correct_case()
    after = before.model_copy(deep=True)
    removed = after.claim("anpr-s31").pit.factors.pop(0)
    after.request.items[0].answer = "Ann Other knows."
    changes = diff_documents(before.model_dump(mode="json"), after.model_dump(mode="json"))
    path = f"claims[anpr-s31].pit.factors[{removed.id}]"
    assert {"path": path, "changed": "removed"} in changes
    assert removed.text not in json.dumps(changes)
    assert "Ann Other" not in json.dumps(changes)
    # numbers and lists of numbers are values, kept as they are
    assert diff_documents({"a": list(range(5))}, {"a": []}) == [
        {"path": "a", "before": [0, 1, 2, 3, 4], "after": []}
    ]


# Text no path or label of a diff could hold (each has a capital X, Y or Z): the assertion
# below is then about the typed text, not about words a diff always uses ("personal data").
FREE_TEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ ", min_size=12, max_size=60).filter(
    lambda s: len(s.strip()) >= 12 and any(c in "XYZ" for c in s)
)


@settings(max_examples=60, deadline=None)
@given(
    request_text=FREE_TEXT,
    harm=FREE_TEXT,
    factor=FREE_TEXT,
    answer=FREE_TEXT,
    name=FREE_TEXT,
    prompt=FREE_TEXT,
)
def test_no_free_text_ever_reaches_a_diff(
    request_text: str, harm: str, factor: str, answer: str, name: str, prompt: str
) -> None:
    before = correct_case()
    after = before.model_copy(deep=True)
    after.request.text = request_text
    after.overall_harm = harm
    after.claim("anpr-s31").pit.factors[0].text = factor
    after.request.items[0].answer = answer
    after.requester.name = name
    after.claims[0].harm.prompt_answers = {"new-question": prompt}
    # Free text added with the reasoning core: records, publication plan, other holder, goodwill.
    after.claims[0].records = {"why_required": harm}
    after.request.items[1].held_by = name
    after.request.items[0].discretionary = factor
    changes = json.dumps(
        diff_documents(before.model_dump(mode="json"), after.model_dump(mode="json"))
    )
    for value in (request_text, harm, factor, answer, name, prompt):
        assert value not in changes


# --- 2. The reasoning record leaves the requester out -----------------------------------------


def test_reasoning_record_leaves_out_the_requesters_details() -> None:
    case = private_case()
    rendered = render_reasoning_record(case, PROFILE)
    words = document_text(rendered.data)
    for private in PRIVATE_WORDS:
        assert private not in words
        assert private not in json.dumps(rendered.context)
    assert "the requester" in words
    assert "Please tell me how many officers are trained to use tasers." in words


# --- 3. Issued letters' contexts are stored once, in their own table ----------------------------


def issue_three(store: Store, case: Case) -> list:
    rendered_letters = []
    for _ in range(3):
        stored = store.load(case.id)
        rendered = render_letter(stored.case, PROFILE, draft=True)
        issue_letter(store, stored.case, stored.version, rendered, actor="alice")
        rendered_letters.append(rendered)
    return rendered_letters


def test_issued_letters_contexts_live_once_in_their_own_table(store: Store) -> None:
    case = private_case(draft_example("doorbell-camera-ncnd"))
    store.add(case, actor="alice")
    rendered = issue_three(store, case)

    revisions = store.revisions(case.id)
    first, last = size(revisions[0].document), size(revisions[-1].document)
    assert last - first < 3 * 1024, (first, last)  # metadata only (it was 55 KiB per letter)
    for revision in revisions:
        for letter in revision.document["issued_letters"]:
            assert "context" not in letter
    saved = store.load(case.id).case
    assert saved.status is case.status  # drafts do not change the status
    records = store.issued_letters(case.id)
    assert [r.id for r in records] == [letter.record_id for letter in saved.issued_letters]
    assert [r.context for r in records] == [r.context for r in rendered]
    assert [r.issued_by for r in records] == ["alice"] * 3
    assert [r.document_sha256 for r in records] == [r.document_sha256 for r in rendered]
    assert store.audit(case.id)[-1].summary.startswith("Letter issued")


def test_an_issued_letters_stored_context_reproduces_it(store: Store) -> None:
    case = draft_example("999-calls-partial")
    store.add(case, actor="alice")
    rendered = render_letter(case, PROFILE)
    issue_letter(store, case, 1, rendered, actor="alice")
    saved = store.load(case.id).case
    (letter,) = saved.issued_letters
    assert saved.status is CaseStatus.ISSUED and saved.response_date is not None
    record = store.issued_letter(case.id, letter.record_id)
    template = DocxTemplate(str(TEMPLATES_DIR / record.template_name))
    template.render({**record.context, "logo": ""}, letter_environment(), autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    assert document_text(buffer.getvalue()) == document_text(rendered.data)
    with pytest.raises(LookupError):
        store.issued_letter("another-case", letter.record_id)


def test_issuing_on_a_case_that_moved_on_is_refused_and_stores_nothing(store: Store) -> None:
    case = draft_example("999-calls-partial")
    store.add(case, actor="alice")
    rendered = render_letter(case, PROFILE)
    store.save(case.model_copy(update={"title": "Changed"}), expected_version=1, actor="bob")
    with pytest.raises(StaleCase, match="nothing was issued"):
        issue_letter(store, case, 1, rendered, actor="alice")
    assert store.issued_letters(case.id) == []
    assert store.load(case.id).case.issued_letters == []


def test_schema_1_documents_upgrade_without_their_embedded_context() -> None:
    document = json.loads((DATA / "schema1-cost-limit-issued.json").read_text(encoding="utf-8"))
    assert "context" in document["issued_letters"][0]
    upgraded = upgrade_document(json.loads(json.dumps(document)))
    assert upgraded["schema_version"] == SCHEMA_VERSION == 4
    assert "context" not in upgraded["issued_letters"][0]
    case = Case.model_validate(upgraded)
    assert (
        case.issued_letters[0].document_sha256 == document["issued_letters"][0]["document_sha256"]
    )


def test_a_schema_1_file_imports_and_its_contexts_go_to_the_table(store: Store) -> None:
    raw = (DATA / "schema1-cost-limit-issued.json").read_text(encoding="utf-8")
    embedded = json.loads(raw)["issued_letters"][0]["context"]
    imported = store.import_case_json(raw, actor="importer")
    (letter,) = imported.case.issued_letters
    assert letter.record_id is not None
    assert store.issued_letter(imported.case.id, letter.record_id).context == embedded
    (revision,) = store.revisions(imported.case.id)
    assert "context" not in revision.document["issued_letters"][0]
    assert revision.document["issued_letters"][0]["record_id"] == letter.record_id


def test_migration_moves_contexts_out_of_cases_stored_by_schema_1(empty_database_url: str) -> None:
    from alembic import command

    from foi_core.storage import alembic_config

    document = json.loads((DATA / "schema1-cost-limit-issued.json").read_text(encoding="utf-8"))
    embedded = document["issued_letters"][0]["context"]
    store = Store(empty_database_url, migrate=False)
    try:
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001")
        now = dt.datetime.now(dt.UTC)
        row = {
            "id": document["id"],
            "ref": document["request"]["our_ref"],
            "title": "",
            "status": "issued",
            "received": dt.date(2026, 3, 2),
            "due_date": None,
            "created_at": now,
            "updated_at": now,
            "updated_by": "old",
            "schema_version": 1,
            "version": 1,
            "document": document,
        }
        revision = {
            "case_id": document["id"],
            "number": 1,
            "version": 1,
            "kind": "saved",
            "saved_at": now,
            "saved_by": "old",
            "summary": "",
            "document": document,
        }
        with store.engine.begin() as connection:
            connection.execute(insert(CaseRow.__table__), [row])
            connection.execute(insert(RevisionRow.__table__), [revision])
            command.upgrade(alembic_config(connection), "head")
        case = store.load(document["id"]).case
        (letter,) = case.issued_letters
        assert store.issued_letter(case.id, letter.record_id).context == embedded
        for stored in (store.revisions(case.id)[0].document, _raw_case_document(store, case.id)):
            assert "context" not in stored["issued_letters"][0]
            assert stored["issued_letters"][0]["record_id"] == letter.record_id
    finally:
        store.close()


def test_migration_0002_round_trips_issued_letters(store: Store) -> None:
    from alembic import command

    from foi_core.storage import alembic_config

    case = draft_example("999-calls-partial")
    store.add(case, actor="alice")
    rendered = render_letter(case, PROFILE)
    issue_letter(store, case, 1, rendered, actor="alice")
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0001")
    document = _raw_case_document(store, case.id)
    assert document["schema_version"] == 1
    assert document["issued_letters"][0]["context"] == rendered.context
    assert "record_id" not in document["issued_letters"][0]
    with store.engine.connect() as connection:
        stored = connection.execute(text("SELECT document FROM case_revisions")).scalars().all()
    revisions = [json.loads(d) if isinstance(d, str) else d for d in stored]
    assert {revision["schema_version"] for revision in revisions} == {1}
    with store.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    (letter,) = store.load(case.id).case.issued_letters
    assert store.issued_letter(case.id, letter.record_id).context == rendered.context
    assert "context" not in _raw_case_document(store, case.id)["issued_letters"][0]


def _raw_case_document(store: Store, case_id: str) -> dict:
    with store.engine.connect() as connection:
        value = connection.execute(
            text("SELECT document FROM cases WHERE id = :id"), {"id": case_id}
        ).scalar_one()
    return json.loads(value) if isinstance(value, str) else value


# --- 4. Export asks whether to include personal data --------------------------------------------


def test_mask_requester_hides_each_detail() -> None:
    requester = Requester(name=NAME, contact=CONTACT, address=ADDRESS)
    masked = mask_requester(f"Dear {NAME}, {CONTACT}, 14 Privet Lane, Surrey GU1 2AB", requester)
    assert masked == (
        "Dear [requester's name], [requester's contact details], [requester's address], "
        "[requester's address]"
    )
    assert mask_requester("Nothing to hide", Requester()) == "Nothing to hide"


def test_without_personal_data_blanks_the_requester_and_masks_free_text() -> None:
    case = private_case()
    cleaned = without_personal_data(case)
    assert cleaned.requester == Requester()
    dumped = cleaned.to_json()
    for words in PRIVATE_WORDS:
        assert words not in dumped
    assert "[requester's name]" in cleaned.request.text
    assert case.requester.name == NAME  # the original is left alone


def test_export_leaves_personal_data_out_by_default_and_still_imports(store: Store) -> None:
    case = private_case(draft_example("999-calls-partial"))
    store.add(case, actor="alice")
    issue_letter(store, case, 1, render_letter(case, PROFILE), actor="alice")

    exported = store.export_case_json(case.request.our_ref, actor="alice")
    for words in PRIVATE_WORDS:
        assert words not in exported
    data = json.loads(exported)
    assert data["requester"] == {"name": "", "contact": "", "address": ""}
    assert data["export"]["personal_data"] is False
    assert data["export"]["letter_contexts"] == {}
    assert "left out" in data["export"]["note"]
    assert all("context" not in letter for letter in data["issued_letters"])
    assert store.audit(case.id)[-1].action == "exported"

    data["id"], data["request"]["our_ref"] = "copy", "COPY/1"
    imported = store.import_case_json(json.dumps(data), actor="importer")
    assert imported.case.export is None  # the marker describes the file, not the case
    assert imported.case.requester == Requester()
    assert [letter.record_id for letter in imported.case.issued_letters] == [None]


def test_export_with_personal_data_is_marked_and_carries_the_letters(store: Store) -> None:
    case = private_case(draft_example("999-calls-partial"))
    store.add(case, actor="alice")
    rendered = render_letter(case, PROFILE)
    issue_letter(store, case, 1, rendered, actor="alice")

    exported = store.export_case_json(case.id, include_personal_data=True, actor="alice")
    data = json.loads(exported)
    assert data["requester"]["name"] == NAME
    marker = data["export"]
    assert marker["personal_data"] is True
    assert "personal data" in marker["note"]
    assert marker["letter_contexts"] == {rendered.document_sha256: rendered.context}
    assert "with personal data" in store.audit(case.id)[-1].summary

    data["id"], data["request"]["our_ref"] = "copy", "COPY/1"
    imported = store.import_case_json(json.dumps(data), actor="importer")
    (letter,) = imported.case.issued_letters
    assert store.issued_letter("copy", letter.record_id).context == rendered.context
    assert imported.case.export is None
    assert imported.case.requester.name == NAME


def test_cli_export_asks_before_including_personal_data(tmp_path: Path) -> None:
    db = tmp_path / "foi.db"
    imported = run_cli("import", str(ROOT / "examples" / "999-calls-partial.json"), db=db)
    assert imported.returncode == 0, imported.stderr
    plain, full = tmp_path / "plain.json", tmp_path / "full.json"
    result = run_cli("export", "002335/20", "-o", str(plain), db=db)
    assert result.returncode == 0, result.stderr
    assert "without personal data" in result.stderr
    assert json.loads(plain.read_text())["requester"]["name"] == ""
    result = run_cli("export", "002335/20", "--include-personal-data", "-o", str(full), db=db)
    assert result.returncode == 0, result.stderr
    assert "includes personal data" in result.stderr
    data = json.loads(full.read_text())
    assert data["requester"]["name"] == "A. Requester"
    assert data["export"]["personal_data"] is True
    assert_one_line_error(run_cli("export", "002335/20", "--include-personal-data", "-x", db=db))


# --- 5. Revisions and issued letters are append-only ---------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE case_revisions SET saved_by = 'mallory'",
        "DELETE FROM case_revisions",
        "UPDATE issued_letters SET issued_by = 'mallory'",
        "DELETE FROM issued_letters",
    ],
)
def test_revisions_and_issued_letters_are_append_only(store: Store, statement: str) -> None:
    case = draft_example("999-calls-partial")
    store.add(case, actor="alice")
    issue_letter(store, case, 1, render_letter(case, PROFILE), actor="alice")
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(text(statement))
    assert [r.saved_by for r in store.revisions(case.id)] == ["alice", "alice"]
    assert [r.issued_by for r in store.issued_letters(case.id)] == ["alice"]
