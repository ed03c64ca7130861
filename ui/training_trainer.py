"""The Trainer page's sessions: who may run training, a new session (its join code shown large),
choosing a session, and its live view (who has started and submitted, every submission with its
score, the score spread, the mistakes most of the group made, each rubric point's hit rate),
releasing the model answers, closing the session and downloading it as CSV."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping

import altair as alt
import pandas as pd
import streamlit as st

from foi_core.people import Person, can_run_training
from foi_core.plain import plain_time
from foi_core.storage import Store
from foi_core.training import LEVEL_LABELS, Scenario
from foi_core.training.dashboard import SessionView, kinds_of, session_csv, session_view
from foi_core.training.sessions import (
    TrainingError,
    TrainingSession,
    close_session,
    open_session,
    release_answers,
)
from ui.fields import FieldProblems
from ui.people import current_person
from ui.state import flash
from ui.text import md_escape

SESSION_KEY = "trainer.session"
REFRESH_EVERY = dt.timedelta(seconds=20)


def require_trainer() -> Person:
    """The person, or the page stops saying only trainers and admins run training."""
    from ui.people import _require

    person = current_person()
    _require(can_run_training(person))
    return person


def mistake_title(kind: str) -> str:
    """A mistake kind in words (mistakes.yaml's title), or the kind itself if unknown."""
    from foi_core.training.mistakes import MistakeKind, load_mistakes

    try:
        return load_mistakes().info(MistakeKind(kind)).title
    except (ValueError, KeyError):
        return kind.replace("_", " ")


def table(rows: list[dict]) -> None:
    """A table of rows (text shown literally), the page's width."""
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def scenario_label(scenarios: Mapping[str, Scenario], scenario_id: str) -> str:
    found = scenarios.get(scenario_id)
    if found is None:
        return scenario_id
    return f"{found.title} ({LEVEL_LABELS[found.level]})"


# --- A new session --------------------------------------------------------------------------------


def new_session_form(
    store: Store, person: Person, scenarios: Mapping[str, Scenario], *, first: bool = False
) -> None:
    """Title and scenarios; "Create session" opens it and shows its join code. Open at once for
    the ``first`` session."""
    ss = st.session_state
    problems = FieldProblems()
    with (
        st.expander("New session", icon=":material/add:", expanded=first),
        st.form("trainer.new", enter_to_submit=False),
    ):
        st.text_input("Session title", key="trainer.new.title", placeholder="New starters, March")
        problems.slot("title")
        st.multiselect(
            "Scenarios",
            list(scenarios),
            format_func=lambda sid: scenario_label(scenarios, sid),
            key="trainer.new.scenarios",
        )
        problems.slot("scenarios")
        creating = st.form_submit_button("Create session", type="primary")
    if not creating:
        return
    title, chosen = ss["trainer.new.title"], ss["trainer.new.scenarios"]
    if not title.strip():
        problems.add("title", "Give the session a title, such as 'New starters, March'.")
    if not chosen:
        problems.add("scenarios", "Choose at least one scenario for the session.")
    if problems:
        return
    try:
        made = open_session(store, person, title, chosen)
    except TrainingError as problem:
        problems.add("title", str(problem))
        return
    ss[SESSION_KEY] = made.id  # drawn after this form, so it may still be set
    for key in ("trainer.new.title", "trainer.new.scenarios"):
        del ss[key]
    flash(f"Session '{made.title}' is open: trainees join with the code {made.code}.")
    st.rerun()


def choose_session(sessions: list[TrainingSession]) -> TrainingSession | None:
    """The session the trainer looks at (newest first), or None when there is none yet."""
    if not sessions:
        st.info(
            "No training session yet. Create one above: trainees join it with its code on the "
            "Training page.",
            icon=":material/school:",
        )
        return None
    by_id = {session.id: session for session in sessions}
    if st.session_state.get(SESSION_KEY) not in by_id:
        st.session_state[SESSION_KEY] = sessions[0].id
    chosen = st.selectbox(
        "Session",
        list(by_id),
        format_func=lambda sid: (
            f"{by_id[sid].title} ({by_id[sid].code}{', closed' if by_id[sid].closed_at else ''})"
        ),
        key=SESSION_KEY,
    )
    return by_id[chosen]


# --- The session's header and actions -------------------------------------------------------------


def session_header(session: TrainingSession, scenarios: Mapping[str, Scenario]) -> None:
    """The join code, large, and what the session sets."""
    code_column, about = st.columns([1, 2])
    code_column.metric("Join code", session.code)
    with about:
        st.markdown(f"**{md_escape(session.title)}**")
        state = "closed " + plain_time(session.closed_at) if session.closed_at else "open"
        released = "released" if session.models_released else "not released yet"
        st.caption(
            f"Opened {plain_time(session.created_at)} by {md_escape(session.trainer)}; "
            f"{state}. Model answers: {released}."
        )
        st.markdown(
            "\n".join(f"- {md_escape(scenario_label(scenarios, s))}" for s in session.scenario_ids)
        )


def session_actions(store: Store, person: Person, session: TrainingSession) -> None:
    """Release the model answers; close the session."""
    release, close = st.columns(2)
    if release.button(
        "Release the model answers",
        key="trainer.release",
        disabled=session.models_released,
        help="Every trainee in the session can then see the model answer beside their attempt.",
    ):
        release_answers(store, person, session.id)
        flash("The model answers are released to the session's trainees.")
        st.rerun()
    if close.button(
        "Close the session",
        key="trainer.close",
        disabled=session.closed_at is not None,
        help="Nobody joins or starts an attempt any more; everything done is kept.",
    ):
        close_session(store, person, session.id)
        flash("The session is closed; its attempts and submissions are kept.")
        st.rerun()


def _score(score: int | None) -> str:
    """A score for a table: "not yet" before the first submission."""
    return "not yet" if score is None else str(score)


# --- The live view --------------------------------------------------------------------------------


def live_view(store: Store, session: TrainingSession, scenarios: Mapping[str, Scenario]) -> None:
    """Everything the trainer watches during a session, refreshed every ``REFRESH_EVERY``."""

    @st.fragment(run_every=REFRESH_EVERY)
    def _draw() -> None:
        attempts = store.attempts(session_id=session.id)
        submissions = store.submissions(session_id=session.id)
        wanted = {s: scenarios[s] for s in session.scenario_ids if s in scenarios}
        view = session_view(attempts, submissions, wanted)
        _draw_view(view, submissions, scenarios)
        st.download_button(
            "Download the session (CSV)",
            session_csv(submissions),
            file_name=f"training-session-{session.code}.csv",
            mime="text/csv",
            key="trainer.csv",
            icon=":material/download:",
        )
        st.caption(f"Refreshes itself every {REFRESH_EVERY.seconds} seconds.")

    _draw()


def _draw_view(view: SessionView, submissions: list, scenarios: Mapping[str, Scenario]) -> None:
    started, sent, median = st.columns(3)
    started.metric("Trainees started", view.started)
    sent.metric("Trainees submitted", view.submitted)
    middle = view.spread.median
    median.metric("Median latest score", "–" if middle is None else f"{middle:g}")
    if not view.progress:
        st.info(
            "Nobody has started yet. Trainees open Training, enter the join code and pick a "
            "scenario.",
            icon=":material/hourglass_empty:",
        )
        return
    st.subheader("Who has started and submitted", anchor=False)
    table(
        [
            {
                "Trainee": row.trainee,
                "Scenario": scenario_label(scenarios, row.scenario_id),
                "Started": "yes" if row.started else "no",
                "Attempts": row.attempts,
                "Submitted": row.submitted,
                "Latest score": _score(row.latest_score),
                "Best score": _score(row.best_score),
                "Last activity": plain_time(row.last_activity) if row.last_activity else "",
            }
            for row in view.progress
        ]
    )
    if not submissions:
        st.caption("No attempt has been submitted for feedback yet.")
        return
    st.subheader("Every submission", anchor=False)
    table(
        [
            {
                "Trainee": s.trainee,
                "Scenario": scenario_label(scenarios, s.scenario_id),
                "Attempt": s.attempt,
                "Submitted": plain_time(s.submitted_at),
                "Score": s.score,
                "Mistakes": "; ".join(mistake_title(kind) for kind in kinds_of(s)),
            }
            for s in reversed(submissions)
        ]
    )
    _scores(view)
    _mistakes(view)
    _hit_rates(view, scenarios)


@functools.lru_cache(maxsize=64)
def band_chart(bands: tuple[tuple[str, int], ...]) -> str:
    """The score spread's Vega-Lite spec (JSON), built with Altair once per distinct data: Altair
    validates a spec on every call, which would cost each rerun ~30 ms a chart."""
    data = pd.DataFrame([{"Score": label, "Trainees": n} for label, n in bands])
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(  # typed channels: Altair parses shorthand ("Score:N") slowly
            x=alt.X(field="Score", type="nominal", sort=None, title="Score band"),
            y=alt.Y(field="Trainees", type="quantitative", axis=alt.Axis(tickMinStep=1)),
        )
        .properties(height=220)
    )
    return json.dumps(chart.to_dict())


@functools.lru_cache(maxsize=64)
def mistake_chart(rows: tuple[tuple[str, int, str], ...]) -> str:
    """The mistakes chart's Vega-Lite spec (JSON) for (mistake, trainees, share) rows."""
    data = pd.DataFrame(rows, columns=["Mistake", "Trainees", "Share"])
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                field="Trainees",
                type="quantitative",
                axis=alt.Axis(tickMinStep=1),
                title="Trainees who made it",
            ),
            y=alt.Y(field="Mistake", type="nominal", sort="-x", title=None),
            tooltip=[
                alt.Tooltip(field="Mistake", type="nominal"),
                alt.Tooltip(field="Share", type="nominal"),
            ],
        )
        .properties(height=max(120, 32 * len(rows)))
    )
    return json.dumps(chart.to_dict())


def _scores(view: SessionView) -> None:
    spread = view.spread
    st.subheader("Score spread", anchor=False)
    st.caption(
        f"Each trainee's latest score ({spread.count}): lowest {spread.minimum}, median "
        f"{spread.median:g}, highest {spread.maximum}."
    )
    st.vega_lite_chart(spec=json.loads(band_chart(spread.bands)), key="trainer.chart.scores")


def _mistakes(view: SessionView) -> None:
    st.subheader("The mistakes most of the group made", anchor=False)
    if not view.mistakes:
        st.success("No mistakes in anyone's latest submission.", icon=":material/celebration:")
        return
    rows = tuple(
        (mistake_title(count.kind), count.trainees, f"{count.share:.0%} of {count.of}")
        for count in view.mistakes
    )
    st.vega_lite_chart(spec=json.loads(mistake_chart(rows)), key="trainer.chart.mistakes")
    st.caption("Counted from each trainee's latest submission; each trainee once per kind.")
    table(
        [
            {"Mistake": title, "Kind": count.kind, "Trainees": n, "Share": share}
            for (title, n, share), count in zip(rows, view.mistakes, strict=True)
        ]
    )


def _hit_rates(view: SessionView, scenarios: Mapping[str, Scenario]) -> None:
    st.subheader("Rubric hit rates", anchor=False)
    st.caption(
        "Each point of the rubric, and the share of trainees whose latest submission got it "
        "right (no mistake named it)."
    )
    table(
        [
            {
                "Scenario": scenario_label(scenarios, rate.scenario_id),
                "Rubric point": rate.point,
                "Got it right": rate.hits,
                "Of": rate.trainees,
                "Hit rate": f"{rate.rate:.0%}",
            }
            for rate in view.hit_rates
            if rate.trainees
        ]
    )


def sessions_section(store: Store, person: Person, scenarios: Mapping[str, Scenario]) -> None:
    """The Sessions tab: a new session, the chosen one's code, actions and live view (every
    scenario a session may set: ``sessions.all_scenarios``)."""
    sessions = store.sessions()
    new_session_form(store, person, scenarios, first=not sessions)
    session = choose_session(sessions)
    if session is None:
        return
    session_header(session, scenarios)
    session_actions(store, person, session)
    live_view(store, session, scenarios)
