"""Rendering letters with docxtpl: a safe Jinja environment, template checks and reproducibility.

* Every render uses a new ``DocxTemplate`` and a sandboxed Jinja environment with
  ``StrictUndefined`` and autoescape, so a missing value is an error, never a silent gap.
* Every printed value goes through ``xml_text``: user text is escaped and comes out literally
  (``{{ 7*7 }}``, ``<w:p>``, ``&`` included); only characters XML cannot hold are removed.
* A case with checker errors is refused (``LetterBlocked``) unless ``draft=True``, which marks
  the letter "DRAFT – NOT FOR ISSUE" in the page header and at the top of the letter.
* ``RenderedLetter`` carries the SHA-256 of the template and of the document, and the context, so
  an issued letter can be reproduced and proved (``record_issue``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docx import Document
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, Undefined, meta
from jinja2.sandbox import SandboxedEnvironment

from foi_core.models import Case, IssuedLetter, OrganisationProfile

from .context import (
    build_letter_context,
    build_pit_extension_context,
    build_record_context,
    logo_png,
)
from .errors import LetterBlocked, LetterError, TemplateProblem
from .paths import (
    PIT_EXTENSION_TEMPLATE,
    RECORD_TEMPLATE,
    RESPONSE_TEMPLATE,
    TEMPLATES_DIR,
)
from .text import xml_text

LetterKind = Literal["response", "pit_extension", "reasoning_record"]

DEFAULT_TEMPLATES: dict[str, str] = {
    "response": RESPONSE_TEMPLATE,
    "pit_extension": PIT_EXTENSION_TEMPLATE,
    "reasoning_record": RECORD_TEMPLATE,
}
# Names a template may use that are supplied at render time rather than by the context.
RENDER_TIME_NAMES = frozenset({"logo"})


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


# --- The Jinja environment -----------------------------------------------------------------------


def _finalize(value: object) -> object:
    """Every printed value becomes escaped, XML-safe text (markup objects pass through)."""
    if isinstance(value, Undefined) or hasattr(value, "__html__"):
        return value
    if value is None:
        return ""
    return xml_text(value)


def letter_environment(undefined: type[Undefined] = StrictUndefined) -> SandboxedEnvironment:
    """The Jinja environment for letters: sandboxed, strict, autoescaped, XML-safe output."""
    return SandboxedEnvironment(undefined=undefined, autoescape=True, finalize=_finalize)


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


def _template_sources(data: bytes, name: str) -> list[tuple[str, str]]:
    """(where, xml) of the body, headers and footers, prepared the way docxtpl renders them."""
    try:
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.init_docx()
    except Exception as error:  # python-docx raises several types for a broken package
        raise TemplateProblem(name, [f"Word cannot open it as a document ({error})"]) from None
    sources = [("the letter body", tpl.patch_xml(tpl.get_xml()))]
    for uri, where in ((tpl.HEADER_URI, "a page header"), (tpl.FOOTER_URI, "a page footer")):
        for _key, part in tpl.get_headers_footers(uri):
            sources.append((where, tpl.patch_xml(tpl.get_part_xml(part))))
    return [(where, re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)) for where, xml in sources]


def _line_text(xml: str, lineno: int | None) -> str:
    """The visible text of the paragraph holding line ``lineno`` of a prepared part."""
    if not lineno:
        return ""
    lines = xml.splitlines()
    if not 0 < lineno <= len(lines):
        return ""
    return " ".join(re.sub(r"<[^>]+>", "", lines[lineno - 1]).split())[:120]


def _syntax_problems(sources: Iterable[tuple[str, str]], env: SandboxedEnvironment) -> list[str]:
    problems = []
    for where, xml in sources:
        try:
            env.parse(xml)
        except TemplateSyntaxError as error:
            near = _line_text(xml, error.lineno)
            at = f" in the paragraph '{near}'" if near else ""
            problems.append(f"a Jinja tag in {where} has a mistake{at}: {error.message}")
    return problems


def _object_paths(value: object, path: str, found: dict[int, str]) -> None:
    """Index every mapping in the context by id, with a readable path such as 'claims[].harm'."""
    if isinstance(value, dict):
        found.setdefault(id(value), path)
        for key, child in value.items():
            _object_paths(child, f"{path}.{key}" if path else str(key), found)
    elif isinstance(value, list):
        for child in value:
            _object_paths(child, f"{path}[]", found)


def _missing_names(
    data: bytes, name: str, mapping: dict[str, Any], extra: dict[str, Any]
) -> list[str]:
    """Names the template uses that the data lacks: roots anywhere, attributes where reached."""
    env = letter_environment()
    sources = _template_sources(data, name)
    syntax = _syntax_problems(sources, env)
    if syntax:
        raise TemplateProblem(name, syntax)
    provided = set(mapping) | set(extra)
    used: set[str] = set()
    for _where, xml in sources:
        used |= meta.find_undeclared_variables(env.parse(xml))
    missing = [
        f"the template uses '{root}', which the letter data does not provide"
        for root in sorted(used - provided)
    ]
    if missing:
        return missing

    # Every root exists: render once, recording attributes the data lacks instead of failing.
    paths: dict[int, str] = {}
    _object_paths(mapping, "", paths)
    misses: list[str] = []

    class Recording(Undefined):
        def _record(self) -> None:
            owner = paths.get(id(self._undefined_obj), "")
            where = f" in '{owner}'" if owner else ""
            message = (
                f"the template uses '{self._undefined_name}'{where}, which the letter data "
                "does not provide"
            )
            if self._undefined_name is not None and message not in misses:
                misses.append(message)

        def __str__(self) -> str:
            self._record()
            return ""

        def __iter__(self):
            self._record()
            return iter(())

        def __bool__(self) -> bool:
            self._record()
            return False

    tpl = DocxTemplate(io.BytesIO(data))
    try:
        tpl.render({**mapping, **extra}, letter_environment(Recording), autoescape=True)
    except TemplateError as error:
        raise TemplateProblem(name, [f"the template fails when filled in: {error}"]) from None
    return misses


def missing_template_variables(
    template_path: str | Path,
    case: Case,
    profile: OrganisationProfile,
    kind: LetterKind = "response",
) -> list[str]:
    """Names the template uses that the letter data does not provide, in plain words.

    Raises TemplateProblem if the file is not a .docx or a Jinja tag has a syntax mistake.
    """
    name, data = _read_template(template_path, kind)
    mapping = _context_for(kind, case, profile).model_dump(mode="json")
    return _missing_names(data, name, mapping, {key: "" for key in RENDER_TIME_NAMES})


def _context_for(kind: LetterKind, case: Case, profile: OrganisationProfile):
    if kind == "response":
        return build_letter_context(case, profile, draft=True)
    if kind == "pit_extension":
        return build_pit_extension_context(case, profile)
    return build_record_context(case, profile)


# --- Rendering ---------------------------------------------------------------------------------


def _render_bytes(
    data: bytes, name: str, mapping: dict[str, Any], profile: OrganisationProfile
) -> bytes:
    tpl = DocxTemplate(io.BytesIO(data))
    png = logo_png(profile) if mapping.get("organisation", {}).get("has_logo") else None
    extra: dict[str, Any] = {
        "logo": InlineImage(tpl, io.BytesIO(png), height=Mm(18)) if png else ""
    }
    try:
        tpl.render({**mapping, **extra}, letter_environment(), autoescape=True)
    except TemplateSyntaxError as error:
        raise TemplateProblem(name, [f"a Jinja tag has a mistake: {error.message}"]) from None
    except TemplateError as error:
        raise TemplateProblem(name, [f"the template fails when filled in: {error}"]) from None
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _render(
    kind: LetterKind,
    context_model,
    profile: OrganisationProfile,
    template: str | Path | None,
    draft: bool = False,
) -> RenderedLetter:
    name, data = _read_template(template, kind)
    mapping = context_model.model_dump(mode="json")
    if template is not None:
        missing = _missing_names(data, name, mapping, {key: "" for key in RENDER_TIME_NAMES})
        if missing:
            raise TemplateProblem(name, missing)
    document = _render_bytes(data, name, mapping, profile)
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
    audit: Iterable[object] = (),
    *,
    findings: Sequence[Any] | None = None,
    generated_at: dt.datetime | None = None,
) -> RenderedLetter:
    """Render the reasoning record: every step, who decided when, findings and the audit trail.

    ``audit`` entries are objects (or mappings) with ``at``, ``actor``, ``action`` and
    ``summary``. The record is produced whatever the checker finds; the findings are listed.
    """
    found = _findings(case, profile, findings)
    context = build_record_context(case, profile, found, audit, generated_at)
    return _render("reasoning_record", context, profile, None)


def record_issue(
    case: Case,
    rendered: RenderedLetter,
    kind: LetterKind | None = None,
    issued_at: dt.datetime | None = None,
) -> Case:
    """A copy of ``case`` with the issued letter (hashes and context) appended."""
    letter = IssuedLetter(
        kind=kind or rendered.kind,
        issued_at=issued_at or dt.datetime.now(dt.UTC),
        template_name=rendered.template_name,
        template_sha256=rendered.template_sha256,
        document_sha256=rendered.document_sha256,
        context=rendered.context,
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
