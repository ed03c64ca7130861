"""Rules about the response as sent: the review and ICO rights the profile supplies, a response
later than the time limit, and the warnings read before issue (who the letter is addressed to, a
response date far from today)."""

from __future__ import annotations

from collections.abc import Iterator

from foi_core.deadlines import DeadlineError, working_days_between
from foi_core.models import CaseKind, CaseStatus
from foi_core.plain import plain_date

from .context import Context, Hit, blank, rule

# --- Notice contents ----------------------------------------------------------------------------


@rule("no-review-rights")
def _no_review_rights(ctx: Context) -> Iterator[Hit]:
    if ctx.refuses_anything() and blank(ctx.profile.review_procedure):
        yield Hit()


@rule("no-ico-rights")
def _no_ico_rights(ctx: Context) -> Iterator[Hit]:
    if ctx.refuses_anything() and blank(ctx.profile.ico_details):
        yield Hit()


# --- Lateness --------------------------------------------------------------------------------


@rule("response-after-deadline")
def _response_after_deadline(ctx: Context) -> Iterator[Hit]:
    deadlines = ctx.deadlines
    if deadlines.due is None:
        return
    responded = ctx.case.response_date
    when = responded or ctx.today
    if when <= deadlines.due:
        return
    extension = ctx.case.pit_extension
    deadline = plain_date(deadlines.due)
    if extension is not None and deadlines.extended_due is not None:
        notified_in_time = extension.notified_on is None or extension.notified_on <= deadlines.due
        if notified_in_time and when <= deadlines.extended_due:
            return
        if notified_in_time:
            deadline = f"{plain_date(deadlines.extended_due)} (the extended date)"
        else:
            deadline += (
                " (the extension was notified on "
                f"{plain_date(extension.notified_on)}, after the 20 working days)"
            )
    if responded is not None:
        detail = f"{deadline}: it is dated {plain_date(responded)}"
    else:
        detail = f"{deadline}: no response is recorded and today is {plain_date(ctx.today)}"
    yield Hit(detail=detail)


# --- Before issue -----------------------------------------------------------------------------

# How many working days a response date may lie before today on a case not yet issued.
RESPONSE_DATE_SLACK = 5


def _not_issued(ctx: Context) -> bool:
    return ctx.case.status not in (CaseStatus.ISSUED, CaseStatus.CLOSED)


@rule("letter-without-addressee")
def _letter_without_addressee(ctx: Context) -> Iterator[Hit]:
    if ctx.case.kind is CaseKind.ICO_COMPLAINT:
        return
    requester = ctx.case.requester
    if blank(requester.name):
        yield Hit(detail='there is no requester name, so it would open "Dear requester,"')
    elif blank(requester.address) and blank(requester.contact):
        yield Hit(detail="there is no postal address and no email or other contact to send it to")


@rule("response-date-far-from-today")
def _response_date_far_from_today(ctx: Context) -> Iterator[Hit]:
    responded = ctx.case.response_date
    if responded is None or ctx.case.kind is not CaseKind.REQUEST or not _not_issued(ctx):
        return
    if responded > ctx.today:
        yield Hit(detail=f"it is dated {plain_date(responded)}, after today")
        return
    try:
        behind = working_days_between(responded, ctx.today)
    except DeadlineError:  # a date the calendar does not cover: the deadline rules say so
        return
    if behind > RESPONSE_DATE_SLACK:
        yield Hit(detail=f"it is dated {plain_date(responded)}, {behind} working days before today")
