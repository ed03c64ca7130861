"""What a copy remembers of the earlier case it started from, so the check can point out what
may still describe the earlier request (``foi_core.stale``)."""

from __future__ import annotations

from pydantic import Field

from .base import _Model


class CopiedValue(_Model):
    """A value copied as it stood in the earlier case (a decision date, a decision maker)."""

    path: str = Field(max_length=300)  # the field, as foi_core.changes writes paths
    value: str = Field(max_length=400)
    what: str = Field(default="", max_length=200)  # in words: "the date the balance was decided"


class CopiedFrom(_Model):
    """The earlier case a copy started from: its reference, the specifics its request named
    (numbers, dates, years, proper nouns) with its own dates in words, and the values copied
    that belonged to it."""

    case_id: str = Field(max_length=64)
    ref: str = Field(default="", max_length=200)
    specifics: list[str] = Field(default_factory=list)
    values: list[CopiedValue] = Field(default_factory=list)
