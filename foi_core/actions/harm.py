"""Harm actions: the harm test of a claim (or the harm of confirming or denying), what its
exemption must record, a s22 publication plan, and the overall harm; which claims the Harm step
shows and which questions each is asked (worded for the use: NCND asks about confirming or
denying)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from pydantic import ValidationError

from foi_core.actions.result import ActionResult, Problems
from foi_core.knowledge import CORE_HARM_PROMPT_IDS, HarmPrompt, RecordPrompt
from foi_core.models import (
    Case,
    ClaimMode,
    ExemptionClaim,
    HarmAssessment,
    PublicationPlan,
    explain_errors,
)
from foi_core.reasoning import (
    claims_needing_harm,
    needs_publication_plan,
    provision_of,
    resolve_catalogue,
)
from foi_core.workflow import apply_step_edit

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


# An NCND use is about the harm in confirming or denying, never about withholding or disclosing:
# the catalogue's questions are reworded for it (longest phrases first, each also capitalised).
NCND_REWORDING = (
    ("disclosure (or confirming or denying)", "confirming or denying"),
    ("the need to withhold", "the harm in confirming or denying"),
    ("withholding the information", "neither confirming nor denying"),
    ("withholding", "neither confirming nor denying"),
    ("to withhold", "to neither confirm nor deny"),
    ("withheld", "neither confirmed nor denied"),
    ("disclosing this information", "confirming or denying that it is held"),
    ("disclosing this", "confirming or denying"),
    ("releasing this information", "confirming or denying that it is held"),
    (
        "if similar information were released",
        "if the force confirmed or denied holding similar information",
    ),
    ("would disclosure", "would confirming or denying"),
    ("does disclosure", "does confirming or denying"),
    ("disclosure would", "confirming or denying would"),
    ("would disclose", "would confirm or deny"),
)


def ncnd_words(text: str) -> str:
    """``text`` about withholding reworded for a use that neither confirms nor denies."""
    for old, new in NCND_REWORDING:
        text = text.replace(old, new).replace(old.capitalize(), new.capitalize())
    return text


_Prompt = TypeVar("_Prompt", HarmPrompt, RecordPrompt)


def _for_use(prompt: _Prompt, claim: ExemptionClaim) -> _Prompt:
    if claim.mode is not ClaimMode.NCND:
        return prompt
    return prompt.model_copy(
        update={"question": ncnd_words(prompt.question), "help": ncnd_words(prompt.help)}
    )


@dataclass(frozen=True)
class PublicationInput:
    """A s22 publication plan as typed: who intends to publish, when (a date or a period, as
    the letter says it), and the date the intention was settled."""

    publisher: str = ""
    intended: str = ""
    settled_on: dt.date | None = None


def harm_page_claims(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims the Harm step asks about: those whose test turns on harm, and every NCND claim
    (the harm of confirming or denying); never a procedural refusal."""
    cat = resolve_catalogue(catalogue)
    required = {claim.id for claim in claims_needing_harm(case, cat)}
    shown = []
    for claim in case.claims:
        exemption = provision_of(claim, cat).entry
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
    if not prompts and exemption is None:
        prompts = list(NCND_FALLBACK_PROMPTS[:1])
    return [_for_use(prompt, claim) for prompt in prompts]


def record_prompts(claim: ExemptionClaim, catalogue: Catalogue | None = None) -> list[RecordPrompt]:
    """What the exemption of each limb the claim cites must record (s24(1) why exemption is
    required, s38 whose health or safety ...), each question once, worded for the use."""
    prompts: list[RecordPrompt] = []
    for entry in provision_of(claim, catalogue).entries:
        prompts += [p for p in entry.record_prompts if p.id not in {q.id for q in prompts}]
    return [_for_use(prompt, claim) for prompt in prompts]


def save_harm(
    case: Case,
    claim_id: str,
    answers: Mapping[str, object],
    catalogue: Catalogue | None = None,
    *,
    records: Mapping[str, str] | None = None,
    publication: PublicationInput | None = None,
) -> ActionResult:
    """A claim's harm saved from the answers to its questions (by prompt id; text is trimmed),
    with the answers to its exemption's record prompts and its s22 publication plan when given.

    Problems are named ``<claim id>.<prompt id>`` (``<claim id>.publication`` for the plan).
    """
    cat = resolve_catalogue(catalogue)
    claim = case.claim(claim_id)
    harm = claim.harm or HarmAssessment()
    prompts = harm_prompts(claim, provision_of(claim, cat).entry)
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
    target = edited.claim(claim_id)
    target.harm = new_harm if prompts else claim.harm
    try:
        if records is not None:
            asked = {prompt.id for prompt in record_prompts(claim, cat)}
            kept = {k: v for k, v in claim.records.items() if k not in asked}
            given = {k: str(v or "").strip() for k, v in records.items() if k in asked}
            target.records = {**kept, **{k: v for k, v in given.items() if v}}
        if publication is not None and needs_publication_plan(claim, cat):
            target.publication = PublicationPlan(
                publisher=publication.publisher.strip(),
                intended=publication.intended.strip(),
                settled_on=publication.settled_on,
            )
    except ValidationError as error:
        problems = Problems()
        for problem in explain_errors(error):
            problems.add(f"{claim_id}.{problem.field}", problem.message)
        return ActionResult.refused(problems)
    summary = f"Harm saved for {claim.citation}"
    return ActionResult.done(apply_step_edit(case, edited, "harm"), summary, summary + ".")


def save_overall_harm(case: Case, text: str) -> ActionResult:
    """The optional summary of the harm across the provisions (trimmed)."""
    edited = case.model_copy(deep=True)
    edited.overall_harm = (text or "").strip()
    return ActionResult.done(apply_step_edit(case, edited, "harm"), "Overall harm saved", "Saved.")
