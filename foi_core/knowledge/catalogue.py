"""The exemption catalogue: pydantic models for the legal knowledge and the YAML loader.

All legal content lives in YAML files beside this module. This module only describes the shape
of that data, checks it when it is loaded (any problem raises ``KnowledgeError`` naming the file
and the entry), and offers look-ups over it: ``get``, ``search``, ``suggest``,
``detect_irrelevant`` and ``guidance``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from foi_core.models import CITATION_PATTERN
from foi_core.steps import STEP_KEYS

DATA_DIR = Path(__file__).resolve().parent
EXEMPTIONS_DIR = DATA_DIR / "exemptions"

TestType = Literal[
    "class", "prejudice", "endangerment", "national_security", "qualified_person", "procedural"
]

# Tests whose claims need the full harm assessment (interest, causal chain, likelihood).
HARM_TESTS: frozenset[str] = frozenset({"prejudice", "endangerment"})
# The harm prompts that map onto HarmAssessment fields; prejudice-type entries must have them all.
CORE_HARM_PROMPT_IDS: tuple[str, ...] = (
    "interest",
    "causal_chain",
    "likelihood",
    "mosaic",
    "precedent",
    "evidence",
)
LEGISLATION_URL = "https://www.legislation.gov.uk/ukpga/2000/36/section/"
_SECTION_PATTERN = re.compile(r"^s(\d+[A-Z]?)")


class KnowledgeError(Exception):
    """The knowledge data is broken; the message names the file and the entry."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HarmPrompt(_Data):
    """A question the officer must answer when assessing harm."""

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    help: str = ""


class LibraryFactor(_Data):
    """A ready-made public interest factor the officer can pick and adapt."""

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    rationale: str = ""
    ncnd: bool = False  # the wording is about confirming or denying, not about disclosing


class Exemption(_Data):
    """One provision of the Act at the level the law uses (e.g. s31(1)(a))."""

    citation: str
    section: str
    title: str = Field(min_length=1)
    kind: Literal["exemption", "procedural"] = "exemption"
    absolute: bool
    test: TestType
    ncnd_provision: str | None = None
    pit_required: bool
    ncnd_pit_optional: bool = False  # e.g. s40(5B): a PIT may be recorded though none is required
    interest: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    harm_prompts: list[HarmPrompt] = Field(default_factory=list)
    factors_for: list[LibraryFactor] = Field(default_factory=list)
    factors_against: list[LibraryFactor] = Field(default_factory=list)
    police_examples: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    cite_as: str = ""  # how a letter names it when the citation alone is not enough
    source_url: str
    keywords: list[str] = Field(default_factory=list)
    verified: bool = True

    @field_validator("citation", "ncnd_provision")
    @classmethod
    def _citation_form(cls, value: str | None) -> str | None:
        if value is not None and not CITATION_PATTERN.match(value):
            raise ValueError(f"'{value}' is not a citation like s31(1)(a)")
        return value

    @property
    def qualified(self) -> bool:
        """A qualified exemption: engaged, it still needs a public interest test."""
        return self.kind == "exemption" and not self.absolute

    @property
    def needs_harm_test(self) -> bool:
        """Whether a claim must record interest, causal chain and likelihood (prejudice, s38)."""
        return self.test in HARM_TESTS

    @property
    def letter_citation(self) -> str:
        """How the letter names the provision, e.g. 'section 31(1)(a)'."""
        return self.cite_as or "section " + self.citation.removeprefix("s")

    @property
    def all_factors(self) -> list[LibraryFactor]:
        return [*self.factors_for, *self.factors_against]


class IrrelevantFactor(_Data):
    """A consideration the public interest test must ignore, with phrases that reveal it."""

    id: str = Field(min_length=1)
    label: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)
    source: str = ""

    def matches(self, text: str) -> bool:
        """Whether any of the phrases occurs in ``text`` (case-insensitive)."""
        return any(_phrase_regex(phrase).search(text) for phrase in self.phrases)


class StepGuidance(_Data):
    """Plain-English guidance for one step of the wizard."""

    title: str = Field(min_length=1)
    what_the_law_asks: str = Field(min_length=1)
    why: str = Field(min_length=1)
    provision: str = Field(min_length=1)
    tips: list[str] = Field(default_factory=list)


class GlossaryEntry(_Data):
    term: str = Field(min_length=1)
    meaning: str = Field(min_length=1)


class Suggestion(_Data):
    """An exemption worth considering because the request text mentions a keyword."""

    citation: str
    reason: str
    keyword: str


def _phrase_regex(phrase: str) -> re.Pattern[str]:
    """A phrase is a regular expression matched case-insensitively from a word boundary."""
    return _compile(r"\b" + phrase)


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compile(pattern: str) -> re.Pattern[str]:
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        compiled = _PATTERNS[pattern] = re.compile(pattern, re.IGNORECASE)
    return compiled


def _keyword_regex(keyword: str) -> re.Pattern[str]:
    """Whole-word match allowing a plural ending: 'camera' finds 'cameras', not 'cameraman'."""
    return _compile(r"\b" + re.escape(keyword) + r"(?:s|es)?\b")


def _section_key(citation: str) -> tuple[int, str]:
    match = re.match(r"^s?(\d+)([A-Z]?)", citation)
    if not match:
        return (10_000, citation)
    return (int(match.group(1)), match.group(2))


class Catalogue(_Data):
    """Everything the app knows about the law, loaded from the YAML files."""

    exemptions: list[Exemption]
    general_factors_for: list[LibraryFactor]
    general_factors_against: list[LibraryFactor] = Field(default_factory=list)
    irrelevant_factors: list[IrrelevantFactor]
    steps: dict[str, StepGuidance]
    glossary: list[GlossaryEntry]

    def get(self, citation: str) -> Exemption | None:
        """The entry with exactly this catalogue citation, e.g. 's31(1)(a)'."""
        wanted = citation.strip()
        for exemption in self.exemptions:
            if exemption.citation == wanted:
                return exemption
        return None

    def by_section(self, section: str) -> list[Exemption]:
        """Every entry of one section, e.g. '31' gives s31(1)(a) to s31(1)(i)."""
        wanted = section.strip().removeprefix("s").removeprefix("S")
        return [e for e in self.exemptions if e.section.upper() == wanted.upper()]

    def search(self, query: str) -> list[Exemption]:
        """Entries matching a citation ('31', 's31', 's31(1)', 's31(1)(a)') or words.

        Words match the title, summary, interest and keywords, case-insensitively; every word
        must match. Results keep catalogue order.
        """
        text = query.strip()
        if not text:
            return []
        compact = text.replace(" ", "")
        cite = re.fullmatch(r"(?:s|section)?(\d+[A-Za-z]?)((?:\(\w+\))*)", compact, re.IGNORECASE)
        if cite:
            prefix = "s" + cite.group(1).upper() + cite.group(2)
            exact = self.get(prefix)
            if exact is not None:
                return [exact]
            return [
                e
                for e in self.exemptions
                if e.citation == prefix
                or e.citation.startswith(prefix + "(")
                or (not cite.group(2) and e.section.upper() == cite.group(1).upper())
            ]
        words = [w for w in re.split(r"\s+", text.lower()) if w]
        results = []
        for exemption in self.exemptions:
            haystack = " ".join(
                [exemption.title, exemption.summary, exemption.interest, *exemption.keywords]
            ).lower()
            if all(word in haystack for word in words):
                results.append(exemption)
        return results

    def suggest(self, text: str) -> list[Suggestion]:
        """Exemptions worth considering for this request text, one per citation.

        Order is the catalogue order; each suggestion names the first of the entry's keywords
        that the text mentions.
        """
        suggestions = []
        for exemption in self.exemptions:
            for keyword in exemption.keywords:
                if _keyword_regex(keyword).search(text):
                    suggestions.append(
                        Suggestion(
                            citation=exemption.citation,
                            reason=f"mentions {keyword}",
                            keyword=keyword,
                        )
                    )
                    break
        return suggestions

    def detect_irrelevant(self, text: str) -> list[IrrelevantFactor]:
        """Irrelevant considerations that ``text`` appears to rely on."""
        if not text:
            return []
        return [factor for factor in self.irrelevant_factors if factor.matches(text)]

    def guidance(self, step_key: str) -> StepGuidance:
        """Guidance for a step key (request, items, exemptions, harm, ...)."""
        try:
            return self.steps[step_key]
        except KeyError:
            raise KeyError(
                f"no guidance for step '{step_key}'; steps are {', '.join(STEP_KEYS)}"
            ) from None

    def library_factor(self, factor_id: str) -> LibraryFactor | None:
        """A factor from the library (any exemption, or general) by its id."""
        for factor in self._all_library_factors():
            if factor.id == factor_id:
                return factor
        return None

    def factors_for_claim(self, citation: str, ncnd: bool = False) -> dict[str, list]:
        """Library factors to offer for a claim: {'for': [...], 'against': [...]}.

        ``ncnd=True`` puts the confirm-or-deny wordings first; general factors come after the
        exemption's own ones on the 'for' side.
        """
        exemption = self.get(citation)
        own_for = list(exemption.factors_for) if exemption else []
        own_against = list(exemption.factors_against) if exemption else []

        def order(factors: list[LibraryFactor]) -> list[LibraryFactor]:
            return sorted(factors, key=lambda f: f.ncnd != ncnd)

        return {
            "for": order(own_for) + list(self.general_factors_for),
            "against": order(own_against) + list(self.general_factors_against),
        }

    def term(self, name: str) -> GlossaryEntry | None:
        for entry in self.glossary:
            if entry.term.lower() == name.strip().lower():
                return entry
        return None

    def _all_library_factors(self) -> Iterable[LibraryFactor]:
        yield from self.general_factors_for
        yield from self.general_factors_against
        for exemption in self.exemptions:
            yield from exemption.all_factors


# --- Loading and validation -------------------------------------------------------------------


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise KnowledgeError(f"{path.name}: file is missing ({path})") from None
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path.name}: not valid YAML: {error}") from None


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        loc = ".".join(str(p) for p in item.get("loc", ())) or "entry"
        parts.append(f"{loc}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def _entry_name(raw: Any, index: int) -> str:
    if isinstance(raw, dict):
        for key in ("citation", "id", "term"):
            if raw.get(key):
                return f"{key} {raw[key]!r}"
    return f"entry {index + 1}"


def _parse_list(model: type[BaseModel], raw: Any, where: str) -> list:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise KnowledgeError(f"{where}: expected a list of entries")
    items = []
    for index, entry in enumerate(raw):
        try:
            items.append(model.model_validate(entry))
        except ValidationError as error:
            raise KnowledgeError(
                f"{where}, {_entry_name(entry, index)}: {_describe(error)}"
            ) from None
    return items


def _expect_mapping(raw: Any, path: Path, keys: set[str]) -> dict:
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{path.name}: expected a mapping with keys {sorted(keys)}")
    unknown = set(raw) - keys
    if unknown:
        raise KnowledgeError(f"{path.name}: unknown top-level key(s) {sorted(unknown)}")
    return raw


def _expand_harm_prompts(raw: dict, templates: dict[str, list[HarmPrompt]]) -> dict:
    """Put the standard prompts for the entry's test first; the entry may reword any by id."""
    test = raw.get("test")
    standard = templates.get(test, []) if isinstance(test, str) else []
    own = raw.get("harm_prompts") or []
    if not isinstance(own, list):
        return raw
    own_ids = {p.get("id") for p in own if isinstance(p, dict)}
    interest = str(raw.get("interest", "the protected interest"))
    filled = [
        {
            "id": p.id,
            "question": p.question.replace("{interest}", interest),
            "help": p.help.replace("{interest}", interest),
        }
        for p in standard
        if p.id not in own_ids
    ]
    return {**raw, "harm_prompts": filled + own}


def _check_exemption(exemption: Exemption, where: str) -> None:
    def fail(message: str) -> None:
        raise KnowledgeError(f"{where}, citation {exemption.citation!r}: {message}")

    section_match = _SECTION_PATTERN.match(exemption.citation)
    if not section_match or section_match.group(1) != exemption.section:
        fail(f"section {exemption.section!r} does not match the citation")
    if exemption.source_url != LEGISLATION_URL + exemption.section:
        fail(f"source_url should be {LEGISLATION_URL}{exemption.section}")
    ncnd_section = _SECTION_PATTERN.match(exemption.ncnd_provision or "")
    if exemption.ncnd_provision and (
        not ncnd_section or ncnd_section.group(1) != exemption.section
    ):
        fail(f"ncnd_provision {exemption.ncnd_provision} is not in section {exemption.section}")
    if exemption.kind == "procedural":
        if exemption.test != "procedural":
            fail("a procedural refusal must have test 'procedural'")
        if exemption.absolute or exemption.pit_required:
            fail("a procedural refusal is neither absolute nor subject to a public interest test")
    else:
        if exemption.test == "procedural":
            fail("test 'procedural' is only for kind 'procedural'")
        if exemption.absolute and exemption.pit_required:
            fail("an absolute exemption cannot have pit_required true")
        if not exemption.absolute and not exemption.pit_required:
            fail("a qualified exemption must have pit_required true")
        if exemption.qualified:
            if len(exemption.factors_for) < 2 or len(exemption.factors_against) < 2:
                fail("a qualified exemption needs at least 2 factors for and 2 against")
            if exemption.ncnd_provision and not any(f.ncnd for f in exemption.all_factors):
                fail("a qualified exemption with an NCND provision needs factors marked ncnd")
    if exemption.needs_harm_test:
        have = {p.id for p in exemption.harm_prompts}
        missing = [pid for pid in CORE_HARM_PROMPT_IDS if pid not in have]
        if missing:
            fail(f"harm_prompts lack {missing}")
    prompt_ids = [p.id for p in exemption.harm_prompts]
    if len(prompt_ids) != len(set(prompt_ids)):
        fail("harm prompt ids are not unique")
    if not exemption.keywords:
        fail("needs at least one keyword")


def _check_unique(values: list[str], what: str, where: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise KnowledgeError(f"{where}: duplicate {what} {value!r}")
        seen.add(value)


def _check_phrases(factor: IrrelevantFactor, where: str) -> None:
    for phrase in factor.phrases:
        if phrase != phrase.lower():
            raise KnowledgeError(f"{where}, id {factor.id!r}: phrase {phrase!r} is not lowercase")
        try:
            re.compile(phrase)
        except re.error as error:
            raise KnowledgeError(
                f"{where}, id {factor.id!r}: phrase {phrase!r} is not a valid pattern: {error}"
            ) from None


def load_catalogue_from(directory: Path | str = DATA_DIR) -> Catalogue:
    """Load and validate the catalogue from ``directory`` (uncached; tests use this)."""
    directory = Path(directory)
    factors_path = directory / "factors.yaml"
    guidance_path = directory / "guidance.yaml"

    factors_raw = _expect_mapping(
        _read_yaml(factors_path),
        factors_path,
        {"general_factors_for", "general_factors_against", "irrelevant_factors"},
    )
    general_for = _parse_list(
        LibraryFactor, factors_raw.get("general_factors_for"), "factors.yaml general_factors_for"
    )
    general_against = _parse_list(
        LibraryFactor,
        factors_raw.get("general_factors_against"),
        "factors.yaml general_factors_against",
    )
    irrelevant = _parse_list(
        IrrelevantFactor, factors_raw.get("irrelevant_factors"), "factors.yaml irrelevant_factors"
    )
    for factor in irrelevant:
        _check_phrases(factor, "factors.yaml irrelevant_factors")
    _check_unique([f.id for f in irrelevant], "irrelevant factor id", "factors.yaml")

    guidance_raw = _expect_mapping(
        _read_yaml(guidance_path), guidance_path, {"steps", "glossary", "harm_prompts"}
    )
    steps_raw = guidance_raw.get("steps") or {}
    if not isinstance(steps_raw, dict):
        raise KnowledgeError("guidance.yaml steps: expected a mapping of step key to guidance")
    steps: dict[str, StepGuidance] = {}
    for key, value in steps_raw.items():
        if key not in STEP_KEYS:
            raise KnowledgeError(f"guidance.yaml steps, step {key!r}: not a step key")
        try:
            steps[key] = StepGuidance.model_validate(value)
        except ValidationError as error:
            raise KnowledgeError(f"guidance.yaml steps, step {key!r}: {_describe(error)}") from None
    missing_steps = [key for key in STEP_KEYS if key not in steps]
    if missing_steps:
        raise KnowledgeError(f"guidance.yaml steps: no guidance for {missing_steps}")
    glossary = _parse_list(GlossaryEntry, guidance_raw.get("glossary"), "guidance.yaml glossary")
    _check_unique([g.term.lower() for g in glossary], "glossary term", "guidance.yaml")

    prompts_raw = guidance_raw.get("harm_prompts") or {}
    if not isinstance(prompts_raw, dict):
        raise KnowledgeError("guidance.yaml harm_prompts: expected a mapping of test to prompts")
    templates: dict[str, list[HarmPrompt]] = {}
    for test, prompts in prompts_raw.items():
        templates[test] = _parse_list(HarmPrompt, prompts, f"guidance.yaml harm_prompts.{test}")

    exemption_files = sorted((directory / "exemptions").glob("*.yaml"))
    if not exemption_files:
        raise KnowledgeError(f"exemptions/: no YAML files in {directory / 'exemptions'}")
    exemptions: list[Exemption] = []
    citation_file: dict[str, str] = {}
    for path in exemption_files:
        where = f"exemptions/{path.name}"
        raw = _read_yaml(path)
        if raw is None:
            continue
        if not isinstance(raw, list):
            raise KnowledgeError(f"{where}: expected a list of exemption entries")
        expanded = [
            _expand_harm_prompts(entry, templates) if isinstance(entry, dict) else entry
            for entry in raw
        ]
        for exemption in _parse_list(Exemption, expanded, where):
            if exemption.citation in citation_file:
                raise KnowledgeError(
                    f"{where}, citation {exemption.citation!r}: duplicate citation "
                    f"(also in exemptions/{citation_file[exemption.citation]})"
                )
            citation_file[exemption.citation] = path.name
            _check_exemption(exemption, where)
            exemptions.append(exemption)

    exemptions.sort(key=lambda e: (_section_key(e.citation), _order_key(e.citation)))
    catalogue = Catalogue(
        exemptions=exemptions,
        general_factors_for=general_for,
        general_factors_against=general_against,
        irrelevant_factors=irrelevant,
        steps=steps,
        glossary=glossary,
    )
    factor_owner: dict[str, str] = {}
    for factor in general_for + general_against:
        if factor.id in factor_owner:
            raise KnowledgeError(f"factors.yaml: duplicate factor id {factor.id!r}")
        factor_owner[factor.id] = "factors.yaml"
    for exemption in exemptions:
        for factor in exemption.all_factors:
            if factor.id in factor_owner:
                raise KnowledgeError(
                    f"exemptions/{citation_file[exemption.citation]}, citation "
                    f"{exemption.citation!r}: factor id {factor.id!r} is not unique "
                    f"(also used in {factor_owner[factor.id]})"
                )
            factor_owner[factor.id] = exemption.citation
    return catalogue


_LIMB_ORDER = {
    "a": 1,
    "aa": 2,
    "ab": 3,
    "ac": 4,
    "ad": 5,
    "b": 10,
    "c": 11,
    "d": 12,
    "e": 13,
    "f": 14,
    "g": 15,
    "h": 16,
    "i": 17,
    "ii": 18,
}


def _order_key(citation: str) -> tuple:
    """Order limbs as the Act does: (1) before (2); (a), (aa), (ab) ... (b); (i) before (ii)."""
    parts = re.findall(r"\((\w+)\)", citation)
    key: list[tuple[int, int, str]] = []
    for part in parts:
        if part.isdigit():
            key.append((0, int(part), ""))
        elif part[0].isdigit():
            digits = re.match(r"\d+", part).group(0)
            key.append((0, int(digits), part[len(digits) :]))
        else:
            key.append((1, _LIMB_ORDER.get(part, 99), part))
    return tuple(key)
