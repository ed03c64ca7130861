"""Items: for each numbered item, the requester's numbering and the outcome, with what that
outcome asks for: the answer, s21 where-to-find, another authority holding it,
information given outside the Act beside a refusal. Searches are asked once, on the Request
page; an item takes a note only where it was searched differently."""

import streamlit as st

from foi_core.actions.items import save_items, set_every_outcome
from foi_core.models import OUTCOME_LABELS
from ui import FieldProblems, case_page, field_key, md_escape
from ui.actions import save_result
from ui.items import OUTCOMES, item_block, item_input
from ui.layout import locked
from ui.preview import letter_preview
from ui.state import fresh_fields

loaded = case_page("items")
case = loaded.case
ss = st.session_state

if not case.request.items:
    st.info("This case has no items yet: paste the request on the Request page first.")
    st.page_link("pages/request.py", label="Go to Request", query_params={"case": case.id})
    st.stop()

# --- Searches: asked once, for the whole request, on the Request page ---------------------------

if case.request.searches.strip():
    st.markdown("**Searches for the whole request:** " + md_escape(case.request.searches))
    st.caption(
        "Recorded once on the Request page; the letter prints them once. Add a note under an "
        "item only where that item was searched differently."
    )
else:
    st.caption(
        "Record the searches once, for the whole request, on the Request page. Leave them out "
        "when every item is neither confirmed nor denied: saying where we looked would show "
        "there was something to look for."
    )
st.page_link(
    "pages/request.py", label="Searches on the Request page", query_params={"case": case.id}
)

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
        apply_all = st.form_submit_button("Apply to every item", disabled=locked())
    if apply_all:
        result = set_every_outcome(case, ss[field_key("all.outcome")])
        if result.ok:
            fresh_fields()  # each item's outcome box must show the new outcome, not the old one
        save_result(result)
        for problem in result.problems:
            st.error(problem.message)

# --- One block per item ------------------------------------------------------------------------
# No form: choosing an outcome shows the fields it asks for at once (the answer box before the
# outcome is saved); nothing is saved until "Save items".

problems = FieldProblems()
for item in case.request.items:
    with st.container(border=True):
        item_block(item, problems)
        letter_preview(case, item=item.number)

if st.button("Save items", type="primary", disabled=locked()):
    result = save_items(case, {item.number: item_input(item) for item in case.request.items})
    save_result(result, problems)
    if result.problems:
        st.error("Nothing was saved: fix the problems shown above.")
