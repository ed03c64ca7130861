"""History: every revision of the case (who, when, what), the differences between any two, and
restoring an earlier revision as a new one (history is never rewritten)."""

import datetime as dt

import pandas as pd
import streamlit as st

from foi_core.changes import FieldChange, field_changes
from foi_core.history import RestoreRefused, compare_revisions, restore, restore_problem
from foi_core.storage import StaleCase, StorageError
from ui import actor, case_header, current_case, flash, get_store, md_escape, show_flash

KINDS = {"saved": "saved", "conflict": "refused edit (kept for reference)"}
CONFIRM = "history.confirm"  # (revision number, case version) waiting for confirmation

loaded = current_case()
case = loaded.case
store = get_store()
show_flash()
case_header(case)
st.markdown("### History")
st.caption(
    "Every save is kept as a revision. A refused edit (someone else had saved the case first) "
    "is kept too, for reference. Restoring an earlier revision saves it again as a new "
    "revision, so nothing is ever lost."
)


def when(moment: dt.datetime) -> str:
    moment = moment.astimezone(dt.UTC)
    return f"{moment:%d %b %Y, %H:%M} UTC"


def change_table(changes: list[FieldChange], key: str) -> None:
    """The changed fields as a table (values shown literally, never as Markdown)."""
    if not changes:
        st.info("No differences: these revisions hold the same case.", icon=":material/info:")
        return
    st.dataframe(
        pd.DataFrame([{"Field": c.label, "Before": c.before, "After": c.after} for c in changes]),
        hide_index=True,
        column_config={
            "Field": st.column_config.TextColumn(width="medium"),
            "Before": st.column_config.TextColumn(width="large"),
            "After": st.column_config.TextColumn(width="large"),
        },
        key=key,
    )


log = store.revision_log(case.id)
if not log:
    st.info("This case has no stored revisions.", icon=":material/history:")
    st.stop()
numbers = [info.number for info in log]
by_number = {info.number: info for info in log}
# The latest saved revision is the case as it is now; the one before it is the usual choice.
saved = [info.number for info in log if info.kind == "saved"]
now = saved[-1] if saved else numbers[-1]
before = next(
    (
        info.number
        for info in reversed(log)
        if info.kind == "saved" and info.version < loaded.version
    ),
    numbers[0],
)
st.dataframe(
    pd.DataFrame(
        [
            {
                "Revision": info.number,
                "Kind": KINDS.get(info.kind, info.kind),
                "Version": info.version,
                "By": info.saved_by,
                "When": when(info.saved_at),
                "Summary": info.summary,
            }
            for info in reversed(log)
        ]
    ),
    hide_index=True,
    column_config={
        "Kind": st.column_config.TextColumn(width="medium"),
        "Summary": st.column_config.TextColumn(width="large"),
    },
    key="history.revisions",
)


def label(number: int) -> str:
    info = by_number[number]
    kind = "" if info.kind == "saved" else f", {KINDS[info.kind]}"
    return f"Revision {number} ({info.saved_by}, {when(info.saved_at)}{kind})"


# --- Compare two revisions ---------------------------------------------------------------------

st.markdown("#### Compare two revisions")
left, right = st.columns(2)
with left:
    older = st.selectbox(
        "From revision",
        numbers,
        index=numbers.index(before),
        format_func=label,
        key="history.from",
    )
with right:
    newer = st.selectbox(
        "To revision", numbers, index=numbers.index(now), format_func=label, key="history.to"
    )
try:
    change_table(compare_revisions(store, case.id, older, newer), "history.compared")
except StorageError as error:
    st.error(md_escape(str(error)), icon=":material/error:")

# --- Restore a revision ------------------------------------------------------------------------

st.markdown("#### Restore a revision")
chosen = st.selectbox(
    "Revision to restore",
    list(reversed(numbers)),
    index=list(reversed(numbers)).index(before),
    format_func=label,
    key="history.restore",
)
revision = store.revision(case.id, chosen)
problem = restore_problem(revision, case)
if problem is not None:
    st.info(md_escape(problem), icon=":material/info:")
else:
    st.caption(f"What restoring revision {chosen} would change in the case as it is now:")
    now, then = case.model_dump(mode="json"), revision.case.model_dump(mode="json")
    change_table(field_changes(now, then), "history.to_restore")
    waiting = st.session_state.get(CONFIRM)
    if waiting is None or waiting[0] != chosen:
        if st.button(
            f"Restore this revision ({chosen})",
            icon=":material/settings_backup_restore:",
            key="history.ask_restore",
        ):
            st.session_state[CONFIRM] = (chosen, loaded.version)
            st.rerun()
    else:
        st.warning(
            f"Restore revision {chosen}? The case will be saved again as it was then, as a new "
            "revision; the current version stays in the history.",
            icon=":material/warning:",
        )
        with st.container(horizontal=True):
            confirm = st.button(
                f"Yes, restore revision {chosen}", type="primary", key="history.confirm_restore"
            )
            cancel = st.button("Cancel", key="history.cancel_restore")
        if cancel:
            st.session_state.pop(CONFIRM, None)
            st.rerun()
        if confirm:
            st.session_state.pop(CONFIRM, None)
            try:
                version = restore(store, case.id, chosen, waiting[1], actor())
            except StaleCase:
                st.error(
                    "Someone saved the case while you were deciding, so nothing was restored. "
                    "Look at the history again and restore if you still want to.",
                    icon=":material/sync_problem:",
                )
            except (RestoreRefused, StorageError) as error:
                st.error(md_escape(str(error)), icon=":material/error:")
            else:
                flash(f"Restored revision {chosen}: the case is now at version {version}.")
                st.rerun()
