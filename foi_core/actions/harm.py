"""Harm actions: the harm test of a claim (or the harm of confirming or denying) and the overall
harm; which claims the Harm step shows and which questions each is asked."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from pydantic import ValidationError

from foi_core.actions.result import ActionResult, Problems
from foi_core.knowledge import CORE_HARM_PROMPT_IDS, HarmPrompt
from foi_core.models import Case, ClaimMode, ExemptionClaim, HarmAssessment, explain_errors
from foi_core.workflow import apply_step_edit, claims_needing_harm
from foi_core.workflow.needs import resolve_catalogue

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue, Exemption

# Tests whose claims are shown on the Harm step even when the harm test is not strictly required
# (s24 has to be shown to be "required"; s36 rests on the qualified person's view of the harm).
HARM_PAGE_TESTS = frozenset({"prejudice", "endangerment", "national_security", "qualified_person"})

# Questions for an NCND claim whose catalogue entry has none of its own (e.g. a class-based
# exemption): the harm of confirming or denying still has to be explained.
NCND_FALLBACK_PROMPTS = (
    HarmPrompt(
        id="causal_chain",
        question="How would confirming or denying that the information is held cause harm?",
        help="Say what someone would learn from a 'yes' or a 'no', and how that would damage the "
        "interest the exemption protects. The answer must be the same whether or not the "
        "information is held.",
    ),
    HarmPrompt(
        id="mosaic",
        question="Could a 'yes' or 'no' be combined with other answers to build a wider picture?",
        help="For example, answers from several forces to the same question.",
    ),
)


def harm_page_claims(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims the Harm step asks about: those whose test turns on harm, and every NCND claim
    (the harm of confirming or denying); never a procedural refusal."""
    cat = resolve_catalogue(catalogue)
    required = {claim.id for claim in claims_needing_harm(case, cat)}
    shown = []
    for claim in case.claims:
        exemption = cat.get(claim.citation)
        if exemption is not None and exemption.kind == "procedural":
            continue
        if (
            claim.id in required
            or claim.mode is ClaimMode.NCND
            or (exemption is not None and exemption.test in HARM_PAGE_TESTS)
        ):
            shown.append(claim)
    return shown


def harm_prompts(claim: ExemptionClaim, exemption: Exemption | None) -> list[HarmPrompt]:
    """The questions asked about a claim's harm.

    The catalogue's questions for a test that turns on harm; a class-based entry (e.g. s40) keeps
    its questions for other steps, so for it only the harm of confirming or denying is asked. An
    NCND claim without a causal-chain question gets the fallback questions.
    """
    prompts = (
        list(exemption.harm_prompts)
        if exemption is not None and exemption.test in HARM_PAGE_TESTS
        else []
    )
    if claim.mode is ClaimMode.NCND and not any(p.id == "causal_chain" for p in prompts):
        have = {prompt.id for prompt in prompts}
        prompts += [prompt for prompt in NCND_FALLBACK_PROMPTS if prompt.id not in have]
    return prompts or list(NCND_FALLBACK_PROMPTS[:1])


def save_harm(
    case: Case,
    claim_id: str,
    answers: Mapping[str, object],
    catalogue: Catalogue | None = None,
) -> ActionResult:
    """A claim's harm saved from the answers to its questions (by prompt id; text is trimmed).

    Problems are named ``<claim id>.<prompt id>``.
    """
    claim = case.claim(claim_id)
    harm = claim.harm or HarmAssessment()
    prompts = harm_prompts(claim, resolve_catalogue(catalogue).get(claim.citation))
    values: dict[str, object] = {"prompt_answers": dict(harm.prompt_answers)}
    for prompt in prompts:
        value = answers.get(prompt.id)
        if prompt.id == "likelihood":
            values["likelihood"] = value
        elif prompt.id in CORE_HARM_PROMPT_IDS:
            values[prompt.id] = str(value or "").strip()
        else:
            values["prompt_answers"][prompt.id] = str(value or "").strip()
    try:
        new_harm = HarmAssessment.model_validate({**harm.model_dump(), **values})
    except ValidationError as error:
        problems = Problems()
        for problem in explain_errors(error):
            problems.add(f"{claim_id}.{problem.field.split('.')[0]}", problem.message)
        return ActionResult.refused(problems)
    edited = case.model_copy(deep=True)
    edited.claim(claim_id).harm = new_harm
    summary = f"Harm saved for {claim.citation}"
    return ActionResult.done(apply_step_edit(case, edited, "harm"), summary, summary + ".")


def save_overall_harm(case: Case, text: str) -> ActionResult:
    """The optional summary of the harm across the provisions (trimmed)."""
    edited = case.model_copy(deep=True)
    edited.overall_harm = (text or "").strip()
    return ActionResult.done(apply_step_edit(case, edited, "harm"), "Overall harm saved", "Saved.")
