"""The Letter page's "Disclosure log" section: on an issued request, the request as it will be
published (to redact in place), each name or contact detail found in it listed beside it with a
tick for "fine to publish", and publishing or taking the case off the log (one engine action
each, ``foi_core.disclosure``)."""

from __future__ import annotations

import hashlib

import streamlit as st

from foi_core.actions.result import ActionResult
from foi_core.disclosure import (
    FIELD,
    Flag,
    letter_flags,
    mark_for_publication,
    personal_details_in,
    text_to_publish,
    withdraw_from_publication,
)
from foi_core.models import Case, CaseKind
from foi_core.people import can_publish, is_read_only
from foi_core.plain import plain_date
from foi_core.storage import StorageError
from ui.fields import FieldProblems
from ui.people import current_person
from ui.state import LoadedCase, field_key, flash, get_store, reset_fields
from ui.text import md_escape

PUBLISH = "Publish in the disclosure log"
TEXT_LABEL = "The request as it will be published"
WITHDRAW = "Take it off the disclosure log"
FINE = "Fine to publish"
PRINT = "Print it in the letter"


def _key(kind: str, flag: Flag) -> str:
    digest = hashlib.sha256(flag.text.encode()).hexdigest()[:12]
    return field_key(f"disclosure.{kind}.{digest}")


def _flags(case: Case, flags: list[Flag]) -> list[str]:
    """List the flagged passages; returns those ticked as fine to publish."""
    if not flags:
        st.success("No names or contact details found in the text.", icon=":material/check:")
        return []
    st.markdown("**Names and contact details found.** Redact each in the text, or tick it:")
    earlier = case.disclosure.confirmed if case.disclosure is not None else []
    fine = []
    for flag in flags:
        shown = f"“{md_escape(flag.text)}”: {flag.reason}"
        if flag.requester:
            st.markdown(f":red[:material/block:] {shown}. Take it out: it is never published.")
        elif st.checkbox(f"{shown}. {FINE}", value=flag.text in earlier, key=_key("fine", flag)):
            fine.append(flag.text)
    return fine


def _letter(case: Case, earlier: list[str]) -> list[str]:
    """List the names and contact details the published letter quotes (the items as issued);
    returns those ticked to be printed (the others show as "[redacted]")."""
    flags = letter_flags(case)
    if not flags:
        return []
    st.markdown(
        "**Also in the letter (PDF).** Tick each one it may print; the others show as “[redacted]”."
    )
    return [
        flag.text
        for flag in flags
        if st.checkbox(
            f"“{md_escape(flag.text)}”: {flag.reason}. {PRINT}",
            value=flag.text in earlier,
            key=_key("letter", flag),
        )
    ]


def _save(loaded: LoadedCase, result: ActionResult, action: str, problems: FieldProblems) -> None:
    """Save what the action returned with its own audit action ("published", "unpublished":
    not drafting, ``foi_core.people.rules.CONTENT_ACTIONS``), or show its problem by the text."""
    if not result.ok or result.case is None:
        problems.show(result.problems)
        return
    try:
        get_store().save(
            result.case,
            loaded.version,
            actor=current_person().recorded_as,
            summary=result.summary,
            action=action,
        )
    except StorageError as error:
        problems.add(FIELD, str(error))
        return
    reset_fields()
    flash(result.message)
    st.rerun()


def disclosure_section(loaded: LoadedCase) -> None:
    """Draw the section on an issued or closed request (nothing on any other case)."""
    case = loaded.case
    if case.kind is not CaseKind.REQUEST or not is_read_only(case):
        return
    st.markdown("#### Disclosure log")
    entry = case.disclosure
    if entry is not None and entry.publish:
        when = plain_date(entry.marked_on) if entry.marked_on else "an earlier date"
        st.caption(f"In the disclosure log since {when}; the requester is never named in it.")
    else:
        st.caption(
            "Forces publish past responses in a disclosure log (the Disclosure log page), without "
            "the requester's name, address or contact details."
        )
    person = current_person()
    allowed = can_publish(person, case)
    if not allowed:
        st.caption(md_escape(allowed.reason))
        return
    problems = FieldProblems()
    left, right = st.columns([3, 2])
    with left:
        text = st.text_area(
            TEXT_LABEL,
            value=text_to_publish(case),
            height=220,
            key=field_key(FIELD),
            help="Starts as the request as received: take out anything that identifies someone.",
        )
        problems.slot(FIELD)
    with right:
        fine = _flags(case, personal_details_in(text, case))
        fine += _letter(case, entry.confirmed if entry is not None else [])
    publish, withdraw = st.columns(2)
    if publish.button(PUBLISH, type="primary", icon=":material/public:", key="disclosure.publish"):
        _save(loaded, mark_for_publication(case, person, text, fine), "published", problems)
    if (
        entry is not None
        and entry.publish
        and withdraw.button(WITHDRAW, icon=":material/public_off:", key="disclosure.withdraw")
    ):
        _save(loaded, withdraw_from_publication(case, person), "unpublished", problems)
