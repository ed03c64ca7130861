"""The Cases page's own work lists: "My cases" (assigned to the person) and "Waiting for my
approval" (submitted cases this person may approve, as ``can_approve`` decides), each asked of
the store's register (never a listing of every case)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from foi_core.models import Case, CaseStatus
from foi_core.people import Person, Policy, can_approve
from foi_core.register.query import LIVE_KINDS, OPEN_STATUSES, RegisterFilters, RegisterRow
from foi_core.storage import Store
from ui.nav import PAGES_BY_STEP
from ui.register_cache import remembered
from ui.text import md_escape

MINE_SHOWN = 200  # open cases listed under "My cases", soonest due first
WAITING_SHOWN = 100  # submitted cases looked at for "Waiting for my approval", soonest due first


def mine(store: Store, person: Person) -> list[RegisterRow]:
    """The open cases assigned to ``person`` (asked of the store, then matched exactly)."""
    if not person.email:  # the local user: recorded by name, exactly
        own = RegisterFilters(
            statuses=OPEN_STATUSES, assigned_to=person.recorded_as, kinds=LIVE_KINDS
        )
        return store.register(own, page_size=MINE_SHOWN).rows
    found = store.register_assigned(person.email, limit=MINE_SHOWN)
    return [row for row in found if person.is_recorded_as(row.assigned_to)]


def waiting_for(store: Store, person: Person, policy: Policy) -> list[RegisterRow]:
    """The submitted cases ``person`` may approve (not ones they drafted, under the policy)."""
    submitted = RegisterFilters(statuses=(CaseStatus.SUBMITTED,), kinds=LIVE_KINDS)
    waiting = []
    for row in store.register(submitted, page_size=WAITING_SHOWN).rows:
        case = store.load(row.id).case
        if can_approve(person, case, store.drafters(row.id), policy):
            waiting.append(row)
    return waiting


def with_demo_mark(rows: Sequence[RegisterRow], demo_ids: set[str]) -> dict[str, str]:
    """Each case's label by id ("ref: title"), a demo case marked "· Demo"."""
    labels = {}
    for row in rows:
        label = f"{row.ref}: {row.title}" if row.title else row.ref
        labels[row.id] = f"{label} · Demo" if row.id in demo_ids else label
    return labels


def _links(title: str, rows: list[RegisterRow], empty: str, demo_ids: set[str]) -> None:
    st.markdown(f"**{title} ({len(rows)})**")
    if not rows:
        st.caption(empty)
    page = PAGES_BY_STEP["letter"].file if "Waiting" in title else PAGES_BY_STEP["request"].file
    labels = with_demo_mark(rows, demo_ids)
    for row in rows:
        label = labels[row.id]
        due = f" · due {row.due_date:%d %b %Y}" if row.due_date else ""
        st.page_link(
            page,
            label=md_escape(f"{label} ({row.status.value}{due})"),
            query_params={"case": row.id},
        )


def my_work(store: Store, person: Person, policy: Policy, demo_ids: set[str], key: str) -> None:
    """The two work lists side by side, at the top of the Cases page (demo cases marked);
    ``key`` is the register's ``read_key`` (the lists are remembered until the store changes)."""
    left, right = st.columns(2, gap="large")
    with left, st.container(border=True, key="cases-mine"):
        own = remembered(key, "mine", lambda: mine(store, person), person)
        _links("My cases", own, "No open case is assigned to you.", demo_ids)
    if policy.require_approval:
        with right, st.container(border=True, key="cases-waiting"):
            _links(
                "Waiting for my approval",
                remembered(
                    key, "waiting", lambda: waiting_for(store, person, policy), person, policy
                ),
                "Nothing is waiting for your approval.",
                demo_ids,
            )


def started_by(case: Case, mailbox: str) -> Case:
    """A new case, assigned to the person who starts it (never a demo, even copied from one)."""
    return case.model_copy(update={"assigned_to": mailbox[:400], "demo": False})
