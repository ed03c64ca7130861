"""The Training page's current attempt: "Submit for feedback", the score, each mistake in plain
English with a link to the step that puts it right and to the Guide, what was done well, the
model answer beside the attempt (once visible) and "Try again"."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foi_core.models import Case
from foi_core.people import Person, can_edit
from foi_core.steps import STEPS_BY_KEY
from foi_core.training import Scenario
from foi_core.training.feedback import Feedback, feedback, side_by_side
from foi_core.training.sessions import (
    Submission,
    TrainingError,
    model_answer_visible,
    retry,
    submit_for_feedback,
)
from ui.nav import PAGES_BY_STEP
from ui.state import flash, get_store, open_case
from ui.text import md_escape
from ui.training_casefile import attempt_scenario, case_file_text

GUIDE_PAGE = "pages/guide.py"


def attempt_panel(case: Case, person: Person) -> None:
    """The attempt open on the Training page: its case file, submitting it, its feedback."""
    assert case.training is not None
    scenario = attempt_scenario(case)
    if scenario is None:
        st.warning("The scenario of this attempt can no longer be found.", icon=":material/error:")
        return
    store = get_store()
    st.subheader(
        f"Your attempt: {md_escape(scenario.title)} (attempt {case.training.attempt})",
        anchor=False,
    )
    with st.expander("Case file", icon=":material/folder_shared:"):
        st.markdown(case_file_text(scenario))
    editing = can_edit(person, case)
    left, right = st.columns(2)
    left.page_link(
        "pages/request.py",
        label="Continue working on it",
        icon=":material/edit:",
        query_params={"case": case.id},
    )
    if right.button(
        "Submit for feedback",
        type="primary",
        icon=":material/grading:",
        disabled=not editing,
        help=None if editing else editing.reason,
        key="training.submit",
    ):
        try:
            submit_for_feedback(store, case, person)
        except (TrainingError, PermissionError) as error:
            st.error(md_escape(str(error)), icon=":material/error:")
    submitted = store.submissions(case_id=case.id)
    if not submitted:
        st.caption("When you have worked through the steps, submit the attempt for feedback.")
        return
    show_feedback(scenario, submitted[-1], len(submitted))
    if model_answer_visible(store, case):
        show_side_by_side(scenario, submitted[-1].case)
    else:
        st.info(
            "The model answer is shown here once your trainer releases it.",
            icon=":material/visibility_off:",
        )
    if st.button("Try again", icon=":material/replay:", disabled=not editing, key="training.retry"):
        try:
            again = retry(store, case, person)
        except (TrainingError, PermissionError) as error:
            st.error(md_escape(str(error)), icon=":material/error:")
            return
        flash(
            f"Attempt {again.training.attempt if again.training else ''} started from your "
            "previous work: put the mistakes right, then submit it again."
        )
        open_case("pages/request.py", again.id)


def show_feedback(scenario: Scenario, submission: Submission, count: int) -> None:
    """The score, each mistake and what was done well (marked again from the attempt as it was
    submitted: the marking is deterministic, so it says what it said then)."""
    result: Feedback = feedback(scenario, submission.case)
    st.metric("Score", f"{result.score} out of 100")
    if count > 1:
        st.caption(f"Submission {count} of this attempt.")
    if not result.mistakes:
        st.success("No mistakes: this matches the model answer.", icon=":material/verified:")
    else:
        st.markdown(f"**Mistakes ({len(result.mistakes)})**")
    for number, mistake in enumerate(result.mistakes, 1):
        with st.container(border=True):
            st.markdown(f"**{number}. {md_escape(mistake.title)}**")
            st.markdown(md_escape(mistake.message))
            where = []
            if mistake.item is not None:
                where.append(f"Item {mistake.item}")
            if mistake.citation or mistake.provision:
                where.append(f"Provision: {mistake.citation or mistake.provision}")
            if where:
                st.caption(md_escape(" · ".join(where)))
            st.markdown(f"*Why it matters:* {md_escape(mistake.why_it_matters)}")
            links = st.columns(2)
            page = PAGES_BY_STEP.get(mistake.step)
            if page is not None:
                links[0].page_link(
                    page.file,
                    label=f"Put it right on {STEPS_BY_KEY[mistake.step].title}",
                    icon=":material/arrow_forward:",
                    query_params={"case": submission.case_id},
                )
            links[1].page_link(GUIDE_PAGE, label="What the Guide says", icon=":material/menu_book:")
    if result.done_well:
        st.markdown("**What you did well**")
        st.markdown("\n".join(f"- {md_escape(text)}" for text in result.done_well))


def show_side_by_side(scenario: Scenario, attempt: Case) -> None:
    """The model answer beside the attempt, item by item (a table: shown literally)."""
    st.markdown("**The model answer beside yours**")
    rows = [
        {
            "Item": row.item,
            "Request": row.text,
            "Model answer": row.model_outcome,
            "Your answer": row.attempt_outcome,
            "Model exemptions": "; ".join(row.model_provisions),
            "Your exemptions": "; ".join(row.attempt_provisions),
            "Model balance": row.model_balance,
            "Your balance": row.attempt_balance,
            "Answer right": "Yes" if row.outcome_right else "No",
        }
        for row in side_by_side(scenario, attempt)
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
