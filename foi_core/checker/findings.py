"""A checker finding and how one is worded: the rule's words from rules.yaml filled in for a hit."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from foi_core.knowledge import Rule
from foi_core.plain import join_words, number_list

from .context import Hit


class Finding(BaseModel):
    """One problem the checker found, with how to fix it and the step that fixes it."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    severity: Literal["error", "warning"]
    title: str = ""
    message: str
    fix: str
    provision: str
    step: str
    claim_id: str | None = None
    item: int | None = None


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding is an error (warnings alone do not block a letter)."""
    return any(finding.severity == "error" for finding in findings)


def findings_for(findings: Iterable[Finding], step: str) -> list[Finding]:
    """The findings that the given step (e.g. 'harm') fixes."""
    return [finding for finding in findings if finding.step == step]


def item_numbers(numbers: Iterable[int]) -> str:
    """'3', '1 and 2', '1, 2 and 5': the item numbers as the rule messages write them."""
    return number_list(numbers)


def plain_items(numbers: Iterable[int]) -> str:
    """'item 3', 'items 1 and 2', 'items 1, 2 and 5'."""
    listed = item_numbers(numbers)
    if not listed:
        return ""
    return ("items " if " and " in listed else "item ") + listed


def make_finding(rule: Rule, hit: Hit, labels: Mapping[int, str] | None = None) -> Finding:
    """The finding for one hit of ``rule``: its message and fix with the placeholders filled.
    ``labels`` maps item numbers to the requester's numbering (3a), which messages use."""
    claim = hit.claim
    numbers: tuple[int, ...] = hit.items
    if not numbers and hit.item is not None:
        numbers = (hit.item,)
    if not numbers and claim is not None:
        numbers = tuple(claim.items)
    citation = hit.citation or (claim.citation if claim is not None else "")
    shown = [(labels or {}).get(n, str(n)) for n in sorted(set(numbers))]
    listed = join_words(shown) if shown != [str(n) for n in sorted(set(numbers))] else None
    values = {
        "citation": citation,
        "items": listed or item_numbers(numbers),
        "detail": hit.detail,
    }
    item = hit.item if hit.item is not None else (numbers[0] if len(numbers) == 1 else None)
    return Finding(
        rule_id=rule.id,
        severity=rule.severity,
        title=rule.title,
        message=_one_item_grammar(rule.render_message(**values)),
        fix=_one_item_grammar(rule.render_fix(**values)),
        provision=rule.provision,
        step=hit.step or rule.step,
        claim_id=claim.id if claim is not None else None,
        item=item,
    )


_ONE_ITEM = re.compile(r"\b([Ii])tems (\d[\w.()]*)(?![\w,(]| and)( are| have)?")
_VERB = {" are": " is", " have": " has"}


def _one_item_grammar(text: str) -> str:
    """'Items 3 have no outcome' -> 'Item 3 has no outcome' (messages are written for lists)."""
    return _ONE_ITEM.sub(
        lambda m: f"{m.group(1)}tem {m.group(2)}{_VERB.get(m.group(3) or '', '')}", text
    )
