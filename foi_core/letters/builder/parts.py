"""Parts the layouts share: header and footer, addresses, opening, request, rights, tables."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from foi_core.letters.builder.docx import (
    for_each,
    heading,
    labelled,
    labelled_fields,
    only_if,
    page_field,
    para,
    runs,
    table,
    tag,
    values_if_set,
    when,
)
from foi_core.letters.builder.styles import new_document
from foi_core.letters.builder.wording import fixed, fixed_text


def prose(doc, paragraph_id: str, style: str | None = None) -> Paragraph:
    """The fixed paragraph ``paragraph_id`` from fixed_wording.yaml, tags in runs of their own."""
    return para(doc, *fixed(paragraph_id).pieces(), style=style)


def prose_when(doc, condition: str, paragraph_id: str) -> None:
    """The fixed paragraph ``paragraph_id``, shown only when ``condition`` holds."""
    with only_if(doc, condition):
        prose(doc, paragraph_id)


def page_header_footer(doc: DocumentObject) -> None:
    """The draft marker and reference line at the top, the page number at the foot."""
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
    runs(last, ["{{ organisation.name }}", " · ", "{{ our_ref }}", " · Page "])
    page_field(last)
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


def open_letter(title: str, opening_id: str) -> DocumentObject:
    """A new letter up to the thanks: header, footer, addresses, title and greeting.

    ``opening_id`` names the fixed paragraph that thanks the requester and says where the
    request stands ("opening_response" or "opening_extension").
    """
    doc = new_document(title)
    page_header_footer(doc)
    _address_block(doc)
    para(doc, "Freedom of Information Act 2000", style="Title")
    para(doc, "{{ document_title }}", style="Subtitle")
    with only_if(doc, "requester.name", otherwise=fixed_text("greeting_unnamed")):
        prose(doc, "greeting_named")
    prose(doc, opening_id)
    return doc


def request_items(doc: DocumentObject) -> None:
    """What the requester asked for: the numbered items, or the request as received."""
    heading(doc, "Your request", 2)
    prose(doc, "request_lead")
    with only_if(doc, "items"):
        with for_each(doc, "item in items"):
            para(doc, "{{ item.number }}", ".\t", "{{ item.text }}", style="Request Item")
        tag(doc, "{%p else %}")
        para(doc, "{{ request_text }}", style="Detail")


def rights_and_sign_off(
    doc: DocumentObject, copyright_notice: bool = True, *, after_review: bool = False
) -> None:
    """Review and complaint rights (from the profile), the signature and the copyright notice.
    ``after_review``: the review is done, so only the complaint to the Commissioner (s50)."""
    if not after_review:
        heading(doc, "Your right to ask for a review", 2)
        para(doc, "{{ organisation.review_procedure }}")
    heading(doc, "Your right to complain to the Information Commissioner", 2)
    if after_review:
        prose(doc, "review_s50")
    para(doc, "{{ organisation.ico_details }}")
    para(doc)
    prose(doc, "sign_off")
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


def claim_line(doc: DocumentObject) -> None:
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


def cost_table(doc: DocumentObject) -> None:
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


def composed(doc: DocumentObject, source: str) -> None:
    """Composed prose: each paragraph of ``source`` (a list of LetterParagraph) in its style."""
    with for_each(doc, f"p in {source}"):
        tag(doc, '{%p if p.style == "bullet" %}')
        para(doc, "{{ p.text }}", style="List Bullet")
        tag(doc, '{%p elif p.style == "detail" %}')
        para(doc, "{{ p.text }}", style="Detail")
        tag(doc, '{%p elif p.style == "lead" %}')
        para(doc, ("{{ p.text }}", "bold"))
        tag(doc, "{%p else %}")
        para(doc, "{{ p.text }}")
        tag(doc, "{%p endif %}")
