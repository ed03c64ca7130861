"""Building the catalogue from the YAML files (one per exemption section, factors, guidance),
with an organisation's overlay merged over them (see ``overlay``), and validating the result.

>>> load_catalogue().get("s31(1)(a)").ncnd_provision
's31(3)'
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import ValidationError

from foi_core.knowledge.catalogue import Catalogue
from foi_core.knowledge.checks import (
    check_citations_unique,
    check_exemption,
    check_factor_ids,
    check_phrases,
    check_unique,
)
from foi_core.knowledge.overlay import (
    Overlay,
    configured_overlay,
    index_changes,
    merge_change,
    merge_entries,
    merge_mapping,
)
from foi_core.knowledge.schema import (
    Exemption,
    GlossaryEntry,
    HarmPrompt,
    IrrelevantFactor,
    LibraryFactor,
    StepGuidance,
)
from foi_core.knowledge.yamlio import (
    DATA_DIR,
    KnowledgeError,
    ModelT,
    Raw,
    describe,
    expect_mapping,
    parse_entry,
    raw_entries,
    read_yaml,
)
from foi_core.steps import STEP_KEYS

EXEMPTIONS_DIR = DATA_DIR / "exemptions"
FACTOR_KEYS = {"general_factors_for", "general_factors_against", "irrelevant_factors"}
GUIDANCE_KEYS = {"steps", "glossary", "harm_prompts"}
Layers = tuple[dict, dict, str, str]  # a file's built-in and overlay mappings and their labels


def load_catalogue() -> Catalogue:
    """The validated catalogue with the configured overlay (cached per overlay folder)."""
    return _cached_catalogue(configured_overlay())


@functools.cache
def _cached_catalogue(overlay: Path | None) -> Catalogue:
    return load_catalogue_from(DATA_DIR, overlay)


def load_catalogue_from(
    directory: Path | str = DATA_DIR, overlay: Path | str | None = None
) -> Catalogue:
    """Load and validate the catalogue from ``directory`` with the ``overlay`` folder merged
    over it (uncached; tests use this)."""
    directory = Path(directory)
    layer = Overlay(overlay)
    factors = _read_layers(directory, layer, "factors.yaml", FACTOR_KEYS)
    guidance = _read_layers(directory, layer, "guidance.yaml", GUIDANCE_KEYS)

    general_for = _merged(factors, "general_factors_for", "factor", LibraryFactor)
    general_against = _merged(factors, "general_factors_against", "factor", LibraryFactor)
    irrelevant = _merged(factors, "irrelevant_factors", "irrelevant factor", IrrelevantFactor)
    for factor, where in irrelevant:
        check_phrases(factor, where)
    check_unique([f.id for f, _ in irrelevant], "irrelevant factor id", "factors.yaml")

    steps = _steps(guidance)
    glossary = _merged(guidance, "glossary", "glossary term", GlossaryEntry, key="term")
    check_unique([g.term.lower() for g, _ in glossary], "glossary term", "guidance.yaml")
    templates = _harm_prompt_templates(guidance)

    exemptions = _exemptions(directory, layer, templates)
    exemptions.sort(key=lambda pair: (_section_key(pair[0].citation), _order_key(pair[0].citation)))
    check_citations_unique(exemptions)
    check_factor_ids(
        [
            *((f.id, "factors.yaml", _file(where)) for f, where in general_for + general_against),
            *((f.id, e.citation, where) for e, where in exemptions for f in e.all_factors),
        ]
    )
    return Catalogue(
        exemptions=[e for e, _ in exemptions],
        general_factors_for=[f for f, _ in general_for],
        general_factors_against=[f for f, _ in general_against],
        irrelevant_factors=[f for f, _ in irrelevant],
        steps=steps,
        glossary=[g for g, _ in glossary],
    )


def _read_layers(directory: Path, layer: Overlay, name: str, keys: set[str]) -> Layers:
    path = directory / name
    base = expect_mapping(read_yaml(path), path.name, keys)
    return base, layer.read(name, keys), name, layer.label(name)


def _merged(
    layers: Layers, field: str, what: str, model: type[ModelT], key: str = "id"
) -> list[tuple[ModelT, str]]:
    """The entries of one list, overlay merged, validated: [(entry, where it came from)]."""
    base, change, name, label = layers
    entries = merge_entries(
        raw_entries(base.get(field), f"{name} {field}"),
        raw_entries(change.get(field), f"{label} {field}"),
        key,
        what=what,
    )
    return [(parse_entry(model, entry), entry.where) for entry in entries]


def _file(where: str) -> str:
    """The file part of a "file list" label: 'overlay factors.yaml general_factors_for' gives
    'overlay factors.yaml'."""
    return where.rsplit(" ", 1)[0]


def _steps(layers: Layers) -> dict[str, StepGuidance]:
    base, change, name, label = layers
    if not isinstance(base.get("steps") or {}, dict):
        raise KnowledgeError(f"{name} steps: expected a mapping of step key to guidance")
    raw = {
        key: Raw(value, f"{name} steps", index)
        for index, (key, value) in enumerate((base.get("steps") or {}).items())
    }
    raw = merge_mapping(raw, change.get("steps"), f"{label} steps")
    steps: dict[str, StepGuidance] = {}
    for key, entry in raw.items():
        if key not in STEP_KEYS:
            raise KnowledgeError(f"{entry.where}, step {key!r}: not a step key")
        try:
            steps[key] = StepGuidance.model_validate(entry.data)
        except ValidationError as error:
            raise KnowledgeError(f"{entry.where}, step {key!r}: {describe(error)}") from None
    missing = [key for key in STEP_KEYS if key not in steps]
    if missing:
        raise KnowledgeError(f"{name} steps: no guidance for {missing}")
    return steps


def _harm_prompt_templates(layers: Layers) -> dict[str, list[HarmPrompt]]:
    """The standard harm prompts per test, the overlay's merged by id."""
    base, change, name, label = layers
    templates: dict[str, list[HarmPrompt]] = {}
    for source, where in ((base, name), (change, label)):
        if not isinstance(source.get("harm_prompts") or {}, dict):
            raise KnowledgeError(f"{where} harm_prompts: expected a mapping of test to prompts")
    base_prompts = base.get("harm_prompts") or {}
    changed = change.get("harm_prompts") or {}
    for test in [*base_prompts, *(t for t in changed if t not in base_prompts)]:
        entries = merge_entries(
            raw_entries(base_prompts.get(test), f"{name} harm_prompts.{test}"),
            raw_entries(changed.get(test), f"{label} harm_prompts.{test}"),
            "id",
            what="harm prompt",
        )
        templates[test] = [parse_entry(HarmPrompt, entry) for entry in entries]
    return templates


def _exemptions(
    directory: Path, layer: Overlay, templates: dict[str, list[HarmPrompt]]
) -> list[tuple[Exemption, str]]:
    """Every exemption entry, the overlay merged by citation, validated and checked."""
    files = sorted((directory / "exemptions").glob("*.yaml"))
    if not files:
        raise KnowledgeError(f"exemptions/: no YAML files in {directory / 'exemptions'}")
    base: list[Raw] = []
    citation_file: dict[str, str] = {}
    for path in files:
        where = f"exemptions/{path.name}"
        raw = read_yaml(path)
        if raw is not None and not isinstance(raw, list):
            raise KnowledgeError(f"{where}: expected a list of exemption entries")
        for entry in raw_entries(raw, where):
            citation = entry.data.get("citation") if isinstance(entry.data, dict) else None
            if isinstance(citation, str) and citation in citation_file:
                raise KnowledgeError(
                    f"{where}, citation {citation!r}: duplicate citation "
                    f"(also in exemptions/{citation_file[citation]})"
                )
            if isinstance(citation, str):
                citation_file[citation] = path.name
            base.append(entry)
    changes = index_changes(
        base, layer.exemption_changes(), "citation", what="exemption", can_add=False
    )
    exemptions = []
    for entry in base:
        if isinstance(entry.data, dict):
            change = changes.get(str(entry.data.get("citation")))
            if change is None:
                entry = entry._replace(data=_expand_harm_prompts(entry.data, templates))
            else:
                entry = _merge_exemption(entry, change, templates)
        exemption = parse_entry(Exemption, entry)
        check_exemption(exemption, entry.where)
        exemptions.append((exemption, entry.where))
    return exemptions


def _merge_exemption(entry: Raw, change: Raw, templates: dict[str, list[HarmPrompt]]) -> Raw:
    """The overlay's fields over the entry; its harm prompts merge over the expanded standard
    ones, so a change to one standard prompt keeps its place."""
    fields = {k: v for k, v in change.data.items() if k != "harm_prompts"}
    merged = merge_change(entry.data, change._replace(data=fields))
    expanded = _expand_harm_prompts(merged.data, templates)
    if "harm_prompts" not in change.data:
        return merged._replace(data=expanded)
    prompts = {"harm_prompts": change.data["harm_prompts"]}
    return merge_change(expanded, change._replace(data=prompts))


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


def _section_key(citation: str) -> tuple[int, str]:
    match = re.match(r"^s?(\d+)([A-Z]?)", citation)
    if not match:
        return (10_000, citation)
    return (int(match.group(1)), match.group(2))


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
