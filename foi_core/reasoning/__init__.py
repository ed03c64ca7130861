"""The one home of the legal predicates: what a claim relies on (``provisions``) and which parts
of the reasoning each item and claim needs, and whether they are complete (``needs``).

The checker, the stepper (``foi_core.workflow``), the letter, the pages and training feedback
ask these functions; none decides a legal question on its own.
"""

from .needs import (
    ANSWER_OUTCOMES,
    CLAIM_OUTCOMES,
    absolute_claims,
    balanced,
    claims_needing_harm,
    claims_needing_pit,
    claims_needing_qp_opinion,
    harm_gaps,
    irrelevant_in,
    items_needing_claims,
    needs_publication_plan,
    pit_empty,
    pit_sides_missing,
    provision_relied_on,
    publication_gaps,
    records_missing,
    resolve_catalogue,
)
from .provisions import ClaimProvision, provision_of

__all__ = [
    "ANSWER_OUTCOMES",
    "CLAIM_OUTCOMES",
    "ClaimProvision",
    "absolute_claims",
    "balanced",
    "claims_needing_harm",
    "claims_needing_pit",
    "claims_needing_qp_opinion",
    "harm_gaps",
    "irrelevant_in",
    "items_needing_claims",
    "needs_publication_plan",
    "pit_empty",
    "pit_sides_missing",
    "provision_of",
    "provision_relied_on",
    "publication_gaps",
    "records_missing",
    "resolve_catalogue",
]
