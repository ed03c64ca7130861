"""The response letter's layout (templates/response_letter.docx)."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from foi_core.letters.builder.docx import (
    for_each,
    heading,
    labelled,
    only_if,
    para,
    preserve_spaces,
    section,
    values_if_set,
)
from foi_core.letters.builder.parts import (
    composed,
    cost_table,
    open_letter,
    prose,
    prose_when,
    request_items,
    rights_and_sign_off,
)

# Section 14 refusals: (context key, heading, fixed paragraph id).
S14_SECTIONS = (
    ("vexatious", "Vexatious request (section 14(1))", "s14_vexatious"),
    ("repeated", "Repeated request (section 14(2))", "s14_repeated"),
)


def build_response_letter() -> DocumentObject:
    """The letter that answers the request: answers, exemptions, harm, balance, rights."""
    doc = open_letter("Response to a request for information", "opening_response")
    prose_when(doc, "applicant_blind", "applicant_blind")
    request_items(doc)
    values_if_set(doc, "clarification")
    answer_sections(doc)
    rights_and_sign_off(doc)
    preserve_spaces(doc)
    return doc


def answer_sections(doc: DocumentObject) -> None:
    """The answer and, where anything is refused, the s17 content: searches, each question's
    answer, exemptions, harm, public interest, personal information, balance, NCND caveat, s12
    and s14 (the review outcome letter uses them too)."""
    _searches(doc)
    _answers(doc)
    _exemptions(doc)
    _harm(doc)
    _public_interest(doc)
    _personal_information(doc)
    _balance(doc)
    with section(doc, "ncnd_caveat", "No inference", 2):
        para(doc, "{{ ncnd_caveat }}")
    _cost_section(doc)
    _s14_sections(doc)


def _searches(doc: DocumentObject) -> None:
    with section(doc, "show_searches", "Our searches", 2):
        values_if_set(doc, "searches")
        with for_each(doc, "s in item_searches"):
            para(doc, ("{{ s.label }}", "bold"), ": ", "{{ s.text }}")


def _answers(doc: DocumentObject) -> None:
    heading(doc, "Our response", 2)
    values_if_set(doc, "late_apology")
    with for_each(doc, "a in answers"):
        para(doc, "{{ a.label }}", style="Answer Label")
        composed(doc, "a.paragraphs")
        with only_if(doc, "a.discretionary"):
            prose(doc, "discretionary_lead")
            para(doc, "{{ a.discretionary }}", style="Detail")


def _exemptions(doc: DocumentObject) -> None:
    with section(doc, "show_exemptions", "The exemptions we rely on", 2):
        prose(doc, "s17_explanation")
        with only_if(doc, "any_withheld"):
            prose(doc, "exemptions_lead")
            _claim_lines(doc, "not c.ncnd", "withheld_classes")
        with only_if(doc, "ncnd_questions"):
            prose(doc, "ncnd_lead")
            _claim_lines(doc, "c.ncnd", "ncnd_classes")


def _claim_lines(doc: DocumentObject, condition: str, classes: str) -> None:
    """The bullet naming each claim for which ``condition`` holds, then what kinds they are."""
    with for_each(doc, "c in claims"), only_if(doc, condition):
        para(doc, "{{ c.line }}", style="List Bullet")
    with for_each(doc, f"s in {classes}"):
        para(doc, "{{ s }}")


def _harm(doc: DocumentObject) -> None:
    with section(doc, "harm_heading", "{{ harm_heading }}", 2):
        values_if_set(doc, "overall_harm")
        with for_each(doc, "c in claims"), only_if(doc, "c.harm"):
            heading(doc, "{{ c.heading }}", 3)
            composed(doc, "c.harm")


def _public_interest(doc: DocumentObject) -> None:
    with section(doc, "show_factors", "The public interest test", 2), for_each(doc, "c in claims"):
        composed(doc, "c.factors")


def _personal_information(doc: DocumentObject) -> None:
    with section(doc, "s40_intro", "Personal information", 2):
        para(doc, "{{ s40_intro }}")
        with for_each(doc, "c in claims"):
            composed(doc, "c.personal")


def _balance(doc: DocumentObject) -> None:
    with section(doc, "show_balance", "The balance and our conclusion", 2):
        with for_each(doc, "c in claims"):
            composed(doc, "c.balance")
        with for_each(doc, "s in conclusions"):
            para(doc, "{{ s }}")
        with for_each(doc, "g in aggregates"):
            para(doc, ("Weighing the exemptions together: ", "bold"), ("{{ g.citations }}", "bold"))
            para(doc, "{{ g.statement }}")
            para(doc, "{{ g.conclusion_sentence }}")
            values_if_set(doc, "g.reasoning")


def _cost_section(doc: DocumentObject) -> None:
    with section(doc, "cost.shown", "The cost limit (section 12)", 2):
        prose(doc, "s12_intro")
        prose_when(doc, "cost.questions", "s12_applies")
        with only_if(doc, "cost.total_hours"):
            prose(doc, "s12_limit")
            cost_table(doc)
            prose(doc, "s12_total")
            labelled(doc, "cost.method", "How we made the estimate: ", "cost.method")
        with section(doc, "cost.s16_advice", "Advice on narrowing your request (section 16)", 3):
            para(doc, "{{ cost.s16_advice }}")


def _s14_sections(doc: DocumentObject) -> None:
    for key, title, paragraph_id in S14_SECTIONS:
        with only_if(doc, f"{key}.shown"):
            heading(doc, title, 2)
            prose(doc, paragraph_id)
            values_if_set(doc, f"{key}.reasons")
