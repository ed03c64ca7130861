"""Items actions: the requester's numbering, another authority holding an item (and the
transfer), information given outside the Act, and which fields each outcome asks for."""

from __future__ import annotations

import datetime as dt

from foi_core.actions.items import ItemInput, fields_for, save_items
from foi_core.models import Outcome, RequestItem
from tests.case_factory import minimal_case


def two_items():
    return minimal_case(RequestItem(number=1, text="A?"), RequestItem(number=2, text="B?"))


def fields(result) -> list[str]:
    return [p.field for p in result.problems]


def test_each_outcome_asks_for_its_own_fields():
    assert fields_for(Outcome.DISCLOSED) == {"answer"}
    assert fields_for(Outcome.ACCESSIBLE_ELSEWHERE) == {"where_to_find"}
    assert fields_for(Outcome.NOT_HELD) == {"held_by", "transferred_on"}
    assert fields_for(Outcome.COST_LIMIT) == {"discretionary"}
    assert fields_for(Outcome.NCND) == set()  # giving anything would confirm it is held
    assert fields_for(None) == set()


def test_label_holder_transfer_and_discretionary_are_saved_trimmed():
    case = two_items()
    received = case.request.received
    result = save_items(
        case,
        {
            1: ItemInput(
                outcome=Outcome.NOT_HELD,
                label=" 3a ",
                held_by=" British Transport Police ",
                transferred_on=received + dt.timedelta(days=2),
            ),
            2: ItemInput(outcome=Outcome.COST_LIMIT, discretionary=" Some figures. "),
        },
    )
    first, second = result.case.request.items
    assert (first.label, first.held_by) == ("3a", "British Transport Police")
    assert first.transferred_on == received + dt.timedelta(days=2)
    assert second.discretionary == "Some figures."


def test_a_transfer_names_the_authority_and_follows_the_request():
    case = two_items()
    received = case.request.received
    early = save_items(
        case,
        {
            1: ItemInput(
                outcome=Outcome.NOT_HELD,
                held_by="",
                transferred_on=received.replace(year=received.year - 1),
            )
        },
    )
    assert fields(early) == ["items.1.held_by", "items.1.transferred_on"]


def test_a_bad_label_is_named_by_the_item_number():
    case = two_items()
    result = save_items(case, {2: ItemInput(outcome=Outcome.NCND, label="3 a!")})
    assert fields(result) == ["items.2.label"]
    assert "is not a question number" in result.problems[0].message


def test_fields_not_asked_keep_their_saved_values():
    case = two_items()
    case.request.items[0].held_by = "Another force"
    result = save_items(case, {1: ItemInput(outcome=Outcome.NOT_HELD)})
    assert result.case.request.items[0].held_by == "Another force"
