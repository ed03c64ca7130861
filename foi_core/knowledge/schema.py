"""The shape of the legal knowledge: one pydantic model per kind of entry in the YAML files.

Each model forbids unknown fields and is frozen. Checks that span fields or entries (an absolute
exemption has no public interest test, factor ids are unique ...) live in ``checks``.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from foi_core.knowledge.language import concept_found, load_language
from foi_core.models import CITATION_PATTERN

TestType = Literal[
    "class", "prejudice", "endangerment", "national_security", "qualified_person", "procedural"
]

# Tests whose claims need the full harm assessment (interest, causal chain, likelihood).
HARM_TESTS: frozenset[str] = frozenset({"prejudice", "endangerment"})
# The harm prompts that map onto HarmAssessment fields; prejudice-type entries must have them all.
CORE_HARM_PROMPT_IDS: tuple[str, ...] = (
    "interest",
    "causal_chain",
    "likelihood",
    "mosaic",
    "precedent",
    "evidence",
)

_PATTERNS: dict[str, re.Pattern[str]] = {}


def cached_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled case-insensitively, once per process."""
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        compiled = _PATTERNS[pattern] = re.compile(pattern, re.IGNORECASE)
    return compiled


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HarmPrompt(_Data):
    """A question the officer must answer when assessing harm."""

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    help: str = ""


class LibraryFactor(_Data):
    """A ready-made public interest factor the officer can pick and adapt."""

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    rationale: str = ""
    ncnd: bool = False  # the wording is about confirming or denying, not about disclosing


class RecordPrompt(_Data):
    """Something a claim under this exemption must record, by the exemption's own test (e.g.
    s38: whose health or safety would be endangered). Claims keep the answers in
    ``ExemptionClaim.records`` keyed by ``id``."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    question: str = Field(min_length=1)
    help: str = ""
    in_letter: bool  # the answer is printed in the letter (else: reasoning record only)
    required: bool = True


class Exemption(_Data):
    """One provision of the Act at the level the law uses (e.g. s31(1)(a))."""

    citation: str
    aliases: list[str] = Field(default_factory=list)  # other ways letters cite it: s21(1)
    section: str
    title: str = Field(min_length=1)
    kind: Literal["exemption", "procedural"] = "exemption"
    absolute: bool
    test: TestType
    ncnd_provision: str | None = None
    pit_required: bool
    ncnd_pit_optional: bool = False  # e.g. s40(5B): a PIT may be recorded though none is required
    interest: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    harm_prompts: list[HarmPrompt] = Field(default_factory=list)
    record_prompts: list[RecordPrompt] = Field(default_factory=list)
    factors_for: list[LibraryFactor] = Field(default_factory=list)
    factors_against: list[LibraryFactor] = Field(default_factory=list)
    police_examples: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    cite_as: str = ""  # how a letter names it when the citation alone is not enough
    source_url: str
    keywords: list[str] = Field(default_factory=list)
    verified: bool = True

    @field_validator("citation", "ncnd_provision")
    @classmethod
    def _citation_form(cls, value: str | None) -> str | None:
        if value is not None and not CITATION_PATTERN.match(value):
            raise ValueError(f"'{value}' is not a citation like s31(1)(a)")
        return value

    @field_validator("aliases")
    @classmethod
    def _alias_form(cls, values: list[str]) -> list[str]:
        for value in values:
            cls._citation_form(value)
        return values

    @property
    def qualified(self) -> bool:
        """A qualified exemption: engaged, it still needs a public interest test."""
        return self.kind == "exemption" and not self.absolute

    @property
    def needs_harm_test(self) -> bool:
        """Whether a claim must record interest, causal chain and likelihood (prejudice, s38)."""
        return self.test in HARM_TESTS

    @property
    def letter_citation(self) -> str:
        """How the letter names the provision, e.g. 'section 31(1)(a)'."""
        return self.cite_as or "section " + self.citation.removeprefix("s")

    @property
    def all_factors(self) -> list[LibraryFactor]:
        return [*self.factors_for, *self.factors_against]


class IrrelevantFactor(_Data):
    """A consideration the public interest test must ignore: a language concept (see
    ``language.yaml``) and/or extra phrases (regular expressions) that reveal it, and the
    sections for which it is in fact relevant (distress is the very interest of s38)."""

    id: str = Field(min_length=1)
    label: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    concept: str | None = None
    phrases: list[str] = Field(default_factory=list)
    relevant_for_sections: list[str] = Field(default_factory=list)
    source: str = ""

    @field_validator("concept")
    @classmethod
    def _known_concept(cls, value: str | None) -> str | None:
        if value is not None and value not in load_language().compiled:
            raise ValueError(f"'{value}' is not a concept in language.yaml")
        return value

    @model_validator(mode="after")
    def _something_to_match(self) -> IrrelevantFactor:
        if self.concept is None and not self.phrases:
            raise ValueError("needs a concept or at least one phrase")
        return self

    def relevant_for(self, section: str | None) -> bool:
        """Whether the consideration is relevant to claims of ``section`` ('38', 's38(1)')."""
        if not section:
            return False
        match = re.match(r"\s*(?:s|section\s*)?(\d+[A-Z]?)", section, re.IGNORECASE)
        return bool(match) and match.group(1).upper() in {
            s.upper().removeprefix("S") for s in self.relevant_for_sections
        }

    def matches(self, text: str) -> bool:
        """Whether ``text`` expresses the concept, or any phrase (a regular expression matched
        case-insensitively from a word boundary) occurs in it."""
        if self.concept is not None and concept_found(self.concept, text):
            return True
        return any(cached_pattern(r"\b" + phrase).search(text) for phrase in self.phrases)


class StepGuidance(_Data):
    """Plain-English guidance for one step of the wizard."""

    title: str = Field(min_length=1)
    what_the_law_asks: str = Field(min_length=1)
    why: str = Field(min_length=1)
    provision: str = Field(min_length=1)
    tips: list[str] = Field(default_factory=list)
    # The guided example's box: what to do on this step, in two or three sentences.
    guided: str = ""


class GlossaryEntry(_Data):
    term: str = Field(min_length=1)
    meaning: str = Field(min_length=1)


class Suggestion(_Data):
    """An exemption worth considering because the request text mentions a keyword."""

    citation: str
    reason: str
    keyword: str
