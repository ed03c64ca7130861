"""Letter: a readable preview, downloads (.docx, PDF when LibreOffice is available, the reasoning
record, the PIT extension letter) and issuing, which records the letter on the case."""

from pathlib import Path

import streamlit as st

from foi_core import letters
from foi_core.aftercare.due import own_letter
from foi_core.checker import check
from foi_core.people import is_read_only
from foi_core.personal_data import mask_requester
from foi_core.settings import get_settings
from ui import case_page, get_store, md_escape, today
from ui.approval import life_panel
from ui.disclosure import disclosure_section
from ui.issue import issue_section
from ui.issued import DOCX, PDF
from ui.reasoning import link_to_step, safe_file_name

loaded = case_page("letter")
case = loaded.case
if (kind := own_letter(case)) != "response":
    if kind == "review_outcome":
        st.info(
            "An internal review answers the requester with its outcome letter, drawn and issued "
            "on the Internal review page.",
            icon=":material/rate_review:",
        )
        st.page_link("pages/review.py", label="Go to the Internal review page")
    else:
        st.info(
            "An ICO complaint has no letter to the requester: record the Commissioner's "
            "requests and our submissions on the ICO complaint page.",
            icon=":material/account_balance:",
        )
        st.page_link("pages/ico.py", label="Go to the ICO complaint page")
    st.stop()
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
    if is_read_only(case):
        left.caption("The letter exactly as it was issued is under Issue, below.")
    else:
        left.download_button(
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
        if is_read_only(case):
            pass
        elif letters.soffice_path() is not None:
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

# --- Approval and issuing --------------------------------------------------------------------

life_panel(loaded, findings)
issue_section(loaded, store, rendered, findings, base_name)
disclosure_section(loaded)

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
