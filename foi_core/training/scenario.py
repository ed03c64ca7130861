"""A training scenario: a realistic request, the case file a trainee may look up, learning
objectives, the model answer (a full Case) and the rubric the feedback marks an attempt against.

Scenarios are legal knowledge as data: one YAML file each in ``foi_core/training/scenarios/``
(built in) or written by a trainer in the app, validated at load like the catalogue.

Citations in a rubric are written as the Act writes them and as ``ExemptionClaim.citation``
holds them: a limb (``s31(1)(a)``), an NCND provision (``s31(3)``, ``s24(2)``) or, in
``WrongClaim``, a whole section (``s38``) meaning any limb of it.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from foi_core.models import Case, ClaimMode, Conclusion, Likelihood, Outcome

SCENARIO_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,80}$")
SECTION = re.compile(r"^s\d{1,2}[A-Z]?$")


class Level(StrEnum):
    """Who a scenario is for."""

    FIRST_WEEK = "first_week"
    DEVELOPING = "developing"
    EXPERIENCED = "experienced"


LEVEL_LABELS: dict[Level, str] = {
    Level.FIRST_WEEK: "First week",
    Level.DEVELOPING: "Developing",
    Level.EXPERIENCED: "Experienced",
}


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class CaseFileEntry(_Data):
    """One background fact a trainee may look up: what is held, what is already public, what
    the operational lead said about harm ..."""

    title: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=5_000)


class DecisionSource(_Data):
    """The published ICO decision notice a scenario is based on (facts paraphrased)."""

    reference: str = Field(min_length=3, max_length=60)  # e.g. "IC-123456-ABC1" or "FS50123456"
    decided: str = Field(min_length=1, max_length=2_000)  # what the Commissioner decided
    url: str = Field(default="", max_length=500)


class ExpectedClaim(_Data):
    """An exemption an item needs: any one of ``any_of`` (acceptable alternatives, e.g.
    ``s31(1)(a)`` or ``s31(1)(b)``), used in ``mode``. ``likelihoods`` lists the acceptable
    levels of prejudice (empty: either, or the exemption has no harm test); ``balance`` the
    expected conclusion of its public interest test (None: not qualified, or either is
    defensible)."""

    any_of: list[str] = Field(min_length=1)
    mode: ClaimMode = ClaimMode.WITHHOLD
    likelihoods: list[Likelihood] = Field(default_factory=list)
    balance: Conclusion | None = None
    why: str = Field(min_length=1, max_length=2_000)


class WrongClaim(_Data):
    """An exemption that is wrong for an item, and why (shown to the trainee)."""

    citation: str = Field(min_length=2, max_length=40)
    why: str = Field(min_length=1, max_length=2_000)


class ItemRubric(_Data):
    """What is acceptable for one item of the model answer (by its ``number``).

    ``also_acceptable`` lists provisions a trainee may rely on as well without being marked
    for it (another defensible exemption the model answer does not need: s40(2) beside
    s38(1)(a) for addresses); a whole section (``s30``) allows any of its limbs."""

    item: int = Field(ge=1)
    outcomes: list[Outcome] = Field(min_length=1)
    needs: list[ExpectedClaim] = Field(default_factory=list)
    also_acceptable: list[str] = Field(default_factory=list)
    wrong: list[WrongClaim] = Field(default_factory=list)
    why: str = Field(default="", max_length=2_000)  # why these outcomes


class ConsiderationStep(StrEnum):
    """The step where a key consideration belongs (step keys of ``foi_core.steps``)."""

    HARM = "harm"
    PUBLIC_INTEREST = "public_interest"
    BALANCE = "balance"
    ITEMS = "items"


class KeyConsideration(_Data):
    """A point a good answer makes (the mosaic effect, information already public, evidence of
    harm, the weight of national security ...). It is recognised when the attempt's reasoning
    text at ``step`` for ``items`` (all items when empty) contains any one of ``recognised_by``:
    phrases matched as ``foi_core.knowledge.language`` matches words (stemmed, so reworded
    text still counts)."""

    id: str = Field(pattern=r"^[a-z0-9_]{2,60}$")
    title: str = Field(min_length=1, max_length=200)
    why: str = Field(min_length=1, max_length=2_000)
    step: ConsiderationStep
    items: list[int] = Field(default_factory=list)
    recognised_by: list[str] = Field(min_length=1)


class Rubric(_Data):
    """What the feedback marks: each item's acceptable outcomes and exemptions, and the key
    considerations."""

    items: list[ItemRubric] = Field(min_length=1)
    key_considerations: list[KeyConsideration] = Field(default_factory=list)

    @field_validator("items")
    @classmethod
    def _items_once(cls, value: list[ItemRubric]) -> list[ItemRubric]:
        numbers = [entry.item for entry in value]
        if len(set(numbers)) != len(numbers):
            raise ValueError("an item has two rubric entries")
        return value


class Scenario(_Data):
    """One training scenario (see the module's notes)."""

    id: str
    title: str = Field(min_length=1, max_length=200)
    level: Level
    sections: list[str] = Field(min_length=1)  # section level: "s31", "s24" ...
    summary: str = Field(min_length=1, max_length=600)
    learning_objectives: list[str] = Field(min_length=1)
    case_file: list[CaseFileEntry] = Field(min_length=1)
    model_answer: Case
    rubric: Rubric
    source: DecisionSource | None = None
    last_reviewed: str = Field(default="", max_length=20)  # ISO date the content was checked
    built_in: bool = True  # False for a trainer's own scenario, stored in the database

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str) -> str:
        if not SCENARIO_ID.match(value):
            raise ValueError("use lower-case letters, digits and hyphens (e.g. 'anpr-cameras')")
        return value

    @field_validator("sections")
    @classmethod
    def _sections_form(cls, value: list[str]) -> list[str]:
        bad = [section for section in value if not SECTION.match(section)]
        if bad:
            raise ValueError(f"sections are written like 's31', not {bad}")
        return value

    @model_validator(mode="after")
    def _rubric_matches_model(self) -> Scenario:
        numbers = {item.number for item in self.model_answer.request.items}
        ruled = {entry.item for entry in self.rubric.items}
        if ruled != numbers:
            raise ValueError(
                f"the rubric must have one entry per item of the model answer: items "
                f"{sorted(numbers)}, rubric {sorted(ruled)}"
            )
        for point in self.rubric.key_considerations:
            unknown = [n for n in point.items if n not in numbers]
            if unknown:
                raise ValueError(f"key consideration {point.id!r} names unknown items {unknown}")
        return self
