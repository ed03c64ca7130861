"""Drawing helpers for the ICO complaint page: recording a complaint about an issued response,
the exchanges with the Commissioner's office, the decision notice (its outcome in the
complainant's sense, its steps and their 35-day deadlines) and an appeal to the Tribunal."""

from __future__ import annotations

import streamlit as st

from foi_core.aftercare import (
    DECISION_LABELS,
    AftercareProblem,
    add_exchange,
    decision_label,
    exchange_label,
    mark_step_done,
    next_deadline,
    open_complaint,
    record_appeal,
    record_decision,
)
from foi_core.deadlines import describe_date
from foi_core.models import Case, ExchangeKind, IcoDecision
from foi_core.people import Person, can_handle_complaint
from foi_core.plain import plain_date
from foi_core.storage import Store
from ui.aftercare import add_linked, taken_refs
from ui.fields import FieldProblems, date_field
from ui.state import field_key, save_case, today
from ui.text import md_escape


def _value(name: str):
    return st.session_state.get(field_key(name))


def _text(name: str) -> str:
    return str(_value(name) or "")


def open_complaint_form(case: Case, store: Store, person: Person) -> None:
    """With an issued request open: record that the requester complained to the ICO."""
    decision = can_handle_complaint(person, case)
    if not decision:
        st.info(md_escape(decision.reason), icon=":material/lock:")
        return
    problems = FieldProblems()
    with st.form("ico.open"):
        st.markdown("#### Record an ICO complaint")
        st.text_input("ICO reference (for example IC-123456-A1B2)", key=field_key("ico.reference"))
        date_field("We heard of the complaint on", today(), "ico.received_on")
        problems.slot("received_on")
        submitted = st.form_submit_button("Record an ICO complaint", type="primary")
    if not submitted:
        return
    add_linked(
        lambda: open_complaint(
            case,
            person,
            _text("ico.reference"),
            _value("ico.received_on"),
            taken_refs=taken_refs(store),
        ),
        store,
        person,
        problems,
        ("ICO complaint", "recorded", "pages/ico.py"),
    )


def _save(change, summary: str, problems: FieldProblems) -> None:
    """Save what ``change()`` returns, or show its problems next to their fields."""
    try:
        edited = change()
    except AftercareProblem as error:
        problems.show(error.problems)
    else:
        save_case(edited, summary)


def summary_box(case: Case) -> None:
    """The ICO reference, when we heard, and what is due next."""
    complaint = case.ico
    assert complaint is not None
    with st.container(border=True):
        st.markdown(f"**ICO reference:** {md_escape(complaint.ico_reference or 'not recorded')}")
        if complaint.received_on:
            st.markdown(f"**Complaint received on:** {describe_date(complaint.received_on)}")
        due = next_deadline(case, today())
        if due is None:
            st.caption("Nothing is due at the moment.")
        else:
            box = st.error if due.overdue else st.warning
            box(
                f"Next deadline: {md_escape(due.what)}, due {plain_date(due.due)}"
                f"{' (overdue)' if due.overdue else ''}.",
                icon=":material/schedule:",
            )


def exchanges(case: Case, editable: bool) -> None:
    """The Commissioner's requests and our submissions, and a form to add one."""
    complaint = case.ico
    assert complaint is not None
    st.markdown("#### Letters and e-mails with the Commissioner's office")
    for exchange in complaint.exchanges:
        due = f" (reply due {plain_date(exchange.due)})" if exchange.due else ""
        st.markdown(f"**{exchange_label(exchange.kind)}**, {plain_date(exchange.on)}{due}")
        st.text(exchange.summary)
    problems = FieldProblems()
    with st.form("ico.exchange"):
        kinds = list(ExchangeKind)
        st.selectbox("What it was", kinds, format_func=exchange_label, key=field_key("ico.kind"))
        date_field("Date", today(), "ico.exchange_on")
        problems.slot("exchange_on")
        date_field("Reply due (for a request from the Commissioner)", None, "ico.exchange_due")
        problems.slot("exchange_due")
        st.text_area("What was asked or sent", key=field_key("ico.summary"))
        problems.slot("exchange_summary")
        submitted = st.form_submit_button("Add", disabled=not editable)
    if submitted:
        _save(
            lambda: add_exchange(
                case,
                _value("ico.kind"),
                _value("ico.exchange_on"),
                _value("ico.exchange_due"),
                _text("ico.summary"),
            ),
            "ICO exchange added",
            problems,
        )


def decision_notice(case: Case, editable: bool) -> None:
    """The decision notice: reference, date, outcome (complainant's sense) and its steps."""
    complaint = case.ico
    assert complaint is not None
    st.markdown("#### The decision notice")
    if complaint.decision is not None:
        st.info(
            f"**{decision_label(complaint.decision)}** (notice "
            f"{md_escape(complaint.decision_notice_reference or complaint.ico_reference)}, "
            f"{plain_date(complaint.decision_notice_on)})",
            icon=":material/gavel:",
        )
    problems = FieldProblems()
    choices = list(IcoDecision)
    with st.form("ico.decision"):
        st.text_input(
            "Decision notice reference",
            value=complaint.decision_notice_reference or complaint.ico_reference,
            key=field_key("ico.notice_ref"),
        )
        date_field("Date of the notice", complaint.decision_notice_on or today(), "ico.notice_on")
        problems.slot("notice_on")
        st.selectbox(
            "The Commissioner's decision (from the complainant's side: upheld means the "
            "Commissioner agreed with the requester)",
            choices,
            index=choices.index(complaint.decision) if complaint.decision else 0,
            format_func=DECISION_LABELS.get,
            key=field_key("ico.decision"),
        )
        st.text_area(
            "Steps the notice orders us to take, one a line (each due 35 calendar days after "
            "the notice)",
            value="\n".join(step.text for step in complaint.steps),
            key=field_key("ico.steps"),
        )
        submitted = st.form_submit_button("Record the decision notice", disabled=not editable)
    if submitted:
        _save(
            lambda: record_decision(
                case,
                _text("ico.notice_ref"),
                _value("ico.notice_on"),
                _value("ico.decision"),
                _text("ico.steps").splitlines(),
            ),
            "ICO decision notice recorded",
            problems,
        )
    for index, step in enumerate(complaint.steps):
        with st.container(border=True):
            st.markdown(f"**Step {index + 1}:** {md_escape(step.text)}")
            late = step.done_on is None and step.due is not None and step.due < today()
            due = f"Due {plain_date(step.due)}" if step.due else "No deadline"
            done = f"; done {plain_date(step.done_on)}" if step.done_on else ""
            (st.error if late else st.caption)(f"{due}{done}{' (overdue)' if late else ''}")
            if (
                step.done_on is None
                and editable
                and st.button("Mark done today", key=f"ico.step_done.{index}")
            ):
                save_case(mark_step_done(case, index, today()), f"ICO step {index + 1} done")


def appeal(case: Case, editable: bool) -> None:
    """An appeal against the notice to the First-tier Tribunal (Information Rights)."""
    complaint = case.ico
    assert complaint is not None
    if complaint.decision is None:
        return
    st.markdown("#### Appeal to the First-tier Tribunal")
    current = complaint.appeal
    problems = FieldProblems()
    with st.form("ico.appeal"):
        st.text_input(
            "Who appealed (us or the requester)",
            value=current.appellant if current else "",
            key=field_key("ico.appellant"),
        )
        date_field("Lodged on", current.lodged_on if current else None, "ico.lodged_on")
        problems.slot("appeal_lodged_on")
        st.text_input(
            "Tribunal reference",
            value=current.reference if current else "",
            key=field_key("ico.appeal_ref"),
        )
        st.text_area(
            "The Tribunal's decision",
            value=current.outcome if current else "",
            key=field_key("ico.appeal_outcome"),
        )
        date_field("Decided on", current.decided_on if current else None, "ico.appeal_on")
        problems.slot("appeal_decided_on")
        submitted = st.form_submit_button("Record the appeal", disabled=not editable)
    if submitted:
        _save(
            lambda: record_appeal(
                case,
                _text("ico.appellant"),
                _value("ico.lodged_on"),
                _text("ico.appeal_ref"),
                _text("ico.appeal_outcome"),
                _value("ico.appeal_on"),
            ),
            "Tribunal appeal recorded",
            problems,
        )
