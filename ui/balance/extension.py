"""s10(3): the record of extending the time to consider the public interest."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.balance import extension_dates, remove_pit_extension, set_pit_extension
from foi_core.deadlines import describe_date
from foi_core.models import Case, ExtensionStatus
from ui import FieldProblems, date_field, field_key
from ui.actions import save_result
from ui.balance.common import section, typed
from ui.fields import reach_note
from ui.layout import locked
from ui.reasoning import parse_date

STATUSES = list(ExtensionStatus)
STATUS_LABELS = {
    ExtensionStatus.PLANNED: "Planned",
    ExtensionStatus.NOTIFIED: "Requester told (s17(2) notice sent)",
    ExtensionStatus.COMPLETED: "Decision made",
}


def draw(case: Case, problems: FieldProblems) -> None:
    """The section (shown when a qualified claim needs a public interest test)."""
    section(
        "Extra time to consider the public interest (s10(3))",
        "The refusal notice saying which exemption applies is still due within 20 working days, "
        "with an estimate of when the public interest decision will be made (s17(2)). The ICO "
        "expects no more than 20 further working days.",
    )
    extension = case.pit_extension
    due, default_date = extension_dates(case)
    if due is not None:
        st.caption(f"The response is due {describe_date(due)}.")
    with st.form("pit-extension", enter_to_submit=False):
        st.checkbox(
            "Record an extension for this case",
            value=extension is not None,
            key=field_key("ext.record"),
        )
        left, right = st.columns(2)
        with left:
            date_field(
                "Estimated decision date",
                extension.estimated_date if extension else default_date,
                "ext.estimated_date",
                help="Defaults to 20 further working days after the due date.",
            )
            problems.slot("ext.estimated_date")
            st.text_input(
                "Decision maker",
                value=extension.decision_maker if extension else case.decision_maker,
                key=field_key("ext.decision_maker"),
            )
            reach_note("pit_extension.decision_maker")
            problems.slot("ext.decision_maker")
        with right:
            st.selectbox(
                "Status",
                STATUSES,
                index=STATUSES.index(extension.status) if extension else 0,
                format_func=STATUS_LABELS.__getitem__,
                key=field_key("ext.status"),
            )
            problems.slot("ext.status")
            date_field(
                "Requester told on", extension.notified_on if extension else None, "ext.notified_on"
            )
            problems.slot("ext.notified_on")
        st.text_area(
            "Why more time is needed",
            value=extension.reason if extension else "",
            key=field_key("ext.reason"),
        )
        reach_note("pit_extension.reason")
        problems.slot("ext.reason")
        submitted = st.form_submit_button("Save the extension record", disabled=locked())
    if not submitted:
        return
    if not typed("ext.record"):
        save_result(remove_pit_extension(case), problems)
        return
    result = set_pit_extension(
        case,
        estimated_date=parse_date(typed("ext.estimated_date")),
        decision_maker=typed("ext.decision_maker"),
        reason=typed("ext.reason"),
        status=typed("ext.status"),
        notified_on=parse_date(typed("ext.notified_on")),
    )
    save_result(result, problems)
