"""A day in the FOI unit, with sign-in through a real OpenID provider on loopback.

Nobody sees anything before signing in; each person signs in through the provider's page and
the app names them; signing out ends the session.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import TEAM, AppServer, sign_in
from tests.e2e.helpers import RUN_TIMEOUT_MS, VIEWPORT, AppPage

pytestmark = pytest.mark.e2e

DEMO_REFERENCES = ("002335/20", "001187/24", "002261/25", "001502/23", "000871/26")


def test_nobody_sees_anything_before_signing_in(team_server: AppServer, browser: Browser) -> None:
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        visitor = AppPage(page=context.new_page(), base_url=team_server.url, name="visitor")
        for path in ("", "cases", "settings", "people", "letter", "guide"):
            visitor.goto(path)
            expect(visitor.page.get_by_role("button", name="Sign in")).to_be_visible()
            shown = visitor.page.get_by_test_id("stApp").inner_text()
            assert not any(ref in shown for ref in DEMO_REFERENCES), path
            assert "Settings" not in shown and "Signed in as" not in shown, path
            visitor.assert_no_exception()
        visitor.shot("sign-in-page")
    finally:
        context.close()


def test_each_person_signs_in_and_out(team_server: AppServer, browser: Browser) -> None:
    ann = sign_in(browser, team_server, "ann", "sign-in")
    try:
        sidebar = ann.page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_text(f"Signed in as {TEAM['ann'].name}")).to_be_visible()
        expect(sidebar.get_by_text("Officer (drafts responses)")).to_be_visible()
        # An officer is no admin: neither Settings nor People is in the menu.
        nav = ann.page.get_by_test_id("stSidebarNav")
        expect(nav.get_by_role("link", name="Cases", exact=True)).to_be_visible()
        expect(nav.get_by_role("link", name="Settings", exact=True)).to_have_count(0)
        expect(nav.get_by_role("link", name="People", exact=True)).to_have_count(0)
        ann.shot("signed-in")
        ann.page.get_by_role("button", name="Sign out").click()
        # The provider's end-of-session page, then back to the app's sign-in page.
        end = ann.page.get_by_role("button", name="End session")
        end.or_(ann.page.get_by_role("button", name="Sign in")).first.wait_for()
        if end.is_visible():
            end.click()
        expect(ann.page.get_by_role("button", name="Sign in")).to_be_visible()
        assert "Signed in as" not in ann.page.get_by_test_id("stApp").inner_text()
    finally:
        ann.page.context.close()
