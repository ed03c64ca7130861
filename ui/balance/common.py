"""What the Balance sections share: the wording of a conclusion, its four fields, and reading what
was typed."""

from __future__ import annotations

from typing import Any

import streamlit as st

from foi_core.actions.balance import Decision
from foi_core.models import AggregateBalance, Balance, Conclusion
from ui import FieldProblems, date_field, field_key
from ui.fields import reach_note
from ui.reasoning import parse_date

CONCLUSIONS = [Conclusion.MAINTAIN, Conclusion.DISCLOSE]


def typed(name: str) -> Any:
    """What the officer typed into the field ``name`` (None when nothing is there)."""
    return st.session_state.get(field_key(name))


def typed_values(prefix: str, names: tuple[str, ...]) -> dict[str, Any]:
    """What was typed into the fields ``<prefix>.<name>``, by name."""
    return {name: typed(f"{prefix}.{name}") for name in names}


def section(title: str, caption: str) -> None:
    """A section's heading and what the law asks in it."""
    st.markdown(f"### {title}")
    st.caption(caption)


def conclusion_label(value: Conclusion, ncnd: bool) -> str:
    """A conclusion in words, for NCND about confirming or denying."""
    if ncnd:
        return (
            "Maintain the exclusion: neither confirm nor deny"
            if value is Conclusion.MAINTAIN
            else "Confirm or deny whether the information is held"
        )
    return (
        "Maintain the exemption: withhold"
        if value is Conclusion.MAINTAIN
        else "Disclose: the public interest in maintaining the exemption does not outweigh it"
    )


def decision_fields(
    problems: FieldProblems,
    prefix: str,
    saved: Balance | AggregateBalance | None,
    ncnd: bool,
    decision_maker: str,
    record: str = "claims[].pit.balance",
) -> None:
    """Conclusion, reasoning, decided by, decided on (inside a form), each with its slot;
    ``record`` is where the decision is kept (for saying which fields reach the letter)."""
    st.radio(
        "Conclusion",
        CONCLUSIONS,
        index=CONCLUSIONS.index(saved.conclusion) if saved else None,
        format_func=lambda value: conclusion_label(value, ncnd),
        key=field_key(f"{prefix}.conclusion"),
    )
    problems.slot(f"{prefix}.conclusion")
    st.text_area(
        "Reasoning",
        value=saved.reasoning if saved else "",
        help="How you weighed the factors: this is the reason the letter gives (s17(3)).",
        key=field_key(f"{prefix}.reasoning"),
    )
    reach_note(f"{record}.reasoning")
    problems.slot(f"{prefix}.reasoning")
    left, right = st.columns(2)
    with left:
        st.text_input(
            "Decided by (name or role)",
            value=(saved.decided_by if saved else "") or decision_maker,
            key=field_key(f"{prefix}.decided_by"),
        )
        reach_note(f"{record}.decided_by")
        problems.slot(f"{prefix}.decided_by")
    with right:
        date_field("Decided on", saved.decided_on if saved else None, f"{prefix}.decided_on")
        problems.slot(f"{prefix}.decided_on")


def read_decision(prefix: str) -> Decision:
    """The decision typed into ``decision_fields`` (the action checks it)."""
    return Decision(
        conclusion=typed(f"{prefix}.conclusion"),
        reasoning=typed(f"{prefix}.reasoning"),
        decided_by=typed(f"{prefix}.decided_by"),
        decided_on=parse_date(typed(f"{prefix}.decided_on")),
    )
