"""Text typed by an officer is shown literally in the browser and in the letter: never run as
HTML or script, never read as Markdown, never evaluated as a template."""

from __future__ import annotations

import io
import json
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.e2e.helpers import REPO_ROOT, AppPage, letter_text

pytestmark = pytest.mark.e2e

SCRIPT = "<script>alert(1)</script>"
TEMPLATE = "{{ 7*7 }}"
TITLE = f"Cameras {SCRIPT} {TEMPLATE}"
ITEM = f"Please list {SCRIPT} and {TEMPLATE} with **no bold** and <b>no html</b>"
ANSWER = f"We hold {TEMPLATE} records {SCRIPT} {{% if 1 %}}x{{% endif %}}"
FACTOR = f"Openness {TEMPLATE} about {SCRIPT} matters"
REF = "E2E-TEXT/1"


def assert_shown_literally(app: AppPage, text: str) -> None:
    """``text`` appears as typed, and nothing it contains became an element or ran."""
    expect(app.page.get_by_test_id("stMain")).to_contain_text(text)
    assert app.page.locator("script", has_text="alert(1)").count() == 0
    assert app.page.get_by_test_id("stMain").locator("b", has_text="no html").count() == 0
    assert app.page.get_by_test_id("stMain").locator("strong", has_text="no bold").count() == 0
    assert app.dialogs == [], f"a script ran: {app.dialogs}"


def test_typed_markup_is_shown_and_printed_literally(app: AppPage) -> None:
    # Start from the demo doorbell case, so every step already has its reasoning.
    search = app.page.get_by_role("textbox", name="Search earlier cases", exact=True)
    app.type_in(search, "doorbell")
    # The demo doorbell case (other tests' copies of it may match too).
    demo = app.page.locator("[class*='st-key-precedents-start-example-doorbell-ncnd']")
    app.act(demo.get_by_role("button", name="Start from this case").click)
    copy = app.form_with(button="Copy into a new case")
    copy.get_by_role("textbox", name="Our reference for the new case", exact=True).fill(REF)
    app.click("Copy into a new case", within=copy, to="request")

    # Request page: a title and a new item, both with markup.
    details = app.form_with(button="Save and split the text into items")
    details.get_by_role("textbox", name="Short title", exact=True).fill(TITLE)
    app.click("Save", within=details)
    heading = app.page.get_by_role("heading", name=f"{REF}: {TITLE}", exact=True)
    expect(heading).to_be_visible()
    items = app.form_with(button="Save items")
    items.get_by_role("textbox", name="Add an item", exact=True).fill(ITEM)
    app.click("Save items", within=items)
    expect(app.page.get_by_role("textbox", name="Item 17", exact=True)).to_have_value(ITEM)
    assert_shown_literally(app, TITLE)
    app.shot("request")

    # Items page: the new item disclosed; its answer box appears as the outcome is chosen.
    app.nav("Items")
    expect(app.page.get_by_text(f"Item 17. {ITEM}", exact=True)).to_be_visible()
    item_17 = (
        app.page.get_by_test_id("stVerticalBlock")
        .filter(has=app.page.get_by_text(f"Item 17. {ITEM}", exact=True))
        .last
    )
    app.act(lambda: app.pick(item_17, "Outcome", "Disclosed in full"))
    answer = app.page.get_by_role("textbox", name="The answer (the information disclosed)")
    expect(answer).to_have_count(1)
    app.write_in(answer, ANSWER)
    app.click("Save items")
    expect(answer).to_have_value(ANSWER)
    assert_shown_literally(app, f"Item 17. {ITEM}")
    app.shot("items")

    # Public interest page: a factor written fresh.
    app.nav("Public interest")
    app.expand("Add factors")
    app.page.get_by_role("tab", name="Write a new factor").click()
    panel = app.page.get_by_role("tabpanel", name="Write a new factor")
    app.write_in(panel.get_by_role("textbox", name="The factor", exact=True), FACTOR)
    rationale = panel.get_by_role("textbox", name="Why it carries that weight (rationale)")
    app.write_in(rationale, TEMPLATE)
    app.click("Add factor", within=panel)
    listed = app.page.get_by_test_id("stMarkdownContainer").filter(
        has_text=re.compile(rf"^For \d+ \(moderate weight\): {re.escape(FACTOR)}$")
    )
    expect(listed).to_have_count(1)
    expect(app.page.get_by_text(f"Why: {TEMPLATE}", exact=True)).to_have_count(1)
    assert_shown_literally(app, FACTOR)
    app.shot("public-interest")

    # Letter page: the preview and the downloaded .docx keep every string as typed.
    app.nav("Letter")
    app.assert_no_exception()
    for text in (ITEM, ANSWER, FACTOR):
        assert_shown_literally(app, text)
    app.shot("letter")
    button = app.page.get_by_test_id("stDownloadButton").filter(has_text=".docx").first
    with app.page.expect_download() as download_info:
        button.click()
    document = Document(io.BytesIO(download_info.value.path().read_bytes()))
    text = letter_text(document)
    # Each string is printed as typed (so no template in it was evaluated, e.g. to "49").
    for typed in (ITEM, ANSWER, FACTOR):
        assert typed in text, f"not printed literally: {typed}"
    # A factor's rationale is internal (the reasoning record keeps it): never in the letter.
    assert TEMPLATE not in text.splitlines() and "49" not in text.splitlines()
    assert app.dialogs == []


HOSTILE_REF = (
    "**B** [ok](https://evil.example) ![i](https://evil.example/x.png) <b>h</b> :red[r] $x$ "
    "{{ 7*7 }} :streamlit: :material/home: www.evil.example a@evil.example ->"
)
WORD_JOINER = "\u2060"  # the app puts one after ':' and '@' and in 'www.' and '->'


def test_imported_case_message_shows_the_reference_literally(app: AppPage) -> None:
    document = json.loads((REPO_ROOT / "examples" / "doorbell-camera-ncnd.json").read_text())
    document["id"] = "e2e-hostile-import"
    document["request"]["our_ref"] = HOSTILE_REF
    upload = app.page.get_by_test_id("stFileUploader").locator("input[type='file']")
    content = json.dumps(document).encode()
    file = {"name": "case.json", "mimeType": "application/json", "buffer": content}
    app.act(lambda: upload.set_input_files(files=[file]))
    app.click("Import")

    alert = app.page.get_by_test_id("stAlert").filter(has_text="Imported case")
    expect(alert).to_have_count(1)
    message = alert.get_by_test_id("stMarkdownContainer")
    assert message.inner_text().replace(WORD_JOINER, "") == f"Imported case {HOSTILE_REF}."
    # No link, image, logo, icon, bold, HTML or arrow came out of the reference.
    for markup in ("a", "img", "[role='img']", "strong", "b", ".katex"):
        assert message.locator(markup).count() == 0, f"{markup} in {message.inner_html()}"
    assert "→" not in message.inner_text()
    app.assert_no_exception()
    assert app.dialogs == []
