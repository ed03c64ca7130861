"""Request actions: the request details saved (optionally split into items), the items edited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel, ValidationError

from foi_core.actions.result import ActionResult, Problems
from foi_core.models import Case, explain_errors
from foi_core.workflow import mark_recheck, set_items, split_request


class RequestForm(BaseModel):
    """What the officer typed on the Request form (dates None when left empty)."""

    title: str = ""
    our_ref: str = ""
    their_ref: str = ""
    received: dt.date | None = None
    text: str = ""
    searches: str = ""
    requester_name: str = ""
    requester_contact: str = ""
    requester_address: str = ""
    clarification_asked_on: dt.date | None = None
    clarification_received_on: dt.date | None = None
    fees_issued_on: dt.date | None = None
    fees_paid_on: dt.date | None = None


def _in_order(
    problems: Problems, start: dt.date | None, end: dt.date | None, field: str, first_words: str
) -> None:
    """The later date of a pair is not set alone, nor before the first."""
    if end is not None and start is None:
        problems.add(field, f"Enter the date {first_words} first.")
    elif start is not None and end is not None and end < start:
        problems.add(field, f"This cannot be before the date {first_words}.")


def save_request(case: Case, form: RequestForm, *, split: bool = False) -> ActionResult:
    """The request details saved; with ``split`` the text is split afresh into items.

    A change to anything but the items and the request text marks the letter "re-check"
    (splitting marks the later steps itself when the items change).
    """
    data = case.model_dump()
    data["title"] = form.title
    data["request"].update(
        our_ref=form.our_ref.strip(),
        their_ref=form.their_ref.strip(),
        received=form.received,
        text=form.text,
        searches=form.searches,
    )
    data["requester"] = {
        "name": form.requester_name,
        "contact": form.requester_contact,
        "address": form.requester_address,
    }
    asked, answered = form.clarification_asked_on, form.clarification_received_on
    data["clarification"] = {"asked_on": asked, "received_on": answered} if asked else None
    issued, paid = form.fees_issued_on, form.fees_paid_on
    data["fees_notice"] = {"issued_on": issued, "paid_on": paid} if issued else None

    problems = Problems()
    _in_order(problems, asked, answered, "clarification.received_on", "it was asked for")
    _in_order(problems, issued, paid, "fees_notice.paid_on", "the notice was issued")
    if form.received is None:
        problems.add("request.received", "Enter the date the request was received.")
    new_texts = split_request(form.text) if split else None
    if split and not new_texts:
        problems.add("request.text", "Paste the request in first: there is nothing to split.")
    try:
        edited = Case.model_validate(data)
    except ValidationError as error:
        problems.add_unnamed(explain_errors(error))
    if problems:
        return ActionResult.refused(problems)

    if edited.model_dump(exclude={"request"}) != case.model_dump(exclude={"request"}) or (
        edited.request.model_dump(exclude={"items", "text"})
        != case.request.model_dump(exclude={"items", "text"})
    ):
        edited = mark_recheck(edited, "letter")
    summary = "Request details saved"
    if new_texts:
        edited = set_items(edited, new_texts)
        summary = f"Request saved and split into {len(new_texts)} item(s)"
    return ActionResult.done(edited, summary, summary + ".")


def edit_items(case: Case, texts: Sequence[str]) -> ActionResult:
    """The items' wording replaced (a blank text removes its item; items are renumbered, and an
    item whose wording is unchanged keeps its outcome and answer)."""
    kept = [text for text in texts if text.strip()]
    if not kept:
        return ActionResult.problem("items", "A request needs at least one item; type one in.")
    return ActionResult.done(
        set_items(case, kept), f"Items edited ({len(kept)} item(s))", "Items saved."
    )


def date_on_issue(case: Case) -> ActionResult:
    """Clear the response date kept on the case, so the letter carries the day it is issued
    (issuing sets an empty response date to that day)."""
    if case.response_date is None:
        return ActionResult.problem("response_date", "The letter is already dated on issue.")
    edited = case.model_copy(update={"response_date": None})
    return ActionResult.done(
        edited,
        "Cleared the response date: the letter is dated the day it is issued",
        "The response date is cleared: the letter will carry the day it is issued.",
    )
