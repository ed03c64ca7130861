"""Harm: for each claim that turns on harm, the catalogue's harm prompts (interest, causal chain,
likelihood, mosaic, precedent, evidence); for NCND claims, the harm of confirming or denying."""

import streamlit as st

from foi_core.actions.harm import harm_page_claims, harm_prompts, save_harm, save_overall_harm
from foi_core.knowledge import CORE_HARM_PROMPT_IDS, HarmPrompt
from foi_core.models import LIKELIHOOD_LABELS, ClaimMode, HarmAssessment, Likelihood
from ui import FieldProblems, case_page, field_key
from ui.actions import save_result
from ui.reasoning import (
    LIKELIHOOD_MEANINGS,
    catalogue,
    claim_title,
    link_to_step,
    next_step_link,
)

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


def likelihood_field(claim_id: str, prompt: HarmPrompt, saved: Likelihood | None) -> None:
    """The statutory likelihood, with what each level means."""
    options = [Likelihood.WOULD, Likelihood.WOULD_BE_LIKELY]
    st.radio(
        prompt.question,
        options,
        index=options.index(saved) if saved in options else None,
        format_func=LIKELIHOOD_LABELS.__getitem__,
        captions=[LIKELIHOOD_MEANINGS[option] for option in options],
        key=field_key(f"harm.{claim_id}.likelihood"),
        help=prompt.help or None,
    )


for claim in claims:
    exemption = cat.get(claim.citation)
    ncnd = claim.mode is ClaimMode.NCND
    harm = claim.harm or HarmAssessment()
    prompts = harm_prompts(claim, exemption)

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
        if exemption is not None and exemption.interest:
            st.caption(f"The interest this exemption protects: {exemption.interest}.")

        problems = FieldProblems()
        with st.form(f"harm-{claim.id}", enter_to_submit=False):
            for prompt in prompts:
                if prompt.id == "likelihood":
                    likelihood_field(claim.id, prompt, harm.likelihood)
                else:
                    saved = (
                        getattr(harm, prompt.id)
                        if prompt.id in CORE_HARM_PROMPT_IDS
                        else harm.prompt_answers.get(prompt.id, "")
                    )
                    st.text_area(
                        prompt.question,
                        value=saved,
                        help=prompt.help or None,
                        key=field_key(f"harm.{claim.id}.{prompt.id}"),
                    )
                problems.slot(f"{claim.id}.{prompt.id}")
            submitted = st.form_submit_button(
                "Save the harm of confirming or denying" if ncnd else "Save the harm test",
                type="primary",
            )

        if exemption is not None and exemption.needs_harm_test and harm.likelihood is None:
            st.caption(
                ":orange[Likelihood not chosen yet. If you do not say, the ICO assumes the "
                "lower level, 'would be likely to'.]"
            )

        if submitted:
            answers = {p.id: ss.get(field_key(f"harm.{claim.id}.{p.id}")) for p in prompts}
            save_result(save_harm(case, claim.id, answers, cat), problems)

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
        overall_submitted = st.form_submit_button("Save the overall harm")
    if overall_submitted:
        save_result(save_overall_harm(case, ss.get(field_key("overall_harm")) or ""))

next_step_link("harm", case)
