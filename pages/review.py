"""Internal review: open a review of an issued response, then, on the review case, find part by
part whether the original decision stands, decide the outcome and issue the outcome letter."""

import streamlit as st

from foi_core.models import CaseKind
from foi_core.people import can_edit
from ui import md_escape
from ui.aftercare import (
    decide_form,
    open_review_form,
    original_links,
    outcome_letter,
    parts_form,
    review_dates,
    start_from_original,
    start_page,
)
from ui.layout import case_findings

GUIDANCE = (
    "When a requester is unhappy with our response, the Code of Practice under section 45 of "
    "the Act asks us to review it: someone who took no part in the original decision (better, "
    "someone more senior) takes a fresh decision, as at the time of the request. It should take "
    "20 working days, and never more than 40. The outcome letter says whether the decision is "
    "upheld (stands), upheld in part or overturned, gives the reasons and any information now "
    "disclosed, and tells the requester of their right to complain to the Information "
    "Commissioner (section 50)."
)
loaded, store, person = start_page("Internal review", GUIDANCE)
case = loaded.case

start_from_original(
    case, CaseKind.ICO_COMPLAINT, "ICO complaint", lambda: open_review_form(case, store, person)
)

# --- A review case ----------------------------------------------------------------------------

review = case.review
if review is None:
    st.error("This review case has no review record. Please report this.")
    st.stop()
st.markdown(f"**Reviewer:** {md_escape(review.reviewer or 'not recorded')}")
original_links(case)
review_dates(case)
editing = can_edit(person, case)
if not editing:
    st.caption(md_escape(editing.reason))
st.caption(
    "Where a part changed, put the answer right on the step pages (Items, Exemptions, Harm, "
    "Public interest, Balance): they work on this review case, which started as a copy of the "
    "original's reasoning. The original case is left as it was."
)
parts_form(case, bool(editing))
st.markdown("#### The outcome")
decide_form(case, bool(editing))
findings = case_findings(case)
outcome_letter(case, loaded.version, store, person, findings)
