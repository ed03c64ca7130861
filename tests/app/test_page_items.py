"""AppTest of the Items page."""

from __future__ import annotations

from foi_core.models import Outcome
from tests.app.conftest import add_blank_case, add_case_with_items, button, by_key, submit, texts


def test_items_outcome_then_answer(app_store, open_page):
    case = add_case_with_items(app_store, [None, None, None])
    at = open_page("pages/items.py", case_id=case.id)
    by_key(at.selectbox, "f.1.outcome").select(Outcome.DISCLOSED)
    by_key(at.selectbox, "f.2.outcome").select(Outcome.NCND)
    by_key(at.selectbox, "f.3.outcome").select(Outcome.ACCESSIBLE_ELSEWHERE)
    by_key(at.text_area, "f.2.searches").input("Crime system searched")
    submit(at, "Save items")
    saved = app_store.load(case.id).case
    assert [i.outcome for i in saved.request.items] == [
        Outcome.DISCLOSED,
        Outcome.NCND,
        Outcome.ACCESSIBLE_ELSEWHERE,
    ]
    assert saved.request.items[1].searches == "Crime system searched"
    # The fields for those outcomes now show; leaving them empty is refused.
    button(at, "Save items").click().run()
    assert any("information being disclosed" in str(e.value) for e in at.error)
    assert any("where the requester can find it" in str(e.value) for e in at.error)
    by_key(at.text_area, "f.1.answer").input("Three drones.")
    by_key(at.text_area, "f.3.where").input("https://example.org/drones")
    submit(at, "Save items")
    saved = app_store.load(case.id).case
    assert saved.request.items[0].answer == "Three drones."
    assert saved.request.items[2].where_to_find == "https://example.org/drones"


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
