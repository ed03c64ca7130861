"""s12: the cost estimate line by line, with running totals, and the s16 advice."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.balance import CostRow, preview_cost_estimate, set_cost_estimate
from foi_core.models import (
    MAX_HOURLY_RATE,
    MAX_LIMIT_POUNDS,
    MAX_MINUTES_EACH,
    MAX_RECORDS,
    Case,
    CostActivity,
    CostEstimate,
    CostLine,
)
from ui import FieldProblems, field_key
from ui.actions import save_result
from ui.balance.common import section
from ui.fields import reach_note
from ui.layout import locked
from ui.reasoning import COST_ACTIVITY_LABELS, cost_totals

ACTIVITIES = list(CostActivity)


def draw(case: Case) -> None:
    """The section (shown when an item is refused for cost or a claim relies on s12)."""
    section(
        "Cost estimate (s12)",
        "Count only time spent determining whether the information is held, locating, "
        "retrieving and extracting it. Redaction and considering exemptions do not count.",
    )
    with st.container(border=True):
        editor(case)


def line_row(index: int, saved: CostLine | None, problems: FieldProblems) -> CostRow:
    """One line's boxes; what they hold."""
    prefix = f"cost.{index}"
    cols = st.columns([3, 4, 2, 2, 1.4], vertical_alignment="bottom")
    with cols[0]:
        activity = st.selectbox(
            f"Activity (line {index + 1})",
            ACTIVITIES,
            index=ACTIVITIES.index(saved.activity) if saved else None,
            format_func=COST_ACTIVITY_LABELS.__getitem__,
            placeholder="Choose",
            key=field_key(f"{prefix}.activity"),
        )
    with cols[1]:
        description = st.text_input(
            "What is done",
            value=saved.description if saved else "",
            key=field_key(f"{prefix}.description"),
        )
        reach_note("cost_estimate.lines[].description")
    with cols[2]:
        records = st.number_input(
            "Records",
            min_value=0,
            max_value=MAX_RECORDS,
            step=1,
            value=saved.records if saved else 0,
            key=field_key(f"{prefix}.records"),
        )
    with cols[3]:
        minutes = st.number_input(
            "Minutes each",
            min_value=0.0,
            max_value=float(MAX_MINUTES_EACH),
            step=0.5,
            value=float(saved.minutes_each) if saved else 0.0,
            key=field_key(f"{prefix}.minutes"),
        )
    with cols[4]:
        remove = st.checkbox("Remove", key=field_key(f"{prefix}.remove"))
    problems.slot(f"cost.lines.{index}")
    return CostRow(index, activity, description, records, minutes, remove)


def totals(preview: CostEstimate | list, problems: FieldProblems) -> None:
    """The running totals, or why they cannot be worked out."""
    if not isinstance(preview, CostEstimate):
        problems.show(preview)
    elif preview.exceeds_limit:
        st.info(cost_totals(preview) + " Section 12 can be relied on.", icon=":material/payments:")
    else:
        st.warning(
            cost_totals(preview) + " Within the limit, the request cannot be refused under s12.",
            icon=":material/payments:",
        )


@st.fragment
def editor(case: Case) -> None:
    """The estimate line by line, outside a form so the totals update as figures change."""
    estimate = case.cost_estimate or CostEstimate()
    rows_key = field_key("cost.rows")
    if rows_key not in st.session_state:
        st.session_state[rows_key] = max(1, len(estimate.lines))
    problems = FieldProblems()
    rows = [
        line_row(index, estimate.lines[index] if index < len(estimate.lines) else None, problems)
        for index in range(st.session_state[rows_key])
    ]
    if st.button(
        "Add a line", icon=":material/add:", key=field_key("cost.add_line"), disabled=locked()
    ):
        st.session_state[rows_key] += 1
        st.rerun(scope="fragment")

    limit_help = "£450 for police forces and other authorities; £600 for central government."
    figures = (  # (label, key, field, maximum, help)
        ("Hourly rate (£)", "rate", "hourly_rate", MAX_HOURLY_RATE, None),
        ("Appropriate limit (£)", "limit", "limit_pounds", MAX_LIMIT_POUNDS, limit_help),
    )
    entered: dict[str, float] = {}
    for column, (label, key, name, maximum, help_text) in zip(st.columns(2), figures, strict=True):
        with column:
            entered[name] = st.number_input(
                label,
                min_value=0.01,
                max_value=maximum,
                value=float(getattr(estimate, name)),
                help=help_text,
                key=field_key(f"cost.{key}"),
            )
            problems.slot(f"cost.{name}")
    totals(preview_cost_estimate(rows, **entered), problems)
    method = st.text_area(
        "How the estimate was made (sampling, systems searched)",
        value=estimate.method,
        key=field_key("cost.method"),
    )
    reach_note("cost_estimate.method")
    problems.slot("cost.method")
    advice = st.text_area(
        "Advice on narrowing the request (s16)",
        value=estimate.s16_advice,
        help="Say what could be provided within the limit and how the request could be refined.",
        key=field_key("cost.advice"),
    )
    reach_note("cost_estimate.s16_advice")
    problems.slot("cost.s16_advice")
    if st.button(
        "Save the cost estimate", type="primary", key=field_key("cost.save"), disabled=locked()
    ):
        result = set_cost_estimate(case, rows, method=method, s16_advice=advice, **entered)
        if result.ok:
            save_result(result)
        else:  # those the totals already showed are not repeated
            problems.show([p for p in result.problems if p not in problems.problems])
