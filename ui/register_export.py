"""The Cases page's "Export the register (CSV)": every case matching the filters, streamed from
the store in chunks with a progress bar, then offered as a download."""

from __future__ import annotations

import streamlit as st

from foi_core.register.export import csv_text
from foi_core.register.query import RegisterFilters, RegisterSort
from foi_core.storage import Store
from ui.state import today

READY = "_register.export"  # session key: (filters, sort, the CSV bytes) once made


def export_register(store: Store, filters: RegisterFilters, sort: RegisterSort) -> None:
    """Make the CSV of every matching case on request (progress shown), then a download."""
    ss = st.session_state
    made = ss.get(READY)
    if made is not None and made[:2] != (filters, sort):
        made = ss[READY] = None  # the filters changed: an earlier file no longer matches
    with st.container(horizontal=True, vertical_alignment="center", key="register-export"):
        if st.button(
            "Export the register (CSV)",
            icon=":material/table_view:",
            key="register.export",
            help="Every case matching the filters (not only this page), without requesters.",
        ):
            made = ss[READY] = (filters, sort, _make(store, filters, sort))
        if made is not None:
            st.download_button(
                "Download the register",
                data=made[2],
                file_name=f"register-{today():%Y-%m-%d}.csv",
                mime="text/csv",
                on_click="ignore",
                icon=":material/download:",
                key="register.download",
            )


def _make(store: Store, filters: RegisterFilters, sort: RegisterSort) -> bytes:
    total = store.register(filters, sort, page_size=1, today=today()).total
    bar = st.progress(0.0, text="Exporting the register ...")
    parts = [csv_text([], header=True)]
    done = 0
    for chunk in store.register_export(filters, sort, today=today()):
        parts.append(csv_text(chunk))
        done += len(chunk)
        bar.progress(min(1.0, done / max(total, 1)), text=f"Exported {done:,} of {total:,} cases")
    bar.progress(1.0, text=f"Exported {done:,} case(s).")
    return "".join(parts).encode("utf-8-sig")  # with a BOM, so Excel reads it as UTF-8
