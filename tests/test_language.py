"""Language judgements that survive rewording (foi_core.knowledge.language): irrelevant
considerations, NCND giveaways, which way a balance argues, and a request item's subject.

The wordings live in tests/data/language_cases.yaml: paraphrases written for the tests, not
copies of language.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from foi_core.knowledge import (
    KnowledgeError,
    argued_side,
    holding_giveaways,
    load_catalogue,
    load_rule_book,
    mentions,
    subject_terms,
)
from foi_core.knowledge.language import (
    LANGUAGE_PATH,
    expand,
    load_language,
    load_language_from,
    stem,
    tokens,
)

CASES = yaml.safe_load(
    (Path(__file__).parent / "data" / "language_cases.yaml").read_text(encoding="utf-8")
)
CAUGHT: dict[str, list[str]] = CASES["irrelevant_caught"]

QUIET = [*CASES["irrelevant_quiet"], ""]


@pytest.mark.parametrize(
    ("factor_id", "text"),
    [(factor_id, text) for factor_id, texts in CAUGHT.items() for text in texts],
)
def test_paraphrases_of_irrelevant_considerations_are_caught(factor_id, text):
    found = [f.id for f in load_catalogue().detect_irrelevant(text)]
    assert factor_id in found, (text, found)


@pytest.mark.parametrize("text", QUIET)
def test_legitimate_reasoning_stays_quiet(text):
    assert load_catalogue().detect_irrelevant(text) == []


NEAR_MISSES: dict[str, list[str]] = CASES["irrelevant_near_misses"]


@pytest.mark.parametrize("text", [text for texts in NEAR_MISSES.values() for text in texts])
def test_near_misses_in_each_concepts_own_words_stay_quiet(text):
    """Legitimate sentences using each concept's vocabulary (reputation of a supplier, a
    'critical incident', the motive for an offence ...)."""
    assert load_catalogue().detect_irrelevant(text) == []


def test_every_concept_has_enough_paraphrases_and_near_misses():
    ids = {f.id for f in load_catalogue().irrelevant_factors}
    assert set(CAUGHT) == ids == set(NEAR_MISSES)
    assert all(len(texts) >= 8 for texts in CAUGHT.values())
    assert all(len(texts) >= 8 for texts in NEAR_MISSES.values())


def test_no_library_factor_looks_irrelevant_or_gives_the_holding_away():
    cat = load_catalogue()
    factors = list(cat.general_factors_for) + list(cat.general_factors_against)
    for exemption in cat.exemptions:
        factors += exemption.all_factors
    assert factors
    for factor in factors:
        assert cat.detect_irrelevant(factor.text) == [], factor.text
        assert holding_giveaways(factor.text) == [], factor.text


def test_distress_is_relevant_to_s38_and_s40_but_not_s30():
    cat = load_catalogue()
    text = "Release would cause great distress to the victim's family."
    assert [f.id for f in cat.detect_irrelevant(text, section="38")] == []
    assert [f.id for f in cat.detect_irrelevant(text, section="s40")] == []
    assert [f.id for f in cat.detect_irrelevant(text, section="30")] == ["distress"]
    assert [f.id for f in cat.detect_irrelevant(text)] == ["distress"]


def test_embarrassment_stays_irrelevant_on_s38():
    cat = load_catalogue()
    found = cat.detect_irrelevant("Disclosure would embarrass the force.", section="38")
    assert [f.id for f in found] == ["embarrassment"]


# --- Properties --------------------------------------------------------------------------------

CAUGHT_PAIRS = [(fid, text) for fid, texts in CAUGHT.items() for text in texts]
NEUTRAL = st.sampled_from(
    [
        "The exemption is engaged.",
        "We have considered the factors set out below.",
        "Disclosure would reveal operational capability.",
        "The force weighed the arguments carefully.",
        "This concerns item 2 of the request.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(pair=st.sampled_from(CAUGHT_PAIRS), before=NEUTRAL, after=NEUTRAL)
def test_a_caught_sentence_inside_neutral_text_is_still_caught(pair, before, after):
    factor_id, text = pair
    found = [f.id for f in load_catalogue().detect_irrelevant(f"{before} {text} {after}")]
    assert factor_id in found


FILLER = st.lists(
    st.sampled_from(["the", "force", "considered", "factors", "carefully", "today", "and", "in"]),
    max_size=6,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(pair=st.sampled_from(CAUGHT_PAIRS), before=FILLER, after=FILLER)
def test_a_caught_clause_inside_a_neutral_sentence_is_still_caught(pair, before, after):
    factor_id, text = pair
    clause = text.rstrip(".")
    sentence = f"{before.capitalize()}, {clause[0].lower()}{clause[1:]}, {after}."
    assert factor_id in [f.id for f in load_catalogue().detect_irrelevant(sentence)]


@settings(max_examples=60, deadline=None)
@given(
    pair=st.sampled_from(CAUGHT_PAIRS),
    upper=st.lists(st.booleans(), min_size=200, max_size=200),
    punctuation=st.sampled_from(["", "!", "...", " -", ";"]),
)
def test_case_and_punctuation_do_not_matter(pair, upper, punctuation):
    factor_id, text = pair
    changed = "".join(
        c.upper() if flip else c.lower() for c, flip in zip(text, upper, strict=False)
    )
    changed = changed.rstrip(".") + punctuation
    assert factor_id in [f.id for f in load_catalogue().detect_irrelevant(changed)]


# --- The normaliser -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "family",
    [
        ["embarrass", "embarrassing", "embarrassment", "embarrassed", "embarrasses"],
        ["reputation", "reputational", "reputations"],
        ["hold", "holds", "held", "holding"],
        ["record", "records", "recorded", "recording"],
        ["damage", "damaged", "damaging", "damages"],
        ["use", "used", "uses", "using"],
        ["identify", "identified", "identifies"],
    ],
)
def test_word_families_share_a_stem(family):
    assert len({stem(word) for word in family}) == 1, {word: stem(word) for word in family}


def test_tokens_lowercase_strip_punctuation_and_expand_contractions():
    words = [t.raw for t in tokens("We DON'T hold the force's files. Next!")]
    assert words == ["we", "do", "not", "hold", "the", "force", "files", "|", "next", "|"]


def test_braces_expand_into_one_pattern_per_choice():
    assert expand("a {b c|d} e") == ["a b c e", "a d e"]
    with pytest.raises(ValueError, match="unbalanced"):
        expand("a {b")


def test_a_broken_language_file_is_refused(tmp_path):
    raw = yaml.safe_load(LANGUAGE_PATH.read_text(encoding="utf-8"))
    raw["concepts"]["irrelevant.embarrassment"]["patterns"].append("@nosuchclass word")
    path = tmp_path / "language.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"irrelevant\.embarrassment.*nosuchclass"):
        load_language_from(path)
    raw["concepts"]["irrelevant.embarrassment"].pop("source")
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="source"):
        load_language_from(path)


def test_every_concept_names_its_source():
    assert all(c.source for c in load_language().data.concepts.values())


# --- NCND giveaways ------------------------------------------------------------------------------

HOLDING = CASES["ncnd_holding"]
COUNTS = CASES["ncnd_counts"]
DEFINITE = CASES["ncnd_definite"]
NEUTRAL_NCND = CASES["ncnd_neutral"]


GIVEAWAYS = [
    *(("says whether information is held", text) for text in HOLDING),
    *(("counts the records", text) for text in COUNTS),
    *(("refers to particular records", text) for text in DEFINITE),
    *(("", text) for text in CASES["ncnd_any"]),  # any giveaway will do
]


@pytest.mark.parametrize(("kind", "text"), GIVEAWAYS)
def test_holding_statements_counts_and_definite_references_are_giveaways(kind, text):
    """Holding statements in any wording, counts of records, definite references to them."""
    found = holding_giveaways(text)
    assert found and any(kind in f for f in found), (text, found)


@pytest.mark.parametrize("text", NEUTRAL_NCND)
def test_neutral_ncnd_wording_gives_nothing_away(text):
    assert holding_giveaways(text) == []


def test_giveaways_are_plain_descriptions():
    assert holding_giveaways("We hold 3 reports.") == [
        "'we hold' says whether information is held",
        "'3 reports' counts the records",
    ]
    assert holding_giveaways("The report is attached.") == [
        "'the report' refers to particular records"
    ]


def test_every_ncnd_library_factor_is_neutral():
    cat = load_catalogue()
    ncnd = [f for e in cat.exemptions for f in e.all_factors if f.ncnd]
    assert len(ncnd) > 20
    for factor in ncnd:
        assert holding_giveaways(factor.text) == [], factor.text


def test_the_rule_book_phrase_list_still_works():
    assert "we hold" in load_rule_book().leaks("We hold two reports.")


@settings(max_examples=60, deadline=None)
@given(text=st.sampled_from(HOLDING + COUNTS + DEFINITE), before=NEUTRAL)
def test_a_giveaway_after_neutral_text_is_still_found(text, before):
    assert holding_giveaways(f"{before} {text}")


@settings(max_examples=60, deadline=None)
@given(
    text=st.sampled_from(HOLDING + COUNTS + DEFINITE + CASES["ncnd_any"]),
    before=FILLER,
    after=FILLER,
)
def test_a_giveaway_inside_a_neutral_sentence_is_still_found(text, before, after):
    clause = text.rstrip(".")
    assert holding_giveaways(f"{before.capitalize()}, {clause[0].lower()}{clause[1:]}, {after}.")


@settings(max_examples=60, deadline=None)
@given(text=st.sampled_from(NEUTRAL_NCND), before=NEUTRAL)
def test_neutral_ncnd_wording_stays_neutral_after_other_text(text, before):
    assert holding_giveaways(f"{before} {text}") == []


# --- Which way a balance argues ---------------------------------------------------------------

FOR = CASES["argues_for"]
AGAINST = CASES["argues_against"]
UNCLEAR = [*CASES["argues_unclear"], ""]


@pytest.mark.parametrize("text", FOR)
def test_reasoning_for_disclosure(text):
    assert argued_side(text) == "for"


@pytest.mark.parametrize("text", AGAINST)
def test_reasoning_against_disclosure(text):
    assert argued_side(text) == "against"


@pytest.mark.parametrize("text", UNCLEAR)
def test_unclear_reasoning_has_no_side(text):
    assert argued_side(text) is None


# --- Subject terms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Does the force use IMSI catchers?", ["imsi catchers"]),
        ("How many doorbell camera requests did you make in 2024?", ["doorbell camera"]),
        ("Please provide any information held about the number of police records.", []),
        (
            "Has the force deployed covert cameras on Acacia Avenue?",
            ["covert cameras", "acacia avenue"],
        ),
    ],
)
def test_subject_terms_are_the_distinctive_words(item, expected):
    assert subject_terms(item) == expected


def test_mentions_finds_terms_in_other_word_forms():
    terms = ["imsi catchers", "doorbell camera", "acacia avenue"]
    text = "Disclosure would reveal whether an IMSI catcher or doorbell cameras are used."
    assert mentions(text, terms) == ["imsi catchers", "doorbell camera"]
    assert mentions("The force uses covert tactics.", terms) == []
    assert mentions("", terms) == []
    assert mentions("Ring devices were discussed.", ["discounted ring devices"]) == [
        "discounted ring devices"
    ]


# --- The checker rules use these judgements ----------------------------------------------------


def _rule_ids(case) -> list[str]:
    from foi_core.checker import check
    from tests.case_factory import good_profile

    return [f.rule_id for f in check(case, good_profile(), today=dt.date(2024, 2, 1))]


def test_irrelevant_factor_rule_depends_on_the_claims_section():
    from tests.case_factory import correct_case, factor

    case = correct_case()
    claim = case.claim("anpr-s31")
    claim.pit.factors.append(factor("against", "Release would upset the victims' relatives."))
    assert "irrelevant-factor-used" in _rule_ids(case)
    claim.citation = "s38(1)(a)"
    assert "irrelevant-factor-used" not in _rule_ids(case)


def test_ncnd_leak_rule_catches_a_reworded_holding_statement():
    from foi_core.checker import check
    from tests.case_factory import correct_case, good_profile

    case = correct_case()
    case.request.item(3).answer = "Searches of our systems located nothing relevant."
    findings = [
        f
        for f in check(case, good_profile(), today=dt.date(2024, 2, 1))
        if f.rule_id == "ncnd-text-leaks-holding"
    ]
    assert findings and "says whether information is held" in findings[0].message
