"""The knowledge base: the catalogue agrees with the domain brief, validation catches bad data,
and the look-ups (search, suggest, detect_irrelevant, guidance, rules) behave."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from foi_core.knowledge import (
    DATA_DIR,
    STEP_KEYS,
    KnowledgeError,
    load_catalogue,
    load_catalogue_from,
    load_rule_book,
    load_rule_book_from,
    load_rules,
)
from foi_core.models import CITATION_PATTERN

# --- The domain brief ---------------------------------------------------------------------------


def _domain_brief() -> str:
    candidates = [
        Path(__file__).resolve().parents[2] / "shared/reference/foia-domain.md",
        Path("/work/shared/reference/foia-domain.md"),
    ]
    for path in candidates:
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.fail(f"foia-domain.md not found; looked in {[str(p) for p in candidates]}")


def _section_text(markdown: str, start_heading: str, end_heading: str) -> str:
    start = markdown.index(start_heading)
    end = markdown.index(end_heading, start)
    return markdown[start:end]


def _table_rows(text: str) -> list[list[str]]:
    """Data rows of the first markdown table in ``text`` (header and rule line skipped)."""
    rows = [line for line in text.splitlines() if line.startswith("|")]
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    return [row for row in cells[2:] if row and row[0]]


_ROMAN = {"i", "ii", "iii", "iv", "v", "vi"}
_AA_SERIES = ["a", "aa", "ab", "ac", "ad", "b"]


def _limbs(citation: str) -> tuple[str, list[str]]:
    head = re.match(r"^\d+[A-Z]?", citation).group(0)
    return head, re.findall(r"\((\w+)\)", citation)


def _join(head: str, limbs: list[str]) -> str:
    return "s" + head + "".join(f"({limb})" for limb in limbs)


def _limb_range(start: str, end: str) -> list[str]:
    if len(start) == 1 and len(end) == 1:
        return [chr(c) for c in range(ord(start), ord(end) + 1)]
    return _AA_SERIES[_AA_SERIES.index(start) : _AA_SERIES.index(end) + 1]


# The s40(2) conditions are catalogued by the subsection that defines them (our choice).
_S40_CONDITIONS = {"40(3A)": "s40(2)", "40(3B)": "s40(3B)", "40(4A)": "s40(4A)"}


def _citations_for_row(section_cell: str) -> list[str] | None:
    """Catalogue citations for a §2 table row, or None for a bare section number."""
    cell = section_cell.replace("*", "").strip()
    if "+" in cell:
        condition = re.search(r"\+\s*(\d+\(\w+\))", cell).group(1)
        return [_S40_CONDITIONS[condition]]
    if "(" not in cell:
        return None
    citations: list[str] = []
    first, *rest = [piece.strip() for piece in cell.split(",")]
    range_match = re.fullmatch(r"(.+)\((\w+)\)–\((\w+)\)", first)
    if range_match:
        head, limbs = _limbs(range_match.group(1) + "(x)")
        limbs = limbs[:-1]
        for limb in _limb_range(range_match.group(2), range_match.group(3)):
            citations.append(_join(head, [*limbs, limb]))
    else:
        alternatives = first.split("/")
        head, limbs = _limbs(alternatives[0])
        citations.append(_join(head, limbs))
        for alternative in alternatives[1:]:
            citations.append(_join(head, [*limbs[:-1], alternative.strip("()")]))
    base_head, base_limbs = _limbs(first.split("/")[0].split("–")[0])
    for piece in rest:
        limb = piece.strip("()")
        wanted_roman = limb in _ROMAN
        index = max(
            i for i, existing in enumerate(base_limbs) if (existing in _ROMAN) == wanted_roman
        )
        citations.append(_join(base_head, [*base_limbs[:index], limb]))
    return citations


def _expected_test(cell: str) -> str:
    text = cell.replace("*", "")
    if text.startswith("n/a"):
        return "procedural"
    if "qualified person" in text:
        return "qualified_person"
    if "Endangerment" in text:
        return "endangerment"
    if "national security" in text:
        return "national_security"
    if text.startswith("Prej"):
        return "prejudice"
    if text.startswith("Class"):
        return "class"
    raise AssertionError(f"cannot read the test type from {cell!r}")


def _expected_ncnd(cell: str) -> str | None:
    if cell.startswith(("None", "No NCND", "—")):
        return None
    match = re.match(r"(\d+[A-Z]?(?:\(\w+\))+)", cell)
    assert match, f"cannot read an NCND provision from {cell!r}"
    return "s" + match.group(1)


def _main_table() -> list[list[str]]:
    text = _section_text(_domain_brief(), "## 2. Table of every Part II", "### 2.1")
    return _table_rows(text)


def _row_id(row: list[str]) -> str:
    return row[0]


# --- Loading --------------------------------------------------------------------------------


def test_catalogue_loads_and_is_cached():
    cat = load_catalogue()
    assert cat is load_catalogue()
    assert len(cat.exemptions) >= 50
    citations = [e.citation for e in cat.exemptions]
    assert len(citations) == len(set(citations))
    assert all(CITATION_PATTERN.match(c) for c in citations)


def test_every_ncnd_provision_is_a_valid_citation_in_its_own_section():
    for exemption in load_catalogue().exemptions:
        if exemption.ncnd_provision:
            assert CITATION_PATTERN.match(exemption.ncnd_provision)
            assert exemption.ncnd_provision.startswith(f"s{exemption.section}(")


@pytest.mark.parametrize("row", _main_table(), ids=_row_id)
def test_catalogue_agrees_with_the_domain_brief_table(row):
    section, _title, abs_qual, prej_class, ncnd, pit = row[:6]
    cat = load_catalogue()
    if abs_qual == "—":  # s25: certificates only, not an exemption
        assert cat.by_section(section) == []
        return
    citations = _citations_for_row(section)
    entries = cat.by_section(section) if citations is None else [cat.get(c) for c in citations]
    assert entries, f"no catalogue entries for row {section!r}"
    assert all(e is not None for e in entries), f"missing {citations} for row {section!r}"
    for entry in entries:
        where = f"{entry.citation} (row {section!r})"
        if abs_qual.startswith(("Not an exemption", "Procedural")):
            assert entry.kind == "procedural", where
            assert not entry.absolute, where
        else:
            assert entry.kind == "exemption", where
            assert entry.absolute is abs_qual.startswith("Abs"), where
        assert entry.pit_required is pit.startswith(("Yes", "Formally yes")), where
        assert entry.test == _expected_test(prej_class), where
        expected = _expected_ncnd(ncnd)
        if expected is None:
            assert entry.ncnd_provision is None, where
        else:
            # The catalogue may be more precise: s40(5B)(a)(i) within the table's s40(5B)(a).
            assert entry.ncnd_provision is not None, where
            assert entry.ncnd_provision == expected or entry.ncnd_provision.startswith(
                expected + "("
            ), f"{where}: {entry.ncnd_provision} vs {expected}"
        if "not re-verified" in " ".join(row):
            assert entry.verified is False, f"{where}: the brief marks this row not re-verified"


def test_row_expansion_reads_multi_limb_rows():
    """The helper that maps table rows to citations is itself checked on the awkward rows."""
    assert _citations_for_row("30(1)(a)–(c)") == ["s30(1)(a)", "s30(1)(b)", "s30(1)(c)"]
    assert _citations_for_row("36(2)(b)(i)/(ii), (c)") == [
        "s36(2)(b)(i)",
        "s36(2)(b)(ii)",
        "s36(2)(c)",
    ]
    assert _citations_for_row("37(1)(a)–(ab)") == ["s37(1)(a)", "s37(1)(aa)", "s37(1)(ab)"]
    assert _citations_for_row("37(1)(ac)–(ad), (b)") == ["s37(1)(ac)", "s37(1)(ad)", "s37(1)(b)"]
    assert _citations_for_row('40(2) + 40(3B) ("second condition")') == ["s40(3B)"]
    assert _citations_for_row("31") is None


def test_ncnd_subsections_the_brief_says_are_unverified_are_marked_unverified():
    paragraph = _section_text(_domain_brief(), "**How far the NCND column was checked", "**Abs")
    unverified_part = paragraph.split("The rest", 1)[1]
    provisions = {
        "s" + p for p in re.findall(r"(\d+[A-Z]?(?:\(\w+\))+)", unverified_part.split(")", 1)[1])
    }
    provisions |= {
        "s" + p for p in re.findall(r"(\d+[A-Z]?\(\d+\))", unverified_part.split("come from")[0])
    }
    assert "s42(2)" in provisions and "s43(3)" in provisions
    cat = load_catalogue()
    for exemption in cat.exemptions:
        if exemption.ncnd_provision in provisions:
            assert exemption.verified is False, exemption.citation


def test_absolute_exemptions_match_section_2_3_list():
    cat = load_catalogue()
    absolute = {e.citation for e in cat.exemptions if e.absolute}
    assert absolute == {
        "s21",
        "s23(1)",
        "s32",
        "s34",
        "s37(1)(a)",
        "s37(1)(aa)",
        "s37(1)(ab)",
        "s40(1)",
        "s40(2)",
        "s41",
        "s44",
    }


def test_every_s31_limb_from_the_sub_table_exists():
    text = _section_text(_domain_brief(), "### 2.1", "s31(2) purposes")
    limbs = [row[0] for row in _table_rows(text)]
    assert len(limbs) == 9
    cat = load_catalogue()
    for limb in limbs:
        entry = cat.get("s31" + limb)
        assert entry is not None, limb
        assert entry.test == "prejudice" and entry.qualified and entry.ncnd_provision == "s31(3)"
    assert [e.citation for e in cat.by_section("31")] == ["s31" + limb for limb in limbs]
    for limb in ("g", "h", "i"):
        entry = cat.get(f"s31(1)({limb})")
        assert "purpose" in {p.id for p in entry.harm_prompts}
        assert "s31(2)" in entry.summary


def test_prejudice_classification_follows_the_ico_list():
    text = _domain_brief()
    sentence = re.search(r"The ICO lists these as the prejudice-based exemptions: ([^.]+)\.", text)
    listed = [s.strip() for s in sentence.group(1).split(",")]
    cat = load_catalogue()
    ico = set()
    for citation in listed:
        entries = cat.search(citation)
        assert entries, citation
        ico |= {e.citation for e in entries}
    prejudice_based = {
        e.citation for e in cat.exemptions if e.test in {"prejudice", "qualified_person"}
    }
    assert prejudice_based == ico | {"s22A"}
    assert {e.test for e in cat.by_section("38")} == {"endangerment"}
    assert cat.get("s24(1)").test == "national_security"
    assert cat.get("s23(1)").test == "class"
    assert all(e.needs_harm_test for e in cat.exemptions if e.test == "prejudice")
    assert not cat.get("s30(1)(a)").needs_harm_test


def test_s40_entries_and_dunhill_note():
    cat = load_catalogue()
    first = cat.get("s40(2)")
    assert first.absolute and not first.pit_required
    assert first.ncnd_provision == "s40(5B)(a)(i)"
    assert first.ncnd_pit_optional
    assert "Dunhill" in " ".join(first.notes)
    assert "legitimate" in first.summary.lower()
    assert cat.get("s40(1)").ncnd_provision == "s40(5A)"
    assert cat.get("s40(3B)").qualified and cat.get("s40(4A)").qualified
    assert first.letter_citation == "section 40(2) by virtue of section 40(3A)(a)"
    assert cat.get("s31(1)(a)").letter_citation == "section 31(1)(a)"


def test_s35_notes_it_is_for_government_departments_only():
    s35 = load_catalogue().get("s35")
    assert "government departments" in " ".join([s35.summary, *s35.notes]).lower()


# --- Factors --------------------------------------------------------------------------------


def test_qualified_exemptions_have_factor_libraries_with_ncnd_wordings():
    cat = load_catalogue()
    for exemption in cat.exemptions:
        if exemption.qualified:
            assert len(exemption.factors_for) >= 2, exemption.citation
            assert len(exemption.factors_against) >= 2, exemption.citation
            if exemption.ncnd_provision:
                assert any(f.ncnd for f in exemption.all_factors), exemption.citation
                for factor in exemption.all_factors:
                    if factor.ncnd:
                        assert "confirm" in factor.text.lower(), factor.id


def test_factor_ids_are_unique_across_the_library():
    cat = load_catalogue()
    ids = [f.id for f in cat.general_factors_for]
    for exemption in cat.exemptions:
        ids += [f.id for f in exemption.all_factors]
    assert len(ids) == len(set(ids))
    assert cat.library_factor("gen-public-money").text.startswith("Disclosure would show")
    assert cat.library_factor("no-such-factor") is None


def test_factors_for_claim_puts_ncnd_wordings_first_when_asked():
    cat = load_catalogue()
    offered = cat.factors_for_claim("s31(1)(a)", ncnd=True)
    assert offered["for"][0].ncnd and offered["against"][0].ncnd
    offered = cat.factors_for_claim("s31(1)(a)", ncnd=False)
    assert not offered["for"][0].ncnd
    assert {f.id for f in cat.general_factors_for} <= {f.id for f in offered["for"]}


def test_general_factors_cover_the_ico_and_police_lists():
    texts = " ".join(f.text.lower() for f in load_catalogue().general_factors_for)
    for idea in (
        "transparency",
        "debate",
        "accountable",
        "public money",
        "health or safety",
        "wrongdoing",
        "trust and confidence",
        "tactics",
    ):
        assert idea in texts, idea


@pytest.mark.parametrize(
    ("text", "factor_id"),
    [
        ("it would embarrass the force", "embarrassment"),
        ("Disclosure would be embarrassing for senior managers", "embarrassment"),
        ("It would cause reputational damage to the force", "embarrassment"),
        ("Disclosure would undermine public confidence in the force", "loss-of-confidence"),
        ("there could be a loss of confidence in policing", "loss-of-confidence"),
        ("The requester is a journalist writing a story", "requester-identity-motive"),
        ("We are concerned about the requester's motives", "requester-identity-motive"),
        ("The figures could be misunderstood by the public", "misunderstanding"),
        ("The data is too technical for a lay reader", "misunderstanding"),
        ("Given the seniority of the officers concerned", "seniority"),
        ("The case has attracted intense media interest", "publicity-curiosity"),
        ("This was a high-profile case", "publicity-curiosity"),
        ("Release would cause distress to the family of the victim", "distress"),
        ("It would lead to negative press coverage", "negative-press"),
        ("We want to avoid bad press", "negative-press"),
    ],
)
def test_detect_irrelevant_finds_irrelevant_considerations(text, factor_id):
    found = [f.id for f in load_catalogue().detect_irrelevant(text)]
    assert factor_id in found


@pytest.mark.parametrize(
    "text",
    [
        "Disclosure would increase public trust and confidence in policing.",
        "Disclosure would reveal tactics that offenders could exploit to avoid detection.",
        "The requester asked for the number of ANPR cameras in the county.",
        "Disclosure to the requester is disclosure to the world.",
        "There is a strong public interest in transparency and accountability.",
        "Disclosure would correct an incomplete account already in the public domain.",
        "Released together, these answers would map national capability.",
        "",
    ],
)
def test_detect_irrelevant_stays_quiet_on_neutral_text(text):
    assert load_catalogue().detect_irrelevant(text) == []


def test_no_library_factor_trips_the_irrelevant_detector():
    cat = load_catalogue()
    for exemption in cat.exemptions:
        for factor in exemption.all_factors:
            assert cat.detect_irrelevant(factor.text) == [], (exemption.citation, factor.text)
    for factor in cat.general_factors_for:
        assert cat.detect_irrelevant(factor.text) == [], factor.text


def test_irrelevant_factors_cover_the_brief_list():
    ids = {f.id for f in load_catalogue().irrelevant_factors}
    assert ids >= {
        "embarrassment",
        "loss-of-confidence",
        "requester-identity-motive",
        "misunderstanding",
        "seniority",
        "publicity-curiosity",
        "distress",
        "negative-press",
    }


# --- Search and suggest -----------------------------------------------------------------------


S31_LIMBS = [f"s31(1)({limb})" for limb in "abcdefghi"]


@pytest.mark.parametrize("query", ["31", "s31", "S31", "section 31", "s31(1)", " 31 "])
def test_search_by_section_gives_every_limb_in_order(query):
    assert [e.citation for e in load_catalogue().search(query)] == S31_LIMBS


def test_search_by_exact_citation_and_by_words():
    cat = load_catalogue()
    assert [e.citation for e in cat.search("s31(1)(a)")] == ["s31(1)(a)"]
    assert [e.citation for e in cat.search("s36(2)(b)")] == ["s36(2)(b)(i)", "s36(2)(b)(ii)"]
    assert [e.citation for e in cat.search("22A")] == ["s22A"]
    assert [e.citation for e in cat.search("22")] == ["s22"]
    assert set(S31_LIMBS) <= {e.citation for e in cat.search("law enforcement")}
    assert "s42" in [e.citation for e in cat.search("Legal Advice")]
    assert "s38(1)(b)" in [e.citation for e in cat.search("safety")]
    assert cat.search("") == []
    assert cat.search("xylophone") == []
    assert cat.search("s99") == []


def test_suggest_finds_exemptions_with_reasons():
    cat = load_catalogue()
    text = (
        "Please tell me how many ANPR cameras you have, where covert surveillance is used, "
        "and copies of any legal advice about the contract with the supplier."
    )
    suggestions = cat.suggest(text)
    by_citation = {s.citation: s for s in suggestions}
    assert {"s31(1)(a)", "s24(1)", "s42", "s43(2)"} <= set(by_citation)
    for suggestion in suggestions:
        assert suggestion.reason == f"mentions {suggestion.keyword}"
        assert suggestion.keyword.lower() in text.lower()
    assert len(by_citation) == len(suggestions)  # one per citation
    assert cat.suggest(text) == suggestions  # deterministic
    order = [e.citation for e in cat.exemptions]
    assert [s.citation for s in suggestions] == sorted(by_citation, key=order.index)


def test_suggest_matches_whole_words_only():
    cat = load_catalogue()
    assert not any(s.keyword == "camera" for s in cat.suggest("The cameraman filmed the parade"))
    assert any(s.keyword == "camera" for s in cat.suggest("How many CAMERAS are there?"))
    assert cat.suggest("How many paper clips did you buy last year?") == []


def test_suggest_reaches_the_main_police_themes():
    cat = load_catalogue()
    cases = {
        "informant payments": "s30(2)",
        "terrorism arrests": "s24(1)",
        "details of the named person": "s40(2)",
        "the murder investigation": "s30(1)(a)",
        "officer misconduct hearings": "s31(1)(g)",
        "my own custody record": "s40(1)",
        "intelligence from Europol": "s27(2)",
    }
    for text, citation in cases.items():
        assert citation in [s.citation for s in cat.suggest(text)], text


# --- Guidance and glossary ------------------------------------------------------------------


def test_guidance_for_every_step():
    cat = load_catalogue()
    for key in STEP_KEYS:
        guidance = cat.guidance(key)
        assert guidance.title and guidance.what_the_law_asks and guidance.why
        assert guidance.provision
    with pytest.raises(KeyError, match="no guidance"):
        cat.guidance("nonsense")


def test_glossary_has_the_core_terms():
    cat = load_catalogue()
    for term in (
        "NCND",
        "PIT",
        "Absolute exemption",
        "Qualified exemption",
        "Prejudice",
        "Would be likely to",
        "Mosaic effect",
        "Precedent effect",
        "s17 notice",
        "Working day",
        "Internal review",
        "ICO",
        "Aggregation",
        "Applicant-blind",
    ):
        assert cat.term(term) is not None, term


def test_harm_prompts_are_filled_from_the_standard_set():
    cat = load_catalogue()
    prompts = cat.get("s31(1)(a)").harm_prompts
    assert [p.id for p in prompts][:6] == [
        "interest",
        "causal_chain",
        "likelihood",
        "mosaic",
        "precedent",
        "evidence",
    ]
    assert "prevention or detection of crime" in prompts[0].question
    assert all("{" not in p.question for e in cat.exemptions for p in e.harm_prompts)
    likelihood = next(p for p in prompts if p.id == "likelihood")
    assert "more probable than not" in likelihood.help
    assert "real and significant risk" in likelihood.help


# --- Validation of bad data -----------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def _edit_entry(directory: Path, filename: str, target: str, **changes) -> None:
    path = directory / "exemptions" / filename
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in entries:
        if entry["citation"] == target:
            entry.update(changes)
            break
    else:
        raise AssertionError(f"{target} not in {filename}")
    path.write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")


def test_one_exemption_file_per_section():
    files = sorted((DATA_DIR / "exemptions").glob("*.yaml"))
    for path in files:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert {f"s{entry['section']}.yaml" for entry in entries} == {path.name}
    sections = {f"s{e.section}.yaml" for e in load_catalogue().exemptions}
    assert sections == {path.name for path in files}


def test_copy_of_the_real_data_loads(data_copy):
    assert len(load_catalogue_from(data_copy).exemptions) == len(load_catalogue().exemptions)


def test_unknown_test_type_names_file_and_entry(data_copy):
    _edit_entry(data_copy, "s21.yaml", "s21", test="harmful")
    with pytest.raises(KnowledgeError) as error:
        load_catalogue_from(data_copy)
    message = str(error.value)
    assert "exemptions/s21.yaml" in message and "'s21'" in message and "test" in message


def test_absolute_with_pit_required_is_rejected(data_copy):
    _edit_entry(data_copy, "s23.yaml", "s23(1)", pit_required=True)
    with pytest.raises(KnowledgeError, match=r"s23\.yaml, citation 's23\(1\)': an absolute"):
        load_catalogue_from(data_copy)


def test_duplicate_citation_across_files_is_rejected(data_copy):
    source = yaml.safe_load((data_copy / "exemptions/s21.yaml").read_text(encoding="utf-8"))
    s21 = next(e for e in source if e["citation"] == "s21")
    extra = data_copy / "exemptions/zz-extra.yaml"
    extra.write_text(yaml.safe_dump([s21], sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_catalogue_from(data_copy)
    assert "duplicate citation" in str(error.value)
    assert "zz-extra.yaml" in str(error.value) and "exemptions/s21.yaml" in str(error.value)


def test_duplicate_factor_id_is_rejected(data_copy):
    path = data_copy / "exemptions/s24.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    s24 = next(e for e in entries if e["citation"] == "s24(1)")
    s24["factors_for"][0]["id"] = "gen-transparency"
    path.write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"s24\(1\).*gen-transparency.*not unique"):
        load_catalogue_from(data_copy)


def test_qualified_exemption_without_enough_factors_is_rejected(data_copy):
    _edit_entry(data_copy, "s42.yaml", "s42", factors_against=[])
    with pytest.raises(KnowledgeError, match=r"s42\.yaml, citation 's42': .*2 factors"):
        load_catalogue_from(data_copy)


def test_prejudice_entry_without_core_prompts_is_rejected(data_copy):
    guidance = data_copy / "guidance.yaml"
    raw = yaml.safe_load(guidance.read_text(encoding="utf-8"))
    raw["harm_prompts"]["prejudice"] = [
        p for p in raw["harm_prompts"]["prejudice"] if p["id"] != "likelihood"
    ]
    guidance.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"harm_prompts lack \['likelihood'\]"):
        load_catalogue_from(data_copy)


def test_unknown_field_and_bad_citation_are_rejected(data_copy):
    _edit_entry(data_copy, "s30.yaml", "s30(2)", colour="red")
    with pytest.raises(KnowledgeError, match=r"s30\.yaml, citation 's30\(2\)': colour"):
        load_catalogue_from(data_copy)


def test_malformed_citation_is_rejected(data_copy):
    _edit_entry(data_copy, "s30.yaml", "s30(2)", citation="section 30")
    with pytest.raises(KnowledgeError, match="is not a citation"):
        load_catalogue_from(data_copy)


def test_broken_yaml_names_the_file(data_copy):
    (data_copy / "exemptions/s32.yaml").write_text("- citation: s32\n  title: [unclosed\n")
    with pytest.raises(KnowledgeError, match=r"s32\.yaml: not valid YAML"):
        load_catalogue_from(data_copy)


def test_bad_irrelevant_phrase_is_rejected(data_copy):
    path = data_copy / "factors.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["irrelevant_factors"][0].setdefault("phrases", []).append("embarrass(")
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"id 'embarrassment': phrase 'embarrass\(' is not"):
        load_catalogue_from(data_copy)


# --- Rules ------------------------------------------------------------------------------------

REQUIRED_RULES = {
    "citation-without-subsection": "error",
    "qualified-without-factors-both-sides": "error",
    "qualified-without-balance": "error",
    "pit-on-absolute": "error",
    "prejudice-without-interest": "error",
    "prejudice-without-causal-chain": "error",
    "prejudice-without-likelihood": "error",
    "ncnd-without-harm": "error",
    "ncnd-without-pit": "error",
    "ncnd-text-leaks-holding": "error",
    "irrelevant-factor-used": "error",
    "s30-and-s31-same-items": "error",
    "s23-s24-not-in-alternative": "error",
    "s35-not-government-department": "error",
    "s36-without-opinion": "error",
    "s36-opinion-after-response": "error",
    "s12-without-estimate": "error",
    "s12-without-advice": "error",
    "s12-estimate-under-limit": "warning",
    "s21-without-location": "error",
    "deadline-cannot-be-counted": "error",
    "extension-cannot-be-counted": "error",
    "response-after-deadline": "warning",
    "pit-extension-past-40-days": "warning",
    "no-review-rights": "error",
    "no-ico-rights": "error",
    "letter-without-addressee": "warning",
    "response-date-far-from-today": "warning",
    "item-without-outcome": "error",
    "withheld-item-without-claim": "error",
    "claim-outside-catalogue": "error",
    "s40-without-legitimate-interests": "warning",
    "disclosed-item-without-answer": "error",
    "request-without-items": "error",
    "step-needs-recheck": "error",
    "decision-before-request": "error",
    "balance-disclose-but-withheld": "error",
    "reasoning-contradicts-conclusion": "error",
    "exemption-record-missing": "error",
    "s22-publication-missing": "error",
    "ncnd-provision-used-to-withhold": "error",
    "limbs-from-different-sections": "error",
    "combined-balance-before-dbt": "error",
    "ncnd-subject-named-elsewhere": "error",
    "ncnd-searches-listed": "error",
    "review-part-changed-without-reason": "error",
    "review-outcome-missing": "error",
    "review-outcome-contradicts-parts": "error",
    "review-overdue": "warning",
    "ico-step-overdue": "warning",
    "untailored-paragraph": "error",
    "copied-text-may-be-stale": "warning",
}


def test_rules_load_with_the_required_ids_and_severities():
    rules = load_rules()
    assert {r.id: r.severity for r in rules} == REQUIRED_RULES
    assert all(r.step in STEP_KEYS for r in rules)
    assert load_rule_book() is load_rule_book()


def test_rule_messages_fill_placeholders_and_never_show_braces():
    rule = load_rule_book().rule("qualified-without-balance")
    assert rule.render_message(citation="s31(1)(a)").startswith("s31(1)(a) is a qualified")
    for rule in load_rules():
        assert "{" not in rule.render_message() and "{" not in rule.render_fix()
    with pytest.raises(KeyError):
        load_rule_book().rule("no-such-rule")


def test_ncnd_leak_phrases():
    book = load_rule_book()
    assert "we hold" in book.leaks("We hold two reports on this subject.")
    assert book.leaks("Our records show no such operation took place.")
    caveat = (
        "This response should not be taken as an indication of whether or not information "
        "is held. The force neither confirms nor denies that it holds the information."
    )
    assert book.leaks(caveat) == []


def test_bad_rules_file_is_rejected(tmp_path):
    raw = yaml.safe_load((DATA_DIR / "rules.yaml").read_text(encoding="utf-8"))
    raw["rules"][0]["severity"] = "fatal"
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"rules\.yaml, id 'citation-without-subsection'"):
        load_rule_book_from(path)

    raw["rules"][0]["severity"] = "error"
    raw["rules"][1]["message"] = "Broken {placeholder}"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unknown placeholder"):
        load_rule_book_from(path)

    raw["rules"][1] = dict(raw["rules"][0])
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="duplicate rule id"):
        load_rule_book_from(path)


# --- Aliases, NCND provisions and record prompts (issue 8) -----------------------------------

# Entries cited by section alone in the catalogue whose letters usually add the subsection.
EXPECTED_ALIASES = {
    "s21": "s21(1)",
    "s22": "s22(1)",
    "s22A": "s22A(1)",
    "s26": "s26(1)",
    "s28": "s28(1)",
    "s29": "s29(1)",
    "s32": "s32(1)",
    "s33": "s33(2)",
    "s34": "s34(1)",
    "s35": "s35(1)",
    "s39": "s39(1)",
    "s41": "s41(1)",
    "s42": "s42(1)",
    "s44": "s44(1)",
}


def test_every_bare_section_entry_has_its_subsection_as_an_alias():
    cat = load_catalogue()
    bare = {e.citation for e in cat.exemptions if "(" not in e.citation}
    assert bare == set(EXPECTED_ALIASES)
    for citation, alias in EXPECTED_ALIASES.items():
        assert alias in cat.get(citation).aliases
        assert cat.get(alias).citation == citation


@pytest.mark.parametrize(
    ("typed", "citation"),
    [("s21(1)", "s21"), ("S.22(1)", "s22"), ("31(1)(a)", "s31(1)(a)"), ("section 24(1)", "s24(1)")],
)
def test_get_accepts_aliases_and_citations_as_typed(typed, citation):
    assert load_catalogue().get(typed).citation == citation


@pytest.mark.parametrize(
    ("provision", "citations"),
    [
        ("s31(3)", S31_LIMBS),
        ("31(3)", S31_LIMBS),
        ("s24(2)", ["s24(1)"]),
        ("s23(5)", ["s23(1)"]),
        ("s40(5B)", ["s40(2)", "s40(3B)", "s40(4A)"]),
        ("s40(5B)(a)(i)", ["s40(2)"]),
        ("s30(3)", ["s30(1)(a)", "s30(1)(b)", "s30(1)(c)", "s30(2)"]),
        ("s38(2)", ["s38(1)(a)", "s38(1)(b)"]),
    ],
)
def test_ncnd_provisions_name_the_entries_they_protect(provision, citations):
    cat = load_catalogue()
    assert [e.citation for e in cat.ncnd_entries(provision)] == citations
    assert cat.is_ncnd_provision(provision)


def test_a_withholding_citation_is_not_an_ncnd_provision():
    cat = load_catalogue()
    assert not cat.is_ncnd_provision("s31(1)(a)")
    assert not cat.is_ncnd_provision("s21")
    assert cat.ncnd_entries("s99(3)") == []


def test_search_finds_ncnd_provisions_by_citation_and_by_words():
    cat = load_catalogue()
    assert [e.citation for e in cat.search("31(3)")] == S31_LIMBS
    assert [e.citation for e in cat.search("s24(2)")] == ["s24(1)"]
    assert [e.citation for e in cat.search("S.21(1)")] == ["s21"]
    assert [e.citation for e in cat.search("s31(1)(a), (b)")] == ["s31(1)(a)", "s31(1)(b)"]
    with_ncnd = {e.citation for e in cat.exemptions if e.ncnd_provision}
    for words in ["neither confirm", "NCND", "confirm or deny", "Neither confirm nor deny"]:
        assert with_ncnd <= {e.citation for e in cat.search(words)}, words


# What each test must record (domain brief §2.2, §3.3), and nothing the model records elsewhere.
EXPECTED_RECORD_PROMPTS = {
    "s14(1)": {"why_vexatious"},  # optional: s17(5) needs only the fact; reasons help
    "s14(2)": {"repeats"},
    "s24(1)": {"why_required", "certificate"},
    "s38(1)(a)": {"who_endangered"},
    "s38(1)(b)": {"who_endangered"},
    "s43(2)": {"whose_interests"},
    "s30(1)(a)": {"investigation"},
    "s30(1)(b)": {"investigation"},
    "s30(1)(c)": {"investigation"},
    "s30(2)": {"investigation"},
    "s22": {"why_reasonable"},  # who and when: the publication plan (PublicationPlan)
    "s40(2)": {"data_subjects"},
    "s40(3B)": {"objection"},
    "s40(4A)": {"sar_exemption"},
}


def test_record_prompts_ask_what_each_exemption_must_record():
    cat = load_catalogue()
    for entry in cat.exemptions:
        assert {p.id for p in entry.record_prompts} == EXPECTED_RECORD_PROMPTS.get(
            entry.citation, set()
        ), entry.citation
    assert not cat.get("s24(1)").record_prompts[1].required
    assert all(p.required for p in cat.get("s38(1)(a)").record_prompts)
    for entry in cat.exemptions:
        words = " ".join(p.question.lower() for p in entry.record_prompts)
        # s36's opinion and s40(2)'s legitimate interests have their own records; s22's date too.
        assert "qualified person" not in words and "legitimate interest" not in words
        assert "when" not in words


def test_duplicate_record_prompt_ids_are_rejected(data_copy):
    prompt = {"id": "why_required", "question": "Why?", "in_letter": True}
    _edit_entry(data_copy, "s24.yaml", "s24(1)", record_prompts=[prompt, prompt])
    with pytest.raises(KnowledgeError, match=r"s24\(1\)': record prompt ids are not unique"):
        load_catalogue_from(data_copy)


def test_a_record_prompt_needs_a_plain_id_and_to_say_whether_it_is_in_the_letter(data_copy):
    _edit_entry(data_copy, "s24.yaml", "s24(1)", record_prompts=[{"id": "Why", "question": "?"}])
    with pytest.raises(KnowledgeError, match=r"s24\(1\)'.*record_prompts"):
        load_catalogue_from(data_copy)


@pytest.mark.parametrize(
    ("filename", "citation", "alias", "message"),
    [
        ("s21.yaml", "s21", "s22(1)", r"alias s22\(1\) is not in section 21"),
        ("s43.yaml", "s43(2)", "s43(1)", r"'s43\(1\)' also names"),
        ("s22.yaml", "s22", "s22(2)", r"alias 's22\(2\)' is an NCND provision"),
    ],
)
def test_an_alias_must_be_in_its_section_and_name_nothing_else(
    data_copy, filename, citation, alias, message
):
    _edit_entry(data_copy, filename, citation, aliases=[alias])
    with pytest.raises(KnowledgeError, match=message):
        load_catalogue_from(data_copy)
