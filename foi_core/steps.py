"""The steps of the walkthrough: the one list of step keys and titles.

Checker findings, step statuses, guidance and the pages all name steps by these keys. Which page
draws a step is the UI's business (``ui.nav``), not the engine's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

StepKey = Literal[
    "request", "items", "exemptions", "harm", "public_interest", "balance", "check", "letter"
]


@dataclass(frozen=True)
class Step:
    """One step of the walkthrough: its key and its title."""

    key: StepKey
    title: str


STEPS: tuple[Step, ...] = (
    Step("request", "Request"),
    Step("items", "Items"),
    Step("exemptions", "Exemptions"),
    Step("harm", "Harm"),
    Step("public_interest", "Public interest"),
    Step("balance", "Balance"),
    Step("check", "Check"),
    Step("letter", "Letter"),
)
STEP_KEYS: tuple[str, ...] = tuple(step.key for step in STEPS)
STEPS_BY_KEY: dict[str, Step] = {step.key: step for step in STEPS}
