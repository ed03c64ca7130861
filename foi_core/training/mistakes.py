"""The fixed vocabulary of mistakes training feedback names, and what each means (data in
``mistakes.yaml``: title, why it matters, penalty, step, the checker rules that count as it).

>>> kind_for_rule("pit-on-absolute")
<MistakeKind.PIT_ON_ABSOLUTE: 'pit_on_absolute'>
>>> kind_for_rule("no-review-rights")  # any rule listed nowhere is a defect of the notice
<MistakeKind.S17_DEFECT: 's17_defect'>
"""

from __future__ import annotations

import functools
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from foi_core.knowledge import load_rule_book
from foi_core.knowledge.yamlio import KnowledgeError, expect_mapping, parse_list, read_yaml
from foi_core.steps import STEP_KEYS

MISTAKES_PATH = Path(__file__).resolve().parent / "mistakes.yaml"


class MistakeKind(StrEnum):
    """The kinds of mistake feedback names (a fixed vocabulary: the issue's exact names)."""

    WRONG_OUTCOME = "wrong_outcome"
    MISSED_EXEMPTION = "missed_exemption"
    UNSUPPORTED_EXEMPTION = "unsupported_exemption"
    WRONG_MODE = "wrong_mode"
    HARM_INCOMPLETE = "harm_incomplete"
    WRONG_LIKELIHOOD = "wrong_likelihood"
    PIT_ONE_SIDED = "pit_one_sided"
    PIT_ON_ABSOLUTE = "pit_on_absolute"
    IRRELEVANT_FACTOR = "irrelevant_factor"
    MISSED_KEY_CONSIDERATION = "missed_key_consideration"
    WRONG_BALANCE = "wrong_balance"
    NCND_LEAK = "ncnd_leak"
    S17_DEFECT = "s17_defect"


class MistakeInfo(BaseModel):
    """What one kind of mistake means, as ``mistakes.yaml`` words it."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    kind: MistakeKind
    title: str = Field(min_length=1, max_length=200)
    why_it_matters: str = Field(min_length=1, max_length=1_000)
    penalty: int = Field(ge=1, le=100)
    step: str
    rules: list[str] = Field(default_factory=list)


class MistakeBook(BaseModel):
    """Every kind's meaning, and which kind each checker rule counts as."""

    model_config = ConfigDict(frozen=True)

    kinds: dict[MistakeKind, MistakeInfo]
    by_rule: dict[str, MistakeKind]

    def info(self, kind: MistakeKind) -> MistakeInfo:
        return self.kinds[kind]


def load_mistakes_from(path: Path | str = MISTAKES_PATH) -> MistakeBook:
    """Read and validate a mistakes file (uncached); a problem names the file and the entry."""
    path = Path(path)
    label = path.name
    raw = expect_mapping(read_yaml(path, label), label, {"source", "mistakes"})
    entries = parse_list(MistakeInfo, raw.get("mistakes"), f"{label} mistakes")
    known_rules = {rule.id for rule in load_rule_book().rules}
    kinds: dict[MistakeKind, MistakeInfo] = {}
    by_rule: dict[str, MistakeKind] = {}
    for info in entries:
        where = f"{label} mistakes, kind {info.kind.value!r}"
        if info.kind in kinds:
            raise KnowledgeError(f"{where}: the kind is listed twice")
        if info.step not in STEP_KEYS:
            raise KnowledgeError(f"{where}: step: {info.step!r} is not one of {list(STEP_KEYS)}")
        for rule_id in info.rules:
            if rule_id not in known_rules:
                raise KnowledgeError(f"{where}: rules: {rule_id!r} is not a checker rule")
            if rule_id in by_rule:
                raise KnowledgeError(
                    f"{where}: rules: {rule_id!r} already counts as {by_rule[rule_id].value}"
                )
            by_rule[rule_id] = info.kind
        kinds[info.kind] = info
    missing = [kind.value for kind in MistakeKind if kind not in kinds]
    if missing:
        raise KnowledgeError(f"{label} mistakes: no entry for {missing}")
    return MistakeBook(kinds=kinds, by_rule=by_rule)


@functools.cache
def load_mistakes() -> MistakeBook:
    """The built-in mistakes file (read and validated once a process)."""
    return load_mistakes_from()


def kind_for_rule(rule_id: str) -> MistakeKind:
    """The kind of mistake an error finding of ``rule_id`` counts as (s17_defect by default)."""
    return load_mistakes().by_rule.get(rule_id, MistakeKind.S17_DEFECT)
