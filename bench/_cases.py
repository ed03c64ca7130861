"""Cases the benchmarks share: small background cases to fill a store, and a 16-item case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from foi_core.models import (
    Balance,
    Case,
    ClaimMode,
    Conclusion,
    ExemptionClaim,
    Factor,
    HarmAssessment,
    Likelihood,
    Outcome,
    PublicInterestTest,
    Request,
    Requester,
    RequestItem,
    Side,
    Weight,
)

RECEIVED = dt.date(2026, 3, 2)
QUESTIONS = range(1, 17)  # the question numbers of the big case


def background_case(number: int) -> Case:
    """A small one-item case to fill the store (draft, issued and closed in turn)."""
    return Case(
        id=f"bg{number:06d}",
        title=f"Background request {number}",
        status=("draft", "issued", "closed")[number % 3],
        request=Request(
            our_ref=f"BG-{number:06d}",
            received=RECEIVED - dt.timedelta(days=number % 700),
            text="Please tell me how many incidents were recorded last year.",
            items=[RequestItem(number=1, text="How many incidents?", outcome=Outcome.DISCLOSED)],
        ),
    )


def factors(topic: str) -> list[Factor]:
    """Three factors for and three against, with mixed weights."""
    weights = [Weight.LOW, Weight.MODERATE, Weight.HIGH]
    return [
        Factor(
            side=side,
            text=f"Factor {n} {side.value} on {topic}: a sentence of realistic length about it.",
            rationale=f"Why factor {n} on {topic} carries this weight.",
            weight=weights[n % 3],
        )
        for side in (Side.FOR, Side.AGAINST)
        for n in range(1, 4)
    ]


def qualified_claim(
    citation: str,
    items: Iterable[int],
    topic: str,
    *,
    mode: ClaimMode = ClaimMode.WITHHOLD,
    decided: bool = True,
) -> ExemptionClaim:
    """A claim with a harm test and factors each way; ``decided`` adds a recorded balance."""
    balance = Balance(
        conclusion=Conclusion.MAINTAIN,
        reasoning=f"The risk to {topic} outweighs the general interest in openness.",
        decided_by="Information Manager",
        decided_on=RECEIVED + dt.timedelta(days=14),
    )
    return ExemptionClaim(
        citation=citation,
        items=list(items),
        mode=mode,
        harm=HarmAssessment(
            interest="The prevention or detection of crime.",
            causal_chain=f"Releasing details of {topic} would show offenders where to avoid.",
            likelihood=Likelihood.WOULD_BE_LIKELY,
            mosaic="Combined with published material it would map coverage.",
            evidence="Advice from the operational lead.",
        ),
        pit=PublicInterestTest(factors=factors(topic), balance=balance if decided else None),
    )


def big_case(our_ref: str, outcome_of: Callable[[int], Outcome], **fields: object) -> Case:
    """A case of the 16 QUESTIONS: ``outcome_of(n)`` is question n's outcome.

    A disclosed question gets an answer and a not-held one a note of the searches; ``fields``
    sets any other part of the case (its claims, for one).
    """
    items = []
    for n in QUESTIONS:
        outcome = outcome_of(n)
        items.append(
            RequestItem(
                number=n,
                text=f"Question {n}: details of the force's activity on topic {n}.",
                outcome=outcome,
                answer="The figure is 12." if outcome is Outcome.DISCLOSED else "",
                searches="Records were searched." if outcome is Outcome.NOT_HELD else "",
            )
        )
    return Case(
        title="Large multi-part request",
        request=Request(our_ref=our_ref, received=RECEIVED, text="A long request.", items=items),
        requester=Requester(name="A. Requester", contact="a@example.org"),
        **fields,
    )
