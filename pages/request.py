"""Request: references, dates (with the due date), the requester, and the request split into
numbered items."""

import streamlit as st
from pydantic import ValidationError

from foi_core.deadlines import case_deadlines, describe_date
from foi_core.models import Case, field_label
from foi_core.workflow import mark_recheck, set_items, split_request
from ui import FieldProblems, case_page, date_field, field_key, save_case

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
        problems.slot("request.our_ref")
    with col2:
        st.text_input(
            "Requester's reference (if any)",
            value=case.request.their_ref,
            key=field_key("their_ref"),
        )
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

    st.markdown("#### Requester (personal data)")
    st.caption(
        "Only used to address the letter. The requester's identity and motives play no part in "
        "the decision, so these details are not shown on the reasoning pages."
    )
    col1, col2 = st.columns(2)
    with col1:
        st.text_input("Name", value=case.requester.name, key=field_key("requester.name"))
        st.text_input(
            "Email or other contact",
            value=case.requester.contact,
            key=field_key("requester.contact"),
        )
    with col2:
        st.text_area(
            "Postal address", value=case.requester.address, key=field_key("requester.address")
        )

    st.markdown("#### The request")
    st.text_area(
        "Request text, pasted in as received",
        value=case.request.text,
        height=220,
        key=field_key("text"),
        help="Numbered questions, lettered parts, bullets or paragraphs are split into items.",
    )
    problems.slot("request.text")
    st.text_area(
        "Searches made for the information",
        value=case.request.searches,
        key=field_key("searches"),
        help="Which systems, departments and records were searched, and with what terms.",
    )

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
        save = st.form_submit_button("Save", type="primary")
    with col2:
        save_and_split = st.form_submit_button(
            "Save and split the text into items",
            help="Replaces the items below with the text split afresh. Items whose wording is "
            "unchanged keep their outcomes and answers.",
        )


def dates_in_order(first: str, second: str, field: str, first_words: str) -> bool:
    """Check that the later date of a pair is not set alone or before the first one."""
    start, end = ss[field_key(first)], ss[field_key(second)]
    if end is not None and start is None:
        problems.add(field, f"Enter the date {first_words} first.")
        return False
    if start is not None and end is not None and end < start:
        problems.add(field, f"This cannot be before the date {first_words}.")
        return False
    return True


if save or save_and_split:
    data = case.model_dump()
    data["title"] = ss[field_key("title")]
    data["request"].update(
        our_ref=ss[field_key("our_ref")].strip(),
        their_ref=ss[field_key("their_ref")].strip(),
        received=ss[field_key("received")],
        text=ss[field_key("text")],
        searches=ss[field_key("searches")],
    )
    data["requester"] = {
        "name": ss[field_key("requester.name")],
        "contact": ss[field_key("requester.contact")],
        "address": ss[field_key("requester.address")],
    }
    asked, answered = ss[field_key("clar.asked_on")], ss[field_key("clar.received_on")]
    data["clarification"] = {"asked_on": asked, "received_on": answered} if asked else None
    issued, paid = ss[field_key("fees.issued_on")], ss[field_key("fees.paid_on")]
    data["fees_notice"] = {"issued_on": issued, "paid_on": paid} if issued else None

    dates_ok = dates_in_order(
        "clar.asked_on", "clar.received_on", "clarification.received_on", "it was asked for"
    )
    dates_ok &= dates_in_order(
        "fees.issued_on", "fees.paid_on", "fees_notice.paid_on", "the notice was issued"
    )
    if ss[field_key("received")] is None:
        problems.add("request.received", "Enter the date the request was received.")
        dates_ok = False
    new_texts = split_request(ss[field_key("text")]) if save_and_split else None
    if save_and_split and not new_texts:
        problems.add("request.text", "Paste the request in first: there is nothing to split.")
    try:
        edited = Case.model_validate(data)
    except ValidationError as error:
        problems.show_error(error)
    else:
        if dates_ok and not problems:
            if edited.model_dump(exclude={"request"}) != case.model_dump(exclude={"request"}) or (
                edited.request.model_dump(exclude={"items", "text"})
                != case.request.model_dump(exclude={"items", "text"})
            ):
                edited = mark_recheck(edited, "letter")
            summary = "Request details saved"
            if new_texts:
                edited = set_items(edited, new_texts)
                summary = f"Request saved and split into {len(new_texts)} item(s)"
            save_case(edited, summary, message=summary + ".")

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
    save_items = st.form_submit_button("Save items", type="primary")

if save_items:
    texts = [ss[field_key(f"item.{item.number}")] for item in case.request.items]
    texts.append(ss[field_key("item.new")])
    kept = [t for t in texts if t.strip()]
    if not kept:
        item_problems.add("items", "A request needs at least one item; type one in.")
    else:
        edited = set_items(case, kept)
        removed = (
            len(case.request.items)
            + 1
            - len(texts)
            + texts.count("")
            + sum(1 for t in texts if not t.strip() and t)
        )
        save_case(edited, f"Items edited ({len(kept)} item(s))", message="Items saved.")
