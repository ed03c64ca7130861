"""The Cases page's register: the counts at the top, the filters, sorting, one page of cases in
a table (a row click opens the case), "Page 2 of 40", and the CSV export of every matching case
with a progress bar. Everything is asked of the store in SQL (``Store.register`` ...): the page
never reads every case, and training attempts never appear."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from foi_core.models import CaseKind, CaseStatus
from foi_core.people import name_of
from foi_core.register import CATEGORY_LABELS, Category
from foi_core.register.query import (
    KIND_LABELS,
    SORT_LABELS,
    RegisterFilters,
    RegisterPage,
    RegisterRow,
    RegisterSort,
)
from foi_core.storage import Store
from ui.register_cache import remembered
from ui.register_export import export_register
from ui.register_open import open_row
from ui.state import today

PAGE_SIZE = 50
TABLE = "register.table"
PAGE = "register.page"
NOBODY = "(nobody)"
DUE_WITHIN = {
    None: "Any time",
    0: "Today",
    5: "Within 5 working days",
    10: "Within 10 working days",
    20: "Within 20 working days",
}
STATUS_LABELS = {status: status.value.capitalize() for status in CaseStatus}


def counts(store: Store, key: str) -> None:
    """Open, due this week and overdue, across every live kind of case."""
    figures = remembered(key, "counts", lambda: store.register_counts(today()))
    with st.container(horizontal=True, key="register-counts"):
        st.metric("Open", figures.open, help="Cases not yet issued or closed.")
        st.metric(
            "Due this week",
            figures.due_soon,
            help="Open cases due today or within the next 5 working days.",
        )
        st.metric("Overdue", figures.overdue, help="Open cases past their due date.")
    if figures.overdue:
        st.error(f"{figures.overdue} case(s) overdue.", icon=":material/alarm:")


def _filters(store: Store, key: str) -> RegisterFilters:
    """The filter widgets, and the filters they set."""
    text = st.text_input(
        "Search reference or title",
        key="register.text",
        placeholder="e.g. 000123/26 or drones",
        help="Finds the words anywhere in our reference or the case title; capitals ignored.",
    )
    with st.container(horizontal=True):
        statuses = st.multiselect(
            "Status", list(CaseStatus), format_func=STATUS_LABELS.__getitem__, key="register.status"
        )
        officers = ["", NOBODY, *remembered(key, "officers", store.register_officers)]
        officer = st.selectbox(
            "Assigned to",
            officers,
            format_func=lambda o: "Anyone" if not o else (o if o == NOBODY else name_of(o)),
            key="register.officer",
        )
        due_within = st.selectbox(
            "Due",
            list(DUE_WITHIN),
            format_func=DUE_WITHIN.__getitem__,
            key="register.due_within",
            help="Open cases due by then, counted in working days (overdue ones not included).",
        )
    with st.container(horizontal=True):
        categories = st.multiselect(
            "Outcome",
            list(Category),
            format_func=CATEGORY_LABELS.__getitem__,
            key="register.outcome",
            help="What an issued response gave: granted in full, partly disclosed, refused in "
            "full or not held (see the Register note in the README).",
        )
        sections = ["", *remembered(key, "sections", store.register_sections)]
        section = st.selectbox(
            "Exemption used",
            sections,
            format_func=lambda s: s or "Any",
            key="register.section",
            help="Cases relying on this section (a claim citing it, or s12, s14 or s21 given "
            "as an item's outcome).",
        )
        kinds = st.multiselect(
            "Kind",
            list(KIND_LABELS),
            default=[CaseKind.REQUEST],
            format_func=KIND_LABELS.__getitem__,
            key="register.kinds",
        )
    with st.container(horizontal=True, vertical_alignment="bottom"):
        received_from = st.date_input(
            "Received from", value=None, format="DD/MM/YYYY", key="register.from"
        )
        received_to = st.date_input(
            "Received to", value=None, format="DD/MM/YYYY", key="register.to"
        )
        overdue = st.toggle("Overdue only", key="register.overdue")
    return RegisterFilters(  # no kind chosen: every live kind (training never)
        statuses=tuple(statuses),
        assigned_to=None if not officer else ("" if officer == NOBODY else officer),
        due_within=due_within,
        overdue=overdue,
        categories=tuple(categories),
        section=section or None,
        received_from=_date(received_from),
        received_to=_date(received_to),
        text=text,
        kinds=tuple(kinds) if kinds else tuple(KIND_LABELS),
    )


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _table(page: RegisterPage, demo_ids: set[str]) -> pd.DataFrame:
    """The page's rows as the table shows them."""
    rows = page.rows
    return pd.DataFrame(
        {
            "Reference": [r.ref for r in rows],
            "Demo": ["Demo" if r.id in demo_ids else "" for r in rows],
            "Title": [r.title for r in rows],
            "Kind": [KIND_LABELS.get(r.kind, r.kind.value).removesuffix("s") for r in rows],
            "Status": [r.status.value for r in rows],
            "Assigned to": [name_of(r.assigned_to) if r.assigned_to else "" for r in rows],
            "Received": [r.received for r in rows],
            "Due": [r.due_date for r in rows],
            "Working days left": pd.array([r.days_left for r in rows], dtype="Int64"),
            "Overdue": ["Overdue" if r.overdue else "" for r in rows],
            "Outcome": [CATEGORY_LABELS[r.category] if r.category else "" for r in rows],
        }
    )


def _pager(total: int) -> int:
    """The page asked for (1 .. last), with "Page 2 of 40" and previous and next."""
    last = max(1, -(-total // PAGE_SIZE))
    ss = st.session_state
    ss[PAGE] = min(max(1, int(ss.get(PAGE, 1))), last)
    with st.container(horizontal=True, vertical_alignment="center", key="register-pager"):
        if st.button("Previous", key="register.previous", disabled=ss[PAGE] <= 1):
            ss[PAGE] -= 1
        if st.button("Next", key="register.next", disabled=ss[PAGE] >= last):
            ss[PAGE] += 1
        st.markdown(f"Page {ss[PAGE]} of {last}")
    return int(ss[PAGE])


def register(store: Store, demo_ids: set[str], key: str) -> RegisterFilters:
    """The register section of the Cases page; ``key`` is ``read_key`` (what is read from the
    store is remembered under it). Returns the filters in use."""
    st.subheader("Register", anchor=False)
    counts(store, key)
    with st.expander("Filters and search", expanded=True, icon=":material/filter_list:"):
        filters = _filters(store, key)
        sort = st.selectbox(
            "Sort by", list(RegisterSort), format_func=SORT_LABELS.__getitem__, key="register.sort"
        )
    ss = st.session_state
    if ss.get("_register.filters") != (filters, sort):  # new filters: back to the first page
        ss["_register.filters"] = (filters, sort)
        ss[PAGE] = 1
    page = _page(store, key, filters, sort, ss.get(PAGE, 1))
    if page.total == 0:
        st.info("No case matches these filters. Clear a filter or search for fewer words.")
        _pager(0)
        return filters
    shown = _pager(page.total)
    if shown != page.page:
        page = _page(store, key, filters, sort, shown)
    st.caption(
        f"{page.total:,} case(s) match. Click a row to open the case; a case past its due "
        "date is marked overdue, and its working days left are negative."
    )
    event = st.dataframe(
        _table(page, demo_ids),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key=TABLE,
        column_config={
            "Received": st.column_config.DateColumn(format="D MMM YYYY"),
            "Due": st.column_config.DateColumn(format="D MMM YYYY"),
            "Working days left": st.column_config.NumberColumn(
                help="Working days to the due date; negative means overdue."
            ),
        },
    )
    chosen = _chosen(event, page.rows)
    if chosen is not None:
        open_row(store, chosen)
    export_register(store, filters, sort)
    return filters


def _page(
    store: Store, key: str, filters: RegisterFilters, sort: RegisterSort, number: int
) -> RegisterPage:
    def read() -> RegisterPage:
        return store.register(filters, sort, number, PAGE_SIZE, today=today())

    return remembered(key, "page", read, filters, sort, number)


def _chosen(event: object, rows: list[RegisterRow]) -> RegisterRow | None:
    """The row clicked in the table, if any."""
    selection = getattr(event, "selection", None) or {}
    picked = selection.get("rows", []) if isinstance(selection, dict) else selection.rows
    if picked and 0 <= picked[0] < len(rows):
        return rows[picked[0]]
    return None
