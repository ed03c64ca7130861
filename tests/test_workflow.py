"""Workflow: step statuses, request splitting and the editing operations that keep a case
consistent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from foi_core.models import (
    Balance,
    ClaimMode,
    Conclusion,
    ExemptionClaim,
    HarmAssessment,
    IssuedLetter,
    Outcome,
    Requester,
    RequestItem,
)
from foi_core.workflow import (
    STEP_KEYS,
    Status,
    apply_step_edit,
    clear_recheck,
    duplicate_case,
    mark_changed,
    new_case,
    next_step,
    remove_claim,
    set_items,
    split_request,
    step_statuses,
)
from tests.case_factory import correct_case, harm, minimal_case, pit


@dataclass
class FakeFinding:
    """Just the two attributes the stepper reads from a checker finding."""

    step: str
    severity: str = "error"


def statuses(case, findings=None) -> dict[str, Status]:
    return {s.key: s.status for s in step_statuses(case, findings)}


def ncnd_items(count: int = 2) -> list[RequestItem]:
    return [
        RequestItem(number=n, text=f"Question {n} about covert tactics?", outcome=Outcome.NCND)
        for n in range(1, count + 1)
    ]


# --- Steps and statuses ------------------------------------------------------------------------


def test_step_keys_follow_the_contract_order():
    assert STEP_KEYS == (
        "request",
        "items",
        "exemptions",
        "harm",
        "public_interest",
        "balance",
        "check",
        "letter",
    )


def test_a_blank_case_asks_for_the_request_and_blocks_the_rest():
    result = statuses(new_case("FOI/1", dt.date(2026, 3, 2)))
    assert result["request"] is Status.TO_DO
    for key in ("items", "exemptions", "harm", "public_interest", "balance", "letter"):
        assert result[key] is Status.BLOCKED, key
    assert result["check"] is Status.ATTENTION  # an empty case is never shown as checked


def test_all_disclosed_needs_no_exemption_harm_pit_or_balance():
    result = statuses(minimal_case())
    assert result["request"] is Status.DONE and result["items"] is Status.DONE
    for key in ("exemptions", "harm", "public_interest", "balance"):
        assert result[key] is Status.NOT_NEEDED, key
    assert result["letter"] is Status.READY


def test_item_without_outcome_blocks_later_steps():
    case = minimal_case(
        RequestItem(number=1, text="A?", outcome=Outcome.DISCLOSED, answer="Yes."),
        RequestItem(number=2, text="B?"),
    )
    result = statuses(case)
    assert result["items"] is Status.TO_DO
    assert result["exemptions"] is Status.BLOCKED
    assert result["letter"] is Status.BLOCKED


def test_disclosed_item_without_answer_is_not_done():
    case = minimal_case(RequestItem(number=1, text="A?", outcome=Outcome.DISCLOSED))
    assert statuses(case)["items"] is Status.TO_DO


def test_absolute_class_exemption_has_no_harm_or_pit_step():
    # s23(1) is absolute and class-based: no prejudice test, no public interest test, no
    # balance. Withheld, it needs no harm step at all.
    case = minimal_case(
        RequestItem(number=1, text="Which agencies helped?", outcome=Outcome.EXEMPT)
    )
    case.claims = [ExemptionClaim(citation="s23(1)", items=[1])]
    result = statuses(case)
    assert result["exemptions"] is Status.DONE
    assert result["harm"] is Status.NOT_NEEDED
    assert result["public_interest"] is Status.NOT_NEEDED
    assert result["balance"] is Status.NOT_NEEDED
    assert result["letter"] is Status.READY


def test_ncnd_under_an_absolute_exemption_still_needs_the_harm_of_confirming_or_denying():
    # The check asks for it (ncnd-without-harm), so the stepper does too: they never disagree.
    case = minimal_case(*ncnd_items())
    case.claims = [ExemptionClaim(citation="s23(1)", items=[1, 2], mode=ClaimMode.NCND)]
    assert statuses(case)["harm"] is Status.TO_DO
    case.overall_harm = "Any answer would tell those who threaten the country which bodies act."
    result = statuses(case)
    assert result["harm"] is Status.DONE
    assert result["public_interest"] is Status.NOT_NEEDED
    assert result["letter"] is Status.READY


def test_uncovered_withheld_item_keeps_exemptions_to_do():
    case = minimal_case(*ncnd_items())
    case.claims = [ExemptionClaim(citation="s23(1)", items=[1], mode=ClaimMode.NCND)]
    result = statuses(case)
    assert result["exemptions"] is Status.TO_DO
    assert result["harm"] is Status.BLOCKED


def test_prejudice_claim_walks_through_harm_pit_and_balance():
    case = minimal_case(*ncnd_items(1))
    case.claims = [ExemptionClaim(citation="s31(1)(a)", items=[1], mode=ClaimMode.NCND)]
    result = statuses(case)
    assert result["harm"] is Status.TO_DO
    assert result["public_interest"] is Status.BLOCKED

    case.claims[0].harm = HarmAssessment(interest="Crime prevention.", causal_chain="Because.")
    assert statuses(case)["harm"] is Status.TO_DO  # likelihood missing for a prejudice test

    case.claims[0].harm = harm("tactics")
    result = statuses(case)
    assert result["harm"] is Status.DONE
    assert result["public_interest"] is Status.TO_DO

    case.claims[0].pit = pit("tactics", with_balance=False)
    result = statuses(case)
    assert result["public_interest"] is Status.DONE
    assert result["balance"] is Status.TO_DO
    assert result["letter"] is Status.BLOCKED

    case.claims[0].pit.balance = Balance(conclusion=Conclusion.MAINTAIN, reasoning="On balance.")
    result = statuses(case)
    assert result["balance"] is Status.DONE
    assert result["letter"] is Status.READY


def test_national_security_claim_asks_why_exemption_is_required():
    case = minimal_case(RequestItem(number=1, text="Firearms capacity?", outcome=Outcome.EXEMPT))
    case.claims = [ExemptionClaim(citation="s24(1)", items=[1], pit=pit("capacity"))]
    # s24 is not a prejudice test, but the catalogue asks why exemption is required.
    assert statuses(case)["harm"] is Status.TO_DO
    case.claims[0].records = {"why_required": "It would show where armed response is thin."}
    assert statuses(case)["harm"] is Status.DONE


def test_findings_mark_their_step_and_the_check_step():
    case = correct_case()
    clean = statuses(case, findings=[])
    assert clean["harm"] is Status.DONE
    assert clean["check"] is Status.DONE
    flagged = statuses(case, findings=[FakeFinding("harm")])
    assert flagged["harm"] is Status.TO_DO
    assert flagged["check"] is Status.ATTENTION
    warned = statuses(case, findings=[FakeFinding("harm", "warning")])
    assert warned["check"] is Status.DONE


def test_correct_case_is_complete_up_to_the_letter():
    result = statuses(correct_case(), findings=[])
    for key in ("request", "items", "exemptions", "harm", "public_interest", "balance"):
        assert result[key] is Status.DONE, key
    assert result["letter"] is Status.READY


def test_recheck_shows_on_completed_steps():
    case = mark_changed(correct_case(), "exemptions")
    result = statuses(case, findings=[])
    assert result["exemptions"] is Status.DONE
    assert result["harm"] is Status.RECHECK
    assert result["public_interest"] is Status.RECHECK
    assert result["balance"] is Status.RECHECK
    assert result["letter"] is Status.READY  # these findings were given: none


def test_issued_letter_completes_the_letter_step():
    case = correct_case()
    case.issued_letters = [
        IssuedLetter(
            issued_at=dt.datetime(2024, 1, 31, 10, 0),
            template_name="response.docx",
            template_sha256="a" * 64,
            document_sha256="b" * 64,
        )
    ]
    assert statuses(case, findings=[])["letter"] is Status.DONE


def test_next_step_is_the_first_needing_work():
    assert next_step(step_statuses(new_case("X", dt.date(2026, 3, 2)))) == "request"
    case = minimal_case(*ncnd_items(1))
    case.claims = [ExemptionClaim(citation="s31(1)(a)", items=[1], mode=ClaimMode.NCND)]
    assert next_step(step_statuses(case)) == "harm"
    case.claims[0].mode = ClaimMode.WITHHOLD  # an NCND question needs an NCND use
    assert next_step(step_statuses(case)) == "exemptions"
    assert next_step(step_statuses(mark_changed(correct_case(), "harm"), [])) == ("public_interest")


# --- Re-check marks ------------------------------------------------------------------------------


def test_mark_changed_adds_dependent_steps_in_order_and_keeps_answers():
    case = correct_case()
    marked = mark_changed(case, "harm")
    assert marked.recheck_steps == ["public_interest", "balance", "letter"]
    assert marked.claims == case.claims  # later answers are kept
    assert case.recheck_steps == []  # the original is untouched
    again = mark_changed(mark_changed(case, "balance"), "exemptions")
    assert again.recheck_steps == ["harm", "public_interest", "balance", "letter"]


def test_clear_recheck_removes_only_that_step():
    case = mark_changed(correct_case(), "exemptions")
    assert clear_recheck(case, "harm").recheck_steps == ["public_interest", "balance", "letter"]


def test_unknown_step_key_is_refused():
    with pytest.raises(ValueError, match="unknown step"):
        mark_changed(correct_case(), "harmm")


def test_apply_step_edit_marks_only_when_something_changed():
    case = mark_changed(correct_case(), "request")  # items ... letter marked
    unchanged = apply_step_edit(case, case.model_copy(deep=True), "harm")
    assert "harm" not in unchanged.recheck_steps
    assert unchanged.recheck_steps == case.recheck_steps[:2] + case.recheck_steps[3:]

    fresh = correct_case()
    edited = fresh.model_copy(deep=True)
    edited.claims[0].harm.causal_chain = "A different chain of cause and effect."
    result = apply_step_edit(fresh, edited, "harm")
    assert result.recheck_steps == ["public_interest", "balance", "letter"]
    assert result.claims[0].harm.causal_chain == "A different chain of cause and effect."


# --- Splitting the request ------------------------------------------------------------------------


def test_split_numbered_list_drops_greeting_and_sign_off():
    text = (
        "Dear FOI team,\n\nPlease tell me:\n"
        "1. How many officers are trained?\n"
        "2. How much did training cost?\n\n"
        "Thank you,\nA. Person"
    )
    assert split_request(text) == [
        "How many officers are trained?",
        "How much did training cost?",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1) First question\n2) Second question",
        "(a) First question\n(b) Second question",
        "a) First question\nb) Second question",
        "(1) First question\n(2) Second question",
        "Q1 First question\nQ2 Second question",
        "Q1. First question\nQ2: Second question",
        "Question 1: First question\nQuestion 2: Second question",
        "- First question\n- Second question",
        "• First question\n• Second question",
        "* First question\n* Second question",
        "1. First question\r\n2. Second question\r\n",
        "First question\n\nSecond question",
    ],
)
def test_split_recognises_list_styles(text):
    assert split_request(text) == ["First question", "Second question"]


def test_sub_questions_stay_with_their_item():
    text = (
        "1. How many cameras does the force own:\n"
        "   a) in 2022\n"
        "   b) in 2023\n"
        "2. Who supplies them?\n"
        "   - name of supplier\n"
        "   - contract value"
    )
    assert split_request(text) == [
        "How many cameras does the force own:\na) in 2022\nb) in 2023",
        "Who supplies them?\n- name of supplier\n- contract value",
    ]


def test_continuation_lines_and_blank_lines_inside_the_list_are_kept():
    text = "1. The first\nquestion goes on.\n\n2. The second.\n\n   More on the second."
    assert split_request(text) == [
        "The first\nquestion goes on.",
        "The second.\n\nMore on the second.",
    ]


def test_split_of_nothing_is_nothing():
    assert split_request("") == []
    assert split_request("   \n\n  ") == []


def test_numbers_inside_sentences_are_not_markers():
    text = "In 2023 there were 5 incidents.\nPlease give the figures for 2024."
    assert split_request(text) == [text]


_ITEM_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")),
    min_size=1,
    max_size=60,
).map(lambda s: " ".join(s.split()))


@given(st.lists(_ITEM_TEXT.filter(bool), min_size=1, max_size=12))
def test_numbered_items_round_trip(texts):
    pasted = "\n".join(f"{n}. {text}" for n, text in enumerate(texts, start=1))
    assert split_request(pasted) == texts


@given(st.text(max_size=400))
def test_split_never_fails_and_keeps_only_text_from_the_input(text):
    items = split_request(text)
    flat = " ".join(text.split())
    for item in items:
        assert item and item == item.strip()
        for word in item.split():
            assert word in flat


# --- Editing items ----------------------------------------------------------------------------


def test_set_items_keeps_unchanged_items_and_marks_recheck():
    case = correct_case()
    texts = [item.text for item in case.request.items]
    same = set_items(case, texts)
    assert same.request.items == case.request.items
    assert same.recheck_steps == []

    texts[0] = "How many officers carry tasers on duty?"
    changed = set_items(case, texts)
    assert changed.request.items[0].outcome is None  # new wording, new decision
    assert changed.request.items[1] == case.request.items[1]
    assert changed.recheck_steps == [
        "items",
        "exemptions",
        "harm",
        "public_interest",
        "balance",
        "letter",
    ]


def test_inserted_item_moves_claims_with_their_items():
    case = correct_case()
    texts = ["A new first question?", *(item.text for item in case.request.items)]
    moved = set_items(case, texts)
    assert [i.number for i in moved.request.items] == list(range(1, 11))
    assert moved.request.items[2].text == case.request.items[1].text
    assert moved.request.items[2].outcome is Outcome.EXEMPT
    assert moved.claim("anpr-s31").items == [3, 10]


def test_removed_item_is_pruned_from_claims():
    case = correct_case()
    texts = [item.text for item in case.request.items if item.number != 2]
    pruned = set_items(case, texts)
    assert len(pruned.request.items) == 8
    assert pruned.claim("anpr-s31").items == [8]  # item 9 became item 8; item 2 is gone
    assert pruned.claim("anpr-s24").items == []


def test_blank_texts_are_dropped():
    case = new_case("X", dt.date(2026, 3, 2))
    result = set_items(case, ["  First  ", "", "   ", "Second"])
    assert [(i.number, i.text) for i in result.request.items] == [(1, "First"), (2, "Second")]


def test_remove_claim_drops_it_from_combined_balances():
    case = correct_case()
    assert [a.claim_ids for a in case.aggregate_balances] == [["anpr-s31", "anpr-s24"]]
    removed = remove_claim(case, "anpr-s24")
    assert "anpr-s24" not in [c.id for c in removed.claims]
    assert removed.aggregate_balances == []  # a combined balance needs two claims
    assert "harm" in removed.recheck_steps
    assert len(remove_claim(case, "company-s30").aggregate_balances) == 1


# --- New and duplicated cases -------------------------------------------------------------------


def test_new_case_needs_a_reference():
    case = new_case(" FOI/26/1 ", dt.date(2026, 3, 2), "Taser training")
    assert case.request.our_ref == "FOI/26/1" and case.title == "Taser training"
    with pytest.raises(ValidationError):
        new_case("   ", dt.date(2026, 3, 2))


def test_duplicate_keeps_reasoning_and_clears_what_belongs_to_the_old_request():
    source = correct_case()
    source.requester = Requester(name="A. Requester", contact="a@example.org")
    source.request.their_ref = "THEIRS-1"
    copy = duplicate_case(source, "FOI/26/2", dt.date(2026, 3, 2))
    assert copy.id != source.id
    assert copy.request.our_ref == "FOI/26/2" and copy.request.their_ref == ""
    assert copy.request.received == dt.date(2026, 3, 2)
    assert copy.requester == Requester()
    assert copy.response_date is None and copy.issued_letters == []
    assert copy.claims == source.claims
    assert copy.request.items == source.request.items
    assert source.requester.name == "A. Requester"  # the source is untouched
    with pytest.raises(ValidationError):
        duplicate_case(source, "")


def test_absolute_claims_and_the_provision_relied_on():
    from foi_core.knowledge import load_catalogue
    from foi_core.workflow import absolute_claims, provision_relied_on

    case = correct_case()
    cat = load_catalogue()
    assert {c.citation for c in absolute_claims(case, cat)} == {
        c.citation for c in case.claims if cat.get(c.citation) and cat.get(c.citation).absolute
    }
    assert "s23(1)" in {c.citation for c in absolute_claims(case)}
    ncnd = case.claim("company-s30")
    entry = cat.get(ncnd.citation)
    assert provision_relied_on(ncnd) == entry.ncnd_provision != ncnd.citation
    withheld = case.claim("anpr-s31")
    assert provision_relied_on(withheld) == "s31(1)(a)"


def test_an_edit_marks_only_later_steps_that_were_finished():
    from foi_core.workflow import apply_step_edit

    done = correct_case()
    edited = done.model_copy(deep=True)
    edited.claims[0].items = [2]
    marked = apply_step_edit(done, edited, "exemptions")
    assert marked.recheck_steps == ["harm", "public_interest", "balance", "letter"]

    unfinished = done.model_copy(deep=True)
    unfinished.claims[0].harm = None  # the harm step is now still to do
    edited = unfinished.model_copy(deep=True)
    edited.claims[0].items = [2]
    marked = apply_step_edit(unfinished, edited, "exemptions")
    assert "harm" not in marked.recheck_steps and "letter" in marked.recheck_steps


def test_splitting_a_new_case_marks_no_step_it_never_finished():
    case = new_case("X", dt.date(2026, 3, 2))
    split = set_items(case, ["How many cameras?", "Where are they?"])
    assert set(split.recheck_steps) <= {"letter"}  # no reasoning step was ever finished
    finished = correct_case()
    resplit = set_items(finished, [*(i.text for i in finished.request.items), "A new question?"])
    assert {"items", "exemptions", "harm"} <= set(resplit.recheck_steps)
