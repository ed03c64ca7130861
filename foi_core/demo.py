"""Demo cases: the examples loaded into a new install for trying the tool.

A demo case carries ``Case.demo`` and is known to the store by its audit log (loaded by the
"demo" actor), so listings mark it without parsing documents. Two actions, both audited:

- ``reset_demo_case``: the example again, as a new revision (the history keeps the attempt);
- ``remove_demo_cases``: admins only, for a live install. Revisions are append-only, so the demo
  cases are hidden from every listing and count, not deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from foi_core.people import NotAllowed, Person, can_manage, can_see_live_cases

if TYPE_CHECKING:
    from foi_core.storage import Store, StoredCase

REMOVAL_NOTE = (
    "Removing them hides the demo cases from every list and count for good; the record of every "
    "change is kept, so nothing is deleted. Real cases are not affected."
)


class NotADemo(ValueError):
    """The case is not a demo case (or has been removed), so it cannot be reset."""


def is_demo(store: Store, case_id: str) -> bool:
    """Whether the case is a demo case still shown."""
    return case_id in store.demo_case_ids()


def reset_demo_case(store: Store, case_id: str, person: Person) -> StoredCase:
    """Save the demo case again as it was loaded from its example file, as a new revision.

    Raises NotADemo for any other case and NotAllowed for someone who may not see cases.
    """
    can_see_live_cases(person).enforce()
    if not is_demo(store, case_id):
        raise NotADemo("Only a demo case can be reset; this is a real case.")
    return store.reset_demo(case_id, actor=person.recorded_as)


def remove_demo_cases(store: Store, person: Person) -> int:
    """Hide every demo case from the lists (admins only); returns how many were removed."""
    decision = can_manage(person)
    if not decision:
        raise NotAllowed(f"Only an admin can remove the demo cases. {decision.reason}")
    return store.hide_demo_cases(actor=person.recorded_as)
