"""Sign-in and who sees which page (AppTest with ``at.secrets["auth"]`` and ``at.user``).

Not signed in: nothing of any case, setting or statistic, on any page. A trainee, or someone
with no role, sees the Guide and a page saying why; a non-admin never reaches Settings or People.
Sign-in off: the single-user notice, and work recorded under FOI_ACTOR.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from foi_core.people import Role
from foi_core.storage import Store
from tests.app.conftest import APP, DOORBELL, REQUESTER, by_key, new_app, ok, submit, texts

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a long random string for the tests",
    "client_id": "foi-tests",
    "client_secret": "not a secret",
    "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}
EVERY_PAGE = [
    "pages/cases.py",
    "pages/request.py",
    "pages/letter.py",
    "pages/history.py",
    "pages/settings.py",
    "pages/users.py",
    "pages/guide.py",
]
ADMIN = "Ada Admin <ada@force.police.uk>"
ROOT = APP.parent


def signed_in_app(email: str | None, name: str = "", case_id: str | None = None) -> AppTest:
    """The app with sign-in configured, and this person signed in (None: nobody)."""
    at = new_app(case_id)
    at.secrets["auth"] = AUTH
    if email is None:
        at.user = {"is_logged_in": False}
    else:
        at.user = {"is_logged_in": True, "email": email, "name": name}
    return at


def _shown(at: AppTest) -> str:
    """Every text, title and subheader the run drew, and the cells of its tables."""
    parts = [texts(at)]
    parts += [str(element.value) for element in (*at.title, *at.subheader, *at.header)]
    parts += [frame.value.to_string() for frame in at.dataframe]
    return "\n".join(parts)


def _case_refs(store: Store) -> list[str]:
    refs = [summary.ref for summary in store.list_cases()]
    assert refs
    return refs


def test_nobody_sees_anything_before_signing_in(app_store: Store) -> None:
    at = ok(signed_in_app(None, case_id=DOORBELL).run())
    shown = _shown(at)
    assert [b.label for b in at.button] == ["Sign in"] and "Sign in with your work account" in shown
    for ref in _case_refs(app_store):
        assert ref not in shown
    # Any address: the page asked for is kept, but shows nothing. (AppTest runs a page switched
    # to on its own, where app.py stops before running it; the Guide holds no case, setting or
    # statistic, so it is left out here.)
    for page in [page for page in EVERY_PAGE if page != "pages/guide.py"]:
        at = ok(at.switch_page(page).run())
        shown = _shown(at)
        assert [b.label for b in at.button] == ["Sign in"]
        for word in ("Organisation profile", "Letter templates", "Grant roles", REQUESTER):
            assert word not in shown
        assert not any(ref in shown for ref in _case_refs(app_store))
        assert not at.dataframe and not at.metric and not at.text_input


@pytest.mark.parametrize("page", [page for page in EVERY_PAGE if page != "pages/guide.py"])
def test_every_page_run_on_its_own_stops_before_sign_in(app_store: Store, page: str) -> None:
    at = AppTest.from_file(str(ROOT / page), default_timeout=30)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    at.query_params["case"] = DOORBELL
    shown = _shown(ok(at.run()))
    for ref in _case_refs(app_store):
        assert ref not in shown
    for word in ("Organisation profile", "Letter templates", "due", "Grant roles", "Requester"):
        assert word not in shown
    assert not at.dataframe and not at.metric and not at.text_input


def test_someone_with_no_role_sees_the_guide_and_is_told_to_ask_an_admin(app_store: Store) -> None:
    at = ok(signed_in_app("new@force.police.uk", "New Starter").run())
    shown = _shown(at)
    assert "ask an admin" in shown and "Welcome" in shown
    for ref in _case_refs(app_store):
        assert ref not in shown
    assert any("Signed in as **New Starter**" in str(m.value) for m in at.sidebar.markdown)
    assert [t.value for t in at.title] == ["Welcome"]
    assert [person.email for person in app_store.list_people()] == ["new@force.police.uk"]
    at = ok(at.switch_page("pages/guide.py").run())
    assert "Is it a valid request" in _shown(at)


@pytest.mark.parametrize("page", ["pages/cases.py", "pages/request.py", "pages/letter.py"])
def test_a_trainee_sees_no_live_case(app_store: Store, page: str) -> None:
    app_store.grant("t@force.police.uk", Role.TRAINEE, by=ADMIN)
    at = ok(signed_in_app("t@force.police.uk", "T Trainee", case_id=DOORBELL).run())
    shown = _shown(at)
    assert "training scenarios only" in shown
    if page == "pages/cases.py":
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)
    else:  # a step page (hidden: a trainee reaches it from their own attempt) refuses a live case
        shown = _shown(ok(at.switch_page(page).run()))
        assert "training scenarios only" in shown and not at.text_input
    for ref in _case_refs(app_store):
        assert ref not in shown


@pytest.mark.parametrize("page", ["pages/settings.py", "pages/users.py"])
def test_a_non_admin_cannot_reach_settings_or_people(app_store: Store, page: str) -> None:
    app_store.grant("o@force.police.uk", Role.OFFICER, by=ADMIN)
    app_store.grant("o@force.police.uk", Role.APPROVER, by=ADMIN)
    at = ok(signed_in_app("o@force.police.uk", "O Officer").run())
    assert "Cases" in _shown(at)  # an officer's first page
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page)
    for word in ("Organisation profile", "Letter templates", "Grant roles"):
        assert word not in _shown(at)


def test_a_signed_in_officer_is_named_and_can_sign_out(app_store: Store) -> None:
    app_store.grant("o@force.police.uk", Role.OFFICER, by=ADMIN)
    at = ok(signed_in_app("O@Force.Police.UK", "O Officer").run())
    sidebar = "\n".join(str(m.value) for m in at.sidebar.markdown)
    assert "Signed in as **O Officer**" in sidebar and "force.police.uk" in sidebar
    assert "Officer (drafts responses)" in "\n".join(str(c.value) for c in at.sidebar.caption)
    assert any(b.label == "Sign out" for b in at.sidebar.button)
    assert [t.value for t in at.title] == ["Cases"]


def test_roles_granted_count_from_the_next_page_load(app_store: Store) -> None:
    at = ok(signed_in_app("late@force.police.uk", "Late").run())
    assert "ask an admin" in _shown(at)
    app_store.grant("late@force.police.uk", Role.OFFICER, by=ADMIN)
    at = ok(at.run())
    assert [t.value for t in at.title] == ["Cases"]


def test_foi_admins_see_settings_and_people(app_store: Store, monkeypatch) -> None:
    from foi_core.settings import get_settings

    monkeypatch.setenv("FOI_ADMINS", "ada@force.police.uk")
    get_settings.cache_clear()
    at = ok(signed_in_app("ada@force.police.uk", "Ada Admin").run())
    at = ok(at.switch_page("pages/settings.py").run())
    assert "Organisation profile" in _shown(at)


def test_sign_in_off_shows_the_single_user_notice(app_store: Store, monkeypatch) -> None:
    from foi_core.settings import get_settings

    monkeypatch.setenv("FOI_ACTOR", "Pat Local")
    get_settings.cache_clear()
    at = ok(new_app().run())
    notice = "\n".join(str(i.value) for i in at.sidebar.info)
    assert "Sign-in is off: single-user mode on this computer" in notice
    assert "Pat Local" in notice and "FOI_ACTOR" in notice
    assert [t.value for t in at.title] == ["Cases"]


def test_work_is_recorded_under_the_signed_in_person(app_store: Store) -> None:
    app_store.grant("o@force.police.uk", Role.OFFICER, by=ADMIN)
    at = ok(signed_in_app("o@force.police.uk", "O Officer").run())
    by_key(at.text_input, "f.new.our_ref").input("NEW/26/9")
    by_key(at.text_input, "f.new.title").input("Drone use")
    submit(at, "Start the case")
    stored = app_store.find_by_ref("NEW/26/9")
    assert stored is not None and stored.updated_by == "O Officer <o@force.police.uk>"
    (created,) = [e for e in app_store.audit(stored.case.id) if e.action == "created"]
    assert created.actor == "O Officer <o@force.police.uk>"


def test_an_entra_sign_in_without_the_email_claim_uses_the_user_name(app_store: Store) -> None:
    at = new_app()
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "preferred_username": "P.Officer@force.police.uk", "name": "P"}
    ok(at.run())
    assert [person.email for person in app_store.list_people()] == ["p.officer@force.police.uk"]


def test_a_sign_in_without_any_address_is_explained(app_store: Store) -> None:
    at = new_app()
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "name": "No Address"}
    shown = _shown(ok(at.run()))
    assert "did not give this app your work e" in shown.replace("\\", "")
    assert [b.label for b in at.button] == ["Sign out"]
    assert app_store.list_people() == []
