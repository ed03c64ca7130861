"""What a copy of an earlier case may still say about the earlier request.

A copy keeps the earlier case's reasoning as a starting point; some of it belongs to the earlier
request alone: decision dates, decision makers, and words in the reasoning that name the
earlier request's specifics (numbers, dates, years, proper nouns found in its text). When a case
is copied, ``copy_origin(original)`` records those in the copy (``Case.copied_from``);
``stale_points(copy)`` (or ``stale_points(copy, original)``) lists each one still standing:
a value not yet edited, or a specific still in the reasoning while the copy's request does not
name it, and not dismissed. The checker's ``copied-text-may-be-stale`` warns of each.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from foi_core.actions.result import ActionResult
from foi_core.changes import MISSING, field_label, identity_key, value_at
from foi_core.knowledge import load_language
from foi_core.models import Case, CopiedFrom, CopiedValue
from foi_core.plain import plain_date

# Values of the earlier case that belong to it alone: (path under a claim or the case, words).
_CLAIM_VALUES = (
    ("pit.balance.decided_on", "the date the balance was decided"),
    ("pit.balance.decided_by", "who decided the balance"),
    ("qp_opinion.opinion_date", "the date of the qualified person's opinion"),
    ("qp_opinion.name", "the qualified person"),
    ("publication.settled_on", "the date the intention to publish was settled"),
)
_CASE_VALUES = (
    ("response_date", "the date of the response"),
    ("decision_maker", "the decision maker"),
    ("pit_extension.estimated_date", "the extension's estimated date"),
    ("pit_extension.notified_on", "the date the extension was notified"),
    ("pit_extension.decision_maker", "who decided the extension"),
)
_AGGREGATE_VALUES = (
    ("decided_on", "the date the combined balance was decided"),
    ("decided_by", "who decided the combined balance"),
)
# Text fields that are not reasoning: the request itself, references, identifiers, life.
_NOT_REASONING = re.compile(
    r"^(id|title|status|kind|linked_case|assigned_to|life|requester|request\.(text|our_ref|"
    r"their_ref|items\[[^\]]*\]\.(text|label|outcome))|claims\[[^\]]*\]\.(id|citation|"
    r"further_limbs|mode|library_id)|recheck_steps|dismissed_suggestions|copied_from|"
    r"issued_letters|export|review|ico|schema_version)\b"
)
_NUMBER = re.compile(r"\b\d[\d,./:-]*\d\b|\b\d\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'&-]*[A-Za-z]")
_SENTENCE_START = re.compile(r"(^|[.!?:;\n]\s*|[\"'(]\s*)$")
MAX_VALUE = 400  # longer values are not remembered (CopiedValue.value's limit)
MAX_SPECIFICS = 200  # the first of the earlier request's specifics a copy remembers
_COMMON_CAPITALS = frozenset({"i", "dear", "please", "thank", "thanks", "kind", "regards", "yours"})


@dataclass(frozen=True)
class StalePoint:
    """One place in the copy that may still describe the earlier request."""

    step: str
    what: str  # in words, for the officer
    path: str  # the field (foi_core.changes path)
    needle: str  # the specific word, or the copied value

    @property
    def key(self) -> str:
        """The ``dismissed_suggestions`` entry that dismisses this point."""
        return f"stale:{self.path}:{self.needle}"


def specifics(text: str) -> list[str]:
    """The numbers, dates, years and proper nouns that ``text`` names, in order, once each."""
    generic = load_language().generic
    found: list[str] = []
    for match in _NUMBER.finditer(text):
        if match.group() not in found:
            found.append(match.group())
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() or _SENTENCE_START.search(text[: match.start()]):
            continue
        if word.lower() in generic or word.lower() in _COMMON_CAPITALS or word in found:
            continue
        found.append(word)
    return found


def copy_origin(original: Case) -> CopiedFrom:
    """What a copy of ``original`` must remember to point out what may be stale."""
    document = original.model_dump(mode="json")
    values: list[CopiedValue] = []
    for path, what in _value_paths(document):
        value = value_at(document, path)
        if value is MISSING or value in (None, "") or isinstance(value, dict | list):
            continue
        if len(str(value)) <= MAX_VALUE:
            values.append(CopiedValue(path=path, value=str(value), what=what))
    request = original.request
    text = "\n".join([request.text, *(item.text for item in request.items)])
    # The earlier case's own dates, as reasoning writes them ("5 August 2025"), count too.
    days = [request.received, *(_date(v.value) for v in values)]
    dated = [plain_date(day) for day in dict.fromkeys(days) if day is not None]
    found = [*specifics(text), *(day for day in dated if day not in text)]
    named = [word for word in found if len(word) <= MAX_VALUE][:MAX_SPECIFICS]
    return CopiedFrom(case_id=original.id, ref=request.our_ref, specifics=named, values=values)


def _value_paths(document: dict[str, Any]) -> Iterator[tuple[str, str]]:
    yield from _CASE_VALUES
    for claim in document.get("claims") or []:
        for path, what in _CLAIM_VALUES:
            yield f"claims[{claim['id']}].{path}", f"{what} ({claim['citation']})"
    for agg in document.get("aggregate_balances") or []:
        for path, what in _AGGREGATE_VALUES:
            yield f"aggregate_balances[{agg['id']}].{path}", what


def text_fields(document: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (path, text) of a case document's text fields, paths as foi_core.changes writes
    them (``claims[<id>].harm.causal_chain``, ``request.items[2].answer``)."""
    if isinstance(document, str):
        if document.strip():
            yield path, document
    elif isinstance(document, dict):
        for key, value in document.items():
            yield from text_fields(value, f"{path}.{key}" if path else key)
    elif isinstance(document, list):
        ident = identity_key(document)
        for index, value in enumerate(document):
            name = str(value[ident]) if ident else str(index)
            yield from text_fields(value, f"{path}[{name}]")


def step_of(path: str) -> str:
    """The step whose page edits the field at ``path``."""
    rules = (
        (r"^request\.items", "items"),
        (r"^(request|requester)\b", "request"),
        (r"^claims\[[^\]]*\]\.(harm|records|publication)\b|^overall_harm", "harm"),
        (r"^claims\[[^\]]*\]\.pit\.factors", "public_interest"),
        (r"^claims\[[^\]]*\]\.(pit|qp_opinion|legitimate_interests)\b", "balance"),
        (r"^(aggregate_balances|cost_estimate)\b", "balance"),
        (r"^claims\b", "exemptions"),
    )
    return next((step for pattern, step in rules if re.search(pattern, path)), "letter")


def stale_points(copy: Case, original: Case | CopiedFrom | None = None) -> list[StalePoint]:
    """What in ``copy`` may still describe the earlier request (``original``, or what the copy
    remembers of it), leaving out what the officer has edited or dismissed."""
    origin = copy_origin(original) if isinstance(original, Case) else original
    origin = origin or copy.copied_from
    if origin is None:
        return []
    document = copy.model_dump(mode="json")
    points: list[StalePoint] = []
    for copied in origin.values:
        current = value_at(document, copied.path)
        if current is not None and str(current) == copied.value:
            what = f"{copied.what} is still the earlier case's ({_shown(copied.value)})"
            points.append(StalePoint(step_of(copied.path), what, copied.path, copied.value))
    request = "\n".join([copy.request.text, *(item.text for item in copy.request.items)])
    for path, text in text_fields(document):
        if _NOT_REASONING.match(path):
            continue
        for word in origin.specifics:
            if _names(text, word) and not _names(request, word):
                label = field_label(path, document)
                what = f"{label} still names '{word}', from the earlier request ({origin.ref})"
                points.append(StalePoint(step_of(path), what, path, word))
    dismissed = set(copy.dismissed_suggestions)
    return [point for point in points if point.key not in dismissed]


def _names(text: str, word: str) -> bool:
    flags = 0 if word[:1].isalpha() else re.IGNORECASE
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text, flags) is not None


def dismiss(case: Case, point: StalePoint) -> Case:
    """A copy of ``case`` with ``point`` dismissed (the officer checked it still applies)."""
    if point.key in case.dismissed_suggestions:
        return case
    return case.model_copy(
        update={"dismissed_suggestions": [*case.dismissed_suggestions, point.key]}
    )


def confirm_still_applies(case: Case, point: StalePoint) -> ActionResult:
    """The officer action "It still applies": ``point`` is dismissed, and the history says so."""
    summary = f"Copied text checked: still applies ({point.what})"
    return ActionResult.done(dismiss(case, point), summary[:200], "Marked as still right.")


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _shown(value: str) -> str:
    """A copied value as the officer reads it: dates in words."""
    day = _date(value)
    return plain_date(day) if day is not None else value
