"""Loopback by default: without sign-in the app serves only this computer.

The server listens where Streamlit's ``server.address`` says (``.streamlit/config.toml`` sets
127.0.0.1; unset means every interface). Sign-in is configured by an ``[auth]`` section in
``.streamlit/secrets.toml``. With sign-in configured nobody sees anything before signing in, on
any address; without it a server others can reach shows why it will not open cases. Either way
it stops before any case is drawn (``app.py`` and ``ui.state.get_store`` call the gate).
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


def must_stop() -> bool:
    """True when nothing of any case may be drawn for this visitor: sign-in is configured and
    they have not signed in (on any address), or others can reach a server without sign-in."""
    from streamlit import config

    configured = sign_in_configured()
    if configured:
        return not _signed_in()
    return exposure_problem(config.get_option("server.address"), configured) is not None


def draw_gate() -> None:
    """What a visitor sees instead of the cases: the sign-in page, or why this server will not
    show cases without sign-in."""
    from streamlit import config

    if sign_in_configured():
        st.title("FOI Public Interest Test Assistant", anchor=False)
        st.markdown(
            "This is your FOI unit's assistant for answering Freedom of Information requests. "
            "Sign in with your work account to see the cases: what you do is recorded under "
            "your name, and what you may do depends on the roles an admin has given you."
        )
        st.button("Sign in", on_click=st.login, type="primary", icon=":material/login:")
        return
    problem = exposure_problem(config.get_option("server.address"), False)
    st.error(problem or "", icon=":material/lock:")


def stop_if_exposed() -> None:
    """Stop the page before any case is drawn when the visitor may not see cases here (see
    ``must_stop``): offer sign-in when it is configured, else explain why."""
    if must_stop():
        draw_gate()
        st.stop()
