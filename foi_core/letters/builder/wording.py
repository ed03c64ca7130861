"""The fixed paragraphs of the letters (``fixed_wording.yaml``), validated at load.

Each entry has an ``id``, its ``text`` and a ``source`` note (the provision or guidance it rests
on). In the text, ``{{ name }}`` is a letter value (a tag kept in a run of its own) and
``**...**`` prints in bold. The builder writes the text into the templates as it builds them.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from foi_core.letters.builder.docx import Piece

FIXED_WORDING_PATH = Path(__file__).resolve().parents[1] / "fixed_wording.yaml"
_BOLD = re.compile(r"(\*\*.*?\*\*)")
_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})")


class FixedWordingError(Exception):
    """The fixed wording file is broken; the message names the file and the entry."""


class FixedParagraph(BaseModel):
    """One fixed paragraph: its id, its text and where its content comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    text: str = Field(min_length=1)
    source: str = Field(min_length=1)

    @field_validator("text")
    @classmethod
    def _well_formed(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("the text is empty")
        if value.count("**") % 2:
            raise ValueError("a '**' that starts bold text has no '**' to end it")
        outside = _TAG.sub("", value)
        if any(mark in outside for mark in ("{{", "}}", "{%", "%}")):
            raise ValueError("a '{{' or '{%' tag is not closed (or a '}}' or '%}' not opened)")
        return value

    def pieces(self) -> list[Piece]:
        """The text as runs: plain text, each tag on its own, bold parts as (text, 'bold')."""
        found: list[Piece] = []
        for part in _BOLD.split(self.text):
            bold = part.startswith("**") and part.endswith("**") and len(part) >= 4
            for text in _TAG.split(part[2:-2] if bold else part):
                if text:
                    found.append((text, "bold") if bold else text)
        return found


def _entry_name(raw: object, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"entry {index + 1} ({raw['id']!r})"
    return f"entry {index + 1}"


def _describe(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in item['loc']) or 'entry'}: {item['msg']}"
        for item in error.errors()
    )


def load_fixed_wording(path: Path = FIXED_WORDING_PATH) -> dict[str, FixedParagraph]:
    """Every fixed paragraph by id; FixedWordingError names the file and the broken entry."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FixedWordingError(f"{path.name}: the file is missing ({path})") from None
    except yaml.YAMLError as error:
        raise FixedWordingError(f"{path.name}: not valid YAML: {error}") from None
    entries = raw.get("paragraphs") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise FixedWordingError(f"{path.name}: expected 'paragraphs:' with a list of entries")
    found: dict[str, FixedParagraph] = {}
    for index, entry in enumerate(entries):
        where = f"{path.name}, {_entry_name(entry, index)}"
        try:
            paragraph = FixedParagraph.model_validate(entry)
        except ValidationError as error:
            raise FixedWordingError(f"{where}: {_describe(error)}") from None
        if paragraph.id in found:
            raise FixedWordingError(f"{where}: the id {paragraph.id!r} is used twice")
        found[paragraph.id] = paragraph
    return found


@functools.cache
def fixed_wording() -> dict[str, FixedParagraph]:
    """The fixed paragraphs of ``fixed_wording.yaml``, loaded once."""
    return load_fixed_wording()


def fixed(paragraph_id: str) -> FixedParagraph:
    """The fixed paragraph ``paragraph_id``; FixedWordingError when the file has none."""
    try:
        return fixed_wording()[paragraph_id]
    except KeyError:
        raise FixedWordingError(
            f"{FIXED_WORDING_PATH.name}: no paragraph with the id {paragraph_id!r}"
        ) from None


def fixed_text(paragraph_id: str) -> str:
    """The text of a fixed paragraph that holds no tags or bold (an 'otherwise' line)."""
    return fixed(paragraph_id).text
