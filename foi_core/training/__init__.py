"""Training: scenarios (data), feedback on a trainee's attempt, sessions a trainer runs.

A trainee's attempt is an ordinary Case of kind ``training`` (``Case.training`` names its
scenario), worked through the same pages as a live case and never shown in the register, the
statistics or the disclosure log.
"""

from __future__ import annotations

from .bank import (
    bank_problems,
    load_scenarios,
    load_scenarios_from,
    starting_case,
)
from .feedback import ComparisonRow, Feedback, Mistake, feedback, side_by_side
from .mistakes import MistakeInfo, MistakeKind, load_mistakes
from .scenario import (
    LEVEL_LABELS,
    CaseFileEntry,
    ConsiderationStep,
    DecisionSource,
    ExpectedClaim,
    ItemRubric,
    KeyConsideration,
    Level,
    Rubric,
    Scenario,
    WrongClaim,
)

__all__ = [
    "LEVEL_LABELS",
    "CaseFileEntry",
    "ComparisonRow",
    "ConsiderationStep",
    "DecisionSource",
    "ExpectedClaim",
    "Feedback",
    "ItemRubric",
    "KeyConsideration",
    "Level",
    "Mistake",
    "MistakeInfo",
    "MistakeKind",
    "Rubric",
    "Scenario",
    "WrongClaim",
    "bank_problems",
    "feedback",
    "load_mistakes",
    "load_scenarios",
    "load_scenarios_from",
    "side_by_side",
    "starting_case",
]
