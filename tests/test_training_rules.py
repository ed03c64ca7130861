"""Who may practise, run training and open or change a training attempt (foi_core.people.rules),
as properties over every combination of roles."""

from __future__ import annotations

from itertools import combinations

import pytest

from foi_core.models import Case, CaseKind, CaseStatus, TrainingLink
from foi_core.people import (
    Person,
    Role,
    can_edit,
    can_issue,
    can_run_training,
    can_see_attempt,
    can_see_live_cases,
    can_submit,
    can_train,
    local_person,
)
from foi_core.people.rules import Policy
from tests.conftest import example_case

ROLE_SETS = [frozenset(c) for n in range(len(Role) + 1) for c in combinations(Role, n)]
TOM = "Tom Trainee <tom@force.police.uk>"


def person(roles: frozenset[Role], email: str = "someone@force.police.uk") -> Person:
    return Person(email, "Someone", roles)


def attempt(trainee: str = TOM, status: CaseStatus = CaseStatus.DRAFT) -> Case:
    case = example_case("doorbell-camera-ncnd")
    return case.model_copy(
        update={
            "kind": CaseKind.TRAINING,
            "status": status,
            "training": TrainingLink(scenario_id="doorbell", trainee=trainee),
        }
    )


@pytest.mark.parametrize("roles", ROLE_SETS, ids=lambda r: "+".join(sorted(r)) or "none")
def test_who_trains_and_who_runs_training(roles: frozenset[Role]) -> None:
    someone = person(roles)
    practising = bool(roles & {Role.TRAINEE, Role.TRAINER, Role.OFFICER, Role.ADMIN})
    assert bool(can_train(someone)) == practising
    assert bool(can_run_training(someone)) == bool(roles & {Role.TRAINER, Role.ADMIN})
    if not practising:
        assert "ask an admin" in can_train(someone).reason
    # Someone else's attempt: only trainers and admins open it, and nobody but its trainee
    # changes it.
    theirs = attempt()
    assert bool(can_see_attempt(someone, theirs)) == bool(roles & {Role.TRAINER, Role.ADMIN})
    assert not can_edit(someone, theirs)
    assert "another trainee" in can_edit(someone, theirs).reason
    # Their own attempt: opened and changed whenever they may practise.
    own = attempt(trainee=f"Someone <{someone.email}>")
    assert bool(can_see_attempt(someone, own)) == (practising or bool(can_run_training(someone)))
    assert bool(can_edit(someone, own)) == practising


def test_a_trainee_opens_only_their_own_attempt_and_never_a_live_case() -> None:
    tom = person(frozenset({Role.TRAINEE}), "tom@force.police.uk")
    assert can_see_attempt(tom, attempt()) and can_edit(tom, attempt())
    assert not can_see_attempt(tom, attempt(trainee="Ann <ann@force.police.uk>"))
    live = example_case("doorbell-camera-ncnd")
    assert not can_see_live_cases(tom)
    assert (
        not can_see_attempt(tom, live)
        and "not a training attempt" in can_see_attempt(tom, live).reason
    )
    assert not can_edit(tom, live)


def test_the_local_user_practises_and_owns_every_attempt_on_their_computer() -> None:
    local = local_person("Pat")
    assert can_train(local) and can_run_training(local)
    assert can_see_attempt(local, attempt()) and can_edit(local, attempt())


def test_a_training_attempt_is_never_submitted_for_approval_or_issued() -> None:
    tom = person(frozenset({Role.TRAINEE, Role.OFFICER}), "tom@force.police.uk")
    for decision in (
        can_submit(tom, attempt(), errors=0),
        can_issue(tom, attempt(), errors=0, policy=Policy(require_approval=False)),
    ):
        assert not decision and "submit it for feedback on the Training page" in decision.reason


def test_an_issued_attempt_is_read_only_even_for_its_trainee() -> None:
    tom = person(frozenset({Role.TRAINEE}), "tom@force.police.uk")
    assert not can_edit(tom, attempt(status=CaseStatus.ISSUED))
