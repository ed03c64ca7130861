"""On a training attempt's step pages: which attempt this is, the scenario's "Case file" (the
background facts a trainee may look up) and learning objectives, and the way to feedback."""

from __future__ import annotations

import streamlit as st

from foi_core.models import Case, CaseKind
from foi_core.training.scenario import Scenario
from foi_core.training.sessions import TrainingError, find_scenario
from ui.state import TRAINING_PAGE, get_store
from ui.text import md_escape


def attempt_scenario(case: Case) -> Scenario | None:
    """The scenario a training attempt answers (None when it can no longer be found)."""
    if case.kind is not CaseKind.TRAINING or case.training is None:
        return None
    try:
        return find_scenario(get_store(), case.training.scenario_id)
    except TrainingError:
        return None


def case_file_text(scenario: Scenario) -> str:
    """The case file as Markdown: every background fact, then the learning objectives (the
    scenario's words escaped)."""
    lines = [md_escape(scenario.summary), ""]
    for entry in scenario.case_file:
        lines += [f"**{md_escape(entry.title)}**", "", md_escape(entry.text), ""]
    lines.append("**What this scenario teaches**")
    lines += [f"- {md_escape(objective)}" for objective in scenario.learning_objectives]
    return "\n".join(lines)


def training_banner(case: Case) -> None:
    """For a training attempt: the scenario and attempt, its case file, and a link to feedback."""
    link = case.training
    if case.kind is not CaseKind.TRAINING or link is None:
        return
    scenario = attempt_scenario(case)
    title = scenario.title if scenario is not None else link.scenario_id
    st.info(
        f"**Training attempt {link.attempt}: {md_escape(title)}.** Work through the steps as on "
        "a live case; nothing here is sent to anyone.",
        icon=":material/school:",
    )
    if scenario is not None:
        with st.expander("Case file", icon=":material/folder_shared:"):
            st.markdown(case_file_text(scenario))
    st.page_link(
        TRAINING_PAGE,
        label="Submit for feedback (Training page)",
        icon=":material/grading:",
        query_params={"case": case.id},
    )
