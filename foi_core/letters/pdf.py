"""PDF conversion with LibreOffice in headless mode (one private profile per call)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import LetterError, LibreOfficeMissing
from .render import letter_paragraphs

INSTALL_HINT = (
    "LibreOffice is not installed, so the letter cannot be converted to PDF (the .docx is "
    "unaffected). To install it on Debian or Ubuntu run: sudo apt-get install "
    "libreoffice-writer-nogui fonts-liberation2. On other systems download it from "
    "https://www.libreoffice.org/download/ and make sure the 'soffice' command is on the PATH."
)


def soffice_path() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_bytes: bytes, timeout: float = 180, attempts: int = 2) -> bytes:
    """Convert a .docx to PDF bytes with LibreOffice.

    Raises LibreOfficeMissing when soffice is absent, and LetterError when the bytes are not a
    Word document or LibreOffice produces no PDF (soffice exits 0 even on failure, so the output
    is checked, not the exit code).
    """
    command = soffice_path()
    if command is None:
        raise LibreOfficeMissing(INSTALL_HINT)
    letter_paragraphs(docx_bytes)  # LetterError unless python-docx can open it
    problem = ""
    for _attempt in range(attempts):
        with tempfile.TemporaryDirectory(prefix="foi_pdf_") as tmp:
            folder = Path(tmp)
            source = folder / "letter.docx"
            source.write_bytes(docx_bytes)
            profile = (folder / "profile").as_uri()
            try:
                result = subprocess.run(
                    [
                        command,
                        f"-env:UserInstallation={profile}",
                        "--headless",
                        "--norestore",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(folder),
                        str(source),
                    ],
                    capture_output=True,
                    timeout=timeout,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                problem = f"LibreOffice did not finish within {timeout:g} seconds"
                continue
            pdf = folder / "letter.pdf"
            if pdf.exists():
                data = pdf.read_bytes()
                if data.startswith(b"%PDF") and len(data) > 100:
                    return data
            output = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
            problem = f"LibreOffice produced no PDF ({output or f'exit code {result.returncode}'})"
    raise LetterError(f"The letter could not be converted to PDF: {problem}.")
