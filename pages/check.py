"""Check: the checker's findings on the refusal notice, errors first, each linking to the page
that fixes it; and a summary of the case's deadlines."""

import streamlit as st

from foi_core.deadlines import case_deadlines, describe_date
from foi_core.steps import STEPS_BY_KEY
from foi_core.workflow import next_action
from ui import case_page, md_escape
from ui.approval import status_line
from ui.layout import next_line
from ui.people import policy
from ui.reasoning import link_to_step

loaded = case_page("check")
case = loaded.case
st.markdown(status_line(case))
st.caption("Submitting for approval, approving and issuing are on the Letter page.")

findings = loaded.findings
if findings is None:  # the officer must see that the check did not run, not a traceback
    st.error(
        "The check could not be run on this case, so nothing can be said about its problems. "
        "Please report this.",
        icon=":material/error:",
    )

if findings is not None:
    errors = [finding for finding in findings if finding.severity == "error"]
    warnings = [finding for finding in findings if finding.severity == "warning"]
    if not findings:
        st.success(
            "No problems found. The refusal notice has everything the checks look for.",
            icon=":material/task_alt:",
        )
    else:
        st.markdown(
            f"**{len(errors)} error(s)** must be fixed before the letter can be issued; "
            f"**{len(warnings)} warning(s)** are worth a second look."
        )
    for finding in [*errors, *warnings]:
        is_error = finding.severity == "error"
        with st.container(border=True):
            title = finding.title or ("Error" if is_error else "Warning")
            box = st.error if is_error else st.warning
            box(
                f"**{md_escape(title)}**  \n{md_escape(finding.message)}",
                icon=":material/error:" if is_error else ":material/warning:",
            )
            st.markdown(f"**How to fix it:** {md_escape(finding.fix)}")
            st.caption(f"Provision: {md_escape(finding.provision)}")
            step = STEPS_BY_KEY.get(finding.step)
            if step is not None and step.key != "check":
                link_to_step(step.key, case, f"Fix this on the {step.title} page")

# --- Deadlines ------------------------------------------------------------------------------

st.markdown("### Deadlines")
deadlines = case_deadlines(case)  # dates it cannot count from are checker findings
rows = [("Received", describe_date(deadlines.received))]
if deadlines.clock_start != deadlines.received:
    rows.append(("Clock started (day 0)", describe_date(deadlines.clock_start)))
if deadlines.clock_stopped:
    rows.append(("Due", "the clock is stopped (waiting for clarification or a fee)"))
elif deadlines.due is not None:
    rows.append(("Due (20 working days)", describe_date(deadlines.due)))
if deadlines.extended_due is not None:
    rows.append(("Extended to (s10(3))", describe_date(deadlines.extended_due)))
if case.response_date is not None:
    rows.append(("Response sent", describe_date(case.response_date)))
if deadlines.review_due is not None:
    rows.append(("Internal review due", describe_date(deadlines.review_due)))
with st.container(border=True):
    for label, value in rows:
        st.markdown(f"**{label}:** {value}")
    for note in deadlines.notes:
        st.caption(note)
for warning in deadlines.warnings:
    st.warning(warning, icon=":material/schedule:")

if findings is not None:
    next_line(case, next_action(case, findings, policy()))
