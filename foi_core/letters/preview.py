"""What the response letter prints for one question or one claim, for a page to show beside
its form. Taken from the letter's own context (``build_letter_context``), so the preview and
the letter cannot differ.

>>> item_preview(case, 3)        # ['Question 3', 'We do not hold this information. ...']
>>> claim_preview(case, claim.id)  # ['Section 31(1)(a) – Law enforcement ...', ...]
"""

from __future__ import annotations

from foi_core.models import Case, OrganisationProfile

from .builder.wording import fixed_text
from .context import build_letter_context
from .context.views import LetterParagraph


def _texts(paragraphs: list[LetterParagraph]) -> list[str]:
    return [p.text for p in paragraphs]


def item_preview(case: Case, number: int, profile: OrganisationProfile | None = None) -> list[str]:
    """The answer's label and paragraphs for question ``number`` (shared with neighbouring
    questions answered alike); empty when the case has no such question."""
    context = build_letter_context(case, profile or OrganisationProfile())
    for answer in context.answers:
        if number in answer.numbers:
            found = [answer.label, *_texts(answer.paragraphs)]
            if answer.discretionary:
                found += [fixed_text("discretionary_lead"), answer.discretionary]
            return found
    return []


def claim_preview(
    case: Case, claim_id: str, profile: OrganisationProfile | None = None
) -> list[str]:
    """Everything the letter says about one claim, in the letter's order: its line in the list of
    exemptions, its harm, its factors, the personal data test and its balance. Empty for a claim
    the letter does not print as an exemption (s12, s14) or an unknown id."""
    context = build_letter_context(case, profile or OrganisationProfile())
    for claim in context.claims:
        if claim.id == claim_id:
            found = [claim.line, *([claim.explanation] if claim.explanation else [])]
            for part in (claim.harm, claim.factors, claim.personal, claim.balance):
                found += _texts(part)
            return found + ([claim.conclusion] if claim.conclusion else [])
    return []
