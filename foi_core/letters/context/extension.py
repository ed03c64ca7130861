"""The s17(2) extension letter's context: more time is needed for the public interest test."""

from __future__ import annotations

from foi_core.deadlines import due_date
from foi_core.models import Case, OrganisationProfile

from ..errors import LetterDataError
from ..text import letter_date, printable
from .answers import shown_numbers
from .citations import exemption, is_procedural
from .claims import claim_views
from .header import header_context
from .views import ClaimLineView, HeaderContext


class PitExtensionContext(HeaderContext):
    """Letter fields only (``foi_core.letters.reach``): the claims are named, not argued, and
    who decided on the extension stays in the reasoning record."""

    engaged_claims: list[ClaimLineView]
    estimated_date: str
    original_due: str
    reason: str


def build_pit_extension_context(case: Case, profile: OrganisationProfile) -> PitExtensionContext:
    """The s17(2) extension letter's context (the case must have a PIT extension recorded)."""
    extension = case.pit_extension
    if extension is None:
        raise LetterDataError(
            "This case has no public interest test extension recorded, so there is no extension "
            "letter to write. Record the estimated decision date first."
        )
    header = header_context(
        "pit_extension", "We need more time to consider the public interest", case, profile, False
    )
    qualified = [
        claim
        for claim in case.claims
        if not is_procedural(claim) and ((entry := exemption(claim)) is None or entry.qualified)
    ]
    return PitExtensionContext(
        **dict(header),
        engaged_claims=[
            ClaimLineView(heading=v.heading, reference_note=v.reference_note, questions=v.questions)
            for v in claim_views(qualified, shown_numbers(case)).values()
        ],
        estimated_date=letter_date(extension.estimated_date),
        original_due=letter_date(due_date(case.request.received)),
        reason=printable(extension.reason),
    )
