"""Small Streamlit helpers shared by the pages (the engine, foi_core, never imports these).

A case page reads like a script::

    loaded = case_page("harm")            # case from ?case=, header, stepper, guidance
    case = loaded.case
    problems = FieldProblems()
    with st.form("harm"):
        st.text_area("Interest", value=..., key=field_key("harm.interest"))
        problems.slot("interest")
        submitted = st.form_submit_button("Save")
    if submitted:
        try:
            edited = ...                   # build the changed case (pydantic validates)
        except ValidationError as exc:
            problems.show_error(exc)       # messages next to the fields; input kept
        else:
            save_case(apply_step_edit(case, edited, "harm"), "Harm saved")   # saves, reruns
"""

from ui.fields import FieldProblems, date_field
from ui.layout import case_findings, case_header, case_page, deadline_text, guidance, stepper
from ui.nav import PAGES, PAGES_BY_STEP, PageInfo
from ui.state import (
    CASES_PAGE,
    LoadedCase,
    actor,
    add_case,
    case_id_from_url,
    current_case,
    field_key,
    flash,
    get_store,
    open_case,
    reset_fields,
    save_case,
    show_flash,
    today,
)
from ui.text import md_escape, one_line

__all__ = [
    "CASES_PAGE",
    "PAGES",
    "PAGES_BY_STEP",
    "FieldProblems",
    "LoadedCase",
    "PageInfo",
    "actor",
    "add_case",
    "case_findings",
    "case_header",
    "case_id_from_url",
    "case_page",
    "current_case",
    "date_field",
    "deadline_text",
    "field_key",
    "flash",
    "get_store",
    "guidance",
    "md_escape",
    "one_line",
    "open_case",
    "reset_fields",
    "save_case",
    "show_flash",
    "stepper",
    "today",
]
