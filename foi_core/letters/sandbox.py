"""The sandbox every letter template is filled in with, built-in or an organisation's own.

* ``letter_environment()`` is an ``ImmutableSandboxedEnvironment`` with ``StrictUndefined``,
  autoescape and no loader (``{% include %}``, ``{% import %}`` and ``{% extends %}`` fail), whose
  every printed value goes through ``xml_text``. ``range()`` counts to at most ``MAX_RANGE``,
  ``*`` and ``**`` cannot build huge text or numbers, and ``lipsum``, ``|safe`` and ``|urlize``
  are gone (``|safe`` would let a requester's text write raw Word XML).
* ``ensure_plain(context)`` refuses anything but text, numbers, true/false, None, lists and
  mappings with text keys: no Python object ever reaches a template.
* ``render_docx(data, name, context)`` fills a .docx template in this process; every failure is
  a ``TemplateProblem`` in plain words. An organisation's template is filled in by the same
  function inside a child process with a time and a memory limit (``foi_core.letters.child``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateRuntimeError, Undefined
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import LetterDataError, TemplateProblem
from .text import xml_text

MAX_RANGE = 1000  # the most range() may count to; no letter needs more
MAX_REPEAT = 100_000  # the longest text or list that '*' may build
MAX_POWER = 100  # the largest exponent '**' accepts
MAX_DOCUMENT_MB = 64  # the largest filled-in document (uncompressed), in MB
MAX_DEPTH = 50  # the deepest nesting of lists and mappings in the data
REMOVED_GLOBALS = ("lipsum",)
REMOVED_FILTERS = ("safe", "urlize")

PLAIN_TYPES = (str, int, float, bool, type(None))


class TimeUp(BaseException):
    """Raised inside a child process when its time limit is reached (see ``child``)."""


# --- The Jinja environment -----------------------------------------------------------------------


def _finalize(value: object) -> object:
    """Every printed value becomes escaped, XML-safe text (markup objects pass through)."""
    if isinstance(value, Undefined) or hasattr(value, "__html__"):
        return value
    if value is None:
        return ""
    return xml_text(value)


def _capped_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateRuntimeError(
            f"range() may count to at most {MAX_RANGE:,}, and this one counts to {len(numbers):,}"
        )
    return numbers


class LetterSandboxedEnvironment(ImmutableSandboxedEnvironment):
    """The sandboxed environment letters are rendered with (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if isinstance(right, int | float) and abs(right) > MAX_POWER:
                raise TemplateRuntimeError(
                    f"a number it works out with ** would be too large (powers above "
                    f"{MAX_POWER} are refused)"
                )
            return super().call_binop(context, operator, left, right)
        for sized, count in ((left, right), (right, left)):
            repeats = isinstance(sized, str | list | tuple) and isinstance(count, int)
            if repeats and len(sized) * count > MAX_REPEAT:
                raise TemplateRuntimeError(
                    f"a text or list it repeats with * would be too long (more than "
                    f"{MAX_REPEAT:,} characters or entries)"
                )
        return super().call_binop(context, operator, left, right)


def letter_environment(undefined: type[Undefined] = StrictUndefined) -> LetterSandboxedEnvironment:
    """The Jinja environment for letters: sandboxed, immutable, strict, autoescaped, no loader."""
    env = LetterSandboxedEnvironment(
        undefined=undefined, autoescape=True, finalize=_finalize, loader=None
    )
    env.globals["range"] = _capped_range
    for name in REMOVED_GLOBALS:
        env.globals.pop(name, None)
    for name in REMOVED_FILTERS:
        env.filters.pop(name, None)
    return env


# --- Plain data only ---------------------------------------------------------------------------


def ensure_plain(value: object, where: str = "") -> None:
    """Refuse (LetterDataError) anything but plain data: text, numbers, true/false, None, lists
    and mappings with text keys, all the way down (at most ``MAX_DEPTH`` deep, so a list that
    holds itself is refused too). Subclasses (such as Markup) are refused.
    """
    stack: list[tuple[object, str, int]] = [(value, where, 0)]
    while stack:
        item, path, depth = stack.pop()
        kind = type(item)
        if kind in PLAIN_TYPES:
            continue
        if depth > MAX_DEPTH:  # also a list or mapping that holds itself
            raise LetterDataError(_not_plain(path or "the data"))
        if kind is list:
            stack.extend((child, f"{path}[]", depth + 1) for child in item)  # type: ignore[union-attr]
        elif kind is dict:
            for key, child in item.items():  # type: ignore[union-attr]
                if type(key) is not str:
                    raise LetterDataError(_not_plain(f"a key of {path or 'the data'}"))
                stack.append((child, f"{path}.{key}" if path else key, depth + 1))
        else:
            raise LetterDataError(_not_plain(path or "the data"))


def _not_plain(where: str) -> str:
    return (
        f"The letter data holds something that is not plain data at '{where}'; only text, "
        "numbers, true/false, lists and mappings may reach a template."
    )


# --- Rendering ---------------------------------------------------------------------------------


def open_template(data: bytes, name: str) -> DocxTemplate:
    """A DocxTemplate over ``data``; TemplateProblem when Word could not open it either."""
    try:
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.init_docx()
    except Exception as error:  # python-docx raises many types for a broken package
        raise TemplateProblem(name, [broken_document(error)]) from None
    return tpl


def broken_document(error: BaseException) -> str:
    detail = " ".join(str(error).split())[:160]
    return "Word cannot open it as a document" + (f" ({detail})" if detail else "")


def render_docx(data: bytes, name: str, context: Mapping[str, Any]) -> bytes:
    """Fill the .docx template ``data`` with ``context`` in the letter environment; the .docx.

    ``context`` must be plain data (LetterDataError otherwise). Any failure of the template is
    a TemplateProblem in plain words; running out of time (``TimeUp``) or memory passes through.
    """
    ensure_plain(dict(context))
    tpl = open_template(data, name)
    try:
        tpl.render(dict(context), letter_environment(), autoescape=True)
        buffer = io.BytesIO()
        tpl.save(buffer)
    except (TimeUp, LetterDataError, MemoryError):
        raise
    except Exception as error:  # every failure inside a template becomes a plain problem
        raise TemplateProblem(name, [explain(error)]) from None
    document = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        size = sum(info.file_size for info in package.infolist())
    if size > MAX_DOCUMENT_MB * 1024 * 1024:
        raise TemplateProblem(
            name,
            [
                f"the filled-in letter is larger than {MAX_DOCUMENT_MB} MB; look for loops that "
                "repeat too often"
            ],
        )
    return document


# --- Plain words for every failure ------------------------------------------------------------


def memory_problem(megabytes: int) -> str:
    return (
        f"the template needed more than {megabytes:,} MB of memory to fill in and was stopped; "
        "look for loops that repeat too often or text repeated many times"
    )


def time_problem(seconds: float) -> str:
    return (
        f"the template took longer than {seconds:g} seconds to fill in and was stopped; look for "
        "loops that repeat too often, such as one range() inside another"
    )


def _first(pattern: str, text: str) -> str | None:
    found = re.search(pattern, text)
    return found.group(1) if found else None


def explain(error: BaseException) -> str:
    """One plain sentence for an error raised while a template was filled in."""
    message = " ".join(str(getattr(error, "message", None) or error).split())
    if isinstance(error, TemplateSyntaxError):
        return f"a Jinja tag has a mistake: {message}"
    if isinstance(error, SecurityError):
        reached = _first(r"attribute '([^']+)'", message)
        what = f"'{reached}'" if reached else "something"
        return (
            f"the template tries to reach {what} outside the letter data, or to change the data, "
            "which is not allowed"
        )
    if isinstance(error, UndefinedError):
        missing = _first(r"has no attribute '([^']+)'", message) or _first(
            r"'([^']+)' is undefined", message
        )
        if missing:
            return f"the template uses '{missing}', which the letter data does not provide"
        return "the template uses a name the letter data does not provide"
    if isinstance(error, RecursionError):
        return "the template fails when filled in: something in it calls itself without end"
    return f"the template fails when filled in: {message or 'an expression cannot be worked out'}"
