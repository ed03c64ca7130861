"""Asking an officer about a save that clashed with a colleague's: both values, a choice each.

``ui.state.save_case`` merges a refused save (``foi_core.history.save_merging``). When both
officers changed the same field, the officer's edit waits here (session state, per case) and every
case page shows ``show_pending_merge()`` at the top: for each field, their value (with who and
when) and this officer's, a choice, then "Save my choices" (or "Discard my changes"). What the
officer typed stays in the page's form meanwhile. Values are shown literally (``md_escape``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import streamlit as st

from foi_core.history import MergedSave, save_merging
from foi_core.merge import Conflict
from foi_core.models import Case
from foi_core.storage import StorageError
from ui.text import md_escape

_PENDING = "_foi_pending_merges"  # case id -> PendingMerge
CHOICE_LABELS = {"theirs": "Keep theirs", "mine": "Keep mine"}


@dataclass
class PendingMerge:
    """An officer's edit waiting for their choices, with what to ask."""

    mine: dict
    base_version: int
    summary: str
    message: str
    conflicts: tuple[Conflict, ...]
    who: str
    changed_at: dt.datetime | None
    round: int = 0  # new widget keys for each round of questions
    problems: list[str] = field(default_factory=list)


def _pending() -> dict[str, PendingMerge]:
    return st.session_state.setdefault(_PENDING, {})


def pending_merge(case_id: str) -> PendingMerge | None:
    """The edit of this case waiting for the officer's choices, if any."""
    return _pending().get(case_id)


def ask_about(
    case: Case, base_version: int, summary: str, message: str, outcome: MergedSave
) -> None:
    """Keep the officer's edit and the conflicts to ask about (drawn by show_pending_merge)."""
    previous = pending_merge(case.id)
    _pending()[case.id] = PendingMerge(
        mine=case.model_dump(mode="json"),
        base_version=base_version,
        summary=summary,
        message=message,
        conflicts=outcome.conflicts,
        who=outcome.who,
        changed_at=outcome.changed_at,
        round=previous.round + 1 if previous else 0,
    )


def forget(case_id: str) -> None:
    _pending().pop(case_id, None)


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    moment = moment.astimezone(dt.UTC)
    return f" at {moment:%H:%M} UTC on {moment.day} {moment:%B %Y}"


def _choice_key(case_id: str, round_: int, index: int) -> str:
    return f"merge.{case_id}.{round_}.{index}"


def _save_choices(case_id: str) -> None:
    """Button callback: save the edit with the officer's choices, or ask again."""
    from ui.state import actor, after_save, get_store

    waiting = pending_merge(case_id)
    if waiting is None:
        return
    state = st.session_state
    choices = {
        conflict.path: state.get(_choice_key(case_id, waiting.round, index))
        for index, conflict in enumerate(waiting.conflicts)
    }
    missing = [c.label for c in waiting.conflicts if choices[c.path] is None]
    if missing:
        waiting.problems = [f"Choose which version to keep for: {', '.join(missing)}."]
        return
    try:
        outcome = save_merging(
            get_store(),
            Case.model_validate(waiting.mine),
            waiting.base_version,
            actor(),
            waiting.summary,
            choices=choices,  # type: ignore[arg-type]
        )
    except StorageError as error:
        waiting.problems = [str(error)]
        return
    if outcome.conflicts:
        ask_about(
            Case.model_validate(waiting.mine),
            waiting.base_version,
            waiting.summary,
            waiting.message,
            outcome,
        )
        again = pending_merge(case_id)
        if again is not None:
            again.problems = [
                "The case changed again, or your choices cannot all stand together: please "
                "choose again for the fields below."
            ]
        return
    forget(case_id)
    after_save(case_id, outcome, waiting.message)


def _discard(case_id: str) -> None:
    """Button callback: drop the edit; the page shows the case as saved."""
    from ui.state import flash, fresh_fields

    waiting = pending_merge(case_id)
    forget(case_id)
    fresh_fields()
    if waiting is not None:
        flash(
            f"Your changes were not saved; the case shows {waiting.who}'s version. A copy of "
            "your edit is kept in the case history."
        )


def show_pending_merge(case_id: str) -> None:
    """If this officer has an edit of the case waiting for choices, ask about it."""
    waiting = pending_merge(case_id)
    if waiting is None:
        return
    who = md_escape(waiting.who)
    with st.container(border=True, key="merge_panel"):
        st.warning(
            f"**{who} changed this case{_when(waiting.changed_at)} while you were working on "
            "it.** Your other changes can be kept with theirs, but you both changed the "
            f"field(s) below. Choose which version to keep for each; nothing is saved until you "
            "press **Save my choices**.",
            icon=":material/call_split:",
        )
        for problem in waiting.problems:
            st.error(md_escape(problem), icon=":material/error:")
        with st.form(f"merge_form_{waiting.round}", border=False):
            for index, conflict in enumerate(waiting.conflicts):
                _ask(case_id, waiting, index, conflict, who)
            with st.container(horizontal=True):
                st.form_submit_button(
                    "Save my choices", type="primary", on_click=_save_choices, args=(case_id,)
                )
                st.form_submit_button(
                    "Discard my changes",
                    on_click=_discard,
                    args=(case_id,),
                    help="Keep the case as it is saved now; your edit stays in the case history.",
                )


def _ask(case_id: str, waiting: PendingMerge, index: int, conflict: Conflict, who: str) -> None:
    st.markdown(f"**{md_escape(conflict.label)}**")
    if conflict.message:
        st.caption(md_escape(conflict.message))
    theirs, mine = st.columns(2)
    with theirs, st.container(border=True):
        st.caption(f"Theirs ({who}{_when(waiting.changed_at)})")
        st.markdown(md_escape(conflict.theirs_text))
    with mine, st.container(border=True):
        st.caption("Yours (what you submitted)")
        st.markdown(md_escape(conflict.mine_text))
    st.radio(
        f"Which to keep: {md_escape(conflict.label)}",
        options=list(CHOICE_LABELS),
        format_func=CHOICE_LABELS.__getitem__,
        index=None,
        horizontal=True,
        key=_choice_key(case_id, waiting.round, index),
    )
