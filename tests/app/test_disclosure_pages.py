"""AppTest of the disclosure log in the app: the Letter page's "Disclosure log" section on an
issued request (the text to publish, the flagged details shown literally with a tick each, the
refusals next to the field, publishing and taking off) and the Disclosure log page (the entries,
the CSV and .zip downloads; nothing published yet explained)."""

from __future__ import annotations

import pytest

from foi_core.models import Case, CaseStatus, DisclosureEntry, Requester
from foi_core.people import Role
from foi_core.storage import Store
from tests.app.conftest import button, by_key, key, new_app, ok, open_case_page, stored, texts
from tests.app.test_sign_in import ADMIN, signed_in_app
from tests.case_factory import minimal_case
from ui.disclosure import PRINT, PUBLISH, TEXT_LABEL, WITHDRAW

REQUEST = "From Zara Quill: how many dogs did PC Hughes handle? <b>{{ x }}</b>"


def issued_case(store: Store) -> Case:
    case = minimal_case(status=CaseStatus.ISSUED, requester=Requester(name="Zara Quill"))
    case.request.text = REQUEST
    store.add(case, actor="test")
    return case


def letter_page(case: Case):
    return open_case_page("pages/letter.py", case.id)


def test_an_issued_request_is_published_once_its_details_are_dealt_with(
    empty_store: Store,
) -> None:
    case = issued_case(empty_store)
    at = letter_page(case)
    area = by_key(at.text_area, key("disclosure.request_text"))
    assert area.label == TEXT_LABEL and area.value == REQUEST
    shown = texts(at)
    assert "“Zara Quill”: the requester's name" in shown and "never published" in shown
    fine = [box for box in at.checkbox if "PC Hughes" in box.label]
    assert len(fine) == 1 and "a person's name with a title" in fine[0].label

    at = ok(button(at, PUBLISH).click().run())
    assert "Take out the requester's own details" in texts(at)
    assert stored(empty_store, case.id).disclosure is None

    redacted = "How many dogs did PC Hughes handle? <b>{{ x }}</b>"
    by_key(at.text_area, key("disclosure.request_text")).input(redacted)
    at = ok(button(at, PUBLISH).click().run())
    assert "tick each one as fine to publish" in texts(at)
    assert "Zara Quill" not in " ".join(box.label for box in at.checkbox)

    next(box for box in at.checkbox if "PC Hughes" in box.label).check()
    at = ok(button(at, PUBLISH).click().run())
    entry = stored(empty_store, case.id).disclosure
    assert entry is not None and entry.publish and entry.request_text == redacted
    assert entry.confirmed == ["PC Hughes"]
    assert empty_store.audit(case.id)[-1].action == "published"  # not counted as drafting
    assert "In the disclosure log since" in texts(at)

    at = ok(button(at, WITHDRAW).click().run())
    entry = stored(empty_store, case.id).disclosure
    assert entry is not None and not entry.publish


def test_a_draft_has_no_disclosure_section(empty_store: Store) -> None:
    case = minimal_case()
    empty_store.add(case, actor="test")
    at = letter_page(case)
    assert PUBLISH not in [b.label for b in at.button]


def log_page():
    return ok(ok(new_app().run()).switch_page("pages/disclosure_log.py").run())


def test_the_log_page_lists_the_published_entries_with_downloads(empty_store: Store) -> None:
    at = log_page()
    assert "Nothing is published yet" in texts(at)
    case = issued_case(empty_store)
    entry = DisclosureEntry(publish=True, request_text="How many <i>dogs</i>?")
    empty_store.save(case.model_copy(update={"disclosure": entry}), 1, actor="test")
    at = log_page()
    table = at.dataframe[0].value
    assert list(table["Reference"]) == [case.request.our_ref]
    assert list(table["Request"]) == ["How many <i>dogs</i>?"]
    assert "Zara" not in table.to_csv()
    labels = [element.label for element in at.get("download_button")]
    assert labels == ["Download the log (CSV)", "Download the web pages (.zip)"]


def test_names_the_letter_quotes_are_printed_only_when_ticked(empty_store: Store) -> None:
    case = minimal_case(status=CaseStatus.ISSUED)
    case.request.items[0].text = "How many dogs did Sgt Reyes train?"
    empty_store.add(case, actor="test")
    at = letter_page(case)
    (box,) = [box for box in at.checkbox if box.label.endswith(PRINT)]
    assert "Sgt Reyes" in box.label and "a person's name with a title" in box.label
    assert not box.value
    box.check()
    at = ok(button(at, PUBLISH).click().run())
    entry = stored(empty_store, case.id).disclosure
    assert entry is not None and entry.confirmed == ["Sgt Reyes"]


def test_a_trainee_never_reaches_the_log_and_an_officer_does(app_store: Store) -> None:
    app_store.grant("t@force.police.uk", Role.TRAINEE, by=ADMIN)
    at = ok(signed_in_app("t@force.police.uk", "T Trainee").run())
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/disclosure_log.py")
    app_store.grant("o@force.police.uk", Role.OFFICER, by=ADMIN)
    officer = ok(signed_in_app("o@force.police.uk", "O Officer").run())
    at = ok(officer.switch_page("pages/disclosure_log.py").run())
    assert "Nothing is published yet" in texts(at)


def test_a_reviewer_sees_why_they_cannot_publish(app_store: Store) -> None:
    case = issued_case(app_store)
    app_store.grant("r@force.police.uk", Role.REVIEWER, by=ADMIN)
    at = signed_in_app("r@force.police.uk", "R Reviewer")
    at.query_params["case"] = case.id
    at = ok(ok(at.run()).switch_page("pages/letter.py").run())
    assert PUBLISH not in [b.label for b in at.button]
    assert "needs the officer or approver role" in texts(at)
