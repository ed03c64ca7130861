"""Letter: a readable preview, downloads (.docx, PDF when LibreOffice is available, the reasoning
record, the PIT extension letter) and issuing, which records the letter on the case."""

import json
from pathlib import Path

import streamlit as st

from foi_core import letters
from foi_core.checker import check
from foi_core.models import Case
from foi_core.personal_data import mask_requester
from foi_core.settings import get_settings
from foi_core.storage import StaleCase
from ui import actor, case_page, flash, get_store, md_escape, today
from ui.reasoning import link_to_step, safe_file_name

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"

loaded = case_page("letter")
case = loaded.case
store = get_store()
profile = store.load_profile()
# The same findings the stepper shows; if the check itself failed, run it here so the error shows.
findings = loaded.findings if loaded.findings is not None else check(case, profile, today=today())
errors = [finding for finding in findings if finding.severity == "error"]
blocked = bool(errors)
base_name = safe_file_name(case.request.our_ref)


@st.cache_data(max_entries=32, show_spinner=False)
def render_cached(
    case_json: str, profile_json: str, draft: bool, template: str | None, template_mtime: float
) -> letters.RenderedLetter | letters.TemplateProblem:
    """Render the response letter once per distinct case, profile, draft flag and template
    (the template's modification time is part of the key, so a replaced file is re-read).

    The page has already run the checker: ``draft`` is true exactly when it found errors, so the
    renderer need not run it again (no findings are passed). A template problem is returned, not
    raised, so it is cached too: a template stopped at its time limit is not run on every rerun.
    """
    from foi_core.models import Case, OrganisationProfile

    try:
        return letters.render_letter(
            Case.from_json(case_json),
            OrganisationProfile.model_validate_json(profile_json),
            template=template,
            draft=draft,
            findings=(),
        )
    except letters.TemplateProblem as problem:
        return problem


def own_templates() -> list[Path]:
    """Templates kept on the Settings page (templates/uploaded/*.docx)."""
    folder = Path(get_settings().templates_dir) / "uploaded"
    return sorted(folder.glob("*.docx")) if folder.is_dir() else []


if blocked:
    st.error(
        f"**The letter is blocked.** The check found {len(errors)} error(s) that must be fixed "
        "before the letter can be issued. You can still download it as a DRAFT, marked "
        '"DRAFT – NOT FOR ISSUE", to see how it reads.',
        icon=":material/block:",
    )
    link_to_step("check", case, "See the problems on the Check page")

choices = own_templates()
template: Path | None = None
if choices:
    template = st.selectbox(
        "Template",
        [None, *choices],
        format_func=lambda path: "Built-in response letter" if path is None else path.name,
        key="letter.template",
        help="Templates kept on the Settings page can be used instead of the built-in one.",
    )
try:
    rendered = render_cached(
        case.to_json(),
        profile.model_dump_json(),
        blocked,
        str(template) if template else None,
        template.stat().st_mtime if template and template.exists() else 0.0,
    )
except letters.LetterError as error:
    st.error("The letter could not be produced: " + md_escape(str(error)), icon=":material/error:")
    st.stop()
if isinstance(rendered, letters.TemplateProblem):
    st.error(
        f"**The template {md_escape(rendered.template_name)} cannot be used.**\n\n"
        + "\n".join(f"- {md_escape(problem)}" for problem in rendered.problems)
        + "\n\nChoose the built-in response letter above, or fix the template in Word and keep "
        "it again on the Settings page.",
        icon=":material/error:",
    )
    st.stop()

# --- Downloads -------------------------------------------------------------------------------

with st.container(border=True):
    st.markdown("#### Downloads")
    left, middle, right = st.columns(3)
    with left:
        st.download_button(
            "Download as DRAFT (.docx)" if blocked else "Download the letter (.docx)",
            data=rendered.data,
            file_name=f"{base_name}{'-DRAFT' if blocked else ''}.docx",
            mime=DOCX,
            on_click="ignore",
            type="primary",
            icon=":material/download:",
            key="download-docx",
        )
    with middle:
        if letters.soffice_path() is not None:
            st.download_button(
                "Download as DRAFT (PDF)" if blocked else "Download the letter (PDF)",
                data=lambda: letters.to_pdf(rendered.data),
                file_name=f"{base_name}{'-DRAFT' if blocked else ''}.pdf",
                mime=PDF,
                on_click="ignore",
                icon=":material/picture_as_pdf:",
                key="download-pdf",
            )
        else:
            st.caption(
                "PDF is not available: LibreOffice is not installed on this server. Download "
                "the .docx and save it as PDF from Word instead."
            )
    with right:
        st.download_button(
            "Download the reasoning record (.docx)",
            data=lambda: (
                letters.render_reasoning_record(
                    case, profile, store.audit(case.id), findings=findings
                ).data
            ),
            file_name=f"{base_name}-reasoning-record.docx",
            mime=DOCX,
            on_click="ignore",
            icon=":material/history_edu:",
            key="download-record",
            help="Every step of the reasoning, who decided what and when, and the case history.",
        )
    if case.pit_extension is not None:
        st.download_button(
            "Download the PIT extension letter (.docx)",
            data=lambda: letters.render_pit_extension_letter(case, profile).data,
            file_name=f"{base_name}-pit-extension.docx",
            mime=DOCX,
            on_click="ignore",
            icon=":material/schedule:",
            key="download-extension",
            help="Tells the requester more time is needed to consider the public interest "
            "(s10(3)), with the estimated date (s17(2)).",
        )

# --- Issuing ---------------------------------------------------------------------------------

ISSUE_PROBLEM = "letter.issue_problem"


def issue(shown_case: Case, version: int, shown: letters.RenderedLetter) -> None:
    """Issue the letter the officer was looking at (a button callback: it gets the case, version
    and letter of the run the officer saw, so a colleague's later change is never issued)."""
    try:
        letters.issue_letter(store, shown_case, version, shown, actor=actor(), on=today())
    except StaleCase as error:
        st.session_state[ISSUE_PROBLEM] = str(error)
    else:
        flash("The letter is recorded as issued.")


def stored_data(record_id: int) -> str:
    """An issued letter as stored: its fingerprints and the data it was made from (JSON)."""
    return json.dumps(store.issued_letter(case.id, record_id).model_dump(mode="json"), indent=2)


with st.container(border=True):
    st.markdown("#### Issue")
    if problem := st.session_state.pop(ISSUE_PROBLEM, None):
        st.error(md_escape(problem), icon=":material/sync_problem:")
    issued = [letter for letter in case.issued_letters if letter.kind == "response"]
    for number, letter in enumerate(issued, start=1):
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.caption(
            f"Issued {letter.issued_at:%d %B %Y at %H:%M} UTC"
            f"{' by ' + md_escape(letter.issued_by) if letter.issued_by else ''} from the "
            f"template {md_escape(letter.template_name)}; document SHA-256 "
            f"{letter.document_sha256[:16]}…"
        )
        if letter.record_id is not None:
            right.download_button(
                "Data it was made from",
                data=lambda record_id=letter.record_id: stored_data(record_id),
                file_name=f"{base_name}-issued-{number}-data.json",
                mime="application/json",
                on_click="ignore",
                icon=":material/data_object:",
                key=f"issued-data-{letter.record_id}",
                help="The exact data this letter was rendered from, with the template's and the "
                "document's fingerprints, to prove or reproduce it. It holds personal data.",
            )
    if blocked:
        st.caption("Issuing is switched off until the check finds no errors.")
    st.caption(
        "Issuing records this exact letter (the template, a fingerprint of the document and the "
        "data it was made from, kept once apart from the case) so it can be reproduced later, "
        "and sets the response date to today if it is empty. Send the downloaded letter to the "
        "requester."
    )
    st.button(
        "Issue the letter again" if issued else "Issue the letter",
        disabled=blocked,
        icon=":material/send:",
        key="issue",
        on_click=issue,
        args=(case, loaded.version, rendered),
    )

# --- Preview ---------------------------------------------------------------------------------

st.markdown("#### Preview")
st.caption(
    "How the letter reads. The requester's details are hidden here (the decision is "
    "applicant-blind); they are in the downloaded letter. Download the .docx for the exact layout."
)
with st.container(border=True, height=700):
    for style, text in letters.letter_paragraphs(rendered.data):
        text = mask_requester(text, case.requester)
        if not text.strip():
            continue
        if style.startswith(("Heading", "Title")):
            st.markdown(f"**{md_escape(text)}**")
        else:
            st.text(text)  # never parsed as Markdown or HTML
