"""The Harm page's form for one claim: its harm questions (worded for the use), what its
exemption must record, and a s22 publication plan; each text field says where it goes."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.harm import (
    PublicationInput,
    harm_prompts,
    record_prompts,
    save_harm,
)
from foi_core.knowledge import CORE_HARM_PROMPT_IDS, Catalogue, HarmPrompt
from foi_core.models import (
    LIKELIHOOD_LABELS,
    Case,
    ClaimMode,
    ExemptionClaim,
    HarmAssessment,
    Likelihood,
    PublicationPlan,
)
from foi_core.reasoning import needs_publication_plan, provision_of, publication_gaps
from ui.actions import save_result
from ui.fields import FieldProblems, date_field, reach_note
from ui.layout import locked
from ui.paragraphs import paragraph_picker
from ui.reasoning import LIKELIHOOD_MEANINGS
from ui.state import field_key


def _likelihood_field(claim_id: str, prompt: HarmPrompt, saved: Likelihood | None) -> None:
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


def _harm_path(prompt_id: str) -> str:
    if prompt_id in CORE_HARM_PROMPT_IDS:
        return f"claims[].harm.{prompt_id}"
    return f"claims[].harm.prompt_answers.{prompt_id}"


def _publication_fields(claim: ExemptionClaim, problems: FieldProblems) -> None:
    plan = claim.publication or PublicationPlan()
    st.markdown("**The intention to publish (s22)**")
    st.text_input(
        "Who intends to publish it",
        value=plan.publisher,
        key=field_key(f"harm.{claim.id}.publisher"),
    )
    reach_note("claims[].publication.publisher")
    st.text_input(
        "When: the date or period of publication, as the letter should say it",
        value=plan.intended,
        placeholder="e.g. in March 2027, or by the end of the financial year",
        key=field_key(f"harm.{claim.id}.intended"),
    )
    reach_note("claims[].publication.intended")
    date_field(
        "The date the intention to publish was settled",
        plan.settled_on,
        f"harm.{claim.id}.settled_on",
        help="The intention must already be settled when the request arrives (s22(1)(a)).",
    )
    problems.slot(f"{claim.id}.publication")


def harm_form(case: Case, claim: ExemptionClaim, cat: Catalogue) -> None:
    """One claim's questions in a form, saved through ``save_harm``."""
    ss = st.session_state
    ncnd = claim.mode is ClaimMode.NCND
    harm = claim.harm or HarmAssessment()
    prompts = harm_prompts(claim, provision_of(claim, cat).entry)
    records = record_prompts(claim, cat)
    publication = needs_publication_plan(claim, cat)
    problems = FieldProblems()
    paragraph_picker(case, claim, "harm", field_key(f"harm.{claim.id}.causal_chain"))
    with st.form(f"harm-{claim.id}", enter_to_submit=False):
        for prompt in prompts:
            if prompt.id == "likelihood":
                _likelihood_field(claim.id, prompt, harm.likelihood)
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
                reach_note(_harm_path(prompt.id))
            problems.slot(f"{claim.id}.{prompt.id}")
        if records:
            st.markdown("**What this exemption must record**")
        for record in records:
            st.text_area(
                record.question + ("" if record.required else " (optional)"),
                value=claim.records.get(record.id, ""),
                help=record.help or None,
                height=80,
                key=field_key(f"harm.{claim.id}.records.{record.id}"),
            )
            reach_note(f"claims[].records.{record.id}")
            problems.slot(f"{claim.id}.records.{record.id}")
        if publication:
            _publication_fields(claim, problems)
        submitted = st.form_submit_button(
            "Save the harm of confirming or denying" if ncnd else "Save the harm test",
            type="primary",
            disabled=locked(),
        )
    gaps = publication_gaps(claim, case, cat)
    if publication and claim.publication is not None and gaps:
        st.caption(":orange[The publication record still needs: " + ", ".join(gaps) + ".]")
    if submitted:
        answers = {p.id: ss.get(field_key(f"harm.{claim.id}.{p.id}")) for p in prompts}
        given = {r.id: ss.get(field_key(f"harm.{claim.id}.records.{r.id}")) for r in records}
        plan = (
            PublicationInput(
                publisher=ss.get(field_key(f"harm.{claim.id}.publisher")) or "",
                intended=ss.get(field_key(f"harm.{claim.id}.intended")) or "",
                settled_on=ss.get(field_key(f"harm.{claim.id}.settled_on")),
            )
            if publication
            else None
        )
        result = save_harm(case, claim.id, answers, cat, records=given, publication=plan)
        save_result(result, problems)
