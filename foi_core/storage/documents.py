"""Stored case documents: upgrades from older schema versions, parsing, and field diffs."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from foi_core.models import SCHEMA_VERSION, Case, explain_errors

from .errors import StorageError

# Upgrades of stored documents, keyed by the schema version they upgrade from (to version + 1).
DOCUMENT_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def dump_case(case: Case) -> dict[str, Any]:
    """The JSON document stored for a case."""
    return case.model_dump(mode="json")


def upgrade_document(document: dict[str, Any]) -> dict[str, Any]:
    """Bring a stored document written by an older schema up to the current one."""
    version = document.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise StorageError(
            f"This case was written by a newer version of the tool (case format {version}); "
            f"this version reads format {SCHEMA_VERSION}. Update the tool to open it."
        )
    while isinstance(version, int) and version < SCHEMA_VERSION:
        document = DOCUMENT_UPGRADES[version](dict(document))
        version += 1
        document["schema_version"] = version
    return document


def parse_stored_case(document: dict[str, Any], what: str) -> Case:
    try:
        return Case.model_validate(upgrade_document(document))
    except ValidationError as error:
        details = "; ".join(f"{p.field}: {p.message}" for p in explain_errors(error)[:5])
        raise StorageError(f"The stored {what} cannot be read: {details}") from None


_PERSONAL_PREFIXES = ("requester",)
_MISSING = object()


def _short(value: Any, width: int) -> Any:
    if value is _MISSING:
        return None
    if isinstance(value, str):
        return value if len(value) <= width else value[: width - 1] + "…"
    if value is None or isinstance(value, bool | int | float):
        return value
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= width else text[: width - 1] + "…"


def _list_key(before: list[Any], after: list[Any]) -> str | None:
    """The field that identifies the elements of two lists of objects ("id" or "number")."""
    for key in ("id", "number"):
        if not before + after or not all(isinstance(e, dict) and key in e for e in before + after):
            continue
        if all(len({str(e[key]) for e in side}) == len(side) for side in (before, after)):
            return key
    return None


def _walk(path: str, before: Any, after: Any, out: list[dict[str, Any]], width: int) -> None:
    if before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            child = f"{path}.{key}" if path else str(key)
            _walk(child, before.get(key, _MISSING), after.get(key, _MISSING), out, width)
        return
    if isinstance(before, list) and isinstance(after, list):
        key = _list_key(before, after)
        if key is not None:
            old = {str(e[key]): e for e in before}
            new = {str(e[key]): e for e in after}
            for ident in [*old, *(i for i in new if i not in old)]:
                child = f"{path}[{ident}]"
                _walk(child, old.get(ident, _MISSING), new.get(ident, _MISSING), out, width)
            return
        if all(isinstance(e, dict) for e in before + after) and before and after:
            for index in range(max(len(before), len(after))):
                old_e = before[index] if index < len(before) else _MISSING
                new_e = after[index] if index < len(after) else _MISSING
                _walk(f"{path}[{index}]", old_e, new_e, out, width)
            return
    personal = path.split(".", 1)[0].split("[", 1)[0] in _PERSONAL_PREFIXES
    if personal:
        out.append({"path": path, "before": "(personal data)", "after": "(personal data)"})
    else:
        out.append({"path": path, "before": _short(before, width), "after": _short(after, width)})


def diff_documents(
    before: dict[str, Any] | None, after: dict[str, Any] | None, *, limit: int = 40, width: int = 80
) -> list[dict[str, Any]]:
    """Changed fields between two documents as ``{"path", "before", "after"}`` entries.

    Paths are dotted; list elements with an ``id`` (claims, factors) or ``number`` (items) are
    named by it, e.g. ``claims[3f2a].pit.balance.conclusion``, ``request.items[2].outcome``.
    Values longer than ``width`` characters are cut short; requester details are never copied.
    At most ``limit`` entries are kept, followed by one ``{"path": "…", "more": n}`` entry.
    """
    changes: list[dict[str, Any]] = []
    _walk("", before or {}, after or {}, changes, width)
    if len(changes) > limit:
        hidden = len(changes) - limit
        changes = [*changes[:limit], {"path": "…", "before": None, "after": None, "more": hidden}]
    return changes


def describe_changes(changes: list[dict[str, Any]]) -> str:
    """A one-line summary of a diff, e.g. "Changed title, request.items[2].outcome"."""
    paths = [c["path"] for c in changes if "more" not in c]
    more = sum(c.get("more", 0) for c in changes)
    if not paths:
        return "Saved with no changes"
    shown = paths[:3]
    more += len(paths) - len(shown)
    text = "Changed " + ", ".join(shown)
    return f"{text} and {more} more" if more else text


