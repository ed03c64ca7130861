"""After the letter: an internal review of a response, and a complaint to the Information
Commissioner (ICO), each held by a case linked to the original request.

"Upheld" means opposite things: an internal review is *upheld* (in the authority's sense) when the
original decision stands; an ICO decision notice is *upheld* (in the complainant's sense) when the
Commissioner agrees with the complainant. The two outcome types below are kept apart for that
reason, and labelled in ``foi_core.aftercare``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from .base import _Model


class ReviewedPart(StrEnum):
    """A part of the original decision that an internal review looks at again."""

    SEARCHES = "searches"
    OUTCOME = "outcome"  # the outcome of one item (``item`` names it)
    EXEMPTION = "exemption"  # one exemption claim (``claim_id`` names it)
    HARM = "harm"
    PUBLIC_INTEREST = "public_interest"


class Verdict(StrEnum):
    STANDS = "stands"
    CHANGED = "changed"


class ReviewReason(StrEnum):
    """Why a part of the decision was changed (the categories FOI units report on)."""

    SEARCHES_NOT_ADEQUATE = "searches_not_adequate"
    WRONG_EXEMPTION = "wrong_exemption"
    EXCESSIVE_REDACTION = "excessive_redaction"
    PUBLIC_INTEREST_MISJUDGED = "public_interest_misjudged"
    OTHER = "other"


class ReviewOutcome(StrEnum):
    """The overall outcome in the authority's sense."""

    UPHELD = "upheld"  # the original decision stands
    UPHELD_IN_PART = "upheld_in_part"
    OVERTURNED = "overturned"


class PartReview(_Model):
    """The reviewer's finding on one part of the original decision."""

    part: ReviewedPart
    item: int | None = None
    claim_id: str | None = None
    verdict: Verdict = Verdict.STANDS
    reason: ReviewReason | None = None
    notes: str = Field(default="", max_length=20_000)


class InternalReview(_Model):
    """An internal review of the linked original case."""

    requested_on: dt.date | None = None
    grounds: str = Field(default="", max_length=50_000)
    reviewer: str = Field(default="", max_length=400)
    parts: list[PartReview] = Field(default_factory=list)
    outcome: ReviewOutcome | None = None
    reasons: str = Field(default="", max_length=50_000)
    decided_on: dt.date | None = None


class IcoDecision(StrEnum):
    """A decision notice's outcome, in the complainant's sense."""

    UPHELD = "upheld"
    PARTLY_UPHELD = "partly_upheld"
    NOT_UPHELD = "not_upheld"


class ExchangeKind(StrEnum):
    COMMISSIONER_REQUEST = "commissioner_request"
    OUR_SUBMISSION = "our_submission"


class IcoExchange(_Model):
    """A request from the Commissioner's office, or a submission we sent."""

    kind: ExchangeKind
    on: dt.date
    due: dt.date | None = None
    summary: str = Field(default="", max_length=50_000)


class IcoStep(_Model):
    """A step the decision notice orders (due 35 calendar days after the notice by default)."""

    text: str = Field(default="", max_length=20_000)
    due: dt.date | None = None
    done_on: dt.date | None = None


class TribunalAppeal(_Model):
    """An appeal against the decision notice to the First-tier Tribunal (Information Rights)."""

    appellant: str = Field(default="", max_length=200)
    lodged_on: dt.date | None = None
    reference: str = Field(default="", max_length=200)
    outcome: str = Field(default="", max_length=20_000)
    decided_on: dt.date | None = None


class IcoComplaint(_Model):
    """A complaint to the Information Commissioner about the linked original case."""

    ico_reference: str = Field(default="", max_length=200)
    received_on: dt.date | None = None
    exchanges: list[IcoExchange] = Field(default_factory=list)
    decision_notice_reference: str = Field(default="", max_length=200)
    decision_notice_on: dt.date | None = None
    decision: IcoDecision | None = None
    steps: list[IcoStep] = Field(default_factory=list)
    appeal: TribunalAppeal | None = None
