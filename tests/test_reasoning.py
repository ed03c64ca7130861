"""foi_core.reasoning, the one home of the legal predicates: what a claim relies on and what it
still needs, asked by the checker, the stepper, the letter and the pages alike."""

from __future__ import annotations

from foi_core.checker import check
from foi_core.models import ClaimMode, ExemptionClaim, Outcome, RequestItem, Side
from foi_core.reasoning import harm_gaps, irrelevant_in, provision_of
from tests.case_factory import factor, good_profile, harm, minimal_case, pit

DISTRESS = "Release would cause the family great distress and harm their mental health."


def test_distress_is_the_interest_s38_protects_but_irrelevant_to_s31() -> None:
    s38, s31 = ExemptionClaim(citation="s38(1)(a)"), ExemptionClaim(citation="s31(1)(a)")
    assert irrelevant_in(DISTRESS, s38) == []
    assert [f.id for f in irrelevant_in(DISTRESS, s31)] == ["distress"]
    assert irrelevant_in(DISTRESS, s31, Side.FOR) == []  # only the case for withholding


def test_the_check_and_the_page_judge_distress_alike_on_an_s38_claim() -> None:
    case = minimal_case(RequestItem(number=1, text="The victim's address.", outcome=Outcome.EXEMPT))
    test = pit("the victim's safety")
    test.factors.append(factor("against", DISTRESS, weight="high"))
    case.claims = [
        ExemptionClaim(
            citation="s38(1)(a)",
            items=[1],
            harm=harm("the address"),
            pit=test,
            records={"who_endangered": "The victim, whom those who harmed them could find."},
        )
    ]
    findings = check(case, good_profile())
    assert [f.message for f in findings if f.severity == "error"] == []
    case.claims[0].citation = "s31(1)(a)"
    case.claims[0].records = {}
    assert "irrelevant-factor-used" in {f.rule_id for f in check(case, good_profile())}


def test_limbs_cited_together_share_one_section_and_interests() -> None:
    claim = ExemptionClaim(citation="s31(1)(a)", further_limbs=["s31(1)(b)", "s31(1)(a)"])
    found = provision_of(claim)
    assert claim.citations == ["s31(1)(a)", "s31(1)(b)"]
    assert [e.citation for e in found.entries] == ["s31(1)(a)", "s31(1)(b)"]
    assert found.cited == ["s31(1)(a)", "s31(1)(b)"] and found.section == "31"
    assert "apprehension or prosecution of offenders" in found.interest


def test_an_ncnd_provision_typed_directly_is_cited_as_typed() -> None:
    typed = ExemptionClaim(citation="s31(3)", mode=ClaimMode.NCND)
    assert provision_of(typed).cited == ["s31(3)"] and provision_of(typed).harm_test
    by_limb = ExemptionClaim(citation="s31(1)(a)", mode=ClaimMode.NCND)
    assert provision_of(by_limb).cited == ["s31(3)"]
    alias = ExemptionClaim(citation="s21(1)")
    assert provision_of(alias).entry is not None and provision_of(alias).unknown == ()


def test_ncnd_harm_comes_from_the_claim_or_the_overall_harm() -> None:
    case = minimal_case(RequestItem(number=1, text="Is X watched?", outcome=Outcome.NCND))
    claim = ExemptionClaim(citation="s23(1)", items=[1], mode=ClaimMode.NCND)
    case.claims = [claim]
    assert harm_gaps(claim, case) == ["the harm of confirming or denying"]
    case.overall_harm = "Any answer would show whether security bodies take an interest."
    assert harm_gaps(claim, case) == []
