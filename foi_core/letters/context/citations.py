"""How a letter cites a claim: its catalogue entry, its section and the provision relied on."""

from __future__ import annotations

from collections.abc import Iterable

from foi_core.knowledge import Exemption, load_catalogue
from foi_core.models import ClaimMode, ExemptionClaim

from ..text import join_words, provision


def exemption(claim: ExemptionClaim) -> Exemption | None:
    """The claim's catalogue entry, None for a provision not in the catalogue."""
    return load_catalogue().get(claim.citation)


def section(citation: str) -> str:
    """The section number alone: '31' for 's31(1)(a)'."""
    digits = provision(citation)
    return digits.split("(", 1)[0]


def is_procedural(claim: ExemptionClaim) -> bool:
    """A s12 or s14 refusal rather than an exemption."""
    entry = exemption(claim)
    if entry is not None:
        return entry.kind == "procedural"
    return section(claim.citation) in {"12", "14"}


def substantive_citation(claim: ExemptionClaim, entry: Exemption | None) -> str:
    """'section 31(1)(a)' (or the catalogue's cite_as, e.g. for s40(2))."""
    return entry.letter_citation if entry else "section " + provision(claim.citation)


def cited(claim: ExemptionClaim, entry: Exemption | None) -> str:
    """The provision the letter relies on: the NCND provision for an NCND claim."""
    if claim.mode is ClaimMode.NCND and entry is not None and entry.ncnd_provision:
        return "section " + provision(entry.ncnd_provision)
    return substantive_citation(claim, entry)


def citations(claims: Iterable[ExemptionClaim], ncnd: bool | None = None) -> str:
    """'sections 24(2) and 31(3)' for the given claims (deduplicated, in order)."""
    found: list[str] = []
    for claim in claims:
        if ncnd is not None and (claim.mode is ClaimMode.NCND) != ncnd:
            continue
        text = cited(claim, exemption(claim))
        if text not in found:
            found.append(text)
    if len(found) > 1 and all(c.startswith("section ") for c in found):
        return "sections " + join_words([c.removeprefix("section ") for c in found])
    return join_words(found)
