"""The Items page's block for one item: the requester's numbering, the outcome, and the fields
that outcome asks for (shown as soon as the outcome is chosen, before anything is saved), each
saying whether it reaches the letter; a note of the item's searches only where they differ from
the whole request's."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.items import ItemInput, fields_for
from foi_core.models import OUTCOME_LABELS, RequestItem
from ui.fields import FieldProblems, date_field, reach_note
from ui.state import field_key
from ui.text import md_escape

OUTCOMES = list(OUTCOME_LABELS)
# The text boxes an outcome may ask for: (field, label, help, height).
TEXT_FIELDS = (
    ("answer", "The answer (the information disclosed)", None, 100),
    ("where_to_find", "Where to find it (s21): a link or precise directions", None, 68),
    (
        "held_by",
        "Held by another authority? Name it",
        "Leave blank if no other authority holds it. The letter names the authority instead of "
        "only saying 'We do not hold this information'.",
        68,
    ),
    (
        "discretionary",
        "Information given outside the Act (optional)",
        "A goodwill gesture beside the refusal, for example some figures within the cost limit. "
        "The letter says this does not waive the Act.",
        80,
    ),
)
SEARCHES_NOTE = "Searched differently for this item? (optional)"
SEARCHES_LABEL = "Searches for this item, where they differ from the whole request's"
# Widget names kept from earlier versions of the page (tests and E2E scripts use them).
WIDGET_NAMES = {"where_to_find": "where"}


def _widget(n: int, name: str) -> str:
    return field_key(f"{n}.{WIDGET_NAMES.get(name, name)}")


def item_block(item: RequestItem, problems: FieldProblems) -> None:
    """One item's fields; the ones its chosen outcome asks for appear when it is chosen."""
    n = item.number
    st.markdown(f"**Item {md_escape(item.shown_number)}.** {md_escape(item.text)}")
    col1, col2 = st.columns([1, 2])
    with col1:
        st.text_input(
            "Number as the requester wrote it",
            value=item.label,
            key=_widget(n, "label"),
            placeholder=str(n),
            help="For example 3a or 4.1; the letter prints it instead of the item number.",
        )
        reach_note("request.items[].label")
        problems.slot(f"items.{n}.label")
    with col2:
        outcome = st.selectbox(
            "Outcome",
            OUTCOMES,
            index=OUTCOMES.index(item.outcome) if item.outcome else None,
            format_func=OUTCOME_LABELS.__getitem__,
            placeholder="Choose the outcome",
            key=_widget(n, "outcome"),
        )
        problems.slot(f"items.{n}.outcome")
    asked = fields_for(outcome)
    for name, label, help_text, height in TEXT_FIELDS:
        if name in asked or getattr(item, name):
            st.text_area(
                label,
                value=getattr(item, name),
                height=height,
                key=_widget(n, name),
                help=help_text,
            )
            reach_note(f"request.items[].{name}")
            problems.slot(f"items.{n}.{name}")
        if name == "held_by" and ("transferred_on" in asked or item.transferred_on):
            date_field(
                "Transferred to that authority on (leave blank if not transferred)",
                item.transferred_on,
                f"{n}.transferred_on",
            )
            problems.slot(f"items.{n}.transferred_on")
    _own_searches(item)


def _own_searches(item: RequestItem) -> None:
    """A note of this item's searches, only where they differ from the whole request's (asked
    once, on the Request page); folded away unless the item has one."""
    with st.expander(SEARCHES_NOTE, expanded=bool(item.searches.strip())):
        st.text_area(
            SEARCHES_LABEL,
            value=item.searches,
            height=68,
            key=_widget(item.number, "searches"),
            placeholder="Leave blank when the searches for the whole request cover this item.",
            help="The letter prints the request's searches once, then this note for this item.",
        )
        reach_note("request.items[].searches")


def item_input(item: RequestItem) -> ItemInput:
    """What the page holds for one item (None for a field it did not show)."""
    ss = st.session_state
    n = item.number
    values = {
        name: ss.get(_widget(n, name))
        for name in ("answer", "where_to_find", "held_by", "discretionary", "transferred_on")
    }
    return ItemInput(
        outcome=ss[_widget(n, "outcome")],
        searches=ss[_widget(n, "searches")],
        label=ss[_widget(n, "label")],
        **values,
    )
