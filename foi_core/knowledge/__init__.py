"""Legal knowledge as validated YAML data: exemptions, factors, guidance, glossary, rules.

Modules: ``schema`` (the models), ``yamlio`` (reading YAML, plain errors), ``overlay`` (an
organisation's own wording merged over the built-in data), ``checks`` (rules the data follows),
``loader`` (builds the catalogue), ``catalogue`` (the look-ups), ``rules`` (the checker's rules),
``language`` (irrelevant factors, NCND giveaways and a balance's side in any wording),
``citations`` (citations as people type them), ``law`` (the law at a date, from law.yaml).

>>> cat = load_catalogue()
>>> cat.get("s31(1)(a)").ncnd_provision
's31(3)'
"""

from __future__ import annotations

from foi_core.knowledge.catalogue import Catalogue
from foi_core.knowledge.citations import CitationError, normalise_citation, parse_citations
from foi_core.knowledge.language import (
    argued_side,
    concept_found,
    holding_giveaways,
    load_language,
    mentions,
    subject_terms,
)
from foi_core.knowledge.law import LawAtDate, LawDateError, law_at
from foi_core.knowledge.loader import load_catalogue, load_catalogue_from
from foi_core.knowledge.rules import (
    Rule,
    RuleBook,
    load_ncnd_leak_phrases,
    load_rule_book,
    load_rule_book_from,
    load_rules,
)
from foi_core.knowledge.schema import (
    CORE_HARM_PROMPT_IDS,
    Exemption,
    GlossaryEntry,
    HarmPrompt,
    IrrelevantFactor,
    LibraryFactor,
    RecordPrompt,
    StepGuidance,
    Suggestion,
)
from foi_core.knowledge.yamlio import DATA_DIR, KnowledgeError
from foi_core.steps import STEP_KEYS

__all__ = [
    "CORE_HARM_PROMPT_IDS",
    "DATA_DIR",
    "STEP_KEYS",
    "Catalogue",
    "CitationError",
    "Exemption",
    "GlossaryEntry",
    "HarmPrompt",
    "IrrelevantFactor",
    "KnowledgeError",
    "LawAtDate",
    "LawDateError",
    "LibraryFactor",
    "RecordPrompt",
    "Rule",
    "RuleBook",
    "StepGuidance",
    "Suggestion",
    "argued_side",
    "concept_found",
    "holding_giveaways",
    "law_at",
    "load_catalogue",
    "load_catalogue_from",
    "load_language",
    "load_ncnd_leak_phrases",
    "load_rule_book",
    "load_rule_book_from",
    "load_rules",
    "mentions",
    "normalise_citation",
    "parse_citations",
    "subject_terms",
]
