"""An organisation's knowledge overlay: its own wording merged over the built-in data by
citation, id, term or step key, validated like the built-in data, with plain errors naming the
overlay file and the entry; the setting FOI_KNOWLEDGE_OVERLAY_DIR picks the overlay."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from foi_core.knowledge import (
    KnowledgeError,
    load_catalogue,
    load_catalogue_from,
    load_rule_book,
    load_rule_book_from,
)
from foi_core.settings import get_settings


def write(folder: Path, name: str, data: object) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    folder = tmp_path / "overlay"
    folder.mkdir()
    return folder


def load(folder: Path):
    return load_catalogue_from(overlay=folder)


def load_error(folder: Path) -> str:
    with pytest.raises(KnowledgeError) as error:
        load(folder)
    return str(error.value)


# --- Merging --------------------------------------------------------------------------------


def test_an_empty_overlay_changes_nothing(overlay):
    assert load(overlay) == load_catalogue()
    assert load_rule_book_from(overlay=overlay) == load_rule_book()


def test_an_exemption_field_is_replaced_and_the_rest_kept(overlay):
    examples = ["Locations of our force's static ANPR cameras."]
    write(overlay, "exemptions/s31.yaml", [{"citation": "s31(1)(a)", "police_examples": examples}])
    built_in, merged = load_catalogue(), load(overlay)
    changed = merged.get("s31(1)(a)")
    assert changed.police_examples == examples
    assert changed.model_dump(exclude={"police_examples"}) == built_in.get("s31(1)(a)").model_dump(
        exclude={"police_examples"}
    )
    assert [e for e in merged.exemptions if e.citation != "s31(1)(a)"] == [
        e for e in built_in.exemptions if e.citation != "s31(1)(a)"
    ]


def test_factors_merge_by_id_and_new_ones_are_added(overlay):
    change = {
        "citation": "s31(1)(a)",
        "factors_for": [
            {"id": "s31-1a-for-reassurance", "text": "Disclosure would reassure residents."},
            {"id": "acme-s31-local", "text": "Disclosure would inform the local crime plan."},
        ],
    }
    write(overlay, "exemptions/anything.yaml", [change])
    built_in = load_catalogue().get("s31(1)(a)").factors_for
    merged = load(overlay).get("s31(1)(a)").factors_for
    assert [f.id for f in merged] == [f.id for f in built_in] + ["acme-s31-local"]
    reworded = next(f for f in merged if f.id == "s31-1a-for-reassurance")
    original = next(f for f in built_in if f.id == "s31-1a-for-reassurance")
    assert reworded.text == "Disclosure would reassure residents."
    assert reworded.rationale == original.rationale
    assert load(overlay).library_factor("acme-s31-local").text.startswith("Disclosure would")


def test_general_and_irrelevant_factors_merge_by_id(overlay):
    write(
        overlay,
        "factors.yaml",
        {
            "general_factors_for": [
                {"id": "gen-transparency", "text": "Disclosure would show how Acme Police works."},
                {"id": "acme-local", "text": "Disclosure would inform the police and crime plan."},
            ],
            "irrelevant_factors": [
                {"id": "distress", "label": "Upset to those concerned"},
                {
                    "id": "acme-workload",
                    "label": "Workload",
                    "explanation": "How busy the team is has no place in the balance.",
                    "phrases": ["too busy"],
                },
            ],
        },
    )
    cat = load(overlay)
    assert cat.library_factor("gen-transparency").text.endswith("Acme Police works.")
    assert [f.id for f in cat.general_factors_for][-1] == "acme-local"
    assert next(f for f in cat.irrelevant_factors if f.id == "distress").label.startswith("Upset")
    found = [f.id for f in cat.detect_irrelevant("The team is too busy to review this.")]
    assert found == ["acme-workload"]
    assert cat.general_factors_against == load_catalogue().general_factors_against


def test_guidance_steps_glossary_and_harm_prompts_merge(overlay):
    write(
        overlay,
        "guidance.yaml",
        {
            "steps": {"request": {"title": "Log the request (Acme procedure FOI-2)"}},
            "glossary": [
                {"term": "ncnd", "meaning": "Neither confirm nor deny (Acme style guide)."},
                {"term": "SPOC", "meaning": "Single point of contact."},
            ],
            "harm_prompts": {"prejudice": [{"id": "likelihood", "help": "See Acme note 7."}]},
        },
    )
    built_in, cat = load_catalogue(), load(overlay)
    step = cat.guidance("request")
    assert step.title == "Log the request (Acme procedure FOI-2)"
    assert step.why == built_in.guidance("request").why
    assert cat.term("NCND").meaning.endswith("(Acme style guide).")
    assert cat.term("spoc") is not None
    assert len(cat.glossary) == len(built_in.glossary) + 1
    prompts = cat.get("s31(1)(a)").harm_prompts
    original = built_in.get("s31(1)(a)").harm_prompts
    assert [p.id for p in prompts] == [p.id for p in original]
    likelihood = next(p for p in prompts if p.id == "likelihood")
    assert likelihood.help == "See Acme note 7."
    assert likelihood.question == next(p for p in original if p.id == "likelihood").question


def test_an_exemption_rewords_one_standard_harm_prompt_in_place(overlay):
    change = {"citation": "s31(1)(a)", "harm_prompts": [{"id": "mosaic", "help": "Acme note."}]}
    write(overlay, "exemptions/s31.yaml", [change])
    original = load_catalogue().get("s31(1)(a)").harm_prompts
    prompts = load(overlay).get("s31(1)(a)").harm_prompts
    assert [p.id for p in prompts] == [p.id for p in original]
    assert next(p for p in prompts if p.id == "mosaic").help == "Acme note."


def test_rules_are_reworded_by_id(overlay):
    write(
        overlay,
        "rules.yaml",
        {
            "rules": [{"id": "no-review-rights", "fix": "Add Acme's review paragraph (FOI-9)."}],
            "ncnd_leak_phrases": ["we hold", "our files show"],
        },
    )
    book = load_rule_book_from(overlay=overlay)
    assert book.rule("no-review-rights").fix == "Add Acme's review paragraph (FOI-9)."
    built_in = load_rule_book().rule("no-review-rights")
    assert book.rule("no-review-rights").message == built_in.message
    assert [r.id for r in book.rules] == [r.id for r in load_rule_book().rules]
    assert book.leaks("Our files show nothing.") == ["our files show"]


# --- Errors name the overlay file and the entry ------------------------------------------------


def test_a_citation_the_catalogue_lacks_is_refused(overlay):
    write(overlay, "exemptions/s31.yaml", [{"citation": "s31(1)(z)", "police_examples": ["x"]}])
    message = load_error(overlay)
    assert message.startswith("overlay exemptions/s31.yaml, citation 's31(1)(z)': there is no")


def test_a_merged_entry_is_validated_like_the_built_in_data(overlay):
    write(overlay, "exemptions/mine.yaml", [{"citation": "s31(1)(a)", "absolute": True}])
    message = load_error(overlay)
    assert message.startswith("overlay exemptions/mine.yaml, citation 's31(1)(a)': an absolute")

    write(overlay, "exemptions/mine.yaml", [{"citation": "s31(1)(a)", "colour": "red"}])
    assert load_error(overlay).startswith(
        "overlay exemptions/mine.yaml, citation 's31(1)(a)': colour"
    )

    factor = {"id": "acme-new", "rationale": "No text."}
    write(overlay, "exemptions/mine.yaml", [{"citation": "s31(1)(a)", "factors_for": [factor]}])
    assert "factors_for.3.text: Field required" in load_error(overlay)


def test_a_new_factor_whose_id_is_taken_names_the_overlay(overlay):
    change = {"citation": "s31(1)(i)", "factors_for": [{"id": "s24-for-spending", "text": "Text."}]}
    write(overlay, "exemptions/s31.yaml", [change])
    message = load_error(overlay)
    assert message.startswith("overlay exemptions/s31.yaml, citation 's31(1)(i)': factor id")
    assert "not unique" in message


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "exemptions/a.yaml",
            [{"police_examples": []}],
            "overlay exemptions/a.yaml, entry 1: needs a citation",
        ),
        (
            "exemptions/a.yaml",
            [{"citation": "s42", "notes": []}, {"citation": "s42", "notes": []}],
            "overlay exemptions/a.yaml, citation 's42': the overlay changes this exemption twice",
        ),
        ("exemptions/a.yaml", {"citation": "s42"}, "overlay exemptions/a.yaml: expected a list"),
        (
            "factors.yaml",
            {"irrelevant_factors": [{"id": "distress", "phrases": ["Upset"]}]},
            "overlay factors.yaml irrelevant_factors, id 'distress': phrase 'Upset' is not",
        ),
        (
            "factors.yaml",
            {"general_factors_for": [{"id": "acme-new"}]},
            "overlay factors.yaml general_factors_for, id 'acme-new': text: Field required",
        ),
        ("factors.yaml", {"colours": []}, "overlay factors.yaml: unknown top-level key(s)"),
        (
            "guidance.yaml",
            {"steps": {"triage": {"title": "Triage"}}},
            "overlay guidance.yaml steps, step 'triage': not a step key",
        ),
        (
            "guidance.yaml",
            {"steps": {"request": {"title": ""}}},
            "overlay guidance.yaml steps, step 'request': title:",
        ),
    ],
)
def test_a_broken_overlay_entry_gives_one_plain_error(overlay, name, data, expected):
    write(overlay, name, data)
    assert load_error(overlay).startswith(expected)


def test_broken_yaml_and_unknown_files_are_named(overlay):
    (overlay / "factors.yaml").write_text("general_factors_for: [unclosed\n", encoding="utf-8")
    assert load_error(overlay).startswith("overlay factors.yaml: not valid YAML")
    (overlay / "factors.yaml").unlink()
    (overlay / "factor.yaml").write_text("{}\n", encoding="utf-8")
    assert load_error(overlay).startswith("overlay factor.yaml: not a knowledge file")


def test_a_missing_overlay_folder_is_named(tmp_path):
    missing = tmp_path / "no-such-folder"
    with pytest.raises(
        KnowledgeError, match=r"knowledge overlay: .*no-such-folder is not a folder"
    ):
        load(missing)


def test_rules_overlay_cannot_add_a_rule_or_break_one(overlay):
    write(overlay, "rules.yaml", {"rules": [{"id": "acme-rule", "title": "New"}]})
    with pytest.raises(KnowledgeError, match=r"^overlay rules\.yaml, id 'acme-rule': there is no"):
        load_rule_book_from(overlay=overlay)
    write(overlay, "rules.yaml", {"rules": [{"id": "no-review-rights", "severity": "fatal"}]})
    with pytest.raises(KnowledgeError, match=r"^overlay rules\.yaml, id 'no-review-rights': sev"):
        load_rule_book_from(overlay=overlay)


# --- The setting ------------------------------------------------------------------------------


@pytest.fixture
def overlay_setting(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    def point_at(value: str) -> None:
        monkeypatch.setenv("FOI_KNOWLEDGE_OVERLAY_DIR", value)
        get_settings.cache_clear()

    yield point_at
    get_settings.cache_clear()


def test_the_setting_picks_the_overlay_and_each_is_cached(overlay, overlay_setting):
    write(overlay, "exemptions/s42.yaml", [{"citation": "s42", "notes": ["Acme: ask Legal."]}])
    built_in = load_catalogue()
    overlay_setting(str(overlay))
    merged = load_catalogue()
    assert merged.get("s42").notes == ["Acme: ask Legal."]
    assert load_catalogue() is merged
    assert load_rule_book() == load_rule_book_from(overlay=overlay)
    overlay_setting("")
    assert get_settings().knowledge_overlay_dir is None
    assert load_catalogue() is built_in


def test_a_broken_overlay_setting_raises_a_plain_error(tmp_path, overlay_setting):
    overlay_setting(str(tmp_path / "missing"))
    with pytest.raises(KnowledgeError, match="is not a folder"):
        load_catalogue()
