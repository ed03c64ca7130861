"""Public interest: per qualified claim, factors for and against, each with a weight and a
rationale, picked from the library or written fresh; irrelevant factors are flagged."""

import streamlit as st
from pydantic import ValidationError

from foi_core.models import (
    ClaimMode,
    ExemptionClaim,
    Factor,
    PublicInterestTest,
    Side,
    Weight,
    explain_errors,
)
from foi_core.workflow import apply_step_edit
from ui import FieldProblems, case_page, field_key, md_escape, save_case
from ui.reasoning import (
    WEIGHT_LABELS,
    absolute_claims,
    catalogue,
    claim_title,
    irrelevant_messages,
    library_choices,
    next_step_link,
    pit_claims,
    side_label,
    weights_counts,
    weights_summary,
)

loaded = case_page("public_interest")
case = loaded.case
ss = st.session_state
cat = catalogue()
WEIGHTS = list(Weight)


def save_factors(claim_id: str, factors: list[Factor], summary: str, *, rerun: bool = True) -> bool:
    """Save the claim's factors (keeping its balance) and mark later steps re-check. False when
    the save was refused (another officer's change), with a message."""
    edited = case.model_copy(deep=True)
    claim = edited.claim(claim_id)
    pit = claim.pit or PublicInterestTest()
    claim.pit = PublicInterestTest(factors=factors, balance=pit.balance)
    return save_case(apply_step_edit(case, edited, "public_interest"), summary, rerun=rerun)


def entry_prefix(editor: str, claim_id: str) -> str:
    """The key prefix of a blank entry form ("new" or "library") for a claim, e.g. "new.c31.2".

    The number goes up after each successful add. The browser keeps what was typed in a widget
    for as long as its key stays the same, even when the key is deleted from session_state, so
    new keys are the only way to get fresh, empty widgets after an add. (The old keys start with
    "f." and are dropped by the save.)"""
    return f"{editor}.{claim_id}.{ss.get(_round_key(editor, claim_id), 0)}"


def _round_key(editor: str, claim_id: str) -> str:
    return f"pi.round.{editor}.{claim_id}"


def add_and_clear(editor: str, claim: ExemptionClaim, new: list[Factor], summary: str) -> None:
    """Append factors to the claim's test; once saved, start a fresh entry form and rerun the
    whole page. A refused save leaves the form as typed."""
    current = claim.pit.factors if claim.pit else []
    if save_factors(claim.id, [*current, *new], summary, rerun=False):
        round_key = _round_key(editor, claim.id)
        ss[round_key] = ss.get(round_key, 0) + 1
        st.rerun()


def show_irrelevant(text: str, where: st.delta_generator.DeltaGenerator | None = None) -> None:
    """Warnings naming any irrelevant consideration the text relies on."""
    messages = irrelevant_messages(text, cat)
    target = where if where is not None else st
    if messages:
        target.warning("\n\n".join(messages), icon=":material/report:")


def weight_field(label: str, saved: Weight, key: str) -> None:
    st.radio(
        label,
        WEIGHTS,
        index=WEIGHTS.index(saved),
        format_func=WEIGHT_LABELS.__getitem__,
        horizontal=True,
        key=key,
    )


@st.fragment
def new_factor_editor(claim: ExemptionClaim) -> None:
    """Write a new factor. Outside a form, so the irrelevance check runs as soon as the text box
    loses focus (only this part of the page reruns). After an add the boxes are drawn afresh
    (new keys), keeping only the side last chosen."""
    prefix = entry_prefix("new", claim.id)
    last_side_key = f"pi.new_side.{claim.id}"
    sides = [Side.FOR, Side.AGAINST]
    st.radio(
        "Which way does it point?",
        sides,
        index=sides.index(ss.get(last_side_key, Side.FOR)),
        format_func=lambda side: side_label(side, claim),
        horizontal=True,
        key=field_key(f"{prefix}.side"),
    )
    text = st.text_area(
        "The factor",
        key=field_key(f"{prefix}.text"),
        placeholder="One reason, in a sentence, why the public interest points this way.",
        help="Checked for irrelevant considerations as soon as you leave the box.",
    )
    show_irrelevant(text or "")
    text_problem = st.empty()
    weight_field("Weight", Weight.MODERATE, field_key(f"{prefix}.weight"))
    st.text_area(
        "Why it carries that weight (rationale)",
        key=field_key(f"{prefix}.rationale"),
        height=80,
    )
    if st.button("Add factor", key=field_key(f"{prefix}.add"), icon=":material/add:"):
        try:
            factor = Factor(
                side=ss[field_key(f"{prefix}.side")],
                text=(text or "").strip(),
                weight=ss[field_key(f"{prefix}.weight")],
                rationale=(ss.get(field_key(f"{prefix}.rationale")) or "").strip(),
            )
        except ValidationError as error:
            for problem in explain_errors(error):
                if problem.field == "text":
                    text_problem.error(
                        "Write the factor before adding it: " + md_escape(problem.message),
                        icon=":material/error:",
                    )
                else:
                    st.error(md_escape(problem.message))
        else:
            ss[last_side_key] = factor.side
            add_and_clear("new", claim, [factor], f"Factor added for {claim.citation}")


def library_picker(claim: ExemptionClaim) -> None:
    """Pick ready-made factors; each is added with a moderate weight and its rationale."""
    offered = {side: library_choices(claim, side, cat) for side in (Side.FOR, Side.AGAINST)}
    texts = {factor.id: factor.text for factors in offered.values() for factor in factors}
    prefix = entry_prefix("library", claim.id)
    with st.form(f"library-{claim.id}", enter_to_submit=False):
        for side in (Side.FOR, Side.AGAINST):
            st.multiselect(
                side_label(side, claim),
                [factor.id for factor in offered[side]],
                format_func=texts.__getitem__,
                key=field_key(f"{prefix}.{side.value}"),
                placeholder="Choose factors from the library",
            )
        picked = st.form_submit_button("Add the chosen factors", icon=":material/playlist_add:")
    if picked:
        new_factors = []
        for side in (Side.FOR, Side.AGAINST):
            chosen = set(ss.get(field_key(f"{prefix}.{side.value}")) or [])
            for library_factor in offered[side]:
                if library_factor.id in chosen:
                    new_factors.append(
                        Factor(
                            side=side,
                            text=library_factor.text,
                            rationale=library_factor.rationale,
                            library_id=library_factor.id,
                        )
                    )
        if not new_factors:
            st.warning("Choose at least one factor from the lists first.")
        else:
            add_and_clear(
                "library", claim, new_factors, f"Library factors added for {claim.citation}"
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
            show_irrelevant(factor.text)


def factor_editor(claim: ExemptionClaim) -> None:
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
        problems.slot(f"{factor.id}.text")
        warning_slot = st.empty()
        weight_field("Weight", factor.weight, field_key(f"{key}.weight"))
        st.text_area(
            "Rationale", value=factor.rationale, height=68, key=field_key(f"{key}.rationale")
        )
        left, right = st.columns(2)
        with left:
            submitted = st.form_submit_button("Save this factor", type="primary")
        with right:
            remove = st.form_submit_button("Remove this factor", icon=":material/delete:")
    if remove:
        kept = [f for f in factors if f.id != factor.id]
        save_factors(claim.id, kept, f"Factor removed from {claim.citation}")
    if not submitted:
        return
    text = (ss.get(field_key(f"{key}.text")) or "").strip()
    show_irrelevant(text, warning_slot)
    try:
        edited = Factor.model_validate(
            {
                **factor.model_dump(),
                "text": text,
                "weight": ss.get(field_key(f"{key}.weight")) or factor.weight,
                "rationale": (ss.get(field_key(f"{key}.rationale")) or "").strip(),
            }
        )
    except ValidationError as error:
        for problem in explain_errors(error):
            problems.add(
                f"{factor.id}.{problem.field}",
                problem.message + " Write the factor, or remove it.",
            )
        return
    save_factors(
        claim.id,
        [edited if f.id == factor.id else f for f in factors],
        f"Factor saved for {claim.citation}",
    )


# --- Absolute exemptions: no public interest test -------------------------------------------------

for claim in absolute_claims(case, cat):
    st.info(
        f"**{claim_title(claim, cat.get(claim.citation))}** is an absolute exemption, so there is "
        "no public interest test: once it applies, the information is withheld (or, for "
        "neither confirm nor deny, the duty to confirm or deny does not arise). Section 2(3) of "
        "the Act lists the absolute exemptions.",
        icon=":material/block:",
    )

qualified = pit_claims(case, cat)
if not qualified:
    st.info(
        "No qualified exemption has been chosen, so no public interest test is needed.",
        icon=":material/info:",
    )
    next_step_link("public_interest", case)
    st.stop()

# --- One public interest test per qualified claim -------------------------------------------------
# Only the chosen claim's test is drawn with its editors, so a page with many claims and factors
# stays quick to rerun; the selector shows where each test stands.

titles = {claim.id: claim_title(claim, cat.get(claim.citation)) for claim in qualified}
if len(qualified) > 1:
    incomplete = [
        c.id for c in qualified if not (c.pit and c.pit.factors_for and c.pit.factors_against)
    ]
    st.radio(
        "Public interest test for",
        list(titles),
        index=list(titles).index(incomplete[0]) if incomplete else 0,
        format_func=titles.__getitem__,
        captions=[weights_counts(claim.pit, claim.mode is ClaimMode.NCND) for claim in qualified],
        key="pi.claim",
    )
selected = ss.get("pi.claim") if ss.get("pi.claim") in titles else qualified[0].id
claim = case.claim(selected)
exemption = cat.get(claim.citation)
with st.container(border=True):
    st.markdown(f"#### {titles[claim.id]}")
    if claim.mode is ClaimMode.NCND:
        st.caption(
            "Weigh the public interest in confirming or denying that the information is held "
            "against the public interest in maintaining the exclusion. This is separate from "
            "any test on releasing the information itself."
        )
    elif exemption is not None and exemption.needs_harm_test:
        st.caption(
            "There is an inherent public interest in avoiding the harm this exemption "
            "protects against; the more likely and serious the harm, the more weight it has."
        )
    st.caption(weights_summary(claim.pit, claim.mode is ClaimMode.NCND))
    factor_list(claim)
    factor_editor(claim)
    # Keyed, so the expander stays open and the chosen tab stays chosen when the page is redrawn
    # after an add (the "Saved." message above shifts every element's position).
    with st.expander(
        "Add factors", expanded=not (claim.pit and claim.pit.factors), key=f"pi.add.{claim.id}"
    ):
        library_tab, own_tab = st.tabs(
            ["Pick from the library", "Write a new factor"], key=f"pi.add_tabs.{claim.id}"
        )
        with library_tab:
            library_picker(claim)
        with own_tab:
            new_factor_editor(claim)

next_step_link("public_interest", case)
