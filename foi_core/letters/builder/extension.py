"""The public interest test extension letter's layout (templates/pit_extension_letter.docx)."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from foi_core.letters.builder.docx import for_each, heading, only_if, preserve_spaces, values_if_set
from foi_core.letters.builder.parts import (
    claim_line,
    open_letter,
    prose,
    request_items,
    rights_and_sign_off,
)


def build_pit_extension_letter() -> DocumentObject:
    """The s17(2) notice: which qualified exemptions apply and when we expect to decide."""
    doc = open_letter("Public interest test extension", "opening_extension")
    request_items(doc)

    heading(doc, "Where we have got to", 2)
    with only_if(doc, "engaged_claims"):
        prose(doc, "extension_claims_lead")
        with for_each(doc, "c in engaged_claims"):
            claim_line(doc)
    prose(doc, "extension_qualified")

    heading(doc, "Why we need more time", 2)
    prose(doc, "extension_why")
    values_if_set(doc, "reason")

    heading(doc, "When we expect to reply", 2)
    prose(doc, "extension_when")
    rights_and_sign_off(doc, copyright_notice=False)
    preserve_spaces(doc)
    return doc
