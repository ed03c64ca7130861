"""The disclosure log: one ``LogEntry`` per issued request marked "publish", without the
requester's name, address or contact details (every published text is masked again with
``foi_core.personal_data.mask_requester`` as a last guard), never a training attempt."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from foi_core.models import Case, CaseKind, OrganisationProfile
from foi_core.personal_data import map_free_text, mask_requester, without_personal_data
from foi_core.register.facts import CATEGORY_LABELS, case_facts, section_order

from .detect import personal_details_in

if TYPE_CHECKING:
    from foi_core.storage import Store

LetterMaker = Callable[[Case], "bytes | None"]


@dataclass(frozen=True)
class LogEntry:
    """One published response: what a force's disclosure log shows."""

    case_id: str
    ref: str
    response_date: dt.date | None
    title: str
    request_text: str
    outcome: str
    exemptions: tuple[str, ...]
    pdf: bytes | None = None

    @property
    def slug(self) -> str:
        """A file-name-safe form of the reference ("FOI-2025-0012")."""
        return re.sub(r"[^A-Za-z0-9._-]+", "-", self.ref).strip("-.") or self.case_id


REDACTED = "[redacted]"


def letter_case(case: Case) -> Case:
    """The case as its published letter is drawn from: the request as the officer redacted it,
    the requester's details blanked and masked, and every other name or contact detail
    ``personal_details_in`` finds in its free text replaced by "[redacted]" unless the officer
    confirmed it (the letter quotes the items as issued, which a read-only case keeps)."""
    entry = case.disclosure
    request = case.request.model_copy(update={"text": entry.request_text if entry else ""})
    blank = without_personal_data(case.model_copy(update={"request": request}))
    fine = set(entry.confirmed) if entry is not None else set()

    def redact(text: str) -> str:
        for flag in reversed(personal_details_in(text, blank)):
            if flag.text not in fine:
                text = text[: flag.start] + REDACTED + text[flag.end :]
        return text

    return Case.model_validate(map_free_text(blank.model_dump(mode="json"), Case, redact))


def published_letter(case: Case, profile: OrganisationProfile | None = None) -> bytes | None:
    """The response letter as PDF for the log, re-rendered from ``letter_case`` (the issued
    letter is addressed to the requester). None when it cannot be made (LibreOffice missing, a
    template problem)."""
    from foi_core.letters import LetterError, render_letter
    from foi_core.letters.issuing import pdf_or_none

    try:
        rendered = render_letter(letter_case(case), profile or OrganisationProfile(), findings=())
    except (LetterError, ValueError):
        return None
    return pdf_or_none(rendered.data)


def log_entry(case: Case, pdf: bytes | None = None) -> LogEntry:
    """The log entry of a published case (its texts masked for the requester once more)."""
    facts = case_facts(case)
    entry = case.disclosure
    text = entry.request_text if entry is not None else ""

    def masked(value: str) -> str:
        return mask_requester(value, case.requester)

    return LogEntry(
        case_id=case.id,
        ref=masked(case.request.our_ref),
        response_date=case.response_date,
        title=masked(case.title),
        request_text=masked(text),
        outcome=CATEGORY_LABELS[facts.category] if facts.category else "",
        exemptions=tuple(sorted(facts.sections, key=section_order)),
        pdf=pdf,
    )


def is_published(case: Case) -> bool:
    """In the log: an issued or closed request marked "publish" (the ``published`` column)."""
    return (
        case.kind is CaseKind.REQUEST
        and case_facts(case).processed
        and case.disclosure is not None
        and case.disclosure.publish
    )


def published_cases(store: Store) -> list[Case]:
    """The stored cases in the log, newest response first (by the indexed ``published`` column;
    removed demo cases left out)."""
    from foi_core.storage.documents import parse_stored_case
    from foi_core.storage.reading import shown
    from foi_core.storage.tables import CaseRow

    query = (
        select(CaseRow.id, CaseRow.document)
        .where(CaseRow.published.is_(True), shown(CaseRow.id))
        .order_by(CaseRow.response_date.desc(), CaseRow.ref)
    )
    with store._reading() as session:
        rows = session.execute(query).all()
    cases = [parse_stored_case(document, f"case {case_id}") for case_id, document in rows]
    return [case for case in cases if is_published(case)]


def disclosure_log(store: Store, letters: LetterMaker | None = None) -> list[LogEntry]:
    """The log's entries, newest first; ``letters`` makes each entry's PDF (none without it:
    ``published_letter`` renders one, which takes LibreOffice a few seconds a letter)."""
    return [
        log_entry(case, letters(case) if letters is not None else None)
        for case in published_cases(store)
    ]
