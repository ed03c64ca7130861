"""AppTest of the register on the Cases page: the counts, filters narrowing the table, paging,
a row click opening the case, the CSV export, and training attempts never shown."""

from __future__ import annotations

import datetime as dt

from foi_core.models import CaseKind, CaseStatus, TrainingLink
from foi_core.workflow import new_case
from tests.app.conftest import by_key, new_app, texts

TODAY = dt.date.today()


def refs(at) -> list[str]:
    return list(at.dataframe[0].value["Reference"]) if at.dataframe else []


def fill(store, count: int, **changes: object) -> None:
    """``count`` draft requests R/001 ... received on successive days before today."""
    cases = [
        new_case(f"R/{n:03d}", TODAY - dt.timedelta(days=n), f"Request {n} about drones")
        for n in range(1, count + 1)
    ]
    store.add_many([c.model_copy(update=changes) for c in cases], actor="test")


def test_counts_filters_and_search_narrow_the_table(empty_store):
    fill(empty_store, 3)
    late = new_case("LATE/1", TODAY - dt.timedelta(days=70), "Speed cameras")
    issued = new_case("DONE/1", TODAY - dt.timedelta(days=20), "Dogs").model_copy(
        update={"status": CaseStatus.ISSUED, "response_date": TODAY}
    )
    empty_store.add_many([late, issued], actor="test")
    at = new_app().run()
    assert not at.exception, at.exception
    assert [m.value for m in at.metric] == ["4", "0", "1"]  # open, due this week, overdue
    assert sorted(refs(at)) == ["DONE/1", "LATE/1", "R/001", "R/002", "R/003"]

    by_key(at.text_input, "register.text").input("CAMERAS").run()
    assert refs(at) == ["LATE/1"]
    by_key(at.text_input, "register.text").input("").run()
    by_key(at.toggle, "register.overdue").set_value(True).run()
    assert refs(at) == ["LATE/1"]
    by_key(at.toggle, "register.overdue").set_value(False).run()
    by_key(at.multiselect, "register.status").set_value([CaseStatus.ISSUED]).run()
    assert refs(at) == ["DONE/1"]
    by_key(at.multiselect, "register.outcome").set_value([]).run()
    by_key(at.multiselect, "register.status").set_value([]).run()
    by_key(at.date_input, "register.from").set_value(TODAY - dt.timedelta(days=2)).run()
    assert refs(at) == ["R/001", "R/002"]


def test_nothing_matching_says_so(empty_store):
    fill(empty_store, 2)
    at = new_app().run()
    by_key(at.text_input, "register.text").input("no such words").run()
    assert not at.dataframe
    assert "No case matches these filters" in texts(at)


def test_pages_of_fifty_with_previous_and_next(empty_store):
    fill(empty_store, 120)
    at = new_app().run()
    assert "Page 1 of 3" in texts(at) and len(refs(at)) == 50
    first = refs(at)
    by_key(at.button, "register.next").click().run()
    assert "Page 2 of 3" in texts(at) and not set(first) & set(refs(at))
    by_key(at.button, "register.next").click().run()
    assert "Page 3 of 3" in texts(at) and len(refs(at)) == 20
    by_key(at.text_input, "register.text").input("Request 11").run()  # new filters: page 1
    assert "Page 1 of 1" in texts(at)


def test_a_row_click_opens_the_case(empty_store):
    fill(empty_store, 3)
    at = new_app().run()
    chosen = refs(at)[1]
    at.session_state["register.table"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    stored = empty_store.find_by_ref(chosen)
    assert at.query_params["case"] in ([stored.case.id], stored.case.id)


def test_training_attempts_never_appear_or_count(empty_store):
    fill(empty_store, 1)
    attempt = new_case("TRAIN/1", TODAY - dt.timedelta(days=90), "Training drones").model_copy(
        update={"kind": CaseKind.TRAINING, "training": TrainingLink(scenario_id="x")}
    )
    empty_store.add(attempt, actor="trainee")
    at = new_app().run()
    assert refs(at) == ["R/001"]
    assert [m.value for m in at.metric] == ["1", "0", "0"]
    by_key(at.multiselect, "register.kinds").set_value([]).run()  # every kind
    assert refs(at) == ["R/001"]


def test_export_the_register_as_csv_with_a_progress_bar(empty_store):
    fill(empty_store, 3)
    at = new_app().run()
    by_key(at.button, "register.export").click().run()
    assert not at.exception, at.exception
    assert any("Exported 3 case(s)" in str(p.proto.text) for p in at.get("progress"))
    download = by_key(at.get("download_button"), "register.download")
    assert download.proto.label == "Download the register"
