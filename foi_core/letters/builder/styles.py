"""The page, the paragraph styles and the document properties every built template shares."""

from __future__ import annotations

import datetime as dt

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
DARK = RGBColor(0x1F, 0x1F, 0x1F)
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _plain_font(style: BaseStyle) -> None:
    """Use the style's own font, not the theme's, and normal letter spacing."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
    for spacing in rpr.findall(qn("w:spacing")):
        rpr.remove(spacing)


def _page(doc: DocumentObject) -> None:
    """A4 with 2.5 cm side margins and 2.2 cm top and bottom."""
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)


def _built_in_styles(doc: DocumentObject) -> None:
    """Normal, Title, Subtitle and Heading 1-4 in our font and sizes."""
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.0  # single, as letters are

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


def _own_styles(doc: DocumentObject) -> None:
    """The paragraph styles the layouts name: Request Item, Detail, Answer Label and so on."""
    styles = doc.styles

    def add_style(name: str, base: str = "Normal") -> BaseStyle:
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


def _properties(doc: DocumentObject, title: str) -> None:
    """Fixed document properties, so a rebuild gives the same document."""
    props = doc.core_properties
    props.title = title
    props.author = "FOI Public Interest Test Assistant"
    props.last_modified_by = "FOI Public Interest Test Assistant"
    props.subject = "Freedom of Information Act 2000"
    props.comments = "Built by python -m foi_core.letters.build_templates"
    props.created = props.modified = FIXED_DATE
    props.revision = 1


def new_document(title: str) -> DocumentObject:
    """An empty A4 document with our styles and fixed properties."""
    doc = Document()
    _page(doc)
    _built_in_styles(doc)
    _own_styles(doc)
    _properties(doc, title)
    return doc
