"""The law at a date: wording and figures that depend on the day of the response, from
``law.yaml`` (periods with ``in_force_from`` / ``in_force_to`` and a source).

>>> law_at(date(2019, 3, 1)).data_protection_law
'the General Data Protection Regulation (GDPR) and the Data Protection Act 2018'
>>> law_at(date(2025, 7, 23)).combined_balance_allowed
True
"""

from __future__ import annotations

import functools
import itertools
from datetime import date, timedelta
from pathlib import Path
from typing import Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from foi_core.knowledge.yamlio import (
    DATA_DIR,
    KnowledgeError,
    expect_mapping,
    parse_entry,
    raw_entries,
    read_yaml,
)

LAW_FILE = DATA_DIR / "law.yaml"
# The right of access under the Act began on this day; every topic starts on it.
ACCESS_RIGHT_BEGAN = date(2005, 1, 1)


class LawDateError(ValueError):
    """A day the law data does not cover; the message is one plain sentence."""


class _Period(BaseModel):
    """One period a rule was in force, both days included (``in_force_to`` None: still is)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    in_force_from: date
    in_force_to: date | None
    source: str = Field(pattern=r"^https://")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.in_force_to is not None and self.in_force_to < self.in_force_from:
            raise ValueError("in_force_to is before in_force_from")
        return self

    def covers(self, day: date) -> bool:
        return self.in_force_from <= day and (self.in_force_to is None or day <= self.in_force_to)


PeriodT = TypeVar("PeriodT", bound=_Period)


class DataProtectionLaw(_Period):
    """The data protection law s40 applies, in the letter's words."""

    wording: str = Field(min_length=1)


class CombinedBalance(_Period):
    """Whether several qualified exemptions' public interests may be weighed together."""

    allowed: bool
    case: str = ""
    decided: date | None = None

    @model_validator(mode="after")
    def _authority(self) -> Self:
        if self.allowed and not (self.case and self.decided):
            raise ValueError("a period that allows the combined balance names its case and date")
        return self


class CostLimit(_Period):
    """The s12 appropriate limit for police forces and how staff time is costed."""

    limit_pounds: int = Field(gt=0)
    hourly_rate_pounds: int = Field(gt=0)
    hours: int = Field(gt=0)
    regulations: str = Field(min_length=1)

    @model_validator(mode="after")
    def _adds_up(self) -> Self:
        if self.hours * self.hourly_rate_pounds != self.limit_pounds:
            raise ValueError("hours times hourly_rate_pounds must equal limit_pounds")
        return self


class LawAtDate(BaseModel):
    """What the law says on ``day``, as the letter needs it."""

    model_config = ConfigDict(frozen=True)

    day: date
    data_protection_law: str  # e.g. 'the UK General Data Protection Regulation (UK GDPR) and ...'
    combined_balance_allowed: bool  # DBT v IC [2025] UKSC 27, from 23 July 2025
    combined_balance_case: str  # the case allowing it ('' when not allowed)
    combined_balance_decided: date | None
    cost_limit: CostLimit
    sources: dict[str, str]  # topic -> the source of the period in force


class LawBook(BaseModel):
    """Every topic's periods, checked to leave no gap and no overlap."""

    model_config = ConfigDict(frozen=True)

    data_protection_law: list[DataProtectionLaw]
    combined_balance: list[CombinedBalance]
    cost_limit: list[CostLimit]

    def at(self, day: date) -> LawAtDate:
        """The law on ``day``; LawDateError for a day before the right of access began."""
        if day < ACCESS_RIGHT_BEGAN:
            raise LawDateError(
                f"No law is recorded for {_long(day)}: the right of access under the Act "
                f"began on {_long(ACCESS_RIGHT_BEGAN)}."
            )
        protection = _in_force(self.data_protection_law, day)
        balance = _in_force(self.combined_balance, day)
        cost = _in_force(self.cost_limit, day)
        return LawAtDate(
            day=day,
            data_protection_law=protection.wording,
            combined_balance_allowed=balance.allowed,
            combined_balance_case=balance.case,
            combined_balance_decided=balance.decided,
            cost_limit=cost,
            sources={
                "data_protection_law": protection.source,
                "combined_balance": balance.source,
                "cost_limit": cost.source,
            },
        )


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _in_force(periods: list[PeriodT], day: date) -> PeriodT:
    return next(p for p in periods if p.covers(day))


def check_periods(periods: list[_Period], where: str) -> None:
    """The periods of one topic run from ACCESS_RIGHT_BEGAN, one after another with no gap or
    overlap, the last still in force."""
    if not periods:
        raise KnowledgeError(f"{where}: no periods")
    if periods[0].in_force_from != ACCESS_RIGHT_BEGAN:
        raise KnowledgeError(
            f"{where}, id {periods[0].id!r}: the first period must start on "
            f"{ACCESS_RIGHT_BEGAN.isoformat()}"
        )
    for before, after in itertools.pairwise(periods):
        if before.in_force_to is None:
            raise KnowledgeError(f"{where}, id {before.id!r}: only the last period may be open")
        expected = before.in_force_to + timedelta(days=1)
        if after.in_force_from > expected:
            problem = f"a gap from {expected.isoformat()}"
        elif after.in_force_from < expected:
            problem = f"an overlap with {before.id!r}"
        else:
            continue
        raise KnowledgeError(f"{where}, id {after.id!r}: {problem}")
    if periods[-1].in_force_to is not None:
        raise KnowledgeError(
            f"{where}, id {periods[-1].id!r}: the last period must be open (in_force_to: null)"
        )


def load_law_from(path: Path | str = LAW_FILE) -> LawBook:
    """Read and check the law file (uncached; tests use this)."""
    path = Path(path)
    fields: dict[str, type[_Period]] = {
        "data_protection_law": DataProtectionLaw,
        "combined_balance": CombinedBalance,
        "cost_limit": CostLimit,
    }
    raw = expect_mapping(read_yaml(path), path.name, set(fields))
    topics: dict[str, list] = {}
    for topic, model in fields.items():
        where = f"{path.name} {topic}"
        periods = [parse_entry(model, entry) for entry in raw_entries(raw.get(topic), where)]
        periods.sort(key=lambda p: p.in_force_from)
        check_periods(periods, where)
        topics[topic] = periods
    return LawBook(**topics)


@functools.cache
def load_law() -> LawBook:
    """The built-in law file, read once."""
    return load_law_from(LAW_FILE)


def law_at(day: date) -> LawAtDate:
    """The law on ``day`` (the response's date): data protection wording for s40, whether a
    combined public interest balance is allowed, the s12 cost limit."""
    return load_law().at(day)
