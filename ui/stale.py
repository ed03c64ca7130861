"""On a copied case's step: what may still describe the earlier request (``foi_core.stale``),
each with "It still applies" to dismiss it once the officer has checked it.

    stale_warnings(case, "harm")  # every step page draws it with its re-check box
"""

from __future__ import annotations

import hashlib

import streamlit as st

from foi_core.models import Case
from foi_core.people import is_read_only
from foi_core.stale import StalePoint, confirm_still_applies, stale_points
from ui.actions import save_result
from ui.text import md_escape


def stale_warnings(case: Case, step_key: str) -> None:
    """Nothing unless the case is a draft copy with points still open on this step; then each
    point as a warning with "It still applies"."""
    if is_read_only(case):
        return
    points = [point for point in stale_points(case) if point.step == step_key]
    if not points:
        return
    with st.container(border=True):
        ref = case.copied_from.ref if case.copied_from is not None else "an earlier case"
        st.markdown(
            f":orange[:material/content_copy: **Copied from {md_escape(ref)}: check these "
            "still fit this request.**] Edit each below, or say it still applies."
        )
        for point in points:
            with st.container(horizontal=True, vertical_alignment="center"):
                st.warning(
                    md_escape(point.what[:1].upper() + point.what[1:]), icon=":material/history:"
                )
                if st.button(
                    "It still applies",
                    key=f"stale.{_key(point)}",
                    help="You have checked it and it is right for this request too.",
                ):
                    save_result(confirm_still_applies(case, point))


def _key(point: StalePoint) -> str:
    return hashlib.sha256(point.key.encode()).hexdigest()[:12]
