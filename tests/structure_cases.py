"""One small, correct case for each structure a real police letter needs that the model once could
not express: limbs cited together, one provision used two ways, NCND provisions and aliases
typed as letters write them, sub-items, a transfer, a discretionary disclosure beside a refusal,
s22 with its publication plan, and a clarification that restarted the clock.

Each is complete: the check finds no error and the letter renders. Tests import ``STRUCTURES``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from foi_core.models import (
    Case,
    ClaimMode,
    Clarification,
    CostActivity,
    CostEstimate,
    CostLine,
    ExemptionClaim,
    Outcome,
    PublicationPlan,
    RequestItem,
)
from tests.case_factory import RECEIVED, harm, minimal_case, pit


def _item(number: int, text: str, outcome: Outcome, **fields: object) -> RequestItem:
    return RequestItem(number=number, text=text, outcome=outcome, **fields)


def limbs_together() -> Case:
    """s31(1)(a), (b) and (c): one exemption, one harm, one public interest test."""
    case = minimal_case(
        _item(1, "How many ANPR cameras are there?", Outcome.DISCLOSED, answer="Forty-two."),
        _item(2, "Where is each ANPR camera?", Outcome.EXEMPT),
    )
    case.claims = [
        ExemptionClaim(
            id="anpr",
            citation="s31(1)(a)",
            further_limbs=["s31(1)(b)", "s31(1)(c)"],
            items=[2],
            harm=harm("camera locations"),
            pit=pit("camera locations"),
        )
    ]
    return case


def one_provision_two_ways() -> Case:
    """s31(1)(a) withholds question 2 while s31(3), typed directly, neither confirms nor denies
    question 3."""
    case = minimal_case(
        _item(1, "How many drones does the force own?", Outcome.DISCLOSED, answer="Six."),
        _item(2, "Where are the drones based?", Outcome.EXEMPT),
        _item(3, "Has a drone been flown over the Riverside estate?", Outcome.NCND),
    )
    case.claims = [
        ExemptionClaim(
            id="bases", citation="s31(1)(a)", items=[2], harm=harm("bases"), pit=pit("bases")
        ),
        ExemptionClaim(
            id="flights",
            citation="s31(3)",
            items=[3],
            mode=ClaimMode.NCND,
            harm=harm("flight patterns"),
            pit=pit("flight patterns"),
        ),
    ]
    return case


def typed_as_letters_cite() -> Case:
    """s21(1) and s24(2) typed as real letters cite them."""
    case = minimal_case(
        _item(
            1,
            "How many firearms officers does the force have?",
            Outcome.ACCESSIBLE_ELSEWHERE,
            where_to_find="Home Office statistics on police use of firearms, on GOV.UK.",
        ),
        _item(2, "Is the force's armed response plan for the port held?", Outcome.NCND),
    )
    case.claims = [
        ExemptionClaim(id="published", citation="s21(1)", items=[1]),
        ExemptionClaim(
            id="security",
            citation="s24(2)",
            items=[2],
            mode=ClaimMode.NCND,
            harm=harm("armed response planning"),
            pit=pit("armed response planning"),
        ),
    ]
    return case


def sub_items() -> Case:
    """Questions numbered as the requester numbered them: 1, 2, 3a, 3b."""
    return minimal_case(
        _item(1, "How many police dogs?", Outcome.DISCLOSED, answer="38.", label="1"),
        _item(2, "How many handlers?", Outcome.DISCLOSED, answer="30.", label="2"),
        _item(3, "How many dogs retired in 2023?", Outcome.DISCLOSED, answer="5.", label="3a"),
        _item(4, "And in 2024?", Outcome.DISCLOSED, answer="4.", label="3b"),
    )


def transfer() -> Case:
    """Part of the request is held by another authority, to whom it was transferred."""
    return minimal_case(
        _item(1, "How many thefts at the force's stations?", Outcome.DISCLOSED, answer="12."),
        _item(
            2,
            "How many thefts on trains through the county?",
            Outcome.NOT_HELD,
            held_by="British Transport Police",
            transferred_on=RECEIVED + dt.timedelta(days=2),
        ),
    )


def discretionary_disclosure() -> Case:
    """s12 refused, with some figures given outside the Act."""
    case = minimal_case(
        _item(
            1,
            "Every incident log mentioning e-scooters since 2015.",
            Outcome.COST_LIMIT,
            discretionary="The force recorded 214 e-scooter thefts in 2023 (published figure).",
        )
    )
    case.claims = [ExemptionClaim(id="cost", citation="s12(1)", items=[1])]
    case.cost_estimate = CostEstimate(
        lines=[
            CostLine(
                activity=CostActivity.EXTRACT,
                description="Read each log mentioning scooters",
                records=1144,
                minutes_each=3,
            )
        ],
        s16_advice="A request for one year's logs could be answered within the limit.",
    )
    return case


def s22_claim(items: list[int], claim_id: str = "stats") -> ExemptionClaim:
    """A complete s22 claim: who publishes, when, and an intention settled before the request."""
    return ExemptionClaim(
        id=claim_id,
        citation="s22(1)",
        items=items,
        pit=pit("stop and search figures"),
        records={"why_reasonable": "The figures are being checked before publication."},
        publication=PublicationPlan(
            publisher="The force",
            intended="in its annual report in July 2024",
            settled_on=RECEIVED - dt.timedelta(days=40),
        ),
    )


def future_publication() -> Case:
    """s22 with who publishes, when, and an intention settled before the request."""
    case = minimal_case(_item(1, "The force's 2024 stop and search figures.", Outcome.EXEMPT))
    case.claims = [s22_claim([1])]
    return case


def clarified() -> Case:
    """A request clarified under s1(3): the clock ran from the clarification."""
    case = minimal_case()
    case.clarification = Clarification(
        asked_on=RECEIVED + dt.timedelta(days=1), received_on=RECEIVED + dt.timedelta(days=3)
    )
    case.response_date = RECEIVED + dt.timedelta(days=20)
    return case


STRUCTURES: dict[str, Callable[[], Case]] = {
    "limbs together": limbs_together,
    "one provision two ways": one_provision_two_ways,
    "typed as letters cite": typed_as_letters_cite,
    "sub-items": sub_items,
    "transfer": transfer,
    "discretionary disclosure": discretionary_disclosure,
    "future publication": future_publication,
    "clarified": clarified,
}
