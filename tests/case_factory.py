"""Builders of realistic cases for tests (any engineer may import these).

``correct_case()`` is a case that uses most parts of the Case model correctly: disclosure,
withholding with harm and public interest tests, NCND under s30(3), s31(3) and s40(5B) together,
s21, s36 with a qualified person's opinion, s23(1) and s24(1) in the alternative, and s12 with an
estimate and advice. The checker finds nothing wrong with it; tests break one thing at a time.

Every call builds fresh objects, so tests may mutate the result freely.
"""

from __future__ import annotations

import datetime as dt

from foi_core.models import (
    AggregateBalance,
    Balance,
    Case,
    ClaimMode,
    Conclusion,
    CostActivity,
    CostEstimate,
    CostLine,
    ExemptionClaim,
    Factor,
    HarmAssessment,
    LegitimateInterests,
    Likelihood,
    OrganisationProfile,
    Outcome,
    PublicInterestTest,
    QualifiedPersonOpinion,
    Request,
    Requester,
    RequestItem,
    Side,
    Weight,
)

RECEIVED = dt.date(2024, 1, 8)  # a Monday; 20 working days later is 5 February 2024
DECIDED = dt.date(2024, 1, 30)
RESPONDED = dt.date(2024, 1, 31)
DECIDED_BY = "Information Manager"


def factor(side: Side | str, text: str, rationale: str = "", weight: str = "moderate") -> Factor:
    return Factor(side=Side(side), text=text, rationale=rationale, weight=Weight(weight))


def pit(
    topic: str,
    *,
    conclusion: Conclusion = Conclusion.MAINTAIN,
    decided_on: dt.date = DECIDED,
    with_balance: bool = True,
) -> PublicInterestTest:
    """A public interest test with one factor each way and (by default) a balance."""
    return PublicInterestTest(
        factors=[
            factor(
                "for",
                f"Openness about {topic} would show how public money and police time are used.",
                "Accountability for public spending.",
            ),
            factor(
                "against",
                f"Releasing details of {topic} would help offenders avoid detection.",
                "Protecting the prevention and detection of crime.",
                "high",
            ),
        ],
        balance=(
            Balance(
                conclusion=conclusion,
                reasoning=f"The risk to policing from releasing details of {topic} outweighs "
                "the benefit of openness, which published summaries already largely meet.",
                decided_by=DECIDED_BY,
                decided_on=decided_on,
            )
            if with_balance
            else None
        ),
    )


def harm(topic: str, likelihood: Likelihood | None = Likelihood.WOULD_BE_LIKELY) -> HarmAssessment:
    """A complete harm assessment (interest, causal chain, likelihood)."""
    return HarmAssessment(
        interest="The prevention and detection of crime.",
        causal_chain=f"Details of {topic} would show offenders where the police are weak, so "
        "they could change how they offend and fewer crimes would be detected.",
        likelihood=likelihood,
        mosaic="Answers from other forces could be put together to map capability.",
    )


def legitimate_interests() -> LegitimateInterests:
    return LegitimateInterests(
        legitimate_interest="General transparency about police contact with the public.",
        necessity="That interest is met by published statistics without naming anyone.",
        balancing="The people concerned would expect their contact with the police to stay "
        "private; their rights override the general interest.",
        disclosure_lawful=False,
    )


def qp_opinion(opinion_date: dt.date = DECIDED) -> QualifiedPersonOpinion:
    return QualifiedPersonOpinion(
        name="Chief Constable",
        role="Qualified person under s36(5)",
        opinion_date=opinion_date,
        limb="s36(2)(b)(i)",
        reasons="Officers must be able to give frank advice on deployment options without "
        "expecting it to be published while decisions are still being taken.",
    )


def good_profile(**changes: object) -> OrganisationProfile:
    """The default profile (review and ICO wording filled in), with any changes."""
    return OrganisationProfile().model_copy(update=changes)


def minimal_case(*items: RequestItem, **changes: object) -> Case:
    """A case with the given items (or one disclosed item) and nothing else."""
    if not items:
        items = (
            RequestItem(
                number=1, text="How many police dogs?", outcome=Outcome.DISCLOSED, answer="38."
            ),
        )
    case = Case(
        title="Test case",
        request=Request(our_ref="000001/24", received=RECEIVED, items=list(items)),
        requester=Requester(name="A. Requester"),
        response_date=RESPONDED,
    )
    return case.model_copy(update=changes) if changes else case


def correct_case() -> Case:
    """A case that uses most features correctly (see the module docstring)."""
    items = [
        RequestItem(
            number=1,
            text="How many officers are trained to use tasers?",
            outcome=Outcome.DISCLOSED,
            answer="412 officers.",
        ),
        RequestItem(number=2, text="Where are the force's ANPR cameras?", outcome=Outcome.EXEMPT),
        RequestItem(
            number=3, text="Is the force investigating the named company?", outcome=Outcome.NCND
        ),
        RequestItem(
            number=4,
            text="What are the force's crime figures for 2023?",
            outcome=Outcome.ACCESSIBLE_ELSEWHERE,
            where_to_find="Published on police.uk: https://www.police.uk/",
        ),
        RequestItem(
            number=5,
            text="Please send the advice given to chief officers on the new shift pattern.",
            outcome=Outcome.EXEMPT,
        ),
        RequestItem(
            number=6,
            text="Which agencies helped with last year's counter-terrorism operation?",
            outcome=Outcome.EXEMPT,
        ),
        RequestItem(
            number=7,
            text="Every incident log mentioning scooters since 2015.",
            outcome=Outcome.COST_LIMIT,
        ),
        RequestItem(
            number=8,
            text="How many drones did the force buy in 1995?",
            outcome=Outcome.NOT_HELD,
            searches="The asset register was searched.",
        ),
        RequestItem(
            number=9,
            text="The ANPR policy and the camera maintenance schedule.",
            outcome=Outcome.PARTLY_DISCLOSED,
            answer="The policy is enclosed.",
        ),
    ]
    claims = [
        ExemptionClaim(
            id="anpr-s31",
            citation="s31(1)(a)",
            items=[2, 9],
            harm=harm("camera locations"),
            pit=pit("camera locations"),
        ),
        ExemptionClaim(
            id="anpr-s24",
            citation="s24(1)",
            items=[2],
            harm=HarmAssessment(
                interest="Safeguarding national security.",
                causal_chain="Camera locations would show where vehicles of interest "
                "to counter-terrorism work could travel unseen.",
            ),
            pit=pit("camera locations used for national security"),
            records={
                "why_required": "Camera locations would help those planning attacks "
                "to route around counter-terrorism monitoring."
            },
        ),
        ExemptionClaim(
            id="company-s30",
            citation="s30(1)(a)",
            items=[3],
            mode=ClaimMode.NCND,
            harm=HarmAssessment(
                causal_chain="Confirming or denying would tell the company whether "
                "it is under investigation."
            ),
            pit=pit("investigations"),
        ),
        ExemptionClaim(
            id="company-s31",
            citation="s31(1)(a)",
            items=[3],
            mode=ClaimMode.NCND,
            harm=harm("lines of enquiry"),
            pit=pit("lines of enquiry"),
        ),
        ExemptionClaim(
            id="company-s40",
            citation="s40(2)",
            items=[3],
            mode=ClaimMode.NCND,
            legitimate_interests=legitimate_interests(),
            pit=pit("contact between named people and the police"),
        ),
        ExemptionClaim(id="crime-s21", citation="s21", items=[4]),
        ExemptionClaim(
            id="advice-s36",
            citation="s36(2)(b)(i)",
            items=[5],
            qp_opinion=qp_opinion(),
            pit=pit("internal advice"),
        ),
        ExemptionClaim(id="ct-s23", citation="s23(1)", items=[6], in_the_alternative=True),
        ExemptionClaim(
            id="ct-s24",
            citation="s24(1)",
            items=[6],
            in_the_alternative=True,
            harm=HarmAssessment(
                interest="Safeguarding national security.",
                causal_chain="Naming partners would show which bodies take part in "
                "counter-terrorism operations.",
            ),
            pit=pit("counter-terrorism partners"),
            records={
                "why_required": "Naming partners would reveal the reach of "
                "counter-terrorism capability to those it is aimed at."
            },
        ),
        ExemptionClaim(id="scooters-s12", citation="s12(1)", items=[7]),
    ]
    return Case(
        id="correct-case",
        title="A correct case",
        request=Request(
            our_ref="000042/24",
            received=RECEIVED,
            items=items,
            searches="The relevant departments were asked.",
        ),
        requester=Requester(name="A. Requester", contact="a.requester@example.org"),
        claims=claims,
        aggregate_balances=[
            AggregateBalance(
                claim_ids=["anpr-s31", "anpr-s24"],
                items=[2],
                conclusion=Conclusion.MAINTAIN,
                reasoning="Taken together, the interests in preventing crime and in national "
                "security outweigh the public interest in disclosure.",
                decided_by=DECIDED_BY,
                decided_on=DECIDED,
            )
        ],
        cost_estimate=CostEstimate(
            lines=[
                CostLine(
                    activity=CostActivity.EXTRACT,
                    description="Read each log",
                    records=1144,
                    minutes_each=3,
                )
            ],
            method="A sample of 40 logs took three minutes each.",
            s16_advice="A search of a single year would fit within the limit.",
        ),
        response_date=RESPONDED,
        decision_maker=DECIDED_BY,
        overall_harm="Any answer is an answer to the world. Saying either way whether a named "
        "company is under investigation would tell it, and others, about police interest.",
    )
