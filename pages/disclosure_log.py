"""Disclosure log: the issued requests marked "publish" (on their Letter page), without the
requester's identity, with the CSV and a .zip of web pages a force can put on its website."""

from functools import partial

import streamlit as st

from foi_core import letters
from foi_core.disclosure import disclosure_log, log_csv, log_zip, published_letter
from ui import get_store, show_flash
from ui.people import require_live_access

st.title("Disclosure log")
show_flash()  # also puts app.py's navigation in charge when this page is opened first
require_live_access()  # trainees and people with no role never see live cases
st.caption(
    "Past responses the force publishes: reference, date, title, the request as published, the "
    "outcome and the exemptions, never the requester's name, address or contact details. Mark a "
    "response on its Letter page (Disclosure log) once it is issued."
)

store = get_store()
entries = disclosure_log(store)
if not entries:
    st.info(
        "Nothing is published yet. Open an issued request's Letter page and use "
        "“Publish in the disclosure log”.",
        icon=":material/public:",
    )
    st.stop()

st.dataframe(
    [
        {
            "Reference": entry.ref,
            "Date": entry.response_date,
            "Title": entry.title,
            "Outcome": entry.outcome,
            "Exemptions": " ".join(entry.exemptions),
            "Request": entry.request_text,
        }
        for entry in entries
    ],
    hide_index=True,
    width="stretch",
)
st.caption(f"{len(entries)} published response{'s' if len(entries) != 1 else ''}.")

left, right = st.columns(2)
left.download_button(
    "Download the log (CSV)",
    data=log_csv(entries),
    file_name="disclosure-log.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
    key="disclosure-log.csv",
)
with_letters = letters.soffice_path() is not None
right.download_button(
    "Download the web pages (.zip)",
    data=lambda: log_zip(
        disclosure_log(
            store, partial(published_letter, profile=store.load_profile()) if with_letters else None
        )
    ),
    file_name="disclosure-log.zip",
    mime="application/zip",
    on_click="ignore",
    icon=":material/folder_zip:",
    key="disclosure-log.zip",
    help="An index page, a page per response and each letter as PDF (re-made without the "
    "requester's details: a few seconds a letter).",
)
if not with_letters:
    right.caption("The letters are left out: LibreOffice is not installed on this server.")
