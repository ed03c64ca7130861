"""Rules about the response as sent: the review and ICO rights the profile supplies, and a
response later than the time limit."""

from __future__ import annotations

from collections.abc import Iterator

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
