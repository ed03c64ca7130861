"""Drawing helpers for the Internal review page: opening a review from an issued response, the
link to the original's reasoning, the review's time limits, each part's finding, the outcome
and the outcome letter. (The ICO complaint page's helpers are in ``ui.aftercare_ico``.)"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from foi_core import letters
from foi_core.aftercare import (
    OUTCOME_LABELS,
    REASON_LABELS,
    AftercareProblem,
    decide,
    mark_part,
    open_review,
    outcome_label,
    part_name,
    review_due,
    review_late,
    review_late_date,
    suggested_outcome,
)
from foi_core.deadlines import describe_date
from foi_core.letters.review_letter import render_review_letter
from foi_core.models import Case, CaseKind, ReviewOutcome, ReviewReason, Verdict
from foi_core.people import NotAllowed, Person, can_edit, can_review
from foi_core.people.rules import READ_ONLY_STATUSES
from foi_core.storage import CaseNotFound, StaleCase, Store
from ui.fields import FieldProblems, date_field
from ui.layout import case_header
from ui.people import current_person, policy
from ui.state import (
    LoadedCase,
    current_case,
    field_key,
    flash,
    get_store,
    open_case,
    save_case,
    show_flash,
    today,
)
from ui.text import md_escape

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
VERDICTS = {Verdict.STANDS: "Stands", Verdict.CHANGED: "Changed"}


def start_page(title: str, guidance: str) -> tuple[LoadedCase, Store, Person]:
    """Start an after-the-letter page: the case in the URL (or stop), any saved-message, the
    applicant-blind header, the title and the guidance; returns the case, store and person."""
    loaded = current_case()
    show_flash()
    case_header(loaded.case)
    st.markdown(f"### {title}")
    st.caption(guidance)
    return loaded, get_store(), current_person()


def involved(store: Store, case_id: str) -> set[str]:
    """Everyone who drafted, edited or approved a case (the store's answer)."""
    return store.involved(case_id)


def taken_refs(store: Store) -> list[str]:
    return [summary.ref for summary in store.list_cases()]


def linked_original(store: Store, case: Case) -> Case | None:
    """The case a review or complaint is about (None if it is gone)."""
    if not case.linked_case:
        return None
    try:
        return store.load(case.linked_case).case
    except CaseNotFound:
        return None


def original_links(case: Case) -> None:
    """One click to the original case's reasoning record (History) and its check."""
    if not case.linked_case:
        return
    left, right = st.columns(2)
    left.page_link(
        "pages/history.py",
        label="The original case's reasoning and history",
        icon=":material/history:",
        query_params={"case": case.linked_case},
    )
    right.page_link(
        "pages/check.py",
        label="The original case's check",
        icon=":material/fact_check:",
        query_params={"case": case.linked_case},
    )


def add_linked(
    make: Callable[[], Case],
    store: Store,
    person: Person,
    problems: FieldProblems,
    what: tuple[str, str, str],
) -> None:
    """Store the linked case ``make()`` returns and go to its page (``what``: its name, the verb
    and the page), or show why it was refused (the rule's reason, or problems at the fields)."""
    name, done, page = what
    try:
        linked = make()
    except NotAllowed as refusal:
        st.error(md_escape(str(refusal)), icon=":material/lock:")
        return
    except AftercareProblem as error:
        problems.show(error.problems)
        return
    store.add(linked, actor=person.recorded_as, summary=f"{name} {done}")
    flash(f"{name} {linked.request.our_ref} {done}.")
    open_case(page, linked.id)


def start_from_original(
    case: Case, other: CaseKind, other_page: str, draw_form: Callable[[], None]
) -> None:
    """The part of a page that deals with a case of another kind, then stops: a request (the
    form that opens a linked case, once its response is issued) or a case of kind ``other``."""
    if case.kind is other:
        kind = "an ICO complaint" if other is CaseKind.ICO_COMPLAINT else "an internal review"
        st.info(
            f"This case is {kind}: see the {other_page} page, or open the original case.",
            icon=":material/info:",
        )
        original_links(case)
        st.stop()
    if case.kind is CaseKind.REQUEST:
        if case.status not in READ_ONLY_STATUSES:
            st.info(
                "This comes after the response is sent: issue this case's letter first.",
                icon=":material/info:",
            )
        else:
            draw_form()
        st.stop()


# --- Opening a review -----------------------------------------------------------------------------


def open_review_form(case: Case, store: Store, person: Person) -> None:
    """With an issued request open: the form that opens a review, or why this person may not."""
    decision = can_review(person, case, involved(store, case.id), policy())
    if not decision:
        st.info(md_escape(decision.reason), icon=":material/lock:")
        return
    problems = FieldProblems()
    with st.form("review.open"):
        st.markdown("#### Open an internal review")
        date_field("Review requested on", today(), "review.requested_on")
        problems.slot("requested_on")
        st.text_area(
            "What the requester is unhappy about (their grounds)",
            key=field_key("review.grounds"),
            help="Any expression of dissatisfaction is a request for review; copy their words.",
        )
        submitted = st.form_submit_button("Open an internal review", type="primary")
    if not submitted:
        return
    requested = st.session_state.get(field_key("review.requested_on"))
    grounds = st.session_state.get(field_key("review.grounds")) or ""
    add_linked(
        lambda: open_review(
            case,
            person,
            involved(store, case.id),
            policy(),
            requested,
            grounds,
            taken_refs=taken_refs(store),
        ),
        store,
        person,
        problems,
        ("Internal review", "opened", "pages/review.py"),
    )


# --- A review case --------------------------------------------------------------------------------


def review_dates(case: Case) -> None:
    """When the review was asked for, when it is due, and whether it is late."""
    review = case.review
    if review is None or review.requested_on is None:
        return
    asked = review.requested_on
    with st.container(border=True):
        st.markdown(f"**Requested on:** {describe_date(asked)}")
        st.markdown(f"**Due (20 working days):** {describe_date(review_due(asked))}")
        st.markdown(
            f"**At the latest (40 working days):** {describe_date(review_late_date(asked))}"
        )
        if review.decided_on is not None:
            st.markdown(f"**Decided on:** {describe_date(review.decided_on)}")
        elif review_late(asked, today()):
            st.error(
                "This review is past 40 working days: decide it now.", icon=":material/schedule:"
            )
        elif today() > review_due(asked):
            st.warning("This review is past 20 working days.", icon=":material/schedule:")
    if review.grounds.strip():
        st.markdown("**The requester's grounds:**")
        st.text(review.grounds)


def parts_form(case: Case, editable: bool) -> None:
    """Each part of the original decision: stands or changed, why, and internal notes."""
    assert case.review is not None
    problems = FieldProblems()
    reasons = [None, *ReviewReason]
    with st.form("review.parts"):
        st.markdown("#### What the review found, part by part")
        for index, part in enumerate(case.review.parts):
            with st.container(border=True):
                name = part_name(part, case)
                st.markdown(f"**{md_escape(name[:1].upper() + name[1:])}**")
                st.radio(
                    "Finding",
                    list(Verdict),
                    format_func=VERDICTS.get,
                    horizontal=True,
                    index=list(Verdict).index(part.verdict),
                    key=f"review.part.{index}.verdict",
                )
                st.selectbox(
                    "Why it changed",
                    reasons,
                    index=reasons.index(part.reason),
                    format_func=lambda r: "—" if r is None else REASON_LABELS[r],
                    key=f"review.part.{index}.reason",
                )
                problems.slot(f"parts.{index}.reason")
                st.text_area(
                    "Notes (internal: kept in the case, not sent)",
                    value=part.notes,
                    key=f"review.part.{index}.notes",
                )
                problems.slot(f"parts.{index}.notes")
        submitted = st.form_submit_button("Save the findings", disabled=not editable)
    if not submitted:
        return
    edited, found = case, []
    for index in range(len(case.review.parts)):
        try:
            edited = mark_part(
                edited,
                index,
                st.session_state[f"review.part.{index}.verdict"],
                st.session_state[f"review.part.{index}.reason"],
                st.session_state[f"review.part.{index}.notes"] or "",
            )
        except AftercareProblem as error:
            found.extend(error.problems)
    if found:
        problems.show(found)
    else:
        save_case(edited, "Review findings saved")


def decide_form(case: Case, editable: bool) -> None:
    """The outcome (suggested from the parts), its reasons and date, and "Decide"."""
    review = case.review
    assert review is not None
    suggested = suggested_outcome(case)
    st.info(
        f"Suggested from the parts: **{outcome_label(suggested)}**.", icon=":material/lightbulb:"
    )
    if review.outcome is not None:
        st.success(f"Decided: **{outcome_label(review.outcome)}**", icon=":material/gavel:")
    problems = FieldProblems()
    choices = list(ReviewOutcome)
    with st.form("review.decide"):
        st.selectbox(
            "Outcome (in our sense: upheld means the original decision stands)",
            choices,
            index=choices.index(review.outcome or suggested),
            format_func=OUTCOME_LABELS.get,
            key="review.outcome",
        )
        problems.slot("outcome")
        st.text_area(
            "Reasons for the outcome (printed in the letter)",
            value=review.reasons,
            key="review.reasons",
        )
        problems.slot("reasons")
        date_field("Decided on", review.decided_on or today(), "review.decided_on")
        problems.slot("decided_on")
        submitted = st.form_submit_button("Decide", type="primary", disabled=not editable)
    if submitted:
        try:
            edited = decide(
                case,
                st.session_state["review.outcome"],
                st.session_state["review.reasons"] or "",
                st.session_state.get(field_key("review.decided_on")),
            )
        except AftercareProblem as error:
            problems.show(error.problems)
        else:
            save_case(edited, f"Review decided: {outcome_label(edited.review.outcome)}")


def _issue(store: Store, case: Case, version: int, rendered, person: Person) -> None:
    try:
        letters.issue_letter(store, case, version, rendered, person=person, policy=policy())
    except (StaleCase, NotAllowed) as error:
        st.session_state["review.issue_problem"] = str(error)
    else:
        flash("The review outcome letter is recorded as issued.")


def outcome_letter(case: Case, version: int, store: Store, person: Person, findings) -> None:
    """The outcome letter: a draft while the check finds errors, else download and issue."""
    review = case.review
    if review is None or review.outcome is None:
        st.caption("The outcome letter can be drawn once the review is decided.")
        return
    errors = [f for f in findings or [] if f.severity == "error"]
    st.markdown("#### The outcome letter")
    if problem := st.session_state.pop("review.issue_problem", None):
        st.error(md_escape(problem), icon=":material/sync_problem:")
    for finding in errors:
        st.error(f"**{md_escape(finding.title)}**: {md_escape(finding.message)}")
    rendered = render_review_letter(
        case,
        store.load_profile(),
        linked_original(store, case),
        draft=bool(errors),
        findings=findings,
    )
    name = case.request.our_ref.replace("/", "-") + "-review-outcome"
    st.download_button(
        "Download as DRAFT (.docx)" if errors else "Download the outcome letter (.docx)",
        data=rendered.data,
        file_name=f"{name}.docx",
        mime=DOCX,
        on_click="ignore",
        icon=":material/download:",
        key="review.download",
    )
    issued = [letter for letter in case.issued_letters if letter.kind == "review_outcome"]
    for letter in issued:
        st.caption(
            f"Issued {letter.issued_at:%d %B %Y at %H:%M} UTC by {md_escape(letter.issued_by)}."
        )
    allowed = can_edit(person, case)
    st.button(
        "Issue the outcome letter",
        type="primary",
        disabled=bool(errors) or not allowed,
        on_click=_issue,
        args=(store, case, version, rendered, person),
        key="review.issue",
        help="Records this exact letter as sent; send the downloaded letter to the requester.",
    )
