"""Loopback by default: the rule that decides whether the app may show cases on this server."""

from __future__ import annotations

import ipaddress
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.exposure import exposure_problem, is_loopback


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST", " 127.0.0.1 "]
)
def test_loopback_addresses(address: str) -> None:
    assert is_loopback(address)
    assert exposure_problem(address, sign_in_configured=False) is None


@pytest.mark.parametrize(
    "address", [None, "", "0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "foi.example.org", "127.x"]
)
def test_addresses_others_can_reach(address: str | None) -> None:
    assert not is_loopback(address)
    problem = exposure_problem(address, sign_in_configured=False)
    assert problem is not None
    assert "sign-in" in problem and "scripts/run.sh" in problem and "README" in problem


def test_unset_address_is_every_interface() -> None:
    problem = exposure_problem(None, sign_in_configured=False)
    assert problem is not None and "every network interface" in problem


@given(st.ip_addresses())
def test_any_address_is_allowed_with_sign_in(address: ipaddress.IPv4Address) -> None:
    assert exposure_problem(str(address), sign_in_configured=True) is None


@given(st.ip_addresses())
def test_without_sign_in_only_loopback_addresses_are_allowed(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> None:
    allowed = exposure_problem(str(address), sign_in_configured=False) is None
    assert allowed == address.is_loopback


def test_the_project_config_listens_on_loopback() -> None:
    config = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"
    assert tomllib.loads(config.read_text())["server"]["address"] == "127.0.0.1"
