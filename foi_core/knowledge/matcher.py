"""The word matcher behind ``language``: a normaliser (lowercase, no punctuation, contractions
expanded), a light suffix-stripping stemmer so word families match (embarrass, embarrassing,
embarrassment and embarrassed share the stem ``embarrass``), and small word-sequence patterns.

Pattern syntax (one pattern is a short sequence of slots separated by spaces):

- ``word`` matches any word of the same stem; ``a|b`` matches either;
- ``word*`` matches a word starting with ``word``; ``=word`` matches exactly that word;
- ``@class`` matches any word of a word class (``classes`` in language.yaml); ``#digits`` in a
  class matches any number written in digits;
- ``...`` allows up to ``gap`` other words before the next slot, ``...2`` up to two (never
  across a sentence);
- ``{a b|c}`` is either word sequence (the pattern is expanded into one pattern per choice).

>>> [t.stem for t in tokens("We held the embarrassing records")]
['we', 'hold', 'the', 'embarrass', 'record']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

# --- Normalising and stemming ------------------------------------------------------------------

_IRREGULAR = {
    "held": "hold",
    "kept": "keep",
    "found": "find",
    "us": "we",
    "our": "we",
    "ours": "we",
    "ourselves": "we",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "being": "be",
    "am": "be",
    "has": "have",
    "had": "have",
    "having": "have",
    "did": "do",
    "does": "do",
    "done": "do",
    "made": "make",
    "told": "tell",
    "said": "say",
    "seen": "see",
    "saw": "see",
    "lost": "lose",
    "worse": "bad",
    "worst": "bad",
    "sought": "seek",
    "bought": "buy",
    "news": "news",
    "media": "media",
    "its": "it",
    "this": "this",
    "thus": "thus",
}
_DERIVATIONAL = (("ational", 3), ("ations", 3), ("ation", 3), ("ments", 4), ("ment", 4),
                 ("ness", 3), ("ly", 3), ("al", 4))  # fmt: skip
BOUNDARY = "|"
SENTENCE_END = re.compile(r"[.!?;:]+(?=\s|$)|\n\s*\n|[•\u2022]")
_CONTRACTIONS = ((r"\bcan't\b|\bcannot\b", "can not"), (r"\bwon't\b", "will not"),
                 (r"n't\b", " not"), (r"'s\b", ""), (r"'(re|ve|ll|d|m)\b", ""))  # fmt: skip


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The stem of one lowercase word: held -> hold, embarrassment -> embarrass."""
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if not word.isalpha() or len(word) <= 3:
        return word
    word = word.replace("iz", "is")
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ingly", "edly", "ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 2 and re.search(r"[aeiouy]", base):
            word = base
            if len(word) >= 2 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                word = word[:-1]
            elif len(word) <= 3 and not word.endswith("e"):
                word += "e"
            break
    for suffix, keep in _DERIVATIONAL:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    return word


class Token(NamedTuple):
    raw: str  # the lowercase word ("|" marks the end of a sentence)
    stem: str


@functools.lru_cache(maxsize=2048)
def tokens(text: str) -> tuple[Token, ...]:
    """``text`` as lowercase words and their stems, with "|" between sentences."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    for pattern, replacement in _CONTRACTIONS:
        text = re.sub(pattern, replacement, text)
    text = SENTENCE_END.sub(f" {BOUNDARY} ", text)
    words = re.findall(r"[a-z0-9]+|\|", text)
    return tuple(Token(w, BOUNDARY if w == BOUNDARY else stem(w)) for w in words)


# --- Patterns ---------------------------------------------------------------------------------


class Slot(NamedTuple):
    stems: frozenset[str]
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    digits: bool  # any number written in digits
    gap: int  # how many other words may come before this slot


class Pattern(NamedTuple):
    """A compiled pattern: its text (for messages) and its slots."""

    text: str
    slots: tuple[Slot, ...]


_GROUP = re.compile(r"\{([^{}]*)\}")


def expand(text: str) -> list[str]:
    """The patterns a ``{a b|c}`` group stands for: 'x {a b|c}' gives 'x a b' and 'x c'."""
    match = _GROUP.search(text)
    if match is None:
        if "{" in text or "}" in text:
            raise ValueError(f"unbalanced braces in pattern {text!r}")
        return [text]
    results = []
    for choice in match.group(1).split("|"):
        results += expand(text[: match.start()] + choice + text[match.end() :])
    return results


def compile_pattern(text: str, classes: dict[str, list[str]], gap: int) -> Pattern:
    """Compile one pattern; unknown classes and empty slots raise ``ValueError``."""
    slots: list[Slot] = []
    pending_gap = 0
    for part in text.split():
        if part.startswith("..."):
            pending_gap = int(part[3:]) if part[3:].isdigit() else gap
            continue
        stems: set[str] = set()
        exact: set[str] = set()
        prefixes: list[str] = []
        digits = False
        for alt in part.split("|"):
            if alt.startswith("@"):
                if alt[1:] not in classes:
                    raise ValueError(f"unknown word class {alt!r}")
                words = classes[alt[1:]]
            else:
                words = [alt]
            for word in words:
                if word == "#digits":
                    digits = True
                elif word.startswith("="):
                    exact.add(word[1:])
                elif word.endswith("*"):
                    prefixes.append(word[:-1])
                elif word:
                    stems.add(stem(word))
        if not (stems or exact or prefixes or digits):
            raise ValueError(f"empty slot in pattern {text!r}")
        slot = Slot(frozenset(stems), frozenset(exact), tuple(prefixes), digits, pending_gap)
        slots.append(slot)
        pending_gap = 0
    if not slots:
        raise ValueError("empty pattern")
    return Pattern(text, tuple(slots))


def fits(slot: Slot, token: Token) -> bool:
    """Whether one word fits one slot of a pattern."""
    if token.raw == BOUNDARY:
        return False
    return (
        token.stem in slot.stems
        or token.raw in slot.exact
        or any(token.raw.startswith(p) for p in slot.prefixes)
        or (slot.digits and token.raw.isdigit())
    )


def find_spans(pattern: Pattern, words: tuple[Token, ...]) -> list[tuple[int, int]]:
    """(start, end) token spans where ``pattern`` matches, the shortest per start."""
    first = pattern.slots[0]
    if first.prefixes or first.digits:
        starts: Iterable[int] = range(len(words))
    else:  # only words of the text that can start a match
        index = _positions(words)
        found = {i for key in first.stems for i in index.get(("s", key), ())}
        found |= {i for key in first.exact for i in index.get(("r", key), ())}
        starts = sorted(found)
    spans = []
    for start in starts:
        if not fits(first, words[start]):
            continue
        end = _extend(pattern.slots[1:], words, start + 1)
        if end is not None:
            spans.append((start, end))
    return spans


@functools.lru_cache(maxsize=512)
def _positions(words: tuple[Token, ...]) -> dict[tuple[str, str], list[int]]:
    """Where each stem ('s', stem) and each word ('r', word) occurs in ``words``."""
    index: dict[tuple[str, str], list[int]] = {}
    for at, token in enumerate(words):
        index.setdefault(("s", token.stem), []).append(at)
        index.setdefault(("r", token.raw), []).append(at)
    return index


def _extend(slots: tuple[Slot, ...], words: tuple[Token, ...], at: int) -> int | None:
    if not slots:
        return at
    slot = slots[0]
    for index in range(at, min(at + slot.gap + 1, len(words))):
        if words[index].raw == BOUNDARY:
            return None
        if fits(slot, words[index]):
            end = _extend(slots[1:], words, index + 1)
            if end is not None:
                return end
    return None
