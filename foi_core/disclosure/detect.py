"""The one home of "does this text name a person or give contact details": ``personal_details_in``.

It flags, for the officer to redact (never removing anything itself): the requester's own name,
contact details and address lines (``foi_core.personal_data.requester_details``), e-mail
addresses, UK phone numbers, UK postcodes, street addresses, names after a title (Mr, Mrs, Dr,
PC, DC, Sgt, Insp ...) and pairs of capitalised words that are not common words (a likely
"Firstname Surname"). Overlapping finds are reported once, the more certain kind first.
``letter_flags`` finds the same in what the published letter quotes (the items as issued).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foi_core.models import Case
from foi_core.personal_data import (
    ADDRESS_PLACEHOLDER,
    CONTACT_PLACEHOLDER,
    map_free_text,
    requester_details,
    without_personal_data,
)


@dataclass(frozen=True)
class Flag:
    """A passage of the text that may identify someone: ``text[start:end]`` and why."""

    start: int
    end: int
    text: str
    reason: str
    requester: bool = False  # the requester's own detail: always taken out, never confirmed


EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)(?:[\s()-]*\d){9,10}(?![\d])")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
STREET = re.compile(
    r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Place|Gardens|Court"
    r"|Terrace|Grove|Hill|Square|Row|Walk|Mews|Parade)\b"
)
TITLES = (
    "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Rev|Sir|Dame|Lord|Lady|Cllr|Councillor|PC|DC|PCSO|PS"
    "|DS|Sgt|Sergeant|DSgt|Insp|Inspector|DI|DCI|Ch Insp|Supt|Superintendent|Det|Detective"
    "|Constable|Officer"
)
TITLED = re.compile(
    rf"\b(?:{TITLES})\.?\s+(?:[A-Z]\.?\s+)?[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+)?"
)
PAIR = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)\s+([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)\b")

# Capitalised words common in requests that are not names: a pair with one of them is not flagged.
_COMMON = """
    The This That These Those There Their They Then Please Could Would Should Can Will May Might
    How What Which When Where Why Who Whom Whose Dear Yours Sincerely Faithfully Regards Kind
    Thank Thanks Many Also And But For From With Without Under Over Into About After Before Since
    During Between Each Every Any All Some Our Your My His Her Its Not No Yes If Or In On At By To
    Of As An A I We You He She It Is Are Was Were Be Been Being Have Has Had Do Does Did
    Police Force Constabulary Service Services Chief Constable Office Officer Officers Home
    Freedom Information Act Data Protection Request Requests Requested Section Schedule Code
    Practice Commissioner Government Council County City Borough District Metropolitan National
    Crime Agency Court Courts Crown Prosecution Fire Rescue Authority Department Ministry Justice
    Transport Road Roads Traffic Unit Team Division Command Headquarters Station Custody Criminal
    Investigation Department Professional Standards Complaints Independent Office Conduct Public
    Interest Test Internal Review Annual Report Policy Procedure Guidance Minutes Meeting Board
    Panel Committee Strategy Plan Budget Contract Contracts Total Number Numbers Figures Date
    Dates Year Years Month Months Quarter Financial Calendar Please Provide Copy Copies Details
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    England Wales Scotland Northern Ireland United Kingdom Britain British English Welsh
    Greater Manchester London Yorkshire North South East West Central Street Avenue Lane
    Body Worn Video Taser Firearms Stop Search Search Drug Drugs Domestic Abuse Violence Sexual
    Offences Offence Hate Fraud Cyber Missing Persons Person Misconduct Vetting Recruitment
"""
COMMON_WORDS = frozenset(_COMMON.split())
REQUESTER_REASONS = {
    ADDRESS_PLACEHOLDER: "the requester's address",
    CONTACT_PLACEHOLDER: "the requester's contact details",
}


def _requester_flags(text: str, case: Case) -> list[Flag]:
    flags = []
    for value, placeholder in requester_details(case.requester):
        reason = REQUESTER_REASONS.get(placeholder, "the requester's name")
        for match in re.finditer(re.escape(value), text, flags=re.IGNORECASE):
            flags.append(Flag(match.start(), match.end(), match.group(), reason, requester=True))
    return flags


def _pairs(text: str) -> list[Flag]:
    flags = []
    for match in PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        if first in COMMON_WORDS or second in COMMON_WORDS:
            continue
        flags.append(Flag(match.start(), match.end(), match.group(), "what may be a person's name"))
    return flags


def personal_details_in(text: str, case: Case) -> list[Flag]:
    """The passages of ``text`` that may name a person or give contact details (see the module
    notes), in the order they occur; each passage once."""
    found = [
        *_requester_flags(text, case),
        *(Flag(m.start(), m.end(), m.group(), "an e-mail address") for m in EMAIL.finditer(text)),
        *(Flag(m.start(), m.end(), m.group(), "a phone number") for m in PHONE.finditer(text)),
        *(Flag(m.start(), m.end(), m.group(), "a postcode") for m in POSTCODE.finditer(text)),
        *(Flag(m.start(), m.end(), m.group(), "a street address") for m in STREET.finditer(text)),
        *(
            Flag(m.start(), m.end(), m.group(), "a person's name with a title")
            for m in TITLED.finditer(text)
        ),
        *_pairs(text),
    ]
    kept: list[Flag] = []
    for flag in found:  # the more certain kinds come first and win an overlap
        if all(flag.end <= other.start or flag.start >= other.end for other in kept):
            kept.append(flag)
    return sorted(kept, key=lambda flag: flag.start)


def unconfirmed(flags: list[Flag], confirmed: list[str]) -> list[Flag]:
    """The flags the officer has not confirmed as fine to publish (the requester's own details
    can never be confirmed: they are always taken out)."""
    fine = set(confirmed)
    return [flag for flag in flags if flag.requester or flag.text not in fine]


def letter_flags(case: Case) -> list[Flag]:
    """The names and contact details in what the published letter draws on (the case's free
    text apart from the request as received, which it prints as the officer's redacted copy,
    and the requester, already blanked), each passage once: the letter prints those the officer
    confirmed and shows the rest as "[redacted]"."""
    request = case.request.model_copy(update={"text": ""})  # published as the officer's copy
    blank = without_personal_data(case.model_copy(update={"disclosure": None, "request": request}))
    found: dict[str, Flag] = {}

    def collect(text: str) -> str:
        for flag in personal_details_in(text, blank):
            found.setdefault(flag.text, flag)
        return text

    map_free_text(blank.model_dump(mode="json"), Case, collect)
    return list(found.values())
