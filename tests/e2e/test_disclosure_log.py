"""The disclosure log in a real browser: an officer marks the issued doorbell-camera response for
publication on its Letter page (ticking the flagged names as fine), finds it on the Disclosure
log page, and downloads the log as CSV and as web pages: the requester is named nowhere."""

from __future__ import annotations

import io
import zipfile

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import AppPage

pytestmark = pytest.mark.e2e

CASE_ID = "example-doorbell-ncnd"  # the demo case, issued
REF = "002261/25"
REQUESTER = ("A. Requester", "a.requester@example.org")


def test_an_issued_response_is_published_without_its_requester(app: AppPage) -> None:
    app.goto(f"letter?case={CASE_ID}")
    box = app.page.get_by_role("textbox", name="The request as it will be published", exact=True)
    expect(box).to_be_visible()
    fine = app.page.get_by_test_id("stCheckbox").filter(has_text="Fine to publish")
    for index in range(fine.count()):
        fine.nth(index).locator("label").first.click()
        app.wait_for_run()
    app.click("Publish in the disclosure log")
    expect(app.page.get_by_text("Marked for the disclosure log.")).to_be_visible()
    app.shot("letter-published")

    app.nav("Disclosure log")
    table = app.page.get_by_test_id("stDataFrame")
    expect(table).to_be_visible()
    app.shot("disclosure-log")
    assert REF in app.main_text() or table.count() == 1

    csv_button = app.page.get_by_test_id("stDownloadButton").filter(has_text="CSV")
    with app.page.expect_download() as csv_download:
        csv_button.click()
    text = csv_download.value.path().read_text(encoding="utf-8")
    assert REF in text
    assert not any(detail in text for detail in REQUESTER)

    zip_button = app.page.get_by_test_id("stDownloadButton").filter(has_text=".zip")
    with app.page.expect_download() as zip_download:
        zip_button.click()
    with zipfile.ZipFile(io.BytesIO(zip_download.value.path().read_bytes())) as pages:
        names = pages.namelist()
        assert any(name.endswith("index.html") for name in names)
        for name in names:
            if name.endswith(".html"):
                html = pages.read(name).decode("utf-8")
                assert not any(detail in html for detail in REQUESTER), name
        assert REF.replace("/", "-") in " ".join(names) or any(
            REF in pages.read(n).decode("utf-8") for n in names if n.endswith(".html")
        )
