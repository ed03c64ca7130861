"""Two officers on one case (two AppTest sessions): a refused save never undoes a colleague's
change; changes to different fields are merged, the same field is asked about (ui.merge)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from foi_core.settings import get_settings
from foi_core.storage import Store
from tests.app.conftest import DOORBELL, button, ok, texts
from ui.text import md_escape

REQUEST = "pages/request.py"
ITEMS = "pages/items.py"
MARKUP = "**B** [link](https://evil.example) <b>x</b>"


@pytest.fixture
def officer(monkeypatch: pytest.MonkeyPatch) -> Callable[[str, AppTest], AppTest]:
    """officer("b.officer", at) -> at, with the audit name set for that officer's next runs."""

    def act_as(name: str, at: AppTest) -> AppTest:
        monkeypatch.setenv("FOI_ACTOR", name)
        get_settings.cache_clear()
        return at

    return act_as


def field(elements, name: str):
    """The form field ``name`` (its key is "f.<name>", or "f.r<n>.<name>" once the form was
    drawn afresh after a merge)."""
    pattern = re.compile(rf"f\.(r\d+\.)?{re.escape(name)}")
    found = [element for element in elements if pattern.fullmatch(str(element.key))]
    assert len(found) == 1, [element.key for element in elements]
    return found[0]


def save_request(at: AppTest, **fields: str) -> AppTest:
    """Type into the request form's boxes (by field name) and press Save."""
    for name, value in fields.items():
        field(at.text_input, name).input(value)
    return ok(button(at, "Save").click().run())


def choose(at: AppTest, index: int, side: str) -> None:
    radios = [r for r in at.radio if str(r.key).startswith(f"merge.{DOORBELL}.")]
    radios[index].set_value(side)


def test_a_refused_save_does_not_undo_a_colleagues_change(app_store: Store, open_page) -> None:
    officer_a = open_page(REQUEST, case_id=DOORBELL)  # A's page is drawn before B saves
    officer_b = open_page(REQUEST, case_id=DOORBELL)
    save_request(officer_b, their_ref="B-REF-7")
    assert app_store.load(DOORBELL).case.request.their_ref == "B-REF-7"

    save_request(officer_a, title="Ring doorbell footage")
    if app_store.load(DOORBELL).case.title != "Ring doorbell footage":  # refused: submit again
        ok(button(officer_a, "Save").click().run())

    case = app_store.load(DOORBELL).case
    assert case.title == "Ring doorbell footage"
    assert case.request.their_ref == "B-REF-7"


def test_changes_to_different_fields_are_merged_with_a_message(
    app_store: Store, open_page, officer
) -> None:
    officer_a = officer("a.officer", open_page(REQUEST, case_id=DOORBELL))
    save_request(officer("b.officer", open_page(REQUEST, case_id=DOORBELL)), their_ref="B-REF")

    save_request(officer("a.officer", officer_a), title="Ring doorbell footage")

    case = app_store.load(DOORBELL).case
    assert (case.title, case.request.their_ref) == ("Ring doorbell footage", "B-REF")
    shown = texts(officer_a)
    assert "b.officer also changed this case" in shown
    assert "their changes are kept and yours are added" in shown
    # The form now shows the saved case, so A's next save is based on it: no merge, no message.
    assert field(officer_a.text_input, "their_ref").value == "B-REF"
    save_request(officer_a, title="Ring doorbell footage (2)")
    assert "also changed this case" not in texts(officer_a)
    summaries = [r.summary for r in app_store.revision_log(DOORBELL)]
    assert "merged with the changes saved by b.officer since version 1" in summaries[-2]


def test_the_same_field_is_asked_about_with_both_values_and_the_choice_saved(
    app_store: Store, open_page, officer
) -> None:
    officer_a = officer("a.officer", open_page(REQUEST, case_id=DOORBELL))
    save_request(officer("b.officer", open_page(REQUEST, case_id=DOORBELL)), title=MARKUP)

    save_request(officer("a.officer", officer_a), title="A's title", their_ref="A-REF")

    stored = app_store.load(DOORBELL).case
    assert (stored.title, stored.request.their_ref) == (MARKUP, "")  # nothing saved yet
    shown = texts(officer_a)
    assert "b.officer changed this case" in shown
    assert md_escape(MARKUP) in shown and md_escape("A's title") in shown  # literally
    assert [r.label for r in officer_a.radio if str(r.key).startswith("merge.")] == [
        "Which to keep: Title"
    ]
    # An unrelated rerun keeps the question and what A typed.
    ok(officer_a.run())
    assert field(officer_a.text_input, "title").value == "A's title"

    ok(button(officer_a, "Save my choices").click().run())  # no choice made yet
    assert md_escape("Choose which version to keep for: Title.") in texts(officer_a)

    choose(officer_a, 0, "theirs")
    ok(button(officer_a, "Save my choices").click().run())
    stored = app_store.load(DOORBELL).case
    assert (stored.title, stored.request.their_ref) == (MARKUP, "A-REF")
    assert not [r for r in officer_a.radio if str(r.key).startswith("merge.")]
    assert field(officer_a.text_input, "title").value == MARKUP  # the form shows the saved case
    assert "kept theirs for Title" in app_store.revision_log(DOORBELL)[-1].summary


def test_keeping_mine_and_discarding(app_store: Store, open_page, officer) -> None:
    officer_a = officer("a.officer", open_page(REQUEST, case_id=DOORBELL))
    officer_b = officer("b.officer", open_page(REQUEST, case_id=DOORBELL))
    save_request(officer_b, title="B1")
    save_request(officer("a.officer", officer_a), title="A1")
    choose(officer_a, 0, "mine")
    ok(button(officer_a, "Save my choices").click().run())
    assert app_store.load(DOORBELL).case.title == "A1"

    save_request(officer("b.officer", officer_b), title="B2")  # B's form was drawn before A1
    assert "Which to keep: Title" in [r.label for r in officer_b.radio]
    ok(button(officer_b, "Discard my changes").click().run())
    assert app_store.load(DOORBELL).case.title == "A1"
    assert field(officer_b.text_input, "title").value == "A1"
    assert "Your changes were not saved" in texts(officer_b)
    kinds = [r.kind for r in app_store.revision_log(DOORBELL)]
    assert kinds.count("conflict") == 2  # both refused edits are kept in the history


def test_the_question_works_from_another_page(app_store: Store, open_page, officer) -> None:
    officer_a = officer("a.officer", open_page(ITEMS, case_id=DOORBELL))
    officer_b = officer("b.officer", open_page(ITEMS, case_id=DOORBELL))
    field(officer_b.selectbox, "1.outcome").set_value("not_held")
    ok(button(officer_b, "Save items").click().run())

    officer("a.officer", officer_a)
    field(officer_a.selectbox, "1.outcome").set_value("exempt")
    field(officer_a.text_area, "2.searches").input("Searched the Ring portal")
    ok(button(officer_a, "Save items").click().run())
    assert "Which to keep: Item 1 – outcome" in [r.label for r in officer_a.radio]
    shown = texts(officer_a)
    assert "Not held" in shown and "Withheld under an exemption" in shown

    choose(officer_a, 0, "mine")
    ok(button(officer_a, "Save my choices").click().run())
    items = app_store.load(DOORBELL).case.request.items
    assert (items[0].outcome.value, items[1].searches) == ("exempt", "Searched the Ring portal")
