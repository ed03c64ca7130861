"""Training: scenarios (data), feedback on a trainee's attempt, sessions a trainer runs.

A trainee's attempt is an ordinary Case of kind ``training`` (``Case.training`` names its
scenario), worked through the same pages as a live case and never shown in the register, the
statistics or the disclosure log.
"""

from __future__ import annotations

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
    "ConsiderationStep",
    "DecisionSource",
    "ExpectedClaim",
    "ItemRubric",
    "KeyConsideration",
    "Level",
    "Rubric",
    "Scenario",
    "WrongClaim",
]
