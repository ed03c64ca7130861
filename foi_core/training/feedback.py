"""Feedback on a trainee's attempt: a score out of 100, each mistake in plain English (the item,
the provision, why it matters, the step that fixes it), what was done well, and the model answer
side by side with the attempt. Deterministic, no Streamlit.

Judged with the same rules as the check: the checker's error findings count as the mistake kind
``mistakes.yaml`` maps their rule to (anything procedural is an ``s17_defect``), with the gaps
worded by ``foi_core.reasoning``; the rubric adds what only a model answer can tell (outcomes,
the exemptions each item needs, mode, likelihood, balance, key considerations: ``marking``).
The model answer of a scenario scores exactly 100 with no mistakes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from foi_core.checker import Finding, check
from foi_core.models import Case, ExemptionClaim
from foi_core.plain import join_words
from foi_core.reasoning import harm_gaps, pit_sides_missing, publication_gaps, records_missing
from foi_core.steps import STEP_KEYS

from .bank import satisfies
from .marking import (
    CONCLUSION_LABELS,
    MODE_WORDS,
    Mark,
    cited_text,
    conclusion_of,
    exemptions_judged,
    mark_considerations,
    mark_items,
    outcome_label,
    question,
)
from .mistakes import MistakeKind, load_mistakes
from .scenario import Scenario

KIND_ORDER = {kind: index for index, kind in enumerate(MistakeKind)}


@dataclass(frozen=True)
class Mistake:
    """One mistake: its kind, a plain message naming the item and the provision, the step whose
    page fixes it, and why it matters."""

    kind: MistakeKind
    message: str
    item: int | None
    citation: str | None
    provision: str | None  # the section, e.g. "s31"
    step: str
    why_it_matters: str
    title: str
    claim_id: str | None = None
    penalty: int = 0

    def as_json(self) -> dict:
        """The CLI's shape: kind, message, item, citation, provision."""
        return {
            "kind": self.kind.value,
            "message": self.message,
            "item": self.item,
            "citation": self.citation,
            "provision": self.provision,
        }


@dataclass(frozen=True)
class Feedback:
    """What a trainee sees after "Submit for feedback"."""

    scenario: str
    score: int
    mistakes: list[Mistake] = field(default_factory=list)
    done_well: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "scenario": self.scenario,
            "score": self.score,
            "mistakes": [mistake.as_json() for mistake in self.mistakes],
        }


@dataclass(frozen=True)
class ComparisonRow:
    """One item of the model answer beside the attempt's."""

    item: int
    question: str
    text: str
    model_outcome: str
    attempt_outcome: str
    model_provisions: list[str]
    attempt_provisions: list[str]
    model_balance: str
    attempt_balance: str
    outcome_right: bool


def _section(citation: str | None) -> str | None:
    return citation.split("(", 1)[0] if citation else None


def _claim(case: Case, claim_id: str | None) -> ExemptionClaim | None:
    return next((claim for claim in case.claims if claim.id == claim_id), None)


def _finding_message(finding: Finding, kind: MistakeKind, case: Case) -> str:
    """The checker's finding in the feedback's words (the gaps from foi_core.reasoning)."""
    claim = _claim(case, finding.claim_id)
    if claim is None or not claim.items:
        return finding.message
    where = question(case, claim.items)
    cited = cited_text(claim)
    if kind is MistakeKind.HARM_INCOMPLETE:
        gaps = harm_gaps(claim, case)
        gaps += [prompt.question.rstrip("?").lower() for prompt in records_missing(claim, case)]
        gaps += publication_gaps(claim, case)
        if gaps:
            return f"{where}: the harm test for {cited} does not yet record {join_words(gaps)}."
    if kind is MistakeKind.PIT_ONE_SIDED:
        sides = pit_sides_missing(claim)
        words = {"for": "for disclosure", "against": "for maintaining the exemption"}
        if len(sides) == 2:
            return f"{where}: the public interest test for {cited} weighs no factors at all."
        if sides:
            return (
                f"{where}: the public interest test for {cited} has no factor "
                f"{words[sides[0]]}; a balance needs both sides."
            )
    return f"{where}: {finding.message}"


def _covered(marks: list[Mark], kind: MistakeKind, claim_id: str | None, item: int | None) -> bool:
    for mark in marks:
        if mark.kind is not kind:
            continue
        if claim_id is not None and mark.claim_id == claim_id:
            return True
        if claim_id is None and (item is None or mark.item == item):
            return True
    return False


def _finding_marks(attempt: Case, marks: list[Mark], today_from: Case) -> list[Mark]:
    """The attempt's error findings as marks, one per kind and claim (or item)."""
    book = load_mistakes()
    found: list[Mark] = []
    for finding in check(attempt, today=today_from.response_date or attempt.response_date):
        if finding.severity != "error":
            continue
        kind = book.by_rule.get(finding.rule_id, MistakeKind.S17_DEFECT)
        claim = _claim(attempt, finding.claim_id)
        item = finding.item
        if item is None and claim is not None and claim.items:
            item = min(claim.items)
        if _covered(marks, kind, finding.claim_id, item) or _covered(
            found, kind, finding.claim_id, item
        ):
            continue
        found.append(
            Mark(
                kind,
                _finding_message(finding, kind, attempt),
                item,
                finding.claim_id,
                claim.citation if claim is not None else None,
                finding.step,
            )
        )
    return found


def _mistake(mark: Mark) -> Mistake:
    info = load_mistakes().info(mark.kind)
    return Mistake(
        kind=mark.kind,
        message=mark.message,
        item=mark.item,
        citation=mark.citation,
        provision=_section(mark.citation),
        step=mark.step or info.step,
        why_it_matters=info.why_it_matters,
        title=info.title,
        claim_id=mark.claim_id,
        penalty=info.penalty,
    )


def _order(mistake: Mistake) -> tuple:
    step = STEP_KEYS.index(mistake.step) if mistake.step in STEP_KEYS else len(STEP_KEYS)
    item = mistake.item if mistake.item is not None else 10**6
    return (item, step, KIND_ORDER[mistake.kind], mistake.message)


def feedback(scenario: Scenario, attempt: Case) -> Feedback:
    """The feedback on ``attempt`` against ``scenario`` (see the module's notes)."""
    marks = mark_items(scenario, attempt)
    missed, made = mark_considerations(scenario, attempt)
    marks += missed
    marks += _finding_marks(attempt, marks, scenario.model_answer)
    mistakes = sorted((_mistake(mark) for mark in marks), key=_order)
    score = max(0, 100 - sum(mistake.penalty for mistake in mistakes))
    return Feedback(scenario.id, score, mistakes, _done_well(scenario, attempt, mistakes, made))


def _done_well(
    scenario: Scenario, attempt: Case, mistakes: list[Mistake], made: list[str]
) -> list[str]:
    wrong_claims = {m.claim_id for m in mistakes if m.claim_id}
    wrong_outcomes = {m.item for m in mistakes if m.kind is MistakeKind.WRONG_OUTCOME}
    good: list[str] = []
    for entry in scenario.rubric.items:
        item = next((i for i in attempt.request.items if i.number == entry.item), None)
        if item is None:
            continue
        where = question(attempt, entry.item)
        if item.outcome in entry.outcomes and entry.item not in wrong_outcomes:
            good.append(f"{where}: the right answer ({outcome_label(item.outcome)}).")
        for expected in entry.needs if exemptions_judged(entry, item.outcome) else []:
            claim = next(
                (c for c in attempt.claims_for_item(entry.item) if satisfies(c, expected)), None
            )
            if claim is not None and claim.id not in wrong_claims:
                good.append(
                    f"{where}: {cited_text(claim)}, used {MODE_WORDS[claim.mode.value]}, "
                    "is the right exemption, with its reasoning complete."
                )
    good += [f"You made a key point: {title}." for title in made]
    return list(dict.fromkeys(good))


# --- Side by side --------------------------------------------------------------------------------


def _provisions(case: Case, number: int) -> list[str]:
    return [
        f"{cited_text(claim)} ({MODE_WORDS[claim.mode.value]})"
        for claim in case.claims_for_item(number)
    ]


def _balances(case: Case, number: int) -> str:
    parts = []
    for claim in case.claims_for_item(number):
        reached = conclusion_of(case, claim)
        if reached is not None:
            parts.append(f"{cited_text(claim)}: {CONCLUSION_LABELS[reached]}")
    return "; ".join(parts)


def side_by_side(scenario: Scenario, attempt: Case) -> list[ComparisonRow]:
    """Per item of the model answer: its outcome, provisions and balance beside the attempt's."""
    model = scenario.model_answer
    rows: list[ComparisonRow] = []
    for entry in scenario.rubric.items:
        number = entry.item
        model_item = model.request.item(number)
        mine = next((i for i in attempt.request.items if i.number == number), None)
        rows.append(
            ComparisonRow(
                item=number,
                question=question(model, number),
                text=model_item.text,
                model_outcome=outcome_label(model_item.outcome),
                attempt_outcome=outcome_label(mine.outcome if mine else None),
                model_provisions=_provisions(model, number),
                attempt_provisions=_provisions(attempt, number),
                model_balance=_balances(model, number),
                attempt_balance=_balances(attempt, number),
                outcome_right=mine is not None and mine.outcome in entry.outcomes,
            )
        )
    return rows
