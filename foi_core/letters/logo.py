"""The organisation's logo, put into a letter after the template has been filled in.

A template never sees the image: ``{{ logo }}`` prints a marker (a random word, so no typed text
can imitate it), and ``place_logo`` replaces each marker in the body, headers and footers with
the PNG, 18 mm high, keeping the text around it and the run's formatting.
"""

from __future__ import annotations

import copy
import io
import secrets
from types import SimpleNamespace

from docx import Document
from docx.oxml.ns import qn
from docx.parts.story import StoryPart
from docx.shared import Mm
from docx.text.run import Run

from .errors import TemplateProblem
from .sandbox import broken_document

LOGO_HEIGHT = Mm(18)
MAX_LOGOS = 20  # a template printing the marker more often gets the rest as blank


def new_marker() -> str:
    """A marker no typed text can match: 'FOI-LOGO-' and 16 random hex digits."""
    return f"FOI-LOGO-{secrets.token_hex(8)}"


def place_logo(document: bytes, marker: str, png: bytes, template_name: str) -> bytes:
    """The document with every ``marker`` replaced by the logo; TemplateProblem if the filled-in
    document cannot be opened."""
    try:
        opened = Document(io.BytesIO(document))
    except Exception as error:  # python-docx raises many types for a broken package
        raise TemplateProblem(template_name, [broken_document(error)]) from None
    placed = 0
    for part in opened.part.package.iter_parts():
        if not isinstance(part, StoryPart):
            continue
        for text in list(part.element.iter(qn("w:t"))):
            while text.text and marker in text.text:
                text = _split(text, marker, png, part, show=placed < MAX_LOGOS)
                placed += 1
    buffer = io.BytesIO()
    opened.save(buffer)
    return buffer.getvalue()


def _split(text, marker: str, png: bytes, part: StoryPart, show: bool):
    """Split the run holding ``text`` at the first marker: the run up to it, the picture, and a
    copy of the run from just after it; returns the ``w:t`` holding the rest of the text."""
    run = text.getparent()
    before, _, after = text.text.partition(marker)
    children = list(run)
    later = children[children.index(text) + 1 :]
    properties = run.find(qn("w:rPr"))

    picture = run.makeelement(qn("w:r"), {})
    rest = run.makeelement(qn("w:r"), {})
    if properties is not None:
        picture.append(copy.deepcopy(properties))
        rest.append(copy.deepcopy(properties))
    remainder = copy.deepcopy(text)
    remainder.text = after
    rest.append(remainder)
    for child in later:
        rest.append(child)  # moves the element out of ``run``
    text.text = before
    for element in (text, remainder):
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.addnext(picture)
    picture.addnext(rest)
    if show:
        Run(picture, SimpleNamespace(part=part)).add_picture(io.BytesIO(png), height=LOGO_HEIGHT)
    return remainder
