"""Fields of a case document: paths, plain labels, values as text, and what differs.

A path names one field of ``Case.model_dump(mode="json")`` the way the audit log does: dotted,
with list elements named by their identity, e.g. ``request.items[2].outcome`` or
``claims[3f2a].pit.factors[9b1c].weight``. Claims, factors and combined balances are named by
``id``, request items by ``number``; other lists are one field.

    field_label("request.items[2].outcome", document)   # "Item 2 – outcome"
    display_value("would_be_likely_to")                  # "would be likely to"
    field_changes(before, after)                         # [FieldChange(path, label, ...), ...]

Labels never copy free text (only numbers and citations), so they are safe in audit summaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from foi_core.models import LIKELIHOOD_LABELS, OUTCOME_LABELS

IDENTITY_KEYS = ("id", "number")


class _Missing:
    """A field or list element that is not there (added or removed by one side)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

_NAMES = {
    "title": "title",
    "status": "status",
    "request": "request",
    "our_ref": "our reference",
    "their_ref": "requester's reference",
    "received": "date received",
    "text": "text",
    "searches": "searches made",
    "label": "numbered by the requester as",
    "held_by": "held by another authority",
    "transferred_on": "transferred on",
    "discretionary": "given outside the Act",
    "further_limbs": "limbs cited together",
    "publication": "publication plan",
    "settled_on": "intention to publish settled on",
    "intended": "to be published",
    "requester": "requester",
    "cost_estimate": "cost estimate",
    "pit_extension": "public interest extension",
    "clarification": "clarification",
    "fees_notice": "fees notice",
    "review_requested_on": "internal review requested on",
    "response_date": "date of the response",
    "decision_maker": "decision maker",
    "overall_harm": "overall harm",
    "recheck_steps": "steps to re-check",
    "dismissed_suggestions": "dismissed suggestions",
    "issued_letters": "letters issued",
    "disclosure": "disclosure log",
    "publish": "published",
    "request_text": "request as published",
    "confirmed": "details confirmed fine to publish",
    "harm": "harm",
    "causal_chain": "causal chain",
    "prompt_answers": "answers to the harm questions",
    "qp_opinion": "qualified person's opinion",
    "legitimate_interests": "legitimate interests",
    "in_the_alternative": "in the alternative",
    "claim_ids": "claims",
    "decided_by": "decided by",
    "decided_on": "decided on",
    "where_to_find": "where to find it",
    "minutes_each": "minutes per record",
    "s16_advice": "advice and assistance (s16)",
    "hourly_rate": "hourly rate",
    "limit_pounds": "cost limit",
}
_SEGMENT = re.compile(r"([^.\[\]]+)|\[([^\]]*)\]")
_LABEL_VALUES: dict[str, dict[str, str]] = {
    "outcome": {o.value: label for o, label in OUTCOME_LABELS.items()},
    "likelihood": {k.value: label for k, label in LIKELIHOOD_LABELS.items()},
}


def identity_key(*lists: Any) -> str | None:
    """The field naming the elements of these lists ("id" or "number"), or None: then the lists
    are compared whole. Non-lists (a missing list) are ignored."""
    present = [side for side in lists if isinstance(side, list)]
    elements = [element for side in present for element in side]
    if not elements:
        return None
    for key in IDENTITY_KEYS:
        if not all(isinstance(e, dict) and key in e for e in elements):
            continue
        if all(len({str(e[key]) for e in side}) == len(side) for side in present):
            return key
    return None


def by_identity(elements: Any, key: str) -> dict[str, Any]:
    """The list's elements keyed by their identity (an empty dict for a missing list)."""
    return {str(e[key]): e for e in elements} if isinstance(elements, list) else {}


def child_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def split_path(path: str) -> list[tuple[str, str | None]]:
    """``"claims[ab].harm"`` -> ``[("claims", "ab"), ("harm", None)]``."""
    parts: list[tuple[str, str | None]] = []
    for name, ident in _SEGMENT.findall(path):
        if name:
            parts.append((name, None))
        elif parts:
            parts[-1] = (parts[-1][0], ident)
    return parts


def _find(documents: tuple[Any, ...], key: str, ident: str, id_key: str) -> dict[str, Any] | None:
    for document in documents:
        if not isinstance(document, dict):
            continue
        for element in document.get(key) or []:
            if isinstance(element, dict) and str(element.get(id_key)) == ident:
                return element
    return None


def _name(field: str) -> str:
    return _NAMES.get(field, field.replace("_", " "))


def field_label(path: str, *documents: Any) -> str:
    """A plain label for a path, e.g. "Item 2 – outcome", "Exemption s31(1)(a) – harm –
    interest", "Exemption s31(1)(a) – factor 2 (against) – weight". ``documents`` (case
    documents) are searched for the claim's citation and the factor's place; no free text."""
    if not path:
        return "The whole case"
    words: list[str] = []
    scopes: tuple[Any, ...] = documents
    for name, ident in split_path(path):
        if ident is None:
            if name not in {"pit"}:  # the public interest test is the claim's own part
                words.append(_name(name))
            scopes = tuple(s.get(name) for s in scopes if isinstance(s, dict))
            continue
        if name == "items" and words[-1:] == ["request"]:
            words[-1] = f"item {ident}"
        elif name == "claims":
            claim = _find(scopes, "claims", ident, "id")
            words.append(f"exemption {claim['citation']}" if claim else "an exemption")
        elif name == "factors":
            factor = _find(scopes, "factors", ident, "id")
            place = _place(scopes, ident)
            side = f" ({factor['side']})" if factor and factor.get("side") else ""
            words.append(f"factor {place}{side}" if place else "a factor")
        elif name == "aggregate_balances":
            words.append("combined balance")
        else:
            words.append(f"{_name(name)} {ident}")
        scopes = tuple(_find((s,), name, ident, _id_key(name)) for s in scopes)
    text = " – ".join(words) or path
    return text[:1].upper() + text[1:]


def _id_key(list_name: str) -> str:
    return "number" if list_name == "items" else "id"


def _place(scopes: tuple[Any, ...], ident: str) -> int | None:
    for scope in scopes:
        if isinstance(scope, dict):
            ids = [str(f.get("id")) for f in scope.get("factors") or [] if isinstance(f, dict)]
            if ident in ids:
                return ids.index(ident) + 1
    return None


def display_value(value: Any, field: str = "") -> str:
    """A stored value as plain text to show an officer (user text is returned as typed)."""
    if value is MISSING:
        return "(not there)"
    if value is None or value == "" or value == [] or value == {}:
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return _LABEL_VALUES.get(field, {}).get(value, value)
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, list):
        joiner = "; " if any(isinstance(e, dict | list) for e in value) else ", "
        return joiner.join(display_value(element) for element in value)
    if isinstance(value, dict):
        shown = [
            f"{_name(key)}: {display_value(inner, key)}"
            for key, inner in value.items()
            if inner not in (None, "", [], {}) and key not in {"id", "number"}
        ]
        return ", ".join(shown) or "(empty)"
    return str(value)


def value_at(document: Any, path: str) -> Any:
    """The value at a path in a document (MISSING if it is not there)."""
    value = document
    for name, ident in split_path(path):
        value = value.get(name, MISSING) if isinstance(value, dict) else MISSING
        if ident is not None:
            value = by_identity(value, identity_key(value) or "id").get(ident, MISSING)
    return value


def last_field(path: str) -> str:
    """The name of the last field in a path ("outcome" for "request.items[2].outcome")."""
    parts = split_path(path)
    return parts[-1][0] if parts and parts[-1][1] is None else ""


@dataclass(frozen=True)
class FieldChange:
    """One field that differs between two versions of a case, with both values as text."""

    path: str
    label: str
    before: str
    after: str


def _walk(path: str, before: Any, after: Any) -> Iterator[tuple[str, Any, Any]]:
    if before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            yield from _walk(
                child_path(path, key), before.get(key, MISSING), after.get(key, MISSING)
            )
        return
    key = identity_key(before, after)
    if key is not None and isinstance(before, list) and isinstance(after, list):
        old, new = by_identity(before, key), by_identity(after, key)
        for ident in [*old, *(i for i in new if i not in old)]:
            yield from _walk(f"{path}[{ident}]", old.get(ident, MISSING), new.get(ident, MISSING))
        return
    yield path, before, after


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """Every field that differs between two case documents, in document order, with full
    values (this is the case's own history: nothing is cut short or hidden)."""
    return [
        FieldChange(
            path=path,
            label=field_label(path, after, before),
            before=display_value(old, last_field(path)),
            after=display_value(new, last_field(path)),
        )
        for path, old, new in _walk("", before, after)
    ]
