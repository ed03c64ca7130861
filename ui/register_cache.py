"""What the Cases page reads of the store, remembered until the store changes: each read is
keyed by the store's fingerprint (how many cases and the latest change), the demo cases still
shown and today's date, so a rerun with nothing changed asks the database only for the
fingerprint. Any save, new case or demo removal changes the key, and the next run reads afresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from foi_core.storage import Store
from ui.state import today


def read_key(store: Store, demo_ids: set[str]) -> str:
    """The key of what the store holds now: its fingerprint, the demo cases shown, today."""
    count, latest = store.fingerprint()
    return f"{store.url}|{count}|{latest}|{sorted(demo_ids)}|{today()}"


def remembered(key: str, name: str, read: Callable[[], Any], *args: object) -> Any:
    """``read()``'s result, remembered under ``key`` and ``name`` with ``args`` (their repr)."""
    return _remembered(key, name, repr(args), read)


@st.cache_data(max_entries=256, show_spinner=False)
def _remembered(key: str, name: str, args: str, _read: Callable[[], Any]) -> Any:
    return _read()
