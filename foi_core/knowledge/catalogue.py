"""The catalogue: the validated legal knowledge and the look-ups over it.

``get`` (aliases too), ``ncnd_entries``, ``is_ncnd_provision``, ``by_section``, ``search``,
``suggest``, ``detect_irrelevant``, ``guidance``, ``library_factor``, ``factors_for_claim`` and
``term``. ``loader`` builds it from the YAML files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from foi_core.knowledge.citations import CitationError, normalise_citation, parse_citations
from foi_core.knowledge.schema import (
    Exemption,
    GlossaryEntry,
    IrrelevantFactor,
    LibraryFactor,
    StepGuidance,
    Suggestion,
    cached_pattern,
)
from foi_core.steps import STEP_KEYS

# What search words find on every entry with an NCND provision ('NCND', 'neither confirm').
NCND_WORDS = "ncnd neither confirm nor deny confirm or deny"


def _keyword_pattern(keyword: str) -> str:
    """Whole-word match allowing a plural ending: 'camera' finds 'cameras', not 'cameraman'."""
    return r"\b" + re.escape(keyword) + r"(?:s|es)?\b"


class Catalogue(BaseModel):
    """Everything the app knows about the law, loaded from the YAML files."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    exemptions: list[Exemption]
    general_factors_for: list[LibraryFactor]
    general_factors_against: list[LibraryFactor] = Field(default_factory=list)
    irrelevant_factors: list[IrrelevantFactor]
    steps: dict[str, StepGuidance]
    glossary: list[GlossaryEntry]

    def get(self, citation: str) -> Exemption | None:
        """The entry a citation names, e.g. 's31(1)(a)', or one of its aliases ('s21(1)' gives
        s21); written as people type it ('31(1)(a)', 'S.21(1)') too."""
        wanted = normalise_citation(citation)
        for exemption in self.exemptions:
            if exemption.citation == wanted or wanted in exemption.aliases:
                return exemption
        return None

    def is_ncnd_provision(self, citation: str) -> bool:
        """Whether ``citation`` is a neither-confirm-nor-deny provision ('s31(3)', 's40(5B)')."""
        return bool(self.ncnd_entries(citation))

    def ncnd_entries(self, citation: str) -> list[Exemption]:
        """The entries whose NCND provision ``citation`` is: 's31(3)' gives every s31(1) limb,
        's24(2)' gives s24(1), 's40(5B)' the s40(2) entries ('s40(5B)(a)(i)' ...)."""
        wanted = normalise_citation(citation)
        return [
            e
            for e in self.exemptions
            if e.ncnd_provision
            and (
                e.ncnd_provision == wanted
                or ("(" in wanted and e.ncnd_provision.startswith(wanted + "("))
            )
        ]

    def by_section(self, section: str) -> list[Exemption]:
        """Every entry of one section, e.g. '31' gives s31(1)(a) to s31(1)(i)."""
        wanted = section.strip().removeprefix("s").removeprefix("S")
        return [e for e in self.exemptions if e.section.upper() == wanted.upper()]

    def search(self, query: str) -> list[Exemption]:
        """Entries matching citations ('31', 's31(1)', 's31(1)(a), (b)', an alias) or words.

        An NCND provision ('31(3)', 's24(2)') finds the entries it protects. Words match the
        title, summary, interest and keywords, and 'NCND' / 'neither confirm' / 'confirm or
        deny' every entry with an NCND provision, case-insensitively; every word must match.
        Results keep catalogue order.
        """
        text = query.strip()
        if not text:
            return []
        try:
            citations = parse_citations(text)
        except CitationError:
            citations = []
        if citations:
            found = {e.citation for cited in citations for e in self._cited(cited)}
            return [e for e in self.exemptions if e.citation in found]
        words = [w for w in re.split(r"\s+", text.lower()) if w]
        results = []
        for exemption in self.exemptions:
            ncnd = [NCND_WORDS, exemption.ncnd_provision] if exemption.ncnd_provision else []
            haystack = " ".join(
                [
                    exemption.title,
                    exemption.summary,
                    exemption.interest,
                    *exemption.keywords,
                    *ncnd,
                ]
            ).lower()
            if all(word in haystack for word in words):
                results.append(exemption)
        return results

    def _cited(self, citation: str) -> list[Exemption]:
        """Entries for one normalised citation: the entry or alias, else the entries whose NCND
        provision it is, else every entry under it ('s31' or 's31(1)' gives the limbs)."""
        exact = self.get(citation)
        if exact is not None:
            return [exact]
        protected = self.ncnd_entries(citation)
        if protected:
            return protected
        return [
            e
            for e in self.exemptions
            if e.citation.startswith(citation + "(")
            or any(alias.startswith(citation + "(") for alias in e.aliases)
            or "s" + e.section == citation
        ]

    def suggest(self, text: str) -> list[Suggestion]:
        """Exemptions worth considering for this request text, one per citation.

        Order is the catalogue order; each suggestion names the first of the entry's keywords
        that the text mentions.
        """
        suggestions = []
        for exemption in self.exemptions:
            for keyword in exemption.keywords:
                if cached_pattern(_keyword_pattern(keyword)).search(text):
                    suggestions.append(
                        Suggestion(
                            citation=exemption.citation,
                            reason=f"mentions {keyword}",
                            keyword=keyword,
                        )
                    )
                    break
        return suggestions

    def detect_irrelevant(self, text: str, section: str | None = None) -> list[IrrelevantFactor]:
        """Irrelevant considerations that ``text`` appears to rely on, in any wording. For a
        claim of ``section`` ('38'), those relevant to it are left out (distress on s38)."""
        if not text:
            return []
        return [
            factor
            for factor in self.irrelevant_factors
            if not factor.relevant_for(section) and factor.matches(text)
        ]

    def guidance(self, step_key: str) -> StepGuidance:
        """Guidance for a step key (request, items, exemptions, harm, ...)."""
        try:
            return self.steps[step_key]
        except KeyError:
            raise KeyError(
                f"no guidance for step '{step_key}'; steps are {', '.join(STEP_KEYS)}"
            ) from None

    def library_factor(self, factor_id: str) -> LibraryFactor | None:
        """A factor from the library (any exemption, or general) by its id."""
        for factor in self._all_library_factors():
            if factor.id == factor_id:
                return factor
        return None

    def factors_for_claim(self, citation: str, ncnd: bool = False) -> dict[str, list]:
        """Library factors to offer for a claim: {'for': [...], 'against': [...]}.

        ``ncnd=True`` puts the confirm-or-deny wordings first; general factors come after the
        exemption's own ones on the 'for' side.
        """
        exemption = self.get(citation)
        own_for = list(exemption.factors_for) if exemption else []
        own_against = list(exemption.factors_against) if exemption else []

        def order(factors: list[LibraryFactor]) -> list[LibraryFactor]:
            return sorted(factors, key=lambda f: f.ncnd != ncnd)

        return {
            "for": order(own_for) + list(self.general_factors_for),
            "against": order(own_against) + list(self.general_factors_against),
        }

    def term(self, name: str) -> GlossaryEntry | None:
        for entry in self.glossary:
            if entry.term.lower() == name.strip().lower():
                return entry
        return None

    def _all_library_factors(self) -> Iterable[LibraryFactor]:
        yield from self.general_factors_for
        yield from self.general_factors_against
        for exemption in self.exemptions:
            yield from exemption.all_factors
