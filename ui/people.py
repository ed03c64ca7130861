"""The person using the app (from sign-in, or the local user) and the unit's policy.

Minimal first version; the people helper extends it (roles from the store, FOI_ADMINS, the
identity provider's roles claim, the sidebar badge).
"""

from __future__ import annotations

import streamlit as st

from foi_core.people import Person, Policy, local_person, unit_policy
from ui.exposure import sign_in_configured


def sign_in_on() -> bool:
    """True when sign-in is configured (an [auth] section in .streamlit/secrets.toml)."""
    return sign_in_configured()


def current_person() -> Person:
    """The signed-in person with their roles, or the local user (every role) with sign-in off."""
    from foi_core.settings import get_settings

    if not sign_in_on():
        return local_person(get_settings().actor)
    email = str(getattr(st.user, "email", "") or "").lower()
    name = str(getattr(st.user, "name", "") or "")
    return Person(email=email, name=name, roles=frozenset())


def policy() -> Policy:
    """The unit's policy: strict with sign-in on, relaxed for a single local user."""
    return unit_policy(sign_in_on())
