"""A case's life: its kind, the case it is linked to, who it is assigned to, and the events that
moved it along (submitted, approved, returned, issued, reopened, closed).

The rules deciding who may move a case and when live in ``foi_core.people.rules`` and
``foi_core.workflow.life``; this module only holds the record.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from .base import _Model


class CaseKind(StrEnum):
    """What a case is: a request, an internal review of one, an ICO complaint about one, or a
    trainee's attempt at a training scenario (never in the register, statistics or log)."""

    REQUEST = "request"
    INTERNAL_REVIEW = "internal_review"
    ICO_COMPLAINT = "ico_complaint"
    TRAINING = "training"


class LifeEventKind(StrEnum):
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"  # edited after submission or approval: back to draft
    APPROVED = "approved"
    RETURNED = "returned"
    ISSUED = "issued"
    REOPENED = "reopened"
    CLOSED = "closed"
    ASSIGNED = "assigned"


class LifeEvent(_Model):
    """One step in a case's life: what happened, when, who (mailbox "Name <email>") and why."""

    kind: LifeEventKind
    at: dt.datetime
    by: str = Field(default="", max_length=400)
    reasons: str = Field(default="", max_length=20_000)
    # For "assigned": the mailbox of the officer the case was given to.
    to: str = Field(default="", max_length=400)
