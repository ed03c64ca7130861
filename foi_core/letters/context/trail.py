"""The reasoning record's trail: the timeline, the checker's findings, the letters issued and the
audit log, each as the record shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol

from foi_core.deadlines import case_deadlines
from foi_core.models import Case

from ..text import letter_date, printable
from .views import View

if TYPE_CHECKING:
    from foi_core.checker import Finding


class DatedView(View):
    label: str
    value: str


class FindingView(View):
    severity: str
    rule_id: str
    message: str
    fix: str
    provision: str
    step: str


class IssuedView(View):
    kind: str
    issued_at: str
    template_name: str
    template_sha256: str
    document_sha256: str
    draft: str


class AuditView(View):
    at: str
    actor: str
    action: str
    summary: str


class AuditEntry(Protocol):
    """An audit log entry as the record reads it (``foi_core.storage.AuditEvent`` is one)."""

    @property
    def at(self) -> dt.datetime | dt.date | str | None: ...

    @property
    def actor(self) -> str: ...

    @property
    def action(self) -> str: ...

    @property
    def summary(self) -> str: ...


# An audit entry: an object with those fields, or a mapping holding them.
AuditRow = AuditEntry | Mapping[str, object]


def timeline(case: Case) -> tuple[list[DatedView], list[str], list[str]]:
    """(the dates recorded, in order; the deadline notes; the deadline warnings)."""
    rows: list[DatedView] = []

    def add(label: str, value: str) -> None:
        if value:
            rows.append(DatedView(label=label, value=value))

    deadlines = case_deadlines(case)
    add("Request received", letter_date(case.request.received))
    add("Clock started (day 0)", letter_date(deadlines.clock_start))
    add("Clock stopped", "yes" if deadlines.clock_stopped else "")
    add("Due (section 10(1))", letter_date(deadlines.due))
    add("Extended date (section 10(3))", letter_date(deadlines.extended_due))
    if case.clarification is not None:
        add("Clarification asked", letter_date(case.clarification.asked_on))
        add("Clarification received", letter_date(case.clarification.received_on))
    if case.fees_notice is not None:
        add("Fees notice issued", letter_date(case.fees_notice.issued_on))
        add("Fee paid", letter_date(case.fees_notice.paid_on))
    extension = case.pit_extension
    if extension is not None:
        add(
            "Public interest extension: estimated decision date",
            letter_date(extension.estimated_date),
        )
        add("Public interest extension: decided by", printable(extension.decision_maker))
        add("Public interest extension: reason", printable(extension.reason))
        add("Public interest extension: status", extension.status.value)
        add("Public interest extension: notified", letter_date(extension.notified_on))
        add("Public interest extension: completed", letter_date(extension.completed_on))
    add("Response date", letter_date(case.response_date))
    add("Internal review requested", letter_date(case.review_requested_on))
    add("Internal review due", letter_date(deadlines.review_due))
    notes = [printable(n) for n in deadlines.notes]
    warnings = [printable(w) for w in deadlines.warnings]
    return rows, notes, warnings


def finding_views(findings: Iterable[Finding]) -> list[FindingView]:
    """The checker's findings."""
    return [
        FindingView(
            severity=f.severity,
            rule_id=f.rule_id,
            message=printable(f.message),
            fix=printable(f.fix),
            provision=printable(f.provision),
            step=f.step,
        )
        for f in findings
    ]


def issued_views(case: Case) -> list[IssuedView]:
    """The letters issued on the case, with the hashes that prove them."""
    return [
        IssuedView(
            kind=letter.kind,
            issued_at=f"{letter_date(letter.issued_at.date())} {letter.issued_at:%H:%M}",
            template_name=printable(letter.template_name),
            template_sha256=letter.template_sha256,
            document_sha256=letter.document_sha256,
            draft="yes" if letter.draft else "no",
        )
        for letter in case.issued_letters
    ]


def _audit_fields(entry: AuditRow) -> tuple[object, object, object, object]:
    """(at, actor, action, summary) of an entry; a mapping's missing keys read as None."""
    if isinstance(entry, Mapping):
        return entry.get("at"), entry.get("actor"), entry.get("action"), entry.get("summary")
    return entry.at, entry.actor, entry.action, entry.summary


def audit_view(entry: AuditRow) -> AuditView:
    """One audit entry: when (date and minute), who, what, and its summary."""
    at, actor, action, summary = _audit_fields(entry)
    if isinstance(at, dt.datetime):
        at_text = f"{letter_date(at.date())} {at:%H:%M}"
    elif isinstance(at, dt.date):
        at_text = letter_date(at)
    else:
        at_text = printable(str(at or ""))
    return AuditView(
        at=at_text,
        actor=printable(str(actor or "")),
        action=printable(str(action or "")),
        summary=printable(str(summary or "")),
    )
