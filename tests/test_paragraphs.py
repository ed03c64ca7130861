"""The paragraph library: every paragraph loads, is dated and has places to tailor; untailored
text is found; paragraphs fit claims; a broken file is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi_core.knowledge import KnowledgeError, load_catalogue
from foi_core.knowledge.library import (
    load_library,
    load_library_from,
    paragraphs_for,
    themes_in,
    untailored,
)
from foi_core.models import ClaimMode, ExemptionClaim

REQUIRED_THEMES = {
    "anpr",
    "covert_tactics",
    "it_security",
    "officers_names",
    "firearms_licensing",
    "body_worn_video",
}


def test_every_paragraph_loads_dated_with_a_place_to_tailor():
    library = load_library()
    assert len(library.paragraphs) >= 12
    assert {p.theme for p in library.paragraphs} >= REQUIRED_THEMES
    catalogue = load_catalogue()
    for paragraph in library.paragraphs:
        assert paragraph.last_reviewed.year >= 2026, paragraph.id
        assert untailored(paragraph.text), paragraph.id
        assert paragraph.source.strip()
        for section in paragraph.sections:  # each is a provision the catalogue knows
            assert catalogue.get(section) or catalogue.is_ncnd_provision(section), section


def test_untailored_lists_each_place_in_order():
    assert untailored("In [[area]] the [[what the\n cameras do]] would suffer.") == [
        "area",
        "what the cameras do",
    ]
    assert untailored("Fully tailored text about the A1.") == []
    assert untailored("") == []


def test_paragraphs_fit_a_claim_by_limb_then_section_kind_and_theme():
    ncnd = ExemptionClaim(citation="s31(1)(a)", items=[1], mode=ClaimMode.NCND)
    harm = paragraphs_for(ncnd, kind="harm")
    assert harm and {p.kind for p in harm} == {"harm"}
    assert "covert-harm-ncnd-capability" in [p.id for p in harm]  # fits s31(3), its NCND form
    assert [p.id for p in paragraphs_for(ncnd, theme="anpr", kind="harm")] == [
        "anpr-harm-camera-locations"
    ]
    names = ExemptionClaim(citation="s40(2)", items=[1])
    assert {p.theme for p in paragraphs_for(names)} == {"officers_names", "body_worn_video"}
    assert paragraphs_for(ExemptionClaim(citation="s21", items=[1])) == []


def test_themes_are_recognised_in_any_wording():
    assert themes_in("Where are your ANPR cameras?") == ["anpr"]
    assert "body_worn_video" in themes_in("footage from body-worn cameras")
    assert "drones" in themes_in("How many drones does the force fly?")
    assert themes_in("How many parking tickets?") == []


def _write(folder: Path, paragraph: str) -> Path:
    folder.mkdir()
    (folder / "themes.yaml").write_text(
        "themes:\n  - id: anpr\n    name: ANPR\n    words: [anpr]\n", encoding="utf-8"
    )
    (folder / "one.yaml").write_text(paragraph, encoding="utf-8")
    return folder


GOOD = """paragraphs:
  - id: p-one
    theme: anpr
    kind: harm
    sections: ["s31(1)(a)"]
    last_reviewed: 2026-10-01
    source: "our notes"
    text: "A long enough paragraph about cameras in [[area]] and what they are used for."
"""


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (("[[area]]", "the area"), "no [[...]] place"),
        (("theme: anpr", "theme: ghosts"), "unknown theme"),
        (("last_reviewed: 2026-10-01", "last_reviewed: soon"), "last_reviewed"),
        (("kind: harm", "kind: opinion"), "kind"),
        (('["s31(1)(a)"]', '["thirty one"]'), "section"),
    ],
)
def test_a_broken_paragraph_is_named(tmp_path, change, named):
    assert load_library_from(_write(tmp_path / "ok", GOOD)).paragraphs
    broken = _write(tmp_path / "bad", GOOD.replace(*change))
    with pytest.raises(KnowledgeError, match=r"paragraph|p-one") as error:
        load_library_from(broken)
    assert named in str(error.value)
