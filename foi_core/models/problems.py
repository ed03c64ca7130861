"""Plain-English validation errors: each problem names its field in words an officer knows."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError


class FieldProblem(BaseModel):
    """One validation problem: the field it belongs to and a plain-English message."""

    field: str
    message: str


_FIELD_NAMES = {
    "our_ref": "our reference",
    "their_ref": "your reference",
    "received": "date received",
    "text": "text",
    "citation": "citation",
    "records": "number of records",
    "minutes_each": "minutes per record",
    "estimated_date": "estimated decision date",
    "asked_on": "date clarification was asked for",
    "received_on": "date the clarification arrived",
    "issued_on": "date the fees notice was issued",
    "paid_on": "date the fee was paid",
    "review_requested_on": "date the review was asked for",
    "response_date": "date of the response",
    "transferred_on": "date the request was transferred",
    "label": "question number",
    "settled_on": "date the intention to publish was settled",
}


def _plain_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "This is required."
    if kind == "string_too_short":
        return "This cannot be empty."
    if kind.startswith("date"):
        return "Enter a real date as YYYY-MM-DD, for example 2026-03-14."
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "Enter a whole number."
    if kind in {"float_parsing", "float_type"}:
        return "Enter a number."
    if kind == "finite_number":
        return "Enter an ordinary number (not infinity or NaN)."
    if kind == "greater_than_equal":
        return f"This must be {_number(ctx.get('ge'))} or more."
    if kind == "greater_than":
        return f"This must be more than {_number(ctx.get('gt'))}."
    if kind == "less_than_equal":
        return f"This must be {_number(ctx.get('le'))} or less; check the figure."
    if kind == "less_than":
        return f"This must be less than {_number(ctx.get('lt'))}; check the figure."
    if kind == "enum":
        return f"Choose one of: {ctx.get('expected', 'the listed options')}."
    if kind == "extra_forbidden":
        return "This field is not part of a case; remove it."
    if kind == "too_short":
        return f"Choose at least {ctx.get('min_length')}."
    message = str(error.get("msg", "This value is not valid."))
    return message.removeprefix("Value error, ").rstrip(".") + "."


def _number(value: object) -> str:
    """10000000 -> '10,000,000'; 0.5 -> '0.5'."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        whole = float(value).is_integer() and abs(value) < 1e15
        return f"{int(value):,}" if whole else f"{value:g}"
    return str(value)


def explain_errors(error: ValidationError) -> list[FieldProblem]:
    """Turn a pydantic ValidationError into plain-English problems, each naming its field."""
    problems = []
    for item in error.errors():
        loc = [str(part) for part in item.get("loc", ())]
        field = ".".join(loc) if loc else "case"
        problems.append(FieldProblem(field=field, message=_plain_message(item)))
    return problems


def field_label(field: str) -> str:
    """A readable label for a dotted field path, e.g. 'request.our_ref' -> 'our reference'."""
    last = field.rsplit(".", 1)[-1]
    return _FIELD_NAMES.get(last, last.replace("_", " "))
