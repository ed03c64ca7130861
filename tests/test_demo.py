"""Demo cases: marked when loaded, reset to the example, removed (hidden) for a live install."""

from __future__ import annotations

import json

import pytest

from foi_core.demo import NotADemo, is_demo, remove_demo_cases, reset_demo_case
from foi_core.models import Case, CaseStatus, Requester
from foi_core.people import NotAllowed, Person, Role, local_person
from foi_core.storage import Store
from foi_core.storage.documents import dump_case
from foi_core.workflow import duplicate_case
from tests.case_factory import correct_case
from tests.conftest import EXAMPLE_FILES, EXAMPLES

OFFICER = Person("a.officer@force.police.uk", "A Officer", frozenset({Role.OFFICER}))
ADMIN = Person("d.admin@force.police.uk", "D Admin", frozenset({Role.ADMIN}))


@pytest.fixture
def demo_store(sqlite_store: Store) -> Store:
    assert sqlite_store.load_demo_cases(EXAMPLES) == len(EXAMPLE_FILES)
    return sqlite_store


def _example(path_index: int = 0) -> Case:
    return Case.model_validate_json(EXAMPLE_FILES[path_index].read_bytes())


def test_loaded_demo_cases_carry_the_flag_and_the_store_knows_them(demo_store: Store) -> None:
    ids = {_example(n).id for n in range(len(EXAMPLE_FILES))}
    assert demo_store.demo_case_ids() == ids
    assert all(demo_store.load(case_id).case.demo for case_id in ids)
    # The example files themselves stay as they are: the loader sets the flag.
    assert all("demo" not in json.loads(path.read_text()) for path in EXAMPLE_FILES)


def test_a_real_case_has_no_flag_in_its_document(sqlite_store: Store) -> None:
    case = correct_case()
    sqlite_store.add(case, actor="test")
    assert "demo" not in dump_case(case)
    assert sqlite_store.demo_case_ids() == set()
    assert not is_demo(sqlite_store, case.id)


def test_an_imported_demo_export_is_a_real_case(demo_store: Store, tmp_path) -> None:
    source = _example()
    text = demo_store.export_case_json(source.id)
    data = json.loads(text)
    assert data["demo"] is True
    data["id"], data["request"]["our_ref"] = "imported-copy", "IMP/1"
    stored = demo_store.import_case_json(json.dumps(data))
    assert not stored.case.demo and "imported-copy" not in demo_store.demo_case_ids()


def test_reset_saves_the_example_again_as_a_new_revision(demo_store: Store) -> None:
    drafts = [n for n in range(len(EXAMPLE_FILES)) if _example(n).status is CaseStatus.DRAFT]
    original = _example(drafts[0])
    loaded = demo_store.load(original.id)
    attempt = loaded.case.model_copy(deep=True)
    attempt.status = CaseStatus.DRAFT
    attempt.title = "A trainee's attempt"
    attempt.requester = Requester(name="Trainee Test")
    demo_store.save(attempt, loaded.version, actor="trainee")

    stored = reset_demo_case(demo_store, original.id, OFFICER)

    now = demo_store.load(original.id)
    assert now.version == stored.version == loaded.version + 2
    assert dump_case(now.case) == dump_case(original.model_copy(update={"demo": True}))
    log = demo_store.revision_log(original.id)
    assert log[1].saved_by == "trainee"  # the attempt stays in the history
    assert demo_store.revision(original.id, 2).case.title == "A trainee's attempt"
    last = demo_store.audit(original.id)[-1]
    assert last.action == "demo reset" and last.actor == OFFICER.recorded_as


def test_reset_refuses_a_case_that_is_not_a_demo(demo_store: Store) -> None:
    case = correct_case()
    demo_store.add(case, actor="test")
    with pytest.raises(NotADemo, match="Only a demo case"):
        reset_demo_case(demo_store, case.id, OFFICER)
    # A copy of a demo case is a real case too.
    copy = duplicate_case(demo_store.load(_example().id).case, "COPY/1")
    demo_store.add(copy.model_copy(update={"demo": False}), actor="test")
    with pytest.raises(NotADemo):
        reset_demo_case(demo_store, copy.id, OFFICER)


def test_reset_needs_someone_who_sees_cases(demo_store: Store) -> None:
    trainee = Person("t@force.police.uk", "T", frozenset({Role.TRAINEE}))
    with pytest.raises(NotAllowed):
        reset_demo_case(demo_store, _example().id, trainee)


def test_removal_hides_demo_cases_from_lists_and_counts(demo_store: Store) -> None:
    real = correct_case()
    demo_store.add(real, actor="test")
    assert demo_store.count() == len(EXAMPLE_FILES) + 1

    assert remove_demo_cases(demo_store, ADMIN) == len(EXAMPLE_FILES)

    assert [s.id for s in demo_store.list_cases()] == [real.id]
    assert demo_store.list_cases(CaseStatus.DRAFT) == [
        s for s in demo_store.list_cases() if s.status is CaseStatus.DRAFT
    ]
    assert demo_store.count() == 1
    assert demo_store.demo_case_ids() == set()
    removed = [e for e in demo_store.audit(_example().id) if e.action == "demo removed"]
    assert [e.actor for e in removed] == [ADMIN.recorded_as]
    # Nothing is deleted: the history is still there; and they never come back.
    assert demo_store.revisions(_example().id)
    assert demo_store.load_demo_cases(EXAMPLES) == 0
    assert demo_store.count() == 1
    # A removed demo cannot be reset.
    with pytest.raises(NotADemo):
        reset_demo_case(demo_store, _example().id, ADMIN)


def test_only_admins_remove_demo_cases(demo_store: Store) -> None:
    with pytest.raises(NotAllowed, match="admin"):
        remove_demo_cases(demo_store, OFFICER)
    assert demo_store.count() == len(EXAMPLE_FILES)
    assert remove_demo_cases(demo_store, local_person("officer")) == len(EXAMPLE_FILES)
