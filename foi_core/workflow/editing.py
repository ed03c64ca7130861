"""Editing operations that keep a case consistent (items renumbered with their claims, claims
removed with their combined balances, new and duplicated cases)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from foi_core.models import Case, CaseStatus, Request, Requester, RequestItem, new_id
from foi_core.stale import copy_origin
from foi_core.workflow.recheck import answered_steps, apply_step_edit
from foi_core.workflow.splitting import match_items


def set_items(case: Case, texts: Sequence[str]) -> Case:
    """A copy of the case with its items replaced by ``texts`` (blank texts are dropped).

    An item whose text still matches keeps its outcome, searches and answer, and claims follow it
    to its new number: matched by text, never by number (``splitting.match_items``: the same
    words at the same position first, else elsewhere, else the same words with other numbers,
    such as another year). Claims lose references to items that no longer exist. If anything
    changed, the later steps that were finished are marked "re-check" (a step still to do, or
    blocked, will be looked at anyway: marking it would say it was finished when it was not).
    """
    cleaned = [t.strip() for t in texts if t and t.strip()]
    old_items = case.request.items
    continues = match_items([item.text for item in old_items], cleaned)
    mapping: dict[int, int] = {}  # old number -> new number
    new_items: list[RequestItem] = []
    for position, text in enumerate(cleaned):
        number = position + 1
        if position in continues:
            match = old_items[continues[position]]
            mapping[match.number] = number
            new_items.append(match.model_copy(update={"number": number, "text": text}))
        else:
            new_items.append(RequestItem(number=number, text=text))

    data = case.model_dump()
    data["request"]["items"] = [item.model_dump() for item in new_items]
    for claim in data["claims"]:
        claim["items"] = sorted(mapping[n] for n in claim["items"] if n in mapping)
    for agg in data["aggregate_balances"]:
        agg["items"] = sorted(mapping[n] for n in agg["items"] if n in mapping)
    updated = Case.model_validate(data)

    changed = [(i.number, i.text) for i in new_items] != [(o.number, o.text) for o in old_items]
    return apply_step_edit(case, updated, "request") if changed else updated


def remove_claim(case: Case, claim_id: str) -> Case:
    """A copy of the case without that claim; combined balances lose it too, and one left with
    fewer than two claims is dropped. Later steps that were finished are marked "re-check"."""
    data = case.model_dump()
    data["claims"] = [c for c in data["claims"] if c["id"] != claim_id]
    aggregates = []
    for agg in data["aggregate_balances"]:
        agg["claim_ids"] = [cid for cid in agg["claim_ids"] if cid != claim_id]
        if len(agg["claim_ids"]) >= 2:
            aggregates.append(agg)
    data["aggregate_balances"] = aggregates
    return apply_step_edit(case, Case.model_validate(data), "exemptions")


def new_case(our_ref: str, received: dt.date, title: str = "") -> Case:
    """A blank draft case (raises pydantic.ValidationError for a blank reference)."""
    return Case(title=title, request=Request(our_ref=our_ref.strip(), received=received))


def duplicate_case(case: Case, new_ref: str, received: dt.date | None = None) -> Case:
    """A new draft starting from an earlier case's reasoning.

    It gets a new id and reference and keeps the request, items, claims, harm, factors and
    balances as a starting point. Everything that belongs to the earlier request alone is
    cleared: the requester, their reference, letters issued, the response date, the decision
    maker, clarification, fees notice, PIT extension and review, and the case's life (its events
    and assigned officer). Every reasoning step that has something in it is marked "re-check",
    so nothing copied goes out unchecked (the check says so, and flags decisions dated before
    the new request). The copy remembers what may still describe the earlier request
    (``copied_from``, see ``foi_core.stale``). ``received`` defaults to today.
    """
    data = case.model_dump()
    data.update(
        id=new_id(),
        status=CaseStatus.DRAFT,
        life=[],
        assigned_to="",
        requester=Requester().model_dump(),
        issued_letters=[],
        response_date=None,
        clarification=None,
        fees_notice=None,
        pit_extension=None,
        review_requested_on=None,
        decision_maker="",
        recheck_steps=answered_steps(case),
        copied_from=copy_origin(case).model_dump(),
    )
    data["request"].update(
        our_ref=new_ref.strip(), their_ref="", received=received or dt.date.today()
    )
    return Case.model_validate(data)
