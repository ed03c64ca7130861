"""Issuing a letter: one engine action for the Letter page and for scripts.

>>> rendered = render_letter(case, profile)
>>> version = issue_letter(store, case, stored.version, rendered, actor="a.officer")

The case records the letter's metadata (``record_issue``); the data it was rendered from is
stored once, in the store's issued letters table, and read back with ``Store.issued_letter``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from foi_core.bounds import today
from foi_core.models import Case, CaseStatus

from .render import RenderedLetter, record_issue

if TYPE_CHECKING:
    from foi_core.storage import Store


def issue_letter(
    store: Store,
    case: Case,
    expected_version: int,
    rendered: RenderedLetter,
    *,
    actor: str | None = None,
    on: dt.date | None = None,
    issued_at: dt.datetime | None = None,
) -> int:
    """Record ``rendered`` (drawn from ``case`` at ``expected_version``) as issued; returns the
    case's new version.

    The case gets the letter's metadata and, for a response that is not a draft, the issued
    status and (if empty) the response date ``on`` (default today); the letter step's re-check
    mark is cleared. The render context goes once into the issued letters table, in the same
    transaction. Raises StaleCase, issuing nothing, when the case moved on since the letter was
    drawn.
    """
    from foi_core.workflow import apply_step_edit

    edited = record_issue(case, rendered, issued_at=issued_at, issued_by=actor or "")
    if rendered.kind == "response" and not rendered.draft:
        if edited.response_date is None:
            edited.response_date = on or today()
        edited.status = CaseStatus.ISSUED
    edited = apply_step_edit(case, edited, "letter")
    return store.issue_letter(edited, expected_version, rendered.context, actor=actor)
