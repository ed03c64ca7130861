"""Files for tests: a .docx holding given paragraphs (e.g. Jinja text for a template) and a
tiny PNG for a logo."""

from __future__ import annotations

import io
import struct
import zlib

from docx import Document


def docx_with(*paragraphs: str) -> bytes:
    """A .docx whose body is one paragraph per argument."""
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def tiny_png() -> bytes:
    """A valid 1 x 1 pixel PNG, built by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x1f\x3c\x7a")
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
