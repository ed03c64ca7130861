"""Citations as officers and real letters type them, turned into the catalogue's form.

>>> parse_citations("s31(1)(a), (b) and (c)")
['s31(1)(a)', 's31(1)(b)', 's31(1)(c)']
>>> parse_citations("S.24 (2)")
['s24(2)']

A citation is a section ('31', '22A') and bracketed parts at three levels: subsection ('1',
'5B'), paragraph ('a', 'aa') and sub-paragraph ('i', 'ii'). Parts at the same level written one
after another ("31(1)(a)(b)") or joined by commas, 'and', '&', 'or' or '/' are siblings; a deeper
part continues the citation ("40(5B)(a)(i)").
"""

from __future__ import annotations

import functools
import re

SUBSECTION, PARAGRAPH, SUB_PARAGRAPH = 1, 2, 3
EXAMPLE = "write it as the Act does, for example s31(1)(a) or section 40(2)"

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<section>(?:sections?|ss?\.?)?\s*(?P<number>\d+)(?P<letter>[A-Za-z](?![A-Za-z]))?)
      | \(\s*(?P<part>\d+[A-Za-z]*|[A-Za-z]+)\s*\)
      | (?P<sep>,|&|/|\band\b|\bor\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "... of the Act", "... FOIA", "... of the Freedom of Information Act 2000" after a citation.
_ACT = re.compile(
    r"\s*(?:of\s+)?(?:the\s+)?(?:FOIA(?:\s+2000)?|Freedom\s+of\s+Information\s+Act(?:\s+2000)?|Act)"
    r"\s*\.?$",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")


class CitationError(ValueError):
    """Text that cannot be read as citations; the message is one plain sentence."""


def _level(part: str, path: list[str], after_separator: bool) -> int:
    """The level of a bracketed part, given the citation so far.

    A roman-looking part is a sub-paragraph when it can follow the path: after a separator only
    if the path already has a sub-paragraph; directly after a paragraph unless it is the next
    letter ("(h)(i)" are two paragraphs).
    """
    if part[0].isdigit():
        return SUBSECTION
    if not _ROMAN.match(part):
        return PARAGRAPH
    levels = [_part_level(p) for p in path[1:]]
    if after_separator:
        return SUB_PARAGRAPH if SUB_PARAGRAPH in levels else PARAGRAPH
    if not levels or levels[-1] != PARAGRAPH:
        return PARAGRAPH if not levels or levels[-1] == SUBSECTION else SUB_PARAGRAPH
    last = path[-1]
    next_letter = len(last) == 1 and len(part) == 1 and ord(part) == ord(last) + 1
    return PARAGRAPH if next_letter else SUB_PARAGRAPH


def _part_level(part: str) -> int:
    """The level of a part already placed in a path (its position decides, see ``_level``)."""
    if part[0].isdigit():
        return SUBSECTION
    return SUB_PARAGRAPH if part.startswith("~") else PARAGRAPH


def _form(path: list[str]) -> str:
    return "s" + path[0] + "".join(f"({p.lstrip('~')})" for p in path[1:])


@functools.lru_cache(maxsize=1024)
def _parse(text: str) -> tuple[str, ...]:
    found: list[str] = []
    path: list[str] = []
    pending = False
    after_separator = False
    position = 0
    stripped = _ACT.sub("", text.strip()).strip()
    if not stripped:
        raise CitationError(f"No citation was given; {EXAMPLE}.")
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if match is None or match.end() == position:
            raise CitationError(f"'{stripped}' is not a citation; {EXAMPLE}.")
        position = match.end()
        if match.group("sep"):
            after_separator = True
            continue
        if match.group("section"):
            if path and not after_separator:
                raise CitationError(f"'{stripped}' is not a citation; {EXAMPLE}.")
            if pending:
                found.append(_form(path))
            path = [match.group("number") + (match.group("letter") or "").upper()]
            pending, after_separator = True, False
            continue
        if not path:
            raise CitationError(f"'{stripped}' does not start with a section number; {EXAMPLE}.")
        raw = match.group("part")
        part = raw.upper() if raw[0].isdigit() else raw.lower()
        level = _level(part, path, after_separator)
        levels = [_part_level(p) for p in path[1:]]
        last_level = levels[-1] if levels else 0
        if after_separator or level <= last_level:
            if pending:
                found.append(_form(path))
            path = path[:1] + [p for p, lv in zip(path[1:], levels, strict=True) if lv < level]
        path.append("~" + part if level == SUB_PARAGRAPH else part)
        pending, after_separator = True, False
    if after_separator:
        raise CitationError(f"'{stripped}' ends with a joining word; {EXAMPLE}.")
    if pending:
        found.append(_form(path))
    unique = list(dict.fromkeys(found))
    sections = list(dict.fromkeys(re.match(r"s(\d+[A-Z]?)", c).group(1) for c in unique))
    if len(sections) > 1:
        raise CitationError(
            f"{_join(unique)} are in different sections ({_join(['s' + s for s in sections])}); "
            "limbs cited together must belong to one section, so make one claim per section."
        )
    return tuple(unique)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def parse_citations(text: str) -> list[str]:
    """The citations ``text`` names, normalised ('s31(1)(a)'), in the order written.

    Raises CitationError (one plain sentence) for text that is not a citation, or that names
    limbs of more than one section.
    """
    return list(_parse(text))


def normalise_citation(text: str) -> str:
    """The one citation ``text`` names in the catalogue's form, or ``text`` stripped when it is
    not exactly one citation."""
    try:
        found = _parse(text)
    except CitationError:
        return text.strip()
    return found[0] if len(found) == 1 else text.strip()
