"""The parts of one claim's view: harm, public interest, balance, legitimate interests (s40(2))
and the qualified person's opinion (s36). A part that is not recorded is not shown."""

from __future__ import annotations

from dataclasses import dataclass

from foi_core.knowledge import Exemption
from foi_core.models import (
    LIKELIHOOD_LABELS,
    Balance,
    Factor,
    HarmAssessment,
    LegitimateInterests,
    PublicInterestTest,
    QualifiedPersonOpinion,
    Side,
)

from ..text import letter_date, printable
from .views import (
    BalanceView,
    FactorView,
    HarmView,
    LegitimateInterestsView,
    PitView,
    QpView,
    not_recorded,
)
from .wording import capital, say

_SIDE_LABEL = {Side.FOR: "For", Side.AGAINST: "Against"}


@dataclass(frozen=True)
class ClaimTerms:
    """How the letter names one claim, shared by every part of its view."""

    entry: Exemption | None  # the catalogue entry, None for a provision not in it
    ncnd: bool
    mode_key: str  # "ncnd" or "withhold": the wording's key for the claim's mode
    act: str  # what the claim refuses to do ("disclose ...", "confirm or deny ...")
    cited: str  # the provision relied on (the NCND provision for an NCND claim)
    substantive: str  # the substantive provision ("section 31(1)(a)")
    short: str  # the heading's provision, with the questions when two claims share it


def factor_view(factor: Factor) -> FactorView:
    """One public interest factor."""
    return FactorView(
        side=_SIDE_LABEL[factor.side],
        text=printable(factor.text),
        rationale=printable(factor.rationale),
        weight=factor.weight.value,
        library_id=factor.library_id or "",
    )


def harm_view(harm: HarmAssessment | None, terms: ClaimTerms) -> HarmView:
    """The prejudice test; shown when anything of it is recorded."""
    if harm is None:
        return not_recorded(HarmView)
    recorded = [
        harm.interest.strip(),
        harm.causal_chain.strip(),
        harm.likelihood,
        harm.mosaic.strip(),
        harm.precedent.strip(),
        harm.evidence.strip(),
    ]
    return HarmView(
        shown=any(recorded),
        interest=printable(harm.interest),
        causal_chain=printable(harm.causal_chain),
        likelihood=LIKELIHOOD_LABELS[harm.likelihood] if harm.likelihood else "",
        likelihood_sentence=(
            capital(say("likelihood", harm.likelihood.value, act=terms.act))
            if harm.likelihood
            else ""
        ),
        mosaic=printable(harm.mosaic),
        precedent=printable(harm.precedent),
        evidence=printable(harm.evidence),
    )


def pit_view(pit: PublicInterestTest | None, terms: ClaimTerms) -> PitView:
    """The factors for and against, under headings naming the claim."""
    factors_for = [factor_view(f) for f in pit.factors_for] if pit else []
    factors_against = [factor_view(f) for f in pit.factors_against] if pit else []
    return PitView(
        shown=bool(factors_for or factors_against),
        for_heading=say("pit_headings", f"{terms.mode_key}_for", heading=terms.short),
        against_heading=say("pit_headings", f"{terms.mode_key}_against", heading=terms.short),
        factors_for=factors_for,
        factors_against=factors_against,
    )


def balance_view(balance: Balance | None, terms: ClaimTerms) -> BalanceView:
    """The conclusion of the public interest test and who reached it, when."""
    if balance is None:
        return not_recorded(BalanceView)
    return BalanceView(
        shown=True,
        conclusion=balance.conclusion.value,
        conclusion_sentence=say("conclusion", f"{balance.conclusion.value}_{terms.mode_key}"),
        reasoning=printable(balance.reasoning),
        decided_by=printable(balance.decided_by),
        decided_on=letter_date(balance.decided_on),
    )


def legitimate_interests_view(
    li: LegitimateInterests | None, terms: ClaimTerms
) -> LegitimateInterestsView:
    """The s40(2) legitimate interests test and whether disclosure would be lawful."""
    if li is None:
        return not_recorded(LegitimateInterestsView)
    if li.disclosure_lawful is None:
        lawful, key = "not decided", "undecided"
    elif li.disclosure_lawful:
        lawful, key = "yes", "lawful"
    else:
        lawful, key = "no", f"unlawful_{terms.mode_key}"
    return LegitimateInterestsView(
        shown=True,
        legitimate_interest=printable(li.legitimate_interest),
        necessity=printable(li.necessity),
        balancing=printable(li.balancing),
        lawful=lawful,
        conclusion_sentence=say("s40_conclusion", key, citation=terms.cited),
    )


def qp_view(qp: QualifiedPersonOpinion | None, terms: ClaimTerms) -> QpView:
    """The s36 opinion of the qualified person, and the sentence reporting it."""
    if qp is None:
        return not_recorded(QpView)
    who = ", ".join(t for t in (printable(qp.name), printable(qp.role)) if t)
    who = who or "the qualified person"
    limb = printable(qp.limb) or terms.substantive
    return QpView(
        shown=True,
        name=printable(qp.name),
        role=printable(qp.role),
        opinion_date=letter_date(qp.opinion_date),
        limb=printable(qp.limb),
        reasons=printable(qp.reasons),
        sentence=say(
            "qp_opinion",
            who=who,
            date=letter_date(qp.opinion_date) or "a date not recorded",
            act=terms.act,
            limb=limb,
        ),
    )
