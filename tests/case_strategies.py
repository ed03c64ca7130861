"""Hypothesis strategies for valid cases: any case the model accepts, odd but real.

``valid_cases()`` draws cases with any outcomes, catalogue citations (and a few that are not),
modes, harm and public interest records, combined balances, cost estimates up to the model's
bounds, clarification, fees notice, PIT extension and dates anywhere the model allows, and text
with right-to-left marks, emoji, markup, control characters (removed by the model) and long
runs. Dates are drawn relative to ``foi_core.models.today()``: pin it for repeatable runs.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from foi_core.knowledge import load_catalogue
from foi_core.models import (
    ACT_IN_FORCE,
    MAX_HOURLY_RATE,
    MAX_LIMIT_POUNDS,
    MAX_MINUTES_EACH,
    MAX_RECORDS,
    AggregateBalance,
    Balance,
    Case,
    ClaimMode,
    Clarification,
    Conclusion,
    CostActivity,
    CostEstimate,
    CostLine,
    ExemptionClaim,
    Factor,
    FeesNotice,
    HarmAssessment,
    Likelihood,
    Outcome,
    PITExtension,
    PublicInterestTest,
    QualifiedPersonOpinion,
    Request,
    Requester,
    RequestItem,
    Side,
    Weight,
    clean_text,
    latest_date,
    today,
)

# Text a case can hold: anything but NUL and lone surrogates, with the awkward parts made likely.
_ODD = st.sampled_from(
    ["\u200f", "\u202e", "\u202c", "🚓", "**", "[x](https://e.x)", "{{ x }}", "\t", "\r\n", "\x07"]
)
text = st.lists(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30)
    | _ODD,
    max_size=4,
).map("".join)
words = text.filter(lambda value: bool(clean_text(value).strip()))
long_text = st.one_of(text, st.just("Long request. " * 2_000))

_CITATIONS = [e.citation for e in load_catalogue().exemptions] + ["s31", "s99(1)"]


def dates(first: dt.date | None = None, last: dt.date | None = None) -> st.SearchStrategy:
    return st.dates(first or ACT_IN_FORCE, last or latest_date())


@st.composite
def _pit(draw: st.DrawFn) -> PublicInterestTest:
    factors = draw(
        st.lists(
            st.builds(
                Factor,
                side=st.sampled_from(list(Side)),
                text=words,
                rationale=text,
                weight=st.sampled_from(list(Weight)),
            ),
            max_size=4,
        )
    )
    balance = draw(
        st.none()
        | st.builds(
            Balance,
            conclusion=st.sampled_from(list(Conclusion)),
            reasoning=text,
            decided_by=text,
            decided_on=st.none() | dates(),
        )
    )
    return PublicInterestTest(factors=factors, balance=balance)


@st.composite
def _claim(draw: st.DrawFn, index: int, items: int) -> ExemptionClaim:
    return ExemptionClaim(
        id=f"c{index}",
        citation=draw(st.sampled_from(_CITATIONS)),
        items=draw(st.lists(st.integers(1, items), max_size=items)),
        mode=draw(st.sampled_from(list(ClaimMode))),
        in_the_alternative=draw(st.booleans()),
        harm=draw(
            st.none()
            | st.builds(
                HarmAssessment,
                interest=text,
                causal_chain=text,
                likelihood=st.none() | st.sampled_from(list(Likelihood)),
                prompt_answers=st.dictionaries(words, text, max_size=2),
            )
        ),
        pit=draw(st.none() | _pit()),
        qp_opinion=draw(
            st.none()
            | st.builds(QualifiedPersonOpinion, name=text, opinion_date=st.none() | dates())
        ),
        notes=draw(text),
    )


_cost_lines = st.builds(
    CostLine,
    activity=st.sampled_from(list(CostActivity)),
    description=text,
    records=st.integers(0, MAX_RECORDS),
    minutes_each=st.floats(0, MAX_MINUTES_EACH),
)
_cost = st.builds(
    CostEstimate,
    lines=st.lists(_cost_lines, max_size=3),
    hourly_rate=st.floats(0.01, MAX_HOURLY_RATE),
    limit_pounds=st.floats(0.01, MAX_LIMIT_POUNDS),
    s16_advice=text,
)


@st.composite
def valid_cases(draw: st.DrawFn) -> Case:
    """Any valid case (see the module docstring)."""
    count = draw(st.integers(1, 5))
    items = [
        RequestItem(
            number=n,
            text=draw(words),
            outcome=draw(st.none() | st.sampled_from(list(Outcome))),
            answer=draw(text),
            where_to_find=draw(text),
        )
        for n in range(1, count + 1)
    ]
    claims = [draw(_claim(index, count)) for index in range(draw(st.integers(0, 4)))]
    aggregates = []
    if len(claims) >= 2 and draw(st.booleans()):
        aggregates.append(
            AggregateBalance(
                claim_ids=[c.id for c in claims[:2]],
                items=draw(st.lists(st.integers(1, count), max_size=count)),
                conclusion=draw(st.sampled_from(list(Conclusion))),
                reasoning=draw(text),
            )
        )
    received = draw(dates(last=today()))
    clarification = None
    if draw(st.booleans()):
        asked = draw(dates(received, today()))
        answered = draw(st.none() | dates(asked, today()))
        clarification = Clarification(asked_on=asked, received_on=answered)
    fees = None
    if draw(st.booleans()):
        issued = draw(dates(received, today()))
        fees = FeesNotice(issued_on=issued, paid_on=draw(st.none() | dates(issued, today())))
    return Case(
        title=draw(text),
        request=Request(our_ref=draw(words), received=received, text=draw(long_text), items=items),
        requester=Requester(name=draw(text), address=draw(text)),
        claims=claims,
        aggregate_balances=aggregates,
        cost_estimate=draw(st.none() | _cost),
        pit_extension=draw(st.none() | st.builds(PITExtension, estimated_date=dates())),
        clarification=clarification,
        fees_notice=fees,
        review_requested_on=draw(st.none() | dates(received, today())),
        response_date=draw(st.none() | dates(received)),
        overall_harm=draw(text),
    )
