"""A step marked "re-check": what changed since it was completed, and the button that says the
officer has looked at it again."""

from __future__ import annotations

import streamlit as st

from foi_core.actions.recheck import (
    balances_to_redecide,
    changes_behind_recheck,
    confirm_rechecked,
    redecide_balances,
)
from foi_core.models import Case
from ui.actions import save_result
from ui.fields import FieldProblems, date_field
from ui.stale import stale_warnings
from ui.state import field_key, get_store, today
from ui.text import md_escape, one_line

MAX_SHOWN = 12


def recheck_box(case: Case, step_key: str) -> None:
    """Nothing unless ``step_key`` is marked re-check; then what changed and the button. A copy's
    text that may still describe the earlier request is shown first (ui.stale)."""
    stale_warnings(case, step_key)
    if step_key not in case.recheck_steps:
        return
    changes = changes_behind_recheck(case, step_key, get_store().revisions(case.id))
    with st.container(border=True):
        st.markdown(
            ":orange[:material/refresh: **Re-check this step.**] An earlier answer changed after "
            "this step was completed. Your answers here are kept: read them again against what "
            "changed, edit any that no longer hold, then confirm."
        )
        if changes is None:
            st.caption(
                "These answers came with the case (copied from an earlier one): check each "
                "against this request."
            )
        elif changes:
            with st.expander(f"What changed ({len(changes)})", expanded=len(changes) <= 4):
                for change in changes[:MAX_SHOWN]:
                    st.markdown(
                        f"- **{md_escape(change.label)}**: {md_escape(one_line(change.before, 80))}"
                        f" → {md_escape(one_line(change.after, 80))}"
                    )
                if len(changes) > MAX_SHOWN:
                    st.caption(f"And {len(changes) - MAX_SHOWN} more: see the case history.")
        problems = FieldProblems()
        if step_key == "balance" and balances_to_redecide(case):
            _redecide_form(case, problems)
        if st.button("I have re-checked this step", key=f"recheck.{step_key}"):
            save_result(confirm_rechecked(case, step_key), problems)


def _redecide_form(case: Case, problems: FieldProblems) -> None:
    """Every conclusion still holds: record it as decided again, by whom and when (a copy's
    conclusions otherwise keep the earlier case's decision maker and date)."""
    count = balances_to_redecide(case)
    with st.form("recheck.redecide", border=False):
        st.markdown(
            f"If each of the {count} conclusion(s) below still holds for this request once you "
            "have read the factors again, decide them again here in one go; otherwise edit each "
            "one below."
        )
        left, right = st.columns(2)
        with left:
            st.text_input(
                "Decided by (name or role)",
                value=case.decision_maker,
                key=field_key("redecide.decided_by"),
            )
            problems.slot("redecide.decided_by")
        with right:
            date_field("Decided on", today(), "redecide.decided_on")
            problems.slot("redecide.decided_on")
        if st.form_submit_button("They still hold: decide them again"):
            ss = st.session_state
            result = redecide_balances(
                case, ss[field_key("redecide.decided_by")], ss[field_key("redecide.decided_on")]
            )
            save_result(result, problems)
