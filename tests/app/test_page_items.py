"""AppTest of the Items page."""

from __future__ import annotations

import datetime as dt

from foi_core.models import Outcome
from tests.app.conftest import (
    DOORBELL,
    add_blank_case,
    add_case_with_items,
    button,
    by_key,
    submit,
    texts,
)
from ui.text import md_escape


def test_items_outcome_and_answer_asked_together(app_store, open_page):
    case = add_case_with_items(app_store, [None, None, None])
    at = open_page("pages/items.py", case_id=case.id)
    assert not [e for e in at.text_area if e.key == "f.1.answer"]
    by_key(at.selectbox, "f.1.outcome").select(Outcome.DISCLOSED)
    by_key(at.selectbox, "f.2.outcome").select(Outcome.NCND)
    by_key(at.selectbox, "f.3.outcome").select(Outcome.ACCESSIBLE_ELSEWHERE)
    by_key(at.text_area, "f.2.searches").input("Crime system searched").run()
    # The answer and directions are asked as soon as the outcome is chosen, before any save.
    assert by_key(at.text_area, "f.1.answer").value == ""
    button(at, "Save items").click().run()
    assert any("information being disclosed" in str(e.value) for e in at.error)
    assert any("where the requester can find it" in str(e.value) for e in at.error)
    assert [i.outcome for i in app_store.load(case.id).case.request.items] == [None] * 3
    by_key(at.text_area, "f.1.answer").input("Three drones.")
    by_key(at.text_area, "f.3.where").input("https://example.org/drones")
    submit(at, "Save items")
    saved = app_store.load(case.id).case
    assert [i.outcome for i in saved.request.items] == [
        Outcome.DISCLOSED,
        Outcome.NCND,
        Outcome.ACCESSIBLE_ELSEWHERE,
    ]
    assert saved.request.items[1].searches == "Crime system searched"
    assert saved.request.items[0].answer == "Three drones."
    assert saved.request.items[2].where_to_find == "https://example.org/drones"


def test_items_label_other_holder_and_discretionary(app_store, open_page):
    case = add_case_with_items(app_store, [None, None, None])
    at = open_page("pages/items.py", case_id=case.id)
    by_key(at.selectbox, "f.1.outcome").select(Outcome.NOT_HELD)
    by_key(at.selectbox, "f.2.outcome").select(Outcome.COST_LIMIT)
    by_key(at.selectbox, "f.3.outcome").select(Outcome.NCND).run()
    assert not [e for e in at.text_area if e.key == "f.3.discretionary"]  # never beside NCND
    by_key(at.text_input, "f.1.label").input("3a")
    by_key(at.text_area, "f.1.held_by").input("<b>Transport</b> **Police**")
    by_key(at.date_input, "f.1.transferred_on").set_value(dt.date(2026, 3, 4))
    by_key(at.text_area, "f.2.discretionary").input("Twelve drones in 2025.")
    submit(at, "Save items")
    first, second, _ = app_store.load(case.id).case.request.items
    assert (first.label, first.held_by) == ("3a", "<b>Transport</b> **Police**")
    assert first.transferred_on == dt.date(2026, 3, 4)
    assert second.discretionary == "Twelve drones in 2025."
    assert "Item 3a." in texts(at)
    notes = [str(c.value) for c in at.caption]
    assert sum("In the letter" in n for n in notes) >= 5


def test_a_bad_label_is_named_at_its_field(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.NCND] * 3)
    at = open_page("pages/items.py", case_id=case.id)
    by_key(at.text_input, "f.2.label").input("3 a!")
    submit(at, "Save items")
    assert any("is not a question number" in str(e.value) for e in at.error)
    assert app_store.load(case.id).case.request.items[1].label == ""


def test_items_same_outcome_for_every_item(app_store, open_page):
    case = add_case_with_items(app_store, [None, None, None])
    at = open_page("pages/items.py", case_id=case.id)
    by_key(at.selectbox, "f.all.outcome").select(Outcome.NCND)
    submit(at, "Apply to every item")
    saved = app_store.load(case.id).case
    assert {i.outcome for i in saved.request.items} == {Outcome.NCND}


def test_items_page_without_items_points_to_request(app_store, open_page):
    case = add_blank_case(app_store)
    at = open_page("pages/items.py", case_id=case.id)
    assert not at.exception
    assert "paste the request on the Request page first" in texts(at)


def test_each_item_previews_what_the_letter_says(app_store, open_page):
    at = open_page("pages/items.py", case_id=DOORBELL)
    previews = [e for e in at.expander if e.label.endswith("In the letter for this item")]
    assert len(previews) == len(app_store.load(DOORBELL).case.request.items)
    assert "neither confirm nor deny" in "\n".join(str(m.value) for m in previews[0].markdown)


def test_every_item_given_the_same_outcome_shows_it_and_keeps_it_on_save(app_store, open_page):
    case = add_case_with_items(app_store, [None, None])
    at = open_page("pages/items.py", case_id=case.id)
    outcome_box = next(e for e in at.selectbox if e.label == "Outcome for every item")
    outcome_box.select(Outcome.NCND)
    submit(at, "Apply to every item")
    assert not at.exception
    count = len(case.request.items)
    boxes = [e for e in at.selectbox if e.label == "Outcome"]
    assert [box.value for box in boxes] == [Outcome.NCND] * count
    # Saving the items afterwards keeps the outcome just applied (nothing stale is sent back).
    submit(at, "Save items")
    saved = app_store.load(case.id).case.request.items
    assert [item.outcome for item in saved] == [Outcome.NCND] * count


def test_searches_are_asked_once_and_an_item_notes_only_a_difference(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.DISCLOSED] * 3)
    loaded = app_store.load(case.id)
    edited = loaded.case.model_copy(deep=True)
    edited.request.searches = "The **duty** rosters <b>2025</b>."
    for item in edited.request.items:
        item.answer = "Yes."
    app_store.save(edited, expected_version=loaded.version, actor="test")
    at = open_page("pages/items.py", case_id=case.id)
    shown = texts(at)
    assert "Searches for the whole request:" in shown
    assert md_escape("The **duty** rosters <b>2025</b>.") in shown  # shown literally
    notes = [e for e in at.expander if e.label == "Searched differently for this item? (optional)"]
    assert len(notes) == 3 and not any(e.proto.expanded for e in notes)
    assert by_key(at.text_area, "f.1.searches").label.startswith("Searches for this item, where")
    by_key(at.text_area, "f.1.searches").input("the duty rosters <b>2025</b>.")
    by_key(at.text_area, "f.2.searches").input("Also the overtime claims.")
    by_key(at.text_area, "f.1.searches").input("The **duty** rosters <b>2025</b>.")
    submit(at, "Save items")
    items = app_store.load(case.id).case.request.items
    assert [i.searches for i in items] == ["", "Also the overtime claims.", ""]
    notes = [e for e in at.expander if e.label == "Searched differently for this item? (optional)"]
    assert [e.proto.expanded for e in notes] == [False, True, False]
