"""The response letter's answers: our sentences around the officer's answer to each question."""

from __future__ import annotations

from collections.abc import Mapping

from foi_core.models import Case, ClaimMode, Outcome, RequestItem

from ..text import letter_date, printable, questions_label
from .citations import citations, is_procedural, section
from .views import AnswerView, LetterParagraph
from .wording import say

# The procedural outcomes: (wording key, section, the citation without a claim).
_PROCEDURAL = {
    Outcome.COST_LIMIT: ("cost_limit", "12", "section 12"),
    Outcome.VEXATIOUS: ("vexatious", "14", "section 14(1)"),
    Outcome.REPEATED: ("repeated", "14", "section 14(2)"),
}


def shown_numbers(case: Case) -> dict[int, str]:
    """Item number -> the number as the letter prints it (the requester's label, 3a)."""
    return {item.number: item.shown_number for item in case.request.items}


def _not_held(item: RequestItem) -> list[str]:
    """Not held: who may hold it instead and whether we transferred the request (s45 Code)."""
    holder = printable(item.held_by)
    if not holder.strip():
        return [say("answers", "not_held")]
    if item.transferred_on is not None:
        return [
            say("answers", "held_elsewhere", holder=holder),
            say("answers", "transferred", holder=holder, date=letter_date(item.transferred_on)),
        ]
    return [say("answers", "held_elsewhere", holder=holder), say("answers", "ask_them")]


def _lead(item: RequestItem, s21_citation: str) -> list[str]:
    """The sentences before the answer: undecided, not held, or accessible elsewhere."""
    if item.outcome is None:
        return [say("answers", "undecided")]
    if item.outcome is Outcome.NOT_HELD:
        return _not_held(item)
    if item.outcome is Outcome.ACCESSIBLE_ELSEWHERE:
        return [say("answers", "accessible_elsewhere", citation=s21_citation)]
    return []


def _where_lead(item: RequestItem, has_s21: bool, s21_citation: str) -> str:
    """The sentence before where to find the information, when the officer wrote where."""
    if not item.where_to_find.strip():
        return ""
    if item.outcome is not Outcome.ACCESSIBLE_ELSEWHERE and has_s21:
        return say("answers", "where_to_find_s21", citation=s21_citation)
    return say("answers", "where_to_find")


def _refusals(case: Case, item: RequestItem) -> list[str]:
    claims = case.claims_for_item(item.number)
    procedural = [c for c in claims if is_procedural(c)]
    exemptions = [c for c in claims if section(c.citation) != "21" and c not in procedural]
    withheld = [c for c in exemptions if c.mode is ClaimMode.WITHHOLD]
    ncnd = [c for c in exemptions if c.mode is ClaimMode.NCND]
    something_given = _gives_something(item)
    refusals: list[str] = []
    if withheld:
        key = "exempt_rest" if something_given else "exempt"
        refusals.append(say("answers", key, citations=citations(withheld)))
    if ncnd:
        key = "ncnd_rest" if something_given else "ncnd"
        refusals.append(say("answers", key, citations=citations(ncnd)))
    if item.outcome in _PROCEDURAL:
        key, number, fallback = _PROCEDURAL[item.outcome]
        own = [c for c in procedural if section(c.citation) == number]
        refusals.append(say("answers", key, citation=citations(own) or fallback))
    return refusals


def answer_paragraphs(case: Case, item: RequestItem) -> list[LetterParagraph]:
    """What the letter says for one item, in order (the discretionary disclosure apart)."""
    s21 = [c for c in case.claims_for_item(item.number) if section(c.citation) == "21"]
    s21_citation = citations(s21) or "section 21"
    found = [LetterParagraph(text=t) for t in _lead(item, s21_citation)]
    if item.answer.strip():
        found.append(LetterParagraph(text=printable(item.answer)))
    where_lead = _where_lead(item, bool(s21), s21_citation)
    if where_lead:
        found.append(LetterParagraph(text=where_lead))
        found.append(LetterParagraph(text=printable(item.where_to_find), style="detail"))
    refusals = _refusals(case, item)
    if refusals:
        found.append(LetterParagraph(text=" ".join(refusals)))
    return found


def _gives_something(item: RequestItem) -> bool:
    return bool(item.answer.strip() or item.where_to_find.strip() or item.discretionary.strip())


def answers(case: Case, shown: Mapping[int, str] | None = None) -> list[AnswerView]:
    """One answer per item; neighbouring items with the same wording and no own text share one."""
    shown = shown if shown is not None else shown_numbers(case)
    groups: list[tuple[list[int], list[LetterParagraph], RequestItem]] = []
    for item in case.request.items:
        paragraphs = answer_paragraphs(case, item)
        if groups and not _gives_something(item):
            numbers, previous_paragraphs, previous = groups[-1]
            if (
                not _gives_something(previous)
                and previous_paragraphs == paragraphs
                and previous.outcome == item.outcome
            ):
                numbers.append(item.number)
                continue
        groups.append(([item.number], paragraphs, item))
    return [
        AnswerView(
            label=questions_label(numbers, capital=True, shown=shown),
            numbers=numbers,
            paragraphs=paragraphs,
            discretionary=printable(item.discretionary),
            answer=printable(item.answer),
            where_to_find=printable(item.where_to_find),
        )
        for numbers, paragraphs, item in groups
    ]
