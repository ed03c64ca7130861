"""The Letter page's Issue section: the warnings to read before issuing (ticked as read before the
Issue button is enabled), dating the letter today, and issuing the letter the officer saw."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from foi_core import letters
from foi_core.actions.request import date_on_issue
from foi_core.checker import Finding
from foi_core.models import Case
from foi_core.people import NotAllowed, can_issue, is_read_only
from foi_core.people.model import Person
from foi_core.people.rules import Policy
from foi_core.storage import StaleCase, Store
from ui.actions import save_result
from ui.issued import issued_letters
from ui.layout import locked
from ui.people import current_person, policy
from ui.state import LoadedCase, flash, today
from ui.text import md_escape

ISSUE_PROBLEM = "letter.issue_problem"
READ_WARNINGS = "I have read these warnings"
DATE_TODAY = "Date the letter today"


def _issue(
    store: Store,
    shown_case: Case,
    version: int,
    shown: letters.RenderedLetter,
    person: Person,
    unit: Policy,
) -> None:
    """Issue the letter the officer was looking at (a button callback: it gets the case, version
    and letter of the run the officer saw, so a colleague's later change is never issued)."""
    try:
        letters.issue_letter(
            store, shown_case, version, shown, person=person, policy=unit, on=today()
        )
    except (StaleCase, NotAllowed) as error:
        st.session_state[ISSUE_PROBLEM] = str(error)
    else:
        flash("The letter is recorded as issued.")


def warnings_read(case: Case, findings: Sequence[Finding]) -> bool:
    """List the check's warnings and ask for them to be ticked as read; True when there are none
    or they are ticked."""
    warnings = [finding for finding in findings if finding.severity == "warning"]
    if not warnings:
        return True
    lines = "\n".join(
        f"- **{md_escape(finding.title)}**: {md_escape(finding.message)}" for finding in warnings
    )
    st.warning(
        f"**Read {'this warning' if len(warnings) == 1 else 'these warnings'} before issuing.** "
        "They do not stop the letter, but each is something an approver or the requester may "
        f"pick up:\n\n{lines}",
        icon=":material/warning:",
    )
    far = any(finding.rule_id == "response-date-far-from-today" for finding in warnings)
    if far and st.button(
        DATE_TODAY,
        icon=":material/today:",
        key="issue-date-today",
        disabled=locked(),
        help="Clear the response date kept on the case; issuing dates the letter the day it "
        "is issued.",
    ):
        save_result(date_on_issue(case))
    return st.checkbox(READ_WARNINGS, key=f"issue-read-warnings-{case.id}")


def issue_section(
    loaded: LoadedCase,
    store: Store,
    rendered: letters.RenderedLetter,
    findings: Sequence[Finding],
    base_name: str,
) -> None:
    """The Issue box: a problem from the last click, the issued letters, the warnings to read and
    the Issue button (greyed out, with the reason, when the case may not be issued)."""
    case = loaded.case
    errors = sum(1 for finding in findings if finding.severity == "error")
    person, unit = current_person(), policy()
    may_issue = can_issue(person, case, errors, unit)
    with st.container(border=True):
        st.markdown("#### Issue")
        if problem := st.session_state.pop(ISSUE_PROBLEM, None):
            st.error(md_escape(problem), icon=":material/sync_problem:")
        issued = issued_letters(store, case, base_name)
        if is_read_only(case):
            return
        st.caption(
            "Issuing keeps this exact letter (the .docx, a PDF of it, their fingerprints, the "
            "data it was made from and the reasoning as it stands) and makes the case read-only; "
            "it sets the response date to today if it is empty. Send the downloaded letter to "
            "the requester."
            + (
                ""
                if letters.soffice_path()
                else " LibreOffice is not installed here, so no PDF will be kept with it."
            )
        )
        read = warnings_read(case, findings)
        st.button(
            "Issue the letter again" if issued else "Issue the letter",
            disabled=not may_issue or not read,
            help=may_issue.reason or (None if read else f'Tick "{READ_WARNINGS}" first.'),
            icon=":material/send:",
            key="issue",
            on_click=_issue,
            args=(store, case, loaded.version, rendered, person, unit),
        )
        if not may_issue:
            st.caption(md_escape(may_issue.reason))
        elif not read:
            st.caption(f'Tick "{READ_WARNINGS}" above to issue the letter.')
