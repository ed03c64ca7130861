"""Rendering the internal review outcome letter (templates/review_outcome_letter.docx).

>>> rendered = render_review_letter(review_case, profile, original)   # LetterBlocked on errors
>>> issue_letter(store, review_case, version, rendered, person=reviewer, policy=policy)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from foi_core.models import Case, OrganisationProfile

from .context.review import build_review_context
from .errors import LetterBlocked
from .render import RenderedLetter, _findings, _render


def render_review_letter(
    case: Case,
    profile: OrganisationProfile,
    original: Case | None = None,
    template: str | Path | None = None,
    draft: bool = False,
    *,
    findings: Sequence[Any] | None = None,
) -> RenderedLetter:
    """Render the review outcome letter of the review ``case`` (``original``: the case reviewed,
    for its reference and date). Refuses (LetterBlocked) while the check finds errors, unless
    ``draft``; LetterDataError when the case is not a decided review."""
    found = _findings(case, profile, findings)
    errors = [f for f in found if getattr(f, "severity", "") == "error"]
    if errors and not draft:
        raise LetterBlocked(errors)
    context = build_review_context(case, profile, original, draft=draft)
    return _render("review_outcome", context, profile, template, draft=draft)
