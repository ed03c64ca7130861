"""The template builder (foi_core.letters.builder) and the fixed wording it writes in."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi_core.letters.build_templates import main
from foi_core.letters.builder import BUILDERS, build_all
from foi_core.letters.builder.wording import (
    FIXED_WORDING_PATH,
    FixedParagraph,
    FixedWordingError,
    fixed,
    fixed_wording,
    load_fixed_wording,
)
from foi_core.letters.context.wording import say
from foi_core.letters.paths import TEMPLATES_DIR


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "fixed_wording.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- The data ----------------------------------------------------------------------------------


def test_every_fixed_paragraph_has_text_and_a_source() -> None:
    wording = load_fixed_wording()
    assert len(wording) >= 25
    for paragraph_id, paragraph in wording.items():
        assert paragraph.id == paragraph_id
        assert paragraph.text.strip() and paragraph.source.strip(), paragraph_id


def test_every_fixed_paragraph_is_written_into_a_template() -> None:
    written = {p.text for build in BUILDERS.values() for p in build().paragraphs}
    for paragraph_id, paragraph in fixed_wording().items():
        text = "".join(p if isinstance(p, str) else p[0] for p in paragraph.pieces())
        assert text in written, f"{paragraph_id} is not used by any template"


def test_the_key_caveats_are_data() -> None:
    assert "does, or does not, exist" in say("ncnd_caveat", "all")
    assert "Nothing in our answer to question 3" in say(
        "ncnd_caveat", "some", questions="question 3"
    )
    assert "does not waive" in fixed("discretionary_lead").text
    assert fixed("s17_explanation").text.startswith("When we refuse any part of a request")
    assert "FOIA 2000 s17(1)" in fixed("s17_explanation").source


# --- Text into runs ----------------------------------------------------------------------------


def test_tags_get_runs_of_their_own_and_bold_is_marked() -> None:
    paragraph = FixedParagraph(
        id="example",
        text="We expect   to decide\n by **{{ estimated_date }}**. If {{ x }} changes, "
        "**we write**.",
        source="test",
    )
    assert paragraph.text == (
        "We expect to decide by **{{ estimated_date }}**. If {{ x }} changes, **we write**."
    )
    assert paragraph.pieces() == [
        "We expect to decide by ",
        ("{{ estimated_date }}", "bold"),
        ". If ",
        "{{ x }}",
        " changes, ",
        ("we write", "bold"),
        ".",
    ]


def test_plain_text_is_one_run() -> None:
    assert fixed("greeting_unnamed").pieces() == ["Dear requester,"]
    assert fixed("greeting_named").pieces() == ["Dear ", "{{ requester.name }}", ","]


# --- Problems in the data are named ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("paragraphs:\n  - id: a\n    source: s\n", r"entry 1 \('a'\): text: Field required"),
        (
            "paragraphs:\n  - {id: a, text: t, source: s}\n"
            "  - {id: b, text: '**open', source: s}\n",
            r"entry 2 \('b'\): text: .*'\*\*' that starts bold text",
        ),
        ("paragraphs:\n  - {id: a, text: 'To {{ x', source: s}\n", r"tag is not closed"),
        ("paragraphs:\n  - {id: a, text: '   ', source: s}\n", r"text: .*empty"),
        ("paragraphs:\n  - {id: A b, text: t, source: s}\n", r"entry 1 \('A b'\): id:"),
        ("paragraphs:\n  - {id: a, text: t, source: s, extra: 1}\n", r"extra: Extra inputs"),
        (
            "paragraphs:\n  - {id: a, text: t, source: s}\n  - {id: a, text: u, source: s}\n",
            r"entry 2 \('a'\): the id 'a' is used twice",
        ),
        ("paragraphs: {}\n", r"expected 'paragraphs:' with a list"),
        ("paragraphs: [\n", r"not valid YAML"),
    ],
)
def test_a_broken_file_is_named_with_the_entry(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(FixedWordingError, match=rf"^fixed_wording\.yaml.*{message}"):
        load_fixed_wording(write(tmp_path, text))


def test_a_missing_file_or_id_is_named(tmp_path: Path) -> None:
    with pytest.raises(FixedWordingError, match=r"fixed_wording\.yaml: the file is missing"):
        load_fixed_wording(tmp_path / "fixed_wording.yaml")
    with pytest.raises(FixedWordingError, match="no paragraph with the id 'nothing'"):
        fixed("nothing")
    assert FIXED_WORDING_PATH.name == "fixed_wording.yaml"


# --- Building ----------------------------------------------------------------------------------


def test_the_committed_templates_are_what_the_builder_makes(tmp_path: Path) -> None:
    # A change to fixed_wording.yaml or a layout needs `python -m foi_core.letters.build_templates`.
    for path in build_all(tmp_path):
        assert path.read_bytes() == (TEMPLATES_DIR / path.name).read_bytes(), path.name


def test_the_command_writes_every_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out.split()
    assert sorted(Path(p).name for p in printed) == sorted(BUILDERS)
    assert all(Path(p).stat().st_size > 0 for p in printed)
