"""The Case document: one pydantic model holding a request and every step of its reasoning.

The Case is the single source of truth. Storage saves it whole as JSON; pages, the checker and
the letter only read and write it. Requester details (personal data) live in ``Case.requester``,
apart from the reasoning, so reasoning pages can stay applicant-blind.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from enum import StrEnum
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from foi_core import bounds
from foi_core.bounds import clean_value, date_order_problems, plain_date

# The bounds of a real case (foi_core.bounds), re-exported: code imports them from here.
ACT_IN_FORCE = bounds.ACT_IN_FORCE
YEARS_AHEAD = bounds.YEARS_AHEAD
MAX_ITEMS = bounds.MAX_ITEMS
MAX_RECORDS = bounds.MAX_RECORDS
MAX_MINUTES_EACH = bounds.MAX_MINUTES_EACH
MAX_HOURLY_RATE = bounds.MAX_HOURLY_RATE
MAX_LIMIT_POUNDS = bounds.MAX_LIMIT_POUNDS
clean_text = bounds.clean_text
latest_date = bounds.latest_date
pinned_today = bounds.pinned_today
today = bounds.today

SCHEMA_VERSION = 2

CITATION_PATTERN = re.compile(r"^s\d+[A-Z]?(\(\w+\))*$")


def new_id() -> str:
    """A short random identifier for cases, claims and factors."""
    return uuid.uuid4().hex[:12]


class _Model(BaseModel):
    """Base of every case part: unknown fields refused, assignments validated, and every value
    checked by ``bounds.clean_value`` (no NUL, lone surrogate, non-finite number or impossible date;
    control characters removed)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _clean_typed_text(cls, value: Any) -> Any:
        # Before the field's own checks, so "\x1b" counts as empty text for min_length.
        if isinstance(value, str):
            return clean_text(value)
        if isinstance(value, list):
            return [clean_text(e) if isinstance(e, str) else e for e in value]
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _no_impossible_values(cls, value: Any) -> Any:
        return clean_value(value)


# --- Request and items -----------------------------------------------------------------------


class Outcome(StrEnum):
    """What happens to one numbered item of the request."""

    DISCLOSED = "disclosed"
    PARTLY_DISCLOSED = "partly_disclosed"
    NOT_HELD = "not_held"
    ACCESSIBLE_ELSEWHERE = "accessible_elsewhere"
    EXEMPT = "exempt"
    NCND = "ncnd"
    COST_LIMIT = "cost_limit"
    VEXATIOUS = "vexatious"
    REPEATED = "repeated"


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.DISCLOSED: "Disclosed in full",
    Outcome.PARTLY_DISCLOSED: "Partly disclosed (the rest withheld)",
    Outcome.NOT_HELD: "Not held",
    Outcome.ACCESSIBLE_ELSEWHERE: "Reasonably accessible elsewhere (s21)",
    Outcome.EXEMPT: "Withheld under an exemption",
    Outcome.NCND: "Neither confirm nor deny",
    Outcome.COST_LIMIT: "Refused: cost limit (s12)",
    Outcome.VEXATIOUS: "Refused: vexatious (s14(1))",
    Outcome.REPEATED: "Refused: repeated (s14(2))",
}

# Outcomes whose items need an exemption claim (withholding or NCND).
WITHHELD_OUTCOMES = frozenset({Outcome.EXEMPT, Outcome.PARTLY_DISCLOSED, Outcome.NCND})


class RequestItem(_Model):
    """One numbered question or part of the request."""

    number: int = Field(ge=1, le=MAX_ITEMS)
    text: str = Field(min_length=1)
    outcome: Outcome | None = None
    searches: str = ""
    answer: str = ""
    where_to_find: str = ""
    notes: str = ""


class Requester(_Model):
    """Personal data of the requester, kept apart from the reasoning."""

    name: str = ""
    contact: str = ""
    address: str = ""


class Request(_Model):
    """The request as received, split into numbered items."""

    our_ref: str = Field(min_length=1)
    their_ref: str = ""
    received: dt.date
    text: str = ""
    items: list[RequestItem] = Field(default_factory=list)
    searches: str = ""

    @field_validator("our_ref")
    @classmethod
    def _ref_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("our reference cannot be blank")
        return value

    @field_validator("received")
    @classmethod
    def _received_by_today(cls, value: dt.date) -> dt.date:
        if value > today():
            raise ValueError(
                f"A request cannot be received after today ({plain_date(today())}); check the date"
            )
        return value

    @model_validator(mode="after")
    def _items_numbered_in_order(self) -> Request:
        numbers = [item.number for item in self.items]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"items must be numbered 1, 2, 3 ... in order; found {numbers}")
        return self

    def item(self, number: int) -> RequestItem:
        """The item with this number (raises KeyError if there is none)."""
        for item in self.items:
            if item.number == number:
                return item
        raise KeyError(number)


# --- Exemption claims, harm and the public interest test ----------------------------------------


class ClaimMode(StrEnum):
    """Whether a provision is used to withhold information or to neither confirm nor deny."""

    WITHHOLD = "withhold"
    NCND = "ncnd"


class Likelihood(StrEnum):
    """The two statutory levels of likelihood of prejudice (or endangerment)."""

    WOULD = "would"
    WOULD_BE_LIKELY = "would_be_likely_to"


LIKELIHOOD_LABELS: dict[Likelihood, str] = {
    Likelihood.WOULD: "would",
    Likelihood.WOULD_BE_LIKELY: "would be likely to",
}


class HarmAssessment(_Model):
    """The prejudice test for one claim; for an NCND claim, the harm of confirming or denying."""

    interest: str = ""
    causal_chain: str = ""
    likelihood: Likelihood | None = None
    mosaic: str = ""
    precedent: str = ""
    evidence: str = ""
    prompt_answers: dict[str, str] = Field(default_factory=dict)


class Side(StrEnum):
    """Which way a public interest factor points."""

    FOR = "for"  # favours disclosure (or confirming or denying)
    AGAINST = "against"  # favours maintaining the exemption (or the exclusion)


class Weight(StrEnum):
    """How much a factor weighs in the balance."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


WEIGHT_POINTS: dict[Weight, int] = {Weight.LOW: 1, Weight.MODERATE: 2, Weight.HIGH: 3}


class Factor(_Model):
    """A public interest factor, picked from the library (``library_id``) or written fresh."""

    id: str = Field(default_factory=new_id)
    side: Side
    text: str = Field(min_length=1)
    rationale: str = ""
    weight: Weight = Weight.MODERATE
    library_id: str | None = None


class Conclusion(StrEnum):
    """The result of a balance."""

    MAINTAIN = "maintain"  # public interest in maintaining the exemption outweighs disclosure
    DISCLOSE = "disclose"  # it does not: disclose (or confirm or deny)


class Balance(_Model):
    """The conclusion of a public interest test and who reached it."""

    conclusion: Conclusion
    reasoning: str = ""
    decided_by: str = ""
    decided_on: dt.date | None = None


class PublicInterestTest(_Model):
    """Factors for and against, and the balance, for one qualified claim."""

    factors: list[Factor] = Field(default_factory=list)
    balance: Balance | None = None

    @property
    def factors_for(self) -> list[Factor]:
        return [f for f in self.factors if f.side is Side.FOR]

    @property
    def factors_against(self) -> list[Factor]:
        return [f for f in self.factors if f.side is Side.AGAINST]


class QualifiedPersonOpinion(_Model):
    """The s36 opinion of the qualified person: without it s36 is not engaged."""

    name: str = ""
    role: str = ""
    opinion_date: dt.date | None = None
    limb: str = ""
    reasons: str = ""


class LegitimateInterests(_Model):
    """The s40(2) first-condition record: legitimate interest, necessity, balance."""

    legitimate_interest: str = ""
    necessity: str = ""
    balancing: str = ""
    disclosure_lawful: bool | None = None


class ExemptionClaim(_Model):
    """One provision relied on for some items, to withhold or to neither confirm nor deny."""

    id: str = Field(default_factory=new_id)
    citation: str
    items: list[int] = Field(default_factory=list)
    mode: ClaimMode = ClaimMode.WITHHOLD
    in_the_alternative: bool = False
    harm: HarmAssessment | None = None
    pit: PublicInterestTest | None = None
    qp_opinion: QualifiedPersonOpinion | None = None
    legitimate_interests: LegitimateInterests | None = None
    notes: str = ""

    @field_validator("citation")
    @classmethod
    def _citation_form(cls, value: str) -> str:
        value = value.strip()
        if not CITATION_PATTERN.match(value):
            raise ValueError(
                f"'{value}' is not a citation; write it like s31(1)(a), s24(2) or s40(5B)"
            )
        return value

    @field_validator("items")
    @classmethod
    def _items_unique_sorted(cls, value: list[int]) -> list[int]:
        return sorted(set(value))


class AggregateBalance(_Model):
    """A combined balance across qualified claims on the same items ([2025] UKSC 27)."""

    id: str = Field(default_factory=new_id)
    claim_ids: list[str] = Field(min_length=2)
    items: list[int] = Field(default_factory=list)
    conclusion: Conclusion
    reasoning: str = ""
    decided_by: str = ""
    decided_on: dt.date | None = None


# --- Cost limit, time limits, letters ---------------------------------------------------------


class CostActivity(StrEnum):
    """The only activities that may be counted towards the s12 limit (Fees Regulations reg 4(3))."""

    DETERMINE = "determine"
    LOCATE = "locate"
    RETRIEVE = "retrieve"
    EXTRACT = "extract"


class CostLine(_Model):
    """One line of a cost estimate: records x minutes each."""

    activity: CostActivity
    description: str = ""
    records: int = Field(ge=0, le=MAX_RECORDS)
    minutes_each: float = Field(ge=0, le=MAX_MINUTES_EACH)

    @property
    def minutes(self) -> float:
        return self.records * self.minutes_each


class CostEstimate(_Model):
    """The s12 estimate with the s16 advice on narrowing the request."""

    lines: list[CostLine] = Field(default_factory=list)
    hourly_rate: float = Field(default=25.0, gt=0, le=MAX_HOURLY_RATE)
    limit_pounds: float = Field(default=450.0, gt=0, le=MAX_LIMIT_POUNDS)
    method: str = ""
    s16_advice: str = ""

    @property
    def total_hours(self) -> float:
        return sum(line.minutes for line in self.lines) / 60

    @property
    def total_cost(self) -> float:
        return self.total_hours * self.hourly_rate

    @property
    def limit_hours(self) -> float:
        return self.limit_pounds / self.hourly_rate

    @property
    def exceeds_limit(self) -> bool:
        return self.total_cost > self.limit_pounds


class ExtensionStatus(StrEnum):
    PLANNED = "planned"
    NOTIFIED = "notified"
    COMPLETED = "completed"


class PITExtension(_Model):
    """A s10(3) extension to consider the public interest, notified under s17(2)."""

    estimated_date: dt.date
    decision_maker: str = ""
    reason: str = ""
    status: ExtensionStatus = ExtensionStatus.PLANNED
    notified_on: dt.date | None = None
    completed_on: dt.date | None = None


class Clarification(_Model):
    """A s1(3) request for clarification: the clock restarts when the answer arrives."""

    asked_on: dt.date
    received_on: dt.date | None = None


class FeesNotice(_Model):
    """A fees notice: the clock pauses from issue until payment (s10(2))."""

    issued_on: dt.date
    paid_on: dt.date | None = None


class IssuedLetter(_Model):
    """A letter that was issued: what identifies it and proves it unchanged.

    The data it was rendered from (its context, requester included) is stored once, in the
    store's ``issued_letters`` table (row ``record_id``), never in the case.
    """

    kind: Literal["response", "pit_extension", "reasoning_record"] = "response"
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
    DRAFT = "draft"
    ISSUED = "issued"
    CLOSED = "closed"


class Case(_Model):
    """A request and every step of the reasoning about it."""

    schema_version: Literal[2] = SCHEMA_VERSION
    id: str = Field(default_factory=new_id)
    status: CaseStatus = CaseStatus.DRAFT
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
    issued_letters: list[IssuedLetter] = Field(default_factory=list)
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


class OrganisationProfile(_Model):
    """Organisation-specific text for letters: a setting, never hard-coded wording."""

    name: str = "Example Constabulary"
    unit: str = "Freedom of Information Unit"
    address: str = "Police Headquarters\nExample Road\nExampletown EX1 1AA"
    email: str = "foi@example.police.uk"
    phone: str = ""
    website: str = ""
    is_government_department: bool = False
    review_procedure: str = (
        "If you are unhappy with how we handled your request, you may ask for an internal "
        "review. Please write to the Freedom of Information Unit at the address above within "
        "40 working days of the date of this letter, explaining what you would like us to look "
        "at again. A member of staff who was not involved in the original decision will carry "
        "out the review, normally within 20 working days."
    )
    ico_details: str = (
        "If you remain dissatisfied after our review, you have the right under section 50 of "
        "the Act to complain to the Information Commissioner's Office, Wycliffe House, Water "
        "Lane, Wilmslow, Cheshire SK9 5AF; telephone 0303 123 1113; online at "
        "https://ico.org.uk/make-a-complaint/. The Commissioner will usually expect you to "
        "have asked for an internal review first."
    )
    copyright_notice: str = (
        "The information we supply remains protected by copyright, owned by us or by the third "
        "party who supplied it. You may use it for your own purposes, including non-commercial "
        "research and news reporting. Any other re-use, for example publishing or selling it, "
        "needs the copyright owner's permission; please contact us for advice."
    )
    signatory_name: str = ""
    signatory_role: str = "Freedom of Information Officer"
    logo_png_base64: str = ""


# --- Plain-English validation errors ------------------------------------------------------------


class FieldProblem(BaseModel):
    """One validation problem: the field it belongs to and a plain-English message."""

    field: str
    message: str


_FIELD_NAMES = {
    "our_ref": "our reference",
    "their_ref": "your reference",
    "received": "date received",
    "text": "text",
    "citation": "citation",
    "records": "number of records",
    "minutes_each": "minutes per record",
    "estimated_date": "estimated decision date",
    "asked_on": "date clarification was asked for",
    "received_on": "date the clarification arrived",
    "issued_on": "date the fees notice was issued",
    "paid_on": "date the fee was paid",
    "review_requested_on": "date the review was asked for",
    "response_date": "date of the response",
}


def _plain_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "This is required."
    if kind == "string_too_short":
        return "This cannot be empty."
    if kind.startswith("date"):
        return "Enter a real date as YYYY-MM-DD, for example 2026-03-14."
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "Enter a whole number."
    if kind in {"float_parsing", "float_type"}:
        return "Enter a number."
    if kind == "finite_number":
        return "Enter an ordinary number (not infinity or NaN)."
    if kind == "greater_than_equal":
        return f"This must be {_number(ctx.get('ge'))} or more."
    if kind == "greater_than":
        return f"This must be more than {_number(ctx.get('gt'))}."
    if kind == "less_than_equal":
        return f"This must be {_number(ctx.get('le'))} or less; check the figure."
    if kind == "less_than":
        return f"This must be less than {_number(ctx.get('lt'))}; check the figure."
    if kind == "enum":
        return f"Choose one of: {ctx.get('expected', 'the listed options')}."
    if kind == "extra_forbidden":
        return "This field is not part of a case; remove it."
    if kind == "too_short":
        return f"Choose at least {ctx.get('min_length')}."
    message = str(error.get("msg", "This value is not valid."))
    return message.removeprefix("Value error, ").rstrip(".") + "."


def _number(value: object) -> str:
    """10000000 -> '10,000,000'; 0.5 -> '0.5'."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        whole = float(value).is_integer() and abs(value) < 1e15
        return f"{int(value):,}" if whole else f"{value:g}"
    return str(value)


def explain_errors(error: ValidationError) -> list[FieldProblem]:
    """Turn a pydantic ValidationError into plain-English problems, each naming its field."""
    problems = []
    for item in error.errors():
        loc = [str(part) for part in item.get("loc", ())]
        field = ".".join(loc) if loc else "case"
        problems.append(FieldProblem(field=field, message=_plain_message(item)))
    return problems


def field_label(field: str) -> str:
    """A readable label for a dotted field path, e.g. 'request.our_ref' -> 'our reference'."""
    last = field.rsplit(".", 1)[-1]
    return _FIELD_NAMES.get(last, last.replace("_", " "))
