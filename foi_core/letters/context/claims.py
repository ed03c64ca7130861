"""One claim's view (its heading, classification and parts) and the combined balances."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from foi_core.bounds import today
from foi_core.knowledge import law_at
from foi_core.models import Case, ClaimMode, ExemptionClaim

from ..text import letter_date, printable, questions_label
from .answers import shown_numbers
from .citations import citations, cited, exemption, substantive_citation
from .claim_parts import (
    ClaimTerms,
    balance_view,
    harm_view,
    legitimate_interests_view,
    pit_view,
    qp_view,
)
from .views import AggregateView, ClaimView
from .wording import capital, say


def claim_terms(
    claim: ExemptionClaim, name_questions: bool = False, shown: Mapping[int, str] | None = None
) -> ClaimTerms:
    """How the letter names ``claim``; ``name_questions`` adds its questions to its headings
    (numbered as ``shown`` says, the requester's numbering)."""
    entry = exemption(claim)
    ncnd = claim.mode is ClaimMode.NCND
    mode_key = "ncnd" if ncnd else "withhold"
    provision_cited = cited(claim, entry)
    short = capital(provision_cited)
    if name_questions:
        short = f"{short} ({questions_label(claim.items, shown=shown)})"
    return ClaimTerms(
        entry=entry,
        ncnd=ncnd,
        mode_key=mode_key,
        act=say("acts", mode_key),
        cited=provision_cited,
        substantive=substantive_citation(claim, entry),
        short=short,
    )


def classification_parts(terms: ClaimTerms) -> tuple[str, str, str]:
    """(classification, its sentence, the test's sentence): absolute or qualified, and the test
    the provision sets."""
    entry = terms.entry
    if entry is None:
        return "not recorded", say("classification", "unknown"), ""
    if entry.kind == "procedural":
        return "procedural", "", ""
    if entry.absolute:
        label, explanation = "absolute", say("classification", "absolute")
    else:
        label, explanation = "qualified", say("classification", f"qualified_{terms.mode_key}")
    return label, explanation, say("tests", entry.test, act=terms.act)


def classification(terms: ClaimTerms) -> tuple[str, str]:
    """(classification, explanation): absolute or qualified, and the test the provision sets."""
    label, explanation, test_sentence = classification_parts(terms)
    return label, f"{explanation} {test_sentence}".strip()


def claim_view(
    claim: ExemptionClaim, name_questions: bool = False, shown: Mapping[int, str] | None = None
) -> ClaimView:
    """The letter's view of one claim; ``name_questions`` adds the questions to its headings
    (used when two claims rely on the same provision for different questions), numbered as
    ``shown`` says (the requester's numbering)."""
    terms = claim_terms(claim, name_questions, shown)
    entry = terms.entry
    title = entry.title if entry else "Provision not in our catalogue"
    label, explanation = classification(terms)
    renamed = terms.ncnd and terms.cited != terms.substantive
    return ClaimView(
        id=claim.id,
        citation=claim.citation,
        cited=terms.cited,
        heading=f"{terms.short} – {title}",
        title=title,
        kind=entry.kind if entry else "unknown",
        ncnd=terms.ncnd,
        mode_label="neither confirm nor deny" if terms.ncnd else "withhold",
        reference_note=say("ncnd_reference", provision=terms.substantive) if renamed else "",
        questions=questions_label(claim.items, shown=shown),
        classification=label,
        test=entry.test if entry else "",
        explanation=explanation,
        in_the_alternative=claim.in_the_alternative,
        alternative_note=(
            say("in_the_alternative", citation=terms.cited) if claim.in_the_alternative else ""
        ),
        notes=printable(claim.notes),
        harm=harm_view(claim.harm, terms),
        pit=pit_view(claim.pit, terms),
        balance=balance_view(claim.pit.balance if claim.pit else None, terms),
        legitimate_interests=legitimate_interests_view(claim.legitimate_interests, terms),
        qp_opinion=qp_view(claim.qp_opinion, terms),
    )


def claim_views(
    claims: Sequence[ExemptionClaim], shown: Mapping[int, str] | None = None
) -> dict[str, ClaimView]:
    """Views by claim id; a provision relied on more than once names its questions."""
    keys = [(cited(c, exemption(c)), c.mode) for c in claims]
    return {
        c.id: claim_view(c, name_questions=keys.count(key) > 1, shown=shown)
        for c, key in zip(claims, keys, strict=True)
    }


def aggregate_views(case: Case, for_letter: bool = False) -> list[AggregateView]:
    """The combined balances (several exemptions weighed together for the same questions).

    ``for_letter``: the requester's numbering, the authority only where the law at the letter's
    date allows a combined balance, and no decision maker (internal)."""
    law = law_at(case.response_date or today())
    shown = shown_numbers(case) if for_letter else None
    views = []
    for agg in case.aggregate_balances:
        claims = [case.claim(cid) for cid in agg.claim_ids]
        ncnd = any(c.mode is ClaimMode.NCND for c in claims)
        mode_key = "ncnd" if ncnd else "withhold"
        items = agg.items or sorted({n for c in claims for n in c.items})
        questions = questions_label(items, shown=shown) or "the questions concerned"
        cited_text = citations(claims)
        statement = say("aggregate", questions=questions, citations=cited_text)
        if law.combined_balance_allowed:
            statement += " " + say("aggregate_authority", case=law.combined_balance_case)
        views.append(
            AggregateView(
                citations=cited_text,
                questions=questions,
                statement=statement,
                conclusion=agg.conclusion.value,
                conclusion_sentence=say("conclusion", f"{agg.conclusion.value}_{mode_key}"),
                reasoning=printable(agg.reasoning),
                decided_by="" if for_letter else printable(agg.decided_by),
                decided_on=letter_date(agg.decided_on),
            )
        )
    return views
