"""Language judgements that must survive rewording: irrelevant considerations, NCND giveaways,
which way a balance argues, and the distinctive subject of a request item.

Deterministic and data-driven: ``language.yaml`` holds concepts as families of word patterns.
Text is normalised (lowercase, no punctuation, contractions expanded) and each word is reduced
by a light suffix-stripping stemmer, so word families match: embarrass, embarrassing,
embarrassment and embarrassed share the stem ``embarrass``.

The word matcher and its pattern syntax live in ``matcher``.

>>> concept_found("irrelevant.embarrassment", "It would be humiliating for the chief.")
True
>>> holding_giveaways("Our searches located two reports.")[:1]
["'searches located' says whether information is held"]
>>> argued_side("The public interest in disclosure does not outweigh the harm.")
'against'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from foi_core.knowledge.matcher import (
    BOUNDARY,
    SENTENCE_END,
    Pattern,
    Slot,
    Token,
    compile_pattern,
    expand,
    find_spans,
    fits,
    stem,
    tokens,
)
from foi_core.knowledge.yamlio import DATA_DIR, KnowledgeError, describe, read_yaml

LANGUAGE_PATH = DATA_DIR / "language.yaml"
Side = Literal["for", "against"]

# --- The data -----------------------------------------------------------------------------------


class Concept(BaseModel):
    """A family of wordings that mean one thing, with wordings that cancel a match nearby."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=1)
    label: str = ""
    patterns: list[str] = Field(min_length=1)
    unless_before: list[str] = Field(default_factory=list)  # within `window` words before
    unless_just_before: list[str] = Field(default_factory=list)  # within two words before
    unless_after: list[str] = Field(default_factory=list)  # within `window_after` words after
    window: int = Field(default=8, ge=0)
    window_after: int = Field(default=8, ge=0)


class LanguageData(BaseModel):
    """language.yaml: settings, word classes, concepts and the generic words of a request."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    gap: int = Field(default=4, ge=0, le=10)
    classes: dict[str, list[str]]
    concepts: dict[str, Concept]
    generic_words: list[str]


class _Compiled(NamedTuple):
    patterns: tuple[Pattern, ...]
    unless_before: tuple[Pattern, ...]
    unless_just_before: tuple[Pattern, ...]
    unless_after: tuple[Pattern, ...]
    window: int
    window_after: int


class Language:
    """The loaded language data with compiled patterns."""

    def __init__(self, data: LanguageData, where: str = "language.yaml") -> None:
        self.data = data
        self.compiled: dict[str, _Compiled] = {}
        for name, concept in data.concepts.items():
            try:
                self.compiled[name] = _Compiled(
                    self.patterns(concept.patterns),
                    self.patterns(concept.unless_before),
                    self.patterns(concept.unless_just_before),
                    self.patterns(concept.unless_after),
                    concept.window,
                    concept.window_after,
                )
            except ValueError as error:
                raise KnowledgeError(f"{where}, concept {name!r}: {error}") from None
        self.generic = frozenset(stem(w) for w in data.generic_words)
        self._class_slots: dict[str, Slot] = {}

    def pattern(self, text: str) -> Pattern:
        return compile_pattern(text, self.data.classes, self.data.gap)

    def patterns(self, texts: list[str]) -> tuple[Pattern, ...]:
        return tuple(self.pattern(one) for text in texts for one in expand(text))

    def is_a(self, name: str, token: Token) -> bool:
        """Whether ``token`` is a word of the class ``name`` (e.g. 'negation')."""
        slot = self._class_slots.get(name)
        if slot is None:
            slot = self._class_slots[name] = self.pattern("@" + name).slots[0]
        return fits(slot, token)

    def matches(self, name: str, text: str) -> list[tuple[Pattern, int, int]]:
        """Every (pattern, start, end) of concept ``name`` in ``text`` not cancelled nearby."""
        return list(self._matches(name, text))

    def found(self, name: str, text: str) -> bool:
        """Whether concept ``name`` occurs in ``text`` (stops at the first match)."""
        return next(self._matches(name, text), None) is not None

    def _matches(self, name: str, text: str) -> Iterator[tuple[Pattern, int, int]]:
        try:
            concept = self.compiled[name]
        except KeyError:
            raise KeyError(f"no language concept {name!r}") from None
        words = tokens(text)
        for pattern in concept.patterns:
            for start, end in find_spans(pattern, words):
                if not _cancelled(concept, words, start, end):
                    yield pattern, start, end


def _cancelled(concept: _Compiled, words: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether a guard occurs within the window before (or after) the span, or inside it after
    its first word, in the same sentence ('just before' guards: the two words before and the
    span itself)."""
    low = start
    while low > 0 and start - low < concept.window and words[low - 1].raw != BOUNDARY:
        low -= 1
    high = end
    while high < len(words) and high - end < concept.window_after and words[high].raw != BOUNDARY:
        high += 1
    inside = words[start + 1 : end]
    before, near = words[low:start] + inside, words[max(low, start - 2) : end]
    after = words[end:high]
    return (
        any(find_spans(p, before) for p in concept.unless_before)
        or any(find_spans(p, near) for p in concept.unless_just_before)
        or any(find_spans(p, after) for p in concept.unless_after)
    )


def load_language_from(path: Path | str = LANGUAGE_PATH) -> Language:
    """Load and validate a language file (uncached)."""
    path = Path(path)
    raw = read_yaml(path)
    try:
        data = LanguageData.model_validate(raw)
    except ValidationError as error:
        raise KnowledgeError(f"{path.name}: {describe(error)}") from None
    return Language(data, path.name)


@functools.cache
def load_language() -> Language:
    """The built-in language data (cached)."""
    return load_language_from(LANGUAGE_PATH)


# --- The judgements -----------------------------------------------------------------------------


# The judgements below are pure functions of the text and the built-in language data, asked
# again for the same texts on every check (every page rerun): each remembers its recent answers.
_REMEMBERED = 16_384


@functools.lru_cache(maxsize=_REMEMBERED)
def concept_found(name: str, text: str) -> bool:
    """Whether ``text`` expresses the concept ``name`` (e.g. 'irrelevant.embarrassment')."""
    return bool(text) and load_language().found(name, text)


def _quote(words: tuple[Token, ...], start: int, end: int) -> str:
    return " ".join(t.raw for t in words[start:end])


_HOLDING_CONCEPTS = (
    ("ncnd.holding", "'{}' says whether information is held"),
    ("ncnd.count", "'{}' counts the records"),
    ("ncnd.definite", "'{}' refers to particular records"),
)


def holding_giveaways(text: str) -> list[str]:
    """Plain descriptions of what in ``text`` gives away whether information is held: holding
    statements, counts of records and definite references to records."""
    return list(_holding_giveaways(text))


@functools.lru_cache(maxsize=_REMEMBERED)
def _holding_giveaways(text: str) -> list[str]:  # remembered: callers get a copy
    if not text:
        return []
    language = load_language()
    text = _NEUTRAL_EITHER_WAY.sub("whether", text)
    found: list[str] = []
    for name, template in _HOLDING_CONCEPTS:
        source = _strip_non_counts(text) if name == "ncnd.count" else text
        words = tokens(source)
        taken: set[int] = set()
        for _pattern, start, end in language.matches(name, source):  # in pattern order
            if taken & set(range(start, end)):
                continue  # one description per stretch of text
            taken |= set(range(start, end))
            description = template.format(_quote(words, start, end))
            if description not in found:
                found.append(description)
    return found


# "is or is not held" asks the question rather than answering it.
_NEUTRAL_EITHER_WAY = re.compile(
    r"\b(is|are|was|were|do|does|did|has|have|had)\s+or\s+\1\s*(?:not|n't)\b", re.IGNORECASE
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_NON_COUNTS = re.compile(
    r"\b(?:s|ss|sections?|regulations?|reg|paragraphs?|para|items?|questions?|parts?|points?|"
    r"pages?|annex|appendix|schedule|article|chapter|rule|step)\.?\s*\d+[a-z]?(?:\s*\(\s*\w+\s*\))*"
    r"|\b\d+[a-z]?(?:\(\w+\))+"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?(?:\s+\d{{2,4}})?"
    rf"|\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{2,4}})?"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b"
    r"|£\s*\d[\d,]*(?:\.\d+)?|\b\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)"
    r"|\b\d+\s*(?:working\s+|calendar\s+|clear\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?)\b",
    re.IGNORECASE,
)


def _strip_non_counts(text: str) -> str:
    """``text`` without numbers that are not counts: citations, item numbers, dates, money."""
    return _NON_COUNTS.sub(" ", text)


@functools.lru_cache(maxsize=_REMEMBERED)
def argued_side(text: str) -> Side | None:
    """Which way a balance's reasoning argues: 'for' disclosure (or confirming or denying),
    'against' (withholding, maintaining the exemption), or None when unclear or mixed."""
    if not text:
        return None
    language = load_language()
    text = re.sub(r"\bnon[- ]?disclos\w*", "withholding", text, flags=re.IGNORECASE)
    votes: set[Side] = set()
    for sentence in SENTENCE_END.split(text):
        clauses = [tokens(part) for part in _CLAUSE_BREAK.split(sentence)]
        votes |= _sentence_votes(language, [c for c in clauses if c])
    return votes.pop() if len(votes) == 1 else None


_CLAUSE_BREAK = re.compile(r"[,()\u2013\u2014]|\s-\s")


def _flip(side: Side, flipped: bool = True) -> Side:
    if not flipped:
        return side
    return "against" if side == "for" else "for"


def _not_enough(language: Language, words: tuple[Token, ...]) -> bool:
    """'We do not consider X strong enough to outweigh ...': a negation, then 'enough'."""
    negations = [i for i, t in enumerate(words) if language.is_a("negation", t)]
    return bool(negations) and any(language.is_a("enough", t) for t in words[negations[0] + 1 :])


def _negated(language: Language, words: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether a negation word comes just before (two words) or inside words[start:end]."""
    return any(language.is_a("negation", t) for t in words[max(0, start - 2) : end])


def _sentence_votes(language: Language, clauses: list[tuple[Token, ...]]) -> set[Side]:
    """The conclusions one sentence states: 'X outweighs Y', 'favours X', 'decided to X'."""
    for number, words in enumerate(clauses):
        for index, token in enumerate(words):
            than = any(t.raw == "than" for t in words[index + 1 : index + 4])
            comparative = than and language.is_a("comparative", token)
            lesser = than and language.is_a("lesser", token)  # 'carries less weight than'
            if not (comparative or lesser or language.is_a("outweigh", token)):
                continue
            before = [words[:index], *reversed(clauses[:number])]
            after = [words[index + 1 :], *clauses[number + 1 :]]
            left = next(filter(None, (_side_of(language, part) for part in before)), None)
            right = next(filter(None, (_side_of(language, part) for part in after)), None)
            if left is None and right is None:
                return set()
            winner = left if left is not None else _flip(right)  # type: ignore[arg-type]
            passive = token.raw.endswith("ed") and (
                (index + 1 < len(words) and words[index + 1].raw == "by")
                or any(t.stem == "be" for t in words[max(0, index - 3) : index])
            )
            negated = (
                _negated(language, words, index - 1, index)
                or any(t.raw in ("no", "nothing") for t in words[:index])
                or _not_enough(language, words[:index])
            )  # 'does not outweigh'; 'no interest ... that outweighs'; 'not strong enough to'
            return {_flip(_flip(_flip(winner, passive), negated), lesser)}
    votes: set[Side] = set()
    for words in clauses:
        text = " ".join(t.raw for t in words)
        for side in ("against", "for"):
            matches = language.matches(f"balance.{side}", text)
            if matches:
                _pattern, start, end = matches[0]
                votes.add(_flip(side, _negated(language, words, start, end)))  # type: ignore[arg-type]
                break
    return votes


def _side_of(language: Language, words: tuple[Token, ...]) -> Side | None:
    """The side a phrase such as 'the public interest in maintaining the exemption' or 'the
    risk from releasing ...' names: its first cue word, turned by 'against' before it
    ('neither confirming nor denying' and 'those against' are withholding)."""
    if any(t.raw == "neither" for t in words):
        return "against"
    opposed = False  # 'the arguments against disclosure'
    for token in words:
        if language.is_a("withhold_side", token):
            return _flip("against", opposed)
        if language.is_a("disclose_side", token):
            return _flip("for", opposed)
        opposed = opposed or token.raw == "against"
    return "against" if opposed else None


def subject_terms(item_text: str) -> list[str]:
    """The distinctive words and phrases of a request item ('imsi catchers', 'doorbell
    camera'): runs of words that are not generic, numbers or years."""
    return list(_subject_terms(item_text))


@functools.lru_cache(maxsize=_REMEMBERED)
def _subject_terms(item_text: str) -> list[str]:  # remembered: callers get a copy
    language = load_language()
    terms: list[str] = []
    run: list[str] = []
    for token in (*tokens(item_text), Token(BOUNDARY, BOUNDARY)):
        keep = (
            token.raw != BOUNDARY
            and token.stem not in language.generic
            and token.raw not in language.generic
            and not token.raw.isdigit()
            and len(token.raw) > 2
        )
        if keep:
            run.append(token.raw)
            continue
        if run:
            term = " ".join(run[-3:])
            if term not in terms:
                terms.append(term)
        run = []
    return terms


def mentions(text: str, terms: Iterable[str]) -> list[str]:
    """The ``terms`` that ``text`` names, word families included ('doorbell cameras' names
    'doorbell camera'); a term of three or more words is named by any two adjacent of them."""
    if not text:
        return []
    words = tokens(text)
    language = load_language()
    named = []
    for term in terms:
        parts = [w.raw for w in tokens(term) if w.raw != BOUNDARY]
        if not parts:
            continue
        pieces = [parts] if len(parts) < 3 else [parts[i : i + 2] for i in range(len(parts) - 1)]
        for piece in pieces:
            if find_spans(language.pattern(" ".join(piece)), words):
                named.append(term)
                break
    return named


__all__ = [
    "Concept",
    "Language",
    "LanguageData",
    "Pattern",
    "argued_side",
    "compile_pattern",
    "concept_found",
    "expand",
    "find_spans",
    "holding_giveaways",
    "load_language",
    "load_language_from",
    "mentions",
    "stem",
    "subject_terms",
    "tokens",
]
