"""Items: for each numbered item, what was searched and the outcome; answers typed in; s21
where-to-find."""

import streamlit as st

from foi_core.actions.items import ItemInput, save_items, set_every_outcome
from foi_core.models import OUTCOME_LABELS, Outcome
from foi_core.workflow import ANSWER_OUTCOMES
from ui import FieldProblems, case_page, field_key, md_escape
from ui.actions import save_result

loaded = case_page("items")
case = loaded.case
ss = st.session_state
OUTCOMES = list(OUTCOME_LABELS)

if not case.request.items:
    st.info("This case has no items yet: paste the request on the Request page first.")
    st.page_link("pages/request.py", label="Go to Request", query_params={"case": case.id})
    st.stop()

# --- A quick way to give every item the same outcome (e.g. a routine NCND) ----------------------

with st.expander("Give every item the same outcome"):
    with st.form("all_items", border=False):
        st.selectbox(
            "Outcome for every item",
            OUTCOMES,
            index=None,
            format_func=OUTCOME_LABELS.__getitem__,
            placeholder="Choose an outcome",
            key=field_key("all.outcome"),
        )
        apply_all = st.form_submit_button("Apply to every item")
    if apply_all:
        result = set_every_outcome(case, ss[field_key("all.outcome")])
        save_result(result)
        for problem in result.problems:
            st.error(problem.message)

# --- One block per item ------------------------------------------------------------------------

problems = FieldProblems()
with st.form("items", enter_to_submit=False):
    for item in case.request.items:
        n = item.number
        with st.container(border=True):
            st.markdown(f"**Item {n}.** {md_escape(item.text)}")
            col1, col2 = st.columns(2)
            with col1:
                st.selectbox(
                    "Outcome",
                    OUTCOMES,
                    index=OUTCOMES.index(item.outcome) if item.outcome else None,
                    format_func=OUTCOME_LABELS.__getitem__,
                    placeholder="Choose the outcome",
                    key=field_key(f"{n}.outcome"),
                )
                problems.slot(f"items.{n}.outcome")
            with col2:
                st.text_area(
                    "What was searched",
                    value=item.searches,
                    height=68,
                    key=field_key(f"{n}.searches"),
                    help="Systems, departments, records and search terms for this item.",
                )
            if item.outcome in ANSWER_OUTCOMES or item.answer:
                st.text_area(
                    "The answer (the information disclosed)",
                    value=item.answer,
                    key=field_key(f"{n}.answer"),
                )
                problems.slot(f"items.{n}.answer")
            if item.outcome is Outcome.ACCESSIBLE_ELSEWHERE or item.where_to_find:
                st.text_area(
                    "Where to find it (s21): a link or precise directions",
                    value=item.where_to_find,
                    height=68,
                    key=field_key(f"{n}.where"),
                )
                problems.slot(f"items.{n}.where_to_find")
    save = st.form_submit_button("Save items", type="primary")

if save:
    inputs = {}
    for item in case.request.items:
        n = item.number
        inputs[n] = ItemInput(
            outcome=ss[field_key(f"{n}.outcome")],
            searches=ss[field_key(f"{n}.searches")],
            answer=ss.get(field_key(f"{n}.answer")),
            where_to_find=ss.get(field_key(f"{n}.where")),
        )
    result = save_items(case, inputs)
    save_result(result, problems)
    if result.problems:
        st.error("Nothing was saved: fix the problems shown above.")
