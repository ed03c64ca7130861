"""Language judgements that survive rewording (foi_core.knowledge.language): irrelevant
considerations, NCND giveaways, which way a balance argues, and a request item's subject.

Every caught sentence here is a paraphrase written for the test, not a copy of language.yaml."""

from __future__ import annotations

import datetime as dt

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

CAUGHT: dict[str, list[str]] = {
    "embarrassment": [
        "Publishing this would be deeply embarrassing for the Chief Constable.",
        "The force was embarrassed by the findings and would be again.",
        "Release risks reputational harm to the constabulary.",
        "It could tarnish the image of the organisation.",
        "Officers would be made to look foolish in front of the community.",
        "Disclosure would invite criticism of the senior team's handling.",
        "The details would show the force in an unflattering light.",
        "We would face ridicule on social media.",
        "The material is humiliating for the officers who led the operation.",
        "It would damage the standing of the force locally.",
    ],
    "negative-press": [
        "The story would generate adverse headlines.",
        "We anticipate hostile newspaper coverage if this is released.",
        "Tabloids would seize on the figures.",
        "Journalists could twist the data to attack us.",
        "It would lead to damaging media reports about the unit.",
        "Release would prompt a media storm.",
        "There would be unfavourable publicity for the constabulary.",
        "Papers might sensationalise the numbers.",
        "The press could pick this up and run with it.",
    ],
    "loss-of-confidence": [
        "Residents would lose faith in their local police.",
        "Disclosure could erode the public's trust in officers.",
        "Community confidence in policing would be badly dented.",
        "People might stop trusting the constabulary altogether.",
        "The figures would weaken public confidence in the service.",
        "Trust in the force would decline sharply if this came out.",
        "Release would undermine the confidence residents place in us.",
        "The public would think less of the police.",
        "It risks a loss of faith among the community.",
    ],
    "requester-identity-motive": [
        "The applicant is a freelance journalist who writes about policing.",
        "The requester works for a campaign group opposed to the scheme.",
        "We believe the request is motivated by a grudge.",
        "He is an activist and will publish whatever we send.",
        "It is unclear what the requester intends to do with the data.",
        "The person making the request has a history with the force.",
        "We do not know why they want these records.",
        "Their purpose in asking appears to be to embarrass individuals.",
        "The requestor's motivation is commercial.",
        "The request came from a blogger with an axe to grind.",
        "Nobody knows what they will do with it once it is released.",
        "Given who the applicant is, release would be unwise.",
    ],
    "misunderstanding": [
        "The statistics could easily be misinterpreted.",
        "Members of the public may misunderstand what the figures mean.",
        "Readers could draw the wrong conclusions from the raw numbers.",
        "The data is too complicated for a lay audience.",
        "Without context the spreadsheet would be misleading.",
        "The information might be quoted out of context.",
        "The public would struggle to understand the technical terms.",
        "It could confuse residents about what the policy allows.",
        "The numbers are open to misreading.",
    ],
    "seniority": [
        "The officers concerned are of very senior rank.",
        "Given the seniority of the staff named in the report.",
        "High-ranking officials are mentioned throughout.",
        "The matter implicates senior members of the command team.",
        "Because of their rank the officers deserve extra protection.",
        "Chief officers were involved in the decision.",
        "Senior managers are named in the emails.",
        "The file concerns top officials in the organisation.",
    ],
    "publicity-curiosity": [
        "The case generated a great deal of media attention.",
        "There is widespread public curiosity about the incident.",
        "This has been a high profile matter locally.",
        "The investigation was widely reported in the national press.",
        "The events attracted considerable press speculation.",
        "The topic is of great interest to the public.",
        "The case became notorious across the county.",
        "People are fascinated by the details of the murder.",
        "The enquiry has been heavily publicised.",
    ],
    "distress": [
        "Releasing this would cause real anguish to the victim's family.",
        "The relatives would be deeply upset to read it.",
        "It would be distressing for the bereaved parents.",
        "Publication would reopen old wounds for those involved.",
        "The victims' families are still grieving.",
        "It would cause further upset to the people affected.",
        "Release would re-traumatise the survivors.",
        "The next of kin would find the details harrowing.",
        "Disclosure would intrude on the family's grief.",
    ],
}

QUIET = [
    "Disclosure to the requester is disclosure to the world.",
    "The force must be applicant blind.",
    "Requests are handled regardless of who is asking or why.",
    "Public confidence in policing would be improved by releasing the figures.",
    "Disclosure would increase trust and confidence in the force.",
    "Disclosure would reveal tactics that offenders could exploit to avoid detection.",
    "There is a strong public interest in transparency and accountability.",
    "The public interest in disclosure is outweighed by the prejudice to law enforcement.",
    "Disclosure would damage relations with a partner agency.",
    "Released with other forces' answers, the data would map capability across the region.",
    "The information would help offenders identify where cameras are weak.",
    "Disclosure would prejudice a live investigation and could alert suspects.",
    "Witnesses would be less willing to come forward in future.",
    "The public has a legitimate interest in how public money is spent.",
    "Disclosure would harm the commercial interests of the supplier.",
    "The force considered whether the information could be redacted.",
    "Informants' confidence that their identity is protected would be damaged.",
    "The critical national infrastructure sites would be put at risk.",
    "The requester asked for the number of ANPR cameras in the county.",
    "Offenders could work out what they can do with this information to avoid detection.",
    "Distress to those involved is not a relevant factor here.",
    "",
]


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


def test_every_concept_has_enough_paraphrases():
    ids = {f.id for f in load_catalogue().irrelevant_factors}
    assert set(CAUGHT) == ids
    assert all(len(texts) >= 8 for texts in CAUGHT.values())


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

HOLDING = [
    "We do retain some material on this subject.",
    "The constabulary keeps a file on the matter.",
    "No relevant records were located.",
    "Nothing was identified after a search of our systems.",
    "A search of the intelligence database returned two entries.",
    "Our enquiries revealed nothing of relevance.",
    "The equipment is used by the force in covert operations.",
    "Our systems show that the company was contacted.",
    "The information is stored on the crime recording system.",
    "The force deploys this technique in serious cases.",
    "We can confirm that the unit holds such records.",
    "There are no documents about this operation.",
    "We have that information on file.",
]
COUNTS = [
    "There were 3 such deployments last year.",
    "Four reports mention the address.",
    "Several documents refer to the operation.",
    "A number of emails were exchanged with the company.",
    "We identified twelve relevant entries.",
    "The total of matching records is 7.",
    "Only a handful of files concern it.",
    "Some records relate to the named person.",
]
DEFINITE = [
    "The report dated 4 May sets out the risks.",
    "These documents contain sensitive tactics.",
    "Those cameras were installed at the junction.",
    "The operation in question was run by another force.",
    "The emails would identify the officers involved.",
    "This footage shows the vehicle clearly.",
    "The minutes of that meeting record the decision.",
    "The relevant files are marked secret.",
]
NEUTRAL_NCND = [
    "Confirming or denying whether we hold information would itself disclose exempt information.",
    "The force neither confirms nor denies whether information is held.",
    "Whether or not information is held, the response would be the same.",
    "If any information were held, it would be exempt under section 31(1)(a).",
    "Nothing in this response should be taken to mean that information is or is not held.",
    "This should not be taken as an indication of whether the requested records exist.",
    "The response is due within 20 working days of receipt, under section 17.",
    "Section 31(3) applies; the request was received on 1 January 2021.",
    "Any records of this kind, should they exist, would be exempt.",
    "Saying whether such records exist would tell offenders whether this method is in use.",
    "Disclosure would show how the force uses its resources to prevent crime.",
    "The force holds the view that the public interest favours neither confirming nor denying.",
]


GIVEAWAYS = [
    *(("says whether information is held", text) for text in HOLDING),
    *(("counts the records", text) for text in COUNTS),
    *(("refers to particular records", text) for text in DEFINITE),
]


@pytest.mark.parametrize(("kind", "text"), GIVEAWAYS)
def test_holding_statements_counts_and_definite_references_are_giveaways(kind, text):
    """Holding statements in any wording, counts of records, definite references to them."""
    found = holding_giveaways(text)
    assert any(kind in f for f in found), (text, found)


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


# --- Which way a balance argues ---------------------------------------------------------------

FOR = [
    "On balance the public interest favours disclosure.",
    "The public interest in releasing the figures outweighs that in maintaining the exemption.",
    "We have decided to release the information in full.",
    "The arguments for withholding do not outweigh the case for openness.",
    "The balance falls in favour of confirming or denying.",
    "The benefits of transparency outweigh the limited risk.",
    "The force has therefore decided to disclose the report.",
    "The public interest in maintaining the exemption is outweighed by the public interest in "
    "disclosure.",
    "The arguments against disclosure are outweighed by the public interest in accountability.",
    "There is no public interest in withholding that outweighs disclosure.",
    "On this occasion the force will release the data.",
]
AGAINST = [
    "The public interest in maintaining the exemption outweighs the public interest in disclosure.",
    "The balance lies in favour of withholding the information.",
    "The harm to law enforcement outweighs any benefit of release.",
    "The public interest in disclosure does not outweigh the prejudice to the investigation.",
    "Accordingly the information is withheld.",
    "We have concluded that the exemption should be maintained.",
    "The risk to officers from releasing the rota outweighs the value of openness.",
    "Although release would aid transparency, the public interest in neither confirming nor "
    "denying outweighs it.",
    "The force has decided not to disclose the information.",
    "The public interest favours non-disclosure.",
    "The risks of release are greater than the benefits.",
    "It is not in the public interest to disclose the rota.",
    "The balance of public interest lies in maintaining the exemption.",
]
UNCLEAR = [
    "",
    "We considered the factors on both sides.",
    "The information concerns ANPR cameras.",
    "We have decided to release part of the data. The rest is withheld.",
    "Disclosure would bring greater transparency.",
]


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
