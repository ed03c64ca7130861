"""Exemption claims and their reasoning: harm, public interest factors and balance, the s36
qualified person's opinion, the s40(2) legitimate interests test, and combined balances."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import Field, field_validator

from .base import _Model, new_id

CITATION_PATTERN = re.compile(r"^s\d+[A-Z]?(\([0-9A-Za-z]+\))*$")


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


class PublicationPlan(_Model):
    """s22: who intends to publish the information, when, and since when that was settled."""

    publisher: str = ""
    intended: str = ""  # a date or a period, as the letter says it ("in March 2027")
    settled_on: dt.date | None = None  # the intention must be settled when the request arrives


def _citation(value: str) -> str:
    value = value.strip()
    if not CITATION_PATTERN.match(value):
        raise ValueError(f"'{value}' is not a citation; write it like s31(1)(a), s24(2) or s40(5B)")
    return value


class ExemptionClaim(_Model):
    """One use of a provision for some items, to withhold or to neither confirm nor deny.

    ``citation`` is the provision as cited: a limb (s31(1)(a)), or an NCND provision typed as
    the Act writes it (s31(3), s24(2)). ``further_limbs`` are other limbs of the same section
    relied on together, under one harm and one public interest test (s31(1)(a), (b) and (c)).
    The mode belongs to this use, not to the provision: s31(1)(a) may withhold one item while
    another claim neither confirms nor denies another under s31(3).
    """

    id: str = Field(default_factory=new_id)
    citation: str
    further_limbs: list[str] = Field(default_factory=list)
    items: list[int] = Field(default_factory=list)
    mode: ClaimMode = ClaimMode.WITHHOLD
    in_the_alternative: bool = False
    harm: HarmAssessment | None = None
    pit: PublicInterestTest | None = None
    qp_opinion: QualifiedPersonOpinion | None = None
    legitimate_interests: LegitimateInterests | None = None
    publication: PublicationPlan | None = None
    records: dict[str, str] = Field(default_factory=dict)  # answers to the catalogue's prompts
    notes: str = ""

    @field_validator("citation")
    @classmethod
    def _citation_form(cls, value: str) -> str:
        return _citation(value)

    @field_validator("further_limbs")
    @classmethod
    def _limbs_form(cls, value: list[str]) -> list[str]:
        limbs: list[str] = []
        for limb in (_citation(v) for v in value):
            if limb not in limbs:
                limbs.append(limb)
        return limbs

    @property
    def citations(self) -> list[str]:
        """Every provision this claim cites: the citation, then the further limbs."""
        return [self.citation, *(c for c in self.further_limbs if c != self.citation)]

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
