"""Form fields the pages share, problems with what was typed shown next to their field, and
whether a field reaches the letter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import streamlit as st
from pydantic import ValidationError

from foi_core.letters.reach import IN_LETTER, INTERNAL, reaches_letter
from foi_core.models import (
    ACT_IN_FORCE,
    FieldProblem,
    explain_errors,
    field_label,
    latest_date,
)
from ui.state import field_key
from ui.text import md_escape


def date_field(label: str, value: dt.date | None, key: str, *, help: str | None = None) -> None:
    """A date box (day/month/year) seeded with ``value``; its entry is at ``field_key(key)``.

    It offers only the dates a case may hold (from 1 January 2005 to two years ahead).
    """
    st.date_input(
        label,
        value=value,
        min_value=ACT_IN_FORCE,
        max_value=latest_date(),
        format="DD/MM/YYYY",
        key=field_key(key),
        help=help,
    )


def _matches(problem_field: str, slot: str) -> bool:
    return (
        problem_field == slot
        or problem_field.endswith("." + slot)
        or slot.endswith("." + problem_field)
    )


class FieldProblems:
    """Placeholders under form fields, filled with messages after a failed submit.

    >>> problems = FieldProblems()
    >>> st.text_input("Our reference", key=field_key("our_ref"))
    >>> problems.slot("request.our_ref")     # right under the field
    >>> ... on submit: problems.show_error(exc) or problems.add("request.our_ref", "...")
    """

    def __init__(self) -> None:
        self._slots: dict[str, st.delta_generator.DeltaGenerator] = {}
        self.problems: list[FieldProblem] = []

    def slot(self, field: str) -> None:
        """Reserve the place where problems with ``field`` (a dotted path) are shown."""
        self._slots[field] = st.empty()

    def add(self, field: str, message: str) -> None:
        """Record and show one problem."""
        self.show([FieldProblem(field=field, message=message)])

    def show_error(self, error: ValidationError) -> None:
        """Show a pydantic error's problems in plain English by their fields."""
        self.show(explain_errors(error))

    def show(self, problems: Iterable[FieldProblem]) -> None:
        """Show problems under their fields; any without a field slot are shown here. Messages
        are plain text shown literally (they may quote what was typed)."""
        grouped: dict[str, list[str]] = {}
        loose: list[FieldProblem] = []
        for problem in problems:
            self.problems.append(problem)
            slot = next((s for s in self._slots if _matches(problem.field, s)), None)
            if slot is None:
                loose.append(problem)
            else:
                grouped.setdefault(slot, []).append(problem.message)
        for slot, messages in grouped.items():
            self._slots[slot].error(md_escape(" ".join(messages)), icon=":material/error:")
        for problem in loose:
            st.error(md_escape(f"{field_label(problem.field).capitalize()}: {problem.message}"))

    def __bool__(self) -> bool:
        return bool(self.problems)


REACH_STYLE = {True: ("blue", ":material/mail:"), False: ("gray", ":material/lock:")}


def reach_note(path: str) -> None:
    """Under a field: whether what is typed there is printed in the letter ("In the letter") or
    kept in the reasoning record ("Internal: reasoning record only"), for the case field at
    ``path`` (e.g. ``claims[].harm.evidence``)."""
    in_letter = reaches_letter(path)
    colour, icon = REACH_STYLE[in_letter]
    st.caption(f":{colour}[{icon} {IN_LETTER if in_letter else INTERNAL}]")
