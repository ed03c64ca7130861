"""AppTest of the Cases page: the list, opening, starting, copying and importing a case."""

from __future__ import annotations

import datetime as dt
import json

from foi_core.models import Requester
from foi_core.workflow import new_case
from tests.app.conftest import DOORBELL, add_case_with_items, by_key, new_app, submit, texts


def select_row(at, ref: str) -> None:
    """Click the register's row of the case with reference ``ref`` (AppTest sets the table's
    selection state, as a click does) and rerun."""
    refs = list(at.dataframe[0].value["Reference"])
    at.session_state["register.table"] = {
        "selection": {"rows": [refs.index(ref)], "columns": [], "cells": []}
    }
    at.run()


def test_cases_lists_demo_cases_with_days_left(app_store):
    at = new_app().run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "002261/25" in set(table["Reference"])
    assert "Working days left" in table.columns


def test_open_case_goes_to_its_next_step(app_store):
    case = add_case_with_items(app_store, [None, None, None])
    at = new_app().run()
    select_row(at, case.request.our_ref)  # issue 13: a row of the register, not a dropdown
    assert not at.exception
    assert at.query_params["case"] == [case.id] or at.query_params["case"] == case.id
    assert by_key(at.selectbox, "f.1.outcome")  # the Items page is showing


def test_new_case_is_saved_and_opens_the_request_page(app_store):
    at = new_app().run()
    by_key(at.text_input, "f.new.our_ref").input("NEW/26/1")
    by_key(at.text_input, "f.new.title").input("Drone use")
    submit(at, "Start the case")
    stored = app_store.find_by_ref("NEW/26/1")
    assert stored is not None and stored.case.title == "Drone use"
    assert "Case NEW/26/1 started" in texts(at)
    assert by_key(at.text_area, "f.text").value == ""  # the Request page


def test_new_case_with_a_blank_reference_keeps_what_was_typed(app_store):
    at = new_app().run()
    count = app_store.count()
    by_key(at.text_input, "f.new.our_ref").input("   ")
    by_key(at.text_input, "f.new.title").input("Typed title")
    submit(at, "Start the case")
    assert [e.value for e in at.error if "overdue" not in e.value] == ["This cannot be empty."]
    assert by_key(at.text_input, "f.new.title").value == "Typed title"
    assert app_store.count() == count


def test_new_case_with_a_reference_in_use_is_refused(app_store):
    at = new_app().run()
    by_key(at.text_input, "f.new.our_ref").input("002261/25")
    submit(at, "Start the case")
    assert any("already exists" in str(e.value) for e in at.error)


def test_duplicate_an_earlier_case(app_store):
    at = new_app().run()
    by_key(at.button, f"precedents.start.{DOORBELL}").click().run()  # issue 11: a search
    by_key(at.text_input, "f.copy.our_ref").input("COPY/26/1")
    submit(at, "Copy into a new case")
    copy = app_store.find_by_ref("COPY/26/1").case
    source = app_store.load(DOORBELL).case
    assert copy.id != source.id
    assert [c.citation for c in copy.claims] == [c.citation for c in source.claims]
    assert copy.requester == Requester() and copy.issued_letters == []


def import_case_file(at, name: str, document: dict) -> None:
    """Upload ``document`` as the JSON file ``name`` on the Cases page and press Import."""
    at.file_uploader(key="cases.import_file").set_value(
        (name, json.dumps(document).encode(), "application/json")
    )
    at.run()
    by_key(at.button, "cases.import").click().run()
    assert not at.exception, at.exception


def test_import_a_malformed_case_file_names_the_field(app_store):
    at = new_app().run()
    count = app_store.count()
    exported = app_store.load(DOORBELL).case.model_dump(mode="json")
    exported["id"] = "imported-copy"
    exported["request"]["our_ref"] = "IMP/1"
    exported["request"]["received"] = "2021-02-30"
    import_case_file(at, "bad.json", exported)
    message = " ".join(str(e.value) for e in at.error)
    assert "bad.json" in message and "request.received" in message and "real date" in message
    assert app_store.count() == count


def test_import_a_case_file(app_store):
    at = new_app().run()
    exported = app_store.load(DOORBELL).case.model_dump(mode="json")
    exported["id"] = "imported-copy"
    exported["request"]["our_ref"] = "IMP/2"
    import_case_file(at, "case.json", exported)
    assert app_store.load("imported-copy").case.request.our_ref == "IMP/2"
    assert "Imported case IMP/2." in texts(at)


def test_overdue_draft_is_counted_and_negative(empty_store):
    late = new_case("LATE/1", dt.date.today() - dt.timedelta(days=70), "Late one")
    fresh = new_case("FRESH/1", dt.date.today(), "Fresh one")
    empty_store.add(late, actor="test")
    empty_store.add(fresh, actor="test")
    at = new_app().run()
    assert not at.exception
    table = at.dataframe[0].value.set_index("Reference")
    assert int(table.loc["LATE/1", "Working days left"]) < 0
    assert int(table.loc["FRESH/1", "Working days left"]) >= 18
    assert [str(e.value) for e in at.error] == ["1 case(s) overdue."]
