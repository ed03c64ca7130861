"""Every page in the menu opens in a real browser for each demo case, without an exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import REPO_ROOT, AppPage
from ui.nav import PAGES

pytestmark = pytest.mark.e2e

DEMO_CASES = {
    data["id"]: data["request"]["our_ref"]
    for data in (json.loads(path.read_text()) for path in sorted(REPO_ROOT.glob("examples/*.json")))
}


@pytest.mark.parametrize("case_id", sorted(DEMO_CASES))
def test_every_page_opens_for_a_demo_case(app: AppPage, case_id: str) -> None:
    # Start on Cases in a fresh session (as after a refresh there): the menu links carry no
    # ?case=, yet every page after it must keep the case named in the URL.
    app.goto(f"?case={case_id}")
    pages = PAGES
    assert len(pages) >= 11, [page.title for page in pages]  # Cases, 8 steps, Settings, Guide
    for info in pages:
        app.nav(info.title)
        assert app.path == ("" if info.url_path == "cases" else info.url_path), app.page.url
        assert app.query_case == case_id, f"{info.title}: the case left the URL"
        app.assert_no_exception()
        expect(app.page.get_by_test_id("stMain")).not_to_contain_text("Traceback")
        if info.step_key is not None:
            # Case pages show the case (applicant-blind header) rather than "choose a case".
            heading = app.page.get_by_role("heading", name=DEMO_CASES[case_id])
            expect(heading.first).to_be_visible()
        if case_id == "example-doorbell-ncnd":
            app.shot(Path(info.file).stem)
    assert app.dialogs == []
