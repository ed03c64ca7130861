"""The s12 cost estimate and what moves the clock: a PIT extension, clarification, a fees notice."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from foi_core.bounds import MAX_HOURLY_RATE, MAX_LIMIT_POUNDS, MAX_MINUTES_EACH, MAX_RECORDS

from .base import _Model


class CostActivity(StrEnum):
    """The only activities that may be counted towards the s12 limit (Fees Regulations reg 4(3))."""

    DETERMINE = "determine"
    LOCATE = "locate"
    RETRIEVE = "retrieve"
    EXTRACT = "extract"


class CostLine(_Model):
    """One line of a cost estimate: records x minutes each."""

    activity: CostActivity
    description: str = ""
    records: int = Field(ge=0, le=MAX_RECORDS)
    minutes_each: float = Field(ge=0, le=MAX_MINUTES_EACH)

    @property
    def minutes(self) -> float:
        return self.records * self.minutes_each


class CostEstimate(_Model):
    """The s12 estimate with the s16 advice on narrowing the request."""

    lines: list[CostLine] = Field(default_factory=list)
    hourly_rate: float = Field(default=25.0, gt=0, le=MAX_HOURLY_RATE)
    limit_pounds: float = Field(default=450.0, gt=0, le=MAX_LIMIT_POUNDS)
    method: str = ""
    s16_advice: str = ""

    @property
    def total_hours(self) -> float:
        return sum(line.minutes for line in self.lines) / 60

    @property
    def total_cost(self) -> float:
        return self.total_hours * self.hourly_rate

    @property
    def limit_hours(self) -> float:
        return self.limit_pounds / self.hourly_rate

    @property
    def exceeds_limit(self) -> bool:
        return self.total_cost > self.limit_pounds


class ExtensionStatus(StrEnum):
    PLANNED = "planned"
    NOTIFIED = "notified"
    COMPLETED = "completed"


class PITExtension(_Model):
    """A s10(3) extension to consider the public interest, notified under s17(2)."""

    estimated_date: dt.date
    decision_maker: str = ""
    reason: str = ""
    status: ExtensionStatus = ExtensionStatus.PLANNED
    notified_on: dt.date | None = None
    completed_on: dt.date | None = None


class Clarification(_Model):
    """A s1(3) request for clarification: the clock restarts when the answer arrives."""

    asked_on: dt.date
    received_on: dt.date | None = None


class FeesNotice(_Model):
    """A fees notice: the clock pauses from issue until payment (s10(2))."""

    issued_on: dt.date
    paid_on: dt.date | None = None
