"""Loopback by default: without sign-in the app serves only this computer.

The server listens where Streamlit's ``server.address`` says (``.streamlit/config.toml`` sets
127.0.0.1; unset means every interface). Sign-in is configured by an ``[auth]`` section in
``.streamlit/secrets.toml``. A server others can reach without sign-in configured shows why it
will not open cases, and with it configured asks each visitor to sign in; either way it stops
before any case is drawn (``app.py`` and ``ui.state.get_store`` call ``stop_if_exposed``).
"""

from __future__ import annotations

import ipaddress

import streamlit as st

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(address: str | None) -> bool:
    """True when a server bound to ``address`` can be reached from this computer only.

    No address (Streamlit's default) means every interface, so it is not loopback.
    """
    host = (address or "").strip().strip("[]").lower()
    if not host:
        return False
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name or an interface address others can reach


def exposure_problem(address: str | None, sign_in_configured: bool) -> str | None:
    """Why the app must not show cases here, or None when it may.

    It may when the server listens on loopback only, or when sign-in is configured.
    """
    if sign_in_configured or is_loopback(address):
        return None
    where = f"address {address}" if (address or "").strip() else "every network interface"
    return (
        f"This server listens on {where}, so other computers can reach it, and sign-in is not "
        "set up: the cases are not shown. To use it on this computer only, start it with "
        "`bash scripts/run.sh` (it listens on 127.0.0.1). To share it with a team, set up "
        "sign-in first (an [auth] section in .streamlit/secrets.toml) and serve it behind HTTPS, "
        "as the README's 'Share it with a team' section explains."
    )


def sign_in_configured() -> bool:
    """True when ``.streamlit/secrets.toml`` (or the app's secrets) has an ``[auth]`` section."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises rather than answer False
        return False


def _signed_in() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except Exception:  # st.user is unavailable without sign-in configured
        return False


def stop_if_exposed() -> None:
    """Stop the page before any case is drawn when others can reach this server and the person
    using it has not signed in: without sign-in configured, explain why; with it, offer to sign in.
    """
    from streamlit import config

    address = config.get_option("server.address")
    configured = sign_in_configured()
    problem = exposure_problem(address, configured)
    if problem is not None:
        st.error(problem, icon=":material/lock:")
        st.stop()
    if configured and not is_loopback(address) and not _signed_in():
        st.info("Sign in to see the cases.", icon=":material/lock:")
        st.button("Sign in", on_click=st.login, type="primary")
        st.stop()
