"""Small helpers that write Word paragraphs and tables holding docxtpl tags.

Every Jinja tag goes into a run (or a paragraph) of its own, so Word never splits a tag.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

Piece = str | tuple[str, str]  # text, or (text, "bold" / "italic")


def runs(paragraph: Paragraph, pieces: Sequence[Piece]) -> Paragraph:
    """Append one run per piece: plain text, a tag, or (text, 'bold' / 'italic')."""
    for piece in pieces:
        text, look = (piece, "") if isinstance(piece, str) else piece
        run = paragraph.add_run(text)
        run.bold = True if look == "bold" else None
        run.italic = True if look == "italic" else None
    return paragraph


def para(doc, *pieces: Piece, style: str | None = None) -> Paragraph:
    """A paragraph made of runs: plain text, a tag, or (text, 'bold')."""
    paragraph = doc.add_paragraph(style=style)
    return runs(paragraph, pieces)


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


@contextmanager
def section(doc, condition: str, title: str | Sequence[Piece], level: int) -> Iterator[None]:
    """A heading and what the block writes, shown only when ``condition`` holds."""
    with only_if(doc, condition):
        heading(doc, title, level)
        yield


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
    """A heading at ``level`` (1-4) from plain text or pieces."""
    paragraph = doc.add_paragraph(style=f"Heading {level}")
    return runs(paragraph, [text] if isinstance(text, str) else text)


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
        runs(cell.paragraphs[0], [(text, "bold")])
    header_row = grid.rows[0]._tr.get_or_add_trPr()
    header_row.append(OxmlElement("w:tblHeader"))  # repeat the header row on each page
    grid.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
    for cell, text in zip(grid.rows[2].cells, cells, strict=True):
        cell.text = text
    grid.rows[3].cells[0].text = "{%tr endfor %}"
    return grid


def page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (the page number) to a paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def preserve_spaces(doc: DocumentObject) -> None:
    """Mark every text node xml:space="preserve" so leading spaces in user text are kept."""
    parts = [doc.element]
    for section in doc.sections:
        parts += [section.header._element, section.footer._element]
    for part in parts:
        for node in part.iter(qn("w:t")):
            node.set(qn("xml:space"), "preserve")
