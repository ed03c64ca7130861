"""Training: scenarios (data), feedback on a trainee's attempt, sessions a trainer runs.

A trainee's attempt is an ordinary Case of kind ``training`` (``Case.training`` names its
scenario), worked through the same pages as a live case and never shown in the register, the
statistics or the disclosure log.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from .bank import bank_problems, load_scenarios, load_scenarios_from, starting_case
    from .feedback import ComparisonRow, Feedback, Mistake, side_by_side
    from .mistakes import MistakeInfo, MistakeKind, load_mistakes

# The marking engine (bank, feedback, mistakes) pulls in the checker and the catalogue: it is
# imported on first use, so the store and the CLI, which only need the records, start quickly.
# The function ``feedback`` is imported from its module (the name is the submodule's here).
_LAZY = {
    "bank_problems": "bank",
    "load_scenarios": "bank",
    "load_scenarios_from": "bank",
    "starting_case": "bank",
    "ComparisonRow": "feedback",
    "Feedback": "feedback",
    "Mistake": "feedback",
    "side_by_side": "feedback",
    "MistakeInfo": "mistakes",
    "MistakeKind": "mistakes",
    "load_mistakes": "mistakes",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    "load_mistakes",
    "load_scenarios",
    "load_scenarios_from",
    "side_by_side",
    "starting_case",
]
