"""AppTest of the People page: an admin grants and takes away roles; problems next to the field;
FOI_ADMINS shown as fixed admins; the engine refuses a non-admin."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from foi_core.people import NotAllowed, Person, Role
from foi_core.people.directory import grant_roles, revoke_roles
from foi_core.settings import get_settings
from foi_core.storage import Store
from tests.app.conftest import by_key, ok, submit
from tests.app.test_sign_in import signed_in_app

ADA = "ada@force.police.uk"


@pytest.fixture
def admin_app(app_store: Store, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The People page, with Ada (an admin by FOI_ADMINS) signed in."""
    monkeypatch.setenv("FOI_ADMINS", ADA)
    get_settings.cache_clear()
    at = ok(signed_in_app(ADA, "Ada Admin").run())
    return ok(at.switch_page("pages/users.py").run())


def _table(at: AppTest) -> list[dict[str, str]]:
    (frame,) = at.dataframe
    return frame.value.to_dict("records")


def test_an_admin_grants_roles_and_they_show(admin_app: AppTest, app_store: Store) -> None:
    at = admin_app
    (ada,) = _table(at)
    assert ada["E-mail address"] == ADA and ada["Admin by FOI_ADMINS"] == "yes"
    by_key(at.text_input, "people.grant.email").input("B.Approver@Force.Police.UK")
    by_key(at.text_input, "people.grant.name").input("B Approver")
    by_key(at.multiselect, "people.grant.roles").select(Role.APPROVER).select(Role.REVIEWER)
    at = submit(at, "Grant roles")
    assert any("Granted approver and reviewer" in str(s.value) for s in at.success)
    rows = {row["E-mail address"]: row for row in _table(at)}
    assert rows["b.approver@force.police.uk"]["Roles"] == "approver and reviewer"
    assert rows["b.approver@force.police.uk"]["Name"] == "B Approver"
    assert app_store.roles_of("b.approver@force.police.uk") == {Role.APPROVER, Role.REVIEWER}
    granted = [e for e in app_store.audit() if e.action == "role_granted"]
    assert {e.actor for e in granted} == {"Ada Admin <ada@force.police.uk>"}


def test_a_bad_address_is_explained_next_to_the_field_and_kept(
    admin_app: AppTest, app_store: Store
) -> None:
    at = admin_app
    by_key(at.text_input, "people.grant.email").input("bob at force")
    by_key(at.multiselect, "people.grant.roles").select(Role.OFFICER)
    at = submit(at, "Grant roles")
    assert any("is not an e-mail address" in str(e.value).replace("\\", "") for e in at.error)
    assert by_key(at.text_input, "people.grant.email").value == "bob at force"
    assert [record.email for record in app_store.list_people()] == [ADA]


def test_granting_needs_a_role(admin_app: AppTest) -> None:
    at = admin_app
    by_key(at.text_input, "people.grant.email").input("c@force.police.uk")
    at = submit(at, "Grant roles")
    assert any("Choose at least one role" in str(e.value) for e in at.error)


def test_an_admin_takes_a_role_away(admin_app: AppTest, app_store: Store) -> None:
    app_store.grant("o@force.police.uk", Role.OFFICER, by="test")
    app_store.grant("o@force.police.uk", Role.TRAINER, by="test")
    at = ok(admin_app.run())
    by_key(at.selectbox, "people.revoke.email").select("o@force.police.uk").run()
    by_key(at.multiselect, "people.revoke.roles").select(Role.TRAINER)
    at = submit(at, "Take roles away")
    assert app_store.roles_of("o@force.police.uk") == {Role.OFFICER}
    assert any("Took trainer away" in str(s.value) for s in at.success)


def test_the_engine_refuses_a_non_admin(app_store: Store) -> None:
    officer = Person("o@force.police.uk", "O", frozenset({Role.OFFICER, Role.APPROVER}))
    with pytest.raises(NotAllowed, match="admin role"):
        grant_roles(app_store, officer, "x@force.police.uk", [Role.ADMIN])
    with pytest.raises(NotAllowed, match="admin role"):
        revoke_roles(app_store, officer, "x@force.police.uk", [Role.ADMIN])
    assert app_store.list_people() == []
