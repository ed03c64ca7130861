"""The store, the case named in the URL, and saving: session_state is only a cache.

Every run loads the case fresh from the store. A save is checked against the version the officer's
form was drawn from; if a colleague saved the case since, the two edits are merged field by field
(foi_core.history.save_merging): their changes are kept and this officer's are added, and where
both changed the same field the officer is asked (ui.merge), with what they typed kept meanwhile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from foi_core import models
from foi_core.models import Case
from ui.nav import ensure_app_navigation
from ui.text import md_escape

if TYPE_CHECKING:
    from foi_core.checker import Finding
    from foi_core.history import MergedSave
    from foi_core.storage import Store

CASES_PAGE = "pages/cases.py"
TRAINING_PAGE = "pages/training.py"
# Widget keys that start with this prefix hold form input seeded from the case. They are dropped
# after a successful save (and when another case is opened) so the next run shows saved values.
FIELD_PREFIX = "f."
_SEEN = "_foi_seen_versions"  # case id -> version shown on this session's latest run
_BASE = "_foi_base_versions"  # case id -> version the officer edited (the one to save against)
_SEEDED = "_foi_seeded_fields"  # form widget key -> version of the case it was first drawn from
_ROUND = "_foi_field_round"  # goes up when the saved case differs from what the form holds
OPEN_CASE_KEY = "_foi_open_case"
_FLASH = "_foi_flash"


@dataclass
class LoadedCase:
    """A case as loaded on this run, with its stored version."""

    case: Case
    version: int
    updated_at: dt.datetime | None = None
    # The checker's findings on this run (set by ui.layout.case_page; None if the check failed).
    findings: list[Finding] | None = None


def field_key(name: str) -> str:
    """The widget key for a form field seeded from the case, e.g. ``field_key("our_ref")``."""
    round_ = st.session_state.get(_ROUND, 0)
    return f"{FIELD_PREFIX}{name}" if not round_ else f"{FIELD_PREFIX}r{round_}.{name}"


@st.cache_resource(show_spinner=False)
def _store_for(url: str, demo_cases: bool) -> Store:
    """One Store per database URL for the whole server process (an Engine is thread-safe).

    ``demo_cases``: load the examples when the store is empty (by default only on the embedded
    default database, never on one FOI_DATABASE_URL names: Settings.wants_demo_cases).
    """
    from foi_core.storage import Store

    store = Store(url)
    if demo_cases:
        store.load_demo_cases()
    return store


def get_store() -> Store:
    """The Store for the configured database (FOI_DATABASE_URL), loading demo cases on first use.

    Every page reaches the store through here: when it cannot be opened (a bad setting, a
    read-only file, an unreachable server, a broken knowledge overlay...), the page shows what is
    wrong and what to do, and stops. A server others can reach without sign-in stops here too
    (ui.exposure).
    """
    from foi_core.knowledge import KnowledgeError, load_catalogue
    from foi_core.settings import SettingsError, get_settings
    from foi_core.storage import StorageError
    from ui.exposure import stop_if_exposed

    stop_if_exposed()
    try:
        settings = get_settings()
        load_catalogue()  # cached; a broken knowledge overlay is named here, not as a traceback
        return _store_for(settings.database_url, settings.wants_demo_cases())
    except (StorageError, SettingsError, KnowledgeError) as error:  # the next run tries again
        st.error(md_escape(str(error)), icon=":material/database:")
        st.caption("After it is put right, reload this page.")
        st.stop()


def actor() -> str:
    """Who is recorded in revisions and the audit log: the signed-in person's "Name <email>",
    or the local user's name (FOI_ACTOR) with sign-in off."""
    from ui.people import current_person

    return current_person().recorded_as


def case_id_from_url() -> str | None:
    """The case id in the URL (``?case=<id>``), or None."""
    ensure_app_navigation()
    value = st.query_params.get("case")
    return value.strip() if value and value.strip() else None


def reset_fields() -> None:
    """Forget form input so the next run shows the values saved in the case."""
    for key in [k for k in st.session_state if str(k).startswith(FIELD_PREFIX)]:
        del st.session_state[key]


def fresh_fields() -> None:
    """Forget form input and give every form field a new key. Needed when the saved case is not
    what the form holds (a merge, discarded input): the browser keeps showing, and sends back,
    a field's old value for as long as its key stays the same, even once it is forgotten here."""
    reset_fields()
    st.session_state[_ROUND] = st.session_state.get(_ROUND, 0) + 1


def flash(message: str) -> None:
    """Show ``message`` at the top of the next run (survives st.rerun and st.switch_page).

    The message is plain text, shown literally (it may quote a reference the user typed)."""
    st.session_state.setdefault(_FLASH, []).append(message)


def show_flash() -> None:
    """Show and forget the messages left by ``flash``."""
    ensure_app_navigation()
    for message in st.session_state.pop(_FLASH, []):
        st.success(md_escape(message), icon=":material/check_circle:")


def _choose_a_case(message: str, live: bool = True) -> None:
    st.info(message, icon=":material/folder_open:")
    if live:
        st.page_link(CASES_PAGE, label="Go to Cases", icon=":material/list:")
    else:
        st.page_link(TRAINING_PAGE, label="Go to Training", icon=":material/school:")
    st.stop()


def current_case() -> LoadedCase:
    """Load the case in the URL fresh from the store, or stop the page with a link to Cases (or
    Training). Someone who may not see live cases opens only their own training attempts (a
    trainer any attempt); anyone else the page stops with the reason."""
    from foi_core.people import can_see_live_cases
    from foi_core.storage import CaseNotFound
    from ui.people import require_case_access, require_some_case_access

    person = require_some_case_access()
    live = bool(can_see_live_cases(person))
    where = "the Cases page" if live else "the Training page"
    case_id = case_id_from_url()
    if case_id is None:
        _choose_a_case(f"Choose a case on {where} first.", live)
    try:
        stored = get_store().load(case_id)
    except CaseNotFound:
        _choose_a_case(
            f"There is no case with the id '{md_escape(case_id)}'. It may have been mistyped or "
            f"deleted; choose a case on {where}.",
            live,
        )
    require_case_access(person, stored.case)
    if st.session_state.get(OPEN_CASE_KEY) != case_id:
        reset_fields()
        st.session_state[OPEN_CASE_KEY] = case_id
    seen: dict[str, int] = st.session_state.setdefault(_SEEN, {})
    base: dict[str, int] = st.session_state.setdefault(_BASE, {})
    base[case_id] = _form_base(seen.get(case_id, stored.version))
    seen[case_id] = stored.version
    return LoadedCase(stored.case, stored.version, getattr(stored, "updated_at", None))


def _form_base(previous: int) -> int:
    """The version the officer's input is based on: the oldest version any form field still
    holds a value from (a field keeps what it was first drawn with until a save or a reset, even
    when the case changes underneath), else the version shown on their previous run."""
    seeded: dict[str, int] = st.session_state.setdefault(_SEEDED, {})
    live = {key for key in st.session_state if str(key).startswith(FIELD_PREFIX)}
    for key in [key for key in seeded if key not in live]:
        del seeded[key]
    for key in live:
        seeded.setdefault(key, previous)  # drawn on the previous run, from that run's version
    return min(seeded.values(), default=previous)


def save_case(case: Case, summary: str, *, rerun: bool = True, message: str = "Saved.") -> bool:
    """Save the case at once; on success show ``message`` and (by default) rerun the page.

    If another officer saved the case since this officer's form was drawn, the two edits are
    merged: their changes are kept, this officer's added, and a message says so. Where both
    changed the same field nothing is saved yet: the page reruns with the question at the top
    (ui.merge) and the typed input kept in the form; returns False (also, with the problem shown,
    when the save fails).
    """
    from foi_core.history import save_merging
    from foi_core.storage import StorageError
    from ui.merge import ask_about, forget

    store = get_store()
    base: dict[str, int] = st.session_state.setdefault(_BASE, {})
    try:
        expected = base[case.id] if case.id in base else store.load(case.id).version
        outcome = save_merging(store, case, expected, actor=actor(), summary=summary)
    except StorageError as error:
        st.error(md_escape(str(error)), icon=":material/sync_problem:")
        return False
    if outcome.conflicts:
        ask_about(case, expected, summary, message, outcome)
        st.rerun()
    forget(case.id)
    after_save(case.id, outcome, message)
    if rerun:
        st.rerun()
    return True


def after_save(case_id: str, outcome: MergedSave, message: str) -> None:
    """After a save: forget the form input, note the new version, leave the messages."""
    seen: dict[str, int] = st.session_state.setdefault(_SEEN, {})
    if outcome.version is not None:
        seen[case_id] = outcome.version
    if outcome.merged:
        fresh_fields()
    else:
        reset_fields()
    if message:
        flash(message)
    if outcome.merged:
        flash(outcome.message())


def add_case(case: Case) -> int:
    """Store a new case (no version to check)."""
    return get_store().add(case, actor=actor())


def open_case(page: str, case_id: str) -> None:
    """Go to ``page`` for the case (the id is carried in the URL)."""
    st.switch_page(page, query_params={"case": case_id})


def today() -> dt.date:
    """Today's date (one place, the engine's: tests pin it with foi_core.models.pinned_today)."""
    return models.today()
