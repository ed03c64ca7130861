"""AppTest of "Start from an earlier case" on the Cases page: search, start from a result."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import DOORBELL, by_key, new_app, ok, open_case_page, submit, texts


def test_search_by_words_lists_the_matching_case_with_its_details(app_store):
    at = new_app().run()
    by_key(at.text_input, "precedents.words").input("doorbell cameras").run()
    ok(at)
    shown = texts(at)
    assert "002261/25" in shown and "Neither confirm nor deny" in shown
    starts = [b.key for b in at.button if b.label == "Start from this case"]
    assert starts[0] == f"precedents.start.{DOORBELL}"


def test_search_by_exemption_in_any_spelling_and_by_theme(app_store):
    at = new_app().run()
    by_key(at.text_input, "precedents.exemption").input("section 40(5B)").run()
    starts = [b.key for b in at.button if b.label == "Start from this case"]
    assert starts == [f"precedents.start.{DOORBELL}"]
    by_key(at.text_input, "precedents.exemption").input("").run()
    by_key(at.selectbox, "precedents.theme").select("police_dogs").run()
    assert "001502/23" in texts(at)


def test_an_exemption_that_is_not_a_citation_is_explained_plainly(app_store):
    at = new_app().run()
    by_key(at.text_input, "precedents.exemption").input("cameras").run()
    ok(at)
    assert any("is not an exemption the search knows" in str(e.value) for e in at.error)


def test_start_from_a_result_copies_it_into_a_new_case(app_store):
    at = new_app().run()
    by_key(at.text_input, "precedents.words").input("doorbell").run()
    by_key(at.button, f"precedents.start.{DOORBELL}").click().run()
    assert "New case starting from **002261/25**" in [m.value for m in at.markdown]
    by_key(at.text_input, "f.copy.our_ref").input("PREC/26/1")
    submit(at, "Copy into a new case")
    copy = app_store.find_by_ref("PREC/26/1").case
    source = app_store.load(DOORBELL).case
    assert [c.citation for c in copy.claims] == [c.citation for c in source.claims]
    assert "Case PREC/26/1 started from 002261/25" in texts(at)
    assert by_key(at.text_area, "f.text").value  # the Request page, with the copied text


def test_a_reference_in_use_is_refused_next_to_the_field(app_store):
    at = new_app().run()
    by_key(at.button, f"precedents.start.{DOORBELL}").click().run()
    by_key(at.text_input, "f.copy.our_ref").input("002261/25")
    submit(at, "Copy into a new case")
    assert any("already exists" in str(e.value) for e in at.error)
    assert by_key(at.text_input, "f.copy.our_ref").value == "002261/25"


# --- The copy's staleness warnings ---------------------------------------------------------------


def _copy_of_doorbell(app_store) -> str:
    at = new_app().run()
    by_key(at.button, f"precedents.start.{DOORBELL}").click().run()
    by_key(at.text_input, "f.copy.our_ref").input("STALE/26/1")
    submit(at, "Copy into a new case")
    return app_store.find_by_ref("STALE/26/1").case.id


def test_the_check_page_warns_of_copied_dates_and_decision_makers(app_store):
    case_id = _copy_of_doorbell(app_store)
    at = open_case_page("pages/check.py", case_id)
    shown = texts(at)
    assert "may still describe that request" in shown
    assert "is still the earlier case's \\(5 August 2025\\)" in shown  # shown escaped


def _warnings_script(case_id: str, step: str) -> None:
    import streamlit as st

    from foi_core.storage import Store
    from ui.stale import stale_warnings
    from ui.state import get_store

    store: Store = get_store()
    st.query_params["case"] = case_id
    stale_warnings(store.load(case_id).case, step)


def test_a_steps_warnings_and_it_still_applies_dismisses_one(app_store):
    case_id = _copy_of_doorbell(app_store)
    at = ok(AppTest.from_function(_warnings_script, args=(case_id, "balance")).run(timeout=30))
    before = [w.value for w in at.warning]
    assert any("Information Manager" in w for w in before)
    by_key(at.button, at.button[0].key).click().run(timeout=30)
    ok(at)
    case = app_store.load(case_id).case
    assert any(key.startswith("stale:") for key in case.dismissed_suggestions)
    assert len([w.value for w in at.warning]) == len(before) - 1
    empty = ok(AppTest.from_function(_warnings_script, args=(case_id, "items")).run(timeout=30))
    assert not empty.warning and not empty.button  # nothing copied is stale on that step


def test_a_copys_balance_page_shows_its_stale_points_until_each_is_confirmed(app_store):
    case_id = _copy_of_doorbell(app_store)
    at = open_case_page("pages/balance.py", case_id)
    warned = [w.value for w in at.warning if "earlier case" in w.value]
    assert any("Information Manager" in w for w in warned)
    stills = [b for b in at.button if b.label == "It still applies"]
    assert len(stills) == len(warned)
    stills[0].click().run()
    ok(at)
    assert len([w for w in at.warning if "earlier case" in w.value]) == len(warned) - 1
    harm = open_case_page("pages/harm.py", case_id)
    assert not [b for b in harm.button if b.label == "It still applies"]  # none on that step
