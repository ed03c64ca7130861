"""A case for each structure real letters need renders and says the right thing: limbs cited
together, NCND provisions typed directly, one provision used two ways, the requester's numbering,
transfers, discretionary disclosure, s22 publication, clarification, the law at the letter's date
and the "no inference" caveat."""

from __future__ import annotations

import datetime as dt

from foi_core.letters import letter_paragraphs, render_letter, render_pit_extension_letter
from foi_core.letters.builder.wording import fixed_text
from foi_core.letters.preview import claim_preview, item_preview
from foi_core.letters.text import act_citations
from foi_core.models import (
    AggregateBalance,
    Balance,
    Case,
    ClaimMode,
    Clarification,
    Conclusion,
    CostEstimate,
    CostLine,
    ExemptionClaim,
    Factor,
    HarmAssessment,
    LegitimateInterests,
    OrganisationProfile,
    Outcome,
    PITExtension,
    PublicationPlan,
    PublicInterestTest,
    Request,
    RequestItem,
    Side,
)
from foi_core.models.costs import CostActivity

PROFILE = OrganisationProfile()


def pit(for_text: str = "Openness about policing.", against: str = "Crime would rise.") -> dict:
    return {
        "pit": PublicInterestTest(
            factors=[Factor(side=Side.FOR, text=for_text), Factor(side=Side.AGAINST, text=against)],
            balance=Balance(conclusion=Conclusion.MAINTAIN, reasoning="On balance we withhold."),
        )
    }


def make_case(items: list[RequestItem], claims: list[ExemptionClaim], **extra) -> Case:
    """Received on 2 March 2026 (or on the response date, if earlier), answered on 20 March."""
    response_date = extra.pop("response_date", dt.date(2026, 3, 20))
    received = min(dt.date(2026, 3, 2), response_date)
    return Case(
        request=Request(our_ref="S/1", received=received, items=items),
        claims=claims,
        response_date=response_date,
        **extra,
    )


def paragraphs(case: Case) -> list[str]:
    rendered = render_letter(case, PROFILE, draft=True, findings=())
    return [text for _style, text in letter_paragraphs(rendered.data)]


def item(number: int, outcome: Outcome, **fields) -> RequestItem:
    return RequestItem(number=number, text=f"Question text {number}", outcome=outcome, **fields)


# --- Citations --------------------------------------------------------------------------------


def test_citations_are_written_as_the_act_writes_them() -> None:
    assert act_citations(["s31(1)(a)", "s31(1)(b)", "s31(1)(c)"]) == "section 31(1)(a), (b) and (c)"
    assert act_citations(["s24(2)", "s31(3)"]) == "sections 24(2) and 31(3)"
    assert act_citations(["s40(2)", "s40(2)"]) == "section 40(2)"


def test_limbs_cited_together_print_once_with_one_harm_and_one_test() -> None:
    claim = ExemptionClaim(
        id="s31",
        citation="s31(1)(a)",
        further_limbs=["s31(1)(b)", "s31(1)(c)"],
        items=[1, 2],
        harm=HarmAssessment(interest="Law enforcement.", causal_chain="Offenders would adapt."),
        **pit(),
    )
    case = make_case([item(1, Outcome.EXEMPT), item(2, Outcome.EXEMPT)], [claim])
    text = paragraphs(case)
    headings = [p for p in text if p.startswith("Section 31(1)(a), (b) and (c) – Law enforcement")]
    assert len(headings) == 2  # its line in the list of exemptions and its harm heading
    assert text.count("Offenders would adapt.") == 1
    assert text.count("Openness about policing.") == 1
    assert len([p for p in text if p.endswith("On balance we withhold.")]) == 1
    assert any("under section 31(1)(a), (b) and (c)" in p for p in text)


def test_an_ncnd_provision_typed_directly_names_the_limb_it_refers_to() -> None:
    claim = ExemptionClaim(
        citation="s31(3)", further_limbs=["s31(1)(a)"], items=[1], mode=ClaimMode.NCND, **pit()
    )
    text = paragraphs(make_case([item(1, Outcome.NCND)], [claim]))
    line = next(p for p in text if p.startswith("Section 31(3) – "))
    assert "by reference to section 31(1)(a)" in line
    assert any("relying on section 31(3)" in p for p in text)


def test_one_provision_used_two_ways_prints_two_separate_parts() -> None:
    withhold = ExemptionClaim(id="w", citation="s31(1)(a)", items=[2], **pit("For W.", "Ag W."))
    ncnd = ExemptionClaim(
        id="n", citation="s31(3)", items=[3], mode=ClaimMode.NCND, **pit("For N.", "Ag N.")
    )
    case = make_case([item(1, Outcome.DISCLOSED, answer="Yes."), item(2, Outcome.EXEMPT),
                      item(3, Outcome.NCND)], [withhold, ncnd])  # fmt: skip
    text = paragraphs(case)
    assert any(p.startswith("Section 31(1)(a) (question 2) – Law enforcement") for p in text)
    assert not any(p.endswith("(question 2): question 2") for p in text)
    # Each list says what kind its own exemptions are.
    assert "Section 31(1)(a) is qualified" in " ".join(text)
    assert "Section 31(3) is qualified" in " ".join(text)
    assert any(p.startswith("Section 31(3) (question 3) – Law enforcement") for p in text)
    assert "Section 31(1)(a) (question 2): factors favouring disclosure" in text
    assert "Section 31(3) (question 3): factors favouring confirming or denying" in text
    conclusions = [p for p in text if "We have concluded" in p]
    assert conclusions[0].startswith("Section 31(1)(a) (question 2): We have concluded")
    assert conclusions[1].startswith("Section 31(3) (question 3): We have concluded")


def test_a_kind_and_a_conclusion_shared_by_several_exemptions_are_said_once() -> None:
    a = ExemptionClaim(id="a", citation="s24(1)", items=[1], **pit("F1.", "A1."))
    b = ExemptionClaim(id="b", citation="s31(1)(a)", items=[1], **pit("F2.", "A2."))
    text = paragraphs(make_case([item(1, Outcome.EXEMPT)], [a, b]))
    kinds = [p for p in text if "qualified" in p]
    assert len(kinds) == 1 and kinds[0].startswith("Sections 24(1) and 31(1)(a) are qualified:")
    conclusions = [p for p in text if "We have concluded" in p]
    assert conclusions == [
        "Section 24(1) and section 31(1)(a): We have concluded that the public interest in "
        "maintaining the exemption outweighs the public interest in disclosing the information."
    ]


# --- Questions, transfers, discretionary disclosure -------------------------------------------


def test_questions_are_numbered_as_the_requester_numbered_them() -> None:
    claim = ExemptionClaim(citation="s31(1)(a)", items=[2, 3], **pit())
    items = [
        item(1, Outcome.DISCLOSED, label="3a", answer="Forty."),
        item(2, Outcome.EXEMPT, label="3b"),
        item(3, Outcome.EXEMPT, label="3c"),
    ]
    text = paragraphs(make_case(items, [claim]))
    assert "3a.\tQuestion text 1" in text
    assert "Question 3a" in text and "Questions 3b and 3c" in text
    assert any(p.endswith(": questions 3b and 3c") for p in text)
    assert "Question 1" not in text
    case = make_case(items, [claim], pit_extension=PITExtension(estimated_date=dt.date(2026, 4, 1)))
    extension = render_pit_extension_letter(case, PROFILE)
    lines = [text for _style, text in letter_paragraphs(extension.data)]
    assert "3b.\tQuestion text 2" in lines
    assert any(line.endswith(": questions 3b and 3c") for line in lines)


def test_not_held_names_who_may_hold_it_and_the_transfer() -> None:
    transferred = item(
        1, Outcome.NOT_HELD, held_by="the British Transport Police",
        transferred_on=dt.date(2026, 3, 5),
    )  # fmt: skip
    not_transferred = item(2, Outcome.NOT_HELD, held_by="the local council")
    text = " ".join(paragraphs(make_case([transferred, not_transferred], [])))
    assert "It may be held by the British Transport Police." in text
    assert "On 5 March 2026 we transferred this part of your request" in text
    assert "section 45" in text
    assert "It may be held by the local council. You may wish to ask them" in text


def test_discretionary_disclosure_follows_the_refusal_without_waiving_the_act() -> None:
    refused = item(1, Outcome.COST_LIMIT, discretionary="In 2025 there were 12 such incidents.")
    case = make_case([refused], [], cost_estimate=CostEstimate(lines=[
        CostLine(activity=CostActivity.EXTRACT, records=2000, minutes_each=5)]))  # fmt: skip
    text = paragraphs(case)
    refusal = next(i for i, p in enumerate(text) if "cost limit" in p)
    lead = text.index(fixed_text("discretionary_lead"))
    assert refusal < lead < text.index("In 2025 there were 12 such incidents.")
    assert "does not waive" in text[lead]
    assert item_preview(case, 1)[-2:] == [text[lead], "In 2025 there were 12 such incidents."]


# --- s22, record prompts, clarification ---------------------------------------------------------


def test_s22_prints_the_publication_plan_and_its_record_answers() -> None:
    claim = ExemptionClaim(
        citation="s22(1)",
        items=[1],
        publication=PublicationPlan(
            publisher="The Home Office", intended="in July 2026", settled_on=dt.date(2026, 1, 10)
        ),
        records={"why_reasonable": "Early figures are unchecked and would mislead."},
        **pit(),
    )
    text = " ".join(paragraphs(make_case([item(1, Outcome.EXEMPT)], [claim])))
    assert "The Home Office intends to publish this information in July 2026." in text
    assert "settled on 10 January 2026, before your request reached us on 2 March 2026" in text
    assert "Early figures are unchecked and would mislead." in text


def test_clarification_says_when_the_clock_started() -> None:
    case = make_case(
        [item(1, Outcome.DISCLOSED, answer="Yes.")],
        [],
        clarification=Clarification(asked_on=dt.date(2026, 3, 3), received_on=dt.date(2026, 3, 9)),
    )
    text = " ".join(paragraphs(case))
    assert "We asked you to clarify your request on 3 March 2026" in text
    assert "received your clarification on 9 March 2026" in text
    case.clarification.received_on = None
    assert "clarify your request" not in " ".join(paragraphs(case))


# --- The law at the letter's date ---------------------------------------------------------------


def s40_case(response_date: dt.date) -> Case:
    claim = ExemptionClaim(
        citation="s40(2)",
        items=[1],
        legitimate_interests=LegitimateInterests(
            legitimate_interest="Interest.", necessity="Need.", balancing="Rights win.",
            disclosure_lawful=False,
        ),
    )  # fmt: skip
    return make_case([item(1, Outcome.EXEMPT)], [claim], response_date=response_date)


def test_s40_names_the_data_protection_law_in_force_at_the_letter_date() -> None:
    in_2019 = " ".join(paragraphs(s40_case(dt.date(2019, 2, 1))))
    assert (
        "the General Data Protection Regulation (GDPR) and the Data Protection Act 2018" in in_2019
    )
    assert "UK GDPR" not in in_2019
    in_2026 = " ".join(paragraphs(s40_case(dt.date(2026, 2, 2))))
    assert "the UK General Data Protection Regulation (UK GDPR)" in in_2026


def aggregate_case(response_date: dt.date) -> Case:
    a = ExemptionClaim(id="a", citation="s24(1)", items=[1], **pit())
    b = ExemptionClaim(id="b", citation="s31(1)(a)", items=[1], **pit())
    combined = AggregateBalance(claim_ids=["a", "b"], conclusion=Conclusion.MAINTAIN)
    return make_case(
        [item(1, Outcome.EXEMPT)],
        [a, b],
        response_date=response_date,
        aggregate_balances=[combined],
    )


def test_the_combined_balance_cites_dbt_only_from_the_judgment() -> None:
    assert "[2025] UKSC 27" in " ".join(paragraphs(aggregate_case(dt.date(2025, 7, 23))))
    assert "[2025] UKSC 27" not in " ".join(paragraphs(aggregate_case(dt.date(2025, 7, 22))))


def test_cost_figures_come_from_the_law_at_the_letter_date() -> None:
    estimate = CostEstimate(
        lines=[CostLine(activity=CostActivity.EXTRACT, records=2000, minutes_each=5)],
        hourly_rate=30,
        limit_pounds=600,
    )
    case = make_case([item(1, Outcome.COST_LIMIT)], [], cost_estimate=estimate)
    text = " ".join(paragraphs(case))
    assert "For us the limit is £450, which is 18 hours of work at £25 an hour." in text
    assert "£600" not in text


# --- No inference -----------------------------------------------------------------------------


def test_a_mixed_letter_names_only_the_ncnd_questions_in_its_caveat() -> None:
    ncnd = ExemptionClaim(citation="s31(3)", items=[3], mode=ClaimMode.NCND, **pit())
    items = [item(1, Outcome.DISCLOSED, answer="Ten."), item(2, Outcome.NOT_HELD),
             item(3, Outcome.NCND)]  # fmt: skip
    text = paragraphs(make_case(items, [ncnd]))
    caveat = text[text.index("No inference") + 1]
    assert caveat.startswith("Nothing in our answer to question 3 should be taken")
    assert not any("Nothing in this letter" in p for p in text)


def test_an_all_ncnd_letter_keeps_the_blanket_caveat() -> None:
    ncnd = ExemptionClaim(citation="s31(3)", items=[1, 2], mode=ClaimMode.NCND, **pit())
    text = paragraphs(make_case([item(1, Outcome.NCND), item(2, Outcome.NCND)], [ncnd]))
    assert text[text.index("No inference") + 1].startswith("Nothing in this letter")


# --- Previews ---------------------------------------------------------------------------------


def test_previews_are_the_letter_s_own_paragraphs() -> None:
    claim = ExemptionClaim(
        id="c",
        citation="s31(1)(a)",
        items=[2],
        harm=HarmAssessment(causal_chain="Offenders would adapt.", evidence="Internal intel."),
        **pit(),
    )
    case = make_case([item(1, Outcome.DISCLOSED, answer="Ten."), item(2, Outcome.EXEMPT)], [claim])
    text = paragraphs(case)
    for preview in (item_preview(case, 1), item_preview(case, 2), claim_preview(case, "c")):
        assert preview and all(line in text for line in preview)
    assert "Offenders would adapt." in claim_preview(case, "c")
    assert "Internal intel." not in " ".join(claim_preview(case, "c") + text)
    assert item_preview(case, 9) == [] and claim_preview(case, "nope") == []
