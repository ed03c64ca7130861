"""People: who is using the tool, and the roles they hold."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import parseaddr
from enum import StrEnum


class Role(StrEnum):
    """What someone may do in the FOI unit; a person may hold several."""

    OFFICER = "officer"  # drafts responses
    APPROVER = "approver"  # signs responses off
    REVIEWER = "reviewer"  # carries out internal reviews
    TRAINER = "trainer"  # runs training sessions
    TRAINEE = "trainee"  # training only: never sees live cases
    ADMIN = "admin"  # settings, templates and people


ROLE_LABELS: dict[Role, str] = {
    Role.OFFICER: "Officer (drafts responses)",
    Role.APPROVER: "Approver (signs responses off)",
    Role.REVIEWER: "Reviewer (internal reviews)",
    Role.TRAINER: "Trainer (training sessions)",
    Role.TRAINEE: "Trainee (training only, no live cases)",
    Role.ADMIN: "Admin (settings, templates and people)",
}

# A working e-mail address: something@domain.tld, no spaces or angle brackets.
_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")
EMAIL_MAX = 254
NAME_MAX = 120


class PeopleError(ValueError):
    """A bad e-mail address, role or change of roles; the message is one plain sentence."""


def clean_email(text: str) -> str:
    """The address lower-cased and trimmed; PeopleError if it is not an e-mail address."""
    email = (text or "").strip().lower()
    if not email or len(email) > EMAIL_MAX or not _EMAIL.match(email):
        shown = (text or "").strip()[:80] or "(nothing)"
        raise PeopleError(f"{shown!r} is not an e-mail address (such as a.officer@force.police.uk)")
    return email


def parse_role(text: str) -> Role:
    """The role named by ``text`` (any case); PeopleError listing the roles otherwise."""
    try:
        return Role((text or "").strip().lower())
    except ValueError:
        names = ", ".join(role.value for role in Role)
        raise PeopleError(f"{(text or '')[:40]!r} is not a role; the roles are {names}") from None


def mailbox(name: str, email: str) -> str:
    """How a person is recorded in revisions and the audit log: "Name <email>" (or just one)."""
    name = " ".join((name or "").replace("<", "").replace(">", "").split())[:NAME_MAX]
    if email and name and name.lower() != email:
        return f"{name} <{email}>"
    return email or name


def email_of(recorded: str) -> str:
    """The e-mail address in a recorded mailbox ("" for a local user's plain name)."""
    address = parseaddr(recorded or "")[1]
    return address.lower() if "@" in address else ""


def name_of(recorded: str) -> str:
    """The display name in a recorded mailbox (the address, or the plain text, if none)."""
    name, address = parseaddr(recorded or "")
    return name or address or (recorded or "")


@dataclass(frozen=True)
class Person:
    """Someone using the tool: e-mail address (empty for the local user), name and roles.

    ``local`` marks the single user of a copy with sign-in off: they hold every role, and the
    rules that need two different people (approving, reviewing) do not apply (``rules.Policy``).
    """

    email: str
    name: str = ""
    roles: frozenset[Role] = field(default_factory=frozenset)
    local: bool = False

    @property
    def recorded_as(self) -> str:
        """The mailbox written into revisions, audit events and life events."""
        return mailbox(self.name, self.email)

    @property
    def shown_as(self) -> str:
        return self.name or self.email

    def has(self, *roles: Role) -> bool:
        """True when the person holds any of ``roles``."""
        return any(role in self.roles for role in roles)

    def is_recorded_as(self, recorded: str) -> bool:
        """True when ``recorded`` (a mailbox from the history) names this person."""
        if self.email:
            return email_of(recorded) == self.email
        return (recorded or "").strip() == self.recorded_as


def local_person(name: str) -> Person:
    """The single user of a copy with sign-in off: every role, recorded under ``name``."""
    return Person(
        email="", name=(name or "officer").strip() or "officer", roles=frozenset(Role), local=True
    )
