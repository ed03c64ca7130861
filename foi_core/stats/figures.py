"""The published figures for one period (``Figures``), however they were counted.

``Figures.as_json()`` has exactly the keys the CLI prints: received, processed, open,
granted_in_full, partly_disclosed, refused_in_full, not_held, in_time, late, extended,
internal_reviews (with their outcomes) and exemptions (citation -> processed requests citing
it). ``timeliness`` is in time as a percentage of the processed requests, ``band`` its ICO band.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .period import Period
from .words import Band, definitions

PUBLIC_KEYS = (
    "received",
    "processed",
    "open",
    "granted_in_full",
    "partly_disclosed",
    "refused_in_full",
    "not_held",
    "in_time",
    "late",
    "extended",
    "internal_reviews",
    "exemptions",
)
COUNT_KEYS = PUBLIC_KEYS[:10]  # the plain numbers
CATEGORY_KEYS = ("granted_in_full", "partly_disclosed", "refused_in_full", "not_held")
REVIEW_KEYS = ("upheld", "upheld_in_part", "overturned", "not_decided")


def percentage(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole``, to one decimal place (None when ``whole`` is 0)."""
    return None if whole == 0 else round(100 * part / whole, 1)


@dataclass(frozen=True)
class ReviewCounts:
    """Internal reviews of the period's requests and their outcomes (in the authority's sense:
    upheld means the original decision stands)."""

    requested: int = 0
    upheld: int = 0
    upheld_in_part: int = 0
    overturned: int = 0

    @property
    def not_decided(self) -> int:
        return self.requested - self.upheld - self.upheld_in_part - self.overturned

    def as_json(self) -> dict[str, int]:
        return {
            "requested": self.requested,
            "upheld": self.upheld,
            "upheld_in_part": self.upheld_in_part,
            "overturned": self.overturned,
            "not_decided": self.not_decided,
        }


@dataclass(frozen=True)
class MonthFigures:
    """One month of the per-month series (requests by the month they were received)."""

    month: dt.date  # the first day of the month
    received: int = 0
    processed: int = 0
    in_time: int = 0
    late: int = 0

    @property
    def timeliness(self) -> float | None:
        return percentage(self.in_time, self.in_time + self.late)

    @property
    def label(self) -> str:
        return f"{self.month:%B %Y}"


@dataclass(frozen=True)
class Figures:
    """The section 45 Code of Practice figures for requests received in ``period``."""

    period: Period
    received: int = 0
    processed: int = 0
    open: int = 0
    granted_in_full: int = 0
    partly_disclosed: int = 0
    refused_in_full: int = 0
    not_held: int = 0
    in_time: int = 0
    late: int = 0
    extended: int = 0
    internal_reviews: ReviewCounts = field(default_factory=ReviewCounts)
    exemptions: Mapping[str, int] = field(default_factory=dict)
    by_month: tuple[MonthFigures, ...] = ()

    @property
    def timeliness(self) -> float | None:
        """Answered in time, as a percentage of the requests answered (None if none were)."""
        return percentage(self.in_time, self.in_time + self.late)

    @property
    def band(self) -> Band | None:
        """The ICO band of the timeliness (None while nothing has been answered)."""
        return definitions().band_for(self.timeliness)

    def count(self, key: str) -> int:
        """One of the plain numbers by its key ("received" ... "extended")."""
        if key not in COUNT_KEYS:
            raise KeyError(key)
        return int(getattr(self, key))

    def as_json(self) -> dict[str, Any]:
        """Exactly the public keys, in order (the CLI's JSON)."""
        data: dict[str, Any] = {key: self.count(key) for key in COUNT_KEYS}
        data["internal_reviews"] = self.internal_reviews.as_json()
        data["exemptions"] = dict(self.exemptions)
        return data


def ordered_exemptions(counts: Mapping[str, int]) -> dict[str, int]:
    """Exemption counts, most used first, then by section number and citation."""
    return dict(sorted(counts.items(), key=lambda pair: (-pair[1], citation_key(pair[0]))))


def citation_key(citation: str) -> tuple[int, str]:
    """Sort key: the section number, then the citation ("s40(2)" before "s43(2)")."""
    digits = ""
    for char in citation.lstrip("sS. "):
        if not char.isdigit():
            break
        digits += char
    return (int(digits) if digits else 10_000, citation)
