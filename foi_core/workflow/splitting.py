"""Splitting a pasted request into its numbered items."""

from __future__ import annotations

import re

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("question", re.compile(r"^(?:Q|Question\s*)(\d{1,3})\s*[.:)\-]?\s+(?=\S)", re.IGNORECASE)),
    ("number.", re.compile(r"^(\d{1,3})\.\s+(?=\S)")),
    ("number)", re.compile(r"^(\d{1,3})\)\s+(?=\S)")),
    ("(number)", re.compile(r"^\((\d{1,3})\)\s+(?=\S)")),
    ("(letter)", re.compile(r"^\(([a-z])\)\s+(?=\S)")),
    ("letter)", re.compile(r"^([a-z])\)\s+(?=\S)")),
    ("bullet-", re.compile(r"^(-)\s+(?=\S)")),
    ("bullet•", re.compile(r"^(•)\s*(?=\S)")),
    ("bullet*", re.compile(r"^(\*)\s+(?=\S)")),
)


def _marker(line: str) -> tuple[str, int, int] | None:
    """(marker kind, indentation, length of indentation + marker) for a list line, else None."""
    stripped = line.lstrip(" \t")
    indent = len(line) - len(stripped)
    for kind, pattern in _MARKERS:
        match = pattern.match(stripped)
        if match:
            return kind, indent, indent + match.end()
    return None


def split_request(text: str) -> list[str]:
    """Split a pasted request into its numbered items.

    The first kind of list marker found ("1.", "1)", "(1)", "(a)", "a)", "Q1", "-", "•", "*")
    marks the items; lines indented further or with another marker stay with the item above
    (sub-questions). Text before the first item, and text after the last item that follows a
    blank line (a sign-off), is not an item. With no list markers, each paragraph is an item.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    markers = [_marker(line) for line in lines]
    top = next((m for m in markers if m is not None), None)
    if top is None:
        return _paragraphs(lines)
    top_kind, top_indent, _ = top

    items: list[list[str]] = []
    for line, marker in zip(lines, markers, strict=True):
        if marker is not None and marker[0] == top_kind and marker[1] <= top_indent:
            items.append([line[marker[2] :].strip()])
        elif items:
            items[-1].append(line.rstrip())

    texts = []
    for index, item_lines in enumerate(items):
        if index == len(items) - 1:
            item_lines = _drop_sign_off(item_lines)
        texts.append(_dedent_join(item_lines))
    return [t for t in texts if t]


def _drop_sign_off(lines: list[str]) -> list[str]:
    """Keep the last item's lines up to the first blank line followed by unindented text."""
    for index in range(1, len(lines)):
        if not lines[index].strip():
            rest = [line for line in lines[index + 1 :] if line.strip()]
            if rest and not rest[0][:1].isspace():
                return lines[:index]
    return lines


def _dedent_join(lines: list[str]) -> str:
    head, body = lines[0], [line for line in lines[1:]]
    while body and not body[-1].strip():
        body.pop()
    indents = [len(line) - len(line.lstrip()) for line in body if line.strip()]
    cut = min(indents, default=0)
    return "\n".join([head, *(line[cut:] for line in body)]).strip()


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return ["\n".join(p) for p in paragraphs if p]


# --- Matching re-split items to the items they were ---------------------------------------------

_NUMBERS = re.compile(r"\d+")
_NOT_WORDS = re.compile(r"[^\w#]+")


def item_key(text: str, *, numbers: bool = True) -> str:
    """An item's text reduced to what makes it the same question: lowercase words, no
    punctuation or spacing; with ``numbers=False`` every number (a year, a date, a count) is
    the same, so "How many in 2021?" and "how many in 2024" match."""
    text = text.lower() if numbers else _NUMBERS.sub("#", text.lower())
    return " ".join(_NOT_WORDS.sub(" ", text).split())


def match_items(old: list[str], new: list[str]) -> dict[int, int]:
    """Which old item (0-based position) each new item continues: ``{new: old}``.

    Matched by text, never by number: first the same text (normalised: case, spacing and
    punctuation do not count), at the same position before elsewhere; then, for items still
    unmatched, the same text apart from its numbers (a year or a date changed). Each old item
    is matched at most once.
    """
    matched: dict[int, int] = {}
    for numbers in (True, False):
        old_keys = [item_key(text, numbers=numbers) for text in old]
        for position, text in enumerate(new):
            if position in matched:
                continue
            key = item_key(text, numbers=numbers)
            used = set(matched.values())
            if position < len(old) and position not in used and old_keys[position] == key:
                matched[position] = position
                continue
            found = next(
                (i for i, k in enumerate(old_keys) if i not in used and k == key and k), None
            )
            if found is not None:
                matched[position] = found
    return matched
