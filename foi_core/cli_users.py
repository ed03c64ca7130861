"""``python -m foi_core users ...``: granting, revoking and listing people's roles.

Each change is recorded in the audit log under ``--actor`` (default ``cli``). A bad e-mail
address or role ends in one plain line on stderr and exit code 2 (``foi_core.cli.main``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from foi_core.cli import _store
from foi_core.people import clean_email, parse_role

USERS_HELP = "Grant, revoke and list the roles people hold (officer, approver, admin...)."


def cmd_grant(args: argparse.Namespace) -> int:
    email, role = clean_email(args.email), parse_role(args.role)
    changed = _store(args).grant(email, role, by=args.actor, name=args.name or "")
    print(f"granted {role} to {email}" if changed else f"{email} already holds {role}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    email, role = clean_email(args.email), parse_role(args.role)
    changed = _store(args).revoke(email, role, by=args.actor)
    print(f"revoked {role} from {email}" if changed else f"{email} does not hold {role}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from foi_core.people.directory import directory

    people = directory(_store(args))
    rows = [
        {"email": p.email, "name": p.name, "roles": [role.value for role in p.roles]}
        for p in people
    ]
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("nobody yet: grant a role, or name the first admins in FOI_ADMINS")
    for person, row in zip(people, rows, strict=True):
        roles = ", ".join(row["roles"]) or "no role"
        fixed = " (FOI_ADMINS)" if person.fixed_admin else ""
        print(f"{row['email']:<36} {roles}{fixed}  {row['name']}".rstrip())
    return 0


def add_users_command(
    add: Callable[..., argparse.ArgumentParser],
    add_database: Callable[[argparse.ArgumentParser], None],
    parser_class: type[argparse.ArgumentParser],
) -> None:
    """Register ``users grant|revoke|list`` with ``foi_core.cli``'s parser helpers."""
    users = add("users", None, USERS_HELP)
    actions = users.add_subparsers(
        dest="users_command", metavar="ACTION", required=True, parser_class=parser_class
    )
    for name, handler, text in (
        ("grant", cmd_grant, "Grant a role to someone (by e-mail address)."),
        ("revoke", cmd_revoke, "Take a role away from someone."),
    ):
        sub = actions.add_parser(name, help=text, description=text)
        sub.set_defaults(handler=handler)
        sub.add_argument("email", metavar="EMAIL")
        sub.add_argument("role", metavar="ROLE")
        if name == "grant":
            sub.add_argument("--name", metavar="NAME", help="their name, until they sign in")
        sub.add_argument("--actor", default="cli", help="who is making the change (audit trail)")
        add_database(sub)
    sub = actions.add_parser("list", help="List people and their roles.")
    sub.set_defaults(handler=cmd_list)
    sub.add_argument("--format", choices=["table", "json"], default="table")
    add_database(sub)
