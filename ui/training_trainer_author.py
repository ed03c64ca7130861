"""The Trainer page's "Write a scenario from an issued case": find an issued request by its
reference, draft a scenario from it (requester and personal data removed), edit the details and
the rubric, and save it for trainees (``foi_core.training.authoring`` does every change)."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from foi_core.models import OUTCOME_LABELS, CaseKind, CaseStatus, Outcome
from foi_core.people import NotAllowed, Person
from foi_core.steps import STEPS_BY_KEY
from foi_core.storage import Store
from foi_core.training import LEVEL_LABELS, ConsiderationStep, Level, Scenario
from foi_core.training import authoring as edit
from foi_core.training.bank import bank_problems
from ui.fields import FieldProblems
from ui.state import flash
from ui.text import md_escape, one_line

DRAFT = "trainer.author.draft"
MATCHES_SHOWN = 20


def _key(draft: Scenario, item: int, name: str) -> str:
    """A widget key of one item's rubric, unique to the draft (another draft starts afresh)."""
    return f"trainer.author.{draft.id}.{item}.{name}"


def _keep(result: edit.RubricEdit, problems: FieldProblems) -> None:
    """Keep an edit's new draft and rerun, or show its problems by their fields."""
    if result.ok:
        st.session_state[DRAFT] = result.scenario
        st.rerun()
    problems.show(result.problems)


# --- Finding the case and drafting --------------------------------------------------------------


def _find_case(store: Store) -> str | None:
    """A search box by reference; the issued requests whose reference contains it."""
    typed = st.text_input(
        "Reference of an issued case",
        key="trainer.author.ref",
        placeholder="002335/20",
        help="Part of the reference is enough; only issued requests are offered.",
    ).strip()
    if not typed:
        return None
    found = [
        summary
        for summary in store.list_cases(status=CaseStatus.ISSUED)
        if typed.lower() in summary.ref.lower()
    ][:MATCHES_SHOWN]
    if not found:
        st.warning("No issued case has a reference like that.", icon=":material/search_off:")
        return None
    labels = {s.id: f"{s.ref}: {one_line(s.title or 'untitled', 70)}" for s in found}
    return st.radio(
        "Issued case",
        list(labels),
        format_func=lambda i: md_escape(labels[i]),
        key="trainer.author.case",
    )


def _draft_form(store: Store, person: Person, case_id: str, taken: set[str]) -> None:
    """Id, title and level; "Draft the scenario" builds the draft from the case."""
    problems = FieldProblems()
    with st.form("trainer.author.start", enter_to_submit=False):
        st.text_input("Scenario id", key="trainer.author.id", placeholder="anpr-cameras")
        problems.slot("id")
        st.text_input("Scenario title", key="trainer.author.title")
        problems.slot("title")
        st.selectbox("Level", list(Level), format_func=LEVEL_LABELS.get, key="trainer.author.level")
        drafting = st.form_submit_button("Draft the scenario", type="primary")
    problems.slot("case")
    if not drafting:
        return
    ss = st.session_state
    case = store.load(case_id).case
    if case.kind is not CaseKind.REQUEST:
        problems.add("case", "Only an issued request makes a scenario.")
        return
    try:
        draft = edit.scenario_from_case(
            case,
            ss["trainer.author.id"].strip(),
            ss["trainer.author.title"],
            ss["trainer.author.level"],
            person,
            taken=taken,
        )
    except NotAllowed as refused:
        st.error(md_escape(str(refused)), icon=":material/lock:")
    except edit.AuthoringError as refused:
        problems.show(refused.problems)
    else:
        ss[DRAFT] = draft
        st.rerun()


# --- Editing the draft ----------------------------------------------------------------------------


def _details(draft: Scenario) -> None:
    problems = FieldProblems()
    with st.form("trainer.author.details", enter_to_submit=False):
        title = st.text_input("Title", value=draft.title)
        problems.slot("title")
        level = st.selectbox(
            "Level", list(Level), index=list(Level).index(draft.level), format_func=LEVEL_LABELS.get
        )
        summary = st.text_area("Summary (what the trainee reads first)", value=draft.summary)
        problems.slot("summary")
        objectives = st.text_area(
            "Learning objectives (one a line)", value="\n".join(draft.learning_objectives)
        )
        problems.slot("objectives")
        st.caption(
            "The case file: background facts a trainee may look up. Rewrite each entry as facts "
            "(what is held, what is public, what the operational lead said), not as the answer."
        )
        entries = []
        for n, entry in enumerate([*draft.case_file, None], start=1):
            left, right = st.columns([1, 3])
            entries.append(
                (
                    left.text_input(f"Case file {n}: title", value=entry.title if entry else ""),
                    right.text_area(f"Case file {n}: text", value=entry.text if entry else ""),
                )
            )
        problems.slot("case_file")
        saving = st.form_submit_button("Save the details")
    if saving:
        result = edit.set_details(
            draft,
            title=title,
            level=level,
            summary=summary,
            objectives=objectives,
            case_file=entries,
        )
        _keep(result, problems)


def _outcomes(draft: Scenario, n: int, current: list[Outcome]) -> None:
    problems = FieldProblems()
    chosen = st.multiselect(
        "Acceptable outcomes",
        list(Outcome),
        default=current,
        format_func=OUTCOME_LABELS.get,
        key=_key(draft, n, "outcomes"),
    )
    problems.slot(f"rubric.{n}.outcome")
    if st.button("Save outcomes", key=_key(draft, n, "save_outcomes")):
        result = edit.RubricEdit(scenario=draft)
        for outcome in [o for o in chosen if o not in current]:
            result = edit.add_outcome(result.scenario, n, outcome) if result.ok else result
        for outcome in [o for o in current if o not in chosen]:
            result = edit.remove_outcome(result.scenario, n, outcome) if result.ok else result
        _keep(result, problems)


def _needs(draft: Scenario, n: int) -> None:
    entry = next(e for e in draft.rubric.items if e.item == n)
    for index, expected in enumerate(entry.needs):
        problems = FieldProblems()
        mode = "neither confirm nor deny" if expected.mode.value == "ncnd" else "withhold"
        st.markdown(
            f"**Needs:** {md_escape(' or '.join(expected.any_of))} ({mode}). "
            f"{md_escape(one_line(expected.why, 200))}"
        )
        for citation in expected.any_of[1:]:
            if st.button(f"Remove {citation}", key=_key(draft, n, f"{index}.rm.{citation}")):
                _keep(edit.remove_alternative(draft, n, index, citation), problems)
        typed = st.text_input(
            "Another acceptable provision",
            key=_key(draft, n, f"{index}.alt"),
            placeholder="s31(1)(b)",
        )
        problems.slot(f"rubric.{n}.needs.{index}.alternative")
        if st.button("Add provision", key=_key(draft, n, f"{index}.add")):
            _keep(edit.add_alternative(draft, n, index, typed), problems)


def _wrong(draft: Scenario, n: int) -> None:
    entry = next(e for e in draft.rubric.items if e.item == n)
    problems = FieldProblems()
    for wrong in entry.wrong:
        st.markdown(
            f"**Wrong:** {md_escape(wrong.citation)}: {md_escape(one_line(wrong.why, 200))}"
        )
        if st.button(f"Remove {wrong.citation}", key=_key(draft, n, f"wrong.rm.{wrong.citation}")):
            _keep(edit.remove_wrong_claim(draft, n, wrong.citation), problems)
    citation = st.text_input(
        "A wrong provision", key=_key(draft, n, "wrong.citation"), placeholder="s38"
    )
    problems.slot(f"rubric.{n}.wrong.citation")
    why = st.text_area("Why it is wrong", key=_key(draft, n, "wrong.why"))
    problems.slot(f"rubric.{n}.wrong.why")
    if st.button("Add wrong provision", key=_key(draft, n, "wrong.add")):
        _keep(edit.add_wrong_claim(draft, n, citation, why), problems)


def _items(draft: Scenario) -> None:
    for entry in draft.rubric.items:
        item = draft.model_answer.request.item(entry.item)
        with st.expander(f"Item {entry.item}: {md_escape(one_line(item.text, 90))}"):
            _outcomes(draft, entry.item, list(entry.outcomes))
            _needs(draft, entry.item)
            _wrong(draft, entry.item)


def _key_considerations(draft: Scenario) -> None:
    st.markdown("**Key considerations** (points a good answer makes)")
    problems = FieldProblems()
    for point in draft.rubric.key_considerations:
        st.markdown(
            f"- **{md_escape(point.title)}** ({md_escape(STEPS_BY_KEY[point.step.value].title)}): "
            f"recognised by {md_escape('; '.join(point.recognised_by))}"
        )
        if st.button(f"Remove {md_escape(point.title)}", key=f"trainer.author.key.rm.{point.id}"):
            _keep(edit.remove_key_consideration(draft, point.id), problems)
    numbers = [entry.item for entry in draft.rubric.items]
    with st.form("trainer.author.key", enter_to_submit=False):
        title = st.text_input("Key consideration")
        problems.slot("key.title")
        why = st.text_area("Why it matters")
        problems.slot("key.why")
        step = st.selectbox(
            "Step",
            list(ConsiderationStep),
            format_func=lambda s: STEPS_BY_KEY[s.value].title,
        )
        problems.slot("key.step")
        items = st.multiselect("Items (none: every item)", numbers)
        phrases = st.text_area("Recognised by (one phrase a line)", placeholder="mosaic")
        problems.slot("key.recognised_by")
        adding = st.form_submit_button("Add key consideration")
    if adding:
        _keep(edit.add_key_consideration(draft, title, why, step, phrases, items), problems)


def _save(store: Store, person: Person, draft: Scenario) -> None:
    left = bank_problems(draft)
    if left:
        st.warning(
            "Before trainees use it, put right:\n\n"
            + "\n".join(f"- {md_escape(problem)}" for problem in left),
            icon=":material/rule:",
        )
    save, drop = st.columns(2)
    if save.button("Save scenario", type="primary", key="trainer.author.save", disabled=bool(left)):
        store.save_trainer_scenario(draft, person.recorded_as)
        del st.session_state[DRAFT]
        flash(f"Saved the scenario '{draft.title}': trainees can pick it now.")
        st.rerun()
    if drop.button("Discard the draft", key="trainer.author.discard"):
        del st.session_state[DRAFT]
        st.rerun()


def _own_scenarios(store: Store, person: Person, scenarios: Mapping[str, Scenario]) -> None:
    """The trainers' saved scenarios: edit one again, or delete it."""
    saved = [scenario for scenario in scenarios.values() if not scenario.built_in]
    if not saved:
        return
    with st.expander(f"Trainers' scenarios ({len(saved)})", icon=":material/edit_note:"):
        for scenario in saved:
            text, edit_column, delete_column = st.columns([4, 1, 1])
            text.markdown(
                f"**{md_escape(scenario.title)}** ({md_escape(scenario.id)}, "
                f"{LEVEL_LABELS[scenario.level]})"
            )
            if edit_column.button("Edit", key=f"trainer.author.edit.{scenario.id}"):
                st.session_state[DRAFT] = scenario
                st.rerun()
            if delete_column.button("Delete", key=f"trainer.author.delete.{scenario.id}"):
                store.delete_trainer_scenario(scenario.id, person.recorded_as)
                flash(f"Deleted the scenario '{scenario.title}'; attempts at it are kept.")
                st.rerun()


def authoring_section(store: Store, person: Person, scenarios: Mapping[str, Scenario]) -> None:
    """The "Write a scenario" tab (``scenarios``: every scenario, built in or a trainer's)."""
    draft: Scenario | None = st.session_state.get(DRAFT)
    if draft is None:
        _own_scenarios(store, person, scenarios)
        st.caption(
            "Turn an issued request into a scenario: the requester's name, contact details and "
            "address are taken out, the answer given becomes the model answer, and you write the "
            "rubric it is marked against."
        )
        case_id = _find_case(store)
        if case_id:
            _draft_form(store, person, case_id, taken=set(scenarios))
        return
    st.markdown(f"**Draft:** {md_escape(draft.title)} (id {md_escape(draft.id)})")
    _details(draft)
    st.markdown("**Rubric: each item**")
    _items(draft)
    _key_considerations(draft)
    _save(store, person, draft)
