"""The response letter's layout (templates/response_letter.docx)."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from foi_core.letters.builder.docx import (
    for_each,
    heading,
    labelled,
    labelled_fields,
    only_if,
    para,
    preserve_spaces,
    section,
    values_if_set,
    when,
)
from foi_core.letters.builder.parts import (
    claim_line,
    cost_table,
    open_letter,
    prose,
    prose_when,
    request_items,
    rights_and_sign_off,
)
from foi_core.letters.builder.wording import fixed_text

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
    _searches(doc)
    _answers(doc)
    _exemptions(doc)
    _harm(doc)
    _public_interest(doc)
    _personal_information(doc)
    _balance(doc)
    with section(doc, "has_ncnd", "No inference", 2):
        prose(doc, "no_inference")
    _cost_section(doc)
    _s14_sections(doc)
    rights_and_sign_off(doc)
    preserve_spaces(doc)
    return doc


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
        values_if_set(doc, "a.lead", "a.answer")
        with only_if(doc, "a.where_to_find"):
            para(doc, "{{ a.where_lead }}")
            para(doc, "{{ a.where_to_find }}", style="Detail")
        values_if_set(doc, "a.refusal")


def _exemptions(doc: DocumentObject) -> None:
    with section(doc, "show_exemptions", "The exemptions we rely on", 2):
        prose(doc, "s17_explanation")
        with only_if(doc, "withheld_claims"):
            prose(doc, "exemptions_lead")
            with for_each(doc, "c in withheld_claims"):
                _claim_details(doc)
        with only_if(doc, "ncnd_claims"):
            prose(doc, "ncnd_lead")
            with for_each(doc, "c in ncnd_claims"):
                _claim_details(doc)
            prose(doc, "ncnd_caveat")


def _claim_details(doc: DocumentObject) -> None:
    """Inside a claim loop: the bullet, what kind of exemption it is, and any notes."""
    claim_line(doc)
    values_if_set(doc, "c.explanation", "c.alternative_note", style="Detail")
    when(doc, "c.qp_opinion.shown", "{{ c.qp_opinion.sentence }}", style="Detail")
    values_if_set(doc, "c.notes", style="Detail")


def _harm(doc: DocumentObject) -> None:
    with section(doc, "show_harm", "{{ harm_heading }}", 2):
        values_if_set(doc, "overall_harm")
        with for_each(doc, "c in harm_claims"):
            heading(doc, "{{ c.heading }}", 3)
            labelled_fields(
                doc,
                [
                    ("The interest that would be harmed: ", "c.harm.interest"),
                    ("How the harm would come about: ", "c.harm.causal_chain"),
                ],
            )
            values_if_set(doc, "c.harm.likelihood_sentence")
            labelled_fields(
                doc,
                [
                    ("Combined with other information: ", "c.harm.mosaic"),
                    ("The precedent it would set: ", "c.harm.precedent"),
                    ("Evidence: ", "c.harm.evidence"),
                ],
            )


def _public_interest(doc: DocumentObject) -> None:
    with section(doc, "pit_claims", "The public interest test", 2):
        prose(doc, "pit_intro")
        with for_each(doc, "c in pit_claims"):
            for side in ("for", "against"):
                heading(doc, f"{{{{ c.pit.{side}_heading }}}}", 3)
                with for_each(
                    doc, f"f in c.pit.factors_{side}", otherwise=fixed_text("pit_no_factors")
                ):
                    para(doc, "{{ f.text }}", style="List Bullet")
                    values_if_set(doc, "f.rationale", style="Detail")


def _personal_information(doc: DocumentObject) -> None:
    with section(doc, "s40_claims", "Personal information", 2):
        prose(doc, "s40_intro")
        with for_each(doc, "c in s40_claims"):
            heading(doc, "{{ c.heading }}", 3)
            li = "c.legitimate_interests"
            labelled_fields(
                doc,
                [
                    ("Legitimate interest: ", f"{li}.legitimate_interest"),
                    ("Necessity: ", f"{li}.necessity"),
                    ("Balancing the interests: ", f"{li}.balancing"),
                ],
            )
            values_if_set(doc, f"{li}.conclusion_sentence")


def _balance(doc: DocumentObject) -> None:
    with section(doc, "show_balance", "The balance and our conclusion", 2):
        with for_each(doc, "c in balance_claims"):
            heading(doc, "{{ c.heading }}", 3)
            para(doc, "{{ c.balance.conclusion_sentence }}")
            values_if_set(doc, "c.balance.reasoning")
        with for_each(doc, "g in aggregates"):
            heading(doc, ["Weighing the exemptions together: ", "{{ g.citations }}"], 3)
            para(doc, "{{ g.statement }}")
            para(doc, "{{ g.conclusion_sentence }}")
            values_if_set(doc, "g.reasoning")


def _cost_section(doc: DocumentObject) -> None:
    with section(doc, "cost.shown", "The cost limit (section 12)", 2):
        prose(doc, "s12_intro")
        prose_when(doc, "cost.questions", "s12_applies")
        values_if_set(doc, "cost.reasons")
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
