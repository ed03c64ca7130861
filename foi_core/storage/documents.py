"""Stored case documents: upgrades from older schema versions, parsing, and field diffs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from foi_core.models import SCHEMA_VERSION, Case, explain_errors
from foi_core.personal_data import element_type, field_type, is_value_field

from .errors import StorageError

SCHEMA_1_NOTE = (
    "Issued letters' render data moved out of a case file written by an older version; "
    "it holds personal data."
)


def _letter_contexts_out_of_the_case(document: dict[str, Any]) -> dict[str, Any]:
    """1 -> 2: an issued letter's render context no longer sits in the case (the store keeps it
    once, in its issued letters table). Embedded contexts move to the file's export marker, by
    document SHA-256, so importing the file stores them there; the marker is never stored."""
    letters = document.get("issued_letters")
    if not isinstance(letters, list):
        return document
    contexts: dict[str, Any] = {}
    kept: list[Any] = []
    for letter in letters:
        if isinstance(letter, dict) and "context" in letter:
            context, sha = letter["context"], letter.get("document_sha256")
            if isinstance(context, dict) and context and isinstance(sha, str):
                contexts[sha] = context
            letter = {key: value for key, value in letter.items() if key != "context"}
        kept.append(letter)
    document["issued_letters"] = kept
    if contexts and "export" not in document:
        document["export"] = {
            "personal_data": True,
            "note": SCHEMA_1_NOTE,
            "letter_contexts": contexts,
        }
    return document


def _reasoning_core_fields(document: dict[str, Any]) -> dict[str, Any]:
    """2 -> 3: claims gain further limbs, records and a s22 publication plan; items gain the
    requester's label, another holder, a transfer date and a discretionary disclosure. Every new
    field has a default, so a format-2 case reads unchanged."""
    return document


def _team_fields(document: dict[str, Any]) -> dict[str, Any]:
    """3 -> 4: a case gains its kind, a linked case, an assigned officer, its life events, and
    an internal review or ICO complaint record. Every new field has a default, so a format-3
    case reads unchanged (as a draft, approved or issued request as its status says)."""
    return document


# Upgrades of stored documents, keyed by the schema version they upgrade from (to version + 1).
DOCUMENT_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _letter_contexts_out_of_the_case,
    2: _reasoning_core_fields,
    3: _team_fields,
}


def dump_case(case: Case) -> dict[str, Any]:
    """The JSON document stored for a case (an export marker is never stored)."""
    return case.model_dump(mode="json", exclude={"export"})


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
_EMPTY = (None, "", [], {})


def _plain(value: Any) -> bool:
    """True for numbers, booleans, None and lists of them: values that cannot hold prose."""
    if value is None or value is _MISSING or isinstance(value, bool | int | float):
        return True
    return isinstance(value, list) and all(_plain(element) for element in value)


def _short(value: Any, width: int) -> Any:
    if value is _MISSING:
        return None
    if isinstance(value, str) and len(value) > width:
        return value[: width - 1] + "…"
    return value


def _list_key(before: list[Any], after: list[Any]) -> str | None:
    """The field that identifies the elements of two lists of objects ("id" or "number")."""
    for key in ("id", "number"):
        if not before + after or not all(isinstance(e, dict) and key in e for e in before + after):
            continue
        if all(len({str(e[key]) for e in side}) == len(side) for side in (before, after)):
            return key
    return None


def _leaf(path: str, before: Any, after: Any, annotation: Any, name: str, width: int) -> dict:
    """One change entry: values for fields that cannot hold prose, else only what changed."""
    if annotation is None and _plain(before) and _plain(after):
        return {"path": path, "before": _short(before, width), "after": _short(after, width)}
    if annotation is not None and is_value_field(annotation, name):
        return {"path": path, "before": _short(before, width), "after": _short(after, width)}
    if isinstance(before, str) or isinstance(after, str):
        return {"path": path, "changed": "text"}
    if before is _MISSING or before is None:
        return {"path": path, "changed": "added"}
    if after is _MISSING or after is None:
        return {"path": path, "changed": "removed"}
    return {"path": path, "changed": "content"}


def _walk(
    path: str,
    before: Any,
    after: Any,
    out: list[dict[str, Any]],
    *,
    annotation: Any,
    name: str,
    width: int,
) -> None:
    if before == after or (before is _MISSING and after in _EMPTY):
        return
    if after is _MISSING and before in _EMPTY:
        return
    # A part set or cleared (e.g. a balance decided): compare it with an empty one.
    if isinstance(before, dict) and (after is None or after is _MISSING):
        after = {}
    elif isinstance(after, dict) and (before is None or before is _MISSING):
        before = {}
    elif isinstance(before, list) and (after is None or after is _MISSING):
        after = []
    elif isinstance(after, list) and (before is None or before is _MISSING):
        before = []
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            child = f"{path}.{key}" if path else str(key)
            _walk(
                child,
                before.get(key, _MISSING),
                after.get(key, _MISSING),
                out,
                annotation=field_type(annotation, str(key)),
                name=str(key),
                width=width,
            )
        return
    if isinstance(before, list) and isinstance(after, list):
        element = element_type(annotation)
        key = _list_key(before, after)
        if key is not None:
            old = {str(e[key]): e for e in before}
            new = {str(e[key]): e for e in after}
            pairs = [(i, old.get(i, _MISSING), new.get(i, _MISSING)) for i in [*old, *new]]
        elif all(isinstance(e, dict) for e in before + after):
            count = max(len(before), len(after))
            pairs = [
                (
                    str(index),
                    before[index] if index < len(before) else _MISSING,
                    after[index] if index < len(after) else _MISSING,
                )
                for index in range(count)
            ]
        else:
            pairs = []
        seen: set[str] = set()
        for ident, old_e, new_e in pairs:
            if ident in seen:
                continue
            seen.add(ident)
            child = f"{path}[{ident}]"
            if old_e is _MISSING or new_e is _MISSING:  # a whole element added or removed
                out.append({"path": child, "changed": "added" if old_e is _MISSING else "removed"})
            else:
                _walk(child, old_e, new_e, out, annotation=element, name=name, width=width)
        if pairs:
            return
    if path.split(".", 1)[0].split("[", 1)[0] in _PERSONAL_PREFIXES:
        out.append({"path": path, "changed": "personal data"})
    else:
        out.append(_leaf(path, before, after, annotation, name, width))


def diff_documents(
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    *,
    model: type[BaseModel] | None = Case,
    limit: int = 40,
    width: int = 80,
) -> list[dict[str, Any]]:
    """Changed fields between two documents of ``model``, for the audit log.

    Every change names its path: dotted, with list elements named by their ``id`` (claims,
    factors) or ``number`` (items), e.g. ``claims[3f2a].pit.balance.conclusion``. Values are
    kept (``{"path", "before", "after"}``) only for fields that cannot hold prose: enums,
    literals, dates, numbers, booleans and identifiers (``IDENTIFIER_FIELDS``, see
    ``foi_core.personal_data``). Free text is
    never copied: ``{"path", "changed": "text"}``; whole elements give ``"added"`` or
    ``"removed"``; requester fields give ``"personal data"``. At most ``limit`` entries are kept,
    followed by one ``{"path": "…", "more": n}`` entry.
    """
    changes: list[dict[str, Any]] = []
    _walk("", before or {}, after or {}, changes, annotation=model, name="", width=width)
    if len(changes) > limit:
        hidden = len(changes) - limit
        changes = [*changes[:limit], {"path": "…", "more": hidden}]
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
