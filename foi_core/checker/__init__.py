"""The s17 lint: checks a Case against what a lawful, defensible refusal notice needs.

The words a user sees (title, message, fix, provision, step, severity) are data in
``foi_core/knowledge/rules.yaml``; each rule's logic is one small function registered under its id
(``context.rule``), grouped by topic: ``request`` (items, outcomes, the dates time limits count
from), ``claims`` (citations, harm, NCND), ``public_interest`` (factors, balance), ``procedural``
(s12 cost, s36 opinion, s40 legitimate interests) and ``letter`` (rights, lateness).

Use: ``findings = check(case, profile)``; ``has_errors(findings)`` says whether a letter should
be held back. Findings come in rules.yaml order and name the claim (``claim_id``) or the item
(``item``) they are about, and the step (``step``) that fixes them.
"""

from __future__ import annotations

import datetime as dt

from foi_core.knowledge import Rule, load_catalogue, load_rule_book, load_rules
from foi_core.models import Case, OrganisationProfile
from foi_core.models import today as current_date

# The rule modules register their rules on import.
from . import (  # noqa: F401
    aftercare,
    claims,
    drafting,
    letter,
    ncnd,
    procedural,
    public_interest,
    request,
    soundness,
)
from .context import RULE_FUNCTIONS, Context, rule_function
from .findings import Finding, findings_for, has_errors, item_numbers, make_finding, plain_items

__all__ = [
    "RULES",
    "RULE_FUNCTIONS",
    "Finding",
    "check",
    "findings_for",
    "has_errors",
    "item_numbers",
    "plain_items",
]


def check(
    case: Case,
    profile: OrganisationProfile | None = None,
    today: dt.date | None = None,
) -> list[Finding]:
    """Every finding for ``case``, in the order the rules are listed in rules.yaml.

    ``profile`` defaults to the default OrganisationProfile; ``today`` (used for an unanswered
    case's deadline) defaults to the current date.
    """
    book = load_rule_book()
    ctx = Context(
        case=case,
        profile=profile if profile is not None else OrganisationProfile(),
        today=today or current_date(),
        catalogue=load_catalogue(),
        rule_book=book,
    )
    labels = {item.number: item.shown_number for item in case.request.items}
    findings: list[Finding] = []
    for rule in book.rules:
        if not aftercare.applies(rule.id, case):
            continue
        findings.extend(make_finding(rule, hit, labels) for hit in rule_function(rule.id)(ctx))
    return findings


# Rule metadata from rules.yaml, in file order (also used to run the rules in that order).
RULES: list[Rule] = load_rules()
