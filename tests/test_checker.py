"""The s17 lint: a correct case passes; each rule fires on a case broken in just that way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi_core import checker
from foi_core.checker import RULE_FUNCTIONS, Finding, check, has_errors, plain_items
from foi_core.deadlines import supported_years
from foi_core.knowledge import load_catalogue, load_rule_book, load_rules
from foi_core.models import (
    ACT_IN_FORCE,
    AggregateBalance,
    Case,
    CaseKind,
    CaseStatus,
    ClaimMode,
    Conclusion,
    ExemptionClaim,
    IcoComplaint,
    IcoDecision,
    IcoStep,
    InternalReview,
    LegitimateInterests,
    OrganisationProfile,
    Outcome,
    PartReview,
    PITExtension,
    RequestItem,
    ReviewedPart,
    ReviewOutcome,
    ReviewReason,
    Side,
    Verdict,
    latest_date,
    pinned_today,
    today,
)
from foi_core.stale import copy_origin
from tests.case_factory import (
    RESPONDED,
    correct_case,
    factor,
    good_profile,
    harm,
    minimal_case,
    pit,
    qp_opinion,
)
from tests.structure_cases import s22_claim

TODAY = dt.date(2024, 2, 1)


def run(case: Case, profile: OrganisationProfile | None = None, today=TODAY) -> list[Finding]:
    return check(case, profile or good_profile(), today=today)


def ids(findings: list[Finding]) -> set[str]:
    return {f.rule_id for f in findings}


def fired(findings: list[Finding], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


# --- Rules and registry -------------------------------------------------------------------------


def test_every_rule_in_yaml_has_a_function_and_vice_versa():
    yaml_ids = {rule.id for rule in load_rules()}
    assert yaml_ids == set(RULE_FUNCTIONS)


def test_rules_attribute_lists_the_yaml_rules():
    assert [rule.id for rule in checker.RULES] == [rule.id for rule in load_rules()]


def test_correct_case_has_no_findings():
    findings = run(correct_case())
    assert findings == [], [f.message for f in findings]


def test_findings_follow_rule_order_and_copy_rule_metadata():
    case = correct_case()
    case.request.items[0].outcome = None
    case.claims[0].harm = None
    findings = run(case)
    order = [rule.id for rule in load_rules()]
    positions = [order.index(f.rule_id) for f in findings]
    assert positions == sorted(positions)
    book = load_rule_book()
    for finding in findings:
        rule = book.rule(finding.rule_id)
        assert (finding.severity, finding.provision, finding.step, finding.title) == (
            rule.severity,
            rule.provision,
            rule.step,
            rule.title,
        )
        assert "{" not in finding.message and "{" not in finding.fix


def test_has_errors_distinguishes_warnings():
    error = Finding(
        rule_id="x", severity="error", message="m", fix="f", provision="p", step="check"
    )
    warning = error.model_copy(update={"severity": "warning"})
    assert has_errors([warning, error])
    assert not has_errors([warning])
    assert not has_errors([])


def test_plain_items():
    assert plain_items([]) == ""
    assert plain_items([3]) == "item 3"
    assert plain_items([2, 1]) == "items 1 and 2"
    assert plain_items([5, 1, 2, 2]) == "items 1, 2 and 5"


# --- One broken variant per rule ---------------------------------------------------------------

Breaker = Callable[[Case], tuple[Case, OrganisationProfile | None, dt.date]]


def claim(case: Case, claim_id: str) -> ExemptionClaim:
    return case.claim(claim_id)


def _citation_without_subsection(case: Case):
    claim(case, "anpr-s31").citation = "s31"
    return case, None, TODAY


def _claim_outside_catalogue(case: Case):
    claim(case, "anpr-s31").citation = "s99(1)"
    return case, None, TODAY


def _factors_both_sides(case: Case):
    test = claim(case, "anpr-s31").pit
    test.factors = [f for f in test.factors if f.side is Side.FOR]
    return case, None, TODAY


def _without_balance(case: Case):
    claim(case, "advice-s36").pit.balance = None
    return case, None, TODAY


def _pit_on_absolute(case: Case):
    claim(case, "ct-s23").pit = pit("security bodies")
    return case, None, TODAY


def _prejudice_without_interest(case: Case):
    claim(case, "anpr-s31").harm.interest = ""
    return case, None, TODAY


def _prejudice_without_causal_chain(case: Case):
    claim(case, "anpr-s31").harm.causal_chain = "  "
    return case, None, TODAY


def _prejudice_without_likelihood(case: Case):
    claim(case, "anpr-s31").harm.likelihood = None
    return case, None, TODAY


def _ncnd_without_harm(case: Case):
    case.overall_harm = ""
    claim(case, "company-s30").harm = None
    return case, None, TODAY


def _ncnd_without_pit(case: Case):
    claim(case, "company-s30").pit = None
    return case, None, TODAY


def _ncnd_text_leaks(case: Case):
    case.request.item(3).answer = "We do not hold any information about this company."
    return case, None, TODAY


def _irrelevant_factor(case: Case):
    claim(case, "anpr-s31").pit.factors.append(
        factor("against", "Disclosure would cause embarrassment to the force.", weight="low")
    )
    return case, None, TODAY


def _s30_s31_same_items(case: Case):
    case.claims.append(
        ExemptionClaim(
            id="s30-withhold",
            citation="s30(1)(a)",
            items=[2],
            pit=pit("cameras"),
            records={"investigation": "Investigations into vehicle crime."},
        )
    )
    return case, None, TODAY


def _s23_s24_not_alternative(case: Case):
    claim(case, "ct-s24").in_the_alternative = False
    return case, None, TODAY


def _s35(case: Case):
    case.claims.append(
        ExemptionClaim(id="policy-s35", citation=_s35_citation(), items=[5], pit=pit("policy"))
    )
    return case, None, TODAY


def _s36_without_opinion(case: Case):
    claim(case, "advice-s36").qp_opinion = None
    return case, None, TODAY


def _s36_opinion_after(case: Case):
    claim(case, "advice-s36").qp_opinion = qp_opinion(RESPONDED + dt.timedelta(days=3))
    return case, None, TODAY


def _s12_without_estimate(case: Case):
    case.cost_estimate = None
    return case, None, TODAY


def _s12_without_advice(case: Case):
    case.cost_estimate.s16_advice = ""
    return case, None, TODAY


def _s12_under_limit(case: Case):
    case.cost_estimate.lines[0].records = 100  # 100 x 3 minutes = 5 hours, under 18
    return case, None, TODAY


def _s21_without_location(case: Case):
    case.request.item(4).where_to_find = ""
    return case, None, TODAY


def _response_after_deadline(case: Case):
    case.response_date = dt.date(2024, 2, 6)  # due 5 February 2024
    return case, None, dt.date(2024, 2, 6)


def _letter_without_addressee(case: Case):
    case.requester.contact = ""  # a name but nowhere to send the letter
    return case, None, TODAY


def _response_date_far_from_today(case: Case):
    return case, None, dt.date(2024, 2, 9)  # 31 January is 6 working days before


def _pit_extension_past_40(case: Case):
    # 40 working days from 8 January 2024 is 4 March 2024; one day more is too long.
    case.pit_extension = PITExtension(estimated_date=dt.date(2024, 3, 5))
    return case, None, TODAY


def _no_review_rights(case: Case):
    return case, good_profile(review_procedure=""), TODAY


def _no_ico_rights(case: Case):
    return case, good_profile(ico_details="  "), TODAY


def _item_without_outcome(case: Case):
    case.request.item(8).outcome = None
    return case, None, TODAY


def _withheld_without_claim(case: Case):
    case.request.items.append(
        RequestItem(number=10, text="The maintenance contract.", outcome=Outcome.EXEMPT)
    )
    return case, None, TODAY


def _s40_without_li(case: Case):
    claim(case, "company-s40").legitimate_interests = LegitimateInterests(
        legitimate_interest="Transparency."
    )
    return case, None, TODAY


def _disclosed_without_answer(case: Case):
    case.request.item(1).answer = ""
    return case, None, TODAY


def _request_without_items(case: Case):
    empty = minimal_case(requester=case.requester)
    empty.request.items = []
    return empty, None, TODAY


def _step_needs_recheck(case: Case):
    case.recheck_steps = ["harm"]
    return case, None, TODAY


def _decision_before_request(case: Case):
    claim(case, "advice-s36").pit.balance.decided_on = case.request.received - dt.timedelta(days=3)
    return case, None, TODAY


def _balance_disclose_but_withheld(case: Case):
    balance = claim(case, "advice-s36").pit.balance
    balance.conclusion = Conclusion.DISCLOSE
    balance.reasoning = "Openness about the advice outweighs any harm, so we will disclose it."
    return case, None, TODAY


def _reasoning_contradicts_conclusion(case: Case):
    claim(case, "advice-s36").pit.balance.reasoning = (
        "The public interest in disclosure outweighs the public interest in maintaining the "
        "exemption."
    )
    return case, None, TODAY


def _exemption_record_missing(case: Case):
    claim(case, "ct-s24").records = {}
    return case, None, TODAY


def _s22_publication_missing(case: Case):
    s22 = s22_claim([9], "stats-s22")
    s22.publication.settled_on = case.request.received + dt.timedelta(days=2)
    case.claims.append(s22)
    return case, None, TODAY


def _ncnd_provision_used_to_withhold(case: Case):
    claim(case, "anpr-s31").citation = "s31(3)"
    return case, None, TODAY


def _limbs_from_different_sections(case: Case):
    claim(case, "advice-s36").further_limbs = ["s38(1)(a)"]
    return case, None, TODAY


def _combined_balance_before_dbt(case: Case):
    case.response_date = None
    case.aggregate_balances.append(
        AggregateBalance(
            claim_ids=["ct-s24", "anpr-s24"],
            items=[2],
            conclusion=Conclusion.MAINTAIN,
            reasoning="Together the interests in maintaining the exemptions weigh more.",
        )
    )
    return case, None, dt.date(2023, 11, 21)


def _ncnd_subject_named(case: Case):
    case.request.item(1).answer = "412 officers, none of whom investigate the named company."
    return case, None, TODAY


def _ncnd_searches_listed(case: Case):
    case.request.item(3).searches = "Crime and intelligence systems were searched."
    return case, None, TODAY


def _s35_citation() -> str:
    return next(e.citation for e in load_catalogue().by_section("35"))


# --- After the letter: a correct review or complaint made from the correct case ---


def _as_review(case: Case) -> Case:
    """The correct case as a decided internal review whose parts all stand."""
    case.kind = CaseKind.INTERNAL_REVIEW
    case.review_requested_on = RESPONDED
    case.review = InternalReview(
        requested_on=RESPONDED,
        grounds="The requester disagrees.",
        reviewer="Rae Reviewer <reviewer@force.police.uk>",
        parts=[PartReview(part=ReviewedPart.SEARCHES), PartReview(part=ReviewedPart.HARM)],
        outcome=ReviewOutcome.UPHELD,
        reasons="The original decision was right.",
        decided_on=TODAY,
    )
    return case


def _review_part_without_reason(case: Case):
    case = _as_review(case)
    case.review.parts[0].verdict = Verdict.CHANGED
    case.review.outcome = ReviewOutcome.UPHELD_IN_PART
    return case, None, TODAY


def _review_outcome_missing(case: Case):
    case = _as_review(case)
    case.review.outcome = None
    return case, None, TODAY


def _review_outcome_contradicts(case: Case):
    case = _as_review(case)
    case.review.parts[0].verdict = Verdict.CHANGED
    case.review.parts[0].reason = ReviewReason.SEARCHES_NOT_ADEQUATE
    return case, None, TODAY


def _review_overdue(case: Case):
    case = _as_review(case)
    case.review.decided_on = None  # 40 working days from 31 January 2024 end on 28 March
    return case, None, dt.date(2024, 4, 30)


def _ico_step_overdue(case: Case):
    case.kind = CaseKind.ICO_COMPLAINT
    case.ico = IcoComplaint(
        ico_reference="IC-123456-A1B2",
        received_on=TODAY,
        decision=IcoDecision.UPHELD,
        decision_notice_on=TODAY,
        steps=[IcoStep(text="Disclose item 2", due=dt.date(2024, 3, 7))],
    )
    return case, None, dt.date(2024, 3, 8)


def _untailored_paragraph(case: Case):
    claim = case.claim("anpr-s31")
    claim.harm.causal_chain += " Cameras in [[area named in the request]] would be avoided."
    return case, None, TODAY


def _copied_text_may_be_stale(case: Case):
    # A copy that still carries the earlier case's decision dates and decision makers.
    case.copied_from = copy_origin(case)
    return case, None, TODAY


BREAKERS: dict[str, tuple[Breaker, str | None, int | None]] = {
    # rule id: (how to break the correct case, expected claim_id, expected item)
    "citation-without-subsection": (_citation_without_subsection, "anpr-s31", None),
    "claim-outside-catalogue": (_claim_outside_catalogue, "anpr-s31", None),
    "qualified-without-factors-both-sides": (_factors_both_sides, "anpr-s31", None),
    "qualified-without-balance": (_without_balance, "advice-s36", 5),
    "pit-on-absolute": (_pit_on_absolute, "ct-s23", 6),
    "prejudice-without-interest": (_prejudice_without_interest, "anpr-s31", None),
    "prejudice-without-causal-chain": (_prejudice_without_causal_chain, "anpr-s31", None),
    "prejudice-without-likelihood": (_prejudice_without_likelihood, "anpr-s31", None),
    "ncnd-without-harm": (_ncnd_without_harm, "company-s30", 3),
    "ncnd-without-pit": (_ncnd_without_pit, "company-s30", 3),
    "ncnd-text-leaks-holding": (_ncnd_text_leaks, None, 3),
    "irrelevant-factor-used": (_irrelevant_factor, "anpr-s31", None),
    "s30-and-s31-same-items": (_s30_s31_same_items, "anpr-s31", 2),
    "s23-s24-not-in-alternative": (_s23_s24_not_alternative, "ct-s24", 6),
    "s35-not-government-department": (_s35, "policy-s35", 5),
    "s36-without-opinion": (_s36_without_opinion, "advice-s36", 5),
    "s36-opinion-after-response": (_s36_opinion_after, "advice-s36", 5),
    "s12-without-estimate": (_s12_without_estimate, "scooters-s12", 7),
    "s12-without-advice": (_s12_without_advice, "scooters-s12", 7),
    "s12-estimate-under-limit": (_s12_under_limit, "scooters-s12", 7),
    "s21-without-location": (_s21_without_location, None, 4),
    "response-after-deadline": (_response_after_deadline, None, None),
    "pit-extension-past-40-days": (_pit_extension_past_40, None, None),
    "no-review-rights": (_no_review_rights, None, None),
    "no-ico-rights": (_no_ico_rights, None, None),
    "letter-without-addressee": (_letter_without_addressee, None, None),
    "response-date-far-from-today": (_response_date_far_from_today, None, None),
    "item-without-outcome": (_item_without_outcome, None, 8),
    "withheld-item-without-claim": (_withheld_without_claim, None, 10),
    "s40-without-legitimate-interests": (_s40_without_li, "company-s40", 3),
    "disclosed-item-without-answer": (_disclosed_without_answer, None, 1),
    "request-without-items": (_request_without_items, None, None),
    "step-needs-recheck": (_step_needs_recheck, None, None),
    "decision-before-request": (_decision_before_request, "advice-s36", 5),
    "balance-disclose-but-withheld": (_balance_disclose_but_withheld, "advice-s36", 5),
    "reasoning-contradicts-conclusion": (_reasoning_contradicts_conclusion, "advice-s36", 5),
    "exemption-record-missing": (_exemption_record_missing, "ct-s24", 6),
    "s22-publication-missing": (_s22_publication_missing, "stats-s22", 9),
    "ncnd-provision-used-to-withhold": (_ncnd_provision_used_to_withhold, "anpr-s31", None),
    "limbs-from-different-sections": (_limbs_from_different_sections, "advice-s36", 5),
    "combined-balance-before-dbt": (_combined_balance_before_dbt, None, 2),
    "ncnd-subject-named-elsewhere": (_ncnd_subject_named, None, 3),
    "ncnd-searches-listed": (_ncnd_searches_listed, None, 3),
    "review-part-changed-without-reason": (_review_part_without_reason, None, None),
    "review-outcome-missing": (_review_outcome_missing, None, None),
    "review-outcome-contradicts-parts": (_review_outcome_contradicts, None, None),
    "review-overdue": (_review_overdue, None, None),
    "ico-step-overdue": (_ico_step_overdue, None, None),
    "untailored-paragraph": (_untailored_paragraph, "anpr-s31", None),
    "copied-text-may-be-stale": (_copied_text_may_be_stale, None, None),
}


# Rules that only a date past the bank holiday calendar sets off, which needs a pinned "today":
# each has its own test below (see "Time limits the calendar cannot count").
CALENDAR_RULES = {"deadline-cannot-be-counted", "extension-cannot-be-counted"}


def test_every_rule_has_a_broken_variant():
    assert set(BREAKERS) | CALENDAR_RULES == {rule.id for rule in load_rules()}


@pytest.mark.parametrize("rule_id", sorted(BREAKERS))
def test_broken_variant_fires_its_rule(rule_id: str):
    assert rule_id not in ids(run(correct_case()))
    breaker, claim_id, item = BREAKERS[rule_id]
    case, profile, today = breaker(correct_case())
    case = Case.model_validate(case.model_dump())  # still a valid case after the change
    findings = fired(run(case, profile, today), rule_id)
    assert findings, f"{rule_id} did not fire"
    finding = findings[0]
    assert finding.claim_id == claim_id
    if item is not None:
        assert finding.item == item
    assert finding.message and finding.fix and finding.provision
    assert "{" not in finding.message + finding.fix
    # The message names what it is about: the claim's provision or the item.
    names: list[str] = []
    if claim_id is not None:
        citation = case.claim(claim_id).citation
        names += [citation, citation.split("(")[0]]
    if item is not None:
        names.append(f"item {item}")
    if names:
        assert any(name in finding.message.lower() for name in names), finding.message


@pytest.mark.parametrize("rule_id", sorted(BREAKERS))
def test_broken_variant_adds_few_other_findings(rule_id: str):
    """Breaking one thing should not set off unrelated rules (a few close cousins are fine)."""
    cousins = {
        "s12-without-estimate": {"s12-without-advice"},
        "citation-without-subsection": {"s30-and-s31-same-items"},
        "claim-outside-catalogue": set(),
        "response-after-deadline": set(),
        # s38 sets its own test: harm and whose health or safety.
        "limbs-from-different-sections": {
            "prejudice-without-interest",
            "prejudice-without-causal-chain",
            "prejudice-without-likelihood",
            "exemption-record-missing",
        },
    }
    breaker, _, _ = BREAKERS[rule_id]
    case, profile, today = breaker(correct_case())
    others = ids(run(case, profile, today)) - {rule_id} - cousins.get(rule_id, set())
    assert others == set()


# --- Edge cases of the law ----------------------------------------------------------------------


def test_s30_and_s31_may_both_neither_confirm_nor_deny():
    case = correct_case()
    modes = {claim(case, "company-s30").mode, claim(case, "company-s31").mode}
    assert modes == {ClaimMode.NCND}
    assert "s30-and-s31-same-items" not in ids(run(case))


def test_s30_withhold_with_s31_ncnd_on_other_items_is_fine():
    case = correct_case()
    case.claims.append(
        ExemptionClaim(id="s30-other", citation="s30(1)(a)", items=[9], pit=pit("files"))
    )
    claim(case, "anpr-s31").items = [2]
    assert "s30-and-s31-same-items" not in ids(run(case))


def test_s40_ncnd_may_record_a_pit_but_withholding_may_not():
    case = correct_case()
    assert claim(case, "company-s40").pit is not None
    assert "pit-on-absolute" not in ids(run(case))
    claim(case, "company-s40").mode = ClaimMode.WITHHOLD
    case.request.item(3).outcome = Outcome.EXEMPT
    assert [f.claim_id for f in fired(run(case), "pit-on-absolute")] == ["company-s40"]


def test_s23_and_s24_ncnd_together_need_no_alternative_flag():
    case = minimal_case(RequestItem(number=1, text="Was MI5 involved?", outcome=Outcome.NCND))
    for cid, citation in (("a", "s23(1)"), ("b", "s24(1)")):
        case.claims.append(
            ExemptionClaim(id=cid, citation=citation, items=[1], mode=ClaimMode.NCND)
        )
    assert "s23-s24-not-in-alternative" not in ids(run(case))


def test_s35_allowed_for_a_government_department():
    case, _, _ = _s35(correct_case())
    profile = good_profile(is_government_department=True)
    assert "s35-not-government-department" not in ids(run(case, profile))
    assert "s35-not-government-department" in ids(run(case, good_profile()))


def test_s36_opinion_on_the_response_day_is_in_time():
    case = correct_case()
    claim(case, "advice-s36").qp_opinion = qp_opinion(RESPONDED)
    assert "s36-opinion-after-response" not in ids(run(case))


def test_s36_opinion_without_reasons_is_incomplete():
    case = correct_case()
    claim(case, "advice-s36").qp_opinion.reasons = ""
    [finding] = fired(run(case), "s36-without-opinion")
    assert "reasons" in finding.message or "reasons" in finding.fix


def test_combined_balance_stands_in_for_a_claims_own_balance():
    case = correct_case()
    claim(case, "anpr-s24").pit.balance = None  # anpr-s24 is in the combined balance
    assert "qualified-without-balance" not in ids(run(case))


def test_ncnd_harm_can_come_from_the_overall_harm():
    case = correct_case()
    claim(case, "company-s30").harm = None
    assert "ncnd-without-harm" not in ids(run(case))


def test_ncnd_leak_in_claim_reasoning_is_found():
    case = correct_case()
    claim(case, "company-s31").harm.causal_chain = "The file we hold names the company."
    assert [f.claim_id for f in fired(run(case), "ncnd-text-leaks-holding")] == ["company-s31"]


def test_leak_phrases_in_withheld_items_are_not_an_ncnd_problem():
    case = correct_case()
    case.request.item(9).answer = "We do not hold a maintenance schedule; the policy is enclosed."
    assert "ncnd-text-leaks-holding" not in ids(run(case))


def test_irrelevant_factor_in_balance_reasoning_is_found():
    case = correct_case()
    claim(case, "advice-s36").pit.balance.reasoning = "Release would attract negative press."
    assert [f.claim_id for f in fired(run(case), "irrelevant-factor-used")] == ["advice-s36"]


def test_irrelevant_words_in_factors_for_disclosure_are_not_flagged():
    case = correct_case()
    claim(case, "anpr-s31").pit.factors.append(
        factor("for", "Disclosure would counter negative press about cameras.")
    )
    assert "irrelevant-factor-used" not in ids(run(case))


def test_late_response_is_covered_by_a_notified_pit_extension():
    case, _, _ = _response_after_deadline(correct_case())
    case.pit_extension = PITExtension(
        estimated_date=dt.date(2024, 2, 20), notified_on=dt.date(2024, 2, 1)
    )
    assert "response-after-deadline" not in ids(run(case))
    case.pit_extension = PITExtension(
        estimated_date=dt.date(2024, 2, 20), notified_on=dt.date(2024, 2, 6)
    )
    assert "response-after-deadline" in ids(run(case))  # notice came after the due date


def test_unanswered_case_is_late_only_once_today_passes_the_due_date():
    case = correct_case()
    case.response_date = None
    assert "response-after-deadline" not in ids(run(case, today=dt.date(2024, 2, 5)))
    assert "response-after-deadline" in ids(run(case, today=dt.date(2024, 2, 6)))


def test_a_letter_without_a_requester_name_would_open_dear_requester():
    case = correct_case()
    case.requester.name = ""
    (finding,) = fired(run(case), "letter-without-addressee")
    assert "Dear requester," in finding.message and finding.severity == "warning"
    case.requester.name, case.requester.contact = "A. Requester", ""
    case.requester.address = "1 High Street"
    assert "letter-without-addressee" not in ids(run(case))


def test_response_date_five_working_days_back_is_fine_and_any_later_day_is_not():
    case = correct_case()  # dated Wednesday 31 January 2024
    assert "response-date-far-from-today" not in ids(run(case, today=dt.date(2024, 2, 7)))
    assert "response-date-far-from-today" in ids(run(case, today=dt.date(2024, 2, 8)))
    (finding,) = fired(run(case, today=dt.date(2024, 1, 30)), "response-date-far-from-today")
    assert "after today" in finding.message
    case.status = CaseStatus.ISSUED  # once issued, the date is what was sent
    assert "response-date-far-from-today" not in ids(run(case, today=dt.date(2024, 3, 1)))


def test_forty_working_days_exactly_is_allowed():
    case = correct_case()
    case.pit_extension = PITExtension(estimated_date=dt.date(2024, 3, 4))  # Monday, day 40
    assert "pit-extension-past-40-days" not in ids(run(case))


def test_full_disclosure_needs_no_review_wording():
    case = minimal_case(requester=correct_case().requester)
    profile = good_profile(review_procedure="", ico_details="")
    assert run(case, profile) == []


def test_cost_limit_outcome_alone_triggers_s12_checks():
    case = minimal_case(
        RequestItem(number=1, text="All logs since 2000.", outcome=Outcome.COST_LIMIT)
    )
    found = ids(run(case))
    assert {"s12-without-estimate", "s12-without-advice", "withheld-item-without-claim"} <= found


def test_ncnd_item_needs_an_ncnd_claim_not_a_withholding_one():
    case = minimal_case(RequestItem(number=1, text="Any files?", outcome=Outcome.NCND))
    case.claims.append(
        ExemptionClaim(
            id="w", citation="s31(1)(a)", items=[1], harm=harm("files"), pit=pit("files")
        )
    )
    assert "withheld-item-without-claim" in ids(run(case))
    case.claim("w").mode = ClaimMode.NCND
    assert "withheld-item-without-claim" not in ids(run(case))


def test_check_defaults_profile_and_today():
    case = correct_case()
    with pinned_today(TODAY):  # the response date is checked against today
        assert check(case) == []


# --- Robustness: any valid case can be checked ------------------------------------------------

_CITATIONS = [e.citation for e in load_catalogue().exemptions] + ["s31", "s30(1)", "s99(1)"]


@st.composite
def odd_cases(draw: st.DrawFn) -> Case:
    """Valid but arbitrary cases: any outcomes, citations, modes, partial records and dates."""
    count = draw(st.integers(1, 4))
    words = st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40
    )
    items = [
        RequestItem(
            number=n,
            text="Question",
            outcome=draw(st.none() | st.sampled_from(list(Outcome))),
            answer=draw(words | st.sampled_from(["we hold it", "records show nothing"])),
            where_to_find=draw(words),
        )
        for n in range(1, count + 1)
    ]
    claims = []
    for index in range(draw(st.integers(0, 4))):
        claims.append(
            ExemptionClaim(
                id=f"c{index}",
                citation=draw(st.sampled_from(_CITATIONS)),
                items=draw(st.lists(st.integers(1, count), max_size=count)),
                mode=draw(st.sampled_from(list(ClaimMode))),
                in_the_alternative=draw(st.booleans()),
                harm=draw(st.none() | st.just(harm("things", None))),
                pit=draw(st.none() | st.builds(lambda: pit("things", with_balance=False))),
                qp_opinion=draw(st.none() | st.just(qp_opinion())),
            )
        )
    case = minimal_case(*items)
    case.claims = claims
    # Any dates the model allows: from the Act to today (or two years ahead for estimates).
    case.response_date = None
    case.request.received = draw(st.dates(ACT_IN_FORCE, today()))
    case.response_date = draw(st.none() | st.dates(case.request.received, latest_date()))
    if draw(st.booleans()):
        case.pit_extension = PITExtension(
            estimated_date=draw(st.dates(ACT_IN_FORCE, latest_date()))
        )
    return case


@settings(max_examples=150, deadline=None)
@given(odd_cases(), st.booleans())
def test_any_valid_case_can_be_checked(case: Case, government: bool):
    profile = good_profile(is_government_department=government, review_procedure="")
    findings = check(case, profile, today=dt.date(2024, 6, 3))
    known = {rule.id for rule in load_rules()}
    claim_ids = {c.id for c in case.claims}
    numbers = {item.number for item in case.request.items}
    for finding in findings:
        assert finding.rule_id in known
        assert finding.message.strip() and "{" not in finding.message
        assert finding.claim_id is None or finding.claim_id in claim_ids
        assert finding.item is None or finding.item in numbers


def test_asking_whether_information_is_held_is_not_a_leak():
    case = correct_case()
    claim(case, "company-s31").harm.causal_chain = (
        "Confirming or denying whether we hold files on the company would tell it about police "
        "interest, and saying if we hold anything would be just as revealing."
    )
    assert "ncnd-text-leaks-holding" not in ids(run(case))
    claim(case, "company-s31").harm.causal_chain += " In fact we hold two files."
    assert "ncnd-text-leaks-holding" in ids(run(case))


# --- Time limits the calendar cannot count -------------------------------------------------------


def test_a_deadline_past_the_calendar_is_a_finding_at_the_request_step():
    last_year = supported_years()[1]
    with pinned_today(dt.date(last_year, 12, 31)):
        case = minimal_case(response_date=None)
        case.request.received = dt.date(last_year, 12, 20)
        case.pit_extension = PITExtension(estimated_date=dt.date(last_year + 1, 2, 1))
        findings = {f.rule_id: f for f in check(case, today=dt.date(last_year, 12, 31))}
    finding = findings["deadline-cannot-be-counted"]
    assert (finding.severity, finding.step) == ("error", "request")
    assert finding.message.startswith(
        f"The time limits cannot be counted from the date received, 20 December {last_year}. "
        f"Bank holidays are only known for the years 1872 to {last_year}"
    )
    assert "extension-cannot-be-counted" not in findings  # nothing to extend without a due date


def test_an_extension_past_the_calendar_is_a_finding_at_the_balance_step():
    last_year = supported_years()[1]
    with pinned_today(dt.date(last_year, 12, 31)):
        case = minimal_case(response_date=None)
        case.request.received = dt.date(last_year, 10, 1)
        case.pit_extension = PITExtension(estimated_date=dt.date(last_year + 1, 2, 1))
        findings = [f for f in check(case) if "counted" in f.rule_id]
    assert [(f.rule_id, f.step) for f in findings] == [("extension-cannot-be-counted", "balance")]
    assert f"estimated decision date, 1 February {last_year + 1}" in findings[0].message
