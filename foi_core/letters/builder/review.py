"""The internal review outcome letter's layout (templates/review_outcome_letter.docx): the
review's outcome and reasons, then the request's answer as now decided with the response
letter's own sections (the s17 content where anything is still refused), then s50."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from foi_core.letters.builder.docx import (
    for_each,
    heading,
    only_if,
    para,
    preserve_spaces,
    values_if_set,
)
from foi_core.letters.builder.parts import (
    open_letter,
    prose,
    prose_when,
    request_items,
    rights_and_sign_off,
)
from foi_core.letters.builder.response import answer_sections
from foi_core.letters.builder.wording import fixed_text


def build_review_outcome_letter() -> DocumentObject:
    """The letter that tells the requester the outcome of their internal review."""
    doc = open_letter("Internal review of our response", "opening_review")
    prose_when(doc, "original_ref", "review_original")
    request_items(doc)
    with only_if(doc, "grounds"):
        prose(doc, "review_grounds_lead")
        para(doc, "{{ grounds }}", style="Detail")
    _outcome(doc)
    prose(doc, "review_answer_lead")
    answer_sections(doc)
    rights_and_sign_off(doc, after_review=True)
    preserve_spaces(doc)
    return doc


def _outcome(doc: DocumentObject) -> None:
    heading(doc, "The outcome of the review", 2)
    values_if_set(doc, "review_late_apology")
    para(doc, ("{{ outcome_label }}", "bold"))
    para(doc, "{{ outcome_meaning }}")
    with only_if(doc, "changed_parts", otherwise=fixed_text("review_all_stands")):
        prose(doc, "review_changed_lead")
        with for_each(doc, "p in changed_parts"):
            para(doc, "{{ p }}", style="List Bullet")
    heading(doc, "Our reasons", 2)
    para(doc, "{{ reasons }}")
