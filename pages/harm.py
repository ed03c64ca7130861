"""Harm: for each claim that turns on harm, the catalogue's harm prompts (interest, causal chain,
likelihood, mosaic, precedent, evidence); for NCND claims, the harm in confirming or denying; what
each exemption must record; a s22 publication plan. Each text field says where it goes."""

import streamlit as st

from foi_core.actions.harm import harm_page_claims, save_overall_harm
from foi_core.models import ClaimMode, HarmAssessment
from foi_core.reasoning import provision_of
from ui import case_page, field_key
from ui.actions import save_result
from ui.fields import reach_note
from ui.harm import harm_form
from ui.layout import locked
from ui.preview import letter_preview
from ui.reasoning import catalogue, claim_title, link_to_step, next_step_link

loaded = case_page("harm")
case = loaded.case
ss = st.session_state
cat = catalogue()

claims = harm_page_claims(case, cat)
if not claims:
    st.info(
        "None of the provisions chosen turns on harm, and none is used to neither confirm nor "
        "deny, so there is no harm to set out. Choose provisions on the Exemptions step.",
        icon=":material/info:",
    )
    link_to_step("exemptions", case, "Go to Exemptions")
    st.stop()

for claim in claims:
    exemption = provision_of(claim, cat).entry
    ncnd = claim.mode is ClaimMode.NCND
    harm = claim.harm or HarmAssessment()

    with st.container(border=True):
        st.markdown(f"#### {claim_title(claim, exemption)}")
        if ncnd:
            st.info(
                "**Harm in confirming or denying.** This claim neither confirms nor denies that "
                "the information is held, so answer each question for the harm of saying 'yes' "
                "or 'no', not the harm of releasing the information. The answer must hold "
                "whether or not the information exists.",
                icon=":material/visibility_off:",
            )
        interest = provision_of(claim, cat).interest
        if interest:
            st.caption(f"The interest this exemption protects: {interest}.")

        harm_form(case, claim, cat)
        letter_preview(case, claim_id=claim.id)

        if exemption is not None and exemption.needs_harm_test and harm.likelihood is None:
            st.caption(
                ":orange[Likelihood not chosen yet. If you do not say, the ICO assumes the "
                "lower level, 'would be likely to'.]"
            )

# --- Overall harm -------------------------------------------------------------------------------

with st.container(border=True):
    any_ncnd = any(claim.mode is ClaimMode.NCND for claim in claims)
    st.markdown("#### Overall harm in confirming or denying" if any_ncnd else "#### Overall harm")
    st.caption(
        "An optional summary of the harm that applies across the provisions, printed before the "
        "separate tests. It does not replace the harm for each provision."
    )
    with st.form("overall-harm", enter_to_submit=False):
        st.text_area(
            "Overall harm",
            value=case.overall_harm,
            height=150,
            key=field_key("overall_harm"),
            label_visibility="collapsed",
        )
        reach_note("overall_harm")
        overall_submitted = st.form_submit_button("Save the overall harm", disabled=locked())
    if overall_submitted:
        save_result(save_overall_harm(case, ss.get(field_key("overall_harm")) or ""))

next_step_link("harm", case)
