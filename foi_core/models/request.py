"""The request as received: numbered items, their outcomes, and the requester (personal data)."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from foi_core.bounds import MAX_ITEMS, today
from foi_core.plain import plain_date

from .base import _Model


class Outcome(StrEnum):
    """What happens to one numbered item of the request."""

    DISCLOSED = "disclosed"
    PARTLY_DISCLOSED = "partly_disclosed"
    NOT_HELD = "not_held"
    ACCESSIBLE_ELSEWHERE = "accessible_elsewhere"
    EXEMPT = "exempt"
    NCND = "ncnd"
    COST_LIMIT = "cost_limit"
    VEXATIOUS = "vexatious"
    REPEATED = "repeated"


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.DISCLOSED: "Disclosed in full",
    Outcome.PARTLY_DISCLOSED: "Partly disclosed (the rest withheld)",
    Outcome.NOT_HELD: "Not held",
    Outcome.ACCESSIBLE_ELSEWHERE: "Reasonably accessible elsewhere (s21)",
    Outcome.EXEMPT: "Withheld under an exemption",
    Outcome.NCND: "Neither confirm nor deny",
    Outcome.COST_LIMIT: "Refused: cost limit (s12)",
    Outcome.VEXATIOUS: "Refused: vexatious (s14(1))",
    Outcome.REPEATED: "Refused: repeated (s14(2))",
}

# Outcomes whose items need an exemption claim (withholding or NCND).
WITHHELD_OUTCOMES = frozenset({Outcome.EXEMPT, Outcome.PARTLY_DISCLOSED, Outcome.NCND})


ITEM_LABEL_PATTERN = re.compile(r"^[0-9A-Za-z]{1,6}(\.[0-9A-Za-z]{1,6}|\([0-9A-Za-z]{1,6}\))*$")


class RequestItem(_Model):
    """One numbered question or part of the request.

    ``number`` orders the items (1, 2, 3 ...); ``label`` is the number as the requester wrote it
    (3a, 3(b), 4.1), printed instead of the number when given. For an item not held because
    another authority holds it, ``held_by`` names that authority and ``transferred_on`` says when
    the request was transferred to it (s45 Code of Practice). ``discretionary`` is information
    given outside the Act beside a refusal (a goodwill gesture that does not waive the Act).
    """

    number: int = Field(ge=1, le=MAX_ITEMS)
    label: str = ""
    text: str = Field(min_length=1)
    outcome: Outcome | None = None
    searches: str = ""
    answer: str = ""
    where_to_find: str = ""
    held_by: str = ""
    transferred_on: dt.date | None = None
    discretionary: str = ""
    notes: str = ""

    @field_validator("label")
    @classmethod
    def _label_form(cls, value: str) -> str:
        value = value.strip()
        if value and not ITEM_LABEL_PATTERN.match(value):
            raise ValueError(
                f"'{value}' is not a question number; write it as the requester did, "
                "for example 3, 3a, 3(b) or 4.1"
            )
        return value

    @property
    def shown_number(self) -> str:
        """The number as the letter prints it: the requester's label, else the item number."""
        return self.label or str(self.number)


class Requester(_Model):
    """Personal data of the requester, kept apart from the reasoning."""

    name: str = ""
    contact: str = ""
    address: str = ""


class Request(_Model):
    """The request as received, split into numbered items."""

    our_ref: str = Field(min_length=1)
    their_ref: str = ""
    received: dt.date
    text: str = ""
    items: list[RequestItem] = Field(default_factory=list)
    searches: str = ""

    @field_validator("our_ref")
    @classmethod
    def _ref_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("our reference cannot be blank")
        return value

    @field_validator("received")
    @classmethod
    def _received_by_today(cls, value: dt.date) -> dt.date:
        if value > today():
            raise ValueError(
                f"A request cannot be received after today ({plain_date(today())}); check the date"
            )
        return value

    @model_validator(mode="after")
    def _items_numbered_in_order(self) -> Request:
        numbers = [item.number for item in self.items]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"items must be numbered 1, 2, 3 ... in order; found {numbers}")
        return self

    def item(self, number: int) -> RequestItem:
        """The item with this number (raises KeyError if there is none)."""
        for item in self.items:
            if item.number == number:
                return item
        raise KeyError(number)
