"""People and their roles: who has signed in, and the roles admins granted them (a part of
``Store``, a mixin). Every grant and revoke writes an audit event naming the address and the role.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from foi_core.people.model import NAME_MAX, PeopleError, Role, clean_email
from foi_core.settings import get_settings

from .tables import PersonRoleRow, PersonRow, _utcnow

_ROLE_VALUES = frozenset(role.value for role in Role)

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class PersonRecord:
    """A person as the store knows them; ``fixed_admin``: an admin by the FOI_ADMINS setting."""

    email: str
    name: str
    roles: tuple[Role, ...]
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None
    fixed_admin: bool = False


def _clean_name(name: str) -> str:
    return " ".join((name or "").split())[:NAME_MAX]


def _sorted_roles(values: list[str]) -> tuple[Role, ...]:
    return tuple(sorted((Role(value) for value in values if value in _ROLE_VALUES), key=str))


class PeopleStore:
    """The Store's people and roles (a mixin of ``Store``)."""

    def record_sign_in(self: Store, email: str, name: str) -> None:
        """Note that ``email`` signed in now (first and last seen), refreshing their name."""
        email, name = clean_email(email), _clean_name(name)
        for attempt in range(2):  # two first sign-ins at once: the loser updates instead
            try:
                with self._writing() as session:
                    row = self._person_row(session, email, name)
                    row.last_seen = _utcnow()
                return
            except IntegrityError:
                if attempt:
                    raise

    def roles_of(self: Store, email: str) -> frozenset[Role]:
        """The roles granted to ``email`` in the store (FOI_ADMINS is not counted here)."""
        email = (email or "").strip().lower()
        with self._reading() as session:
            values = session.scalars(select(PersonRoleRow.role).where(PersonRoleRow.email == email))
            return frozenset(Role(value) for value in values if value in _ROLE_VALUES)

    def grant(self: Store, email: str, role: Role | str, *, by: str, name: str = "") -> bool:
        """Grant ``role`` to ``email`` (recording them if new); False if they already hold it."""
        email, role = clean_email(email), Role(role)
        with self._writing() as session:
            self._person_row(session, email, _clean_name(name))
            held = session.scalar(
                select(PersonRoleRow.id).where(
                    PersonRoleRow.email == email, PersonRoleRow.role == role.value
                )
            )
            if held is not None:
                return False
            at = _utcnow()
            session.add(
                PersonRoleRow(
                    email=email, role=role.value, granted_by=self._actor(by), granted_at=at
                )
            )
            self._people_audit(
                session, by, at, "role_granted", f"Granted the {role} role to {email}"
            )
            return True

    def revoke(self: Store, email: str, role: Role | str, *, by: str) -> bool:
        """Take ``role`` away from ``email``; False if they did not hold it. PeopleError when it
        would leave nobody able to manage people (the last admin, with FOI_ADMINS empty)."""
        email, role = clean_email(email), Role(role)
        with self._writing() as session:
            held = PersonRoleRow.email == email, PersonRoleRow.role == role.value
            if session.scalar(select(PersonRoleRow.id).where(*held)) is None:
                return False
            if role is Role.ADMIN and not get_settings().admin_emails():
                admins = session.scalar(
                    select(func.count()).where(PersonRoleRow.role == Role.ADMIN.value)
                )
                if (admins or 0) <= 1:
                    raise PeopleError(
                        f"{email} is the last admin: grant the admin role to someone else first "
                        "(or name the first admins in FOI_ADMINS), so someone can still manage "
                        "people and settings."
                    )
            session.execute(delete(PersonRoleRow).where(*held))
            at = _utcnow()
            self._people_audit(
                session, by, at, "role_revoked", f"Revoked the {role} role from {email}"
            )
            return True

    def list_people(self: Store) -> list[PersonRecord]:
        """Everyone who signed in or was granted a role, by e-mail address, roles sorted."""
        with self._reading() as session:
            people = session.scalars(select(PersonRow).order_by(PersonRow.email)).all()
            pairs = session.execute(select(PersonRoleRow.email, PersonRoleRow.role)).all()
        roles: dict[str, list[str]] = {}
        for email, role in pairs:
            roles.setdefault(email, []).append(role)
        return [
            PersonRecord(
                email=row.email,
                name=row.name or "",
                roles=_sorted_roles(roles.get(row.email, [])),
                first_seen=row.first_seen,
                last_seen=row.last_seen,
            )
            for row in people
        ]

    # -- parts ---------------------------------------------------------------------------------

    @staticmethod
    def _person_row(session: Session, email: str, name: str) -> PersonRow:
        """The person's row (made if new; the name refreshed when one is given)."""
        row = session.get(PersonRow, email, with_for_update=True)
        if row is None:
            now = _utcnow()
            row = PersonRow(email=email, name=name, first_seen=now, last_seen=None)
            session.add(row)
            session.flush()
        elif name and row.name != name:
            row.name = name
        return row

    def _people_audit(
        self: Store, session: Session, by: str, at: dt.datetime, action: str, summary: str
    ) -> None:
        self._write_audit(
            session,
            case_id=None,
            at=at,
            actor=self._actor(by),
            action=action,
            summary=summary,
            case_version=None,
            changes=[],
        )
