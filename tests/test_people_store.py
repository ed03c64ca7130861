"""People in the store: sign-ins, granting and revoking roles, the last admin, FOI_ADMINS and
the identity provider's roles claim (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from foi_core.people import PeopleError, Role
from foi_core.people.directory import claimed, directory, resolve_person
from foi_core.settings import get_settings
from foi_core.storage import Store

ADMIN = "Ada Admin <ada@force.police.uk>"


@pytest.fixture
def settings_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Set FOI_* variables for one test (the settings are re-read)."""
    monkeypatch.delenv("FOI_ADMINS", raising=False)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def _set(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    get_settings.cache_clear()


def test_sign_in_records_the_person_and_refreshes_the_name(store: Store) -> None:
    store.record_sign_in("A.Officer@Force.Police.UK", "A Officer")
    (first,) = store.list_people()
    assert (first.email, first.name, first.roles) == ("a.officer@force.police.uk", "A Officer", ())
    store.record_sign_in("a.officer@force.police.uk", "Alex Officer")
    (again,) = store.list_people()
    assert again.name == "Alex Officer"
    assert again.first_seen == first.first_seen and again.last_seen >= first.last_seen


def test_grant_and_revoke_are_audited_and_idempotent(store: Store) -> None:
    assert store.grant("b@force.police.uk", Role.APPROVER, by=ADMIN, name="B Approver")
    assert not store.grant("b@force.police.uk", "approver", by=ADMIN)
    assert store.grant("b@force.police.uk", Role.OFFICER, by=ADMIN)
    assert store.roles_of("B@force.police.uk") == {Role.APPROVER, Role.OFFICER}
    (person,) = store.list_people()
    assert person.name == "B Approver" and person.roles == (Role.APPROVER, Role.OFFICER)
    assert store.revoke("b@force.police.uk", Role.OFFICER, by=ADMIN)
    assert not store.revoke("b@force.police.uk", Role.OFFICER, by=ADMIN)
    assert store.roles_of("b@force.police.uk") == {Role.APPROVER}
    events = [e for e in store.audit() if e.action in ("role_granted", "role_revoked")]
    assert [e.action for e in events].count("role_granted") == 2
    assert [e.action for e in events].count("role_revoked") == 1
    for event in events:
        assert event.case_id is None and event.actor == ADMIN
        assert "b@force.police.uk" in event.summary and "B Approver" not in event.summary


def test_a_bad_address_or_role_is_refused_in_plain_words(store: Store) -> None:
    with pytest.raises(PeopleError, match="not an e-mail address"):
        store.grant("not an address", Role.OFFICER, by=ADMIN)
    with pytest.raises(ValueError):
        store.grant("c@force.police.uk", "chief", by=ADMIN)
    assert store.list_people() == []


def test_the_last_admin_cannot_be_revoked_without_foi_admins(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    store.grant("ada@force.police.uk", Role.ADMIN, by=ADMIN)
    with pytest.raises(PeopleError, match="last admin"):
        store.revoke("ada@force.police.uk", Role.ADMIN, by=ADMIN)
    assert store.roles_of("ada@force.police.uk") == {Role.ADMIN}
    store.grant("bob@force.police.uk", Role.ADMIN, by=ADMIN)
    assert store.revoke("ada@force.police.uk", Role.ADMIN, by=ADMIN)
    _set(settings_env, "FOI_ADMINS", "chief@force.police.uk")
    assert store.revoke("bob@force.police.uk", Role.ADMIN, by=ADMIN)


def test_foi_admins_are_admins_and_listed_before_signing_in(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    _set(settings_env, "FOI_ADMINS", "Chief@Force.Police.UK; deputy@force.police.uk")
    store.grant("deputy@force.police.uk", Role.APPROVER, by=ADMIN)
    listed = {record.email: record for record in directory(store)}
    assert listed["chief@force.police.uk"].roles == (Role.ADMIN,)
    assert listed["chief@force.police.uk"].fixed_admin
    assert listed["deputy@force.police.uk"].roles == (Role.ADMIN, Role.APPROVER)
    person = resolve_person(store, "chief@force.police.uk", "The Chief")
    assert (
        person.roles == {Role.ADMIN} and person.recorded_as == "The Chief <chief@force.police.uk>"
    )
    assert store.roles_of("chief@force.police.uk") == frozenset()  # the setting, not the store


def test_identity_provider_roles_count_only_when_the_unit_allows_it(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    store.grant("t@force.police.uk", Role.TRAINEE, by=ADMIN)
    person = resolve_person(store, "t@force.police.uk", "T", ["approver", "Chief"])
    assert person.roles == {Role.TRAINEE}
    _set(settings_env, "FOI_ROLES_FROM_IDENTITY_PROVIDER", "true")
    person = resolve_person(store, "t@force.police.uk", "T", ["Approver", "chief", 7])
    assert person.roles == {Role.TRAINEE, Role.APPROVER}
    assert claimed("officer, reviewer nonsense") == {Role.OFFICER, Role.REVIEWER}
    assert claimed(None) == frozenset()


def test_resolving_can_skip_recording(store: Store) -> None:
    person = resolve_person(store, "new@force.police.uk", "New", record=False)
    assert person.roles == frozenset() and store.list_people() == []


def test_someone_granted_a_role_has_not_signed_in_until_they_do(store: Store) -> None:
    store.grant("new.officer@force.police.uk", Role.OFFICER, by="Ada Admin <ada@x.police.uk>")
    (record,) = [p for p in store.list_people() if p.email == "new.officer@force.police.uk"]
    assert record.first_seen is not None and record.last_seen is None
    store.record_sign_in("new.officer@force.police.uk", "New Officer")
    (record,) = [p for p in store.list_people() if p.email == "new.officer@force.police.uk"]
    assert record.last_seen is not None and record.name == "New Officer"
