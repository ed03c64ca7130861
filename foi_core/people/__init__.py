"""People and permissions: roles, the person using the tool, and who may do what.

>>> from foi_core.people import Person, Role, can_approve, Policy
>>> approver = Person("b.approver@force.police.uk", "B Approver", frozenset({Role.APPROVER}))
>>> can_approve(approver, case, drafters={"A Officer <a.officer@force.police.uk>"}, policy=Policy())
"""

from .model import (
    ROLE_LABELS,
    PeopleError,
    Person,
    Role,
    clean_email,
    email_of,
    local_person,
    mailbox,
    name_of,
    parse_role,
)
from .rules import (
    CONTENT_ACTIONS,
    Decision,
    NotAllowed,
    Policy,
    can_approve,
    can_assign,
    can_close,
    can_edit,
    can_handle_complaint,
    can_issue,
    can_manage,
    can_reopen,
    can_review,
    can_see_live_cases,
    can_submit,
    drafted_by,
    is_read_only,
    unit_policy,
)

__all__ = [
    "CONTENT_ACTIONS",
    "ROLE_LABELS",
    "Decision",
    "NotAllowed",
    "PeopleError",
    "Person",
    "Policy",
    "Role",
    "can_approve",
    "can_assign",
    "can_close",
    "can_edit",
    "can_handle_complaint",
    "can_issue",
    "can_manage",
    "can_reopen",
    "can_review",
    "can_see_live_cases",
    "can_submit",
    "clean_email",
    "drafted_by",
    "email_of",
    "is_read_only",
    "local_person",
    "mailbox",
    "name_of",
    "parse_role",
    "unit_policy",
]
