"""Officer actions (foi_core.actions): each validates the officer's input and returns the new
case, with the re-check marks, or the field problems the page shows."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from foi_core.actions.claims import (
    ClaimChoice,
    add_claim,
    default_mode,
    dismiss_suggestion,
    drop_claim,
    open_suggestions,
    update_claim,
)
from foi_core.actions.factors import (
    edit_factor,
    library_choices,
    pick_library_factors,
    remove_factor,
    write_factor,
)
from foi_core.actions.harm import harm_page_claims, harm_prompts, save_harm, save_overall_harm
from foi_core.actions.items import ItemInput, save_items, set_every_outcome
from foi_core.actions.request import RequestForm, edit_items, save_request
from foi_core.actions.result import ActionResult
from foi_core.knowledge import load_catalogue
from foi_core.models import (
    OUTCOME_LABELS,
    ClaimMode,
    ExemptionClaim,
    Likelihood,
    Outcome,
    RequestItem,
    Side,
    Weight,
)
from tests.case_factory import RECEIVED, correct_case, minimal_case

LATER_STEPS = ["items", "exemptions", "harm", "public_interest", "balance", "letter"]


def fields(result: ActionResult) -> list[str]:
    return [problem.field for problem in result.problems]


def request_form(case, **changes) -> RequestForm:
    """The Request form as drawn for ``case``, with ``changes`` typed in."""
    values = {
        "title": case.title,
        "our_ref": case.request.our_ref,
        "their_ref": case.request.their_ref,
        "received": case.request.received,
        "text": case.request.text,
        "searches": case.request.searches,
        "requester_name": case.requester.name,
        "requester_contact": case.requester.contact,
        "requester_address": case.requester.address,
    }
    return RequestForm(**{**values, **changes})


# --- Request ---------------------------------------------------------------------------------


def test_save_request_unchanged_marks_nothing():
    case = minimal_case()
    result = save_request(case, request_form(case))
    assert result.ok and result.case.recheck_steps == []
    assert result.summary == "Request details saved" and result.message == "Request details saved."


def test_save_request_details_mark_the_letter_only():
    case = minimal_case()
    result = save_request(case, request_form(case, their_ref=" ABC/1 ", text="New wording"))
    assert result.case.request.their_ref == "ABC/1"
    assert result.case.request.text == "New wording"
    assert result.case.recheck_steps == ["letter"]


def test_save_request_and_split():
    case = minimal_case()
    text = "Please tell me:\n1. How many dogs?\n2. How many horses?"
    result = save_request(case, request_form(case, text=text), split=True)
    texts = [item.text for item in result.case.request.items]
    assert texts == ["How many dogs?", "How many horses?"]
    assert result.summary == "Request saved and split into 2 item(s)"
    # Only the steps that were finished are marked: the items (the later ones were never done).
    assert result.case.recheck_steps == ["items", "letter"]


def test_split_with_nothing_to_split_is_refused():
    case = minimal_case()
    result = save_request(case, request_form(case, text="  "), split=True)
    assert not result.ok and fields(result) == ["request.text"]


def test_received_date_missing_is_named_once_in_plain_words():
    case = minimal_case()
    result = save_request(case, request_form(case, received=None))
    assert [(p.field, p.message) for p in result.problems] == [
        ("request.received", "Enter the date the request was received.")
    ]


def test_clarification_and_fees_dates_in_order():
    case = minimal_case()
    later, earlier = RECEIVED + dt.timedelta(days=5), RECEIVED + dt.timedelta(days=2)
    result = save_request(
        case,
        request_form(
            case,
            clarification_received_on=earlier,
            fees_issued_on=later,
            fees_paid_on=earlier,
        ),
    )
    assert [(p.field, p.message) for p in result.problems] == [
        ("clarification.received_on", "Enter the date it was asked for first."),
        ("fees_notice.paid_on", "This cannot be before the date the notice was issued."),
    ]
    ok = save_request(
        case, request_form(case, clarification_asked_on=earlier, clarification_received_on=later)
    )
    assert ok.case.clarification.received_on == later


def test_blank_reference_is_refused_at_its_field():
    case = minimal_case()
    assert fields(save_request(case, request_form(case, our_ref="  "))) == ["request.our_ref"]


def test_edit_items_keeps_outcomes_of_unchanged_wording():
    case = minimal_case(
        RequestItem(number=1, text="One?", outcome=Outcome.NOT_HELD),
        RequestItem(number=2, text="Two?", outcome=Outcome.NCND),
    )
    result = edit_items(case, ["", "Two?", "Three?"])
    assert [(i.number, i.text, i.outcome) for i in result.case.request.items] == [
        (1, "Two?", Outcome.NCND),
        (2, "Three?", None),
    ]
    assert result.summary == "Items edited (2 item(s))"


def test_edit_items_needs_one_item():
    result = edit_items(minimal_case(), ["", "  "])
    assert fields(result) == ["items"] and result.case is None


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="ab \n", max_size=6), max_size=5))
def test_edit_items_keeps_exactly_the_non_blank_texts(texts):
    result = edit_items(minimal_case(), texts)
    kept = [t.strip() for t in texts if t.strip()]
    if not kept:
        assert not result.ok
    else:
        assert [item.text for item in result.case.request.items] == kept
        assert [item.number for item in result.case.request.items] == list(range(1, len(kept) + 1))


# --- Items -----------------------------------------------------------------------------------


def test_every_item_the_same_outcome():
    case = minimal_case(RequestItem(number=1, text="A?"), RequestItem(number=2, text="B?"))
    result = set_every_outcome(case, Outcome.NCND)
    assert {item.outcome for item in result.case.request.items} == {Outcome.NCND}
    # No later step was finished, so none is marked "re-check" (the letter always is).
    assert result.case.recheck_steps == ["letter"]
    assert result.message == f"Every item is now: {OUTCOME_LABELS[Outcome.NCND]}."
    assert fields(set_every_outcome(case, None)) == ["all.outcome"]


def test_items_saved_asks_for_the_answer_next():
    case = minimal_case(RequestItem(number=1, text="A?"), RequestItem(number=2, text="B?"))
    result = save_items(
        case,
        {
            1: ItemInput(outcome=Outcome.DISCLOSED, searches="HR system"),
            2: ItemInput(outcome=Outcome.NOT_HELD),
        },
    )
    assert result.ok
    assert result.case.request.items[0].searches == "HR system"
    assert result.message == "Saved. Now fill in the answer or where to find it for item(s) 1."


def test_items_answer_and_directions_required_when_asked():
    case = minimal_case(RequestItem(number=1, text="A?"), RequestItem(number=2, text="B?"))
    result = save_items(
        case,
        {
            1: ItemInput(outcome=Outcome.DISCLOSED, answer=" "),
            2: ItemInput(outcome=Outcome.ACCESSIBLE_ELSEWHERE, where_to_find=""),
        },
    )
    assert fields(result) == ["items.1.answer", "items.2.where_to_find"]
    done = save_items(
        case,
        {
            1: ItemInput(outcome=Outcome.DISCLOSED, answer="38."),
            2: ItemInput(outcome=Outcome.ACCESSIBLE_ELSEWHERE, where_to_find="Our website."),
        },
    )
    assert done.message == "Items saved." and done.summary == "Item outcomes saved"


def test_items_unchanged_clear_their_own_recheck_mark_only():
    case = correct_case().model_copy(update={"recheck_steps": ["items", "letter"]})
    inputs = {
        item.number: ItemInput(
            outcome=item.outcome,
            searches=item.searches,
            answer=item.answer,
            where_to_find=item.where_to_find,
        )
        for item in case.request.items
    }
    result = save_items(case, inputs)
    assert result.case.recheck_steps == ["letter"]


# --- Exemptions (claims) ---------------------------------------------------------------------


def withheld_case():
    return minimal_case(
        RequestItem(number=1, text="A?", outcome=Outcome.NCND),
        RequestItem(number=2, text="B?", outcome=Outcome.NCND),
        RequestItem(number=3, text="C?", outcome=Outcome.DISCLOSED, answer="Yes."),
    )


def test_default_mode_is_ncnd_only_when_every_withheld_item_is():
    case = withheld_case()
    assert default_mode(case) is ClaimMode.NCND
    case.request.items[1].outcome = Outcome.EXEMPT
    assert default_mode(case) is ClaimMode.WITHHOLD


def test_add_claim_and_refusals():
    case = withheld_case().model_copy(update={"recheck_steps": ["exemptions"]})
    result = add_claim(case, "s31(1)(a)", ClaimChoice(items=[1, 2], mode=ClaimMode.NCND))
    assert result.summary == "Added s31(1)(a)" and result.message == "Added s31(1)(a)."
    (claim,) = result.case.claims
    assert (claim.citation, claim.items, claim.mode) == ("s31(1)(a)", [1, 2], ClaimMode.NCND)
    assert result.case.recheck_steps == ["letter"]  # nothing after it was finished

    again = add_claim(result.case, "s31(1)(a)", ClaimChoice(items=[], mode=ClaimMode.NCND))
    assert fields(again) == ["citation", "items"]  # the same provision in the same mode
    no_ncnd = add_claim(case, "s21", ClaimChoice(items=[1], mode=ClaimMode.NCND))
    assert [(p.field, p.message) for p in no_ncnd.problems] == [
        ("mode", "s21 has no provision to neither confirm nor deny.")
    ]


def test_update_and_drop_a_claim():
    case = correct_case()
    claim = case.claim("anpr-s31")
    result = update_claim(
        case, claim.id, ClaimChoice(items=claim.items, mode=claim.mode, in_the_alternative=True)
    )
    assert result.case.claim(claim.id).in_the_alternative
    assert result.summary == f"{claim.citation} updated"
    assert fields(update_claim(case, claim.id, ClaimChoice(items=[]))) == ["items"]

    dropped = drop_claim(case, claim.id)
    assert claim.id not in {c.id for c in dropped.case.claims}
    assert dropped.summary == f"Removed {claim.citation}"
    assert "harm" in dropped.case.recheck_steps


def test_dismiss_a_suggestion_marks_nothing():
    result = dismiss_suggestion(withheld_case(), "s38(1)(a)")
    assert result.case.dismissed_suggestions == ["s38(1)(a)"]
    assert result.case.recheck_steps == [] and result.message == ""


@settings(max_examples=40, deadline=None)
@given(
    citation=st.sampled_from(["s21", "s31(1)(a)", "s40(2)", "s14(1)", "s24(1)"]),
    items=st.lists(st.integers(1, 3), unique=True, max_size=3),
    mode=st.sampled_from(list(ClaimMode)),
)
def test_add_claim_refuses_exactly_what_the_rules_say(citation, items, mode):
    from foi_core.knowledge import load_catalogue

    exemption = load_catalogue().get(citation)
    result = add_claim(withheld_case(), citation, ClaimChoice(items=items, mode=mode))
    expected = []
    if not items:
        expected.append("items")
    if mode is ClaimMode.NCND and not exemption.ncnd_provision:
        expected.append("mode")
    assert fields(result) == expected
    if result.ok:
        assert result.case.claims[-1].items == sorted(items)


# --- Harm ------------------------------------------------------------------------------------


def test_harm_page_claims_and_their_questions():
    case = correct_case()
    cat = load_catalogue()
    shown = {claim.id for claim in harm_page_claims(case, cat)}
    assert "anpr-s31" in shown and "company-s30" in shown  # prejudice; NCND under a class test
    assert "scooters-s12" not in shown and "crime-s21" not in shown  # procedural; class, withheld
    ncnd_class = case.claim("company-s30")
    ids = [p.id for p in harm_prompts(ncnd_class, cat.get(ncnd_class.citation))]
    assert ids == ["causal_chain", "mosaic"]
    prejudice = case.claim("anpr-s31")
    assert "likelihood" in [p.id for p in harm_prompts(prejudice, cat.get(prejudice.citation))]
    unknown = ExemptionClaim(citation="s99", items=[1])
    assert [p.id for p in harm_prompts(unknown, None)] == ["causal_chain"]


def test_save_harm_trims_keeps_other_answers_and_marks_later_steps():
    case = correct_case().model_copy(update={"recheck_steps": ["harm"]})
    result = save_harm(
        case, "anpr-s31", {"causal_chain": "  Gaps shown.  ", "likelihood": Likelihood.WOULD}
    )
    harm = result.case.claim("anpr-s31").harm
    assert (harm.causal_chain, harm.likelihood) == ("Gaps shown.", Likelihood.WOULD)
    assert harm.interest == ""  # every question is answered from the form, blank or not
    assert result.case.claim("anpr-s31").pit == case.claim("anpr-s31").pit  # later answers kept
    assert result.case.recheck_steps == ["public_interest", "balance", "letter"]
    assert result.message == "Harm saved for s31(1)(a)."


def test_save_harm_names_the_claim_and_question_of_a_problem():
    result = save_harm(correct_case(), "anpr-s31", {"likelihood": "certain"})
    assert fields(result) == ["anpr-s31.likelihood"]


def test_overall_harm_is_trimmed():
    result = save_overall_harm(correct_case(), "  Across the board.\n")
    assert result.case.overall_harm == "Across the board."
    assert result.summary == "Overall harm saved"


# --- Public interest (factors) ---------------------------------------------------------------


def test_write_factor_appends_and_keeps_the_balance():
    case = correct_case()
    before = case.claim("anpr-s31").pit
    result = write_factor(case, "anpr-s31", Side.FOR, "  Openness.  ", Weight.HIGH, " Why. ")
    pit = result.case.claim("anpr-s31").pit
    assert pit.balance == before.balance
    assert [(f.text, f.weight, f.rationale) for f in pit.factors[len(before.factors) :]] == [
        ("Openness.", Weight.HIGH, "Why.")
    ]
    assert result.summary == "Factor added for s31(1)(a)"
    assert result.case.recheck_steps == ["balance", "letter"]
    assert fields(write_factor(case, "anpr-s31", Side.FOR, "  ", Weight.LOW)) == ["text"]


def test_pick_library_factors_adds_the_offered_ones_once():
    case = correct_case()
    claim = case.claim("anpr-s31")
    offer = library_choices(claim, Side.AGAINST)[0]
    result = pick_library_factors(case, claim.id, {Side.AGAINST: [offer.id, "no-such-id"]})
    added = result.case.claim(claim.id).pit.factors[-1]
    assert (added.library_id, added.side, added.weight) == (offer.id, Side.AGAINST, Weight.MODERATE)
    assert offer.id not in {
        f.id for f in library_choices(result.case.claim(claim.id), Side.AGAINST)
    }
    assert fields(pick_library_factors(case, claim.id, {Side.FOR: []})) == ["library"]


def test_edit_and_remove_a_factor():
    case = correct_case()
    factor = case.claim("anpr-s31").pit.factors[0]
    result = edit_factor(case, "anpr-s31", factor.id, " New text ", None, "")
    edited = result.case.claim("anpr-s31").pit.factors[0]
    assert (edited.id, edited.text, edited.weight) == (factor.id, "New text", factor.weight)
    refused = edit_factor(case, "anpr-s31", factor.id, " ", Weight.LOW, "")
    assert fields(refused) == [f"{factor.id}.text"]
    assert refused.problems[0].message.endswith(" Write the factor, or remove it.")
    removed = remove_factor(case, "anpr-s31", factor.id)
    assert factor.id not in {f.id for f in removed.case.claim("anpr-s31").pit.factors}
    assert removed.summary == "Factor removed from s31(1)(a)"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(list(Side)), max_size=6), st.sampled_from(list(Weight)))
def test_factors_written_are_kept_in_order_on_their_side(sides, weight):
    case = minimal_case(RequestItem(number=1, text="A?", outcome=Outcome.EXEMPT))
    case.claims = [ExemptionClaim(id="c", citation="s31(1)(a)", items=[1])]
    for number, side in enumerate(sides):
        case = write_factor(case, "c", side, f"Factor {number}", weight).case
    factors = case.claim("c").pit.factors if sides else []
    assert [(f.side, f.text) for f in factors] == [
        (side, f"Factor {n}") for n, side in enumerate(sides)
    ]
    assert case.claim("c").pit is None or case.claim("c").pit.balance is None


def test_open_suggestions_leave_out_chosen_and_dismissed():
    case = withheld_case()
    case.request.text = "Where are the ANPR cameras and the surveillance of officers' homes?"
    offered = {s.citation for s in open_suggestions(case)}
    assert offered, "the request's words suggest something"
    first = sorted(offered)[0]
    dismissed = dismiss_suggestion(case, first).case
    assert first not in {s.citation for s in open_suggestions(dismissed)}
    chosen = add_claim(case, first, ClaimChoice(items=[1])).case
    assert first not in {s.citation for s in open_suggestions(chosen)}
