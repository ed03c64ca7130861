"""Case files: the one way a JSON case file becomes a Case (import, check, render, demo cases).

Every reader of case files (the CLI, the letters' file helpers, the store's import and its demo
cases) goes through ``read_case_text``. A file that cannot be used raises ``CaseFileError``:
``str(error)`` is one plain line naming the file and the problem, for example::

    case.json: the JSON is nested more than 64 levels deep; a case file is never that deep
    case.json: schema version 0 is not a case format this tool knows (it reads 1 to 2)
    case.json: request.text: contains a NUL character, which no text can hold; remove it

and ``error.problems`` lists every problem with its field, for pages to show beside the fields.

Files written by older versions are upgraded (``foi_core.storage.documents.DOCUMENT_UPGRADES``)
before they are validated, so old case files keep importing.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from foi_core.models import SCHEMA_VERSION, Case, FieldProblem, explain_errors

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_CHARACTERS",
    "CaseFileError",
    "read_case_bytes",
    "read_case_path",
    "read_case_text",
]

MAX_DEPTH = 64  # objects and lists inside each other; a real case file is about 10 deep
MAX_FILE_CHARACTERS = 20_000_000  # a real case file, letters' data included, is well under 1 MB
_MAX_FILE_BYTES = 4 * MAX_FILE_CHARACTERS  # the same text in UTF-32
_MAX_MESSAGE = 400  # characters of one error line

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _one_line(text: str) -> str:
    """``text`` as one printable line: whitespace runs become one space, control characters
    and lone surrogates are written as escapes, and very long text is cut short."""
    text = " ".join(text.split())
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


class CaseFileError(ValueError):
    """A case file that cannot be used. ``str()`` is one plain line naming the file and the
    first problem; ``problems`` lists every problem with its field (empty when the file could
    not be read as a case at all); ``reason`` is the line without the file's name."""

    def __init__(self, source: str, reason: str, problems: Sequence[FieldProblem] = ()) -> None:
        self.source = _one_line(source)
        self.reason = _one_line(reason)
        super().__init__(f"{self.source}: {self.reason}" if self.source else self.reason)
        self.problems = list(problems)


# --- Reading ---------------------------------------------------------------------------------


def read_case_path(path: str | Path) -> Case:
    """Read, upgrade and validate the case file at ``path``; CaseFileError when it cannot be
    used (missing, unreadable, or not a valid case)."""
    return read_case_text(read_case_bytes(path), str(path))


def read_case_bytes(path: str | Path) -> bytes:
    """The bytes of the file at ``path``; CaseFileError (one plain line) when it cannot be
    read."""
    source = str(path)
    try:
        file = Path(path)
        if file.is_dir():
            raise CaseFileError(source, "this is a folder, not a case file")
        if file.stat().st_size > _MAX_FILE_BYTES:
            raise CaseFileError(source, _too_big())
        return file.read_bytes()
    except CaseFileError:
        raise
    except FileNotFoundError:
        raise CaseFileError(source, "no such file") from None
    except PermissionError:
        raise CaseFileError(source, "this file cannot be opened: permission denied") from None
    except OSError as error:
        reason = error.strerror or "the system could not read it"
        raise CaseFileError(source, f"cannot read the file ({reason})") from None
    except ValueError:  # e.g. a NUL character in the path
        raise CaseFileError(source, "this is not a usable file name") from None


def _too_big() -> str:
    return (
        f"the file holds more than {MAX_FILE_CHARACTERS:,} characters; a case file is never "
        "that big"
    )


def read_case_text(text: str | bytes, source: str = "case file") -> Case:
    """Read, upgrade and validate one case file's content; ``source`` names it in messages.

    Accepts text or bytes (UTF-8, with or without a byte order mark; UTF-16 or UTF-32 with
    one). Raises CaseFileError, and nothing else, for anything that is not a valid case.
    """
    if isinstance(text, bytes):
        if len(text) > _MAX_FILE_BYTES:
            raise CaseFileError(source, _too_big())
        text = _decode(text, source)
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_FILE_CHARACTERS:
        raise CaseFileError(source, _too_big())
    if not text.strip():
        raise CaseFileError(
            source, "the file is empty; a case file is one JSON object, as made by Export"
        )
    document = _parse(text, source)
    document = _upgrade(document, source)
    try:
        return Case.model_validate(document)
    except ValidationError as error:
        problems = explain_errors(error)
        raise CaseFileError(source, _first_problem(problems), problems) from None


def _decode(data: bytes, source: str) -> str:
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        byte = data[error.start : error.start + 1].hex()
        raise CaseFileError(
            source,
            f"the file is not UTF-8 text (byte 0x{byte} at position {error.start:,}); save it "
            "as UTF-8 JSON, as Export does",
        ) from None


def _parse(text: str, source: str) -> dict[str, Any]:
    """The JSON object in ``text``, no deeper than MAX_DEPTH."""
    too_deep = CaseFileError(
        source,
        f"the JSON is nested more than {MAX_DEPTH} levels deep; a case file is never that deep",
    )
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        reason = error.msg[:1].lower() + error.msg[1:]
        raise CaseFileError(
            source,
            f"this is not valid JSON: {reason} at line {error.lineno:,}, column {error.colno:,}",
        ) from None
    except RecursionError:
        raise too_deep from None
    except ValueError:  # an integer too long to convert (thousands of digits)
        raise CaseFileError(
            source, "the file holds a number thousands of digits long, which no case holds"
        ) from None
    if _depth(document) > MAX_DEPTH:
        raise too_deep
    if not isinstance(document, dict):
        raise CaseFileError(
            source,
            "a case file holds one JSON object ({ ... }), as made by Export; this file holds "
            + _kind(document),
        )
    return document


def _depth(value: Any) -> int:
    """How deeply objects and lists nest in ``value`` (1 for a flat object), without recursion;
    stops counting once past MAX_DEPTH."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, level + 1) for child in children)
    return deepest


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    return "a number"


def _versions() -> str:
    return "1" if SCHEMA_VERSION == 1 else f"1 to {SCHEMA_VERSION}"


def _upgrade(document: dict[str, Any], source: str) -> dict[str, Any]:
    """``document`` brought up to the current schema version, or CaseFileError."""
    from foi_core.storage.documents import DOCUMENT_UPGRADES, upgrade_document

    # Export always writes the format; a file without one (written by hand) is taken to be in
    # the current format, as the model's default says.
    version = document.setdefault("schema_version", SCHEMA_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        found = json.dumps(version)[:40]
        raise CaseFileError(
            source, f"schema_version must be a whole number such as {SCHEMA_VERSION}; found {found}"
        )
    if version > SCHEMA_VERSION:
        raise CaseFileError(
            source,
            f"this case was written by a newer version of the tool (case format {version}); "
            f"this version reads formats {_versions()}: update the tool to open it",
        )
    if version < 1 or any(v not in DOCUMENT_UPGRADES for v in range(version, SCHEMA_VERSION)):
        raise CaseFileError(
            source,
            f"schema version {version} is not a case format this tool knows (it reads "
            f"{_versions()})",
        )
    if version == SCHEMA_VERSION:
        return document
    try:
        return upgrade_document(document)
    except Exception:  # an upgrade expects a well-formed old case; anything else is unusable
        raise CaseFileError(
            source,
            f"this case file (format {version}) cannot be brought up to format "
            f"{SCHEMA_VERSION}: its contents are not a valid format-{version} case",
        ) from None


def _first_problem(problems: Sequence[FieldProblem]) -> str:
    """'request.text: contains a NUL character ... (and 2 more problems)'."""
    first = problems[0]
    message = first.message.rstrip(".")
    message = message[:1].lower() + message[1:]
    where = f"{first.field}: " if first.field != "case" else ""
    more = len(problems) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return where + message
