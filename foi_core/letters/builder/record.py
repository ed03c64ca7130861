"""The reasoning record's layout (templates/reasoning_record.docx), kept and never sent."""

from __future__ import annotations

from docx.document import Document as DocumentObject

from foi_core.letters.builder.docx import (
    for_each,
    heading,
    labelled_fields,
    only_if,
    para,
    preserve_spaces,
    section,
    table,
)
from foi_core.letters.builder.parts import cost_table, page_header_footer, prose
from foi_core.letters.builder.styles import new_document
from foi_core.letters.builder.wording import fixed_text


def build_reasoning_record() -> DocumentObject:
    """Every step of the reasoning, who decided and when, the findings and the audit trail."""
    doc = new_document("Reasoning record")
    page_header_footer(doc)
    para(doc, "Reasoning record", style="Title")
    para(doc, "{{ our_ref }}", "{% if case_title %}", ": ", "{{ case_title }}", "{% endif %}",
         style="Subtitle")  # fmt: skip
    prose(doc, "record_intro")
    labelled_fields(
        doc,
        [
            ("Organisation: ", "organisation.name"),
            ("Our reference: ", "our_ref"),
            ("Status: ", "status"),
            ("Decision maker: ", "decision_maker"),
            ("Letter date: ", "date"),
            ("Record generated: ", "generated_at"),
            ("Their reference: ", "their_ref"),
        ],
        style="Address Block",
    )

    heading(doc, "The requester", 2)
    prose(doc, "record_requester_note")
    _request_and_items(doc)
    _time_limits(doc)

    heading(doc, "Exemptions and other provisions", 2)
    with for_each(doc, "c in record_claims", otherwise=fixed_text("record_no_claims")):
        _record_claim(doc)

    with section(doc, "overall_harm", "Overall harm", 2):
        para(doc, "{{ overall_harm }}")

    with section(doc, "aggregates", "Combined balances", 2), for_each(doc, "g in aggregates"):
        heading(doc, ["Weighed together: ", "{{ g.citations }}"], 3)
        para(doc, ("Questions: ", "bold"), "{{ g.questions }}")
        para(doc, ("Conclusion: ", "bold"), "{{ g.conclusion_sentence }}")
        _decision_fields(doc, "g")

    with section(doc, "cost_recorded", "Cost estimate (section 12)", 2):
        cost_table(doc)
        prose(doc, "record_cost_total")
        labelled_fields(
            doc, [("Method: ", "cost.method"), ("Advice given (section 16): ", "cost.s16_advice")]
        )
    _findings_letters_audit(doc)
    preserve_spaces(doc)
    return doc


def _request_and_items(doc: DocumentObject) -> None:
    heading(doc, "The request", 2)
    para(doc, ("Received: ", "bold"), "{{ received }}")
    labelled_fields(doc, [("Request as received: ", "request_text"), ("Searches: ", "searches")])

    heading(doc, "Items and outcomes", 2)
    with for_each(doc, "i in record_items"):
        heading(doc, ["Question ", "{{ i.number }}", ": ", "{{ i.outcome }}"], 3)
        para(doc, "{{ i.text }}", style="Detail")
        labelled_fields(
            doc,
            [
                ("Answer: ", "i.answer"),
                ("Where to find it: ", "i.where_to_find"),
                ("Searches: ", "i.searches"),
                ("Notes: ", "i.notes"),
            ],
        )


def _time_limits(doc: DocumentObject) -> None:
    heading(doc, "Time limits", 2)
    table(
        doc,
        ["Step", "Date or detail"],
        "t in timeline",
        ["{{ t.label }}", "{{ t.value }}"],
        widths_cm=[6.0, 10.0],
    )
    with for_each(doc, "n in deadline_notes"):
        para(doc, "{{ n }}", style="List Bullet")
    with for_each(doc, "w in deadline_warnings"):
        para(doc, ("Warning: ", "bold"), "{{ w }}", style="List Bullet")


def _findings_letters_audit(doc: DocumentObject) -> None:
    heading(doc, "Checker findings when this record was made", 2)
    with only_if(doc, "findings", otherwise=fixed_text("record_no_findings")):
        table(
            doc,
            ["Severity", "Problem", "How to fix it", "Provision"],
            "f in findings",
            ["{{ f.severity }}", "{{ f.message }}", "{{ f.fix }}", "{{ f.provision }}"],
            widths_cm=[2.0, 6.5, 5.5, 2.0],
        )

    heading(doc, "Letters issued", 2)
    with only_if(doc, "issued", otherwise=fixed_text("record_no_letters")):
        table(
            doc,
            ["Letter", "Issued", "Template", "Template SHA-256", "Document SHA-256", "Draft"],
            "l in issued",
            [
                "{{ l.kind }}",
                "{{ l.issued_at }}",
                "{{ l.template_name }}",
                "{{ l.template_sha256 }}",
                "{{ l.document_sha256 }}",
                "{{ l.draft }}",
            ],
        )

    heading(doc, "Audit trail", 2)
    with only_if(doc, "audit", otherwise=fixed_text("record_no_audit")):
        table(
            doc,
            ["When", "Who", "Action", "Summary"],
            "e in audit",
            ["{{ e.at }}", "{{ e.actor }}", "{{ e.action }}", "{{ e.summary }}"],
            widths_cm=[3.2, 2.8, 2.5, 7.5],
        )


def _decision_fields(doc: DocumentObject, prefix: str) -> None:
    """The reasoning of a balance and who decided it when (``prefix`` is c.balance or g)."""
    labelled_fields(
        doc,
        [
            ("Reasoning: ", f"{prefix}.reasoning"),
            ("Decided by: ", f"{prefix}.decided_by"),
            ("Decided on: ", f"{prefix}.decided_on"),
        ],
    )


def _record_claim(doc: DocumentObject) -> None:
    """Inside the record's claim loop: everything recorded about one claim ``c``."""
    heading(doc, "{{ c.heading }}", 3)
    labelled_fields(
        doc,
        [
            ("Citation recorded: ", "c.citation"),
            ("Provision relied on: ", "c.cited"),
            ("Use: ", "c.mode_label"),
            ("Questions: ", "c.questions"),
            ("Classification: ", "c.classification"),
            ("Test: ", "c.test"),
            ("What that means: ", "c.explanation"),
            ("In the alternative: ", "c.alternative_note"),
            ("Notes: ", "c.notes"),
        ],
    )
    with section(doc, "c.harm.shown or c.prompt_answers", "Harm", 4):
        labelled_fields(
            doc,
            [
                ("Interest harmed: ", "c.harm.interest"),
                ("Causal chain: ", "c.harm.causal_chain"),
                ("Likelihood: ", "c.harm.likelihood"),
                ("Mosaic effect: ", "c.harm.mosaic"),
                ("Precedent: ", "c.harm.precedent"),
                ("Evidence: ", "c.harm.evidence"),
            ],
        )
        with for_each(doc, "q in c.prompt_answers"):
            para(doc, ("{{ q.label }}", "bold"))
            para(doc, "{{ q.text }}", style="Detail")
    with section(doc, "c.qp_opinion.shown", "Qualified person's opinion (section 36)", 4):
        labelled_fields(
            doc,
            [
                ("Name: ", "c.qp_opinion.name"),
                ("Role: ", "c.qp_opinion.role"),
                ("Date of opinion: ", "c.qp_opinion.opinion_date"),
                ("Limb: ", "c.qp_opinion.limb"),
                ("Reasons: ", "c.qp_opinion.reasons"),
            ],
        )
    with section(doc, "c.legitimate_interests.shown", "Legitimate interests (section 40)", 4):
        labelled_fields(
            doc,
            [
                ("Legitimate interest: ", "c.legitimate_interests.legitimate_interest"),
                ("Necessity: ", "c.legitimate_interests.necessity"),
                ("Balancing: ", "c.legitimate_interests.balancing"),
                ("Disclosure lawful: ", "c.legitimate_interests.lawful"),
            ],
        )
    with section(doc, "c.all_factors", "Public interest factors", 4):
        table(
            doc,
            ["Side", "Factor", "Rationale", "Weight", "Library"],
            "f in c.all_factors",
            [
                "{{ f.side }}",
                "{{ f.text }}",
                "{{ f.rationale }}",
                "{{ f.weight }}",
                "{{ f.library_id }}",
            ],
            widths_cm=[1.8, 6.0, 5.0, 1.9, 1.3],
        )
    with section(doc, "c.balance.shown", "Balance", 4):
        para(doc, ("Conclusion: ", "bold"), "{{ c.balance.conclusion_sentence }}")
        _decision_fields(doc, "c.balance")
