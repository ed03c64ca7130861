"""Opening a case from the Cases page's register, and exporting the case named in the URL as a
JSON file (with or without the requester's personal data)."""

from __future__ import annotations

import streamlit as st

from foi_core.models import CaseKind
from foi_core.personal_data import EXPORT_NOTE_WITH, EXPORT_NOTE_WITHOUT
from foi_core.register.query import RegisterRow
from foi_core.storage import Store
from foi_core.workflow import next_step, step_statuses
from ui.nav import PAGES_BY_STEP
from ui.state import actor, open_case
from ui.text import md_escape

KIND_PAGES = {CaseKind.INTERNAL_REVIEW: "pages/review.py", CaseKind.ICO_COMPLAINT: "pages/ico.py"}


def open_row(store: Store, row: RegisterRow) -> None:
    """Open a case clicked in the register: a request at the first step that needs work, an
    internal review or ICO complaint on its own page (the case id goes in the URL)."""
    page = KIND_PAGES.get(row.kind)
    if page is None:
        page = PAGES_BY_STEP[next_step(step_statuses(store.load(row.id).case))].file
    open_case(page, row.id)


def case_export(store: Store, case_id: str | None) -> None:
    """Export the case named in the URL (the one last opened) as a JSON file."""
    if case_id is None:
        return
    summaries = store.case_summaries([case_id])
    if not summaries:
        return
    summary = summaries[0]
    st.subheader("Export a case", anchor=False)
    label = f"{summary.ref}: {summary.title}" if summary.title else summary.ref
    st.markdown(f"The case you last opened: **{md_escape(label)}**")
    with st.container(horizontal=True, vertical_alignment="bottom"):
        personal = st.checkbox(
            "Include personal data",
            key="cases.export_personal",
            help="Adds the requester's name, contact details and address, and the data each "
            "issued letter was made from; the file is marked as holding personal data. Leave it "
            "off to share a case: the requester is then left out.",
        )
        who = actor()
        st.download_button(
            "Export with personal data" if personal else "Export as JSON",
            data=lambda: store.export_case_json(case_id, include_personal_data=personal, actor=who),
            file_name=f"{summary.ref.replace('/', '-')}"
            f"{'-with-personal-data' if personal else ''}.json",
            mime="application/json",
            on_click="ignore",
            icon=":material/download:",
            key="cases.export",
        )
    st.caption(EXPORT_NOTE_WITH if personal else EXPORT_NOTE_WITHOUT)
