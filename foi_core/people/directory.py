"""Who someone is once signed in: their roles from the store, the FOI_ADMINS setting and,
when the unit allows it, the identity provider's ``roles`` claim."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from foi_core.settings import get_settings

from .model import PeopleError, Person, Role, clean_email
from .rules import can_manage

_ROLE_VALUES = frozenset(role.value for role in Role)

if TYPE_CHECKING:
    from foi_core.storage import Store
    from foi_core.storage.people import PersonRecord


def claimed(values: Iterable[object] | str | None) -> frozenset[Role]:
    """The roles named in an identity provider's ``roles`` claim (unknown values ignored)."""
    if values is None:
        return frozenset()
    if isinstance(values, str):
        values = values.replace(",", " ").split()
    return frozenset(
        Role(text) for value in values if (text := str(value).strip().lower()) in _ROLE_VALUES
    )


def resolve_person(
    store: Store,
    email: str,
    name: str,
    claimed_roles: Iterable[object] | str | None = (),
    *,
    record: bool = True,
) -> Person:
    """The signed-in person with their roles; ``record``: note the sign-in (first/last seen)."""
    settings = get_settings()
    email = clean_email(email)
    if record:
        store.record_sign_in(email, name)
    roles = set(store.roles_of(email))
    if email in settings.admin_emails():
        roles.add(Role.ADMIN)
    if settings.roles_from_identity_provider:
        roles |= claimed(claimed_roles)
    return Person(email=email, name=" ".join((name or "").split()), roles=frozenset(roles))


def directory(store: Store) -> list[PersonRecord]:
    """Everyone the unit knows, by e-mail address: the store's people, with the FOI_ADMINS
    addresses as fixed admins (listed even before they first sign in)."""
    from foi_core.storage.people import PersonRecord

    fixed = get_settings().admin_emails()
    people = {record.email: record for record in store.list_people()}
    for email in fixed:
        known = people.get(email)
        roles = set(known.roles) if known else set()
        roles.add(Role.ADMIN)
        people[email] = PersonRecord(
            email=email,
            name=known.name if known else "",
            roles=tuple(sorted(roles, key=str)),
            first_seen=known.first_seen if known else None,
            last_seen=known.last_seen if known else None,
            fixed_admin=True,
        )
    return [people[email] for email in sorted(people)]


def grant_roles(
    store: Store, by: Person, email: str, roles: Iterable[Role], name: str = ""
) -> list[Role]:
    """An admin grants ``roles`` to ``email``; the roles newly granted. NotAllowed for anyone but
    an admin; PeopleError for a bad address or no role chosen."""
    can_manage(by).enforce()
    email, chosen = clean_email(email), sorted(set(roles), key=str)
    if not chosen:
        raise PeopleError("Choose at least one role to grant.")
    return [role for role in chosen if store.grant(email, role, by=by.recorded_as, name=name)]


def revoke_roles(store: Store, by: Person, email: str, roles: Iterable[Role]) -> list[Role]:
    """An admin takes ``roles`` away from ``email``; the roles taken away. NotAllowed for anyone
    but an admin; PeopleError for no role chosen or the last admin."""
    can_manage(by).enforce()
    email, chosen = clean_email(email), sorted(set(roles), key=str)
    if not chosen:
        raise PeopleError("Choose at least one role to take away.")
    return [role for role in chosen if store.revoke(email, role, by=by.recorded_as)]
