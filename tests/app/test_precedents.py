"""AppTest of "Start from an earlier case" on the Cases page: search, start from a result."""

from __future__ import annotations

from tests.app.conftest import DOORBELL, by_key, new_app, ok, submit, texts


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
