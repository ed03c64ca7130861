"""Searches asked once: the request's searches printed once, an item's only where they differ;
an item's searches that repeat the request's are not kept twice."""

from __future__ import annotations

from foi_core.actions.items import ItemInput, save_items
from foi_core.letters.context.response import build_letter_context
from foi_core.models import OrganisationProfile, Outcome, Request, RequestItem
from foi_core.reasoning.searches import own_searches, searches_once
from tests.case_factory import minimal_case

SEARCHED = "Crime recording system and the Ring portal, searched for 'Ring'."


def three_items(general: str, *item_searches: str):
    items = [
        RequestItem(number=n, text=f"Q{n}?", outcome=Outcome.DISCLOSED, answer="Yes.", searches=s)
        for n, s in enumerate(item_searches, start=1)
    ]
    case = minimal_case(*items)
    request = Request.model_validate({**case.request.model_dump(), "searches": general})
    return case.model_copy(update={"request": request})


def letter_searches(case) -> tuple[str, list[str]]:
    context = build_letter_context(case, OrganisationProfile())
    return context.searches, [f"{s.label}: {s.text}" for s in context.item_searches]


def test_an_item_repeating_the_request_searches_is_printed_once():
    case = three_items(
        SEARCHED, "  crime recording system and the RING portal, searched for 'Ring'.", "", ""
    )
    assert searches_once(case) == (SEARCHED, [])
    general, per_item = letter_searches(case)
    assert SEARCHED in general and per_item == []


def test_only_the_items_searched_differently_are_listed():
    case = three_items(SEARCHED, "", "Also the property store ledger.", SEARCHED)
    general, per_item = letter_searches(case)
    assert SEARCHED in general
    assert len(per_item) == 1 and "property store ledger" in per_item[0]


def test_the_same_searches_on_every_item_print_once_as_the_request_s():
    case = three_items("", "The duty rosters.", "the duty  rosters.", "The duty rosters.")
    general, per_item = letter_searches(case)
    assert general == "The duty rosters." and per_item == []
    # Not when an item has none (e.g. a question neither confirmed nor denied).
    case = three_items("", "The duty rosters.", "The duty rosters.", "")
    assert len(letter_searches(case)[1]) == 2


def test_saving_an_item_keeps_only_searches_that_differ():
    assert own_searches(" " + SEARCHED.upper(), SEARCHED) == ""
    assert own_searches("Other records.", SEARCHED) == "Other records."
    case = three_items(SEARCHED, "", "", "")
    inputs = {
        1: ItemInput(outcome=Outcome.DISCLOSED, searches=SEARCHED, answer="Yes."),
        2: ItemInput(outcome=Outcome.DISCLOSED, searches="Other records.", answer="Yes."),
    }
    saved = save_items(case, inputs).case
    assert [i.searches for i in saved.request.items] == ["", "Other records.", ""]
