"""Build the default .docx templates: ``python -m foi_core.letters.build_templates``.

Every Jinja tag is written into a run (or a paragraph) of its own, so Word never splits a tag.
The fixed wording of the letters lives here, in plain English; an organisation may restyle or
reword the built files in Word, or supply its own template. Organisation-specific text comes from
the profile through ``organisation.*``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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


def _otherwise(doc, text: str | None) -> None:
    if text is not None:
        tag(doc, "{%p else %}")
        para(doc, text)


@contextmanager
def only_if(doc, condition: str, otherwise: str | None = None) -> Iterator[None]:
    """What the block writes is shown only when ``condition`` holds, else ``otherwise``."""
    tag(doc, f"{{%p if {condition} %}}")
    yield
    _otherwise(doc, otherwise)
    tag(doc, "{%p endif %}")


@contextmanager
def for_each(doc, loop: str, otherwise: str | None = None) -> Iterator[None]:
    """What the block writes repeats ``{%p for <loop> %}``; ``otherwise`` when there is none."""
    tag(doc, f"{{%p for {loop} %}}")
    yield
    _otherwise(doc, otherwise)
    tag(doc, "{%p endfor %}")


def when(doc, condition: str, *pieces: Piece, style: str | None = None) -> None:
    """A paragraph shown only when ``condition`` holds."""
    with only_if(doc, condition):
        para(doc, *pieces, style=style)


def labelled(doc, condition: str, label: str, value: str, style: str | None = None) -> None:
    """'Label: value' in one paragraph, shown only when ``condition`` holds."""
    when(doc, condition, (label, "bold"), f"{{{{ {value} }}}}", style=style)


def values_if_set(doc, *values: str, style: str | None = None) -> None:
    """One paragraph holding each value, shown only when that value is set."""
    for value in values:
        when(doc, value, f"{{{{ {value} }}}}", style=style)


def labelled_fields(doc, fields: Sequence[tuple[str, str]], style: str | None = None) -> None:
    """'Label: value' paragraphs, each shown only when its value is set: (label, value) pairs."""
    for label, value in fields:
        labelled(doc, value, label, value, style=style)


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
    values_if_set(doc, "organisation.unit", "organisation.address", style="Address Block")
    labelled_fields(
        doc,
        [
            ("Email: ", "organisation.email"),
            ("Telephone: ", "organisation.phone"),
            ("Website: ", "organisation.website"),
        ],
        style="Address Block",
    )
    para(doc)
    values_if_set(
        doc, "requester.name", "requester.address", "requester.contact", style="Address Block"
    )
    para(doc)
    para(doc, ("Our reference: ", "bold"), "{{ our_ref }}", style="Address Block")
    labelled(doc, "their_ref", "Your reference: ", "their_ref", style="Address Block")
    para(doc, ("Date: ", "bold"), "{{ date }}", style="Address Block")


def _open_letter(title: str, handling: str) -> DocumentObject:
    """A new letter up to the thanks: header, footer, addresses, title and greeting.

    ``handling`` says where the request stands: "have dealt with" or "are dealing with".
    """
    doc = _new_document(title)
    _page_header_footer(doc)
    _address_block(doc)
    para(doc, "Freedom of Information Act 2000", style="Title")
    para(doc, "{{ document_title }}", style="Subtitle")
    with only_if(doc, "requester.name", otherwise="Dear requester,"):
        para(doc, "Dear ", "{{ requester.name }}", ",")
    para(
        doc,
        "Thank you for your request for information, which we received on ",
        "{{ received }}",
        f". We {handling} it under the Freedom of Information Act 2000 (the Act).",
    )
    return doc


def _request_items(doc: DocumentObject) -> None:
    heading(doc, "Your request", 2)
    para(doc, "You asked for the following information:")
    with only_if(doc, "items"):
        with for_each(doc, "item in items"):
            para(doc, "{{ item.number }}", ".\t", "{{ item.text }}", style="Request Item")
        tag(doc, "{%p else %}")
        para(doc, "{{ request_text }}", style="Detail")


def _rights_and_sign_off(doc: DocumentObject, copyright_notice: bool = True) -> None:
    heading(doc, "Your right to ask for a review", 2)
    para(doc, "{{ organisation.review_procedure }}")
    heading(doc, "Your right to complain to the Information Commissioner", 2)
    para(doc, "{{ organisation.ico_details }}")
    para(doc)
    para(doc, "Yours sincerely")
    para(doc)
    when(doc, "organisation.signatory_name", ("{{ organisation.signatory_name }}", "bold"))
    values_if_set(
        doc,
        *(f"organisation.{field}" for field in ("signatory_role", "unit", "name")),
        style="Address Block",
    )
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


def _cost_table(doc: DocumentObject) -> None:
    """The s12 estimate, one row per activity, and a blank paragraph after it."""
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


# --- The response letter -----------------------------------------------------------------------


def build_response_letter() -> DocumentObject:
    doc = _open_letter("Response to a request for information", "have dealt with")
    when(
        doc,
        "applicant_blind",
        "The Act is applicant-blind and motive-blind: we cannot take into account who you are or "
        "why you want the information. Anything we disclose under the Act is, in effect, "
        "disclosed to the world, so we must ask whether the information is fit to be made "
        "public, not what any one person would do with it.",
    )

    _request_items(doc)

    with only_if(doc, "show_searches"):
        heading(doc, "Our searches", 2)
        values_if_set(doc, "searches")
        with for_each(doc, "s in item_searches"):
            para(doc, ("{{ s.label }}", "bold"), ": ", "{{ s.text }}")

    heading(doc, "Our response", 2)
    values_if_set(doc, "late_apology")
    with for_each(doc, "a in answers"):
        para(doc, "{{ a.label }}", style="Answer Label")
        values_if_set(doc, "a.lead", "a.answer")
        with only_if(doc, "a.where_to_find"):
            para(doc, "{{ a.where_lead }}")
            para(doc, "{{ a.where_to_find }}", style="Detail")
        values_if_set(doc, "a.refusal")

    with only_if(doc, "show_exemptions"):
        heading(doc, "The exemptions we rely on", 2)
        para(
            doc,
            "When we refuse any part of a request, section 17 of the Act requires us to tell you "
            "so, to name the exemption we rely on and, unless it is obvious, to explain why it "
            "applies. This part of our letter does that.",
        )
        with only_if(doc, "withheld_claims"):
            para(doc, "We rely on these exemptions:")
            with for_each(doc, "c in withheld_claims"):
                _claim_details(doc)
        with only_if(doc, "ncnd_claims"):
            para(
                doc,
                "The duty in section 1(1)(a) of the Act to tell you whether we hold information "
                "does not apply to ",
                "{{ ncnd_questions }}",
                " of your request, because of these provisions:",
            )
            with for_each(doc, "c in ncnd_claims"):
                _claim_details(doc)
            para(
                doc,
                "This should not be taken as an indication that information of the kind you "
                "asked for is, or is not, held.",
            )

    with only_if(doc, "show_harm"):
        heading(doc, "{{ harm_heading }}", 2)
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

    with only_if(doc, "pit_claims"):
        heading(doc, "The public interest test", 2)
        para(
            doc,
            "For each qualified exemption we weighed, separately, the factors in favour of "
            "disclosure (or of confirming or denying) and the factors against.",
        )
        with for_each(doc, "c in pit_claims"):
            for side in ("for", "against"):
                heading(doc, f"{{{{ c.pit.{side}_heading }}}}", 3)
                with for_each(
                    doc, f"f in c.pit.factors_{side}", otherwise="We found no factors on this side."
                ):
                    para(doc, "{{ f.text }}", style="List Bullet")
                    values_if_set(doc, "f.rationale", style="Detail")

    with only_if(doc, "s40_claims"):
        heading(doc, "Personal information", 2)
        para(
            doc,
            "Personal information may be released under the Act only where that would be lawful "
            "under data protection law. Here that means a legitimate interest in the information "
            "must be shown, release must be necessary to meet it, and it must not be overridden "
            "by the rights and freedoms of the people the information is about (Article 6(1)(f) "
            "UK GDPR).",
        )
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

    with only_if(doc, "show_balance"):
        heading(doc, "The balance and our conclusion", 2)
        with for_each(doc, "c in balance_claims"):
            heading(doc, "{{ c.heading }}", 3)
            para(doc, "{{ c.balance.conclusion_sentence }}")
            values_if_set(doc, "c.balance.reasoning")
        with for_each(doc, "g in aggregates"):
            heading(doc, ["Weighing the exemptions together: ", "{{ g.citations }}"], 3)
            para(doc, "{{ g.statement }}")
            para(doc, "{{ g.conclusion_sentence }}")
            values_if_set(doc, "g.reasoning")

    with only_if(doc, "has_ncnd"):
        heading(doc, "No inference", 2)
        para(
            doc,
            "Nothing in this letter should be read as a sign that any information relevant to "
            "your request does, or does not, exist. We would give the same answer whatever the "
            "position.",
        )

    _cost_section(doc)
    _s14_sections(doc)
    _rights_and_sign_off(doc)
    _preserve_spaces(doc)
    return doc


def _claim_details(doc: DocumentObject) -> None:
    """Inside a claim loop: the bullet, what kind of exemption it is, and any notes."""
    _claim_line(doc)
    values_if_set(doc, "c.explanation", "c.alternative_note", style="Detail")
    when(doc, "c.qp_opinion.shown", "{{ c.qp_opinion.sentence }}", style="Detail")
    values_if_set(doc, "c.notes", style="Detail")


def _cost_section(doc: DocumentObject) -> None:
    with only_if(doc, "cost.shown"):
        heading(doc, "The cost limit (section 12)", 2)
        para(
            doc,
            "Section 12 of the Act means we do not have to comply with a request where we "
            "estimate that complying would cost more than the appropriate limit set by the "
            "Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations "
            "2004. Only the time needed to work out whether we hold the information, and to "
            "find, retrieve and extract it, may be counted.",
        )
        when(doc, "cost.questions", "This applies to ", "{{ cost.questions }}", " of your request.")
        values_if_set(doc, "cost.reasons")
        with only_if(doc, "cost.total_hours"):
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
            _cost_table(doc)
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
        with only_if(doc, "cost.s16_advice"):
            heading(doc, "Advice on narrowing your request (section 16)", 3)
            para(doc, "{{ cost.s16_advice }}")


# Section 14 refusals: (context key, heading, what the section says, then after the questions).
S14_SECTIONS = (
    (
        "vexatious",
        "Vexatious request (section 14(1))",
        "Section 14(1) of the Act says we do not have to comply with a request that is "
        "vexatious, meaning one likely to cause a disproportionate or unjustified level of "
        "disruption, irritation or distress. We consider your request vexatious as far as it "
        "concerns ",
        ", and we are refusing that part under that section. It is the request, not you, that "
        "we have judged.",
    ),
    (
        "repeated",
        "Repeated request (section 14(2))",
        "Section 14(2) of the Act says we do not have to comply with a request that is the same "
        "as, or substantially similar to, an earlier request from the same person, unless a "
        "reasonable interval has passed. We are refusing ",
        " under that section.",
    ),
)


def _s14_sections(doc: DocumentObject) -> None:
    for key, title, before, after in S14_SECTIONS:
        with only_if(doc, f"{key}.shown"):
            heading(doc, title, 2)
            para(doc, before, f"{{{{ {key}.questions }}}}", after)
            values_if_set(doc, f"{key}.reasons")


# --- The PIT extension letter ------------------------------------------------------------------


def build_pit_extension_letter() -> DocumentObject:
    doc = _open_letter("Public interest test extension", "are dealing with")
    _request_items(doc)

    heading(doc, "Where we have got to", 2)
    with only_if(doc, "engaged_claims"):
        para(doc, "We consider that the following qualified exemptions apply to your request:")
        with for_each(doc, "c in engaged_claims"):
            _claim_line(doc)
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
    values_if_set(doc, "reason")

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
    para(
        doc,
        "The requester's name, contact details and address are kept with the case, apart from "
        "the reasoning, and are left out of this record; where the request or the reasoning "
        "mentioned them, they are shown as [requester's name], [requester's contact details] "
        "or [requester's address].",
    )

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

    heading(doc, "Exemptions and other provisions", 2)
    with for_each(
        doc, "c in record_claims", otherwise="No exemptions or other provisions recorded."
    ):
        _record_claim(doc)

    with only_if(doc, "overall_harm"):
        heading(doc, "Overall harm", 2)
        para(doc, "{{ overall_harm }}")

    with only_if(doc, "aggregates"):
        heading(doc, "Combined balances", 2)
        with for_each(doc, "g in aggregates"):
            heading(doc, ["Weighed together: ", "{{ g.citations }}"], 3)
            para(doc, ("Questions: ", "bold"), "{{ g.questions }}")
            para(doc, ("Conclusion: ", "bold"), "{{ g.conclusion_sentence }}")
            _decision_fields(doc, "g")

    with only_if(doc, "cost_recorded"):
        heading(doc, "Cost estimate (section 12)", 2)
        _cost_table(doc)
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
        labelled_fields(
            doc, [("Method: ", "cost.method"), ("Advice given (section 16): ", "cost.s16_advice")]
        )

    heading(doc, "Checker findings when this record was made", 2)
    with only_if(doc, "findings", otherwise="The checker found no problems."):
        table(
            doc,
            ["Severity", "Problem", "How to fix it", "Provision"],
            "f in findings",
            ["{{ f.severity }}", "{{ f.message }}", "{{ f.fix }}", "{{ f.provision }}"],
            widths_cm=[2.0, 6.5, 5.5, 2.0],
        )

    heading(doc, "Letters issued", 2)
    with only_if(doc, "issued", otherwise="No letter has been issued yet."):
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
    with only_if(doc, "audit", otherwise="No audit entries were supplied."):
        table(
            doc,
            ["When", "Who", "Action", "Summary"],
            "e in audit",
            ["{{ e.at }}", "{{ e.actor }}", "{{ e.action }}", "{{ e.summary }}"],
            widths_cm=[3.2, 2.8, 2.5, 7.5],
        )
    _preserve_spaces(doc)
    return doc


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
    with only_if(doc, "c.harm.shown or c.prompt_answers"):
        heading(doc, "Harm", 4)
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
    with only_if(doc, "c.qp_opinion.shown"):
        heading(doc, "Qualified person's opinion (section 36)", 4)
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
    with only_if(doc, "c.legitimate_interests.shown"):
        heading(doc, "Legitimate interests (section 40)", 4)
        labelled_fields(
            doc,
            [
                ("Legitimate interest: ", "c.legitimate_interests.legitimate_interest"),
                ("Necessity: ", "c.legitimate_interests.necessity"),
                ("Balancing: ", "c.legitimate_interests.balancing"),
                ("Disclosure lawful: ", "c.legitimate_interests.lawful"),
            ],
        )
    with only_if(doc, "c.all_factors"):
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
    with only_if(doc, "c.balance.shown"):
        heading(doc, "Balance", 4)
        para(doc, ("Conclusion: ", "bold"), "{{ c.balance.conclusion_sentence }}")
        _decision_fields(doc, "c.balance")


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
