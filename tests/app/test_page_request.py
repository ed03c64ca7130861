"""AppTest of the Request page."""

from __future__ import annotations

import datetime as dt

from foi_core.models import Outcome
from tests.app.conftest import add_case_with_items, by_key, open_blank_request, submit, texts


def test_request_split_into_items_and_due_date_shown(app_store, open_page):
    case, at = open_blank_request(app_store)
    # 20 working days after Monday 2 March 2026, skipping St Patrick's Day (Northern Ireland)
    shown = texts(at)
    assert "Tuesday 31 March 2026" in shown and "Saint Patrick's Day" in shown
    by_key(at.text_area, "f.text").input(
        "Please tell me:\n1. How many drones?\n   a) bought\n   b) leased\n2. What did they cost?"
    )
    submit(at, "Save and split the text into items")
    items = app_store.load(case.id).case.request.items
    assert [i.text for i in items] == [
        "How many drones?\na) bought\nb) leased",
        "What did they cost?",
    ]
    assert by_key(at.text_area, "f.item.2").value == "What did they cost?"


def test_request_received_date_moves_the_due_date_and_names_skipped_holidays(app_store, open_page):
    case, at = open_blank_request(app_store)
    by_key(at.date_input, "f.received").set_value(dt.date(2025, 12, 15))
    submit(at, "Save")
    assert app_store.load(case.id).case.request.received == dt.date(2025, 12, 15)
    shown = texts(at)
    assert "Christmas Day" in shown and "Boxing Day" in shown


def test_request_blank_reference_shows_message_and_keeps_typing(app_store, open_page):
    case, at = open_blank_request(app_store)
    by_key(at.text_input, "f.our_ref").input("")
    by_key(at.text_area, "f.text").input("My carefully pasted request")
    submit(at, "Save")
    assert any("cannot be" in str(e.value) for e in at.error)
    assert by_key(at.text_area, "f.text").value == "My carefully pasted request"
    assert app_store.load(case.id).case.request.text == ""  # nothing partial was saved


def test_request_clarification_answer_before_question_is_refused(app_store, open_page):
    case, at = open_blank_request(app_store)
    by_key(at.date_input, "f.clar.asked_on").set_value(dt.date(2026, 3, 10))
    by_key(at.date_input, "f.clar.received_on").set_value(dt.date(2026, 3, 5))
    submit(at, "Save")
    assert any("cannot be before" in str(e.value) for e in at.error)
    assert app_store.load(case.id).case.clarification is None


def test_editing_items_keeps_outcomes_of_unchanged_ones(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.NCND, Outcome.NCND, Outcome.NCND])
    at = open_page("pages/request.py", case_id=case.id)
    by_key(at.text_area, "f.item.2").input("A reworded second question?")
    by_key(at.text_area, "f.item.new").input("An added fourth question?")
    submit(at, "Save items")
    saved = app_store.load(case.id).case
    assert [i.outcome for i in saved.request.items] == [Outcome.NCND, None, Outcome.NCND, None]
    assert saved.request.items[3].text == "An added fourth question?"
    assert "items" in saved.recheck_steps


def test_refresh_shows_the_saved_request(app_store, open_page):
    case, at = open_blank_request(app_store)
    by_key(at.text_input, "f.their_ref").input("THEIR-77")
    by_key(at.text_area, "f.text").input("1. First?\n2. Second?")
    submit(at, "Save and split the text into items")
    # A refresh is a new session: only the URL survives.
    fresh = open_page("pages/request.py", case_id=case.id)
    assert not fresh.exception
    assert by_key(fresh.text_input, "f.their_ref").value == "THEIR-77"
    assert by_key(fresh.text_area, "f.item.1").value == "First?"


def test_a_stale_save_is_merged_and_keeps_the_colleagues_change(app_store, open_page):
    case, at = open_blank_request(app_store)
    # Another officer saves the case after this page was drawn.
    other = app_store.load(case.id)
    other.case.title = "Changed by a colleague"
    app_store.save(other.case, expected_version=other.version, actor="colleague")
    by_key(at.text_area, "f.searches").input("Searched the drones register")
    submit(at, "Save")
    saved = app_store.load(case.id).case
    assert saved.title == "Changed by a colleague"
    assert saved.request.searches == "Searched the drones register"
    assert any("colleague also changed this case" in str(s.value) for s in at.success)


def test_request_fields_say_whether_they_reach_the_letter(app_store, open_page):
    _case, at = open_blank_request(app_store)
    notes = [str(c.value) for c in at.caption]
    assert sum("In the letter" in n for n in notes) >= 7  # references, requester, text, items
    assert sum("Internal: reasoning record only" in n for n in notes) == 1  # the short title
