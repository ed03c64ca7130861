"""A case's life on the page: where it stands, who has it, what happened, and the buttons the
person may use (each greyed out with the rule's reason when refused). The rules are the engine's
(``foi_core.people.rules``) and the steps are ``foi_core.workflow.life``; this module only
draws them and saves what they return with the step's own audit action."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from foi_core.models import Case, CaseStatus, LifeEvent, LifeEventKind
from foi_core.people import (
    Decision,
    NotAllowed,
    PeopleError,
    can_approve,
    can_assign,
    can_close,
    can_reopen,
    can_submit,
    is_read_only,
    name_of,
)
from foi_core.plain import plain_time
from foi_core.storage import StorageError
from foi_core.workflow import ReasonsNeeded, life
from ui.people import current_person, policy, sign_in_on
from ui.state import LoadedCase, flash, get_store
from ui.text import md_escape

STATUS_WORDS: dict[CaseStatus, str] = {
    CaseStatus.DRAFT: "Draft: being worked on",
    CaseStatus.SUBMITTED: "Submitted for approval: waiting for an approver",
    CaseStatus.RETURNED: "Returned for amendment: the approver's reasons are below",
    CaseStatus.APPROVED: "Approved: the letter can be issued",
    CaseStatus.ISSUED: "Issued: read-only",
    CaseStatus.CLOSED: "Closed: read-only",
}
EVENT_WORDS: dict[LifeEventKind, str] = {
    LifeEventKind.SUBMITTED: "Submitted for approval",
    LifeEventKind.WITHDRAWN: "Back to draft (changed after submission or approval)",
    LifeEventKind.APPROVED: "Approved",
    LifeEventKind.RETURNED: "Returned for amendment",
    LifeEventKind.ISSUED: "Letter issued",
    LifeEventKind.REOPENED: "Reopened",
    LifeEventKind.CLOSED: "Closed",
    LifeEventKind.ASSIGNED: "Assigned",
}
_PROBLEM = "_foi_life_problem"  # (where, message) of the last refused step


def status_line(case: Case) -> str:
    """'Status: … · assigned to …' (Markdown, user text escaped)."""
    who = name_of(case.assigned_to) if case.assigned_to else "nobody yet"
    return f"**Status:** {STATUS_WORDS[case.status]} · **Assigned to:** {md_escape(who)}"


def event_line(event: LifeEvent) -> str:
    """One life event in words (Markdown, user text escaped); reasons follow as a quote."""
    line = f"{plain_time(event.at)}: **{EVENT_WORDS[event.kind]}**"
    if event.by:
        line += f" by {md_escape(event.by)}"
    if event.kind is LifeEventKind.ASSIGNED and event.to:
        line += f" to {md_escape(event.to)}"
    if event.reasons:
        line += "\n\n" + "\n".join(f"> {md_escape(part)}" for part in event.reasons.splitlines())
    return line


def _do(
    loaded: LoadedCase, where: str, action: str, step: Callable[[], Case], message: str
) -> None:
    """Run a life step and save it with its audit action; a refusal is shown at ``where``."""
    person = current_person()
    try:
        moved = step()
        get_store().save(
            moved, loaded.version, actor=person.recorded_as, summary=message, action=action
        )
    except (NotAllowed, ReasonsNeeded, PeopleError, StorageError) as error:
        st.session_state[_PROBLEM] = (where, str(error))
        return
    flash(message)


def _problem_at(where: str) -> None:
    problem = st.session_state.get(_PROBLEM)
    if problem and problem[0] == where:
        st.error(md_escape(problem[1]), icon=":material/block:")


def _button(label: str, decision: Decision, key: str, **kwargs: Any) -> bool:
    clicked = st.button(
        label, disabled=not decision, key=key, help=decision.reason or None, **kwargs
    )
    if not decision:
        st.caption(md_escape(decision.reason))
    return clicked


def life_panel(loaded: LoadedCase, findings: Sequence[Any] | None) -> None:
    """The case's life: status, assigned officer, events, and the steps this person may take."""
    case, person, unit = loaded.case, current_person(), policy()
    errors = life.error_count(findings) if findings is not None else 1
    version = loaded.version
    with st.container(border=True, key="life-panel"):
        st.markdown("#### Approval")
        st.markdown(status_line(case))
        if not unit.require_approval:
            st.caption(
                "Sign-in is off, so you work alone: no second person approves, and the letter "
                "can be issued straight from a clean draft."
                if not sign_in_on()
                else "Your unit does not require approval: the letter can be issued straight "
                "from a clean draft."
            )
        returned = life.last_event(case, LifeEventKind.RETURNED)
        if case.status is CaseStatus.RETURNED and returned is not None:
            st.warning(event_line(returned), icon=":material/undo:")
        if case.status in (CaseStatus.DRAFT, CaseStatus.RETURNED) and unit.require_approval:
            _problem_at("submit")
            if _button(
                "Submit for approval",
                can_submit(person, case, errors),
                f"life.submit.{version}",
                type="primary",
                icon=":material/how_to_reg:",
            ):
                _do(
                    loaded,
                    "submit",
                    "submitted",
                    lambda: life.submit(case, person, findings or []),
                    "Submitted for approval.",
                )
                st.rerun()
        if case.status is CaseStatus.SUBMITTED:
            _approval_buttons(loaded, person, unit)
        if is_read_only(case):
            _reopen_and_close(loaded, person)
        _history(case)
        _assign_form(loaded, person)
    st.session_state.pop(_PROBLEM, None)


def _approval_buttons(loaded: LoadedCase, person: Any, unit: Any) -> None:
    case, version = loaded.case, loaded.version
    drafters = get_store().drafters(case.id)
    decision = can_approve(person, case, drafters, unit)
    left, right = st.columns(2)
    with left:
        _problem_at("approve")
        note = st.text_input(
            "Note with the approval (optional)",
            key=f"life.note.{version}",
            disabled=not decision,
        )
        if _button(
            "Approve",
            decision,
            f"life.approve.{version}",
            type="primary",
            icon=":material/verified:",
        ):
            _do(
                loaded,
                "approve",
                "approved",
                lambda: life.approve(case, person, drafters, unit, note),
                "Approved.",
            )
            st.rerun()
    with right:
        _problem_at("return")
        reasons = st.text_area(
            "What needs changing (the officer sees this)",
            key=f"life.reasons.{version}",
            disabled=not decision,
        )
        if _button(
            "Return with reasons", decision, f"life.return.{version}", icon=":material/undo:"
        ):
            _do(
                loaded,
                "return",
                "returned",
                lambda: life.return_for_amendment(case, person, drafters, unit, reasons),
                "Returned to the officer with your reasons.",
            )
            st.rerun()


def _reopen_and_close(loaded: LoadedCase, person: Any) -> None:
    case, version = loaded.case, loaded.version
    _problem_at("reopen")
    decision = can_reopen(person, case)
    reason = st.text_area(
        "Why reopen it (kept in the case's history)",
        key=f"life.reopen_reason.{version}",
        disabled=not decision,
    )
    if _button("Reopen", decision, f"life.reopen.{version}", icon=":material/lock_open:"):
        _do(
            loaded,
            "reopen",
            "reopened",
            lambda: life.reopen(case, person, reason),
            "Reopened as a draft; the issued letter is kept as it was.",
        )
        st.rerun()
    if case.status is CaseStatus.ISSUED:
        _problem_at("close")
        if _button(
            "Close the case",
            can_close(person, case),
            f"life.close.{version}",
            icon=":material/inventory_2:",
        ):
            _do(loaded, "close", "closed", lambda: life.close(case, person), "Case closed.")
            st.rerun()


def _history(case: Case) -> None:
    if not case.life:
        return
    with st.expander(f"What has happened to this case ({len(case.life)})"):
        for event in reversed(case.life):
            st.markdown(event_line(event))


def _assign_form(loaded: LoadedCase, person: Any) -> None:
    """Giving the case to someone (approvers and admins; an officer may take it)."""
    case = loaded.case
    if not sign_in_on() or not can_assign(person, case):
        return
    with st.expander("Give this case to someone"):
        _problem_at("assign")
        with st.form(f"life.assign.{loaded.version}"):
            to = st.text_input(
                "Their e-mail address (or Name <e-mail>)",
                help="The case appears under 'My cases' for them.",
            )
            given = st.form_submit_button("Assign")
        if given:
            _do(
                loaded,
                "assign",
                "assigned",
                lambda: _assigned(case, person, to),
                "The case has a new assigned officer.",
            )
            st.rerun()


def _assigned(case: Case, person: Any, to: str) -> Case:
    from foi_core.people import Person, clean_email, email_of, mailbox, name_of

    text = (to or "").strip()
    email = clean_email(email_of(text) or text)
    name = name_of(text) if email_of(text) else ""
    return life.assign(case, person, mailbox(name, email), Person(email=email, name=name))
