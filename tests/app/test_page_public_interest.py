"""AppTest of the Public interest page (and the factor library it offers)."""

from __future__ import annotations

from foi_core.actions.factors import library_choices
from foi_core.knowledge import load_catalogue
from foi_core.models import (
    Case,
    ClaimMode,
    ExemptionClaim,
    Factor,
    PublicInterestTest,
    Side,
    Weight,
)
from tests.app.conftest import (
    button,
    by_key,
    key,
    new_app,
    ok,
    open_case_page,
    reasoning_case,
    stored,
    texts,
)


def entry_field(elements, editor: str, claim_id: str, name: str):
    """A widget of the public interest page's entry forms, whatever round of adding it is on
    (its key is ``f.<editor>.<claim>.<round>.<name>``): editor "new" (fields "side", "text",
    "weight", "rationale", "add") or "library" (fields "for", "against")."""
    start, end = key(f"{editor}.{claim_id}."), "." + name
    for element in elements:
        if (element.key or "").startswith(start) and element.key.endswith(end):
            return element
    raise LookupError(f"no {editor} {name!r} for {claim_id}; keys: {[e.key for e in elements]}")


def new_factor_field(elements, claim_id: str, name: str):
    """A widget of the "Write a new factor" form for a claim."""
    return entry_field(elements, "new", claim_id, name)


def test_library_choices_match_the_mode_and_leave_out_used_factors():
    withhold = ExemptionClaim(citation="s31(1)(a)", items=[1])
    ncnd = ExemptionClaim(citation="s31(1)(a)", items=[1], mode=ClaimMode.NCND)
    offered_withhold = library_choices(withhold, Side.AGAINST)
    offered_ncnd = library_choices(ncnd, Side.AGAINST)
    assert offered_withhold and not any(f.ncnd for f in offered_withhold)
    assert offered_ncnd[0].ncnd  # confirm-or-deny wording first for NCND
    general = {f.id for f in load_catalogue().general_factors_for}
    assert general <= {f.id for f in library_choices(withhold, Side.FOR)}
    used = offered_withhold[0]
    withhold.pit = PublicInterestTest(
        factors=[Factor(side=Side.AGAINST, text=used.text, library_id=used.id)]
    )
    assert used.id not in {f.id for f in library_choices(withhold, Side.AGAINST)}


def test_absolute_claim_explains_no_public_interest_test(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    assert "s40(2)" in texts(at) and "absolute exemption" in texts(at)
    assert "Zebedee" not in texts(at)
    # Only the two qualified claims have a public interest test to choose from.
    chooser = by_key(at.radio, "pi.claim")
    assert [option.split(" ")[0] for option in chooser.options] == ["s31(1)(a)", "s30(1)(a)"]
    assert not any("c40" in (e.key or "") for e in at.text_area)


def test_irrelevant_factor_is_flagged_as_typed(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    assert not any("irrelevant" in w.value for w in at.warning)
    new_factor_field(at.text_area, "c31", "text").input(
        "Disclosure would embarrass senior officers."
    ).run()
    # As a factor for disclosure it is no reason to withhold, so the check (and the page) let it be.
    assert not any("irrelevant" in w.value for w in at.warning)
    new_factor_field(at.radio, "c31", "side").set_value(Side.AGAINST).run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("irrelevant factor: Embarrassment" in w for w in warnings), warnings
    # Nothing is saved until the officer adds it.
    assert len(stored(app_store, case.id).claim("c31").pit.factors) == 2


def test_irrelevant_factor_is_flagged_on_save_of_an_edited_factor(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    by_key(at.selectbox, "pi.edit.c31").set_value("c31-against").run()
    by_key(at.text_area, key("pit.c31.c31-against.text")).input(
        "Release would attract negative press coverage."
    )
    button(at, "Save this factor").click().run()
    assert not at.exception
    saved = stored(app_store, case.id).claim("c31").pit
    assert saved.factors_against[0].text == "Release would attract negative press coverage."
    assert any("Negative press" in w.value for w in at.warning)


def test_adding_a_written_factor_saves_it(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    by_key(at.radio, "pi.claim").set_value("c30").run()
    assert "Openness on investigations." in texts(at).replace("\\", "")
    new_factor_field(at.radio, "c30", "side").set_value(Side.AGAINST)
    new_factor_field(at.text_area, "c30", "text").input("Witnesses would stop coming forward.")
    new_factor_field(at.radio, "c30", "weight").set_value(Weight.HIGH)
    new_factor_field(at.text_area, "c30", "rationale").input("Informants are vital.")
    new_factor_field(at.button, "c30", "add").click().run()
    assert not at.exception
    added = stored(app_store, case.id).claim("c30").pit.factors[-1]
    assert (added.side, added.text, added.weight, added.rationale) == (
        Side.AGAINST,
        "Witnesses would stop coming forward.",
        Weight.HIGH,
        "Informants are vital.",
    )
    # The new-factor boxes are empty again after saving.
    assert new_factor_field(at.text_area, "c30", "text").value == ""
    assert new_factor_field(at.text_area, "c30", "rationale").value == ""


def test_new_factor_boxes_are_fresh_after_an_add_even_in_a_browser(app_store):
    """A browser keeps showing, and sends back, what was typed in a widget for as long as the
    widget's id stays the same, even if the page deleted its key from session_state. Emulate
    that: after the add, any widget with the same id as before gets its typed value back. The
    next factor, typed without a rationale, must not pick up the previous factor's rationale or
    weight."""
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    text = new_factor_field(at.text_area, "c31", "text").input("It would embarrass the force.")
    weight = new_factor_field(at.radio, "c31", "weight").set_value(Weight.HIGH)
    rationale = new_factor_field(at.text_area, "c31", "rationale").input("Typed for the first.")
    typed = {text.id: text.value, weight.id: weight.value, rationale.id: rationale.value}
    new_factor_field(at.button, "c31", "add").click().run()
    assert not at.exception
    assert len(stored(app_store, case.id).claim("c31").pit.factors) == 3
    for element in [*at.text_area, *at.radio]:
        if element.id in typed:  # what the browser would still hold for this widget
            element.set_value(typed[element.id])
    at.run()
    # Fresh, empty boxes: typing the same text again is a change, so leaving the box reruns the
    # page and the irrelevance check runs.
    assert new_factor_field(at.text_area, "c31", "text").value == ""
    assert new_factor_field(at.text_area, "c31", "rationale").value == ""
    assert new_factor_field(at.radio, "c31", "weight").value is Weight.MODERATE
    new_factor_field(at.text_area, "c31", "text").input("Officers would be identified.")
    new_factor_field(at.button, "c31", "add").click().run()
    assert not at.exception
    second = stored(app_store, case.id).claim("c31").pit.factors[-1]
    assert (second.text, second.rationale, second.weight) == (
        "Officers would be identified.",
        "",
        Weight.MODERATE,
    )


def test_adding_an_empty_factor_shows_an_error(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    new_factor_field(at.text_area, "c31", "text").input("   ")
    new_factor_field(at.radio, "c31", "weight").set_value(Weight.LOW)
    rationale = new_factor_field(at.text_area, "c31", "rationale").input("Kept as typed.")
    new_factor_field(at.button, "c31", "add").click().run()
    assert not at.exception
    assert any("Write the factor before adding it" in e.value for e in at.error)
    assert len(stored(app_store, case.id).claim("c31").pit.factors) == 2
    # What was typed stays, in the same widgets.
    kept = new_factor_field(at.text_area, "c31", "rationale")
    assert (kept.id, kept.value) == (rationale.id, "Kept as typed.")
    assert new_factor_field(at.radio, "c31", "weight").value is Weight.LOW


def test_emptying_a_factor_shows_an_error_and_keeps_the_typing(app_store):
    case = reasoning_case(app_store)
    before = app_store.load(case.id).version
    at = open_case_page("pages/public_interest.py", case.id)
    by_key(at.text_area, key("pit.c31.c31-for.text")).input("  ")
    by_key(at.text_area, key("pit.c31.c31-for.rationale")).input("Typed rationale")
    button(at, "Save this factor").click().run()
    assert not at.exception
    assert any("cannot be empty" in e.value for e in at.error)
    assert by_key(at.text_area, key("pit.c31.c31-for.rationale")).value == "Typed rationale"
    assert app_store.load(case.id).version == before  # nothing saved


def test_picking_library_factors_and_removing_a_factor(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    offered = library_choices(stored(app_store, case.id).claim("c31"), Side.AGAINST)
    picker = entry_field(at.multiselect, "library", "c31", "against").set_value([offered[0].id])
    button(at, "Add the chosen factors").click().run()
    assert not at.exception
    pit = stored(app_store, case.id).claim("c31").pit
    assert pit.factors[-1].library_id == offered[0].id
    assert pit.factors[-1].text == offered[0].text
    # A fresh, empty list (not the one the browser holds the old choice in), without the factor.
    fresh = entry_field(at.multiselect, "library", "c31", "against")
    assert fresh.id != picker.id and fresh.value == []
    assert offered[0].text not in fresh.options

    assert by_key(at.selectbox, "pi.edit.c31").value == "c31-for"
    button(at, "Remove this factor").click().run()
    assert not at.exception
    remaining = [f.id for f in stored(app_store, case.id).claim("c31").pit.factors]
    assert "c31-for" not in remaining and "c31-against" in remaining


def test_user_text_is_shown_literally(app_store):
    case = reasoning_case(app_store)
    data = case.model_dump()
    data["claims"][0]["pit"]["factors"][0]["text"] = "<script>alert(1)</script> {{ 7*7 }} **b**"
    app_store.save(Case.model_validate(data), expected_version=1, actor="test")
    at = open_case_page("pages/balance.py", case.id)
    assert not at.exception
    # The weights table holds the text as data; no markdown element carries it unescaped.
    assert not any("<script>" in m.value for m in at.markdown)
    literal = "<script>alert(1)</script> {{ 7*7 }} **b**"
    assert any(literal in frame.value["Factor"].tolist() for frame in at.dataframe)
    at.switch_page("pages/public_interest.py").run()
    assert not at.exception
    assert by_key(at.text_area, key("pit.c31.c31-for.text")).value == literal
    assert not any("<script>" in m.value for m in at.markdown)


def test_factor_fields_say_where_they_go_and_the_letter_is_previewed(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    notes = [str(c.value) for c in at.caption]
    assert any("In the letter" in n for n in notes)  # the factor
    assert any("Internal: reasoning record only" in n for n in notes)  # its rationale
    preview = [e for e in at.expander if "In the letter for this provision" in e.label]
    assert len(preview) == 1
    shown = "\n".join(str(m.value) for m in preview[0].markdown)
    assert "Openness on patrols." in shown and "Section 31\\(1\\)\\(a\\)" in shown


def test_add_factors_stays_open_and_the_weights_are_explained(app_store):
    case = reasoning_case(app_store)
    assert stored(app_store, case.id).claim("c31").pit.factors  # the claim has factors
    at = open_case_page("pages/public_interest.py", case.id)
    (adder,) = [e for e in at.expander if e.label == "Add factors"]
    assert adder.proto.expanded
    help_text = new_factor_field(at.radio, "c31", "weight").help
    for words in ("**Low**", "**Moderate**", "**High**", "For example"):
        assert words in help_text
    # The same explanation where a recorded factor is re-weighed.
    assert any(r.label == "Weight" and r.help == help_text for r in at.radio if r.key != "pi.claim")


def test_the_claim_worked_on_is_in_the_url_and_a_reload_returns_to_it(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    by_key(at.radio, "pi.claim").set_value("c30").run()
    assert at.query_params["claim"] in ("c30", ["c30"])
    # A reload: a new session with the same address.
    again = new_app(case.id)
    again.query_params["claim"] = "c30"
    again = ok(again.run())
    again = ok(again.switch_page("pages/public_interest.py").run())
    assert by_key(again.radio, "pi.claim").value == "c30"
    headings = [h.value for h in again.markdown if h.value.startswith("#### ")]
    assert headings and "s30(1)(a)" in headings[0]


def test_a_standard_paragraph_becomes_a_new_factor_on_the_side_chosen(app_store):
    """The paragraph library offers paragraphs for the side chosen; one inserted lands in the
    new factor's text box with its [[...]] places to tailor."""
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    new_factor_field(at.radio, "c31", "side").set_value(Side.AGAINST).run()
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Standard paragraphs (factor against") for label in labels), labels
    inserts = [b for b in at.button if b.label == "Insert this paragraph"]
    assert inserts
    inserts[0].click().run()
    assert not at.exception
    assert "[[" in new_factor_field(at.text_area, "c31", "text").value
