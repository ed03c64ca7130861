"""The Cases page's "Start from an earlier case": search precedents by words, exemption and
theme, and copy the one chosen into a new case (our reference, date received)."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from foi_core.knowledge.library import load_library
from foi_core.plain import plain_date
from foi_core.precedents import Precedent, PrecedentQuery, QueryError, find_precedents
from foi_core.storage import Store
from foi_core.workflow import duplicate_case
from ui.caselists import started_by
from ui.fields import FieldProblems
from ui.nav import PAGES_BY_STEP
from ui.state import actor, add_case, field_key, flash, open_case, today
from ui.text import md_escape

CHOSEN = "precedents.chosen"  # session key: the id of the earlier case chosen to start from
SHOWN = 8  # results listed
LIST_UNASKED_UP_TO = 5_000  # stored cases up to which earlier cases are listed before a search


def precedent_search(store: Store) -> None:
    """Search earlier cases and start a new case from one of them."""
    st.subheader("Start from an earlier case", anchor=False)
    st.caption(
        "Find a similar case answered before and copy its items and reasoning as a starting "
        "point. The requester, letters, dates and decision makers are not copied, and the copy "
        "points out what may still describe the earlier request."
    )
    themes = {"": "Any theme"} | {t.id: t.name for t in load_library().themes}
    words = st.text_input(
        "Search earlier cases",
        key="precedents.words",
        placeholder="e.g. doorbell cameras, drones",
        help="Words of the request or its title; word families match (camera finds cameras).",
    )
    with st.container(horizontal=True):
        exemption = st.text_input(
            "Exemption",
            key="precedents.exemption",
            placeholder="e.g. s31(3) or 24",
            help="A section or a limb, as the Act writes it: s31, 31(1)(a), section 24(2) ...",
        )
        theme = st.selectbox(
            "Theme", list(themes), format_func=themes.__getitem__, key="precedents.theme"
        )
    query = PrecedentQuery(words=words, exemption=exemption, theme=theme)
    if not (words.strip() or exemption.strip() or theme) and (
        store.fingerprint()[0] > LIST_UNASKED_UP_TO
    ):
        st.caption("Type some words or an exemption, or choose a theme, to find earlier cases.")
        return
    try:
        found = _found(store, query)
    except QueryError as error:
        st.error(md_escape(str(error)), icon=":material/error:")
        return
    if not found:
        st.caption("No earlier case matches. Try fewer words, or a section rather than a limb.")
        return
    for precedent in found:
        _result(precedent)
    chosen = next((p for p in found if p.id == st.session_state.get(CHOSEN)), None)
    if chosen is not None:
        _copy_form(store, chosen)


def _found(store: Store, query: PrecedentQuery) -> list[Precedent]:
    """The earlier cases matching ``query``, worked out once per search and change to the store
    (a rerun with the same search reads them back instead of scoring every case again)."""
    asked = (query.words, query.exemption, query.theme)
    return _cached_search(store.url, store.fingerprint(), asked, store)


@st.cache_data(max_entries=32, show_spinner=False)
def _cached_search(
    url: str, fingerprint: tuple[int, str], asked: tuple[str, str, str], _store: Store
) -> list[Precedent]:
    """The search itself: the store picks the candidates by their stored terms, the engine
    ranks them (``find_precedents``), well under a second at 100,000 cases."""
    words, exemption, theme = asked
    query = PrecedentQuery(words=words, exemption=exemption, theme=theme)
    return find_precedents(_store, query, limit=SHOWN)


def _result(precedent: Precedent) -> None:
    """One precedent: reference, title, dates, exemptions, outcome, and "Start from this case"."""
    with st.container(border=True, horizontal=True, vertical_alignment="center"):
        with st.container():
            title = f" — {md_escape(precedent.title)}" if precedent.title else ""
            st.markdown(f"**{md_escape(precedent.ref)}**{title}")
            when = f"Received {plain_date(precedent.received)}"
            if precedent.response_date is not None:
                when += f", answered {plain_date(precedent.response_date)}"
            cited = ", ".join(precedent.citations) or "no exemption"
            st.caption(md_escape(f"{when} · {cited} · {precedent.outcome} · {precedent.status}"))
        if st.button("Start from this case", key=f"precedents.start.{precedent.id}"):
            st.session_state[CHOSEN] = precedent.id


def _copy_form(store: Store, chosen: Precedent) -> None:
    """Our reference and the date received for the copy of ``chosen``."""
    problems = FieldProblems()
    with st.form("duplicate_case"):
        st.markdown(f"New case starting from **{md_escape(chosen.ref)}**")
        st.text_input("Our reference for the new case", key=field_key("copy.our_ref"))
        problems.slot("our_ref")
        st.date_input(
            "Date received", value=today(), format="DD/MM/YYYY", key=field_key("copy.received")
        )
        copy = st.form_submit_button("Copy into a new case", type="primary")
    if not copy:
        return
    ss = st.session_state
    source = store.load(chosen.id).case
    try:
        case = duplicate_case(source, ss[field_key("copy.our_ref")], ss[field_key("copy.received")])
    except ValidationError as error:
        problems.show_error(error)
        return
    if store.find_by_ref(case.request.our_ref) is not None:
        problems.add("our_ref", f"A case with the reference {case.request.our_ref} already exists.")
        return
    add_case(started_by(case, actor()))
    ss.pop(CHOSEN, None)
    flash(
        f"Case {case.request.our_ref} started from {source.request.our_ref}. "
        "Check every step: the reasoning is only a starting point."
    )
    open_case(PAGES_BY_STEP["request"].file, case.id)
