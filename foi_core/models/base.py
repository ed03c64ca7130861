"""The base of every case part (unknown fields refused, every value cleaned) and ``new_id``."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from foi_core.bounds import clean_text, clean_value


def new_id() -> str:
    """A short random identifier for cases, claims and factors."""
    return uuid.uuid4().hex[:12]


class _Model(BaseModel):
    """Base of every case part: unknown fields refused, assignments validated, and every value
    checked by ``bounds.clean_value`` (no NUL, lone surrogate, non-finite number or impossible date;
    control characters removed)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _clean_typed_text(cls, value: Any) -> Any:
        # Before the field's own checks, so "\x1b" counts as empty text for min_length.
        if isinstance(value, str):
            return clean_text(value)
        if isinstance(value, list):
            return [clean_text(e) if isinstance(e, str) else e for e in value]
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _no_impossible_values(cls, value: Any) -> Any:
        return clean_value(value)
