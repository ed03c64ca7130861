"""Letters: the response letter, the PIT extension letter and the reasoning record (.docx).

>>> rendered = render_letter(case, profile)            # LetterBlocked if the checker finds errors
>>> rendered = render_letter(case, profile, draft=True)  # marked DRAFT – NOT FOR ISSUE
>>> case = record_issue(case, rendered, "response")    # the letter's metadata on a copy
>>> issue_letter(store, case, version, rendered)       # ... saved, its data stored once
>>> pdf = to_pdf(rendered.data)                          # LibreOfficeMissing without soffice
>>> check_template(path)             # TemplateProblem lists what is wrong with an own template
>>> reaches_letter("claims[].harm.evidence")   # False: internal (foi_core.letters.reach)
>>> claim_preview(case, claim_id)    # what the letter prints for a claim (foi_core.letters.preview)

User text is printed exactly as typed; the only alteration is that characters XML 1.0 cannot
hold (control characters) are removed (see ``foi_core.letters.text``).
"""

from .context import (
    DRAFT_MARKER,
    LetterContext,
    PitExtensionContext,
    RecordContext,
    build_letter_context,
    build_pit_extension_context,
    build_record_context,
)
from .errors import LetterBlocked, LetterDataError, LetterError, LibreOfficeMissing, TemplateProblem
from .files import read_case_file, record_case_file, render_case_file
from .issuing import issue_letter
from .pdf import soffice_path, to_pdf
from .preview import claim_preview, item_preview
from .reach import reach_label, reaches_letter
from .render import (
    DEFAULT_TEMPLATES,
    RenderedLetter,
    check_template,
    document_text,
    letter_paragraphs,
    missing_template_variables,
    record_issue,
    render_letter,
    render_pit_extension_letter,
    render_reasoning_record,
)
from .sandbox import letter_environment
from .text import printable

__all__ = [
    "DEFAULT_TEMPLATES",
    "DRAFT_MARKER",
    "LetterBlocked",
    "LetterContext",
    "LetterDataError",
    "LetterError",
    "LibreOfficeMissing",
    "PitExtensionContext",
    "RecordContext",
    "RenderedLetter",
    "TemplateProblem",
    "build_letter_context",
    "build_pit_extension_context",
    "build_record_context",
    "check_template",
    "claim_preview",
    "document_text",
    "issue_letter",
    "item_preview",
    "letter_environment",
    "letter_paragraphs",
    "missing_template_variables",
    "printable",
    "reach_label",
    "reaches_letter",
    "read_case_file",
    "record_case_file",
    "record_issue",
    "render_case_file",
    "render_letter",
    "render_pit_extension_letter",
    "render_reasoning_record",
    "soffice_path",
    "to_pdf",
]
