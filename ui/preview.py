"""The paragraphs the letter prints for one item or one claim, shown beside its form (from
foi_core.letters.preview, so the preview and the letter cannot differ)."""

from __future__ import annotations

import streamlit as st

from foi_core.letters.preview import claim_preview, item_preview
from foi_core.models import Case
from ui.state import get_store
from ui.text import md_escape


def letter_preview(case: Case, *, item: int | None = None, claim_id: str | None = None) -> None:
    """What the letter says in answer to ``item``, or about the claim ``claim_id`` (its line,
    harm, factors and balance), as saved, in a closed expander."""
    title = "this item" if item is not None else "this provision"
    try:
        profile = get_store().load_profile()
        if item is not None:
            paragraphs = item_preview(case, item, profile)
        else:
            paragraphs = claim_preview(case, claim_id or "", profile)
    except Exception:  # a preview fault must not stop the officer working on the case
        st.caption(":orange[The letter preview could not be drawn; the Letter page shows why.]")
        return
    with st.expander(f":material/mail: In the letter for {title}", expanded=False):
        if not paragraphs:
            st.caption("Nothing yet: the letter prints this once the answers are saved.")
        for paragraph in paragraphs:
            st.markdown(md_escape(paragraph))
        st.caption("As saved: save your changes to see them here.")
