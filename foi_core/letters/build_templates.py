"""Build the default .docx templates: ``python -m foi_core.letters.build_templates``.

Every Jinja tag is written into a run (or a paragraph) of its own, so Word never splits a tag.
The fixed wording of the letters lives here, in plain English; an organisation may restyle or
reword the built files in Word, or supply its own template. Organisation-specific text comes from
the profile through ``organisation.*``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from foi_core.letters.paths import (
    PIT_EXTENSION_TEMPLATE,
    RECORD_TEMPLATE,
    RESPONSE_TEMPLATE,
    TEMPLATES_DIR,
)

FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
DARK = RGBColor(0x1F, 0x1F, 0x1F)
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

Piece = str | tuple[str, str]  # text, or (text, "bold" / "italic")


# --- Low-level helpers -----------------------------------------------------------------------


def _runs(paragraph: Paragraph, pieces: Sequence[Piece]) -> Paragraph:
    for piece in pieces:
        text, look = (piece, "") if isinstance(piece, str) else piece
        run = paragraph.add_run(text)
        run.bold = True if look == "bold" else None
        run.italic = True if look == "italic" else None
    return paragraph


def para(doc, *pieces: Piece, style: str | None = None) -> Paragraph:
    """A paragraph made of runs: plain text, a tag, or (text, 'bold')."""
    paragraph = doc.add_paragraph(style=style)
    return _runs(paragraph, pieces)


def tag(doc, statement: str) -> Paragraph:
    """A paragraph holding a single docxtpl paragraph tag, e.g. '{%p if x %}'."""
    return doc.add_paragraph(statement)


def when(doc, condition: str, *pieces: Piece, style: str | None = None) -> None:
    """A paragraph shown only when ``condition`` holds."""
    tag(doc, f"{{%p if {condition} %}}")
    para(doc, *pieces, style=style)
    tag(doc, "{%p endif %}")


def labelled(doc, condition: str, label: str, value: str, style: str | None = None) -> None:
    """'Label: value' in one paragraph, shown only when ``condition`` holds."""
    when(doc, condition, (label, "bold"), f"{{{{ {value} }}}}", style=style)


def heading(doc, text: str | Sequence[Piece], level: int) -> Paragraph:
    paragraph = doc.add_paragraph(style=f"Heading {level}")
    return _runs(paragraph, [text] if isinstance(text, str) else text)


def table(
    doc,
    headers: Sequence[str],
    loop: str,
    cells: Sequence[str],
    widths_cm: Sequence[float] | None = None,
) -> Table:
    """A table with a header row and one row repeated by ``{%tr for ... %}``."""
    grid = doc.add_table(rows=4, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    if widths_cm:
        grid.autofit = False
        for column, width in zip(grid.columns, widths_cm, strict=True):
            column.width = Cm(width)
            for cell in column.cells:
                cell.width = Cm(width)
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        cell.text = ""
        _runs(cell.paragraphs[0], [(text, "bold")])
    header_row = grid.rows[0]._tr.get_or_add_trPr()
    header_row.append(OxmlElement("w:tblHeader"))  # repeat the header row on each page
    grid.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
    for cell, text in zip(grid.rows[2].cells, cells, strict=True):
        cell.text = text
    grid.rows[3].cells[0].text = "{%tr endfor %}"
    return grid


def _page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (the page number) to a paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _plain_font(style) -> None:
    """Use the style's own font, not the theme's, and normal letter spacing."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
    for spacing in rpr.findall(qn("w:spacing")):
        rpr.remove(spacing)


def _preserve_spaces(doc: DocumentObject) -> None:
    """Mark every text node xml:space="preserve" so leading spaces in user text are kept."""
    parts = [doc.element]
    for section in doc.sections:
        parts += [section.header._element, section.footer._element]
    for part in parts:
        for node in part.iter(qn("w:t")):
            node.set(qn("xml:space"), "preserve")


# --- Document set-up ---------------------------------------------------------------------------


def _new_document(title: str) -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)

    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    for name, size in (("Title", 16), ("Subtitle", 12)):
        style = styles[name]
        style.font.name, style.font.size, style.font.color.rgb = FONT, Pt(size), DARK
        style.font.bold = name == "Title"
        style.font.italic = False
        _plain_font(style)
    for level, size in ((1, 14), (2, 12.5), (3, 11.5), (4, 11)):
        style = styles[f"Heading {level}"]
        style.font.name, style.font.size, style.font.color.rgb = FONT, Pt(size), DARK
        style.font.bold = True
        style.font.italic = False
        _plain_font(style)
        style.paragraph_format.space_before = Pt(12 if level <= 2 else 8)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True

    def add_style(name: str, base: str = "Normal") -> object:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        return style

    item = add_style("Request Item")
    item.font.italic = True
    item.paragraph_format.left_indent = Cm(1.0)
    item.paragraph_format.first_line_indent = Cm(-0.8)
    item.paragraph_format.tab_stops.add_tab_stop(Cm(1.0), WD_TAB_ALIGNMENT.LEFT)

    detail = add_style("Detail")
    detail.paragraph_format.left_indent = Cm(0.8)

    label = add_style("Answer Label")
    label.font.bold = True
    label.paragraph_format.space_before = Pt(6)
    label.paragraph_format.keep_with_next = True

    address = add_style("Address Block")
    address.paragraph_format.space_after = Pt(0)

    draft = add_style("Draft Marker")
    draft.font.bold, draft.font.size, draft.font.color.rgb = True, Pt(16), DRAFT_RED
    draft.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    small = add_style("Small Print")
    small.font.size = Pt(9)

    props = doc.core_properties
    props.title = title
    props.author = "FOI Public Interest Test Assistant"
    props.last_modified_by = "FOI Public Interest Test Assistant"
    props.subject = "Freedom of Information Act 2000"
    props.comments = "Built by python -m foi_core.letters.build_templates"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    return doc


def _page_header_footer(doc: DocumentObject) -> None:
    section = doc.sections[0]
    header = section.header
    first = header.paragraphs[0]
    first.text = "{%p if draft %}"
    para(header, "{{ draft_marker }}", style="Draft Marker")
    tag(header, "{%p endif %}")
    line = para(header, "{{ organisation.name }}", "\t", "Our reference: ", "{{ our_ref }}")
    line.paragraph_format.tab_stops.add_tab_stop(Cm(16.0), WD_TAB_ALIGNMENT.RIGHT)
    for run in line.runs:
        run.font.size = Pt(9)

    footer = section.footer
    last = footer.paragraphs[0]
    _runs(last, ["{{ organisation.name }}", " · ", "{{ our_ref }}", " · Page "])
    _page_field(last)
    last.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in last.runs:
        run.font.size = Pt(9)


def _address_block(doc: DocumentObject) -> None:
    when(doc, "draft", "{{ draft_marker }}", style="Draft Marker")
    when(doc, "organisation.has_logo", "{{ logo }}")
    para(doc, ("{{ organisation.name }}", "bold"), style="Address Block")
    when(doc, "organisation.unit", "{{ organisation.unit }}", style="Address Block")
    when(doc, "organisation.address", "{{ organisation.address }}", style="Address Block")
    labelled(doc, "organisation.email", "Email: ", "organisation.email", style="Address Block")
    labelled(doc, "organisation.phone", "Telephone: ", "organisation.phone", "Address Block")
    labelled(doc, "organisation.website", "Website: ", "organisation.website", "Address Block")
    para(doc)
    when(doc, "requester.name", "{{ requester.name }}", style="Address Block")
    when(doc, "requester.address", "{{ requester.address }}", style="Address Block")
    when(doc, "requester.contact", "{{ requester.contact }}", style="Address Block")
    para(doc)
    para(doc, ("Our reference: ", "bold"), "{{ our_ref }}", style="Address Block")
    labelled(doc, "their_ref", "Your reference: ", "their_ref", style="Address Block")
    para(doc, ("Date: ", "bold"), "{{ date }}", style="Address Block")


def _title(doc: DocumentObject) -> None:
    para(doc, "Freedom of Information Act 2000", style="Title")
    para(doc, "{{ document_title }}", style="Subtitle")
    tag(doc, "{%p if requester.name %}")
    para(doc, "Dear ", "{{ requester.name }}", ",")
    tag(doc, "{%p else %}")
    para(doc, "Dear requester,")
    tag(doc, "{%p endif %}")


def _request_items(doc: DocumentObject) -> None:
    heading(doc, "Your request", 2)
    tag(doc, "{%p if items %}")
    para(doc, "You asked for the following information:")
    tag(doc, "{%p for item in items %}")
    para(doc, "{{ item.number }}", ".\t", "{{ item.text }}", style="Request Item")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    para(doc, "You asked for the following information:")
    para(doc, "{{ request_text }}", style="Detail")
    tag(doc, "{%p endif %}")


def _rights_and_sign_off(doc: DocumentObject, copyright_notice: bool = True) -> None:
    heading(doc, "Your right to ask for a review", 2)
    para(doc, "{{ organisation.review_procedure }}")
    heading(doc, "Your right to complain to the Information Commissioner", 2)
    para(doc, "{{ organisation.ico_details }}")
    para(doc)
    para(doc, "Yours sincerely")
    para(doc)
    when(doc, "organisation.signatory_name", ("{{ organisation.signatory_name }}", "bold"))
    for field in ("signatory_role", "unit", "name"):
        when(doc, f"organisation.{field}", f"{{{{ organisation.{field} }}}}", style="Address Block")
    if copyright_notice:
        heading(doc, "Copyright and re-use", 2)
        para(doc, "{{ organisation.copyright_notice }}", style="Small Print")


def _claim_line(doc: DocumentObject) -> None:
    """The bullet naming one claim: heading, NCND reference, questions (inside a claim loop)."""
    para(
        doc,
        ("{{ c.heading }}", "bold"),
        "{% if c.reference_note %}",
        " (",
        "{{ c.reference_note }}",
        ")",
        "{% endif %}",
        ": ",
        "{{ c.questions }}",
        style="List Bullet",
    )


# --- The response letter -----------------------------------------------------------------------


def build_response_letter() -> DocumentObject:
    doc = _new_document("Response to a request for information")
    _page_header_footer(doc)
    _address_block(doc)
    _title(doc)

    para(
        doc,
        "Thank you for your request for information, which we received on ",
        "{{ received }}",
        ". We have dealt with it under the Freedom of Information Act 2000 (the Act).",
    )
    when(
        doc,
        "applicant_blind",
        "The Act is applicant-blind and motive-blind: we cannot take into account who you are or "
        "why you want the information. Anything we disclose under the Act is, in effect, "
        "disclosed to the world, so we must ask whether the information is fit to be made "
        "public, not what any one person would do with it.",
    )

    _request_items(doc)

    tag(doc, "{%p if show_searches %}")
    heading(doc, "Our searches", 2)
    when(doc, "searches", "{{ searches }}")
    tag(doc, "{%p for s in item_searches %}")
    para(doc, ("{{ s.label }}", "bold"), ": ", "{{ s.text }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    heading(doc, "Our response", 2)
    tag(doc, "{%p for a in answers %}")
    para(doc, "{{ a.label }}", style="Answer Label")
    when(doc, "a.lead", "{{ a.lead }}")
    when(doc, "a.answer", "{{ a.answer }}")
    tag(doc, "{%p if a.where_to_find %}")
    para(doc, "{{ a.where_lead }}")
    para(doc, "{{ a.where_to_find }}", style="Detail")
    tag(doc, "{%p endif %}")
    when(doc, "a.refusal", "{{ a.refusal }}")
    tag(doc, "{%p endfor %}")

    tag(doc, "{%p if show_exemptions %}")
    heading(doc, "The exemptions we rely on", 2)
    para(
        doc,
        "When we refuse any part of a request, section 17 of the Act requires us to tell you so, "
        "to name the exemption we rely on and, unless it is obvious, to explain why it applies. "
        "This part of our letter does that.",
    )
    tag(doc, "{%p if withheld_claims %}")
    para(doc, "We rely on these exemptions:")
    tag(doc, "{%p for c in withheld_claims %}")
    _claim_details(doc)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ncnd_claims %}")
    para(
        doc,
        "The duty in section 1(1)(a) of the Act to tell you whether we hold information does not "
        "apply to ",
        "{{ ncnd_questions }}",
        " of your request, because of these provisions:",
    )
    tag(doc, "{%p for c in ncnd_claims %}")
    _claim_details(doc)
    tag(doc, "{%p endfor %}")
    para(
        doc,
        "This should not be taken as an indication that information of the kind you asked for "
        "is, or is not, held.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if show_harm %}")
    heading(doc, "{{ harm_heading }}", 2)
    when(doc, "overall_harm", "{{ overall_harm }}")
    tag(doc, "{%p for c in harm_claims %}")
    heading(doc, "{{ c.heading }}", 3)
    labelled(doc, "c.harm.interest", "The interest that would be harmed: ", "c.harm.interest")
    labelled(doc, "c.harm.causal_chain", "How the harm would come about: ", "c.harm.causal_chain")
    when(doc, "c.harm.likelihood_sentence", "{{ c.harm.likelihood_sentence }}")
    labelled(doc, "c.harm.mosaic", "Combined with other information: ", "c.harm.mosaic")
    labelled(doc, "c.harm.precedent", "The precedent it would set: ", "c.harm.precedent")
    labelled(doc, "c.harm.evidence", "Evidence: ", "c.harm.evidence")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if pit_claims %}")
    heading(doc, "The public interest test", 2)
    para(
        doc,
        "For each qualified exemption we weighed, separately, the factors in favour of "
        "disclosure (or of confirming or denying) and the factors against.",
    )
    tag(doc, "{%p for c in pit_claims %}")
    for side in ("for", "against"):
        heading(doc, f"{{{{ c.pit.{side}_heading }}}}", 3)
        tag(doc, f"{{%p for f in c.pit.factors_{side} %}}")
        para(doc, "{{ f.text }}", style="List Bullet")
        when(doc, "f.rationale", "{{ f.rationale }}", style="Detail")
        tag(doc, "{%p else %}")
        para(doc, "We found no factors on this side.")
        tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if s40_claims %}")
    heading(doc, "Personal information", 2)
    para(
        doc,
        "Personal information may be released under the Act only where that would be lawful "
        "under data protection law. Here that means a legitimate interest in the information "
        "must be shown, release must be necessary to meet it, and it must not be overridden by "
        "the rights and freedoms of the people the information is about (Article 6(1)(f) UK "
        "GDPR).",
    )
    tag(doc, "{%p for c in s40_claims %}")
    heading(doc, "{{ c.heading }}", 3)
    li = "c.legitimate_interests"
    labelled(doc, f"{li}.legitimate_interest", "Legitimate interest: ", f"{li}.legitimate_interest")
    labelled(doc, f"{li}.necessity", "Necessity: ", f"{li}.necessity")
    labelled(doc, f"{li}.balancing", "Balancing the interests: ", f"{li}.balancing")
    when(doc, f"{li}.conclusion_sentence", f"{{{{ {li}.conclusion_sentence }}}}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if show_balance %}")
    heading(doc, "The balance and our conclusion", 2)
    tag(doc, "{%p for c in balance_claims %}")
    heading(doc, "{{ c.heading }}", 3)
    para(doc, "{{ c.balance.conclusion_sentence }}")
    when(doc, "c.balance.reasoning", "{{ c.balance.reasoning }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for g in aggregates %}")
    heading(doc, ["Weighing the exemptions together: ", "{{ g.citations }}"], 3)
    para(doc, "{{ g.statement }}")
    para(doc, "{{ g.conclusion_sentence }}")
    when(doc, "g.reasoning", "{{ g.reasoning }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if has_ncnd %}")
    heading(doc, "No inference", 2)
    para(
        doc,
        "Nothing in this letter should be read as a sign that any information relevant to your "
        "request does, or does not, exist. We would give the same answer whatever the position.",
    )
    tag(doc, "{%p endif %}")

    _cost_section(doc)
    _s14_sections(doc)
    _rights_and_sign_off(doc)
    _preserve_spaces(doc)
    return doc


def _claim_details(doc: DocumentObject) -> None:
    """Inside a claim loop: the bullet, what kind of exemption it is, and any notes."""
    _claim_line(doc)
    when(doc, "c.explanation", "{{ c.explanation }}", style="Detail")
    when(doc, "c.alternative_note", "{{ c.alternative_note }}", style="Detail")
    when(doc, "c.qp_opinion.shown", "{{ c.qp_opinion.sentence }}", style="Detail")
    when(doc, "c.notes", "{{ c.notes }}", style="Detail")


def _cost_section(doc: DocumentObject) -> None:
    tag(doc, "{%p if cost.shown %}")
    heading(doc, "The cost limit (section 12)", 2)
    para(
        doc,
        "Section 12 of the Act means we do not have to comply with a request where we estimate "
        "that complying would cost more than the appropriate limit set by the Freedom of "
        "Information and Data Protection (Appropriate Limit and Fees) Regulations 2004. Only "
        "the time needed to work out whether we hold the information, and to find, retrieve and "
        "extract it, may be counted.",
    )
    when(doc, "cost.questions", "This applies to ", "{{ cost.questions }}", " of your request.")
    when(doc, "cost.reasons", "{{ cost.reasons }}")
    tag(doc, "{%p if cost.total_hours %}")
    para(
        doc,
        "For us the limit is ",
        "{{ cost.limit_pounds }}",
        ", which is ",
        "{{ cost.limit_hours }}",
        " of work at ",
        "{{ cost.hourly_rate }}",
        " an hour. Our estimate is:",
    )
    table(
        doc,
        ["Activity", "What it involves", "Records", "Time each", "Total"],
        "line in cost.lines",
        [
            "{{ line.activity }}",
            "{{ line.description }}",
            "{{ line.records }}",
            "{{ line.minutes_each }}",
            "{{ line.total }}",
        ],
        widths_cm=[3.4, 6.2, 2.0, 2.4, 2.0],
    )
    para(doc)
    para(
        doc,
        "In total we estimate ",
        ("{{ cost.total_hours }}", "bold"),
        " of work, costing ",
        "{{ cost.total_cost }}",
        ", against the limit of ",
        "{{ cost.limit_hours }}",
        " (",
        "{{ cost.limit_pounds }}",
        ").",
    )
    labelled(doc, "cost.method", "How we made the estimate: ", "cost.method")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if cost.s16_advice %}")
    heading(doc, "Advice on narrowing your request (section 16)", 3)
    para(doc, "{{ cost.s16_advice }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")


def _s14_sections(doc: DocumentObject) -> None:
    tag(doc, "{%p if vexatious.shown %}")
    heading(doc, "Vexatious request (section 14(1))", 2)
    para(
        doc,
        "Section 14(1) of the Act says we do not have to comply with a request that is "
        "vexatious, meaning one likely to cause a disproportionate or unjustified level of "
        "disruption, irritation or distress. We consider your request vexatious as far as it "
        "concerns ",
        "{{ vexatious.questions }}",
        ", and we are refusing that part under that section. It is the request, not you, that "
        "we have judged.",
    )
    when(doc, "vexatious.reasons", "{{ vexatious.reasons }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if repeated.shown %}")
    heading(doc, "Repeated request (section 14(2))", 2)
    para(
        doc,
        "Section 14(2) of the Act says we do not have to comply with a request that is the same "
        "as, or substantially similar to, an earlier request from the same person, unless a "
        "reasonable interval has passed. We are refusing ",
        "{{ repeated.questions }}",
        " under that section.",
    )
    when(doc, "repeated.reasons", "{{ repeated.reasons }}")
    tag(doc, "{%p endif %}")


# --- The PIT extension letter ------------------------------------------------------------------


def build_pit_extension_letter() -> DocumentObject:
    doc = _new_document("Public interest test extension")
    _page_header_footer(doc)
    _address_block(doc)
    _title(doc)
    para(
        doc,
        "Thank you for your request for information, which we received on ",
        "{{ received }}",
        ". We are dealing with it under the Freedom of Information Act 2000 (the Act).",
    )
    _request_items(doc)

    heading(doc, "Where we have got to", 2)
    tag(doc, "{%p if engaged_claims %}")
    para(doc, "We consider that the following qualified exemptions apply to your request:")
    tag(doc, "{%p for c in engaged_claims %}")
    _claim_line(doc)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    para(
        doc,
        "A qualified exemption allows us to refuse only if the public interest in maintaining "
        "it outweighs the public interest in disclosure (or, where we neither confirm nor deny, "
        "the public interest in confirming or denying). We need more time to weigh the public "
        "interest properly.",
    )

    heading(doc, "Why we need more time", 2)
    para(
        doc,
        "Section 10(3) of the Act allows us a reasonable extra period to consider the public "
        "interest. Section 17(2) requires us to tell you so within the normal time limit, to "
        "name the exemptions concerned and to estimate when we will reach a decision.",
    )
    when(doc, "reason", "{{ reason }}")

    heading(doc, "When we expect to reply", 2)
    para(
        doc,
        "The normal time limit for your request is ",
        "{{ original_due }}",
        ". We expect to reach our decision by ",
        ("{{ estimated_date }}", "bold"),
        ". If we find that we need longer, we will write to you again and explain why.",
    )
    _rights_and_sign_off(doc, copyright_notice=False)
    _preserve_spaces(doc)
    return doc


# --- The reasoning record ----------------------------------------------------------------------


def build_reasoning_record() -> DocumentObject:
    doc = _new_document("Reasoning record")
    _page_header_footer(doc)
    para(doc, "Reasoning record", style="Title")
    para(doc, "{{ our_ref }}", "{% if case_title %}", ": ", "{{ case_title }}", "{% endif %}",
         style="Subtitle")  # fmt: skip
    para(
        doc,
        "This record sets out every step of the reasoning on this request, who decided and "
        "when, for an internal review or for the Information Commissioner. It is not sent to "
        "the requester.",
    )
    for label, value in (
        ("Organisation: ", "organisation.name"),
        ("Our reference: ", "our_ref"),
        ("Status: ", "status"),
        ("Decision maker: ", "decision_maker"),
        ("Letter date: ", "date"),
        ("Record generated: ", "generated_at"),
    ):
        labelled(doc, value, label, value, style="Address Block")
    labelled(doc, "their_ref", "Their reference: ", "their_ref", style="Address Block")

    heading(doc, "Requester (personal data, kept apart from the reasoning)", 2)
    labelled(doc, "requester.name", "Name: ", "requester.name")
    labelled(doc, "requester.contact", "Contact: ", "requester.contact")
    labelled(doc, "requester.address", "Address: ", "requester.address")

    heading(doc, "The request", 2)
    para(doc, ("Received: ", "bold"), "{{ received }}")
    labelled(doc, "request_text", "Request as received: ", "request_text")
    labelled(doc, "searches", "Searches: ", "searches")

    heading(doc, "Items and outcomes", 2)
    tag(doc, "{%p for i in record_items %}")
    heading(doc, ["Question ", "{{ i.number }}", ": ", "{{ i.outcome }}"], 3)
    para(doc, "{{ i.text }}", style="Detail")
    labelled(doc, "i.answer", "Answer: ", "i.answer")
    labelled(doc, "i.where_to_find", "Where to find it: ", "i.where_to_find")
    labelled(doc, "i.searches", "Searches: ", "i.searches")
    labelled(doc, "i.notes", "Notes: ", "i.notes")
    tag(doc, "{%p endfor %}")

    heading(doc, "Time limits", 2)
    table(
        doc,
        ["Step", "Date or detail"],
        "t in timeline",
        ["{{ t.label }}", "{{ t.value }}"],
        widths_cm=[6.0, 10.0],
    )
    tag(doc, "{%p for n in deadline_notes %}")
    para(doc, "{{ n }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for w in deadline_warnings %}")
    para(doc, ("Warning: ", "bold"), "{{ w }}", style="List Bullet")
    tag(doc, "{%p endfor %}")

    heading(doc, "Exemptions and other provisions", 2)
    tag(doc, "{%p for c in record_claims %}")
    heading(doc, "{{ c.heading }}", 3)
    for label, value in (
        ("Citation recorded: ", "c.citation"),
        ("Provision relied on: ", "c.cited"),
        ("Use: ", "c.mode_label"),
        ("Questions: ", "c.questions"),
        ("Classification: ", "c.classification"),
        ("Test: ", "c.test"),
        ("What that means: ", "c.explanation"),
        ("In the alternative: ", "c.alternative_note"),
        ("Notes: ", "c.notes"),
    ):
        labelled(doc, value, label, value)
    tag(doc, "{%p if c.harm.shown or c.prompt_answers %}")
    heading(doc, "Harm", 4)
    for label, value in (
        ("Interest harmed: ", "c.harm.interest"),
        ("Causal chain: ", "c.harm.causal_chain"),
        ("Likelihood: ", "c.harm.likelihood"),
        ("Mosaic effect: ", "c.harm.mosaic"),
        ("Precedent: ", "c.harm.precedent"),
        ("Evidence: ", "c.harm.evidence"),
    ):
        labelled(doc, value, label, value)
    tag(doc, "{%p for q in c.prompt_answers %}")
    para(doc, ("{{ q.label }}", "bold"))
    para(doc, "{{ q.text }}", style="Detail")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if c.qp_opinion.shown %}")
    heading(doc, "Qualified person's opinion (section 36)", 4)
    for label, value in (
        ("Name: ", "c.qp_opinion.name"),
        ("Role: ", "c.qp_opinion.role"),
        ("Date of opinion: ", "c.qp_opinion.opinion_date"),
        ("Limb: ", "c.qp_opinion.limb"),
        ("Reasons: ", "c.qp_opinion.reasons"),
    ):
        labelled(doc, value, label, value)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if c.legitimate_interests.shown %}")
    heading(doc, "Legitimate interests (section 40)", 4)
    for label, value in (
        ("Legitimate interest: ", "c.legitimate_interests.legitimate_interest"),
        ("Necessity: ", "c.legitimate_interests.necessity"),
        ("Balancing: ", "c.legitimate_interests.balancing"),
        ("Disclosure lawful: ", "c.legitimate_interests.lawful"),
    ):
        labelled(doc, value, label, value)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if c.all_factors %}")
    heading(doc, "Public interest factors", 4)
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
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if c.balance.shown %}")
    heading(doc, "Balance", 4)
    para(doc, ("Conclusion: ", "bold"), "{{ c.balance.conclusion_sentence }}")
    labelled(doc, "c.balance.reasoning", "Reasoning: ", "c.balance.reasoning")
    labelled(doc, "c.balance.decided_by", "Decided by: ", "c.balance.decided_by")
    labelled(doc, "c.balance.decided_on", "Decided on: ", "c.balance.decided_on")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p else %}")
    para(doc, "No exemptions or other provisions recorded.")
    tag(doc, "{%p endfor %}")

    tag(doc, "{%p if overall_harm %}")
    heading(doc, "Overall harm", 2)
    para(doc, "{{ overall_harm }}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if aggregates %}")
    heading(doc, "Combined balances", 2)
    tag(doc, "{%p for g in aggregates %}")
    heading(doc, ["Weighed together: ", "{{ g.citations }}"], 3)
    para(doc, ("Questions: ", "bold"), "{{ g.questions }}")
    para(doc, ("Conclusion: ", "bold"), "{{ g.conclusion_sentence }}")
    labelled(doc, "g.reasoning", "Reasoning: ", "g.reasoning")
    labelled(doc, "g.decided_by", "Decided by: ", "g.decided_by")
    labelled(doc, "g.decided_on", "Decided on: ", "g.decided_on")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if cost_recorded %}")
    heading(doc, "Cost estimate (section 12)", 2)
    table(
        doc,
        ["Activity", "What it involves", "Records", "Time each", "Total"],
        "line in cost.lines",
        [
            "{{ line.activity }}",
            "{{ line.description }}",
            "{{ line.records }}",
            "{{ line.minutes_each }}",
            "{{ line.total }}",
        ],
        widths_cm=[3.4, 6.2, 2.0, 2.4, 2.0],
    )
    para(doc)
    para(
        doc,
        ("Total: ", "bold"),
        "{{ cost.total_hours }}",
        " (",
        "{{ cost.total_cost }}",
        ") against a limit of ",
        "{{ cost.limit_hours }}",
        " (",
        "{{ cost.limit_pounds }}",
        " at ",
        "{{ cost.hourly_rate }}",
        " an hour).",
    )
    labelled(doc, "cost.method", "Method: ", "cost.method")
    labelled(doc, "cost.s16_advice", "Advice given (section 16): ", "cost.s16_advice")
    tag(doc, "{%p endif %}")

    heading(doc, "Checker findings when this record was made", 2)
    tag(doc, "{%p if findings %}")
    table(
        doc,
        ["Severity", "Problem", "How to fix it", "Provision"],
        "f in findings",
        ["{{ f.severity }}", "{{ f.message }}", "{{ f.fix }}", "{{ f.provision }}"],
        widths_cm=[2.0, 6.5, 5.5, 2.0],
    )
    tag(doc, "{%p else %}")
    para(doc, "The checker found no problems.")
    tag(doc, "{%p endif %}")

    heading(doc, "Letters issued", 2)
    tag(doc, "{%p if issued %}")
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
    tag(doc, "{%p else %}")
    para(doc, "No letter has been issued yet.")
    tag(doc, "{%p endif %}")

    heading(doc, "Audit trail", 2)
    tag(doc, "{%p if audit %}")
    table(
        doc,
        ["When", "Who", "Action", "Summary"],
        "e in audit",
        ["{{ e.at }}", "{{ e.actor }}", "{{ e.action }}", "{{ e.summary }}"],
        widths_cm=[3.2, 2.8, 2.5, 7.5],
    )
    tag(doc, "{%p else %}")
    para(doc, "No audit entries were supplied.")
    tag(doc, "{%p endif %}")
    _preserve_spaces(doc)
    return doc


BUILDERS = {
    RESPONSE_TEMPLATE: build_response_letter,
    PIT_EXTENSION_TEMPLATE: build_pit_extension_letter,
    RECORD_TEMPLATE: build_reasoning_record,
}


def build_all(directory: Path = TEMPLATES_DIR) -> list[Path]:
    """Write every default template into ``directory``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in BUILDERS.items():
        path = directory / name
        builder().save(str(path))
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the default .docx letter templates.")
    parser.add_argument("--out", type=Path, default=TEMPLATES_DIR, help="output directory")
    args = parser.parse_args(argv)
    for path in build_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
