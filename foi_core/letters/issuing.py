"""Issuing a letter: one engine action for the Letter page and for scripts.

>>> rendered = render_letter(case, profile)
>>> version = issue_letter(store, case, stored.version, rendered, person=officer, policy=policy)

A response that is not a draft is issued only as ``foi_core.people.can_issue`` allows (a clean
check and, where the unit requires it, approval). The case records the letter's metadata
(``record_issue``) and an "issued" life event; the store keeps, once, the data the letter was
rendered from, the exact .docx bytes, a PDF made from them by LibreOffice (none when it is not
installed) with both SHA-256s, and the case as it stood (the reasoning), read back with
``Store.issued_letter`` and ``Store.issued_files``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

from foi_core.bounds import today
from foi_core.models import Case, CaseStatus, LifeEvent, LifeEventKind
from foi_core.people import NotAllowed, Person, Policy, can_issue, is_read_only, local_person

from .errors import LetterError
from .pdf import to_pdf
from .render import RenderedLetter, record_issue

if TYPE_CHECKING:
    from foi_core.storage import Store


# Letters that answer the requester: issuing one makes the case issued (read-only).
FINAL_KINDS = frozenset({"response", "review_outcome"})


def _errors(store: Store, case: Case) -> int:
    """How many errors the check finds in ``case`` now (the engine checks, not the caller)."""
    from foi_core.checker import check

    findings = check(case, store.load_profile(), today=today())
    return sum(finding.severity == "error" for finding in findings)


def pdf_or_none(docx: bytes) -> bytes | None:
    """The letter as PDF, or None when LibreOffice is missing or cannot convert it."""
    try:
        return to_pdf(docx)
    except LetterError:  # LibreOfficeMissing is a LetterError: the letter page says so
        return None


def sha256(data: bytes | None) -> str | None:
    """The SHA-256 of ``data`` in hex (None for no data)."""
    return None if data is None else hashlib.sha256(data).hexdigest()


def issue_letter(
    store: Store,
    case: Case,
    expected_version: int,
    rendered: RenderedLetter,
    *,
    person: Person | None = None,
    policy: Policy | None = None,
    actor: str | None = None,
    on: dt.date | None = None,
    issued_at: dt.datetime | None = None,
    make_pdf: bool = True,
) -> int:
    """Record ``rendered`` (drawn from ``case`` at ``expected_version``) as issued; returns the
    case's new version.

    ``person`` issues it under ``policy`` (default: the local user of a copy with sign-in off,
    named ``actor``, who issues straight from a clean draft). A response that is not a draft
    gives the case the issued status (read-only from then on), an "issued" life event and (if
    empty) the response date ``on`` (default today); the letter step's re-check mark is
    cleared. Raises NotAllowed when ``can_issue`` refuses (or the case is read-only), and
    StaleCase, issuing nothing, when the case moved on since the letter was drawn.
    """
    from foi_core.people import unit_policy
    from foi_core.storage import dump_case
    from foi_core.workflow import apply_step_edit

    if person is None:
        from foi_core.settings import get_settings

        person = local_person(actor or get_settings().actor)
    policy = policy if policy is not None else unit_policy(False)
    actor = person.recorded_as
    final = rendered.kind in FINAL_KINDS and not rendered.draft
    if final:
        can_issue(person, case, _errors(store, case), policy).enforce()
    elif is_read_only(case):
        raise NotAllowed(f"This case is {case.status.value}: reopen it to issue another letter.")
    edited = record_issue(case, rendered, issued_at=issued_at, issued_by=actor)
    if final:
        if edited.response_date is None:
            edited.response_date = on or today()
        edited.status = CaseStatus.ISSUED
        event = LifeEvent(
            kind=LifeEventKind.ISSUED, at=edited.issued_letters[-1].issued_at, by=actor
        )
        edited.life = [*edited.life, event]
    edited = apply_step_edit(case, edited, "letter")
    pdf = pdf_or_none(rendered.data) if make_pdf else None
    return store.issue_letter(
        edited,
        expected_version,
        rendered.context,
        actor=actor,
        docx=rendered.data,
        pdf=pdf,
        reasoning=dump_case(edited),
    )
