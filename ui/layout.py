"""Parts drawn on every case page: header (applicant-blind), progress stepper with what to do
next, guidance (open, with the guided example's box, in guided mode)."""

from __future__ import annotations

import dataclasses
from typing import Any

import streamlit as st

from foi_core.checker import Finding, check
from foi_core.deadlines import case_deadlines, describe_date, working_days_left
from foi_core.knowledge import load_catalogue
from foi_core.models import Case, CaseKind, CaseStatus, LifeEventKind
from foi_core.people import can_edit, is_read_only
from foi_core.plain import plain_time
from foi_core.workflow import (
    STATUS_MEANINGS,
    STEPS,
    NextAction,
    Status,
    StepStatus,
    next_action,
    step_statuses,
)
from foi_core.workflow.life import last_event
from ui.merge import show_pending_merge
from ui.nav import PAGES_BY_STEP
from ui.people import current_person, policy
from ui.recheck import recheck_box
from ui.state import LoadedCase, current_case, get_store, show_flash, today
from ui.text import md_escape

_LOCKED = "_foi_case_locked"  # the case on this run is read-only (set by case_page)
GUIDED = "_foi_guided"  # the guided example is on (set by the welcome on the Cases page)
STATUS_ICONS: dict[Status, str] = {
    Status.DONE: ":material/check_circle:",
    Status.TO_DO: ":material/radio_button_unchecked:",
    Status.ATTENTION: ":material/error:",
    Status.NOT_NEEDED: ":material/remove_circle_outline:",
    Status.BLOCKED: ":material/lock:",
    Status.RECHECK: ":material/refresh:",
    Status.READY: ":material/send:",
}
STATUS_COLOURS: dict[Status, str] = {
    Status.DONE: "green",
    Status.TO_DO: "gray",
    Status.ATTENTION: "red",
    Status.NOT_NEEDED: "gray",
    Status.BLOCKED: "gray",
    Status.RECHECK: "orange",
    Status.READY: "blue",
}


def case_findings(case: Case) -> list[Finding] | None:
    """The checker's findings for the case, or None if the check itself failed."""
    try:
        return check(case, get_store().load_profile(), today=today())
    except Exception:  # a checker fault must not stop the officer working on the case
        return None


def case_header(case: Case) -> None:
    """Reference, title and deadline of the case. Never shows the requester (applicant-blind)."""
    heading = case.request.our_ref + (f": {case.title}" if case.title.strip() else "")
    st.subheader(md_escape(heading), anchor=False)
    st.caption(deadline_text(case))
    st.page_link(
        "pages/history.py",
        label="Case history",
        icon=":material/history:",
        query_params={"case": case.id},
        help="Every saved version of this case, what changed, and restoring an earlier one.",
    )
    if case.kind is CaseKind.TRAINING:
        from ui.training_casefile import training_banner

        training_banner(case)


def deadline_text(case: Case) -> str:
    """'Received …; due …; N working days left' in plain words (Markdown, our own text)."""
    deadlines = case_deadlines(case)
    parts = [f"Received {describe_date(case.request.received)}"]
    due = deadlines.final_due
    if due is None and deadlines.problems:
        parts.append("the due date cannot be worked out (see Request)")
    elif due is None:
        parts.append("the clock is stopped (waiting for clarification or a fee)")
    else:
        parts.append(f"due {describe_date(due)}")
        if case.response_date is None:
            left = working_days_left(due, today())
            if left < 0:
                parts.append(f":red[**overdue by {-left} working day(s)**]")
            else:
                parts.append(f"{left} working day(s) left")
    return "; ".join(parts)


def stepper(case: Case, current: str | None, findings: list[Any] | None = None) -> None:
    """The progress stepper: one link per step with its status; steps that do not apply are
    shown as "not needed" without a link."""
    statuses = step_statuses(case, findings)
    with st.container(horizontal=True, wrap=True, gap="small", key="stepper"):
        for status in statuses:
            with st.container(width="content", gap=None):
                _step_cell(case, status, current)
    with st.popover("What do these mean?", icon=":material/help:", type="tertiary"):
        status_help()
    here = next((status for status in statuses if status.key == current), None)
    if here is not None:
        st.caption(status_line(here))
        if here.status is Status.BLOCKED and (blocker := _blocker(statuses, here)) is not None:
            st.caption(
                f"You can look and edit here, but finish {blocker.step.title} first for this "
                "step to count."
            )
            st.page_link(
                PAGES_BY_STEP[blocker.key].file,
                label=f"Finish {blocker.step.title}: {blocker.reason}",
                icon=":material/lock_open:",
                query_params={"case": case.id},
            )
    next_line(case, next_action(case, findings, policy(), statuses))


def status_help() -> None:
    """What each status word means and whether it stops the letter (our own words)."""
    for status, meaning in STATUS_MEANINGS.items():
        st.markdown(f"- **{status.value}**: {meaning}")


def _blocker(statuses: list[StepStatus], here: StepStatus) -> StepStatus | None:
    """The earlier step whose errors block ``here`` (the first one still to do)."""
    for status in statuses:
        if status.key == here.key:
            return None
        if status.status is Status.TO_DO:
            return status
    return None


def next_line(case: Case, action: NextAction) -> None:
    """The one next thing to do (the engine's own words), linking to the step that does it."""
    text = action.text + (f" ({md_escape(action.about)})" if action.about else "")
    if action.step is None:
        st.caption(text)
        return
    st.page_link(
        PAGES_BY_STEP[action.step].file,
        label=text,
        icon=":material/arrow_forward:",
        query_params={"case": case.id},
    )


def status_line(status: StepStatus) -> str:
    """'This step (Harm): blocked: finish Items first' (Markdown, our own words)."""
    colour = STATUS_COLOURS[status.status]
    reason = f": {status.reason}" if status.reason else ""
    return f"This step ({status.step.title}): :{colour}[**{status.status.value}**{reason}]"


def _step_cell(case: Case, status: StepStatus, current: str | None) -> None:
    page = PAGES_BY_STEP[status.key]
    label = status.step.title
    colour = STATUS_COLOURS[status.status]
    here = status.key == current
    if status.status is Status.NOT_NEEDED:
        st.markdown(f":gray[~~{label}~~]")
    else:
        st.page_link(
            page.file,
            label=f"**{label}**" if here else label,
            icon=STATUS_ICONS[status.status],
            query_params={"case": case.id},
            help=f"{status.status.value}: {status.reason}" if status.reason else None,
        )
    st.caption(f":{colour}[{status.status.value}]")


def guided() -> bool:
    """True while the guided example is on (every step's guidance open, with its box)."""
    return bool(st.session_state.get(GUIDED, False))


def _leave_guided() -> None:
    st.session_state[GUIDED] = False


def guided_box(step_key: str, text: str) -> None:
    """The guided example's box: which step of eight this is and what to do here."""
    number = next(index for index, step in enumerate(STEPS, 1) if step.key == step_key)
    with st.container(border=True, key="guided-box"):
        st.markdown(f"**Guided example: step {number} of {len(STEPS)} — what to do here**")
        st.markdown(text)
        st.button(
            "Leave the guided example",
            icon=":material/close:",
            key="leave-guided",
            on_click=_leave_guided,
            type="tertiary",
        )


def guidance(step_key: str) -> None:
    """The guidance for a step from the engine's knowledge (nothing if it is not available);
    in guided mode, the guided example's box and the guidance open."""
    text = load_catalogue().guidance(step_key)
    if guided() and text.guided:
        guided_box(step_key, text.guided)
    with st.container(border=True):
        st.markdown(f"**{text.title}**  \n{text.what_the_law_asks}")
        with st.expander(f"Why this matters ({text.provision})", expanded=guided()):
            st.markdown(text.why)
            for tip in getattr(text, "tips", []) or []:
                st.markdown(f"- {tip}")


def read_only_banner(case: Case) -> None:
    """For an issued or closed case: when it was issued, and that it must be reopened to change."""
    if not is_read_only(case):
        return
    issued = last_event(case, LifeEventKind.ISSUED)
    letters = [letter for letter in case.issued_letters if not letter.draft]
    moment = issued.at if issued else (letters[-1].issued_at if letters else None)
    when = f"Issued on {plain_time(moment)}" if moment else f"This case is {case.status.value}"
    closed = " and closed" if case.status is CaseStatus.CLOSED else ""
    st.info(
        f"**{when}{closed} — read-only; reopen it to change it.** Reopening (on the Letter page, "
        "with a reason) keeps the issued letter as it was.",
        icon=":material/lock:",
    )


def locked() -> bool:
    """True when the case open on this page is read-only: the pages grey out their save buttons
    (the store refuses such a save anyway)."""
    return bool(st.session_state.get(_LOCKED, False))


def case_page(step_key: str) -> LoadedCase:
    """Start a case page: load the case in the URL (or stop with a link to Cases), then draw any
    saved-message, the applicant-blind header, a read-only banner, the stepper and the step's
    guidance."""
    loaded = current_case()
    loaded = dataclasses.replace(loaded, findings=case_findings(loaded.case))
    st.session_state[_LOCKED] = is_read_only(loaded.case) or (
        loaded.case.kind is CaseKind.TRAINING and not can_edit(current_person(), loaded.case)
    )  # a trainer looking at a trainee's attempt reads it; only the trainee changes it
    show_flash()
    show_pending_merge(loaded.case.id)
    case_header(loaded.case)
    read_only_banner(loaded.case)
    stepper(loaded.case, step_key, loaded.findings)
    recheck_box(loaded.case, step_key)
    guidance(step_key)
    return loaded
