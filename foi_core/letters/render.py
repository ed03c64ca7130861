"""Rendering letters with docxtpl: a sandbox, template checks and reproducibility.

* Every render uses a new ``DocxTemplate`` and the sandboxed letter environment
  (``foi_core.letters.sandbox``: immutable sandbox, ``StrictUndefined``, autoescape, no loader),
  with only plain data in the context, so a missing value is an error, never a silent gap.
* An organisation's own template is checked against the letter data's schema and filled in by a
  child process with a time and a memory limit (``foi_core.letters.child``); every failure is a
  ``TemplateProblem`` in plain words. The built-in templates are filled in in this process.
* The logo is never in the context: ``{{ logo }}`` prints a marker that ``place_logo`` replaces
  with the picture afterwards.
* Every printed value goes through ``xml_text``: user text is escaped and comes out literally
  (``{{ 7*7 }}``, ``<w:p>``, ``&`` included); only characters XML cannot hold are removed.
* A case with checker errors is refused (``LetterBlocked``) unless ``draft=True``, which marks
  the letter "DRAFT – NOT FOR ISSUE" in the page header and at the top of the letter.
* ``RenderedLetter`` carries the SHA-256 of the template and of the document, and the context, so
  an issued letter can be reproduced and proved (``record_issue``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from foi_core.models import Case, IssuedLetter, OrganisationProfile

from . import child
from .context import (
    AuditRow,
    build_letter_context,
    build_pit_extension_context,
    build_record_context,
    logo_png,
)
from .errors import LetterBlocked, LetterError, TemplateProblem
from .logo import new_marker, place_logo
from .paths import (
    PIT_EXTENSION_TEMPLATE,
    RECORD_TEMPLATE,
    RESPONSE_TEMPLATE,
    REVIEW_TEMPLATE,
    TEMPLATES_DIR,
)
from .sandbox import render_docx

LetterKind = Literal["response", "pit_extension", "reasoning_record", "review_outcome"]

DEFAULT_TEMPLATES: dict[str, str] = {
    "response": RESPONSE_TEMPLATE,
    "pit_extension": PIT_EXTENSION_TEMPLATE,
    "reasoning_record": RECORD_TEMPLATE,
    "review_outcome": REVIEW_TEMPLATE,
}


@dataclass(frozen=True)
class RenderedLetter:
    """A rendered .docx with what is needed to reproduce and prove it."""

    data: bytes
    template_name: str
    template_sha256: str
    document_sha256: str
    context: dict = field(repr=False)
    kind: LetterKind = "response"
    draft: bool = False


# --- Reading templates ------------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_template(template: str | Path | None, kind: LetterKind) -> tuple[str, bytes]:
    """(name, bytes) of the template to use; TemplateProblem when it cannot be read."""
    path = Path(template) if template is not None else TEMPLATES_DIR / DEFAULT_TEMPLATES[kind]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TemplateProblem(path.name, [f"there is no file at {path}"]) from None
    except OSError as error:
        raise TemplateProblem(path.name, [f"the file cannot be read ({error.strerror})"]) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateProblem(path.name, ["it is not a Word .docx file"])
    return path.name, data


# --- Checking an organisation's template -------------------------------------------------------


# (template SHA-256, kind) of the templates that passed the schema check in this process: the
# child need not walk them again (the check gives plain words; the sandbox is what protects).
_PASSED: set[tuple[str, str]] = set()


def _in_child(op: str, name: str, data: bytes, kind: LetterKind, **fields: Any) -> child.Answer:
    passed = (_sha256(data), kind)
    request = {"op": op, "name": name, "kind": kind, "checked": passed in _PASSED, **fields}
    answer = child.run({**request, "template": base64.b64encode(data).decode("ascii")})
    if not answer.unknown and not answer.problems:
        if len(_PASSED) > 256:
            _PASSED.clear()
        _PASSED.add(passed)
    return answer


def _check(template: str | Path, kind: LetterKind) -> child.Answer:
    name, data = _read_template(template, kind)
    return _in_child("check", name, data, kind, logo=new_marker())


def check_template(template: str | Path, kind: LetterKind = "response") -> None:
    """Check an organisation's template before it is kept; TemplateProblem lists what is wrong.

    Every placeholder and loop is checked against the letter data's schema (no case needed),
    then the template is filled in with sample data (every list with one entry, every flag
    true, a logo), all in the sandboxed child process with its time and memory limits.
    """
    answer = _check(template, kind)
    if answer.problems or answer.unknown:
        raise TemplateProblem(Path(template).name, [*answer.problems, *answer.unknown])


def missing_template_variables(
    template_path: str | Path,
    case: Case | None = None,
    profile: OrganisationProfile | None = None,
    kind: LetterKind = "response",
) -> list[str]:
    """Names the template uses that the letter data's schema lacks, in plain words.

    ``case`` and ``profile`` are not needed (the check is against the schema) and kept for old
    callers. Raises TemplateProblem for any other mistake (not a .docx, a Jinja syntax mistake,
    a forbidden tag, or a failure when filled in with sample data).
    """
    answer = _check(template_path, kind)
    if answer.problems:
        raise TemplateProblem(Path(template_path).name, answer.problems)
    return answer.unknown


# --- Rendering ---------------------------------------------------------------------------------


def _render(
    kind: LetterKind,
    context_model,
    profile: OrganisationProfile,
    template: str | Path | None,
    draft: bool = False,
) -> RenderedLetter:
    """Built-in templates are filled in here; an organisation's own in the sandboxed child."""
    name, data = _read_template(template, kind)
    mapping = context_model.model_dump(mode="json")
    png = logo_png(profile) if mapping.get("organisation", {}).get("has_logo") else None
    marker = new_marker() if png else ""
    values = {**mapping, "logo": marker}
    if template is None:
        document = render_docx(data, name, values)
    else:
        answer = _in_child("render", name, data, kind, context=values)
        if answer.problems or answer.unknown or answer.docx is None:
            raise TemplateProblem(name, [*answer.problems, *answer.unknown])
        document = answer.docx
    if png:
        document = place_logo(document, marker, png, name)
    return RenderedLetter(
        data=document,
        template_name=name,
        template_sha256=_sha256(data),
        document_sha256=_sha256(document),
        context=mapping,
        kind=kind,
        draft=draft,
    )


def _findings(case: Case, profile: OrganisationProfile, findings: Sequence[Any] | None) -> list:
    if findings is not None:
        return list(findings)
    from foi_core.checker import check

    return check(case, profile)


def render_letter(
    case: Case,
    profile: OrganisationProfile,
    template: str | Path | None = None,
    draft: bool = False,
    *,
    findings: Sequence[Any] | None = None,
) -> RenderedLetter:
    """Render the response letter.

    Refuses (LetterBlocked) when the checker finds errors, unless ``draft`` is true: a draft is
    marked "DRAFT – NOT FOR ISSUE". ``template`` is the path of an organisation's own .docx; its
    names are checked against the letter data first (TemplateProblem lists what is missing).
    ``findings`` lets a caller that has just run the checker pass its result instead.
    """
    found = _findings(case, profile, findings)
    errors = [f for f in found if getattr(f, "severity", "") == "error"]
    if errors and not draft:
        raise LetterBlocked(errors)
    context = build_letter_context(case, profile, draft=draft)
    return _render("response", context, profile, template, draft=draft)


def render_pit_extension_letter(
    case: Case, profile: OrganisationProfile, template: str | Path | None = None
) -> RenderedLetter:
    """Render the s10(3)/s17(2) letter saying more time is needed for the public interest test.

    LetterDataError (a ValueError) when the case has no PIT extension recorded.
    """
    context = build_pit_extension_context(case, profile)
    return _render("pit_extension", context, profile, template)


def render_reasoning_record(
    case: Case,
    profile: OrganisationProfile,
    audit: Iterable[AuditRow] = (),
    *,
    findings: Sequence[Any] | None = None,
    generated_at: dt.datetime | None = None,
) -> RenderedLetter:
    """Render the reasoning record: every step, who decided when, findings and the audit trail.

    ``audit`` entries are objects (``AuditEntry``, e.g. ``foi_core.storage.AuditEvent``) or
    mappings with ``at``, ``actor``, ``action`` and ``summary``. The record is produced
    whatever the checker finds; the findings are listed.
    """
    found = _findings(case, profile, findings)
    context = build_record_context(case, profile, found, audit, generated_at)
    return _render("reasoning_record", context, profile, None)


def record_issue(
    case: Case,
    rendered: RenderedLetter,
    kind: LetterKind | None = None,
    issued_at: dt.datetime | None = None,
    *,
    issued_by: str = "",
) -> Case:
    """A copy of ``case`` with the issued letter's metadata (kind, time, who, template and
    document hashes) appended. Its render context is not in the case: ``issue_letter`` stores it
    once in the store's issued letters table (``Store.issue_letter``)."""
    letter = IssuedLetter(
        kind=kind or rendered.kind,
        issued_at=issued_at or dt.datetime.now(dt.UTC),
        issued_by=issued_by,
        template_name=rendered.template_name,
        template_sha256=rendered.template_sha256,
        document_sha256=rendered.document_sha256,
        draft=rendered.draft,
    )
    updated = case.model_copy(deep=True)
    updated.issued_letters = [*updated.issued_letters, letter]
    return updated


# --- Reading documents back ----------------------------------------------------------------------


def _open(docx_bytes: bytes):
    try:
        return Document(io.BytesIO(docx_bytes))
    except Exception as error:  # python-docx raises several types for a broken package
        raise LetterError(f"This is not a Word .docx document ({error}).") from None


def _block_paragraphs(container) -> Iterable[Paragraph]:
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            seen: set = set()  # merged cells repeat; holding the elements keeps identity stable
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    yield from _block_paragraphs(cell)


def letter_paragraphs(docx_bytes: bytes) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph of the body, tables included, in reading order."""
    document = _open(docx_bytes)
    return [
        (paragraph.style.name if paragraph.style is not None else "", paragraph.text)
        for paragraph in _block_paragraphs(document)
    ]


def document_text(docx_bytes: bytes) -> str:
    """All the text of a document (headers, body with tables, footers), one paragraph a line."""
    document = _open(docx_bytes)
    texts: list[str] = []
    for section in document.sections:
        texts += [p.text for p in _block_paragraphs(section.header)]
    texts += [p.text for p in _block_paragraphs(document)]
    for section in document.sections:
        texts += [p.text for p in _block_paragraphs(section.footer)]
    return "\n".join(texts)
