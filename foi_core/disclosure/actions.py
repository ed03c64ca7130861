"""Marking an issued request for the disclosure log, and taking it off: officer actions that
return an ``ActionResult`` (the changed case, or a plain problem next to the published text,
field ``FIELD``)."""

from __future__ import annotations

from foi_core.actions.result import ActionResult
from foi_core.bounds import today
from foi_core.models import Case, DisclosureEntry
from foi_core.people import Person, can_publish

from .detect import Flag, letter_flags, personal_details_in, unconfirmed

FIELD = "disclosure.request_text"


def request_text_of(case: Case) -> str:
    """The request as it would be published before any redaction: the request as received,
    else its numbered items one a line."""
    if case.request.text.strip():
        return case.request.text.strip()
    return "\n".join(f"{item.shown_number}. {item.text}" for item in case.request.items)


def text_to_publish(case: Case) -> str:
    """The text the officer starts from: the one already marked, else the request's."""
    if case.disclosure is not None and case.disclosure.request_text.strip():
        return case.disclosure.request_text
    return request_text_of(case)


def _describe(flags: list[Flag]) -> str:
    shown = "; ".join(f"“{flag.text}” ({flag.reason})" for flag in flags[:5])
    more = f" and {len(flags) - 5} more" if len(flags) > 5 else ""
    return shown + more


def mark_for_publication(
    case: Case, person: Person, request_text: str, confirmed: list[str] | None = None
) -> ActionResult:
    """Mark ``case`` for the disclosure log with ``request_text`` as it will be published.

    Refused unless ``can_publish`` allows it, while the text is empty, while it still holds the
    requester's own details, or while it holds other flagged details not in ``confirmed`` (the
    passages the officer confirmed are fine to publish). ``confirmed`` also names the passages
    the published letter may print (``letter_flags``); it shows the others as "[redacted]".
    """
    decision = can_publish(person, case)
    if not decision:
        return ActionResult.problem(FIELD, decision.reason)
    text = (request_text or "").strip()
    if not text:
        return ActionResult.problem(
            FIELD, "Write the request as it will be published; it is empty."
        )
    flags = personal_details_in(text, case)
    known = {flag.text for flag in [*flags, *letter_flags(case)]}
    confirmed = [passage for passage in (confirmed or []) if passage in known]
    own = [flag for flag in flags if flag.requester]
    if own:
        return ActionResult.problem(
            FIELD, "Take out the requester's own details before publishing: " + _describe(own) + "."
        )
    left = unconfirmed(flags, confirmed)
    if left:
        return ActionResult.problem(
            FIELD, "Redact these or tick each one as fine to publish: " + _describe(left) + "."
        )
    entry = DisclosureEntry(
        publish=True,
        request_text=text,
        marked_by=person.recorded_as,
        marked_on=today(),
        confirmed=sorted(set(confirmed)),
    )
    return ActionResult.done(
        case.model_copy(update={"disclosure": entry}),
        "marked for the disclosure log",
        "Marked for the disclosure log.",
    )


def withdraw_from_publication(case: Case, person: Person) -> ActionResult:
    """Take ``case`` off the disclosure log (its redacted text is kept for next time)."""
    decision = can_publish(person, case)
    if not decision:
        return ActionResult.problem(FIELD, decision.reason)
    if case.disclosure is None or not case.disclosure.publish:
        return ActionResult.problem(FIELD, "This case is not in the disclosure log.")
    entry = case.disclosure.model_copy(
        update={"publish": False, "marked_by": person.recorded_as, "marked_on": today()}
    )
    return ActionResult.done(
        case.model_copy(update={"disclosure": entry}),
        "taken off the disclosure log",
        "Taken off the disclosure log.",
    )
