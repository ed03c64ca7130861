"""AppTest tests for the Cases, Request, Items, Exemptions, Settings and Guide pages and the
shared framework (case in the URL, saving, stepper, applicant-blind header)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from foi_core.models import Case, ClaimMode, ExemptionClaim, Outcome, Requester
from foi_core.workflow import new_case, set_items
from tests.app.conftest import DOORBELL, by_key, new_app, texts


def button(at, label: str):
    """The (form submit) button with this label."""
    for element in at.button:
        if element.label == label:
            return element
    raise LookupError(f"no button {label!r}; buttons are {[b.label for b in at.button]}")


def submit(at, label: str):
    """Click the button with this label, rerun, and check the page did not fail."""
    button(at, label).click().run()
    assert not at.exception, at.exception
    return at


def add_blank_case(store, ref: str = "TEST/1", **items_and_more) -> Case:
    case = new_case(ref, dt.date(2026, 3, 2), "Camera questions")
    case.requester = Requester(name="Zebedee Requester", contact="zeb@example.org")
    store.add(case, actor="test")
    return case


def open_blank_request(store, open_page):
    """A new blank case (see ``add_blank_case``) and the Request page opened on it."""
    case = add_blank_case(store)
    return case, open_page("pages/request.py", case_id=case.id)


def add_case_with_items(store, outcomes: list[Outcome | None]) -> Case:
    case = add_blank_case(store)
    case = set_items(case, [f"Question {n} about surveillance drones?" for n in range(1, 4)])
    for item, outcome in zip(case.request.items, outcomes, strict=False):
        item.outcome = outcome
    store.save(case, expected_version=1, actor="test")
    return case


# --- Framework -----------------------------------------------------------------------------------


def test_case_page_without_a_case_points_to_cases(app_store, open_page):
    at = open_page("pages/items.py")
    assert not at.exception
    assert "Choose a case on the Cases page first." in texts(at)
    assert len(at.get("page_link")) == 1  # the link back to Cases


def test_unknown_case_id_says_so(app_store, open_page):
    at = open_page("pages/request.py", case_id="no-such-**case**")
    assert not at.exception
    assert "There is no case with the id 'no\\-such\\-\\*\\*case\\*\\*'" in texts(at)


def test_stepper_and_guidance_on_a_case_page(app_store, open_page):
    at = open_page("pages/exemptions.py", case_id=DOORBELL)
    assert not at.exception
    links = [link.label for link in at.get("page_link")]
    for title in ("Request", "Items", "Exemptions"):
        assert any(title in label for label in links), links
    shown = texts(at)
    assert "done" in shown  # a status caption
    assert at.subheader[0].value.startswith("002261/21\\:")  # our ref, then an escaped colon


def test_reasoning_pages_do_not_show_the_requester(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.NCND] * 3)
    for page in ("pages/items.py", "pages/exemptions.py"):
        at = open_page(page, case_id=case.id)
        assert not at.exception
        assert "Zebedee" not in texts(at), page
    request_page = open_page("pages/request.py", case_id=case.id)
    assert by_key(request_page.text_input, "f.requester.name").value == "Zebedee Requester"


def test_user_text_is_escaped_before_markdown(app_store, open_page):
    case = new_case("MD/1", dt.date(2026, 3, 2), "**bold** <script>alert(1)</script> :red[x]")
    app_store.add(case, actor="test")
    at = open_page("pages/request.py", case_id=case.id)
    assert not at.exception
    header = at.subheader[0].value
    assert "\\*\\*bold\\*\\*" in header and "\\<script\\>" in header
    assert "\\:\u2060red\\[x\\]" in header  # a word joiner after ':' stops Streamlit's shortcodes


# --- Cases ---------------------------------------------------------------------------------------


def test_cases_lists_demo_cases_with_days_left(app_store):
    at = new_app().run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "002261/21" in set(table["Reference"])
    assert "Working days left" in table.columns


def test_open_case_goes_to_its_next_step(app_store):
    case = add_case_with_items(app_store, [None, None, None])
    at = new_app().run()
    by_key(at.selectbox, "cases.open_choice").select(case.id)
    by_key(at.button, "cases.open").click().run()
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
    assert [e.value for e in at.error] == ["This cannot be empty."]
    assert by_key(at.text_input, "f.new.title").value == "Typed title"
    assert app_store.count() == count


def test_new_case_with_a_reference_in_use_is_refused(app_store):
    at = new_app().run()
    by_key(at.text_input, "f.new.our_ref").input("002261/21")
    submit(at, "Start the case")
    assert any("already exists" in str(e.value) for e in at.error)


def test_duplicate_an_earlier_case(app_store):
    at = new_app().run()
    by_key(at.selectbox, "f.copy.source").select(DOORBELL)
    by_key(at.text_input, "f.copy.our_ref").input("COPY/26/1")
    submit(at, "Copy into a new case")
    copy = app_store.find_by_ref("COPY/26/1").case
    source = app_store.load(DOORBELL).case
    assert copy.id != source.id
    assert [c.citation for c in copy.claims] == [c.citation for c in source.claims]
    assert copy.requester == Requester() and copy.issued_letters == []


# --- Request -------------------------------------------------------------------------------------


def test_request_split_into_items_and_due_date_shown(app_store, open_page):
    case, at = open_blank_request(app_store, open_page)
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
    case, at = open_blank_request(app_store, open_page)
    by_key(at.date_input, "f.received").set_value(dt.date(2025, 12, 15))
    submit(at, "Save")
    assert app_store.load(case.id).case.request.received == dt.date(2025, 12, 15)
    shown = texts(at)
    assert "Christmas Day" in shown and "Boxing Day" in shown


def test_request_blank_reference_shows_message_and_keeps_typing(app_store, open_page):
    case, at = open_blank_request(app_store, open_page)
    by_key(at.text_input, "f.our_ref").input("")
    by_key(at.text_area, "f.text").input("My carefully pasted request")
    submit(at, "Save")
    assert any("cannot be" in str(e.value) for e in at.error)
    assert by_key(at.text_area, "f.text").value == "My carefully pasted request"
    assert app_store.load(case.id).case.request.text == ""  # nothing partial was saved


def test_request_clarification_answer_before_question_is_refused(app_store, open_page):
    case, at = open_blank_request(app_store, open_page)
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
    case, at = open_blank_request(app_store, open_page)
    by_key(at.text_input, "f.their_ref").input("THEIR-77")
    by_key(at.text_area, "f.text").input("1. First?\n2. Second?")
    submit(at, "Save and split the text into items")
    # A refresh is a new session: only the URL survives.
    fresh = open_page("pages/request.py", case_id=case.id)
    assert not fresh.exception
    assert by_key(fresh.text_input, "f.their_ref").value == "THEIR-77"
    assert by_key(fresh.text_area, "f.item.1").value == "First?"


def test_a_stale_save_is_merged_and_keeps_the_colleagues_change(app_store, open_page):
    case, at = open_blank_request(app_store, open_page)
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


# --- Items --------------------------------------------------------------------------------------


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


# --- Exemptions ----------------------------------------------------------------------------------


def test_exemption_suggestions_say_why_and_can_be_dismissed(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.NCND] * 3)
    at = open_page("pages/exemptions.py", case_id=case.id)
    assert not at.exception
    assert "mentions surveillance" in texts(at)
    by_key(at.button, "suggest.dismiss.s31(1)(a)").click().run()
    assert not at.exception
    assert app_store.load(case.id).case.dismissed_suggestions == ["s31(1)(a)"]
    assert "suggest.dismiss.s31(1)(a)" not in [b.key for b in at.button]


def test_add_an_ncnd_provision_from_a_search(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.NCND] * 3)
    at = open_page("pages/exemptions.py", case_id=case.id)
    by_key(at.text_input, "exemptions.search").input("31").run()
    provision = by_key(at.selectbox, "f.add.citation")
    assert provision.options[0].startswith("s31(1)(a)")
    provision.select("s31(1)(a)")
    assert by_key(at.radio, "f.add.mode").value is ClaimMode.NCND  # every item is NCND
    submit(at, "Add this provision")
    claims = app_store.load(case.id).case.claims
    assert [(c.citation, c.items, c.mode) for c in claims] == [
        ("s31(1)(a)", [1, 2, 3], ClaimMode.NCND)
    ]
    shown = texts(at)
    assert "Qualified" in shown and "s31(3)" in shown


def test_ncnd_under_a_provision_without_one_is_refused(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.VEXATIOUS] * 3)
    at = open_page("pages/exemptions.py", case_id=case.id)
    by_key(at.text_input, "exemptions.search").input("s14(1)").run()
    by_key(at.radio, "f.add.mode").set_value(ClaimMode.NCND)
    submit(at, "Add this provision")
    assert any("no provision to neither confirm nor deny" in str(e.value) for e in at.error)
    assert app_store.load(case.id).case.claims == []


def test_edit_and_remove_a_claim(app_store, open_page):
    at = open_page("pages/exemptions.py", case_id=DOORBELL)
    claim = app_store.load(DOORBELL).case.claims[0]
    items = by_key(at.multiselect, f"f.{claim.id}.items")
    items.set_value([])
    next(b for b in at.button if b.label == "Save").click().run()
    assert any("at least one item" in str(e.value) for e in at.error)
    assert app_store.load(DOORBELL).case.claims[0].items == claim.items
    next(b for b in at.button if b.label == "Remove this provision").click().run()
    assert not at.exception
    assert claim.id not in [c.id for c in app_store.load(DOORBELL).case.claims]


# --- Settings and Guide ---------------------------------------------------------------------------


def test_settings_saves_the_profile(app_store, open_page):
    at = open_page("pages/settings.py")
    assert not at.exception
    by_key(at.text_input, "f.profile.name").input("Northshire Police")
    by_key(at.text_input, "f.profile.signatory_name").input("Pat Officer")
    submit(at, "Save the profile")
    profile = app_store.load_profile()
    assert profile.name == "Northshire Police" and profile.signatory_name == "Pat Officer"


def test_settings_blank_name_is_refused_and_kept(app_store, open_page):
    at = open_page("pages/settings.py")
    by_key(at.text_input, "f.profile.name").input(" ")
    by_key(at.text_input, "f.profile.unit").input("Disclosure Unit")
    submit(at, "Save the profile")
    assert any("organisation's name" in str(e.value) for e in at.error)
    assert by_key(at.text_input, "f.profile.unit").value == "Disclosure Unit"
    assert app_store.load_profile().unit != "Disclosure Unit"


def test_guide_shows_process_and_glossary(app_store, open_page):
    at = open_page("pages/guide.py")
    assert not at.exception
    shown = texts(at)
    assert "Cost limit (s12)" in shown and "**NCND**" in shown
    by_key(at.text_input, "guide.term").input("prejudice").run()
    shown = texts(at)
    assert "**NCND**" not in shown and "No glossary entry matches" not in shown


# --- Import and templates -------------------------------------------------------------------------


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


def _template_with(text: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_template_upload_is_checked_in_plain_words(app_store, open_page, tmp_path, monkeypatch):
    from foi_core.settings import get_settings

    monkeypatch.setenv("FOI_TEMPLATES_DIR", str(tmp_path / "templates"))
    get_settings.cache_clear()
    at = open_page("pages/settings.py")
    at.file_uploader(key="settings.template").set_value(
        ("ours.docx", _template_with("Dear {{ requester_shoe_size }}"), "application/octet-stream")
    )
    at.run()
    by_key(at.button, "settings.keep").click().run()
    assert not at.exception
    assert any("requester\\_shoe\\_size" in str(e.value) for e in at.error)
    assert not (tmp_path / "templates" / "uploaded" / "ours.docx").exists()

    at.file_uploader(key="settings.template").set_value(
        ("notes.docx", b"this is not a Word file", "application/octet-stream")
    )
    at.run()
    by_key(at.button, "settings.keep").click().run()
    assert not at.exception
    assert any("not a Word document" in str(e.value) for e in at.error)

    built_in = Path(__file__).resolve().parents[2] / "templates" / "response_letter.docx"
    at.file_uploader(key="settings.template").set_value(
        ("Our letter.docx", built_in.read_bytes(), "application/octet-stream")
    )
    at.run()
    by_key(at.button, "settings.keep").click().run()
    assert not at.exception
    assert (tmp_path / "templates" / "uploaded" / "Our-letter.docx").exists()
    assert "Template Our-letter.docx kept." in texts(at).replace("\\", "")


def test_claim_keeps_items_with_other_outcomes(app_store, open_page):
    case = add_case_with_items(
        app_store, [Outcome.EXEMPT, Outcome.ACCESSIBLE_ELSEWHERE, Outcome.EXEMPT]
    )
    stored = app_store.load(case.id)
    stored.case.claims = [ExemptionClaim(citation="s21", items=[2])]
    app_store.save(stored.case, expected_version=stored.version, actor="test")
    claim_id = stored.case.claims[0].id
    at = open_page("pages/exemptions.py", case_id=case.id)
    assert by_key(at.multiselect, f"f.{claim_id}.items").value == [2]
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception
    assert app_store.load(case.id).case.claims[0].items == [2]


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
