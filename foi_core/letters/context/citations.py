"""How a letter cites a claim, asking ``foi_core.reasoning.provision_of`` what it relies on."""

from __future__ import annotations

from collections.abc import Iterable

from foi_core.knowledge import Exemption
from foi_core.models import ExemptionClaim
from foi_core.reasoning import provision_of

from ..text import act_citations, join_words, provision


def exemption(claim: ExemptionClaim) -> Exemption | None:
    """The claim's first limb in the catalogue, None when the catalogue knows none."""
    return provision_of(claim).entry


def section(citation: str) -> str:
    """The section number alone: '31' for 's31(1)(a)'."""
    digits = provision(citation)
    return digits.split("(", 1)[0]


def is_procedural(claim: ExemptionClaim) -> bool:
    """A s12 or s14 refusal rather than an exemption."""
    found = provision_of(claim)
    if found.entries:
        return found.procedural
    return section(claim.citation) in {"12", "14"}


def substantive_citation(claim: ExemptionClaim, entry: Exemption | None = None) -> str:
    """The limbs relied on: 'section 31(1)(a) and (b)' (or the catalogue's cite_as, for s40(2))."""
    found = provision_of(claim)
    entry = found.entry
    single = len(found.entries) == 1 and entry is not None
    if single and entry.cite_as and found.limbs in ([entry.citation], []):
        return entry.letter_citation
    return act_citations(found.limbs or claim.citations)


def cited(claim: ExemptionClaim, entry: Exemption | None = None) -> str:
    """The provisions the letter relies on: the NCND provisions for an NCND use ('section
    31(3)'), else the limbs."""
    found = provision_of(claim)
    if not found.ncnd:
        return substantive_citation(claim)
    return act_citations(found.cited)


def citations(claims: Iterable[ExemptionClaim], ncnd: bool | None = None) -> str:
    """'sections 24(2) and 31(3)' for the given claims (each provision once, in order)."""
    plain: list[str] = []
    own_words: list[str] = []
    for claim in claims:
        found = provision_of(claim)
        if ncnd is not None and found.ncnd != ncnd:
            continue
        text = cited(claim)
        if found.entry is not None and found.entry.cite_as and text == found.entry.cite_as:
            if text not in own_words:  # the catalogue's own form, kept whole
                own_words.append(text)
        else:
            plain += found.cited if found.ncnd else found.limbs or claim.citations
    parts = [act_citations(plain)] if plain else []
    return join_words(parts + own_words)
