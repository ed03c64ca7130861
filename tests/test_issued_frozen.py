"""A frozen issued letter: the exact .docx, its PDF (LibreOffice), their SHA-256s and the case as
it stood are kept; later changes never change what is downloaded; the issued case is read-only."""

from __future__ import annotations

import hashlib

import pytest

from foi_core.letters import issue_letter, render_letter, soffice_path
from foi_core.models import CaseStatus, LifeEventKind
from foi_core.people import NotAllowed, Person, Policy, Role
from foi_core.storage import CaseLocked, Store
from foi_core.workflow import life
from tests.case_factory import correct_case, good_profile

OFFICER = Person("a.officer@force.police.uk", "A Officer", frozenset({Role.OFFICER}))
APPROVER = Person("b.approver@force.police.uk", "B Approver", frozenset({Role.APPROVER}))
STRICT = Policy()
LOCAL = Policy(require_approval=False, separation_of_duties=False)

needs_libreoffice = pytest.mark.skipif(soffice_path() is None, reason="LibreOffice is missing")


def sha(data: bytes | None) -> str:
    assert data is not None
    return hashlib.sha256(data).hexdigest()


@needs_libreoffice
def test_issued_files_and_reasoning_are_kept_exactly(store: Store) -> None:
    case = correct_case()
    store.add(case, actor=OFFICER.recorded_as)
    rendered = render_letter(case, good_profile())
    version = issue_letter(store, case, 1, rendered, person=OFFICER, policy=Policy(False, False))
    stored = store.load(case.id)
    assert stored.version == version and stored.case.status is CaseStatus.ISSUED
    assert stored.case.life[-1].kind is LifeEventKind.ISSUED
    assert stored.case.life[-1].by == OFFICER.recorded_as
    letter = stored.case.issued_letters[-1]
    files = store.issued_files(case.id, letter.record_id)
    assert files.docx == rendered.data
    assert sha(files.docx) == files.docx_sha256 == letter.document_sha256
    assert files.pdf is not None and files.pdf.startswith(b"%PDF")
    assert sha(files.pdf) == files.pdf_sha256
    record = store.issued_letter(case.id, letter.record_id)
    assert record.pdf_sha256 == files.pdf_sha256
    assert record.reasoning is not None
    assert record.reasoning["request"] == stored.case.model_dump(mode="json")["request"]
    assert record.reasoning["status"] == "issued"

    # Later: the case is reopened and changed, the profile too; what was issued stays.
    with pytest.raises(CaseLocked):
        store.save(stored.case.model_copy(update={"title": "Later"}), version, actor="x")
    reopened = life.reopen(stored.case, OFFICER, "A typo in item 1")
    version = store.save(reopened, version, actor=OFFICER.recorded_as, action="reopened")
    store.save(reopened.model_copy(update={"title": "Later"}), version, actor="x")
    later = store.load(case.id).case
    assert later.status is CaseStatus.DRAFT and later.issued_letters == stored.case.issued_letters
    rerendered = render_letter(later, good_profile(name="Another Constabulary"))
    assert rerendered.data != files.docx
    again = store.issued_files(case.id, letter.record_id)
    assert again == files
    assert store.issued_letter(case.id, letter.record_id).reasoning == record.reasoning


def test_strict_policy_issues_only_an_approved_case(store: Store) -> None:
    case = correct_case()
    store.add(case, actor=OFFICER.recorded_as)
    rendered = render_letter(case, good_profile())
    with pytest.raises(NotAllowed, match="approver must approve"):
        issue_letter(store, case, 1, rendered, person=OFFICER, policy=STRICT, make_pdf=False)
    submitted = life.submit(case, OFFICER, [])
    store.save(submitted, 1, actor=OFFICER.recorded_as, action="submitted")
    approved = life.approve(submitted, APPROVER, store.drafters(case.id), STRICT)
    store.save(approved, 2, actor=APPROVER.recorded_as, action="approved")
    issue_letter(store, approved, 3, rendered, person=OFFICER, policy=STRICT, make_pdf=False)
    issued = store.load(case.id).case
    assert issued.status is CaseStatus.ISSUED
    assert [e.kind for e in issued.life][-1] is LifeEventKind.ISSUED
    files = store.issued_files(case.id, issued.issued_letters[-1].record_id)
    assert files.docx == rendered.data and files.pdf is None
    with pytest.raises(NotAllowed, match="already issued"):
        issue_letter(store, issued, 4, rendered, person=OFFICER, policy=STRICT, make_pdf=False)


def test_the_engine_checks_the_case_itself_before_issuing(store: Store) -> None:
    """A caller cannot issue a final letter for a case the check finds errors in."""
    case = correct_case()
    case.request.items[0].answer = ""  # a disclosed item without its answer: an error
    store.add(case, actor=OFFICER.recorded_as)
    rendered = render_letter(correct_case(), good_profile())
    with pytest.raises(NotAllowed, match="check still finds"):
        issue_letter(store, case, 1, rendered, person=OFFICER, policy=LOCAL, make_pdf=False)
