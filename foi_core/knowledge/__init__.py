"""Legal knowledge as validated YAML data: exemptions, factors, guidance, glossary, rules.

>>> cat = load_catalogue()
>>> cat.get("s31(1)(a)").ncnd_provision
's31(3)'
"""

from __future__ import annotations

import functools

from foi_core.knowledge.catalogue import (
    CORE_HARM_PROMPT_IDS,
    DATA_DIR,
    STEP_KEYS,
    Catalogue,
    Exemption,
    GlossaryEntry,
    HarmPrompt,
    IrrelevantFactor,
    KnowledgeError,
    LibraryFactor,
    StepGuidance,
    Suggestion,
    load_catalogue_from,
)
from foi_core.knowledge.rules import (
    Rule,
    RuleBook,
    load_ncnd_leak_phrases,
    load_rule_book,
    load_rule_book_from,
    load_rules,
)


@functools.cache
def load_catalogue() -> Catalogue:
    """The validated catalogue (cached: loaded once per process)."""
    return load_catalogue_from(DATA_DIR)


__all__ = [
    "CORE_HARM_PROMPT_IDS",
    "STEP_KEYS",
    "Catalogue",
    "Exemption",
    "GlossaryEntry",
    "HarmPrompt",
    "IrrelevantFactor",
    "KnowledgeError",
    "LibraryFactor",
    "Rule",
    "RuleBook",
    "StepGuidance",
    "Suggestion",
    "load_catalogue",
    "load_catalogue_from",
    "load_ncnd_leak_phrases",
    "load_rule_book",
    "load_rule_book_from",
    "load_rules",
]
