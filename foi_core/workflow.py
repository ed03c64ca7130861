"""The steps of a case and the editing operations that keep a case consistent.

No Streamlit here: the pages call these functions and save the Case they return. Whether a step
applies is decided from the case and the exemption catalogue (e.g. an absolute exemption has no
public interest test), never from hard-coded section numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from foi_core.models import (
    WITHHELD_OUTCOMES,
    Case,
    CaseStatus,
    ExemptionClaim,
    Outcome,
    Request,
    Requester,
    RequestItem,
    new_id,
)
from foi_core.steps import STEP_KEYS, STEPS, STEPS_BY_KEY, Step

if TYPE_CHECKING:
    from foi_core.knowledge import Catalogue, Exemption

# --- Steps ------------------------------------------------------------------------------------


# The steps themselves (keys and titles) live in foi_core.steps.

# The later steps whose answers rest on each step. Changing a step marks these "re-check".
# (The check step is recomputed every time, so it never needs re-checking.)
DEPENDENTS: dict[str, tuple[str, ...]] = {
    "request": ("items", "exemptions", "harm", "public_interest", "balance", "letter"),
    "items": ("exemptions", "harm", "public_interest", "balance", "letter"),
    "exemptions": ("harm", "public_interest", "balance", "letter"),
    "harm": ("public_interest", "balance", "letter"),
    "public_interest": ("balance", "letter"),
    "balance": ("letter",),
    "check": (),
    "letter": (),
}

# Items with these outcomes need a provision (an exemption or a procedural refusal) on the
# Exemptions step.
CLAIM_OUTCOMES = WITHHELD_OUTCOMES | {Outcome.COST_LIMIT, Outcome.VEXATIOUS, Outcome.REPEATED}
# Items with these outcomes need the answer typed in.
ANSWER_OUTCOMES = frozenset({Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED})


class Status(StrEnum):
    """How far a step has got."""

    DONE = "done"
    TO_DO = "to do"
    ATTENTION = "needs attention"
    NOT_NEEDED = "not needed"
    BLOCKED = "blocked"
    RECHECK = "re-check"


@dataclass(frozen=True)
class StepStatus:
    """The status of one step, with a short plain-English reason."""

    step: Step
    status: Status
    reason: str = ""

    @property
    def key(self) -> str:
        return self.step.key


def _check_step_key(step_key: str) -> None:
    if step_key not in STEPS_BY_KEY:
        raise ValueError(f"unknown step '{step_key}'; steps are: {', '.join(STEP_KEYS)}")


# --- Which claims need which parts of the reasoning ----------------------------------------------


def _catalogue(catalogue: Catalogue | None) -> Catalogue:
    if catalogue is not None:
        return catalogue
    from foi_core.knowledge import load_catalogue

    return load_catalogue()


def exemption_for(claim: ExemptionClaim, catalogue: Catalogue | None = None) -> Exemption | None:
    """The catalogue entry for a claim's citation (None for a citation the catalogue lacks)."""
    return _catalogue(catalogue).get(claim.citation)


def claims_needing_harm(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims whose exemption has a prejudice-style test (harm must be shown)."""
    cat = _catalogue(catalogue)
    result = []
    for claim in case.claims:
        exemption = cat.get(claim.citation)
        if exemption is not None and exemption.needs_harm_test:
            result.append(claim)
    return result


def claims_needing_pit(case: Case, catalogue: Catalogue | None = None) -> list[ExemptionClaim]:
    """Claims under a qualified exemption: a public interest test is required.

    A citation the catalogue does not know is treated as needing one, so nothing is skipped by
    mistake (the checker reports the unknown citation).
    """
    cat = _catalogue(catalogue)
    result = []
    for claim in case.claims:
        exemption = cat.get(claim.citation)
        if exemption is None or exemption.pit_required:
            result.append(claim)
    return result


def claims_needing_qp_opinion(
    case: Case, catalogue: Catalogue | None = None
) -> list[ExemptionClaim]:
    """Claims whose exemption rests on a qualified person's opinion (s36)."""
    cat = _catalogue(catalogue)
    return [
        claim
        for claim in case.claims
        if (exemption := cat.get(claim.citation)) is not None
        and exemption.test == "qualified_person"
    ]


def items_needing_claims(case: Case) -> list[RequestItem]:
    """Items withheld, neither confirmed nor denied, or refused: each needs a provision."""
    return [item for item in case.request.items if item.outcome in CLAIM_OUTCOMES]


def _harm_complete(claim: ExemptionClaim, exemption: Exemption) -> bool:
    harm = claim.harm
    if harm is None or not harm.interest.strip() or not harm.causal_chain.strip():
        return False
    return not (exemption.test in ("prejudice", "endangerment") and harm.likelihood is None)


def _pit_complete(claim: ExemptionClaim) -> bool:
    pit = claim.pit
    return pit is not None and bool(pit.factors_for) and bool(pit.factors_against)


def _balanced(case: Case, claim: ExemptionClaim) -> bool:
    if claim.pit is not None and claim.pit.balance is not None:
        return True
    return any(claim.id in agg.claim_ids for agg in case.aggregate_balances)


# --- Step statuses ------------------------------------------------------------------------------


def _step_progress(case: Case, cat: Catalogue) -> dict[str, tuple[bool | None, str]]:
    """Per step: (complete, reason); complete is None when the step does not apply."""
    items = case.request.items
    progress: dict[str, tuple[bool | None, str]] = {}

    if not items:
        progress["request"] = (False, "paste the request and split it into items")
    else:
        progress["request"] = (True, f"{len(items)} item(s)")

    no_outcome = [item.number for item in items if item.outcome is None]
    no_answer = [
        item.number for item in items if item.outcome in ANSWER_OUTCOMES and not item.answer.strip()
    ]
    no_where = [
        item.number
        for item in items
        if item.outcome is Outcome.ACCESSIBLE_ELSEWHERE and not item.where_to_find.strip()
    ]
    if not items:
        progress["items"] = (False, "no items yet")
    elif no_outcome:
        progress["items"] = (False, f"no outcome for item(s) {_numbers(no_outcome)}")
    elif no_answer:
        progress["items"] = (False, f"answer not typed in for item(s) {_numbers(no_answer)}")
    elif no_where:
        progress["items"] = (False, f"say where to find item(s) {_numbers(no_where)}")
    else:
        progress["items"] = (True, "every item has an outcome")

    needing = items_needing_claims(case)
    if items and not no_outcome and not needing:
        progress["exemptions"] = (None, "no item is withheld or refused")
    else:
        uncovered = [item.number for item in needing if not case.claims_for_item(item.number)]
        if not needing:
            progress["exemptions"] = (False, "give every item an outcome first")
        elif uncovered:
            progress["exemptions"] = (False, f"no provision for item(s) {_numbers(uncovered)}")
        else:
            progress["exemptions"] = (True, f"{len(case.claims)} provision(s) chosen")

    exemptions_settled = progress["exemptions"][0] is not False
    harm_claims = claims_needing_harm(case, cat)
    if exemptions_settled and not harm_claims:
        progress["harm"] = (None, "no provision chosen needs a harm test")
    else:
        missing = [c.citation for c in harm_claims if not _harm_complete(c, cat.get(c.citation))]
        if missing or not harm_claims:
            progress["harm"] = (False, f"harm not set out for {', '.join(missing) or 'claims'}")
        else:
            progress["harm"] = (True, "harm set out for every prejudice-based claim")

    pit_claims = claims_needing_pit(case, cat)
    if exemptions_settled and not pit_claims:
        progress["public_interest"] = (None, "every provision chosen is absolute")
    else:
        missing = [c.citation for c in pit_claims if not _pit_complete(c)]
        if missing or not pit_claims:
            progress["public_interest"] = (
                False,
                f"factors for and against needed for {', '.join(missing) or 'claims'}",
            )
        else:
            progress["public_interest"] = (True, "factors recorded for every qualified claim")

    qp_claims = claims_needing_qp_opinion(case, cat)
    cost_items = case.items_with(Outcome.COST_LIMIT)
    if exemptions_settled and not pit_claims and not qp_claims and not cost_items:
        progress["balance"] = (None, "nothing to balance")
    else:
        problems = [f"conclusion for {c.citation}" for c in pit_claims if not _balanced(case, c)]
        problems += [
            f"qualified person's opinion for {c.citation}"
            for c in qp_claims
            if c.qp_opinion is None or not c.qp_opinion.name.strip()
        ]
        if cost_items and (case.cost_estimate is None or not case.cost_estimate.lines):
            problems.append("the cost estimate")
        if problems or not exemptions_settled:
            progress["balance"] = (False, "still needed: " + "; ".join(problems or ["claims"]))
        else:
            progress["balance"] = (True, "conclusions recorded")

    progress["check"] = (True, "")
    issued = [
        letter for letter in case.issued_letters if letter.kind == "response" and not letter.draft
    ]
    progress["letter"] = (bool(issued), "letter issued" if issued else "letter not issued yet")
    return progress


def _numbers(numbers: Iterable[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def step_statuses(
    case: Case, findings: Sequence[Any] | None = None, catalogue: Catalogue | None = None
) -> list[StepStatus]:
    """The status of every step, in order.

    ``findings`` are the checker's findings (anything with ``.step`` and ``.severity``); a step
    with findings "needs attention". A step is "blocked" while an earlier step that applies is
    incomplete, "not needed" when it does not apply, and "re-check" when an earlier answer changed
    after it was completed (``case.recheck_steps``).
    """
    cat = _catalogue(catalogue)
    progress = _step_progress(case, cat)
    findings_by_step: dict[str, list[Any]] = {}
    for finding in findings or ():
        findings_by_step.setdefault(getattr(finding, "step", "") or "check", []).append(finding)

    statuses: list[StepStatus] = []
    incomplete_before: str | None = None
    for step in STEPS:
        complete, reason = progress[step.key]
        own = findings_by_step.get(step.key, [])
        if step.key == "check":
            statuses.append(_check_status(step, findings))
            continue
        if complete is None:
            statuses.append(StepStatus(step, Status.NOT_NEEDED, reason))
            continue
        if incomplete_before is not None:
            statuses.append(StepStatus(step, Status.BLOCKED, f"finish {incomplete_before} first"))
        elif own:
            count = len(own)
            statuses.append(
                StepStatus(step, Status.ATTENTION, f"{count} problem(s) found by the check")
            )
        elif step.key in case.recheck_steps and complete:
            statuses.append(StepStatus(step, Status.RECHECK, "an earlier answer changed"))
        elif complete:
            statuses.append(StepStatus(step, Status.DONE, reason))
        else:
            statuses.append(StepStatus(step, Status.TO_DO, reason))
        if not complete and incomplete_before is None and step.key != "letter":
            incomplete_before = step.title
    return statuses


def _check_status(step: Step, findings: Sequence[Any] | None) -> StepStatus:
    if findings is None:
        return StepStatus(step, Status.TO_DO, "not run yet")
    errors = [f for f in findings if getattr(f, "severity", "error") == "error"]
    if errors:
        return StepStatus(step, Status.ATTENTION, f"{len(errors)} error(s) to fix")
    if findings:
        return StepStatus(step, Status.DONE, f"no errors; {len(findings)} warning(s)")
    return StepStatus(step, Status.DONE, "no problems found")


# --- Re-check marks -----------------------------------------------------------------------------


def _ordered(keys: Iterable[str]) -> list[str]:
    wanted = set(keys)
    return [key for key in STEP_KEYS if key in wanted]


def mark_changed(case: Case, step_key: str) -> Case:
    """A copy of the case with the later steps that rest on ``step_key`` marked "re-check".

    Later answers are kept: the officer is asked to look at them again, not to redo them.
    """
    _check_step_key(step_key)
    updated = case.model_copy(deep=True)
    updated.recheck_steps = _ordered([*case.recheck_steps, *DEPENDENTS[step_key]])
    return updated


def mark_recheck(case: Case, *step_keys: str) -> Case:
    """A copy of the case with exactly these steps added to the "re-check" marks."""
    for key in step_keys:
        _check_step_key(key)
    updated = case.model_copy(deep=True)
    updated.recheck_steps = _ordered([*case.recheck_steps, *step_keys])
    return updated


def clear_recheck(case: Case, step_key: str) -> Case:
    """A copy of the case with ``step_key`` no longer marked "re-check"."""
    _check_step_key(step_key)
    updated = case.model_copy(deep=True)
    updated.recheck_steps = [key for key in case.recheck_steps if key != step_key]
    return updated


def apply_step_edit(before: Case, after: Case, step_key: str) -> Case:
    """Record that the officer submitted ``step_key``: clear its own re-check mark and, if the
    case changed, mark the later steps that depend on it."""
    edited = clear_recheck(after, step_key)
    if _reasoning_dump(before) != _reasoning_dump(after):
        edited = mark_changed(edited, step_key)
    return edited


def _reasoning_dump(case: Case) -> dict:
    return case.model_dump(mode="json", exclude={"recheck_steps"})


# --- Splitting a pasted request into items --------------------------------------------------------

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("question", re.compile(r"^(?:Q|Question\s*)(\d{1,3})\s*[.:)\-]?\s+(?=\S)", re.IGNORECASE)),
    ("number.", re.compile(r"^(\d{1,3})\.\s+(?=\S)")),
    ("number)", re.compile(r"^(\d{1,3})\)\s+(?=\S)")),
    ("(number)", re.compile(r"^\((\d{1,3})\)\s+(?=\S)")),
    ("(letter)", re.compile(r"^\(([a-z])\)\s+(?=\S)")),
    ("letter)", re.compile(r"^([a-z])\)\s+(?=\S)")),
    ("bullet-", re.compile(r"^(-)\s+(?=\S)")),
    ("bullet•", re.compile(r"^(•)\s*(?=\S)")),
    ("bullet*", re.compile(r"^(\*)\s+(?=\S)")),
)


def _marker(line: str) -> tuple[str, int, int] | None:
    """(marker kind, indentation, length of indentation + marker) for a list line, else None."""
    stripped = line.lstrip(" \t")
    indent = len(line) - len(stripped)
    for kind, pattern in _MARKERS:
        match = pattern.match(stripped)
        if match:
            return kind, indent, indent + match.end()
    return None


def split_request(text: str) -> list[str]:
    """Split a pasted request into its numbered items.

    The first kind of list marker found ("1.", "1)", "(1)", "(a)", "a)", "Q1", "-", "•", "*")
    marks the items; lines indented further or with another marker stay with the item above
    (sub-questions). Text before the first item, and text after the last item that follows a
    blank line (a sign-off), is not an item. With no list markers, each paragraph is an item.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    markers = [_marker(line) for line in lines]
    top = next((m for m in markers if m is not None), None)
    if top is None:
        return _paragraphs(lines)
    top_kind, top_indent, _ = top

    items: list[list[str]] = []
    for line, marker in zip(lines, markers, strict=True):
        if marker is not None and marker[0] == top_kind and marker[1] <= top_indent:
            items.append([line[marker[2] :].strip()])
        elif items:
            items[-1].append(line.rstrip())

    texts = []
    for index, item_lines in enumerate(items):
        if index == len(items) - 1:
            item_lines = _drop_sign_off(item_lines)
        texts.append(_dedent_join(item_lines))
    return [t for t in texts if t]


def _drop_sign_off(lines: list[str]) -> list[str]:
    """Keep the last item's lines up to the first blank line followed by unindented text."""
    for index in range(1, len(lines)):
        if not lines[index].strip():
            rest = [line for line in lines[index + 1 :] if line.strip()]
            if rest and not rest[0][:1].isspace():
                return lines[:index]
    return lines


def _dedent_join(lines: list[str]) -> str:
    head, body = lines[0], [line for line in lines[1:]]
    while body and not body[-1].strip():
        body.pop()
    indents = [len(line) - len(line.lstrip()) for line in body if line.strip()]
    cut = min(indents, default=0)
    return "\n".join([head, *(line[cut:] for line in body)]).strip()


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return ["\n".join(p) for p in paragraphs if p]


# --- Editing the case consistently ----------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split())


def set_items(case: Case, texts: Sequence[str]) -> Case:
    """A copy of the case with its items replaced by ``texts`` (blank texts are dropped).

    An item whose text is unchanged keeps its outcome, searches and answer; it is matched at the
    same position first, else at its first unused match elsewhere, and claims follow it to its new
    number. Claims lose references to items that no longer exist. If anything changed, the later
    steps are marked "re-check".
    """
    cleaned = [t.strip() for t in texts if t and t.strip()]
    old_items = case.request.items
    used: set[int] = set()
    mapping: dict[int, int] = {}  # old number -> new number
    new_items: list[RequestItem] = []
    for position, text in enumerate(cleaned):
        number = position + 1
        match: RequestItem | None = None
        if position < len(old_items) and _norm(old_items[position].text) == _norm(text):
            match = old_items[position]
        else:
            match = next(
                (o for o in old_items if o.number not in used and _norm(o.text) == _norm(text)),
                None,
            )
        if match is not None and match.number not in used:
            used.add(match.number)
            mapping[match.number] = number
            new_items.append(match.model_copy(update={"number": number, "text": text}))
        else:
            new_items.append(RequestItem(number=number, text=text))

    data = case.model_dump()
    data["request"]["items"] = [item.model_dump() for item in new_items]
    for claim in data["claims"]:
        claim["items"] = sorted(mapping[n] for n in claim["items"] if n in mapping)
    for agg in data["aggregate_balances"]:
        agg["items"] = sorted(mapping[n] for n in agg["items"] if n in mapping)
    updated = Case.model_validate(data)

    changed = [(i.number, i.text) for i in new_items] != [(o.number, o.text) for o in old_items]
    return mark_changed(updated, "request") if changed else updated


def remove_claim(case: Case, claim_id: str) -> Case:
    """A copy of the case without that claim; combined balances lose it too, and one left with
    fewer than two claims is dropped. Later steps are marked "re-check"."""
    data = case.model_dump()
    data["claims"] = [c for c in data["claims"] if c["id"] != claim_id]
    aggregates = []
    for agg in data["aggregate_balances"]:
        agg["claim_ids"] = [cid for cid in agg["claim_ids"] if cid != claim_id]
        if len(agg["claim_ids"]) >= 2:
            aggregates.append(agg)
    data["aggregate_balances"] = aggregates
    return mark_changed(Case.model_validate(data), "exemptions")


def new_case(our_ref: str, received: dt.date, title: str = "") -> Case:
    """A blank draft case (raises pydantic.ValidationError for a blank reference)."""
    return Case(title=title, request=Request(our_ref=our_ref.strip(), received=received))


def duplicate_case(case: Case, new_ref: str, received: dt.date | None = None) -> Case:
    """A new draft starting from an earlier case's reasoning.

    It gets a new id and reference and keeps the request, items, claims, harm, factors and
    balances as a starting point. Everything that belongs to the earlier request alone is
    cleared: the requester, their reference, letters issued, the response date, clarification,
    fees notice, PIT extension, review and re-check marks. ``received`` defaults to today.
    """
    data = case.model_dump()
    data.update(
        id=new_id(),
        status=CaseStatus.DRAFT,
        requester=Requester().model_dump(),
        issued_letters=[],
        response_date=None,
        clarification=None,
        fees_notice=None,
        pit_extension=None,
        review_requested_on=None,
        recheck_steps=[],
    )
    data["request"].update(
        our_ref=new_ref.strip(), their_ref="", received=received or dt.date.today()
    )
    return Case.model_validate(data)


def next_step(statuses: Sequence[StepStatus]) -> str:
    """The key of the first step that needs the officer (else the letter step)."""
    for status in statuses:
        if status.status in (Status.TO_DO, Status.ATTENTION, Status.RECHECK):
            return status.key
    return "letter"
