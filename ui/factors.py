"""The Public interest page's factor displays: the list of factors, their labels, the weight
field, the irrelevance warnings (the catalogue decides what is irrelevant) and the editor of a
recorded factor."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.factors import edit_factor, remove_factor
from foi_core.models import Case, ExemptionClaim, Factor, Side, Weight
from ui.actions import save_result
from ui.fields import FieldProblems, reach_note
from ui.layout import locked
from ui.reasoning import WEIGHT_LABELS, catalogue, irrelevant_messages, side_label
from ui.state import field_key
from ui.text import md_escape

WEIGHTS = list(Weight)


def show_irrelevant(
    text: str,
    claim: ExemptionClaim,
    side: Side,
    where: st.delta_generator.DeltaGenerator | None = None,
) -> None:
    """Warnings naming any irrelevant consideration a factor of ``claim`` on ``side`` relies on
    (judged as the check judges it)."""
    messages = irrelevant_messages(text, claim, side)
    target = where if where is not None else st
    if messages:
        target.warning("\n\n".join(messages), icon=":material/report:")


def weight_help() -> str:
    """What each weight means, with an example (the glossary's "Low weight", "Moderate weight"
    and "High weight" in guidance.yaml), as Markdown for the weight control's help."""
    parts = []
    for weight in WEIGHTS:
        entry = catalogue().term(f"{WEIGHT_LABELS[weight]} weight")
        if entry is not None:
            parts.append(f"**{WEIGHT_LABELS[weight]}**: {entry.meaning}")
    return "\n\n".join(parts)


def weight_field(label: str, saved: Weight, key: str) -> None:
    """The weight radio (low, moderate, high), its help saying what each weight means."""
    st.radio(
        label,
        WEIGHTS,
        index=WEIGHTS.index(saved),
        format_func=WEIGHT_LABELS.__getitem__,
        horizontal=True,
        key=key,
        help=weight_help() or None,
    )


def factor_label(factor: Factor, claim: ExemptionClaim) -> str:
    """'For 2' / 'Against 1': the factor's side and its number on that side (our text only)."""
    same_side = [f.id for f in claim.pit.factors if f.side is factor.side] if claim.pit else []
    side = "For" if factor.side is Side.FOR else "Against"
    return f"{side} {same_side.index(factor.id) + 1}"


def factor_list(claim: ExemptionClaim) -> None:
    """The factors recorded, read-only (text shown literally), with any irrelevance warning."""
    factors = claim.pit.factors if claim.pit else []
    if not factors:
        st.caption("No factors yet: pick some from the library or write your own below.")
        return
    for side in (Side.FOR, Side.AGAINST):
        on_side = [factor for factor in factors if factor.side is side]
        st.markdown(f"**{side_label(side, claim)}** ({len(on_side)})")
        if not on_side:
            st.caption(":orange[None yet: every test needs factors on both sides.]")
        for factor in on_side:
            weight = WEIGHT_LABELS[factor.weight].lower()
            source = ", from the library" if factor.library_id else ""
            st.markdown(
                f"**{factor_label(factor, claim)}** ({weight} weight{source}): "
                + md_escape(factor.text)
            )
            if factor.rationale:
                st.caption("Why: " + md_escape(factor.rationale))
            show_irrelevant(factor.text, claim, factor.side)


def factor_editor(case: Case, claim: ExemptionClaim) -> None:
    """Edit, re-weigh or remove one recorded factor; the text is checked again on save."""
    factors = claim.pit.factors if claim.pit else []
    if not factors:
        return
    by_id = {factor.id: factor for factor in factors}
    chosen = st.selectbox(
        "Edit or remove a factor",
        list(by_id),
        format_func=lambda factor_id: factor_label(by_id[factor_id], claim),
        key=f"pi.edit.{claim.id}",
    )
    factor = by_id.get(chosen) or factors[0]
    key = f"pit.{claim.id}.{factor.id}"
    problems = FieldProblems()
    with st.form(f"factor-{claim.id}-{factor.id}", enter_to_submit=False):
        st.text_area("Factor", value=factor.text, height=80, key=field_key(f"{key}.text"))
        reach_note("claims[].pit.factors[].text")
        problems.slot(f"{factor.id}.text")
        warning_slot = st.empty()
        weight_field("Weight", factor.weight, field_key(f"{key}.weight"))
        st.text_area(
            "Rationale", value=factor.rationale, height=68, key=field_key(f"{key}.rationale")
        )
        reach_note("claims[].pit.factors[].rationale")
        left, right = st.columns(2)
        with left:
            submitted = st.form_submit_button("Save this factor", type="primary", disabled=locked())
        with right:
            remove = st.form_submit_button(
                "Remove this factor", icon=":material/delete:", disabled=locked()
            )
    if remove:
        save_result(remove_factor(case, claim.id, factor.id))
    if submitted:
        text = st.session_state.get(field_key(f"{key}.text")) or ""
        show_irrelevant(text.strip(), claim, factor.side, warning_slot)
        weight = st.session_state.get(field_key(f"{key}.weight"))
        rationale = st.session_state.get(field_key(f"{key}.rationale")) or ""
        save_result(edit_factor(case, claim.id, factor.id, text, weight, rationale), problems)
