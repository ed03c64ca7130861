"""Citations as officers and real letters type them (foi_core.knowledge.citations)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi_core.knowledge import CitationError, load_catalogue, parse_citations

CATALOGUE = load_catalogue()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("s31(1)(a), (b) and (c)", ["s31(1)(a)", "s31(1)(b)", "s31(1)(c)"]),
        ("Section 31(1)(a)(b)", ["s31(1)(a)", "s31(1)(b)"]),
        ("31(3)", ["s31(3)"]),
        ("S.24(2)", ["s24(2)"]),
        ("s 24 (2)", ["s24(2)"]),
        ("section 40(5B)(a)(i)", ["s40(5B)(a)(i)"]),
        ("40(2)", ["s40(2)"]),
        ("s22A(1)", ["s22A(1)"]),
        ("12(1)", ["s12(1)"]),
        ("14(1)", ["s14(1)"]),
        ("s31(1)(a) & (b)", ["s31(1)(a)", "s31(1)(b)"]),
        ("s31(1)(a)/(b)", ["s31(1)(a)", "s31(1)(b)"]),
        ("s36(2)(b)(i) and (ii)", ["s36(2)(b)(i)", "s36(2)(b)(ii)"]),
        ("s30(1)(a), (b) and (2)", ["s30(1)(a)", "s30(1)(b)", "s30(2)"]),
        ("s31(1)(h)(i)", ["s31(1)(h)", "s31(1)(i)"]),
        ("S31(1)(A)", ["s31(1)(a)"]),
        ("s40(5b)", ["s40(5B)"]),
        ("s31(1)(a) and (a)", ["s31(1)(a)"]),
        ("Section 31(1)(a) of the Freedom of Information Act 2000", ["s31(1)(a)"]),
        ("s24(2) FOIA", ["s24(2)"]),
        ("section 40(2) of the Act.", ["s40(2)"]),
    ],
)
def test_citations_as_people_type_them(text: str, expected: list[str]) -> None:
    assert parse_citations(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "No citation"),
        ("law enforcement", "is not a citation"),
        ("(a)", "does not start with a section"),
        ("s31(1", "is not a citation"),
        ("s31(1)(a) and", "ends with a joining word"),
        ("s31(1)(a) and s30(1)(b)", "s31(1)(a) and s30(1)(b) are in different sections"),
        ("s23(5) or s24(2)", "different sections"),
    ],
)
def test_what_cannot_be_read_is_one_plain_sentence(text: str, words: str) -> None:
    with pytest.raises(CitationError) as caught:
        parse_citations(text)
    message = str(caught.value)
    assert words in message
    assert message.endswith(".") and "\n" not in message
    assert isinstance(caught.value, ValueError)


def _every_citation() -> list[str]:
    found = []
    for entry in CATALOGUE.exemptions:
        found += [entry.citation, *entry.aliases]
        if entry.ncnd_provision:
            found.append(entry.ncnd_provision)
    return sorted(set(found))


@given(st.sampled_from(_every_citation()), st.sampled_from(["", "section ", "S.", "s "]))
def test_every_catalogue_citation_round_trips(citation: str, prefix: str) -> None:
    assert parse_citations(citation) == [citation]
    assert parse_citations(prefix + citation.removeprefix("s")) == [citation]


def _parts(citation: str) -> list[str]:
    return re.findall(r"\((\w+)\)", citation)


def _join_as_letters_do(citations: list[str]) -> str:
    """'s31(1)(a), (b) and (c)': the first in full, then each from where it differs."""
    pieces = [citations[0]]
    for before, after in itertools.pairwise(citations):
        old, new = _parts(before), _parts(after)
        same = 0
        while same < min(len(old), len(new)) and old[same] == new[same]:
            same += 1
        pieces.append("".join(f"({p})" for p in new[same:]))
    if len(pieces) == 1:
        return pieces[0]
    return ", ".join(pieces[:-1]) + " and " + pieces[-1]


_BY_SECTION: dict[str, list[str]] = defaultdict(list)
for _entry in CATALOGUE.exemptions:
    _BY_SECTION[_entry.section].append(_entry.citation)


@st.composite
def _limbs_of_one_section(draw: st.DrawFn) -> list[str]:
    section = draw(st.sampled_from(sorted(_BY_SECTION)))
    limbs = _BY_SECTION[section]
    chosen = draw(st.lists(st.sampled_from(limbs), min_size=1, unique=True))
    return [c for c in limbs if c in chosen]


@settings(max_examples=200)
@given(_limbs_of_one_section())
def test_limbs_joined_as_letters_do_parse_back(limbs: list[str]) -> None:
    assert parse_citations(_join_as_letters_do(limbs)) == limbs
