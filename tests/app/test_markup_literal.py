"""Text a user typed is shown literally on every page: never read as Markdown, a link or a
Streamlit directive.

Every free-text field of a case and of the organisation profile holds hostile text; each page is
walked with AppTest and every string Streamlit renders as Markdown (bodies of markdown, captions,
headings and alerts; widget, button, link, expander and tab labels; help tooltips; radio options
and captions) is checked the way the browser reads it: no unescaped markup from the hostile text,
and no bare address left for GFM's autolinking once the backslash escapes are resolved.
Strings Streamlit shows as plain text (st.text, select options, widget values) must not be
escaped: a backslash there would be shown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from foi_core.models import (
    Case,
    ExtensionStatus,
    IssuedLetter,
    OrganisationProfile,
    PITExtension,
)
from foi_core.settings import get_settings
from tests.app.conftest import by_key, new_app
from tests.case_factory import correct_case
from ui.nav import PAGES
from ui.reasoning import pit_claims
from ui.text import md_escape

CASE_ID = "hostile-case"
WORD_JOINER = "\u2060"  # what md_escape puts into addresses, so GFM cannot link them
_TAGS: dict[str, str] = {}  # field path -> the number in its hostile text


def hostile(path: str) -> str:
    """Markup-laden text for the field ``path``, numbered so a leak names its field."""
    n = _TAGS.setdefault(path, str(len(_TAGS) + 1))
    return (
        f"**B{n}** [ok](https://evil.example/{n}) ![i](https://evil.example/{n}.png) <b>h</b> "
        f":red[r] $x$ {{{{ 7*7 }}}} www.evil.example b{n}@evil.example :smile: :streamlit: "
        f":material/home: :material_home: -> <b>"
    )


def marker(path: str) -> str:
    """How the start of ``path``'s hostile text reads once escaped for Markdown."""
    hostile(path)
    return f"\\*\\*B{_TAGS[path]}\\*\\*"


# Pieces of the hostile text that are markup only when left unescaped.
RAW_MARKUP = ("](https://evil", "](evil", "![i]", "<b>h", ":red[r]", "$x$", "{{ 7")
# What Streamlit and GFM still rewrite in the text once the escapes are resolved: addresses
# (autolinks), icon and emoji shortcodes, and arrows.
REWRITTEN = re.compile(
    r"(?i)(https?://|www\.|@)evil\.example|:(smile|streamlit|material[_/]home):|(?<!\S)->(?!\S)"
)
# Keys that hold ids, references between records, enumerations, dates or data, not free text.
NOT_FREE_TEXT = {
    "id", "citation", "library_id", "claim_ids", "side", "weight", "mode", "outcome",
    "conclusion", "likelihood", "activity", "status", "kind", "received", "received_on",
    "asked_on", "issued_on", "paid_on", "decided_on", "opinion_date", "estimated_date",
    "notified_on", "completed_on", "response_date", "review_requested_on", "issued_at",
    "template_sha256", "document_sha256", "recheck_steps", "dismissed_suggestions", "context",
    "schema_version", "logo_png_base64", "further_limbs", "transferred_on", "settled_on",
    "label",  # an item's number as the requester wrote it: the model allows 3a, 3(b), 4.1 only
}  # fmt: skip


def poison(value: Any, path: str = "") -> Any:
    """``value`` (a model dump) with every free-text string replaced by hostile text."""
    if isinstance(value, dict):
        return {
            key: item if key in NOT_FREE_TEXT else poison(item, f"{path}.{key}".lstrip("."))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [poison(item, f"{path}.{index}") for index, item in enumerate(value)]
    return hostile(path) if isinstance(value, str) else value


def hostile_case() -> Case:
    """The checker's correct case with every optional part filled, then every text poisoned."""
    case = correct_case()
    case.id = CASE_ID
    case.pit_extension = PITExtension(
        estimated_date=dt.date(2024, 3, 4), status=ExtensionStatus.PLANNED, decision_maker="x"
    )
    case.issued_letters = [
        IssuedLetter(
            issued_at=dt.datetime(2024, 1, 31, 9, 30),
            template_name="response_letter.docx",
            template_sha256="0" * 64,
            document_sha256="1" * 64,
        )
    ]
    for item in case.request.items:
        item.notes = "x"
    for claim in case.claims:
        claim.notes = "x"
        if claim.harm is not None:
            claim.harm.prompt_answers = {"precedent_other": "x"}
    case.request.their_ref = case.requester.address = "x"
    return Case.model_validate(poison(case.model_dump(mode="json")))


def hostile_profile() -> OrganisationProfile:
    return OrganisationProfile.model_validate(
        poison(OrganisationProfile().model_dump(mode="json"), "profile")
    )


# --- Reading the AppTest tree the way the browser renders it -----------------------------------

MARKDOWN_FIELDS = {"body", "label", "help", "captions"}
PLAIN_ELEMENTS = {"text", "code", "exception", "json"}


@dataclass(frozen=True)
class Shown:
    """One string an element shows, and whether Streamlit renders it as Markdown."""

    where: str
    element: str
    field: str
    text: str
    markdown: bool


def _strings(message: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    for descriptor, value in message.ListFields():
        name = prefix + descriptor.name
        values = list(value) if descriptor.is_repeated else [value]
        if descriptor.type == descriptor.TYPE_STRING:
            yield from ((name, text) for text in values)
        elif descriptor.type == descriptor.TYPE_MESSAGE:
            for child in values:
                yield from _strings(child, name + ".")


def shown(at: AppTest, where: str) -> list[Shown]:
    """Every string of every element on the page (main area, sidebar and events)."""
    found = []
    for node in at._tree:  # the whole tree; AppTest has no public walk of every node
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        for name, text in _strings(proto):
            field = name.rsplit(".", 1)[-1]
            markdown = node.type not in PLAIN_ELEMENTS and (
                field in MARKDOWN_FIELDS or (field == "options" and node.type == "radio")
            )
            found.append(Shown(where, node.type, name, text, markdown))
    return found


def resolved(markdown: str) -> str:
    """The text Markdown leaves after its backslash escapes (what GFM autolinking then sees)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def problems(strings: list[Shown]) -> list[str]:
    """Hostile text read as markup (or escaped where it is shown as plain text)."""
    found = []
    for s in strings:
        if s.markdown:
            raw = [piece for piece in RAW_MARKUP if piece in s.text]
            raw += re.findall(r"\*\*B\d+", s.text)
            raw += [match.group(0) for match in REWRITTEN.finditer(resolved(s.text))]
            if raw:
                found.append(f"{s.where}: {s.element}.{s.field} reads {raw} as markup: {s.text!r}")
        elif "\\*\\*B" in s.text:
            found.append(f"{s.where}: {s.element}.{s.field} shows escapes as text: {s.text!r}")
    return found


def escaped_markdown(strings: list[Shown]) -> str:
    return "\n".join(s.text for s in strings if s.markdown)


# --- Fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def hostile_store(app_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The demo store plus the hostile case and profile, and a template with a hostile name."""
    from foi_core.letters.paths import TEMPLATES_DIR

    templates = tmp_path / "templates"
    (templates / "uploaded").mkdir(parents=True)
    name = "**B0** [ok](evil.example) :red[r] $x$ {{ 7*7 }} `x.docx"
    shutil.copy(TEMPLATES_DIR / "response_letter.docx", templates / "uploaded" / name)
    monkeypatch.setenv("FOI_TEMPLATES_DIR", str(templates))
    get_settings.cache_clear()
    app_store.add(hostile_case(), actor="test")
    app_store.save_profile(hostile_profile(), actor="test")
    return app_store


def walk_every_page(case_id: str) -> list[Shown]:
    """Open every page of the app on the case (each public interest test in turn)."""
    at = new_app(case_id).run()
    strings = shown(at, "cases")
    for page in PAGES:
        at.switch_page(page.file).run()
        assert not at.exception, f"{page.file}: {at.exception}"
        strings += shown(at, page.file)
        if page.step_key == "public_interest":
            claims = pit_claims(hostile_case())
            for claim in claims[1:]:
                by_key(at.radio, "pi.claim").set_value(claim.id).run()
                assert not at.exception, at.exception
                strings += shown(at, f"{page.file} ({claim.id})")
    return strings


# --- Tests ------------------------------------------------------------------------------------


def test_every_page_shows_typed_markup_literally(hostile_store):
    strings = walk_every_page(CASE_ID)
    assert problems(strings) == []
    markdown = escaped_markdown(strings)
    # The walk did reach the typed text: these fields are drawn as (escaped) Markdown.
    for path in (
        "request.our_ref",
        "title",
        "request.items.0.text",
        "claims.0.pit.factors.0.text",
        "claims.0.pit.factors.0.rationale",
        "issued_letters.0.template_name",
    ):
        assert marker(path) in markdown, f"{path} is not shown on any page"
    assert "\\*\\*B0\\*\\*" in markdown  # the template's file name, on Settings


def _submit(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def test_new_case_message_shows_the_reference_literally(hostile_store):
    at = new_app().run()
    by_key(at.text_input, "f.new.our_ref").input(hostile("new.our_ref"))
    by_key(at.text_input, "f.new.title").input(hostile("new.title"))
    _submit(at, "Start the case")
    strings = shown(at, "new case")
    assert problems(strings) == []
    flashed = " ".join(str(s.value) for s in at.success)
    assert marker("new.our_ref") in flashed and "started" in flashed


def test_new_case_with_a_reference_in_use_names_it_literally(hostile_store):
    at = new_app().run()
    by_key(at.text_input, "f.new.our_ref").input(hostile("request.our_ref"))
    _submit(at, "Start the case")
    strings = shown(at, "new case in use")
    assert problems(strings) == []
    refused = " ".join(str(e.value) for e in at.error)
    assert marker("request.our_ref") in refused and "already exists" in refused


def test_copied_case_message_shows_both_references_literally(hostile_store):
    at = new_app().run()
    by_key(at.button, f"precedents.start.{CASE_ID}").click().run()  # issue 11: a search
    by_key(at.text_input, "f.copy.our_ref").input(hostile("copy.our_ref"))
    _submit(at, "Copy into a new case")
    strings = shown(at, "copied case")
    assert problems(strings) == []
    flashed = " ".join(str(s.value) for s in at.success)
    assert marker("copy.our_ref") in flashed and marker("request.our_ref") in flashed


def test_imported_case_message_shows_the_reference_literally(hostile_store):
    document = hostile_case().model_dump(mode="json")
    document["id"] = "imported-hostile"
    document["request"]["our_ref"] = hostile("import.our_ref")
    at = new_app().run()
    at.file_uploader(key="cases.import_file").set_value(
        ("case.json", json.dumps(document).encode(), "application/json")
    )
    at.run()
    by_key(at.button, "cases.import").click().run()
    assert not at.exception, at.exception
    strings = shown(at, "imported case")
    assert problems(strings) == []
    flashed = " ".join(str(s.value) for s in at.success)
    assert marker("import.our_ref") in flashed and "Imported case" in flashed


# --- The escaping itself ---------------------------------------------------------------------


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
@example("0<.")  # once found by chance: an escape between a number and its dot
@example("12. item")
def test_md_escape_keeps_the_text_and_leaves_no_markup(text: str):
    escaped = md_escape(text)
    # Resolving the escapes gives back the text (line endings as Markdown hard breaks).
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    back = resolved(escaped).replace("  \n", "\n")
    assert back.replace(WORD_JOINER, "") == normalised.replace(WORD_JOINER, "")
    # Every character that can start Markdown, a directive or maths is escaped.
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped)
    assert not re.search(r"[\\`*_{}\[\]()<>#+\-!|~:$&=^]", unescaped)
    # No line starts as an ordered list ("12." with nothing escaped between): judged on the
    # escaped text itself, as Markdown reads it ("0\\<." is not a list item).
    assert not re.search(r"(?m)^[ \t]*\d+\.", escaped)
    # and nothing is left for the rewriting done after the escapes are resolved: autolinks,
    # shortcodes (":material_x:", ":smile:") and arrows ("->").
    text_seen = resolved(escaped)
    assert not re.search(r"(?i)www\.|[:@][^\u2060\s]", text_seen)
    assert not re.search(r"(?<!\S)(<->|->|<-|--|>=|<=|~=)(?!\S)", text_seen)
