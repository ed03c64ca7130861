"""Cases: the first-visit welcome, the open cases with their deadlines, a new case, a copy of
an earlier case, and import or export of a case as JSON."""

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from foi_core.deadlines import working_days_left
from foi_core.models import CaseStatus
from foi_core.personal_data import EXPORT_NOTE_WITH, EXPORT_NOTE_WITHOUT
from foi_core.storage import CaseImportError, DuplicateCase
from foi_core.workflow import new_case, next_step, step_statuses
from ui import (
    PAGES_BY_STEP,
    FieldProblems,
    actor,
    add_case,
    case_id_from_url,
    field_key,
    flash,
    get_store,
    md_escape,
    open_case,
    show_flash,
    today,
)
from ui.caselists import assigned_name, my_work, started_by, with_demo_mark
from ui.people import policy, require_live_access
from ui.precedents import precedent_search
from ui.welcome import welcome

st.title("Cases")
show_flash()
person = require_live_access()  # trainees and people with no role never see live cases
store = get_store()


def open_at_next_step(case_id: str) -> None:
    """Open the case at the first step that needs work."""
    stored = store.load(case_id)
    open_case(PAGES_BY_STEP[next_step(step_statuses(stored.case))].file, case_id)


# --- The list of cases ---------------------------------------------------------------------------

# Read once a run: the welcome, the work lists and the table all draw from the same listing.
every_case = store.list_cases()
demo_ids = store.demo_case_ids()
welcome(store, every_case, person, demo_ids)
my_work(store, every_case, person, policy(), demo_ids)
only_drafts = st.toggle("Only open drafts", key="cases.only_drafts")
summaries = [s for s in every_case if not only_drafts or s.status is CaseStatus.DRAFT]
summaries.sort(key=lambda s: (s.status is not CaseStatus.DRAFT, s.due_date or s.received))
if not summaries:
    st.info("No cases yet. Start a new case below, or import one from a JSON file.")
else:
    rows = []
    for summary in summaries:
        open_draft = summary.status is CaseStatus.DRAFT and summary.due_date is not None
        left = working_days_left(summary.due_date, today()) if open_draft else None
        rows.append(
            {
                "Reference": summary.ref,
                "Demo": "Demo" if summary.id in demo_ids else "",
                "Title": summary.title,
                "Received": summary.received,
                "Due": summary.due_date,
                "Working days left": left,
                "Status": summary.status.value,
                "Assigned to": assigned_name(summary),
            }
        )
    table = pd.DataFrame(rows)
    table["Working days left"] = [
        "—" if row["Working days left"] is None else str(row["Working days left"]) for row in rows
    ]

    def _overdue(value: object) -> str:
        overdue = isinstance(value, str) and value.startswith("-")
        return "color: #b00020; font-weight: bold" if overdue else ""

    st.dataframe(
        table.style.map(_overdue, subset=["Working days left"]),
        hide_index=True,
        column_config={
            "Received": st.column_config.DateColumn(format="D MMM YYYY"),
            "Due": st.column_config.DateColumn(format="D MMM YYYY"),
            "Working days left": st.column_config.TextColumn(
                help="Working days to the due date; negative (in red) means overdue."
            ),
        },
    )
    overdue = sum(
        1 for row in rows if row["Working days left"] is not None and row["Working days left"] < 0
    )
    if overdue:
        st.error(f"{overdue} case(s) overdue.", icon=":material/alarm:")

    labels = with_demo_mark(summaries, demo_ids)
    ids = list(labels)
    current = case_id_from_url()
    with st.container(horizontal=True, vertical_alignment="bottom"):
        chosen = st.selectbox(
            "Case to open",
            ids,
            index=ids.index(current) if current in ids else 0,
            format_func=labels.__getitem__,
            key="cases.open_choice",
        )
        if st.button("Open", type="primary", icon=":material/arrow_forward:", key="cases.open"):
            open_at_next_step(chosen)
        personal = st.checkbox(
            "Include personal data",
            key="cases.export_personal",
            help="Adds the requester's name, contact details and address, and the data each "
            "issued letter was made from; the file is marked as holding personal data. Leave it "
            "off to share a case: the requester is then left out.",
        )
        who = actor()
        st.download_button(
            "Export with personal data" if personal else "Export as JSON",
            data=lambda: store.export_case_json(chosen, include_personal_data=personal, actor=who),
            file_name=f"{labels[chosen].split(':')[0].replace('/', '-')}"
            f"{'-with-personal-data' if personal else ''}.json",
            mime="application/json",
            on_click="ignore",
            icon=":material/download:",
            key="cases.export",
        )
    st.caption(EXPORT_NOTE_WITH if personal else EXPORT_NOTE_WITHOUT)

# --- New case ---------------------------------------------------------------------------------

left, right = st.columns(2, gap="large")
with left:
    st.subheader("New case", anchor=False)
    problems = FieldProblems()
    with st.form("new_case"):
        st.text_input("Our reference", key=field_key("new.our_ref"), placeholder="e.g. 000123/26")
        problems.slot("our_ref")
        st.date_input(
            "Date received", value=today(), format="DD/MM/YYYY", key=field_key("new.received")
        )
        problems.slot("received")
        st.text_input(
            "Short title (optional)",
            key=field_key("new.title"),
            help="A few words to recognise the case by; do not put the requester's name here.",
        )
        create = st.form_submit_button("Start the case", type="primary")
    if create:
        ss = st.session_state
        try:
            case = new_case(
                ss[field_key("new.our_ref")],
                ss[field_key("new.received")],
                ss[field_key("new.title")],
            )
        except ValidationError as error:
            problems.show_error(error)
        else:
            if store.find_by_ref(case.request.our_ref) is not None:
                problems.add(
                    "our_ref", f"A case with the reference {case.request.our_ref} already exists."
                )
            else:
                add_case(started_by(case, actor()))
                flash(f"Case {case.request.our_ref} started. Paste the request below.")
                open_case(PAGES_BY_STEP["request"].file, case.id)

# --- Copy an earlier case --------------------------------------------------------------------

with right:
    precedent_search(store)

# --- Import -------------------------------------------------------------------------------------

st.subheader("Import a case", anchor=False)
upload = st.file_uploader(
    "Case file (JSON, as made by Export)", type=["json"], key="cases.import_file"
)
if upload is not None and st.button("Import", key="cases.import"):
    try:
        stored = store.import_case_json(upload.getvalue(), source=upload.name)
    except CaseImportError as error:
        st.error(md_escape(str(error)), icon=":material/error:")
    except DuplicateCase as error:
        st.error(
            md_escape(
                f"{error} Change its reference (request.our_ref) and id, then import it again."
            ),
            icon=":material/error:",
        )
    else:
        flash(f"Imported case {stored.case.request.our_ref}.")
        st.rerun()
