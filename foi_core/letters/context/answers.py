"""The response letter's answers: our sentences around the officer's answer to each question."""

from __future__ import annotations

from foi_core.models import Case, ClaimMode, Outcome, RequestItem

from ..text import printable, questions_label
from .citations import citations, is_procedural, section
from .views import AnswerView
from .wording import say

# The procedural outcomes: (wording key, section, the citation without a claim).
_PROCEDURAL = {
    Outcome.COST_LIMIT: ("cost_limit", "12", "section 12"),
    Outcome.VEXATIOUS: ("vexatious", "14", "section 14(1)"),
    Outcome.REPEATED: ("repeated", "14", "section 14(2)"),
}


def _lead(item: RequestItem, s21_citation: str) -> str:
    """The sentence before the answer: undecided, not held, or accessible elsewhere."""
    if item.outcome is None:
        return say("answers", "undecided")
    if item.outcome is Outcome.NOT_HELD:
        return say("answers", "not_held")
    if item.outcome is Outcome.ACCESSIBLE_ELSEWHERE:
        return say("answers", "accessible_elsewhere", citation=s21_citation)
    return ""


def _where_lead(item: RequestItem, has_s21: bool, s21_citation: str) -> str:
    """The sentence before where to find the information, when the officer wrote where."""
    if not item.where_to_find.strip():
        return ""
    if item.outcome is not Outcome.ACCESSIBLE_ELSEWHERE and has_s21:
        return say("answers", "where_to_find_s21", citation=s21_citation)
    return say("answers", "where_to_find")


def answer_parts(case: Case, item: RequestItem) -> tuple[str, str, str]:
    """(lead, where_lead, refusal): our sentences around the officer's answer for one item."""
    claims = case.claims_for_item(item.number)
    s21 = [c for c in claims if section(c.citation) == "21"]
    procedural = [c for c in claims if is_procedural(c)]
    exemptions = [c for c in claims if c not in s21 and c not in procedural]
    withheld = [c for c in exemptions if c.mode is ClaimMode.WITHHOLD]
    ncnd = [c for c in exemptions if c.mode is ClaimMode.NCND]
    s21_citation = citations(s21) or "section 21"

    something_given = bool(item.answer.strip() or item.where_to_find.strip())
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
    return (
        _lead(item, s21_citation),
        _where_lead(item, bool(s21), s21_citation),
        " ".join(refusals),
    )


def _gives_something(item: RequestItem) -> bool:
    return bool(item.answer.strip() or item.where_to_find.strip())


def answers(case: Case) -> list[AnswerView]:
    """One answer per item; neighbouring items with the same wording and no own text share one."""
    groups: list[tuple[list[int], tuple[str, str, str], RequestItem]] = []
    for item in case.request.items:
        parts = answer_parts(case, item)
        if groups and not _gives_something(item):
            numbers, previous_parts, previous = groups[-1]
            if (
                not _gives_something(previous)
                and previous_parts == parts
                and previous.outcome == item.outcome
            ):
                numbers.append(item.number)
                continue
        groups.append(([item.number], parts, item))
    return [
        AnswerView(
            label=questions_label(numbers, capital=True),
            lead=lead,
            answer=printable(item.answer),
            where_lead=where_lead,
            where_to_find=printable(item.where_to_find),
            refusal=refusal,
        )
        for numbers, (lead, where_lead, refusal), item in groups
    ]
