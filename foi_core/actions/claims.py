"""Exemptions actions: provisions added (typed as letters cite them, or picked), changed and
removed, further limbs cited together, suggestions dismissed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from foi_core.actions.result import ActionResult, Problems
from foi_core.knowledge import CitationError, parse_citations
from foi_core.models import (
    WITHHELD_OUTCOMES,
    Case,
    ClaimMode,
    ExemptionClaim,
    Outcome,
    explain_errors,
)
from foi_core.reasoning import items_needing_claims, provision_of, resolve_catalogue
from foi_core.workflow import apply_step_edit, remove_claim

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue, Suggestion


@dataclass(frozen=True)
class ClaimChoice:
    """The items a provision covers, what it is used to do, and whether it is in the
    alternative."""

    items: Sequence[int]
    mode: ClaimMode = ClaimMode.WITHHOLD
    in_the_alternative: bool = False


@dataclass(frozen=True)
class TypedProvision:
    """Citations read from what the officer typed: the catalogue's limbs or NCND provisions, or
    the plain sentence saying why they cannot be used (``problem``)."""

    citations: tuple[str, ...] = ()
    ncnd: bool = False  # an NCND provision (s31(3), s24(2)) was typed: the use is NCND
    problem: str = ""

    @property
    def text(self) -> str:
        """The citations joined, as an option a page can offer ('s31(1)(a), s31(1)(b)')."""
        return ", ".join(self.citations)


def read_provision(text: str, catalogue: Catalogue | None = None) -> TypedProvision:
    """The provision(s) ``text`` cites, as the Act and real letters write them ("s31(1)(a), (b)
    and (c)", "31(3)", "s21(1)"): every citation must be a catalogue entry (or one of its
    aliases) or an NCND provision."""
    cat = resolve_catalogue(catalogue)
    try:
        citations = parse_citations(text)
    except CitationError as error:
        return TypedProvision(problem=str(error))
    unknown = [c for c in citations if cat.get(c) is None and not _ncnd_provision(c, cat)]
    if unknown:
        names = ", ".join(unknown)
        return TypedProvision(
            problem=f"{names} is not a provision the catalogue knows; give the limb "
            "(for example s31(1)(a)) or search for it by words."
        )
    ncnd = any(cat.get(c) is None for c in citations)
    return TypedProvision(tuple(citations), ncnd)


def _ncnd_provision(citation: str, catalogue: Catalogue) -> bool:
    """An NCND provision cited at its own level (s31(3)); a bare section ('s31') is not one."""
    return "(" in citation and catalogue.is_ncnd_provision(citation)


def default_mode(case: Case) -> ClaimMode:
    """What a new provision is used for: NCND when every item needing one is NCND."""
    needing = items_needing_claims(case)
    return ClaimMode.NCND if all(i.outcome is Outcome.NCND for i in needing) else ClaimMode.WITHHOLD


def uncovered_items(case: Case, mode: ClaimMode | None = None) -> list[int]:
    """Withheld and NCND items no provision covers yet (what a new provision starts with); with
    ``mode``, only the items a provision used that way can cover (NCND items for NCND, the
    others for withholding)."""
    return [
        item.number
        for item in case.request.items
        if item.outcome in WITHHELD_OUTCOMES
        and not case.claims_for_item(item.number)
        and (mode is None or (item.outcome is Outcome.NCND) == (mode is ClaimMode.NCND))
    ]


def new_claim_defaults(
    case: Case, typed: str, catalogue: Catalogue | None = None
) -> tuple[ClaimMode, list[int]]:
    """What the new-provision form starts with for the citation typed, and the uncovered items
    a provision used that way can cover (one provision is used one way: withheld and NCND items
    are never pre-filled together). NCND when an NCND provision is typed (s31(3)), or when
    every uncovered item is NCND; else withholding."""
    provision = read_provision(typed, resolve_catalogue(catalogue)) if typed.strip() else None
    withheld = uncovered_items(case, ClaimMode.WITHHOLD)
    if provision is not None and provision.citations and provision.ncnd:
        mode = ClaimMode.NCND
    elif not withheld and uncovered_items(case, ClaimMode.NCND):
        mode = ClaimMode.NCND  # only NCND items are left: a limb typed is to protect them
    elif not withheld and not uncovered_items(case):
        mode = default_mode(case)  # everything is covered: as the case's items mostly are
    else:
        mode = ClaimMode.WITHHOLD
    return mode, uncovered_items(case, mode)


def _choice_problems(claim: ExemptionClaim, choice: ClaimChoice, catalogue: Catalogue) -> Problems:
    """No item chosen; NCND under a limb without an NCND provision; an NCND provision typed but
    the use set to withhold."""
    problems = Problems()
    if not choice.items:
        problems.add("items", "Choose at least one item.")
    provision = provision_of(claim, catalogue)
    if choice.mode is ClaimMode.NCND:
        lacking = [e.citation for e in provision.entries if not e.ncnd_provision]
        if lacking:
            problems.add("mode", f"{lacking[0]} has no provision to neither confirm nor deny.")
    elif provision.ncnd_typed:
        problems.add(
            "mode",
            f"{provision.ncnd_typed[0]} is the provision to neither confirm nor deny; to withhold, "
            "cite the limb itself (for example s31(1)(a)).",
        )
    return problems


def _saved(case: Case, edited: Case, summary: str) -> ActionResult:
    return ActionResult.done(apply_step_edit(case, edited, "exemptions"), summary, summary + ".")


def _with_claims(case: Case, claims: list[ExemptionClaim]) -> Case:
    edited = case.model_copy(deep=True)
    edited.claims = claims
    return edited


def add_claim(
    case: Case, citation: str, choice: ClaimChoice, catalogue: Catalogue | None = None
) -> ActionResult:
    """A provision added, cited as typed or picked. Typing an NCND provision (s31(3)) makes the
    use NCND. The same provision may be used twice in different modes (withhold item 2 under
    s31(1)(a), NCND item 3 under s31(3)), never twice in the same mode."""
    cat = resolve_catalogue(catalogue)
    typed = read_provision(citation, cat)
    if typed.problem:
        return ActionResult.problem("citation", typed.problem)
    mode = ClaimMode.NCND if typed.ncnd else choice.mode
    claim = ExemptionClaim(
        citation=typed.citations[0],
        further_limbs=list(typed.citations[1:]),
        items=list(choice.items),
        mode=mode,
        in_the_alternative=choice.in_the_alternative,
    )
    problems = Problems()
    if any(c.citations == claim.citations and c.mode is mode for c in case.claims):
        problems.add("citation", f"{typed.text} is already listed above; edit it there.")
    problems.extend(_choice_problems(claim, ClaimChoice(choice.items, mode), cat))
    if problems:
        return ActionResult.refused(problems)
    return _saved(case, _with_claims(case, [*case.claims, claim]), f"Added {typed.text}")


def _replaced(case: Case, claim_id: str, **changes: object) -> Case | Problems:
    data = case.model_dump()
    for raw in data["claims"]:
        if raw["id"] == claim_id:
            raw.update(changes)
    try:
        return Case.model_validate(data)
    except ValidationError as error:
        return Problems(explain_errors(error))


def update_claim(
    case: Case, claim_id: str, choice: ClaimChoice, catalogue: Catalogue | None = None
) -> ActionResult:
    """A provision's items, mode and 'in the alternative' changed."""
    claim = case.claim(claim_id)
    problems = _choice_problems(claim, choice, resolve_catalogue(catalogue))
    if problems:
        return ActionResult.refused(problems)
    edited = _replaced(
        case,
        claim_id,
        items=list(choice.items),
        mode=choice.mode,
        in_the_alternative=choice.in_the_alternative,
    )
    if isinstance(edited, Problems):
        return ActionResult.refused(edited)
    return _saved(case, edited, f"{claim.citation} updated")


def add_limbs(
    case: Case, claim_id: str, text: str, catalogue: Catalogue | None = None
) -> ActionResult:
    """Further limbs of the same section cited with a claim ("(b) and (c)" or "s31(1)(b)"),
    under its one harm and public interest test. Problems are named ``<claim id>.limbs``."""
    cat = resolve_catalogue(catalogue)
    claim = case.claim(claim_id)
    field = f"{claim_id}.limbs"
    written = text.strip()
    if written.startswith("("):  # "(b) and (c)": limbs of the claim's own paragraph
        written = claim.citation.rsplit("(", 1)[0] + written
    typed = read_provision(written, cat)
    if typed.problem:
        return ActionResult.problem(field, typed.problem)
    try:
        parse_citations(", ".join([*claim.citations, *typed.citations]))
    except CitationError as error:
        return ActionResult.problem(field, str(error))
    new = [c for c in typed.citations if c not in claim.citations]
    if not new:
        return ActionResult.problem(field, f"{typed.text} is already cited with this claim.")
    edited = _replaced(case, claim_id, further_limbs=[*claim.further_limbs, *new])
    if isinstance(edited, Problems):
        return ActionResult.refused(edited)
    problems = _choice_problems(edited.claim(claim_id), ClaimChoice(claim.items, claim.mode), cat)
    if problems:
        return ActionResult.problem(field, problems[-1].message)
    return _saved(case, edited, f"{', '.join(new)} cited with {claim.citation}")


def drop_limb(case: Case, claim_id: str, limb: str) -> ActionResult:
    """A further limb no longer cited with a claim."""
    claim = case.claim(claim_id)
    limbs = [c for c in claim.further_limbs if c != limb]
    edited = _replaced(case, claim_id, further_limbs=limbs)
    if isinstance(edited, Problems):
        return ActionResult.refused(edited)
    return _saved(case, edited, f"{limb} no longer cited with {claim.citation}")


def drop_claim(case: Case, claim_id: str) -> ActionResult:
    """A provision removed (combined balances lose it; later steps re-check)."""
    citation = case.claim(claim_id).citation
    return _saved(case, remove_claim(case, claim_id), f"Removed {citation}")


def open_suggestions(case: Case, catalogue: Catalogue | None = None) -> list[Suggestion]:
    """Provisions the request's words suggest, less those chosen or dismissed already."""
    text = "\n".join([case.request.text, *(item.text for item in case.request.items)])
    chosen = {citation for claim in case.claims for citation in claim.citations}
    return [
        suggestion
        for suggestion in resolve_catalogue(catalogue).suggest(text)
        if suggestion.citation not in chosen
        and suggestion.citation not in case.dismissed_suggestions
    ]


def dismiss_suggestion(case: Case, citation: str) -> ActionResult:
    """A suggested provision no longer offered for this case (nothing to re-check)."""
    edited = case.model_copy(deep=True)
    edited.dismissed_suggestions = [*case.dismissed_suggestions, citation]
    return ActionResult.done(edited, f"Suggestion {citation} dismissed")
