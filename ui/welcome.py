"""The Cases page's first-visit welcome: what the tool does, the guided example, the Guide, and
the demo cases (marked, reset one, remove them all for a live install).

Hiding the welcome is remembered in the session, per person (the people table has no place for
it), and "Show the welcome again" brings it back.
"""

from __future__ import annotations

import streamlit as st

from foi_core.demo import REMOVAL_NOTE, NotADemo, remove_demo_cases, reset_demo_case
from foi_core.models import CaseStatus
from foi_core.people import NotAllowed, Person, can_manage
from foi_core.storage import CaseSummary, StorageError, Store
from ui.nav import PAGES_BY_STEP
from ui.state import flash, open_case
from ui.text import md_escape

GUIDED = "_foi_guided"  # guided mode: every step's guidance open (ui.layout)
GUIDE_PAGE = "pages/guide.py"
WHAT_IT_DOES = (
    "- **Draft the response** to a Freedom of Information request, step by step: the request "
    "and its questions, what you hold, the exemptions, harm and the public interest test.\n"
    "- **Check it** against the Act and the ICO's guidance before anything goes out.\n"
    "- **Make the letter**, get it approved and issue it, keeping a record of every decision."
)


def _hidden_key(person: Person) -> str:
    return f"_foi_welcome_hidden.{person.recorded_as}"


def demo_label(summary: CaseSummary) -> str:
    """A demo case as listed: its reference and title, marked "Demo"."""
    title = f"{summary.ref}: {summary.title}" if summary.title else summary.ref
    return f"{title} · Demo"


def guided_example(demos: list[CaseSummary]) -> CaseSummary | None:
    """The demo case the guided example walks through: a draft one first."""
    ordered = sorted(demos, key=lambda s: (s.status is not CaseStatus.DRAFT, s.ref))
    return ordered[0] if ordered else None


def _start_guided(case_id: str) -> None:
    st.session_state[GUIDED] = True
    open_case(PAGES_BY_STEP["request"].file, case_id)


def _reset_row(store: Store, summary: CaseSummary, person: Person) -> None:
    confirming = f"_foi_welcome_reset.{summary.id}"
    with st.container(horizontal=True, vertical_alignment="center"):
        st.page_link(
            PAGES_BY_STEP["request"].file,
            label=md_escape(f"{demo_label(summary)} ({summary.status.value})"),
            query_params={"case": summary.id},
        )
        if not st.session_state.get(confirming):
            if st.button("Reset", key=f"welcome.reset.{summary.id}", icon=":material/restart_alt:"):
                st.session_state[confirming] = True
                st.rerun()
            return
    st.warning(
        md_escape(
            f"Reset {summary.ref} to the example as it was first loaded? Your work on it stays "
            "in its history (History page), but the case itself starts again."
        ),
        icon=":material/restart_alt:",
    )
    with st.container(horizontal=True):
        if st.button("Yes, reset it", type="primary", key=f"welcome.reset_yes.{summary.id}"):
            st.session_state[confirming] = False
            try:
                reset_demo_case(store, summary.id, person)
            except (NotADemo, NotAllowed, StorageError) as error:
                st.error(md_escape(str(error)), icon=":material/error:")
                return
            flash(f"Demo case {summary.ref} reset to the example.")
            st.rerun()
        if st.button("Cancel", key=f"welcome.reset_no.{summary.id}"):
            st.session_state[confirming] = False
            st.rerun()


def _removal(store: Store, person: Person) -> None:
    """Admins only: remove the demo cases for a live install, after a plain confirmation."""
    if not can_manage(person):
        return
    confirming = "_foi_welcome_remove"
    if not st.session_state.get(confirming):
        if st.button("Remove the demo cases", key="welcome.remove", icon=":material/delete:"):
            st.session_state[confirming] = True
            st.rerun()
        st.caption("For a live install. " + REMOVAL_NOTE)
        return
    st.warning(
        "Remove the demo cases? " + REMOVAL_NOTE + " This cannot be undone here.",
        icon=":material/delete:",
    )
    with st.container(horizontal=True):
        if st.button("Yes, remove them", type="primary", key="welcome.remove_yes"):
            st.session_state[confirming] = False
            try:
                removed = remove_demo_cases(store, person)
            except NotAllowed as error:
                st.error(md_escape(str(error)), icon=":material/error:")
                return
            flash(f"{removed} demo cases removed from the lists.")
            st.rerun()
        if st.button("Keep them", key="welcome.remove_no"):
            st.session_state[confirming] = False
            st.rerun()


def welcome(store: Store, summaries: list[CaseSummary], person: Person, demo_ids: set[str]) -> None:
    """The welcome at the top of the Cases page, or, once hidden, "Show the welcome again".
    ``summaries`` and ``demo_ids`` are what the page has already read from the store."""
    hidden = _hidden_key(person)
    if st.session_state.get(hidden):
        if st.button("Show the welcome again", type="tertiary", key="welcome.show"):
            st.session_state[hidden] = False
            st.rerun()
        return
    demos = [s for s in summaries if s.id in demo_ids]
    with st.container(border=True, key="welcome"):
        st.subheader("Welcome: start here", anchor=False)
        st.markdown(WHAT_IT_DOES)
        example = guided_example(demos)
        with st.container(horizontal=True, vertical_alignment="center"):
            if example is not None and st.button(
                "Try the guided example",
                type="primary",
                icon=":material/school:",
                key="welcome.guided",
                help="Opens a demo case at its first step with the guidance open at every step.",
            ):
                _start_guided(example.id)
            st.page_link(GUIDE_PAGE, label="Read the Guide", icon=":material/menu_book:")
        if demos:
            st.markdown("**Demo cases** (made-up requests to try the tool on; not real cases)")
            for summary in demos:
                _reset_row(store, summary, person)
            _removal(store, person)
        else:
            st.caption(
                "There are no demo cases here (they were removed for a live install), so there "
                "is no guided example: the Guide walks through every step."
            )
        if st.button("Hide this welcome", type="tertiary", key="welcome.hide"):
            st.session_state[hidden] = True
            st.rerun()
