"""The paragraph library and the police themes (data in ``knowledge/paragraphs/``).

Themes (``themes.yaml``) are a small vocabulary of police subjects (ANPR, covert tactics ...)
with the words that recognise each in a request, matched by ``language``'s stemming matcher.
Paragraphs (every other ``*.yaml`` there) are standard harm and public interest wording for a
theme, in our own words, each with a "last reviewed" date and "must tailor" places written
``[[what to put here]]``; a text that still has one is not ready for a letter (``untailored``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from foi_core.knowledge.citations import CitationError, parse_citations
from foi_core.knowledge.language import load_language
from foi_core.knowledge.matcher import Token, expand, find_spans, tokens
from foi_core.knowledge.yamlio import (
    DATA_DIR,
    KnowledgeError,
    expect_mapping,
    parse_entry,
    raw_entries,
    read_yaml,
)

PARAGRAPHS_DIR = DATA_DIR / "paragraphs"
THEMES_FILE = "themes.yaml"
PLACE = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
ParagraphKind = Literal["harm", "factor_for", "factor_against", "balance"]
KIND_LABELS: dict[str, str] = {
    "harm": "Harm",
    "factor_for": "Factor for disclosure",
    "factor_against": "Factor against disclosure",
    "balance": "Balance",
}


class Theme(BaseModel):
    """A police subject and the words that recognise it in a request."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str = Field(min_length=1)
    words: list[str] = Field(min_length=1)


class Paragraph(BaseModel):
    """A standard paragraph with "must tailor" places ``[[...]]``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    theme: str
    kind: ParagraphKind
    sections: list[str] = Field(min_length=1)
    text: str = Field(min_length=40)
    last_reviewed: dt.date
    source: str = Field(min_length=1)

    @field_validator("sections")
    @classmethod
    def _citations(cls, value: list[str]) -> list[str]:
        cited = []
        for one in value:
            try:
                cited += parse_citations(one)
            except CitationError as error:
                raise ValueError(f"section {one!r}: {error}") from None
        return cited

    @model_validator(mode="after")
    def _has_places(self) -> Paragraph:
        if not untailored(self.text):
            raise ValueError("the text has no [[...]] place to tailor")
        return self

    @property
    def places(self) -> list[str]:
        """What the officer must put in, place by place."""
        return untailored(self.text)


class Library(BaseModel):
    """The themes and the paragraphs, validated together."""

    themes: list[Theme]
    paragraphs: list[Paragraph]

    @model_validator(mode="after")
    def _known_themes(self) -> Library:
        known = {theme.id for theme in self.themes}
        for paragraph in self.paragraphs:
            if paragraph.theme not in known:
                raise ValueError(f"paragraph {paragraph.id}: unknown theme {paragraph.theme!r}")
        ids = [p.id for p in self.paragraphs]
        if len(set(ids)) != len(ids):
            raise ValueError("two paragraphs share an id")
        return self

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)


def untailored(text: str) -> list[str]:
    """The "must tailor" places still in ``text`` (what each asks for), in order."""
    return [" ".join(match.split()) for match in PLACE.findall(text or "")]


def load_library_from(folder: Path | str = PARAGRAPHS_DIR) -> Library:
    """Load and validate the themes and paragraphs in ``folder`` (uncached)."""
    folder = Path(folder)
    raw_themes = expect_mapping(read_yaml(folder / THEMES_FILE), THEMES_FILE, {"themes"})
    themes = [parse_entry(Theme, e) for e in raw_entries(raw_themes.get("themes"), THEMES_FILE)]
    paragraphs: list[Paragraph] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == THEMES_FILE:
            continue
        raw = expect_mapping(read_yaml(path, path.name), path.name, {"paragraphs"})
        where = f"{path.name} paragraphs"
        paragraphs += [parse_entry(Paragraph, e) for e in raw_entries(raw.get("paragraphs"), where)]
    try:
        return Library(themes=themes, paragraphs=paragraphs)
    except ValueError as error:
        raise KnowledgeError(f"paragraphs/: {error}") from None


@functools.cache
def load_library() -> Library:
    """The built-in paragraph library (cached)."""
    return load_library_from(PARAGRAPHS_DIR)


@functools.cache
def _theme_patterns(theme_id: str) -> tuple:
    theme = load_library().theme(theme_id)
    language = load_language()
    words = theme.words if theme is not None else []
    return tuple(language.pattern(one) for text in words for one in expand(text.lower()))


def themes_in(text: str) -> list[str]:
    """The ids of the themes ``text`` names ('ANPR cameras on the A1' gives ['anpr'])."""
    return list(themes_of(tokens(text.replace("-", " ")) if text else ()))


def theme_found(theme_id: str, text: str) -> bool:
    """Whether ``text`` names the theme ``theme_id`` (word families included)."""
    return theme_id in themes_in(text)


def themes_of(words: tuple[Token, ...]) -> tuple[str, ...]:
    """The ids of the themes these words name. Fast on text that names none: a theme's
    patterns are tried only when a word could start one of them."""
    if not words:
        return ()
    present = {t.stem for t in words} | {t.raw for t in words}
    found = []
    for theme in load_library().themes:
        anchors, prefixes, digits = _theme_anchors(theme.id)
        possible = (
            not anchors.isdisjoint(present)
            or digits
            or any(raw.startswith(prefixes) for raw in present if prefixes)
        )
        if possible and any(find_spans(p, words) for p in _theme_patterns(theme.id)):
            found.append(theme.id)
    return tuple(found)


@functools.cache
def _theme_anchors(theme_id: str) -> tuple[frozenset[str], tuple[str, ...], bool]:
    """The words, word starts and digits that can begin one of the theme's patterns."""
    firsts = [p.slots[0] for p in _theme_patterns(theme_id) if p.slots]
    anchors = frozenset(w for slot in firsts for w in (*slot.stems, *slot.exact))
    prefixes = tuple(prefix for slot in firsts for prefix in slot.prefixes)
    return anchors, prefixes, any(slot.digits for slot in firsts)


def paragraphs_for(
    claim: object, theme: str | None = None, kind: str | None = None
) -> list[Paragraph]:
    """The paragraphs that fit a claim (an ``ExemptionClaim``, or its citations as a list):
    same limb first, then same section; only of ``theme`` and ``kind`` when given."""
    citations = list(claim) if isinstance(claim, list) else list(getattr(claim, "citations", []))
    if str(getattr(claim, "mode", "")) == "ncnd":  # an NCND use fits its own provision first
        from foi_core.knowledge.loader import load_catalogue

        entries = [load_catalogue().get(citation) for citation in citations]
        citations += [e.ncnd_provision for e in entries if e is not None and e.ncnd_provision]

    def fit(paragraph: Paragraph) -> int:
        if set(paragraph.sections) & set(citations):
            return 2
        sections = {_section(c) for c in citations}
        return 1 if {_section(s) for s in paragraph.sections} & sections else 0

    chosen = [
        p
        for p in load_library().paragraphs
        if (kind is None or p.kind == kind) and (theme is None or p.theme == theme) and fit(p)
    ]
    return sorted(chosen, key=lambda p: -fit(p))


def _section(citation: str) -> str:
    return citation.split("(", 1)[0]
