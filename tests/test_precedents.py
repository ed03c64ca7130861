"""Precedent search: exemptions in any spelling, themes, words, ranking and what is left out."""

from __future__ import annotations

import datetime as dt

import pytest

from foi_core.models import Case as CaseModel
from foi_core.models import (
    CaseStatus,
    ClaimMode,
    ExemptionClaim,
    Outcome,
    Request,
    RequestItem,
)
from foi_core.precedents import PrecedentQuery, QueryError, search_precedents, wanted_citations
from foi_core.storage import Store

DAY = dt.date(2026, 3, 2)


def case(
    ref: str,
    text: str,
    citation: str | None = None,
    *,
    status: CaseStatus = CaseStatus.ISSUED,
    mode: ClaimMode = ClaimMode.WITHHOLD,
    received: dt.date = DAY,
    title: str = "",
) -> CaseModel:
    outcome = Outcome.NCND if mode is ClaimMode.NCND else Outcome.EXEMPT
    items = [RequestItem(number=1, text=text, outcome=outcome if citation else Outcome.DISCLOSED)]
    claims = [ExemptionClaim(citation=citation, items=[1], mode=mode)] if citation else []
    return CaseModel(
        title=title,
        status=status,
        request=Request(our_ref=ref, received=received, text=text, items=items),
        claims=claims,
    )


@pytest.fixture
def cases(store: Store) -> Store:
    """The conftest store (SQLite, and PostgreSQL when a test server runs) with six cases."""
    for one in [
        case("ANPR/1", "Where are the ANPR cameras on the A1?", "s31(1)(a)"),
        case("DRONE/1", "How many drones does the force own?", None),
        case("COVERT/1", "Do you use IMSI catchers?", "s31(1)(a)", mode=ClaimMode.NCND),
        case("NAMES/1", "Names of the officers at the protest", "s40(2)"),
        case("DRAFT/1", "Where are the number plate cameras?", "s31(1)(b)", status="draft"),
        case("OLD/1", "ANPR camera sites in 2019", "s31(1)(a)", received=DAY.replace(2019)),
    ]:
        store.add(one, actor="test")
    return store


def refs(store: Store, live: set[str] | None = None, **query: str) -> list[str]:
    found = search_precedents(store.case_digests(), PrecedentQuery(**query), live)
    return [p.ref for p in found]


@pytest.mark.parametrize("typed", ["s31(3)", "31(3)", "section 31(3)", "S.31 (3)"])
def test_an_ncnd_provision_in_any_spelling_finds_the_ncnd_case_first(cases, typed):
    assert refs(cases, exemption=typed)[0] == "COVERT/1"


def test_a_section_finds_every_limb_and_a_limb_ranks_its_own_cases_first(cases):
    assert set(refs(cases, exemption="s31")) == {"ANPR/1", "COVERT/1", "DRAFT/1", "OLD/1"}
    assert refs(cases, exemption="31(1)(b)")[0] == "DRAFT/1"  # its limb before the section
    assert refs(cases, exemption="section 40") == ["NAMES/1"]


def test_a_theme_is_recognised_in_any_wording(cases):
    assert set(refs(cases, theme="anpr")) == {"ANPR/1", "DRAFT/1", "OLD/1"}
    assert refs(cases, theme="covert_tactics") == ["COVERT/1"]
    assert refs(cases, theme="drones") == ["DRONE/1"]


def test_words_match_by_word_family(cases):
    assert refs(cases, words="drone")[0] == "DRONE/1"
    assert "ANPR/1" in refs(cases, words="camera")  # "cameras" in the request


def test_ranking_exemption_then_theme_then_words_then_finished_then_newest(cases):
    found = refs(cases, exemption="s31(1)(a)", theme="anpr", words="cameras")
    # ANPR/1 and OLD/1 match the limb and the theme; ANPR/1 is newer. DRAFT/1 (a draft, another
    # limb of s31) comes after; COVERT/1 matches the limb but neither theme nor words.
    assert found[:2] == ["ANPR/1", "OLD/1"]
    assert found.index("COVERT/1") < found.index("DRAFT/1")
    # With nothing asked, finished cases come before drafts.
    everything = refs(cases)
    assert everything[-1] == "DRAFT/1"


def test_finished_cases_rank_before_drafts_on_the_same_match(cases):
    found = refs(cases, theme="anpr")
    assert found.index("OLD/1") < found.index("DRAFT/1")


def test_training_reviews_and_hidden_cases_are_never_precedents(cases):
    digests = cases.case_digests()
    marked = {"ANPR/1": {"training": True}, "OLD/1": {"kind": "review"}}
    digests = [{**d, **marked.get(d["ref"], {})} for d in digests]
    found = [p.ref for p in search_precedents(digests, PrecedentQuery(theme="anpr"))]
    assert found == ["DRAFT/1"]
    # A case a listing leaves out (a removed demo case) is not searched either.
    live = {s.id for s in cases.list_cases() if s.ref != "ANPR/1"}
    assert "ANPR/1" not in refs(cases, live, theme="anpr")


def test_results_carry_what_the_list_shows(cases):
    (found,) = search_precedents(cases.case_digests(), PrecedentQuery(exemption="s40"))
    assert found.citations == ("s40(2)",)
    assert found.outcome == "Withheld under an exemption"
    assert found.received == DAY and found.finished


def test_an_exemption_that_is_not_a_citation_is_explained():
    with pytest.raises(QueryError, match="not an exemption"):
        wanted_citations("ANPR")
    assert wanted_citations("") == []


def test_the_store_fingerprint_changes_with_every_add_and_save(cases):
    """The Cases page reads every case's digest once per fingerprint, so it must move on each
    change (a new case, or a saved one)."""
    before = cases.fingerprint()
    assert before[0] == 6
    cases.add(case("NEW/1", "Speed cameras on the A1", "s31(1)(a)", status="draft"), actor="test")
    added = cases.fingerprint()
    assert added != before and added[0] == 7
    stored = cases.find_by_ref("NEW/1")
    assert stored is not None
    edited = stored.case.model_copy(update={"title": "Speed cameras"})
    cases.save(edited, stored.version, actor="test")
    assert cases.fingerprint() not in (before, added)
