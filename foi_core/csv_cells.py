"""CSV cells a spreadsheet shows as text: the one home of the CSV-injection guard."""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one starting with = + - @ (or a tab or carriage
    return) could run as a formula, so it gets a leading apostrophe; None is empty."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
