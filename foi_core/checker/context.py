"""What a rule function sees (``Context``) and returns (``Hit``s), and the registry of rules.

Each rule is one small function registered with ``@rule("rule-id")`` in ``RULE_FUNCTIONS``; it
decides only *whether* the rule fires and for which claim or item, and supplies the placeholders
``{citation}``, ``{items}`` and ``{detail}``. The words are data in knowledge/rules.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from foi_core.deadlines import Deadlines, case_deadlines
from foi_core.knowledge import Catalogue, Exemption, RuleBook
from foi_core.models import Case, ExemptionClaim, OrganisationProfile, Outcome
from foi_core.reasoning import ClaimProvision, provision_of

_SECTION = re.compile(r"^s(\d+[A-Z]?)")

# Outcomes that amount to refusing something, so the s17 notice (and s17(7) rights) apply.
_REFUSAL_OUTCOMES = frozenset(
    {
        Outcome.EXEMPT,
        Outcome.PARTLY_DISCLOSED,
        Outcome.NCND,
        Outcome.ACCESSIBLE_ELSEWHERE,
        Outcome.COST_LIMIT,
        Outcome.VEXATIOUS,
        Outcome.REPEATED,
    }
)


@dataclass(frozen=True)
class Hit:
    """One firing of a rule: the claim or item it is about and the words for the placeholders."""

    claim: ExemptionClaim | None = None
    item: int | None = None
    items: tuple[int, ...] = ()
    detail: str = ""
    citation: str = ""
    step: str = ""  # the step that fixes it, when not the rule's own


@dataclass
class Context:
    """The case under check and everything a rule needs to judge it."""

    case: Case
    profile: OrganisationProfile
    today: dt.date
    catalogue: Catalogue
    rule_book: RuleBook

    def provision(self, claim: ExemptionClaim) -> ClaimProvision:
        """What the claim relies on (``foi_core.reasoning``, the one home of that question)."""
        return provision_of(claim, self.catalogue)

    def exemption(self, claim: ExemptionClaim) -> Exemption | None:
        """The catalogue entry of a claim's first limb (None if the catalogue knows none)."""
        return self.provision(claim).entry

    def section(self, claim: ExemptionClaim) -> str:
        """The section number of a claim, e.g. '31' for s31(1)(a)."""
        exemption = self.exemption(claim)
        if exemption is not None:
            return exemption.section
        match = _SECTION.match(claim.citation)
        return match.group(1) if match else ""

    def known_claims(self) -> Iterator[tuple[ExemptionClaim, Exemption]]:
        """Claims whose citation is in the catalogue, with their entries."""
        for claim in self.case.claims:
            exemption = self.exemption(claim)
            if exemption is not None:
                yield claim, exemption

    def claims_of_section(self, section: str) -> list[ExemptionClaim]:
        return [claim for claim in self.case.claims if self.section(claim) == section]

    def aggregated_claim_ids(self) -> set[str]:
        return {cid for agg in self.case.aggregate_balances for cid in agg.claim_ids}

    def uses_cost_limit(self) -> bool:
        return bool(self.claims_of_section("12")) or bool(self.case.items_with(Outcome.COST_LIMIT))

    def refuses_anything(self) -> bool:
        return bool(self.case.claims) or any(
            item.outcome in _REFUSAL_OUTCOMES for item in self.case.request.items
        )

    @cached_property
    def deadlines(self) -> Deadlines:
        """The case's time limits; any that cannot be worked out are in ``problems``."""
        return case_deadlines(self.case)


RuleFunction = Callable[[Context], Iterable[Hit]]

RULE_FUNCTIONS: dict[str, RuleFunction] = {}


def rule(rule_id: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the logic of ``rule_id`` (once only)."""

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in RULE_FUNCTIONS:
            raise ValueError(f"rule {rule_id} is registered twice")
        RULE_FUNCTIONS[rule_id] = function
        return function

    return register


def rule_function(rule_id: str) -> RuleFunction:
    """The logic registered for ``rule_id``; LookupError when rules.yaml lists a rule without it."""
    function = RULE_FUNCTIONS.get(rule_id)
    if function is None:
        raise LookupError(f"rules.yaml lists rule '{rule_id}' but the checker has no logic for it")
    return function


def blank(text: str | None) -> bool:
    """Whether ``text`` is empty or only whitespace."""
    return not (text or "").strip()
