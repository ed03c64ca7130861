"""ICO complaint: record a complaint to the Information Commissioner about an issued response,
then the exchanges with the Commissioner's office, the decision notice and its steps, and any
appeal to the First-tier Tribunal; the original's reasoning is one click away."""

import streamlit as st

from foi_core.models import CaseKind
from foi_core.people import can_edit
from ui.aftercare import original_links, start_from_original, start_page
from ui.aftercare_ico import appeal, decision_notice, exchanges, open_complaint_form, summary_box

GUIDANCE = (
    "A requester still unhappy after the internal review may complain to the Information "
    "Commissioner (section 50 of the Act). The Commissioner's office will ask us for the "
    "withheld information and our reasons, usually with a date to reply by. A decision notice "
    "then says whether the complaint is upheld (the Commissioner agreed with the requester), "
    "partly upheld or not upheld, and may order steps to take, normally within 35 calendar "
    "days; failing to take them can be certified to the High Court (section 54). Either side "
    "may appeal to the First-tier Tribunal (Information Rights) within 28 days."
)
loaded, store, person = start_page("ICO complaint", GUIDANCE)
case = loaded.case

start_from_original(
    case,
    CaseKind.INTERNAL_REVIEW,
    "Internal review",
    lambda: open_complaint_form(case, store, person),
)

if case.ico is None:
    st.error("This complaint case has no complaint record. Please report this.")
    st.stop()
original_links(case)
summary_box(case)
editing = bool(can_edit(person, case))
exchanges(case, editing)
decision_notice(case, editing)
appeal(case, editing)
