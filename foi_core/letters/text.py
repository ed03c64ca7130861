"""Text helpers for letters: making user text safe for Word, and small formatting helpers.

What a user typed is printed exactly as typed, with one documented exception: characters that
XML 1.0 cannot hold (control characters such as NUL, BEL or form feed, lone surrogates, and
U+FFFE/U+FFFF) are removed, because a .docx file is XML and cannot contain them. Tabs and line
breaks are kept: a tab prints as a tab, and each line break (Windows ``\\r\\n``, old Mac ``\\r`` or
``\\n``) prints as a line break in the same paragraph.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from markupsafe import Markup, escape

from foi_core.plain import join_words, number_ranges, plain_date

# Everything outside the XML 1.0 Char production: #x9 | #xA | #xD | [#x20-#xD7FF] |
# [#xE000-#xFFFD] | [#x10000-#x10FFFF].
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_ENDINGS = re.compile("\r\n?")


def printable(text: str) -> str:
    """``text`` without characters XML 1.0 cannot hold, line endings written as ``\\n``."""
    if not text:
        return ""
    return _LINE_ENDINGS.sub("\n", _NOT_XML.sub("", text))


def xml_text(value: object) -> Markup:
    """A value as escaped text for a Word XML run (docxtpl turns ``\\n`` and tabs into breaks).

    Besides the usual ``& < > " '`` escaping, the underscore is written as a character
    reference: docxtpl rewrites ``{_{`` to ``{{`` in its output, and the reference keeps a
    user's literal ``{_{`` out of that rewrite (the XML parser turns it back into ``_``).
    """
    return Markup(str(escape(printable(str(value)))).replace("_", "&#95;"))


def letter_date(day: dt.date | None) -> str:
    """A date as letters print it: '6 August 2021' (empty when there is no date)."""
    return "" if day is None else plain_date(day)


def provision(citation: str) -> str:
    """'s31(1)(a)' -> '31(1)(a)': the citation without its leading 's'."""
    return citation.strip().removeprefix("s")


def questions_label(
    numbers: Iterable[int], capital: bool = False, shown: Mapping[int, str] | None = None
) -> str:
    """'question 2', 'questions 1 to 16', 'questions 2, 4 and 5'; with ``shown`` (item number ->
    the requester's label) the requester's numbering: 'questions 3a and 3b'."""
    ordered = sorted(set(numbers))
    if not ordered:
        return ""
    noun = "question" if len(ordered) == 1 else "questions"
    labels = [(shown or {}).get(n, str(n)) for n in ordered]
    words = labels if labels != [str(n) for n in ordered] else number_ranges(ordered)
    label = f"{noun} {join_words(words)}"
    return label[0].upper() + label[1:] if capital else label


def hours_text(hours: float) -> str:
    """57.2 -> '57.2 hours', 1 -> '1 hour', 18.0 -> '18 hours'."""
    rounded = round(hours, 1)
    shown = f"{rounded:.1f}".removesuffix(".0")
    return f"{shown} hour" if shown == "1" else f"{shown} hours"


def minutes_text(minutes: float) -> str:
    """3 -> '3 minutes', 1 -> '1 minute', 2.5 -> '2.5 minutes'."""
    shown = f"{round(minutes, 2):g}"
    return f"{shown} minute" if shown == "1" else f"{shown} minutes"


def pounds(amount: float) -> str:
    """450 -> '£450', 1430.5 -> '£1,430.50'."""
    if float(amount).is_integer():
        return f"£{int(amount):,}"
    return f"£{amount:,.2f}"


def act_citations(citations: Iterable[str]) -> str:
    """Citations in the Act's style: ['s31(1)(a)', 's31(1)(b)'] -> 'section 31(1)(a) and (b)',
    ['s24(2)', 's31(3)'] -> 'sections 24(2) and 31(3)'. A citation sharing all but its last part
    with the one before prints only that part."""
    found: list[str] = []
    for citation in citations:
        if citation not in found:
            found.append(citation)
    if not found:
        return ""
    words: list[str] = []
    previous = ""
    for citation in found:
        text = provision(citation)
        parent, bracket, last = text.rpartition("(")
        if bracket and previous and previous.rpartition("(")[0] == parent:
            words.append(f"({last}")
        else:
            words.append(text)
        previous = text
    sections = {provision(c).split("(", 1)[0] for c in found}
    noun = "sections" if len(sections) > 1 else "section"
    return f"{noun} {join_words(words)}"
