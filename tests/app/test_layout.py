"""The frame every case page shares (ui.layout): the case from the URL, the stepper and guidance,
the applicant-blind header, and user text escaped before Markdown."""

from __future__ import annotations

import datetime as dt

from foi_core.models import Outcome
from foi_core.workflow import new_case
from tests.app.conftest import DOORBELL, add_case_with_items, by_key, texts


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
    assert at.subheader[0].value.startswith("002261/25\\:")  # our ref, then an escaped colon


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
