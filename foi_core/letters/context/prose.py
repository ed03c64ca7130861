"""The response letter's exemption sections as prose: one heading per use of an exemption, then
what we rely on for which questions, the harm, what the exemption's test asks us to record, the
public interest factors as short lists and the balance. Only letter fields are printed (see
``foi_core.letters.reach``); the reasoning record keeps the rest.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from foi_core.knowledge import LawAtDate
from foi_core.models import Case, ClaimMode, ExemptionClaim, Factor, Outcome
from foi_core.reasoning import ClaimProvision, provision_of

from ..text import join_words, letter_date, printable, questions_label
from .citations import section, substantive_citation
from .claim_parts import ClaimTerms
from .claims import claim_terms, classification_parts
from .views import LetterClaimView, LetterParagraph
from .wording import capital, say


def _text(text: str, style: str = "text") -> list[LetterParagraph]:
    """A paragraph of the user's text, none when it is blank."""
    shown = printable(text)
    return [LetterParagraph(text=shown, style=style)] if shown.strip() else []


def _title(found: ClaimProvision) -> str:
    """The heading's title: the limb's title, or the part the limbs share ('Law enforcement')."""
    titles = [e.title for e in found.entries]
    if not titles:
        return "Provision not in our catalogue"
    if len(set(titles)) == 1:
        return titles[0]
    heads = {t.split(":", 1)[0] for t in titles}
    return heads.pop() if len(heads) == 1 else "; ".join(titles)


def _harm(claim: ExemptionClaim, act: str) -> list[LetterParagraph]:
    """Interest, how the harm would come about, its likelihood, mosaic and precedent: prose."""
    harm = claim.harm
    if harm is None:
        return []
    found = _text(harm.interest) + _text(harm.causal_chain)
    if harm.likelihood is not None:
        found.append(
            LetterParagraph(text=capital(say("likelihood", harm.likelihood.value, act=act)))
        )
    return found + _text(harm.mosaic) + _text(harm.precedent)


def _records(claim: ExemptionClaim, found: ClaimProvision) -> list[LetterParagraph]:
    """Answers to the exemption's record prompts that are printed in the letter."""
    paragraphs: list[LetterParagraph] = []
    seen: set[str] = set()
    for entry in found.entries:
        for prompt in entry.record_prompts:
            if prompt.in_letter and prompt.id not in seen:
                seen.add(prompt.id)
                paragraphs += _text(claim.records.get(prompt.id, ""))
    return paragraphs


def _publication(claim: ExemptionClaim, received: str) -> list[LetterParagraph]:
    """s22: who intends to publish, when, and that the intention was settled before the request."""
    plan = claim.publication
    if plan is None or not (plan.publisher.strip() or plan.intended.strip()):
        return []
    publisher = printable(plan.publisher) if plan.publisher.strip() else "We"
    sentence = say("publication", "plan", publisher=publisher, intended=printable(plan.intended))
    if plan.settled_on is not None:
        settled = letter_date(plan.settled_on)
        sentence += " " + say("publication", "settled", settled=settled, received=received)
    return [LetterParagraph(text=sentence)]


def _personal_data(claim: ExemptionClaim, cited_text: str) -> list[LetterParagraph]:
    """s40(2): the legitimate interests test and its conclusion."""
    li = claim.legitimate_interests
    if li is None:
        return []
    found = _text(li.legitimate_interest) + _text(li.necessity) + _text(li.balancing)
    if li.disclosure_lawful is not None:
        mode_key = "ncnd" if claim.mode is ClaimMode.NCND else "withhold"
        key = "lawful" if li.disclosure_lawful else f"unlawful_{mode_key}"
        found.append(LetterParagraph(text=say("s40_conclusion", key, citation=cited_text)))
    return found


def s40_intro(claims: list[LetterClaimView], law: LawAtDate) -> str:
    """The test personal information must pass, naming the data protection law in force at the
    letter's date; empty when no claim records it."""
    if not any(c.personal for c in claims):
        return ""
    return say("s40_law", law=law.data_protection_law)


def _factor_list(factors: list[Factor], lead: str) -> list[LetterParagraph]:
    items = [LetterParagraph(text=printable(f.text), style="bullet") for f in factors]
    if not items:
        return [LetterParagraph(text=lead, style="lead"), *_text(say("factor_lists", "none"))]
    return [LetterParagraph(text=lead, style="lead"), *items]


def _factors(claim: ExemptionClaim, terms: ClaimTerms) -> list[LetterParagraph]:
    """The factors for and against as short lists under one line each."""
    pit = claim.pit
    if pit is None or not pit.factors:
        return []
    lead = functools.partial(say, "pit_headings", heading=terms.short)
    return _factor_list(pit.factors_for, lead(f"{terms.mode_key}_for")) + _factor_list(
        pit.factors_against, lead(f"{terms.mode_key}_against")
    )


def _balance(claim: ExemptionClaim, terms: ClaimTerms) -> list[LetterParagraph]:
    """The reasoning of the public interest test, led by the provision it is about."""
    balance = claim.pit.balance if claim.pit else None
    if balance is None or not balance.reasoning.strip():
        return []
    return [LetterParagraph(text=f"{terms.short}: {printable(balance.reasoning)}")]


def _conclusion_key(claim: ExemptionClaim) -> str:
    """The wording key of the claim's conclusion ('maintain_ncnd'), '' when not balanced."""
    balance = claim.pit.balance if claim.pit else None
    if balance is None:
        return ""
    mode_key = "ncnd" if claim.mode is ClaimMode.NCND else "withhold"
    return f"{balance.conclusion.value}_{mode_key}"


def _conclusions(views: list[LetterClaimView], keys: list[str]) -> list[LetterClaimView]:
    """Each claim's conclusion, said once for every claim that reached the same one: "Section
    24(1) and section 31(1)(a): we have concluded that ..."."""
    shorts: dict[str, list[str]] = {}
    for view, key in zip(views, keys, strict=True):
        if key:
            shorts.setdefault(key, []).append(view.short)
    sentences = {
        key: capital(join_words([names[0], *(n[:1].lower() + n[1:] for n in names[1:])]))
        + ": "
        + say("conclusion", key)
        for key, names in shorts.items()
    }
    return [
        view.model_copy(update={"conclusion": sentences.get(key, "")})
        for view, key in zip(views, keys, strict=True)
    ]


def _qualified_person(claim: ExemptionClaim, terms: ClaimTerms) -> list[LetterParagraph]:
    qp = claim.qp_opinion
    if qp is None:
        return []
    who = ", ".join(t for t in (printable(qp.name), printable(qp.role)) if t.strip())
    sentence = say(
        "qp_opinion",
        who=who or "the qualified person",
        date=letter_date(qp.opinion_date) or "a date not recorded",
        act=terms.act,
        limb=printable(qp.limb) or terms.substantive,
    )
    return [LetterParagraph(text=sentence), *_text(qp.reasons)]


def _line(heading: str, note: str, questions: str) -> str:
    """The claim's bullet: heading, NCND reference, then its questions (unless in the heading)."""
    return heading + (f" ({note})" if note else "") + (f": {questions}" if questions else "")


def claim_section(
    case: Case,
    claim: ExemptionClaim,
    shown: Mapping[int, str],
    name_questions: bool = False,
) -> LetterClaimView:
    """One use of an exemption, each part printed once (its classification is filled in by
    ``claim_sections``, said once for all the claims of the same kind)."""
    found = provision_of(claim)
    terms = claim_terms(claim, name_questions, shown)
    harm: list[LetterParagraph] = []
    if claim.in_the_alternative:
        harm.append(LetterParagraph(text=say("in_the_alternative", citation=terms.cited)))
    harm += _qualified_person(claim, terms)
    harm += _records(claim, found)
    harm += _publication(claim, letter_date(case.request.received))
    harm += _harm(claim, terms.act)
    limbs = substantive_citation(claim) if found.ncnd and found.limbs else ""
    heading = f"{terms.short} – {_title(found)}"
    note = say("ncnd_reference", provision=limbs) if limbs and limbs != terms.cited else ""
    questions = questions_label(claim.items, shown=shown)
    return LetterClaimView(
        id=claim.id,
        heading=heading,
        short=terms.short,
        citations=terms.cited,
        reference_note=note,
        questions=questions,
        line=heading
        + (f" ({note})" if note else "")
        + ("" if name_questions else f": {questions}"),
        ncnd=found.ncnd,
        explanation="",
        harm=harm,
        factors=_factors(claim, terms),
        personal=_personal_data(claim, terms.cited),
        balance=_balance(claim, terms),
        conclusion="",  # filled in by claim_sections, once per conclusion reached
    )


def claim_sections(
    case: Case, claims: list[ExemptionClaim], shown: Mapping[int, str]
) -> list[LetterClaimView]:
    """Every exemption of the letter, in the order recorded; a section relied on by more than
    one claim (s31(1)(a) to withhold, s31(3) to neither confirm nor deny) names its questions."""
    sections = [section(c.citation) for c in claims]
    views = [
        claim_section(case, claim, shown, sections.count(number) > 1)
        for claim, number in zip(claims, sections, strict=True)
    ]
    views = _classifications(views, [_class_key(c) for c in claims])
    return _conclusions(views, [_conclusion_key(c) for c in claims])


def _class_key(claim: ExemptionClaim) -> str:
    """The wording key of the claim's kind: 'absolute', 'qualified_ncnd', 'unknown' ..."""
    terms = claim_terms(claim)
    label = classification_parts(terms)[0]
    if label == "qualified":
        return f"qualified_{terms.mode_key}"
    return {"absolute": "absolute", "not recorded": "unknown"}.get(label, "")


def _classifications(views: list[LetterClaimView], keys: list[str]) -> list[LetterClaimView]:
    """Whether each exemption is absolute or qualified, said once for all the claims of the same
    kind and mode: "Sections 24(1) and 31(1)(a) are qualified: ..."."""
    cited: dict[tuple[str, bool], list[str]] = {}
    for view, key in zip(views, keys, strict=True):
        if key:
            cited.setdefault((key, view.ncnd), []).append(view.citations)
    sentences = {
        group: say(
            "classes",
            group[0],
            provisions=capital(_join_citations(names)),
            verb="is" if len(set(names)) == 1 else "are",
        )
        for group, names in cited.items()
    }
    return [
        view.model_copy(update={"explanation": sentences.get((key, view.ncnd), "")})
        for view, key in zip(views, keys, strict=True)
    ]


def _join_citations(names: list[str]) -> str:
    """'section 21', 'sections 24(1) and 31(1)(a)' (each claim's provisions kept whole)."""
    unique = list(dict.fromkeys(names))
    if len(unique) == 1:
        return unique[0]
    bare = [n.removeprefix("sections ").removeprefix("section ") for n in unique]
    return "sections " + join_words(bare)


def classification_sentences(claims: list[LetterClaimView], ncnd: bool) -> list[str]:
    """The classification sentences under the list of withheld (or NCND) exemptions, once each."""
    return list(dict.fromkeys(c.explanation for c in claims if c.ncnd == ncnd and c.explanation))


def conclusions(claims: list[LetterClaimView]) -> list[str]:
    """The conclusions the letter states, each once, in the order first reached."""
    found: list[str] = []
    for claim in claims:
        if claim.conclusion and claim.conclusion not in found:
            found.append(claim.conclusion)
    return found


def ncnd_numbers(case: Case) -> set[int]:
    """The questions we neither confirm nor deny (by outcome or by an NCND use)."""
    numbers = {i.number for i in case.items_with(Outcome.NCND)}
    return numbers | {n for c in case.claims if c.mode is ClaimMode.NCND for n in c.items}


def ncnd_caveat(case: Case, shown: Mapping[int, str]) -> str:
    """The "no inference" caveat: over the whole letter only when every question is NCND, else
    naming only the NCND questions (a blanket caveat in a mixed letter gives the answer away)."""
    numbers = ncnd_numbers(case)
    if not numbers:
        return ""
    if numbers >= {item.number for item in case.request.items}:
        return say("ncnd_caveat", "all")
    return say("ncnd_caveat", "some", questions=questions_label(numbers, shown=shown))
