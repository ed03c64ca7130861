"""The combined balance across qualified claims on the same items (Department for Business and
Trade v Information Commissioner [2025] UKSC 27): those recorded, and a form to add one."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.balance import (
    add_combined_balance,
    combinable_claims,
    remove_combined_balance,
)
from foi_core.knowledge import Catalogue
from foi_core.models import AggregateBalance, Case
from foi_core.plain import items_text
from ui import FieldProblems, field_key
from ui.actions import save_result
from ui.balance.common import conclusion_label, decision_fields, read_decision, typed
from ui.layout import locked
from ui.reasoning import claim_title

EXPLANATION = (
    "Where the same information engages more than one qualified exemption, the public "
    "interests in maintaining those exemptions may be weighed **together** against the "
    "public interest in disclosure (*Department for Business and Trade v Information "
    "Commissioner* [2025] UKSC 27). Each exemption's own test must still be shown above: "
    "record its factors and conclusion first, then the combined balance here."
)


def draw(case: Case, cat: Catalogue, problems: FieldProblems) -> None:
    """The section, when two qualified claims share items or a combined balance is recorded."""
    combinable = combinable_claims(case, cat)
    if len(combinable) < 2 and not case.aggregate_balances:
        return
    st.markdown("### Combined balance (optional)")
    st.markdown(EXPLANATION)
    titles = {claim.id: claim_title(claim, cat.get(claim.citation)) for claim in case.claims}
    for aggregate in case.aggregate_balances:
        recorded(case, aggregate, titles, problems)
    if len(combinable) >= 2:
        form(case, combinable, titles, problems)


def recorded(
    case: Case, aggregate: AggregateBalance, titles: dict[str, str], problems: FieldProblems
) -> None:
    """One recorded combined balance, with a button to remove it."""
    with st.container(border=True):
        names = "; ".join(titles.get(cid, cid) for cid in aggregate.claim_ids)
        st.markdown(f"**Combined:** {names}")
        st.caption(
            f"Covers {items_text(aggregate.items)}. Conclusion: "
            f"{conclusion_label(aggregate.conclusion, False).split(':')[0].lower()}."
        )
        st.text(aggregate.reasoning)
        if st.button(
            "Remove this combined balance", key=f"remove-agg-{aggregate.id}", disabled=locked()
        ):
            save_result(remove_combined_balance(case, aggregate.id), problems)


def form(case: Case, combinable: list, titles: dict[str, str], problems: FieldProblems) -> None:
    """The form to record a new combined balance."""
    with st.expander("Record a combined balance"), st.form("aggregate", enter_to_submit=False):
        st.multiselect(
            "Claims weighed together (at least two)",
            [claim.id for claim in combinable],
            format_func=titles.__getitem__,
            key=field_key("agg.claim_ids"),
        )
        problems.slot("aggregate.claim_ids")
        st.multiselect(
            "Items covered (leave empty for every item the chosen claims share)",
            sorted({n for claim in combinable for n in claim.items}),
            format_func=lambda n: f"Item {n}",
            key=field_key("agg.items"),
        )
        problems.slot("aggregate.items")
        decision_fields(
            problems, "agg", None, False, case.decision_maker, record="aggregate_balances[]"
        )
        submitted = st.form_submit_button(
            "Save the combined balance", type="primary", disabled=locked()
        )
    if submitted:
        result = add_combined_balance(
            case,
            typed("agg.claim_ids") or [],
            typed("agg.items") or [],
            read_decision("agg"),
        )
        save_result(result, problems)
