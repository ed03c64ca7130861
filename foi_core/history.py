"""A case's history: saving without lost edits, comparing revisions, restoring one.

``save_merging`` is what a page calls to save: when a colleague saved the case since the officer
loaded it, the officer's edit is merged with theirs (``foi_core.merge``) against the version the
officer loaded, and saved, or the conflicts come back for the officer to choose. The refused
plain save is kept as a "conflict" revision, as ``Store.save`` always does.

    outcome = save_merging(store, edited, base_version, actor="a.officer", summary="Title")
    if outcome.conflicts:                       # ask, then call again with the choices
        outcome = save_merging(store, edited, base_version, "a.officer", "Title", choices)
    outcome.message()                           # "b.officer also changed this case (...)"

    compare_revisions(store, case_id, 3, 5)     # [FieldChange(path, label, before, after)]
    restore(store, case_id, 3, expected_version=current_version, actor="a.officer")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from foi_core.changes import FieldChange, field_changes
from foi_core.merge import Choice, Conflict, MergeResult, merge_documents
from foi_core.models import Case
from foi_core.storage import StaleCase, StorageError

if TYPE_CHECKING:
    from foi_core.storage import Revision, Store

MERGE_ATTEMPTS = 5  # saves raced by yet another colleague before giving up


class RestoreRefused(StorageError):
    """A revision that cannot be restored (the message says why, in plain words)."""


@dataclass(frozen=True)
class MergedSave:
    """How a save went: saved (``version``), or ``conflicts`` to ask the officer about."""

    version: int | None
    current_version: int
    result: MergeResult | None = None  # None when nobody else had saved: no merge was needed
    others: tuple[str, ...] = ()  # who saved the case since the officer's version
    changed_at: dt.datetime | None = None  # when they last saved it

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return () if self.result is None or self.version is not None else self.result.conflicts

    @property
    def merged(self) -> bool:
        return self.version is not None and self.result is not None

    @property
    def who(self) -> str:
        """The colleagues who saved since, in words ("b.officer", "b.officer and c.officer")."""
        names = list(self.others) or ["someone else"]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def message(self) -> str:
        """Plain text for the officer after a merged save (empty when no merge was needed)."""
        if not self.merged or self.result is None:
            return ""
        fields = self.result.their_labels
        listed = f" ({', '.join(fields[:5])}{' and more' if len(fields) > 5 else ''})"
        return (
            f"{self.who} also changed this case{listed if fields else ''}; their changes are "
            "kept and yours are added."
        )


def _others_since(store: Store, case_id: str, version: int) -> tuple[tuple[str, ...], dt.datetime]:
    later = [
        info
        for info in store.revision_log(case_id)
        if info.kind == "saved" and info.version > version
    ]
    names = tuple(dict.fromkeys(info.saved_by for info in later))
    return names, max((info.saved_at for info in later), default=dt.datetime.now(dt.UTC))


def _summary(summary: str, base_version: int, outcome: MergedSave, choices: Mapping) -> str:
    text = summary or "Saved"
    text += f" (merged with the changes saved by {outcome.who} since version {base_version}"
    if outcome.result is not None and choices:
        for side, words in (("mine", "kept this officer's"), ("theirs", "kept theirs")):
            paths = [path for path, chosen in choices.items() if chosen == side]
            labels = [c.label for c in _asked(outcome.result, choices) if c.path in paths]
            if labels:
                text += f"; {words} for {', '.join(labels)}"
    return text + ")"


def _asked(result: MergeResult, choices: Mapping) -> list[Conflict]:
    """The conflicts the officer settled, found again without their choices (for labels)."""
    unsettled = merge_documents(result.base, result.theirs, result.mine)
    return [c for c in unsettled.conflicts if c.path in choices]


def save_merging(
    store: Store,
    case: Case,
    base_version: int,
    actor: str | None = None,
    summary: str = "",
    choices: Mapping[str, Choice] | None = None,
) -> MergedSave:
    """Save the officer's edit of version ``base_version``, merging a colleague's changes.

    Without ``choices`` (the officer's first submit) a plain save is tried first; if the case
    moved on, that refused edit is kept as a conflict revision. Then the edit is merged with
    the case as it is now: saved when nothing conflicts, else the conflicts are returned and
    nothing is saved. Call again with ``choices`` (conflict path -> "mine" | "theirs").
    Raises StorageError if the case keeps changing while merging, or cannot be found.
    """
    if choices is None:
        try:
            version = store.save(case, base_version, actor, summary)
            return MergedSave(version=version, current_version=version)
        except StaleCase:
            pass
    base = store.saved_revision(case.id, base_version)
    base_document = None if base is None else base.case.model_dump(mode="json")
    mine = case.model_dump(mode="json")
    for _ in range(MERGE_ATTEMPTS):
        current = store.load(case.id)
        result = merge_documents(base_document, current.case.model_dump(mode="json"), mine, choices)
        others, changed_at = _others_since(store, case.id, base_version)
        outcome = MergedSave(None, current.version, result, others, changed_at)
        if result.case is None:
            return outcome
        if result.case == current.case:
            return MergedSave(current.version, current.version, result, others, changed_at)
        try:
            version = store.save(
                result.case,
                current.version,
                actor,
                _summary(summary, base_version, outcome, choices or {}),
            )
        except StaleCase:
            continue  # yet another save got in first: merge again with that one
        return MergedSave(version, version, result, others, changed_at)
    raise StorageError(
        "The case kept changing while your edit was being merged with other people's; your "
        "edit is kept in the case history. Reload the page and try again."
    )


# --- Comparing and restoring revisions ---------------------------------------------------------


def revision_document(revision: Revision) -> dict:
    """A revision's case as a current-format document (older formats are upgraded)."""
    return revision.case.model_dump(mode="json")


def compare_revisions(store: Store, case_id: str, older: int, newer: int) -> list[FieldChange]:
    """Every field that differs from revision ``older`` to revision ``newer``, labelled."""
    before = revision_document(store.revision(case_id, older))
    after = revision_document(store.revision(case_id, newer))
    return field_changes(before, after)


def restored_case(revision: Revision, current: Case) -> Case:
    """The case a restore saves: the revision's reasoning, with the case's life as it is now
    (status, life events, assigned officer, the record of issued letters: a letter that went out
    cannot be taken back, nor a case un-issued, by restoring an older draft)."""
    restored = revision.case
    kept = ("status", "life", "assigned_to", "issued_letters")
    return restored.model_copy(update={name: getattr(current, name) for name in kept})


def restore_problem(revision: Revision, current: Case) -> str | None:
    """Why this revision cannot be restored over the current case, or None if it can."""
    try:
        restored = restored_case(revision, current)
    except StorageError as error:
        return f"Revision {revision.number} cannot be read, so it cannot be restored: {error}"
    if restored.model_dump(mode="json") == current.model_dump(mode="json"):
        return f"Revision {revision.number} is the case as it is now: there is nothing to restore."
    return None


def restore(
    store: Store, case_id: str, number: int, expected_version: int, actor: str | None = None
) -> int:
    """Restore revision ``number`` as a new revision (audit: "Restored revision N"), keeping the
    issued letters recorded since (``restored_case``).

    Raises RestoreRefused when there is nothing to restore, StaleCase when the case changed
    since the officer looked at it (``expected_version``).
    """
    revision = store.revision(case_id, number)
    current = store.load(case_id).case
    problem = restore_problem(revision, current)
    if problem is not None:
        raise RestoreRefused(problem)
    restored = restored_case(revision, current)
    return store.save(restored, expected_version, actor, summary=f"Restored revision {number}")
