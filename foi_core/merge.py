"""Three-way merge of a case: keep a colleague's changes, apply this officer's, ask only where
both changed the same field.

``base`` is the version the officer loaded, ``theirs`` the case as saved since by someone else,
``mine`` the officer's edit of it. Field by field (paths as in ``foi_core.changes``):

- changed on one side only: that side's value is kept;
- changed on both sides to the same value: kept;
- changed on both sides to different values: a ``Conflict`` (their value and mine, with a plain
  label), settled by ``resolve`` with a choice per conflict;
- claims, factors and combined balances (by ``id``) and request items (by ``number``) are merged
  element by element: an element added by one side is kept, one deleted by one side and left
  alone by the other is deleted, one edited on both sides is merged field by field;
- the re-check marks and dismissed suggestions are sets: additions and removals of both sides
  are applied; every other list (a claim's item numbers, issued letters) is one field.

The merged document must be a valid Case. When two changes that merge cleanly cannot stand
together (a claim names an item the other side removed), that pair is a ``Conflict`` of kind
"combination" in plain words: keep theirs (undo my change) or keep mine (undo theirs). If no
such pair can be found, the whole case is one conflict: their version or mine.

    result = merge_cases(base, theirs, mine)
    if result.conflicts:
        case = resolve(result, {c.path: "mine" for c in result.conflicts})  # MergeConflicts
    else:
        case = result.case
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from foi_core.changes import (
    MISSING,
    by_identity,
    child_path,
    display_value,
    field_label,
    identity_key,
    last_field,
    value_at,
)
from foi_core.models import Case, explain_errors

Choice = Literal["mine", "theirs"]
ConflictKind = Literal["field", "combination", "case"]

SET_FIELDS = frozenset({"recheck_steps", "dismissed_suggestions"})
_MAX_COMBINATIONS = 10  # pairs of changes that cannot stand together, asked about in one go
_MAX_CANDIDATES = 200  # one-sided changes tried when looking for such a pair


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed differently (or two changes that cannot stand together).

    ``theirs`` and ``mine`` are the stored values (None when that side removed it);
    ``theirs_text`` and ``mine_text`` are them as plain text (user text as typed).
    """

    path: str
    label: str
    theirs: Any
    mine: Any
    theirs_text: str
    mine_text: str
    kind: ConflictKind = "field"
    message: str = ""


@dataclass(frozen=True)
class MergeResult:
    """The outcome of a three-way merge (documents are ``Case.model_dump(mode="json")``)."""

    base: dict[str, Any] | None
    theirs: dict[str, Any]
    mine: dict[str, Any]
    conflicts: tuple[Conflict, ...]
    case: Case | None  # the merged case, valid; None while there are conflicts
    their_changes: tuple[str, ...] = ()  # paths changed by them only (kept)
    my_changes: tuple[str, ...] = ()  # paths changed by me only (applied)
    choices: Mapping[str, Choice] = field(default_factory=dict)

    @property
    def their_labels(self) -> list[str]:
        """Plain labels of the fields they changed and the merge kept (no duplicates)."""
        return _labels(self.their_changes, self.theirs, self.base)

    @property
    def my_labels(self) -> list[str]:
        return _labels(self.my_changes, self.mine, self.base)


class MergeConflicts(ValueError):
    """``resolve`` still has conflicts to ask about (``result.conflicts``)."""

    def __init__(self, result: MergeResult) -> None:
        labels = ", ".join(c.label for c in result.conflicts)
        super().__init__(f"Choose whose version to keep for: {labels}.")
        self.result = result


def _labels(paths: tuple[str, ...], *documents: Any) -> list[str]:
    labels: list[str] = []
    for path in paths:
        if path in SET_FIELDS:  # bookkeeping (re-check marks), not a change to speak of
            continue
        label = field_label(path, *documents)
        if label not in labels:
            labels.append(label)
    return labels


def _plain(value: Any) -> Any:
    return None if value is MISSING else value


def _removed_or(value: Any, path: str) -> str:
    return "(removed)" if value is MISSING else display_value(value, last_field(path))


class _Merger:
    """One pass over three documents; ``decisions`` forces a side at a path."""

    def __init__(
        self, decisions: Mapping[str, Choice], documents: tuple[Any, ...], *, record: bool = True
    ) -> None:
        self.decisions = decisions
        self.documents = documents  # for labels
        self.record = record
        self.conflicts: list[Conflict] = []
        self.changes: list[tuple[str, Choice]] = []

    def merge(self, path: str, base: Any, theirs: Any, mine: Any) -> Any:
        if theirs == mine:
            return theirs
        forced = self.decisions.get(path)
        if forced is not None:
            return theirs if forced == "theirs" else mine
        # Descend into parts even when one side left them alone, so that every change is
        # known field by field (a pair of changes that cannot stand together is named exactly).
        if isinstance(theirs, dict) and isinstance(mine, dict):
            # A part both sides filled in (base None or absent) merges against an empty one.
            return self._dicts(path, base if isinstance(base, dict) else {}, theirs, mine)
        if isinstance(theirs, list) and isinstance(mine, list) and path not in SET_FIELDS:
            key = identity_key(base, theirs, mine)
            if key is not None:
                return self._lists(path, key, base, theirs, mine)
        if base == theirs:
            self.changes.append((path, "mine"))
            return mine
        if base == mine:
            self.changes.append((path, "theirs"))
            return theirs
        if path in SET_FIELDS and isinstance(theirs, list) and isinstance(mine, list):
            return _merge_sets(base if isinstance(base, list) else [], theirs, mine)
        if self.record:
            self.conflicts.append(
                Conflict(
                    path=path,
                    label=field_label(path, *self.documents),
                    theirs=_plain(theirs),
                    mine=_plain(mine),
                    theirs_text=_removed_or(theirs, path),
                    mine_text=_removed_or(mine, path),
                )
            )
        return mine  # provisional, until the officer chooses

    def _dicts(self, path: str, base: dict, theirs: dict, mine: dict) -> dict[str, Any]:
        keys = [*theirs, *(k for k in mine if k not in theirs)]
        merged: dict[str, Any] = {}
        for key in keys:
            value = self.merge(
                child_path(path, key),
                base.get(key, MISSING),
                theirs.get(key, MISSING),
                mine.get(key, MISSING),
            )
            if value is not MISSING:
                merged[key] = value
        return merged

    def _lists(self, path: str, key: str, base: Any, theirs: list, mine: list) -> list[Any]:
        old, their, my = by_identity(base, key), by_identity(theirs, key), by_identity(mine, key)
        # The order of the side that reordered or changed the list (theirs if both did).
        first, second = (my, their) if list(their) == list(old) else (their, my)
        merged = []
        for ident in dict.fromkeys([*first, *second]):
            value = self.merge(
                f"{path}[{ident}]",
                old.get(ident, MISSING),
                their.get(ident, MISSING),
                my.get(ident, MISSING),
            )
            if value is not MISSING:
                merged.append(value)
        if key == "number":
            merged.sort(key=lambda element: element["number"])
        return merged


def _merge_sets(base: list[Any], theirs: list[Any], mine: list[Any]) -> list[Any]:
    """Kept by both, or added by either; a removal by either side is applied."""
    merged: list[Any] = []
    for value in [*theirs, *mine]:
        if value in merged:
            continue
        if (value in theirs and value in mine) or value not in base:
            merged.append(value)
    return merged


def _problem(document: Any) -> str | None:
    """None if the document is a valid Case, else what is wrong, in plain words."""
    try:
        Case.model_validate(document)
    except ValidationError as error:
        problems = explain_errors(error)
        return "; ".join(p.message.rstrip(".") for p in problems[:3]) + "."
    return None


def _run(
    base: Any, theirs: dict, mine: dict, decisions: Mapping[str, Choice], *, record: bool = True
) -> tuple[Any, _Merger]:
    merger = _Merger(decisions, (mine, theirs, base), record=record)
    return merger.merge("", base, theirs, mine), merger


def _combination(
    base: Any, theirs: dict, mine: dict, decisions: dict[str, Choice], merger: _Merger
) -> tuple[str, str] | None:
    """A change of mine and a change of theirs such that undoing either one makes the merged
    case valid: (my path, their path); None if there is no such pair."""

    def valid_with(path: str, side: Choice) -> bool:
        document, _ = _run(base, theirs, mine, {**decisions, path: side}, record=False)
        return _problem(document) is None

    mine_paths = [p for p, side in merger.changes if side == "mine"][:_MAX_CANDIDATES]
    theirs_paths = [p for p, side in merger.changes if side == "theirs"][:_MAX_CANDIDATES]
    my_path = next((p for p in mine_paths if valid_with(p, "theirs")), None)
    their_path = next((p for p in theirs_paths if valid_with(p, "mine")), None)
    if my_path is None or their_path is None:
        return None
    return my_path, their_path


def combination_path(my_path: str, their_path: str) -> str:
    """The conflict path of a pair of changes that cannot stand together."""
    return f"{my_path} + {their_path}"


def merge_documents(
    base: dict[str, Any] | None,
    theirs: dict[str, Any],
    mine: dict[str, Any],
    choices: Mapping[str, Choice] | None = None,
) -> MergeResult:
    """Merge three case documents; ``choices`` settle conflicts by path. Without a base (it
    could not be found) every field the two sides hold differently is a conflict."""
    choices = dict(choices or {})
    decisions: dict[str, Choice] = dict(choices)
    start: Any = MISSING if base is None else base
    combinations: list[Conflict] = []
    document, merger = _run(start, theirs, mine, decisions)
    field_conflicts = merger.conflicts
    problem = _problem(document)
    while problem is not None:
        pair = _combination(start, theirs, mine, decisions, merger)
        if pair is None or len(combinations) >= _MAX_COMBINATIONS:
            return _whole_case(base, theirs, mine, choices, problem)
        my_path, their_path = pair
        key = combination_path(my_path, their_path)
        chosen = choices.get(key)
        if chosen is None:
            combinations.append(_combination_conflict(key, my_path, their_path, merger, problem))
            chosen = "mine"  # provisionally, to look for further problems
        decisions[my_path if chosen == "theirs" else their_path] = chosen
        document, merger = _run(start, theirs, mine, decisions)
        problem = _problem(document)
    conflicts = (*field_conflicts, *combinations)
    return MergeResult(
        base=base,
        theirs=theirs,
        mine=mine,
        conflicts=conflicts,
        case=None if conflicts else Case.model_validate(document),
        their_changes=tuple(p for p, side in merger.changes if side == "theirs"),
        my_changes=tuple(p for p, side in merger.changes if side == "mine"),
        choices=choices,
    )


def _combination_conflict(
    key: str, my_path: str, their_path: str, merger: _Merger, problem: str
) -> Conflict:
    mine_doc, theirs_doc, base = merger.documents
    my_label = field_label(my_path, mine_doc, base)
    their_label = field_label(their_path, theirs_doc, base)
    mine_value = value_at(mine_doc, my_path)
    theirs_value = value_at(theirs_doc, their_path)
    return Conflict(
        path=key,
        label=f"{my_label} (your change) and {their_label} (their change)",
        theirs=_plain(theirs_value),
        mine=_plain(mine_value),
        theirs_text=f"{their_label}: {_removed_or(theirs_value, their_path)}",
        mine_text=f"{my_label}: {_removed_or(mine_value, my_path)}",
        kind="combination",
        message=f"These two changes cannot both be kept: {problem} Keeping theirs undoes your "
        "change; keeping yours undoes theirs.",
    )


def _whole_case(
    base: dict[str, Any] | None,
    theirs: dict[str, Any],
    mine: dict[str, Any],
    choices: dict[str, Choice],
    problem: str,
) -> MergeResult:
    """The last resort: their whole version or mine (each is a valid case)."""
    chosen = choices.get("")
    if chosen is not None:
        case = Case.model_validate(theirs if chosen == "theirs" else mine)
        return MergeResult(base, theirs, mine, (), case, choices=choices)
    conflict = Conflict(
        path="",
        label=field_label(""),
        theirs=theirs,
        mine=mine,
        theirs_text="Their version of the case, as saved",
        mine_text="Your version of the case, as you submitted it",
        kind="case",
        message=f"Your changes and theirs cannot be combined: {problem} Choose one version "
        "of the whole case; the other stays in the case history.",
    )
    return MergeResult(base, theirs, mine, (conflict,), None, choices=choices)


def merge_cases(base: Case | None, theirs: Case, mine: Case) -> MergeResult:
    """Merge this officer's edit (``mine``) of ``base`` with ``theirs`` (saved since)."""
    return merge_documents(
        None if base is None else base.model_dump(mode="json"),
        theirs.model_dump(mode="json"),
        mine.model_dump(mode="json"),
    )


def resolve(result: MergeResult, choices: Mapping[str, Choice]) -> Case:
    """The merged case with a side chosen for each conflict (by ``Conflict.path``).

    Raises MergeConflicts (with the new result) when something is still undecided, e.g. two
    choices that cannot stand together.
    """
    unknown = {value for value in choices.values()} - {"mine", "theirs"}
    if unknown:
        raise ValueError(f"a choice is 'mine' or 'theirs', not {sorted(unknown)}")
    settled = merge_documents(
        result.base, result.theirs, result.mine, {**result.choices, **choices}
    )
    if settled.conflicts or settled.case is None:
        raise MergeConflicts(settled)
    return settled.case
