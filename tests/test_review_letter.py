"""The internal review outcome letter: outcome in the authority's sense, reasons, the s17
content where anything is still refused, the s50 right, hostile text printed literally, and a
document LibreOffice opens."""

from __future__ import annotations

import datetime as dt

import pytest

from foi_core.aftercare import decide, mark_part, open_review
from foi_core.letters import LetterBlocked, check_template, document_text, soffice_path, to_pdf
from foi_core.letters.paths import REVIEW_TEMPLATE, TEMPLATES_DIR
from foi_core.letters.review_letter import render_review_letter
from foi_core.models import Case, CaseStatus, ReviewOutcome, ReviewReason, Verdict
from foi_core.people import Person, Policy, Role
from tests.case_factory import RESPONDED, correct_case, good_profile

REVIEWER = Person("reviewer@force.police.uk", "Rae Reviewer", frozenset({Role.REVIEWER}))
HOSTILE = "{{ 7*7 }} <w:p>&amp; {% raw %}"


def original() -> Case:
    case = correct_case()
    case.status = CaseStatus.ISSUED
    case.response_date = RESPONDED
    return case


def decided(outcome=ReviewOutcome.UPHELD_IN_PART, reasons=f"New searches. {HOSTILE}") -> Case:
    review = open_review(
        original(), REVIEWER, set(), Policy(), dt.date(2024, 2, 12), "You missed records."
    )
    if outcome is not ReviewOutcome.UPHELD:
        review = mark_part(review, 0, Verdict.CHANGED, ReviewReason.SEARCHES_NOT_ADEQUATE, "x")
    return decide(review, outcome, reasons, dt.date(2024, 2, 20))


def text_of(case: Case) -> str:
    return document_text(render_review_letter(case, good_profile(), original()).data)


def test_the_letter_gives_the_outcome_reasons_and_what_changed():
    text = text_of(decided())
    assert "Internal review of our response" in text
    assert "12 February 2024" in text  # the review request date
    assert f"reference {original().request.our_ref}, was sent on 31 January 2024" in text
    assert "Upheld in part: some of the original decision is changed" in text
    assert "The searches: the searches were not adequate." in text
    assert "You missed records." in text
    assert "New searches." in text


def test_nothing_changed_says_every_part_stands():
    text = text_of(decided(ReviewOutcome.UPHELD, "It was right."))
    assert "Upheld: the original decision stands" in text
    assert "each part of the original decision stands" in text


def test_still_refused_information_keeps_the_s17_content_and_s50():
    case = decided()
    text = text_of(case)
    for claim in case.claims:
        assert claim.citation.split("(")[0].replace("s", "Section ") in text
    assert "The exemptions we rely on" in text
    assert "complain to the Information Commissioner" in text
    assert "This letter completes our internal review" in text
    assert "Your right to ask for a review" not in text


def test_hostile_text_is_printed_literally():
    assert HOSTILE in text_of(decided())


def test_an_undecided_or_broken_review_is_not_rendered():
    review = open_review(original(), REVIEWER, set(), Policy(), dt.date(2024, 2, 12), "")
    with pytest.raises(LetterBlocked):
        render_review_letter(review, good_profile(), original())


def test_the_template_passes_the_template_check():
    check_template(TEMPLATES_DIR / REVIEW_TEMPLATE, "review_outcome")


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_letter():
    pdf = to_pdf(render_review_letter(decided(), good_profile(), original()).data)
    assert pdf.startswith(b"%PDF")
