"""Harm actions: what each exemption must record, a s22 publication plan, and NCND wording."""

from __future__ import annotations

import datetime as dt

from foi_core.actions.harm import (
    PublicationInput,
    harm_page_claims,
    harm_prompts,
    ncnd_words,
    record_prompts,
    save_harm,
)
from foi_core.knowledge import load_catalogue
from foi_core.models import ClaimMode, ExemptionClaim, Outcome, RequestItem
from tests.case_factory import RECEIVED, minimal_case


def case_with(*claims: ExemptionClaim):
    case = minimal_case(
        RequestItem(number=1, text="A?", outcome=Outcome.EXEMPT),
        RequestItem(number=2, text="B?", outcome=Outcome.NCND),
    )
    case.claims = list(claims)
    return case


def test_record_prompts_follow_every_limb_cited():
    claim = ExemptionClaim(citation="s38(1)(a)", further_limbs=["s38(1)(b)"], items=[1])
    ids = [p.id for p in record_prompts(claim)]
    assert ids and len(ids) == len(set(ids))  # each question once
    s24 = record_prompts(ExemptionClaim(citation="s24(1)", items=[1]))
    assert s24[0].id == "why_required"


def ncnd_prompts():
    """Every question an NCND claim is asked, for each entry with an NCND provision."""
    cat = load_catalogue()
    for exemption in cat.exemptions:
        if exemption.ncnd_provision:
            claim = ExemptionClaim(citation=exemption.citation, items=[2], mode=ClaimMode.NCND)
            yield from [*harm_prompts(claim, exemption), *record_prompts(claim, cat)]


def test_ncnd_questions_never_speak_of_withholding():
    for prompt in ncnd_prompts():
        assert "withh" not in (prompt.question + prompt.help).lower(), prompt
    assert ncnd_words("What supports the need to withhold?") == (
        "What supports the harm in confirming or denying?"
    )


def test_ncnd_questions_ask_about_confirming_or_denying_not_disclosing():
    for prompt in ncnd_prompts():
        assert "disclos" not in prompt.question.lower(), prompt
        for phrase in ("disclosure would", "releasing this", "were released in answer"):
            assert phrase not in prompt.help.lower(), prompt
    cat = load_catalogue()
    s31 = ExemptionClaim(citation="s31(1)(a)", items=[2], mode=ClaimMode.NCND)
    questions = [p.question for p in harm_prompts(s31, cat.get("s31(1)(a)"))]
    assert (
        "Which part of the prevention or detection of crime would confirming or denying harm?"
        in (questions)
    )
    withheld = ExemptionClaim(citation="s31(1)(a)", items=[1])
    assert "would disclosure harm" in harm_prompts(withheld, cat.get("s31(1)(a)"))[0].question


def test_a_class_claim_shown_for_its_records_asks_no_harm_question():
    claim = ExemptionClaim(id="c30", citation="s30(1)(a)", items=[1])
    case = case_with(claim)
    assert [c.id for c in harm_page_claims(case)] == ["c30"]
    assert harm_prompts(claim, load_catalogue().get("s30(1)(a)")) == []
    result = save_harm(case, "c30", {}, records={"investigation": "  Burglary inquiry. "})
    assert result.case.claim("c30").records == {"investigation": "Burglary inquiry."}
    assert result.case.claim("c30").harm is None


def test_records_keep_answers_to_other_questions_and_drop_blanks():
    claim = ExemptionClaim(
        id="c", citation="s24(1)", items=[1], records={"why_required": "Old.", "other": "Kept."}
    )
    result = save_harm(case_with(claim), "c", {}, records={"why_required": " ", "x": "no"})
    assert result.case.claim("c").records == {"other": "Kept."}


def test_publication_plan_saved_only_for_s22():
    plan = PublicationInput(" The Home Office ", "in March 2027", RECEIVED - dt.timedelta(days=9))
    s22 = ExemptionClaim(id="c22", citation="s22(1)", items=[1])
    saved = save_harm(case_with(s22), "c22", {}, publication=plan).case.claim("c22").publication
    assert (saved.publisher, saved.intended) == ("The Home Office", "in March 2027")
    s31 = ExemptionClaim(id="c31", citation="s31(1)(a)", items=[1])
    assert (
        save_harm(case_with(s31), "c31", {}, publication=plan).case.claim("c31").publication is None
    )
