"""The Letter page's record of issued letters: each one's files exactly as issued, downloaded
from the store (never re-rendered) with their SHA-256 fingerprints, and the data it was made
from."""

from __future__ import annotations

import json

import streamlit as st

from foi_core.models import Case, IssuedLetter
from foi_core.storage import CaseNotFound, Store
from ui.text import md_escape

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def _stored_data(store: Store, case_id: str, record_id: int) -> str:
    """An issued letter as stored: its fingerprints and the data it was made from (JSON)."""
    record = store.issued_letter(case_id, record_id)
    return json.dumps(record.model_dump(mode="json", exclude={"reasoning"}), indent=2)


def issued_letters(store: Store, case: Case, base_name: str) -> list[IssuedLetter]:
    """List the case's issued responses with their downloads; returns them."""
    issued = [letter for letter in case.issued_letters if letter.kind == "response"]
    for number, letter in enumerate(issued, start=1):
        with st.container(border=True):
            st.caption(
                f"{'Draft recorded' if letter.draft else 'Issued'} "
                f"{letter.issued_at:%d %B %Y at %H:%M} UTC"
                f"{' by ' + md_escape(letter.issued_by) if letter.issued_by else ''} from the "
                f"template {md_escape(letter.template_name)}"
            )
            if letter.record_id is not None:
                _downloads(store, case, letter, f"{base_name}-issued-{number}")
    return issued


def _downloads(store: Store, case: Case, letter: IssuedLetter, name: str) -> None:
    record_id = letter.record_id
    try:
        files = store.issued_files(case.id, record_id)
    except CaseNotFound:
        return
    columns = st.columns(3)
    if files.docx is not None:
        columns[0].download_button(
            "Issued letter (.docx)",
            data=files.docx,
            file_name=f"{name}.docx",
            mime=DOCX,
            on_click="ignore",
            icon=":material/download:",
            key=f"issued-docx-{record_id}",
            help="The letter exactly as it was issued, kept in the database.",
        )
    if files.pdf is not None:
        columns[1].download_button(
            "Issued letter (PDF)",
            data=files.pdf,
            file_name=f"{name}.pdf",
            mime=PDF,
            on_click="ignore",
            icon=":material/picture_as_pdf:",
            key=f"issued-pdf-{record_id}",
        )
    elif files.docx is not None:
        columns[1].caption(
            "No PDF was kept: LibreOffice was not installed on the server when it was issued."
        )
    columns[2].download_button(
        "Data it was made from",
        data=lambda: _stored_data(store, case.id, record_id),
        file_name=f"{name}-data.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/data_object:",
        key=f"issued-data-{record_id}",
        help="The exact data this letter was rendered from, with the template's and the "
        "document's fingerprints, to prove or reproduce it. It holds personal data.",
    )
    pdf = f"; PDF SHA-256 `{files.pdf_sha256}`" if files.pdf_sha256 else ""
    st.caption(f".docx SHA-256 `{files.docx_sha256}`{pdf}")
