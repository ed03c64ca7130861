"""The Case document: one pydantic model holding a request and every step of its reasoning.

The Case is the single source of truth. Storage saves it whole as JSON; pages, the checker and
the letter only read and write it. Requester details (personal data) live in ``Case.requester``,
apart from the reasoning, so reasoning pages can stay applicant-blind.

Modules: ``base`` (the base of every part: values cleaned, unknown fields refused), ``request``
(items, outcomes, requester), ``claims`` (exemption claims, harm, public interest, s36, s40(2),
combined balances), ``costs`` (s12 estimate, extension, clarification, fees), ``case`` (Case,
issued letters, export marker), ``profile`` (OrganisationProfile) and ``problems`` (validation
errors in plain English). Import every name from ``foi_core.models``.
"""

from foi_core import bounds

from .aftercare import (
    ExchangeKind,
    IcoComplaint,
    IcoDecision,
    IcoExchange,
    IcoStep,
    InternalReview,
    PartReview,
    ReviewedPart,
    ReviewOutcome,
    ReviewReason,
    TribunalAppeal,
    Verdict,
)
from .base import _Model, new_id
from .case import SCHEMA_VERSION, Case, CaseStatus, ExportInfo, IssuedLetter
from .claims import (
    CITATION_PATTERN,
    LIKELIHOOD_LABELS,
    WEIGHT_POINTS,
    AggregateBalance,
    Balance,
    ClaimMode,
    Conclusion,
    ExemptionClaim,
    Factor,
    HarmAssessment,
    LegitimateInterests,
    Likelihood,
    PublicationPlan,
    PublicInterestTest,
    QualifiedPersonOpinion,
    Side,
    Weight,
)
from .copying import CopiedFrom, CopiedValue
from .costs import (
    Clarification,
    CostActivity,
    CostEstimate,
    CostLine,
    ExtensionStatus,
    FeesNotice,
    PITExtension,
)
from .disclosure import DisclosureEntry
from .life import CaseKind, LifeEvent, LifeEventKind
from .problems import FieldProblem, explain_errors, field_label
from .profile import OrganisationProfile
from .request import OUTCOME_LABELS, WITHHELD_OUTCOMES, Outcome, Request, Requester, RequestItem
from .training import TrainingLink

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

__all__ = [
    "ACT_IN_FORCE",
    "CITATION_PATTERN",
    "LIKELIHOOD_LABELS",
    "MAX_HOURLY_RATE",
    "MAX_ITEMS",
    "MAX_LIMIT_POUNDS",
    "MAX_MINUTES_EACH",
    "MAX_RECORDS",
    "OUTCOME_LABELS",
    "SCHEMA_VERSION",
    "WEIGHT_POINTS",
    "WITHHELD_OUTCOMES",
    "YEARS_AHEAD",
    "AggregateBalance",
    "Balance",
    "Case",
    "CaseKind",
    "CaseStatus",
    "ClaimMode",
    "Clarification",
    "Conclusion",
    "CopiedFrom",
    "CopiedValue",
    "CostActivity",
    "CostEstimate",
    "CostLine",
    "DisclosureEntry",
    "ExchangeKind",
    "ExemptionClaim",
    "ExportInfo",
    "ExtensionStatus",
    "Factor",
    "FeesNotice",
    "FieldProblem",
    "HarmAssessment",
    "IcoComplaint",
    "IcoDecision",
    "IcoExchange",
    "IcoStep",
    "InternalReview",
    "IssuedLetter",
    "LegitimateInterests",
    "LifeEvent",
    "LifeEventKind",
    "Likelihood",
    "OrganisationProfile",
    "Outcome",
    "PITExtension",
    "PartReview",
    "PublicInterestTest",
    "PublicationPlan",
    "QualifiedPersonOpinion",
    "Request",
    "RequestItem",
    "Requester",
    "ReviewOutcome",
    "ReviewReason",
    "ReviewedPart",
    "Side",
    "TrainingLink",
    "TribunalAppeal",
    "Verdict",
    "Weight",
    "_Model",
    "clean_text",
    "explain_errors",
    "field_label",
    "latest_date",
    "new_id",
    "pinned_today",
    "today",
]
