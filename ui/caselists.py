"""The Cases page's own work lists: "My cases" (assigned to the person) and "Waiting for my
approval" (submitted cases this person may approve, as ``can_approve`` decides)."""

from __future__ import annotations

import streamlit as st

from foi_core.models import Case, CaseStatus
from foi_core.people import Person, Policy, can_approve, name_of
from foi_core.storage import CaseSummary, Store
from ui.nav import PAGES_BY_STEP
from ui.text import md_escape

OPEN_STATUSES = frozenset(
    {CaseStatus.DRAFT, CaseStatus.SUBMITTED, CaseStatus.RETURNED, CaseStatus.APPROVED}
)


def assigned_name(summary: CaseSummary) -> str:
    """The assigned officer's name for a listing ("" when nobody has the case)."""
    return name_of(summary.assigned_to) if summary.assigned_to else ""


def mine(summaries: list[CaseSummary], person: Person) -> list[CaseSummary]:
    """The open cases assigned to ``person``."""
    return [
        s
        for s in summaries
        if s.status in OPEN_STATUSES and s.assigned_to and person.is_recorded_as(s.assigned_to)
    ]


def waiting_for(
    store: Store, summaries: list[CaseSummary], person: Person, policy: Policy
) -> list[CaseSummary]:
    """The submitted cases ``person`` may approve (not ones they drafted, under the policy)."""
    waiting = []
    for summary in summaries:
        if summary.status is not CaseStatus.SUBMITTED:
            continue
        case = store.load(summary.id).case
        if can_approve(person, case, store.drafters(summary.id), policy):
            waiting.append(summary)
    return waiting


def with_demo_mark(summaries: list[CaseSummary], demo_ids: set[str]) -> dict[str, str]:
    """Each case's label by id ("ref: title"), a demo case marked "· Demo"."""
    labels = {}
    for summary in summaries:
        label = f"{summary.ref}: {summary.title}" if summary.title else summary.ref
        labels[summary.id] = f"{label} · Demo" if summary.id in demo_ids else label
    return labels


def _links(title: str, summaries: list[CaseSummary], empty: str, demo_ids: set[str]) -> None:
    st.markdown(f"**{title} ({len(summaries)})**")
    if not summaries:
        st.caption(empty)
    page = PAGES_BY_STEP["letter"].file if "Waiting" in title else PAGES_BY_STEP["request"].file
    labels = with_demo_mark(summaries, demo_ids)
    for summary in summaries:
        label = labels[summary.id]
        due = f" · due {summary.due_date:%d %b %Y}" if summary.due_date else ""
        st.page_link(
            page,
            label=md_escape(f"{label} ({summary.status.value}{due})"),
            query_params={"case": summary.id},
        )


def my_work(
    store: Store,
    summaries: list[CaseSummary],
    person: Person,
    policy: Policy,
    demo_ids: set[str],
) -> None:
    """The two work lists side by side, at the top of the Cases page (demo cases marked)."""
    left, right = st.columns(2, gap="large")
    with left, st.container(border=True, key="cases-mine"):
        _links("My cases", mine(summaries, person), "No open case is assigned to you.", demo_ids)
    if policy.require_approval:
        with right, st.container(border=True, key="cases-waiting"):
            _links(
                "Waiting for my approval",
                waiting_for(store, summaries, person, policy),
                "Nothing is waiting for your approval.",
                demo_ids,
            )


def started_by(case: Case, mailbox: str) -> Case:
    """A new case, assigned to the person who starts it (never a demo, even copied from one)."""
    return case.model_copy(update={"assigned_to": mailbox[:400], "demo": False})
