"""What the response letter prints for one question or one claim, for a page to show beside
its form. Taken from the letter's own context (``build_letter_context``), so the preview and
the letter cannot differ.

>>> item_preview(case, 3)        # ['Question 3', 'We do not hold this information. ...']
>>> claim_preview(case, claim.id)  # ['Section 31(1)(a) – Law enforcement ...', ...]
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from foi_core.models import Case, OrganisationProfile, today

from .builder.wording import fixed_text
from .context import build_letter_context
from .context.views import LetterParagraph

# A page shows a preview for each question or claim: the letter's context is built once for a
# case as it stands (the same case, profile and day give the same context) and reused.
_CONTEXTS: OrderedDict[tuple[str, str, str], Any] = OrderedDict()
_KEEP = 8


_LOCK = threading.Lock()  # the app serves each browser session from its own thread


def _context(case: Case, profile: OrganisationProfile | None) -> Any:
    profile = profile or OrganisationProfile()
    key = (case.model_dump_json(), profile.model_dump_json(), today().isoformat())
    with _LOCK:
        if key in _CONTEXTS:
            _CONTEXTS.move_to_end(key)
            return _CONTEXTS[key]
    context = build_letter_context(case, profile)
    with _LOCK:
        _CONTEXTS[key] = context
        while len(_CONTEXTS) > _KEEP:
            _CONTEXTS.popitem(last=False)
    return context


def _texts(paragraphs: list[LetterParagraph]) -> list[str]:
    return [p.text for p in paragraphs]


def item_preview(case: Case, number: int, profile: OrganisationProfile | None = None) -> list[str]:
    """The answer's label and paragraphs for question ``number`` (shared with neighbouring
    questions answered alike); empty when the case has no such question."""
    context = _context(case, profile)
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
    context = _context(case, profile)
    for claim in context.claims:
        if claim.id == claim_id:
            found = [claim.line, *([claim.explanation] if claim.explanation else [])]
            for part in (claim.harm, claim.factors, claim.personal, claim.balance):
                found += _texts(part)
            return found + ([claim.conclusion] if claim.conclusion else [])
    return []
