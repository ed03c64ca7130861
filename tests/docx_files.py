"""Word files for tests: a .docx holding given paragraphs (e.g. Jinja text for a template)."""

from __future__ import annotations

import io

from docx import Document


def docx_with(*paragraphs: str) -> bytes:
    """A .docx whose body is one paragraph per argument."""
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
