"""What one claim relies on: its catalogue entries, its mode, and how it is cited.

A claim cites a limb (s31(1)(a)), several limbs of one section cited together (s31(1)(a), (b)
and (c)), or an NCND provision as the Act writes it (s31(3), s24(2)). Everything that asks "what
does this claim rely on?" (the checker, the stepper, the letter, the pages) asks ``provision_of``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from foi_core.models import ClaimMode, ExemptionClaim

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue, Exemption


@dataclass(frozen=True)
class ClaimProvision:
    """A claim's provisions as the catalogue knows them."""

    claim: ExemptionClaim
    entries: tuple[Exemption, ...]  # the limbs relied on (each once, in citation order)
    unknown: tuple[str, ...]  # citations the catalogue does not know
    ncnd_typed: tuple[str, ...]  # NCND provisions cited directly (s31(3))

    @property
    def entry(self) -> Exemption | None:
        """The first limb relied on (None when the catalogue knows none)."""
        return self.entries[0] if self.entries else None

    @property
    def ncnd(self) -> bool:
        """Whether this use neither confirms nor denies."""
        return self.claim.mode is ClaimMode.NCND

    @property
    def section(self) -> str:
        return self.entry.section if self.entry else ""

    @property
    def cited(self) -> list[str]:
        """The citations the letter relies on, in order: for an NCND use the NCND provisions
        (s31(3)), else the limbs (s31(1)(a), s31(1)(b))."""
        if not self.ncnd:
            return [c for c in self.claim.citations if c not in self.ncnd_typed]
        found: list[str] = list(self.ncnd_typed)
        for entry in self.entries:
            provision = entry.ncnd_provision or entry.citation
            if provision not in found:
                found.append(provision)
        return found or list(self.claim.citations)

    @property
    def limbs(self) -> list[str]:
        """The substantive limbs named (not the NCND provisions), e.g. ['s31(1)(a)']."""
        return [c for c in self.claim.citations if c not in self.ncnd_typed]

    @property
    def absolute(self) -> bool:
        return bool(self.entries) and all(e.absolute for e in self.entries)

    @property
    def procedural(self) -> bool:
        return bool(self.entries) and all(e.kind == "procedural" for e in self.entries)

    @property
    def pit_required(self) -> bool:
        """A public interest test is needed (also when the catalogue knows no limb: nothing is
        skipped by mistake, and the checker reports the unknown citation)."""
        return not self.entries or any(e.pit_required for e in self.entries)

    @property
    def harm_test(self) -> bool:
        """The limbs set a prejudice-style test (interest, causal chain, likelihood)."""
        return any(e.needs_harm_test for e in self.entries)

    @property
    def qualified_person(self) -> bool:
        return any(e.test == "qualified_person" for e in self.entries)

    @property
    def interest(self) -> str:
        """The interests the limbs protect, joined."""
        interests: list[str] = []
        for entry in self.entries:
            if entry.interest not in interests:
                interests.append(entry.interest)
        return "; ".join(interests)


def provision_of(claim: ExemptionClaim, catalogue: Catalogue | None = None) -> ClaimProvision:
    """The catalogue's view of ``claim``."""
    from .needs import resolve_catalogue

    cat = resolve_catalogue(catalogue)
    entries: list[Exemption] = []
    unknown: list[str] = []
    typed: list[str] = []
    for citation in claim.citations:
        entry = cat.get(citation)
        if entry is not None:
            found = [entry]
        elif cat.is_ncnd_provision(citation):
            typed.append(citation)
            named = any(cat.get(c) is not None for c in claim.citations)
            found = [] if named else cat.ncnd_entries(citation)[:1]
        else:
            unknown.append(citation)
            found = []
        entries += [e for e in found if e not in entries]
    return ClaimProvision(claim, tuple(entries), tuple(unknown), tuple(typed))
