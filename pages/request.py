"""Request: references, dates (with the due date), the requester, and the request split into
numbered items."""

import streamlit as st

from foi_core.actions.request import RequestForm, edit_items, save_request
from foi_core.deadlines import case_deadlines, describe_date
from foi_core.models import field_label
from ui import FieldProblems, case_page, date_field, field_key
from ui.actions import save_result
from ui.fields import reach_note
from ui.layout import locked

loaded = case_page("request")
case = loaded.case
ss = st.session_state

# --- Deadlines (from the saved case, so they change as soon as a date is saved) ------------------

deadlines = case_deadlines(case)  # dates it cannot count from are in deadlines.problems


def deadline_problems(field: str | None = None) -> None:
    """Show the deadline problems about ``field`` (all of them when None), in plain words."""
    for problem in deadlines.problems:
        if field is None or problem.field == field:
            label = field_label(problem.field).capitalize()
            st.error(f"{label}: {problem.message}", icon=":material/event_busy:")


with st.container(border=True):
    deadline_problems()
    if deadlines.due is not None:
        st.markdown(f"**Due:** {describe_date(deadlines.due)} (20 working days after receipt)")
    if deadlines.extended_due is not None:
        st.markdown(f"**Extended to:** {describe_date(deadlines.extended_due)}")
    for note in deadlines.notes:
        st.caption(note)
    for warning in deadlines.warnings:
        st.warning(warning, icon=":material/warning:")

# --- The request form ---------------------------------------------------------------------------

problems = FieldProblems()
with st.form("request", enter_to_submit=False):
    st.markdown("#### References and dates")
    col1, col2, col3 = st.columns(3)
    with col1:
        st.text_input("Our reference", value=case.request.our_ref, key=field_key("our_ref"))
        reach_note("request.our_ref")
        problems.slot("request.our_ref")
    with col2:
        st.text_input(
            "Requester's reference (if any)",
            value=case.request.their_ref,
            key=field_key("their_ref"),
        )
        reach_note("request.their_ref")
    with col3:
        date_field(
            "Date received",
            case.request.received,
            "received",
            help="The day the request arrived is day 0; the next working day is day 1.",
        )
        problems.slot("request.received")
        deadline_problems("request.received")
    st.text_input(
        "Short title",
        value=case.title,
        key=field_key("title"),
        help="A few words to recognise the case by; do not put the requester's name here.",
    )
    reach_note("title")

    st.markdown("#### Requester (personal data)")
    st.caption(
        "Only used to address the letter. The requester's identity and motives play no part in "
        "the decision, so these details are not shown on the reasoning pages."
    )
    col1, col2 = st.columns(2)
    with col1:
        st.text_input("Name", value=case.requester.name, key=field_key("requester.name"))
        reach_note("requester.name")
        st.text_input(
            "Email or other contact",
            value=case.requester.contact,
            key=field_key("requester.contact"),
        )
        reach_note("requester.contact")
    with col2:
        st.text_area(
            "Postal address", value=case.requester.address, key=field_key("requester.address")
        )
        reach_note("requester.address")

    st.markdown("#### The request")
    st.text_area(
        "Request text, pasted in as received",
        value=case.request.text,
        height=220,
        key=field_key("text"),
        help="Numbered questions, lettered parts, bullets or paragraphs are split into items.",
    )
    reach_note("request.text")
    problems.slot("request.text")
    st.text_area(
        "Searches made for the information",
        value=case.request.searches,
        key=field_key("searches"),
        help="Which systems, departments and records were searched, and with what terms. Asked "
        "once, for the whole request: on the Items page, add a note only for an item searched "
        "differently.",
    )
    reach_note("request.searches")

    with st.expander("Clarification and fees (these stop the clock)"):
        clar = case.clarification
        fees = case.fees_notice
        col1, col2 = st.columns(2)
        with col1:
            date_field(
                "Clarification asked for on (s1(3))", clar and clar.asked_on, "clar.asked_on"
            )
            problems.slot("clarification.asked_on")
            date_field("Fees notice issued on (s9)", fees and fees.issued_on, "fees.issued_on")
            problems.slot("fees_notice.issued_on")
        with col2:
            date_field("Clarification received on", clar and clar.received_on, "clar.received_on")
            problems.slot("clarification.received_on")
            deadline_problems("clarification.received_on")
            date_field("Fee paid on", fees and fees.paid_on, "fees.paid_on")
            problems.slot("fees_notice.paid_on")

    col1, col2 = st.columns(2)
    with col1:
        save = st.form_submit_button("Save", type="primary", disabled=locked())
    with col2:
        save_and_split = st.form_submit_button(
            "Save and split the text into items",
            help="Replaces the items below with the text split afresh. Items whose wording is "
            "unchanged keep their outcomes and answers.",
            disabled=locked(),
        )


# The form's widget keys, by the RequestForm field each one fills.
FORM_KEYS = {
    "title": "title",
    "our_ref": "our_ref",
    "their_ref": "their_ref",
    "received": "received",
    "text": "text",
    "searches": "searches",
    "requester_name": "requester.name",
    "requester_contact": "requester.contact",
    "requester_address": "requester.address",
    "clarification_asked_on": "clar.asked_on",
    "clarification_received_on": "clar.received_on",
    "fees_issued_on": "fees.issued_on",
    "fees_paid_on": "fees.paid_on",
}

if save or save_and_split:
    form = RequestForm(**{name: ss[field_key(key)] for name, key in FORM_KEYS.items()})
    save_result(save_request(case, form, split=save_and_split), problems)

# --- The items -----------------------------------------------------------------------------------

st.markdown("#### Numbered items")
if not case.request.items:
    st.info(
        "No items yet. Paste the request above and press **Save and split the text into items**, "
        "or type the items in below."
    )
st.caption(
    "Edit an item's wording here. Clear an item's text to remove it; items are renumbered. "
    "Outcomes and answers stay with items whose wording is unchanged."
)
reach_note("request.items[].text")
item_problems = FieldProblems()
with st.form("items_text", enter_to_submit=False):
    for item in case.request.items:
        st.text_area(
            f"Item {item.number}",
            value=item.text,
            key=field_key(f"item.{item.number}"),
            height=80,
        )
    st.text_area(
        "Add an item",
        value="",
        key=field_key("item.new"),
        height=80,
        placeholder="Type a further question here to add it at the end",
    )
    item_problems.slot("items")
    save_items = st.form_submit_button("Save items", type="primary", disabled=locked())

if save_items:
    texts = [ss[field_key(f"item.{item.number}")] for item in case.request.items]
    save_result(edit_items(case, [*texts, ss[field_key("item.new")]]), item_problems)
