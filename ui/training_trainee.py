"""The Training page's trainee parts: who is practising, picking a scenario or joining a session
by its code, starting an attempt, and "My attempts"."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foi_core.models import Case, CaseKind
from foi_core.people import Person, can_see_attempt, local_person
from foi_core.storage import CaseNotFound
from foi_core.training import LEVEL_LABELS, Scenario
from foi_core.training.sessions import (
    TrainingError,
    TrainingSession,
    all_scenarios,
    join_session,
    start_attempt,
    trainee_of,
)
from ui.people import sign_in_on
from ui.state import case_id_from_url, flash, get_store, open_case
from ui.text import md_escape

NAME_KEY = "_foi_trainee_name"  # the display name a trainee typed (sign-in off), this session
JOINED_KEY = "_foi_training_session"  # the join code of the session this browser joined
FIRST_STEP = "pages/request.py"
SHOWN_ATTEMPTS = 30


def trainee_person(person: Person) -> Person:
    """Who is practising: the signed-in person; with sign-in off, the display name typed here
    (remembered while the browser tab is open). Stops the page until a name is given."""
    if sign_in_on():
        return person
    name = st.text_input(
        "Your name",
        value=st.session_state.get(NAME_KEY, ""),
        max_chars=80,
        help="Your trainer sees your attempts under this name. It is remembered while this "
        "browser tab stays open.",
        key="training.name",
    )
    name = " ".join((name or "").split())
    if not name:
        st.info("Type your name to start practising.", icon=":material/badge:")
        st.stop()
    st.session_state[NAME_KEY] = name
    return local_person(name)


def current_attempt(person: Person) -> Case | None:
    """The training attempt named in the URL, if this person may open it."""
    case_id = case_id_from_url()
    if case_id is None:
        return None
    try:
        case = get_store().load(case_id).case
    except CaseNotFound:
        return None
    if case.kind is not CaseKind.TRAINING or not can_see_attempt(person, case):
        return None
    return case


def _start(scenario_id: str, person: Person, code: str | None) -> None:
    try:
        case = start_attempt(get_store(), scenario_id, person, session_code=code)
    except TrainingError as error:
        st.error(md_escape(str(error)), icon=":material/error:")
        return
    flash("Your attempt has started: work through the steps, then submit it for feedback.")
    open_case(FIRST_STEP, case.id)


def scenario_table(scenarios: list[Scenario]) -> None:
    """The scenarios as a table: title, level, sections (shown literally)."""
    rows = [
        {
            "Title": scenario.title,
            "Level": LEVEL_LABELS[scenario.level],
            "Sections": ", ".join(scenario.sections),
            "What it is about": scenario.summary,
        }
        for scenario in scenarios
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _choose(scenarios: list[Scenario], key: str) -> str | None:
    by_id = {scenario.id: scenario for scenario in scenarios}
    return st.selectbox(
        "Scenario",
        list(by_id),
        format_func=lambda sid: f"{by_id[sid].title} ({LEVEL_LABELS[by_id[sid].level]})",
        key=key,
    )


def scenario_picker(person: Person) -> None:
    """Practising alone: every scenario in a table, one chosen, "Start"."""
    scenarios = list(all_scenarios(get_store()).values())
    if not scenarios:
        st.info("There are no training scenarios yet.", icon=":material/info:")
        return
    scenario_table(scenarios)
    chosen = _choose(scenarios, "training.scenario")
    if st.button("Start", type="primary", icon=":material/play_arrow:", key="training.start"):
        _start(str(chosen), person, None)


def join_box(person: Person) -> None:
    """Joining a trainer's session by its code, then starting one of its scenarios."""
    st.caption("Your trainer gives you a six-character code, such as K7QX2M.")
    code = st.text_input("Session code", max_chars=12, key="training.code")
    if st.button("Join", icon=":material/group_add:", key="training.join"):
        try:
            st.session_state[JOINED_KEY] = join_session(get_store(), code).code
        except TrainingError as error:
            st.error(md_escape(str(error)), icon=":material/error:")
    joined_code = st.session_state.get(JOINED_KEY)
    session = get_store().session_by_code(joined_code) if joined_code else None
    if session is not None:
        _session_start(session, person)


def _session_start(session: TrainingSession, person: Person) -> None:
    st.success(f"You joined **{md_escape(session.title)}**.", icon=":material/groups:")
    known = all_scenarios(get_store())
    scenarios = [known[sid] for sid in session.scenario_ids if sid in known]
    if not session.open or not scenarios:
        st.info("This session is closed or sets no scenario you can start.", icon=":material/lock:")
        return
    scenario_table(scenarios)
    chosen = _choose(scenarios, "training.session_scenario")
    if st.button("Start in the session", type="primary", key="training.start_session"):
        _start(str(chosen), person, session.code)


def my_attempts(person: Person) -> None:
    """The person's attempts, newest first: each opens at its Request page or its feedback."""
    store = get_store()
    attempts = store.attempts(trainee=trainee_of(person))[:SHOWN_ATTEMPTS]
    st.subheader("My attempts", anchor=False)
    if not attempts:
        st.caption("You have no attempts yet: start one above.")
        return
    scores: dict[str, int] = {}
    for submission in store.submissions(trainee=trainee_of(person)):
        scores[submission.case_id] = submission.score  # the latest one wins (oldest first)
    titles = {sid: scenario.title for sid, scenario in all_scenarios(store).items()}
    for attempt in attempts:
        title = titles.get(attempt.scenario_id, attempt.scenario_id)
        score = scores.get(attempt.id)
        marked = f"{score} out of 100" if score is not None else "not submitted yet"
        with st.container(border=True):
            st.markdown(f"**{md_escape(title)}**, attempt {attempt.attempt}: {marked}")
            left, right = st.columns(2)
            left.page_link(
                FIRST_STEP,
                label="Open the attempt",
                icon=":material/edit:",
                query_params={"case": attempt.id},
            )
            right.page_link(
                "pages/training.py",
                label="Feedback",
                icon=":material/grading:",
                query_params={"case": attempt.id},
            )
