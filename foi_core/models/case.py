"""The Case document: a request and every step of the reasoning about it, its issued letters and
an exported file's marker."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from foi_core.bounds import date_order_problems

from .aftercare import IcoComplaint, InternalReview
from .base import _Model, new_id
from .claims import AggregateBalance, ExemptionClaim
from .copying import CopiedFrom
from .costs import Clarification, CostEstimate, FeesNotice, PITExtension
from .disclosure import DisclosureEntry
from .life import CaseKind, LifeEvent
from .request import Outcome, Request, Requester, RequestItem
from .training import TrainingLink

SCHEMA_VERSION = 4


class IssuedLetter(_Model):
    """A letter that was issued: what identifies it and proves it unchanged.

    The data it was rendered from (its context, requester included) is stored once, in the
    store's ``issued_letters`` table (row ``record_id``), never in the case.
    """

    kind: Literal["response", "pit_extension", "reasoning_record", "review_outcome"] = "response"
    issued_at: dt.datetime
    issued_by: str = ""
    template_name: str
    template_sha256: str
    document_sha256: str
    draft: bool = False
    record_id: int | None = None


class ExportInfo(_Model):
    """The marker of an exported case file; the engine ignores it and the store drops it on
    import. ``letter_contexts`` (issued letters' render data by document SHA-256) is filled only
    when personal data is included; import moves it into the issued letters table."""

    personal_data: bool
    exported_at: dt.datetime | None = None
    exported_by: str = ""
    note: str = ""
    letter_contexts: dict[str, dict] = Field(default_factory=dict)


class CaseStatus(StrEnum):
    """Where a case is in its life: draft -> submitted -> approved (or returned) -> issued ->
    closed. Issued and closed cases are read-only until reopened."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    ISSUED = "issued"
    CLOSED = "closed"


class Case(_Model):
    """A request and every step of the reasoning about it."""

    schema_version: Literal[4] = SCHEMA_VERSION
    id: str = Field(default_factory=new_id)
    status: CaseStatus = CaseStatus.DRAFT
    kind: CaseKind = CaseKind.REQUEST
    # The original request's case id, for an internal review or an ICO complaint.
    linked_case: str | None = Field(default=None, max_length=64)
    # The mailbox ("Name <email>", or the local user's name) of the officer drafting the case.
    assigned_to: str = Field(default="", max_length=400)
    # A demo case (loaded from examples/ by Store.load_demo_cases), for trying the tool; left
    # out of the JSON when false.
    demo: bool = Field(default=False, exclude_if=lambda value: not value)
    life: list[LifeEvent] = Field(default_factory=list)
    review: InternalReview | None = None
    ico: IcoComplaint | None = None
    title: str = ""
    request: Request
    requester: Requester = Field(default_factory=Requester)
    claims: list[ExemptionClaim] = Field(default_factory=list)
    aggregate_balances: list[AggregateBalance] = Field(default_factory=list)
    cost_estimate: CostEstimate | None = None
    pit_extension: PITExtension | None = None
    clarification: Clarification | None = None
    fees_notice: FeesNotice | None = None
    review_requested_on: dt.date | None = None
    response_date: dt.date | None = None
    decision_maker: str = ""
    overall_harm: str = ""
    recheck_steps: list[str] = Field(default_factory=list)
    dismissed_suggestions: list[str] = Field(default_factory=list)
    # A copy's earlier case: what may still describe the earlier request (foi_core.stale).
    copied_from: CopiedFrom | None = Field(default=None, exclude_if=lambda value: value is None)
    issued_letters: list[IssuedLetter] = Field(default_factory=list)
    # A training attempt's scenario, session and trainee (kind "training" only).
    training: TrainingLink | None = Field(default=None, exclude_if=lambda value: value is None)
    # The disclosure log entry of an issued request (left out of the JSON when absent).
    disclosure: DisclosureEntry | None = Field(default=None, exclude_if=lambda value: value is None)
    # Only in exported files (never stored, left out of the JSON when absent).
    export: ExportInfo | None = Field(default=None, exclude_if=lambda value: value is None)

    @model_validator(mode="after")
    def _references_resolve(self) -> Case:
        numbers = {item.number for item in self.request.items}
        for claim in self.claims:
            missing = [n for n in claim.items if n not in numbers]
            if missing:
                raise ValueError(
                    f"exemption {claim.citation} names item(s) {missing}, "
                    "which the request does not have"
                )
        labels = [item.shown_number for item in self.request.items]
        if len(set(labels)) != len(labels):
            repeated = sorted({label for label in labels if labels.count(label) > 1})
            raise ValueError(f"two items are numbered {', '.join(repeated)}; number each once")
        claim_ids = [claim.id for claim in self.claims]
        if len(set(claim_ids)) != len(claim_ids):
            raise ValueError("two exemption claims share the same id")
        for agg in self.aggregate_balances:
            unknown = [cid for cid in agg.claim_ids if cid not in claim_ids]
            if unknown:
                raise ValueError(f"the combined balance names claims that do not exist: {unknown}")
            missing = [n for n in agg.items if n not in numbers]
            if missing:
                raise ValueError(
                    f"the combined balance names item(s) {missing}, which the request does not have"
                )
        return self

    @model_validator(mode="after")
    def _dates_possible(self) -> Case:
        """Dates in an order no real case has (a response before receipt, a fee paid before the
        notice ...) are refused, each at its own field."""
        problems = [
            InitErrorDetails(
                type=PydanticCustomError("impossible_dates", message), loc=loc, input=str(day)
            )
            for loc, day, message in date_order_problems(self)
        ]
        if problems:
            raise ValidationError.from_exception_data("Case", problems)
        return self

    def claim(self, claim_id: str) -> ExemptionClaim:
        """The claim with this id (raises KeyError if there is none)."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    def claims_for_item(self, number: int) -> list[ExemptionClaim]:
        return [claim for claim in self.claims if number in claim.items]

    def items_with(self, *outcomes: Outcome) -> list[RequestItem]:
        return [item for item in self.request.items if item.outcome in outcomes]

    def to_json(self) -> str:
        """Serialise to JSON (the exact inverse of ``Case.from_json``)."""
        return self.model_dump_json(indent=2)

    @classmethod
    def from_json(cls, text: str | bytes) -> Case:
        return cls.model_validate_json(text)
