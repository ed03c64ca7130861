"""Metadata for the checker's rules, loaded from rules.yaml (the logic lives in foi_core.checker).

An overlay's rules.yaml rewords rules by id and may replace ``ncnd_leak_phrases`` (see
``overlay``).

Rule messages and fixes may contain the placeholders ``{citation}``, ``{items}`` and
``{detail}``; ``Rule.render_message`` / ``Rule.render_fix`` fill them (missing values become
empty text, so a rule never shows raw braces).
"""

from __future__ import annotations

import functools
import re
import string
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from foi_core.knowledge.overlay import Overlay, configured_overlay, merge_entries
from foi_core.knowledge.yamlio import (
    DATA_DIR,
    KnowledgeError,
    expect_mapping,
    parse_entry,
    raw_entries,
    read_yaml,
)
from foi_core.steps import STEP_KEYS, StepKey

RULES_PATH = DATA_DIR / "rules.yaml"
RULE_KEYS = {"rules", "ncnd_leak_phrases"}
PLACEHOLDERS = frozenset({"citation", "items", "detail"})
_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class _FillBlank(dict):
    def __missing__(self, key: str) -> str:
        return ""


class Rule(BaseModel):
    """One check the s17 lint runs: what it means and how to fix it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    severity: Literal["error", "warning"]
    title: str = Field(min_length=1)
    message: str = Field(min_length=1)
    fix: str = Field(min_length=1)
    provision: str = Field(min_length=1)
    step: StepKey

    @field_validator("id")
    @classmethod
    def _kebab(cls, value: str) -> str:
        if not _KEBAB.match(value):
            raise ValueError(f"rule id '{value}' must be kebab-case, like no-review-rights")
        return value

    @field_validator("message", "fix")
    @classmethod
    def _known_placeholders(cls, value: str) -> str:
        names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        unknown = names - PLACEHOLDERS
        if unknown:
            raise ValueError(
                f"unknown placeholder(s) {sorted(unknown)}; use {sorted(PLACEHOLDERS)}"
            )
        return value

    def render_message(self, citation: str = "", items: str = "", detail: str = "") -> str:
        return _fill(self.message, citation=citation, items=items, detail=detail)

    def render_fix(self, citation: str = "", items: str = "", detail: str = "") -> str:
        return _fill(self.fix, citation=citation, items=items, detail=detail)


def _fill(template: str, **values: str) -> str:
    text = template.format_map(_FillBlank(values))
    return re.sub(r"\s{2,}", " ", text).replace(" .", ".").strip()


class RuleBook(BaseModel):
    """All rules plus data some rules need (phrases that give away an NCND holding)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[Rule]
    ncnd_leak_phrases: list[str]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"no rule with id '{rule_id}'")

    def leaks(self, text: str) -> list[str]:
        """The leak phrases found in ``text`` (whole words, case-insensitive)."""
        found = []
        for phrase in self.ncnd_leak_phrases:
            if re.search(r"\b" + re.escape(phrase) + r"\b", text, re.IGNORECASE):
                found.append(phrase)
        return found


def load_rule_book_from(
    path: Path | str = RULES_PATH, overlay: Path | str | None = None
) -> RuleBook:
    """Load and validate rules.yaml with the ``overlay`` folder's rules.yaml merged over it
    (uncached; tests use this)."""
    path = Path(path)
    layer = Overlay(overlay)
    raw = expect_mapping(read_yaml(path), path.name, RULE_KEYS)
    change = layer.read("rules.yaml", RULE_KEYS)
    if not isinstance(raw.get("rules"), list):
        raise KnowledgeError(f"{path.name}: 'rules' must be a list")
    entries = merge_entries(
        raw_entries(raw["rules"], path.name),
        raw_entries(change.get("rules"), layer.label("rules.yaml")),
        "id",
        what="rule",
        can_add=False,
    )
    rules = []
    seen: set[str] = set()
    for entry in entries:
        rule = parse_entry(Rule, entry)
        if rule.id in seen:
            raise KnowledgeError(f"{entry.where}, id {rule.id!r}: duplicate rule id")
        seen.add(rule.id)
        rules.append(rule)
    where = path.name
    phrases = raw.get("ncnd_leak_phrases") or []
    if "ncnd_leak_phrases" in change:
        where, phrases = layer.label("rules.yaml"), change["ncnd_leak_phrases"] or []
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p for p in phrases):
        raise KnowledgeError(f"{where}: 'ncnd_leak_phrases' must be a list of phrases")
    return RuleBook(rules=rules, ncnd_leak_phrases=[p.lower() for p in phrases])


def load_rule_book() -> RuleBook:
    """The validated rule book with the configured overlay (cached per overlay folder)."""
    return _cached_rule_book(configured_overlay())


@functools.cache
def _cached_rule_book(overlay: Path | None) -> RuleBook:
    return load_rule_book_from(RULES_PATH, overlay)


def load_rules() -> list[Rule]:
    """The checker's rules in file order (cached)."""
    return list(load_rule_book().rules)


def load_ncnd_leak_phrases() -> list[str]:
    return list(load_rule_book().ncnd_leak_phrases)


__all__ = [
    "STEP_KEYS",
    "Rule",
    "RuleBook",
    "load_ncnd_leak_phrases",
    "load_rule_book",
    "load_rule_book_from",
    "load_rules",
]
