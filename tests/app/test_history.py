"""The History page: every revision, the differences between two, restoring one (AppTest)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from foi_core.storage import StaleCase, Store
from tests.app.conftest import DOORBELL, button, by_key, ok, texts
from ui.text import md_escape

HISTORY = "pages/history.py"


def table(at: AppTest, columns: list[str]) -> list[dict]:
    """The rows of the first table on the page with exactly these columns (the comparison comes
    before what a restore would change)."""
    frames = [f.value for f in at.dataframe if list(f.value.columns) == columns]
    return frames[0].to_dict("records")


@pytest.fixture
def history(app_store: Store) -> Store:
    """The doorbell case with revisions by two officers and one refused edit."""
    first = app_store.load(DOORBELL)
    edited = first.case.model_copy(deep=True)
    edited.request.their_ref = "B-REF"
    edited.requester.name = "**Zebedee** <Requester>"
    app_store.save(edited, first.version, actor="b.officer", summary="Requester details")
    stale = first.case.model_copy(deep=True)
    stale.title = "A refused title"
    with pytest.raises(StaleCase):
        app_store.save(stale, first.version, actor="a.officer", summary="Title")
    return app_store


def test_every_revision_is_listed_with_who_when_and_what(history: Store, open_page) -> None:
    at = ok(open_page(HISTORY, case_id=DOORBELL))
    rows = table(at, ["Revision", "Kind", "Version", "By", "When", "Summary"])
    assert [(r["Revision"], r["Kind"], r["Version"], r["By"]) for r in rows] == [
        (3, "refused edit (kept for reference)", 1, "a.officer"),
        (2, "saved", 2, "b.officer"),
        (1, "saved", 1, "demo"),
    ]
    assert rows[1]["Summary"] == "Requester details"
    assert all(" UTC" in r["When"] for r in rows)


def test_two_revisions_are_compared_with_plain_labels_and_values_as_they_are(
    history: Store, open_page
) -> None:
    at = ok(open_page(HISTORY, case_id=DOORBELL))
    by_key(at.selectbox, "history.from").set_value(1)
    by_key(at.selectbox, "history.to").set_value(2)
    ok(at.run())
    rows = table(at, ["Field", "Before", "After"])
    assert {"Field": "Request – requester's reference", "Before": "(empty)", "After": "B-REF"} in (
        rows
    )
    assert {"Field": "Requester – name", "Before": "", "After": "**Zebedee** <Requester>"} in [
        {**r, "Before": ""} for r in rows
    ]
    by_key(at.selectbox, "history.to").set_value(1)
    ok(at.run())
    assert "No differences" in texts(at)


def test_the_defaults_compare_and_offer_the_revision_before_the_current_one(
    history: Store, open_page
) -> None:
    at = ok(open_page(HISTORY, case_id=DOORBELL))
    values = {key: by_key(at.selectbox, key).value for key in ("history.from", "history.to")}
    assert values == {"history.from": 1, "history.to": 2}  # not the refused edit (3)
    assert by_key(at.selectbox, "history.restore").value == 1


def test_restoring_asks_first_and_saves_a_new_revision(history: Store, open_page) -> None:
    at = ok(open_page(HISTORY, case_id=DOORBELL))
    by_key(at.selectbox, "history.restore").set_value(1)
    ok(at.run())
    ok(button(at, "Restore this revision (1)").click().run())
    ok(button(at, "Cancel").click().run())
    assert history.load(DOORBELL).version == 2  # nothing restored

    ok(button(at, "Restore this revision (1)").click().run())
    assert "Restore revision 1?" in texts(at)
    ok(button(at, "Yes, restore revision 1").click().run())
    stored = history.load(DOORBELL)
    assert stored.version == 3
    assert stored.case == history.revision(DOORBELL, 1).case
    log = history.revision_log(DOORBELL)
    assert (log[-1].number, log[-1].summary, log[-1].kind) == (4, "Restored revision 1", "saved")
    assert history.audit(DOORBELL)[-1].summary == "Restored revision 1"
    assert md_escape("Restored revision 1: the case is now at version 3.") in texts(at)
    assert len(table(at, ["Revision", "Kind", "Version", "By", "When", "Summary"])) == 4


def test_the_current_revision_cannot_be_restored(history: Store, open_page) -> None:
    at = ok(open_page(HISTORY, case_id=DOORBELL))
    by_key(at.selectbox, "history.restore").set_value(2)
    ok(at.run())
    assert md_escape("is the case as it is now: there is nothing to restore") in texts(at)
    assert not [b for b in at.button if str(b.label).startswith("Restore this revision")]


def test_a_restore_raced_by_another_save_is_refused(history: Store, open_page) -> None:
    at = ok(open_page(HISTORY, case_id=DOORBELL))
    by_key(at.selectbox, "history.restore").set_value(1)
    ok(at.run())
    ok(button(at, "Restore this revision (1)").click().run())
    current = history.load(DOORBELL)
    changed = current.case.model_copy(deep=True)
    changed.title = "Saved meanwhile"
    history.save(changed, current.version, actor="b.officer")
    ok(button(at, "Yes, restore revision 1").click().run())
    assert history.load(DOORBELL).case.title == "Saved meanwhile"
    assert any("nothing was restored" in str(e.value) for e in at.error)


def test_case_pages_link_to_the_history(app_store: Store, open_page) -> None:
    at = ok(open_page("pages/request.py", case_id=DOORBELL))
    links = [link for link in at.get("page_link") if "history" in link.proto.page]
    assert [link.proto.label for link in links] == ["Case history"]
