"""Cases: the first-visit welcome, the work lists, the register (counts, filters, one page of
cases, a row opens the case, the CSV export), a new case, a copy of an earlier case, and import
or export of a case as JSON."""

import streamlit as st
from pydantic import ValidationError

from foi_core.storage import CaseImportError, DuplicateCase
from foi_core.workflow import new_case
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
from ui.caselists import my_work, started_by
from ui.people import policy, require_live_access
from ui.precedents import precedent_search
from ui.register import register
from ui.register_cache import read_key
from ui.register_open import case_export
from ui.welcome import welcome

st.title("Cases")
show_flash()
person = require_live_access()  # trainees and people with no role never see live cases
store = get_store()


# --- The register -------------------------------------------------------------------------------

# Only the demo cases, the work lists and one page of the register are read: never every case.
demo_ids = store.demo_case_ids()
key = read_key(store, demo_ids)  # what is read below is remembered until the store changes
welcome(store, store.case_summaries(demo_ids), person, demo_ids)
my_work(store, person, policy(), demo_ids, key)
register(store, demo_ids, key)
case_export(store, case_id_from_url())

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
