"""Who may do what: the one home of every permission rule.

Each rule answers with a ``Decision``: allowed or not, and in plain words why not. Pages grey
out or hide what a ``Decision`` refuses and show its reason; engine actions call the same rule
and raise ``NotAllowed`` with that reason, so nothing is decided in a page.

``Policy`` says how strict the unit is: with sign-in on, approval by a second person is
required and nobody approves or reviews their own work; the single user of a copy with sign-in
off works alone, so neither applies (``FOI_REQUIRE_APPROVAL`` can change the first).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from foi_core.models import Case, CaseKind, CaseStatus

from .model import Person, Role

LIVE_CASE_ROLES = (Role.OFFICER, Role.APPROVER, Role.REVIEWER, Role.TRAINER, Role.ADMIN)
# Who may practise on training scenarios, and who runs sessions and sees every attempt.
TRAINING_ROLES = (Role.TRAINEE, Role.TRAINER, Role.OFFICER, Role.ADMIN)
TRAINER_ROLES = (Role.TRAINER, Role.ADMIN)
READ_ONLY_STATUSES = frozenset({CaseStatus.ISSUED, CaseStatus.CLOSED})
# Audit actions that change what a case says (life events, issuing and assigning do not).
CONTENT_ACTIONS = frozenset({"created", "saved", "imported", "restored", "merged"})


class NotAllowed(PermissionError):
    """An action this person may not take (or not now); the message says why, plainly."""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed

    def enforce(self) -> None:
        """Raise NotAllowed with the reason when the action is refused."""
        if not self.allowed:
            raise NotAllowed(self.reason)


ALLOWED = Decision(True)


def _refused(reason: str) -> Decision:
    return Decision(False, reason)


@dataclass(frozen=True)
class Policy:
    """How strict the unit is (see the module's notes)."""

    require_approval: bool = True
    separation_of_duties: bool = True


def _roles_text(*roles: Role) -> str:
    names = [role.value for role in roles]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _needs(person: Person, *roles: Role) -> Decision:
    if person.has(*roles):
        return ALLOWED
    return _refused(
        f"This needs the {_roles_text(*roles)} role; ask an admin to grant it on the People page."
    )


def drafted_by(actions: Iterable[tuple[str, str]]) -> set[str]:
    """The mailboxes of everyone who drafted or edited a case, from its audit (actor, action)
    pairs: only actions that change what the case says count."""
    return {actor for actor, action in actions if action in CONTENT_ACTIONS}


def _involved(person: Person, recorded: Iterable[str]) -> bool:
    return any(person.is_recorded_as(entry) for entry in recorded)


# --- Seeing and editing ---------------------------------------------------------------------------


def can_see_live_cases(person: Person) -> Decision:
    """Trainees (and people with no role yet) never see live cases."""
    if person.has(*LIVE_CASE_ROLES):
        return ALLOWED
    if person.has(Role.TRAINEE):
        return _refused("Trainees work on training scenarios only; live cases are not shown.")
    return _refused(
        "You have no role in the FOI unit yet: ask an admin to grant you one on the People page."
    )


def is_read_only(case: Case) -> bool:
    """Issued and closed cases are read-only until reopened."""
    return case.status in READ_ONLY_STATUSES


def drafting_roles(case: Case) -> tuple[Role, ...]:
    """Who drafts a case of this kind: officers a response, reviewers a review, anyone
    handling complaints (officers, approvers, reviewers) an ICO complaint record, and anyone who
    practises a training attempt (``can_edit`` then allows only the attempt's own trainee)."""
    if case.kind is CaseKind.TRAINING:
        return TRAINING_ROLES
    if case.kind is CaseKind.INTERNAL_REVIEW:
        return (Role.REVIEWER,)
    if case.kind is CaseKind.ICO_COMPLAINT:
        return (Role.OFFICER, Role.APPROVER, Role.REVIEWER)
    return (Role.OFFICER,)


def can_edit(person: Person, case: Case) -> Decision:
    """Drafting: an officer (a reviewer on an internal review, anyone handling an ICO
    complaint; only the trainee whose attempt it is on a training case), on a case that is not
    issued or closed."""
    if is_read_only(case):
        return _refused(
            f"This case is {case.status.value}: it is read-only. Reopen it, with a reason, to "
            "change it; the issued letter is kept as it was."
        )
    if case.kind is CaseKind.TRAINING and not _own_attempt(person, case):
        return _refused("This is another trainee's attempt: only they can change it.")
    return _needs(person, *drafting_roles(case))


# --- Training ------------------------------------------------------------------------------------


def can_train(person: Person) -> Decision:
    """Practising on training scenarios: trainees, trainers, officers and admins (and the
    single local user with sign-in off)."""
    if person.local:
        return ALLOWED
    return _needs(person, *TRAINING_ROLES)


def can_run_training(person: Person) -> Decision:
    """Running training sessions and seeing every trainee's attempts: trainers and admins."""
    return _needs(person, *TRAINER_ROLES)


def _own_attempt(person: Person, case: Case) -> bool:
    """Whether a training case is this person's own attempt (the local user owns every one:
    with sign-in off, trainees taking turns on one computer only name themselves)."""
    link = case.training
    if link is None:
        return False
    return person.local or person.is_recorded_as(link.trainee)


def can_see_attempt(person: Person, case: Case) -> Decision:
    """Opening a training attempt: the trainee it belongs to, trainers and admins."""
    if case.kind is not CaseKind.TRAINING or case.training is None:
        return _refused("This is not a training attempt.")
    if _own_attempt(person, case) and can_train(person):
        return ALLOWED
    if person.has(*TRAINER_ROLES):
        return ALLOWED
    return _refused("This is another trainee's attempt: only they and the trainers can open it.")


_NOT_SENT = "A training attempt is never sent: submit it for feedback on the Training page."


def can_manage(person: Person) -> Decision:
    """Settings, letter templates and people: admins only."""
    return _needs(person, Role.ADMIN)


# --- A case's life -------------------------------------------------------------------------------


def can_submit(person: Person, case: Case, errors: int) -> Decision:
    """Submitting for approval: a draft (or returned) case with a clean check (never a training
    attempt: it is submitted for feedback)."""
    if case.kind is CaseKind.TRAINING:
        return _refused(_NOT_SENT)
    if case.status not in (CaseStatus.DRAFT, CaseStatus.RETURNED):
        return _refused(f"Only a draft can be submitted; this case is {case.status.value}.")
    if errors:
        return _refused(
            f"The check still finds {errors} problem{'s' if errors != 1 else ''}: put "
            f"{'them' if errors != 1 else 'it'} right on the Check page first."
        )
    return _needs(person, *drafting_roles(case))


def can_approve(person: Person, case: Case, drafters: Iterable[str], policy: Policy) -> Decision:
    """Approving or returning: an approver who did not draft or edit the case."""
    if case.status is not CaseStatus.SUBMITTED:
        return _refused(f"Only a submitted case can be approved; this case is {case.status.value}.")
    needed = _needs(person, Role.APPROVER)
    if not needed:
        return needed
    if policy.separation_of_duties and _involved(person, drafters):
        return _refused("You drafted or edited this case, so someone else must approve it.")
    return ALLOWED


def needs_approval(case: Case, policy: Policy) -> bool:
    """Whether the case's letter waits for an approver: a response, where the unit requires it
    (an internal review is already a second person's fresh decision)."""
    return policy.require_approval and case.kind is CaseKind.REQUEST


def can_issue(person: Person, case: Case, errors: int, policy: Policy) -> Decision:
    """Issuing the response (or a review's outcome letter): a clean check and, for a response
    where the unit requires it, approval (an internal review is already a second person's
    fresh decision, so its outcome letter needs none). A training attempt is never issued."""
    if case.kind is CaseKind.TRAINING:
        return _refused(_NOT_SENT)
    if is_read_only(case):
        return _refused(f"This case is already {case.status.value}.")
    if errors:
        return _refused(
            f"The check still finds {errors} problem{'s' if errors != 1 else ''}: a letter with "
            "problems cannot be issued."
        )
    if needs_approval(case, policy) and case.status is not CaseStatus.APPROVED:
        return _refused(
            "An approver must approve this case before its letter is issued: submit it for "
            "approval."
            if case.status in (CaseStatus.DRAFT, CaseStatus.RETURNED)
            else "This case is waiting for approval."
        )
    return _needs(person, Role.OFFICER, Role.APPROVER, Role.REVIEWER)


def can_reopen(person: Person, case: Case) -> Decision:
    """Reopening an issued or closed case (a reason is required; the letter is kept)."""
    if not is_read_only(case):
        return _refused("Only an issued or closed case can be reopened.")
    return _needs(person, Role.OFFICER, Role.APPROVER, Role.REVIEWER)


def can_close(person: Person, case: Case) -> Decision:
    """Closing an issued case."""
    if case.status is not CaseStatus.ISSUED:
        return _refused("Only an issued case can be closed.")
    return _needs(person, Role.OFFICER, Role.APPROVER, Role.REVIEWER)


def can_assign(person: Person, case: Case, to: Person | None = None) -> Decision:
    """Giving a case to an officer: approvers and admins give any case; an officer takes one."""
    if is_read_only(case):
        return _refused(f"This case is {case.status.value}: reopen it to reassign it.")
    if person.has(Role.APPROVER, Role.ADMIN):
        return ALLOWED
    if person.has(Role.OFFICER) and (to is None or to.email == person.email):
        return ALLOWED
    return _refused("Only an approver or an admin gives a case to someone else.")


# --- After the letter ---------------------------------------------------------------------------


def can_review(person: Person, original: Case, involved: Iterable[str], policy: Policy) -> Decision:
    """Carrying out an internal review: a reviewer who neither drafted nor approved the original."""
    if original.status not in READ_ONLY_STATUSES:
        return _refused("Only an issued response can be reviewed.")
    needed = _needs(person, Role.REVIEWER)
    if not needed:
        return needed
    if policy.separation_of_duties and _involved(person, involved):
        return _refused(
            "You drafted, edited or approved the original response, so someone else must review it."
        )
    return ALLOWED


def can_handle_complaint(person: Person, original: Case) -> Decision:
    """Recording an ICO complaint about an issued response."""
    if original.status not in READ_ONLY_STATUSES:
        return _refused("Only an issued response can be the subject of an ICO complaint.")
    return _needs(person, Role.OFFICER, Role.APPROVER, Role.REVIEWER, Role.ADMIN)


def can_publish(person: Person, case: Case) -> Decision:
    """Marking an issued request for the disclosure log (or taking it off): officers and
    approvers, on an issued or closed request (never a review, complaint or training attempt)."""
    if case.kind is not CaseKind.REQUEST:
        return _refused("Only a request's response goes in the disclosure log.")
    if case.status not in READ_ONLY_STATUSES:
        return _refused("Only an issued response can go in the disclosure log: issue it first.")
    return _needs(person, Role.OFFICER, Role.APPROVER)


def unit_policy(sign_in_on: bool) -> Policy:
    """The unit's policy from the settings: strict with sign-in on, relaxed for a single local
    user (``FOI_REQUIRE_APPROVAL`` overrides whether approval is required)."""
    from foi_core.settings import get_settings

    required = get_settings().require_approval
    return Policy(
        require_approval=sign_in_on if required is None else required,
        separation_of_duties=sign_in_on,
    )
