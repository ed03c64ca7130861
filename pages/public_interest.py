"""Public interest: per qualified claim, factors for and against, each with a weight and a
rationale, picked from the library or written fresh; irrelevant factors are flagged."""

import streamlit as st

from foi_core.actions.factors import library_choices, pick_library_factors, write_factor
from foi_core.actions.result import ActionResult
from foi_core.models import Case, ClaimMode, ExemptionClaim, Side, Weight
from foi_core.reasoning import absolute_claims, provision_of
from ui import case_page, field_key, md_escape
from ui.actions import save_result
from ui.factors import factor_editor, factor_list, show_irrelevant, weight_field
from ui.fields import reach_note
from ui.layout import locked
from ui.paragraphs import paragraph_picker
from ui.preview import letter_preview
from ui.reasoning import (
    catalogue,
    claim_title,
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


def entry_prefix(editor: str, claim_id: str) -> str:
    """The key prefix of a blank entry form ("new" or "library") for a claim, e.g. "new.c31.2".

    The number goes up after each successful add. The browser keeps what was typed in a widget
    for as long as its key stays the same, even when the key is deleted from session_state, so
    new keys are the only way to get fresh, empty widgets after an add. (The old keys start with
    "f." and are dropped by the save.)"""
    return f"{editor}.{claim_id}.{ss.get(_round_key(editor, claim_id), 0)}"


def _round_key(editor: str, claim_id: str) -> str:
    return f"pi.round.{editor}.{claim_id}"


def add_and_clear(editor: str, claim: ExemptionClaim, result: ActionResult) -> None:
    """Save the factors an action added; once saved, start a fresh entry form and rerun the whole
    page. Refused input (the caller shows the problems) or a refused save (another officer's
    change) leaves the form as typed."""
    if save_result(result, rerun=False):
        round_key = _round_key(editor, claim.id)
        ss[round_key] = ss.get(round_key, 0) + 1
        st.rerun()


@st.fragment
def new_factor_editor(case: Case, claim: ExemptionClaim) -> None:
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
    side = ss.get(field_key(f"{prefix}.side"), Side.FOR)
    paragraph_picker(case, claim, f"factor_{Side(side).value}", field_key(f"{prefix}.text"))
    text = st.text_area(
        "The factor",
        key=field_key(f"{prefix}.text"),
        placeholder="One reason, in a sentence, why the public interest points this way.",
        help="Checked for irrelevant considerations as soon as you leave the box.",
    )
    reach_note("claims[].pit.factors[].text")
    show_irrelevant(text or "", claim, ss.get(field_key(f"{prefix}.side"), Side.FOR))
    text_problem = st.empty()
    weight_field("Weight", Weight.MODERATE, field_key(f"{prefix}.weight"))
    st.text_area(
        "Why it carries that weight (rationale)",
        key=field_key(f"{prefix}.rationale"),
        height=80,
    )
    reach_note("claims[].pit.factors[].rationale")
    if st.button(
        "Add factor", key=field_key(f"{prefix}.add"), icon=":material/add:", disabled=locked()
    ):
        side = ss[field_key(f"{prefix}.side")]
        result = write_factor(
            case,
            claim.id,
            side,
            text or "",
            ss[field_key(f"{prefix}.weight")],
            ss.get(field_key(f"{prefix}.rationale")) or "",
        )
        if result.ok:
            ss[last_side_key] = side
        add_and_clear("new", claim, result)
        for problem in result.problems:
            if problem.field == "text":
                text_problem.error(
                    "Write the factor before adding it: " + md_escape(problem.message),
                    icon=":material/error:",
                )
            else:
                st.error(md_escape(problem.message))


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
        picked = st.form_submit_button(
            "Add the chosen factors", icon=":material/playlist_add:", disabled=locked()
        )
    if picked:
        chosen = {side: ss.get(field_key(f"{prefix}.{side.value}")) or [] for side in offered}
        result = pick_library_factors(case, claim.id, chosen, cat)
        add_and_clear("library", claim, result)
        for problem in result.problems:
            st.warning(problem.message)


# --- Absolute exemptions: no public interest test -------------------------------------------------

for claim in absolute_claims(case, cat):
    st.info(
        f"**{claim_title(claim, provision_of(claim, cat).entry)}** is an absolute exemption, so "
        "there is no public interest test: once it applies, the information is withheld (or, for "
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

titles = {claim.id: claim_title(claim, provision_of(claim, cat).entry) for claim in qualified}
# The claim being worked on lives in the URL (?case=...&claim=<id>), so a refresh returns to it;
# coming back from another page in the same session returns to it too.
in_url = st.query_params.get("claim") or ss.get(f"pi.last_claim.{case.id}")
if len(qualified) > 1:
    incomplete = [
        c.id for c in qualified if not (c.pit and c.pit.factors_for and c.pit.factors_against)
    ]
    first = in_url if in_url in titles else (incomplete[0] if incomplete else qualified[0].id)
    st.radio(
        "Public interest test for",
        list(titles),
        index=list(titles).index(first),
        format_func=titles.__getitem__,
        captions=[weights_counts(claim.pit, claim.mode is ClaimMode.NCND) for claim in qualified],
        key="pi.claim",
    )
selected = ss.get("pi.claim") if ss.get("pi.claim") in titles else qualified[0].id
ss[f"pi.last_claim.{case.id}"] = selected
if st.query_params.get("claim") != selected:
    st.query_params["claim"] = selected
claim = case.claim(selected)
exemption = provision_of(claim, cat).entry
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
    factor_editor(case, claim)
    letter_preview(case, claim_id=claim.id)
    # Open while the claim has factors too (more are often added), and keyed, so the chosen tab
    # stays chosen when the page is redrawn after an add (the "Saved." message above shifts
    # every element's position).
    with st.expander("Add factors", expanded=True, key=f"pi.add.{claim.id}"):
        library_tab, own_tab = st.tabs(
            ["Pick from the library", "Write a new factor"], key=f"pi.add_tabs.{claim.id}"
        )
        with library_tab:
            library_picker(claim)
        with own_tab:
            new_factor_editor(case, claim)

next_step_link("public_interest", case)
