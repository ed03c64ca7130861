"""The person using the app (from sign-in, or the local user), the unit's policy, the checks a
page makes before drawing anything, and the sidebar's "signed in as".

With sign-in on, each run reads the person's roles from the store (a role granted on the People
page counts from the next page load); the sign-in itself (first and last seen) is recorded once
a session. With sign-in off, the single local user holds every role (``local_person``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from foi_core.people import (
    ROLE_LABELS,
    Decision,
    PeopleError,
    Person,
    Policy,
    can_manage,
    can_see_attempt,
    can_see_live_cases,
    can_train,
    local_person,
    unit_policy,
)
from ui.exposure import sign_in_configured
from ui.text import md_escape

if TYPE_CHECKING:
    from foi_core.models import Case

_RECORDED = "_foi_sign_in_recorded"  # the address whose sign-in this session has recorded
NOBODY = Person(email="", name="", roles=frozenset())


def sign_in_on() -> bool:
    """True when sign-in is configured (an [auth] section in .streamlit/secrets.toml)."""
    return sign_in_configured()


def _user_claims() -> dict[str, Any]:
    try:
        claims = st.user.to_dict()
    except Exception:  # st.user is unavailable outside a session
        return {}
    return claims if claims.get("is_logged_in") else {}


def current_person() -> Person:
    """The signed-in person with their roles, or the local user (every role) with sign-in off.

    Nobody (no roles) before sign-in. A sign-in without a usable e-mail address stops the page
    with a plain explanation and a way to sign out.
    """
    from foi_core.people.directory import resolve_person
    from ui.state import get_store

    if not sign_in_on():
        return local_person(local_name())
    claims = _user_claims()
    if not claims:
        return NOBODY
    # Entra ID sends the work address as preferred_username when no 'email' claim is set up.
    email = str(claims.get("email") or claims.get("preferred_username") or "")
    try:
        record = st.session_state.get(_RECORDED) != email.strip().lower()
        person = resolve_person(
            get_store(), email, str(claims.get("name") or ""), claims.get("roles"), record=record
        )
    except PeopleError:
        st.error(
            "Your sign-in did not give this app your work e-mail address, so it cannot tell who "
            "you are. Ask whoever set up sign-in to include the 'email' claim, then sign in again.",
            icon=":material/no_accounts:",
        )
        st.button("Sign out", on_click=st.logout, key="people.sign_out_no_email")
        st.stop()
    st.session_state[_RECORDED] = person.email
    return person


def local_name() -> str:
    """The local user's name (FOI_ACTOR); "officer" while a bad setting is to be put right (the
    page's ``get_store`` explains it)."""
    from foi_core.settings import SettingsError, get_settings

    try:
        return get_settings().actor
    except SettingsError:
        return "officer"


def policy() -> Policy:
    """The unit's policy: strict with sign-in on, relaxed for a single local user."""
    return unit_policy(sign_in_on())


def _require(decision: Decision) -> None:
    from ui.exposure import stop_if_exposed

    stop_if_exposed()
    if not decision:
        st.warning(md_escape(decision.reason), icon=":material/lock:")
        st.page_link("pages/guide.py", label="Read the Guide", icon=":material/menu_book:")
        st.stop()


def require_live_access() -> Person:
    """The person, or the page stops saying why they may not see live cases."""
    person = current_person()
    _require(can_see_live_cases(person))
    return person


def require_some_case_access() -> Person:
    """The person, if they may open some case (a live one, or a training attempt of their own);
    otherwise the page stops saying why."""
    person = current_person()
    practising = can_train(person)
    _require(practising if practising else can_see_live_cases(person))
    return person


def require_case_access(person: Person, case: Case) -> None:
    """Stop the page unless the person may open this case: a training attempt only its own
    trainee, trainers and admins; a live case only people who may see live cases."""
    from foi_core.models import CaseKind

    if case.kind is CaseKind.TRAINING:
        _require(can_see_attempt(person, case))
    else:
        _require(can_see_live_cases(person))


def require_training() -> Person:
    """The person, or the page stops saying they may not practise on training scenarios."""
    person = current_person()
    _require(can_train(person))
    return person


def require_admin() -> Person:
    """The person, or the page stops saying that only admins may use it."""
    person = current_person()
    _require(can_manage(person))
    return person


def roles_text(person: Person) -> str:
    """The person's roles in words ("no role yet" when they hold none)."""
    held = [ROLE_LABELS[role] for role in ROLE_LABELS if role in person.roles]
    return "; ".join(held) if held else "no role yet"


def sidebar_badge() -> None:
    """Who is using the app: signed in as NAME (email), their roles and "Sign out"; with
    sign-in off, the notice that this is single-user mode and the name work is recorded under."""

    with st.sidebar:
        if not sign_in_on():
            st.info(
                "Sign-in is off: single-user mode on this computer; your work is recorded as "
                f"**{md_escape(local_name())}**. To change the name, set FOI_ACTOR "
                "(in the environment or .env) and restart the app. To share the app with a team, "
                "set up sign-in (README, 'Sign-in and roles').",
                icon=":material/person:",
            )
            return
        person = current_person()
        if person is NOBODY:
            return
        st.markdown(
            f"Signed in as **{md_escape(person.name or person.email)}** ({md_escape(person.email)})"
        )
        st.caption(f"Roles: {roles_text(person)}")
        st.button("Sign out", on_click=st.logout, key="people.sign_out", icon=":material/logout:")


def no_access_page() -> None:
    """The page for someone signed in who may not see live cases: why, and what to do."""
    person = current_person()
    st.title("Welcome")
    decision = can_see_live_cases(person)
    st.info(md_escape(decision.reason or "You have no role yet."), icon=":material/lock:")
    if can_train(person):
        st.markdown(
            "Practise on realistic police requests on the Training page: pick a scenario, or "
            "join your trainer's session with its code."
        )
        st.page_link("pages/training.py", label="Go to Training", icon=":material/school:")
        return
    st.markdown(
        "Roles are granted by an admin of your FOI unit on the People page. Once you have one, "
        "reload this page. Meanwhile the Guide explains the process step by step."
    )
    st.page_link("pages/guide.py", label="Read the Guide", icon=":material/menu_book:")
