"""The letters: structure against the seed letters, mixed cases, refusal and drafts, custom
templates, reproducibility, the PIT extension letter, the reasoning record and the CLI hooks.

Every document is read back with python-docx (``letter_paragraphs`` / ``document_text``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from case_factory import correct_case
from docx import Document
from docxtpl import DocxTemplate

from foi_core import cli
from foi_core.checker import check
from foi_core.deadlines import due_date
from foi_core.letters import (
    DEFAULT_TEMPLATES,
    DRAFT_MARKER,
    LetterBlocked,
    LetterContext,
    LetterDataError,
    LibreOfficeMissing,
    PitExtensionContext,
    RecordContext,
    TemplateProblem,
    document_text,
    letter_environment,
    letter_paragraphs,
    missing_template_variables,
    record_case_file,
    record_issue,
    render_case_file,
    render_letter,
    render_pit_extension_letter,
    render_reasoning_record,
)
from foi_core.letters.build_templates import build_all
from foi_core.letters.paths import TEMPLATES_DIR
from foi_core.models import (
    Balance,
    Case,
    ClaimMode,
    Conclusion,
    ExemptionClaim,
    OrganisationProfile,
    Outcome,
    Request,
    RequestItem,
)
from tests.conftest import EXAMPLES, example_case
from tests.docx_files import tiny_png

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path("/work/shared/seeds")
PROFILE = OrganisationProfile()
LEFTOVER_TAG = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def headings(data: bytes) -> list[str]:
    return [text for style, text in letter_paragraphs(data) if style.startswith("Heading")]


def texts(data: bytes) -> list[str]:
    return [text for _style, text in letter_paragraphs(data)]


# --- Structure against the seed letters ------------------------------------------------------
#
# Each section is recognised in a seed letter by a line of its text and in our letter by a
# heading or a fixed paragraph. The order of first appearance must be the same, and a section
# appears in our letter exactly when it appears in the seed.

SECTIONS: dict[str, tuple[str, str]] = {
    # key: (pattern for a seed line, pattern for one of our paragraphs)
    "title": (r"^Freedom of Information Act 2000$", r"^Freedom of Information Act 2000$"),
    "request": (r"seek access to the following information", r"^Your request$"),
    "searches": (r"searches were conducted", r"^Our searches$"),
    "response": (r"information asked for is as follows", r"^Our response$"),
    "exemptions": (
        r"can neither confirm nor deny that it holds|^Section 17 of the Freedom of Information",
        r"^The exemptions we rely on$",
    ),
    "harm": (r"^Overall harm|^Evidence of Harm", r"^(Evidence of harm|Harm in confirming)"),
    "public_interest": (
        r"^Factors favouring confirmation|Considerations favouring disclosure",
        r": factors favouring (disclosure|confirming or denying)$",
    ),
    "personal_information": (r"^Section 40 ?\(5\)", r"^Personal information$"),
    "balance": (r"^Balance test$|^Conclusion$", r"^The balance and our conclusion$"),
    "no_inference": (r"viewed as an inference", r"^No inference$"),
    "review": (r"right to ask for a re-examination", r"^Your right to ask for a review$"),
    "signatory": (r"^Freedom of Information Officer$", r"^Yours sincerely$"),
    "copyright": (r"Copyright, Designs and Patents Act", r"^Copyright and re-use$"),
}

# The section order of the two seed letters (../shared/seeds), written down so the test runs
# where the seeds are not available; test_seed_order_matches_the_seed_files checks it.
# The second seed has the same sections as the first, less personal information and no inference.
NCND_SEED_ORDER = [
    "title",
    "request",
    "searches",
    "response",
    "exemptions",
    "harm",
    "public_interest",
    "personal_information",
    "balance",
    "no_inference",
    "review",
    "signatory",
    "copyright",
]
SEED_ORDER = {
    "000_15a795a38889fb33.txt": NCND_SEED_ORDER,
    "003_f887effcbb580efa.txt": [
        key for key in NCND_SEED_ORDER if key not in {"personal_information", "no_inference"}
    ],
}
SEED_EXAMPLE = {
    "000_15a795a38889fb33.txt": "doorbell-camera-ncnd",
    "003_f887effcbb580efa.txt": "999-calls-partial",
}


def section_order(lines: list[str], side: int) -> list[str]:
    """Section keys in order of first appearance (side 0: seed patterns, 1: ours)."""
    order: list[str] = []
    for line in lines:
        for key, patterns in SECTIONS.items():
            if key not in order and re.search(patterns[side], line.strip()):
                order.append(key)
    return order


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed letters are not on this machine")
@pytest.mark.parametrize("seed", sorted(SEED_ORDER))
def test_seed_order_matches_the_seed_files(seed: str) -> None:
    lines = (SEEDS / seed).read_text(encoding="utf-8").splitlines()
    assert section_order(lines, 0) == SEED_ORDER[seed]


@pytest.mark.parametrize("seed", sorted(SEED_ORDER))
def test_example_letter_has_the_seed_sections_in_the_seed_order(seed: str) -> None:
    case = example_case(SEED_EXAMPLE[seed])
    rendered = render_letter(case, PROFILE)
    expected = SEED_ORDER[seed]
    if not (case.request.searches or any(i.searches for i in case.request.items)):
        # An all-NCND answer lists no searches (they would tell what is held).
        expected = [key for key in expected if key != "searches"]
    assert section_order(texts(rendered.data), 1) == expected


# --- The example cases, one of each shape ------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["doorbell-camera-ncnd", "999-calls-partial", "cost-limit-s12", "full-disclosure"]
)
def test_example_letters_render_cleanly(name: str) -> None:
    case = example_case(name)
    rendered = render_letter(case, PROFILE)
    text = document_text(rendered.data)
    assert not LEFTOVER_TAG.search(text)
    assert DRAFT_MARKER not in text
    assert case.request.our_ref in text
    for item in case.request.items:
        assert item.text in text
    for heading in (
        "Your right to ask for a review",
        "Your right to complain to the Information Commissioner",
        "Copyright and re-use",
    ):
        assert heading in headings(rendered.data)
    assert PROFILE.review_procedure in text
    assert PROFILE.ico_details in text
    assert PROFILE.copyright_notice in text


def test_whole_request_ncnd_letter() -> None:
    case = example_case("doorbell-camera-ncnd")
    rendered = render_letter(case, PROFILE)
    text = document_text(rendered.data)
    found = headings(rendered.data)
    # One answer for all sixteen questions, naming the NCND provisions, not the s1 limbs.
    assert "Questions 1 to 16" in texts(rendered.data)
    assert "relying on sections 24(2), 31(3) and 40(5B)(a)(i)" in text
    for heading in (
        "Section 24(2) – National security",
        "Section 31(3) – Law enforcement: prevention or detection of crime",
    ):
        assert heading in found
    assert "by reference to section 31(1)(a)" in text
    assert "Harm in confirming or denying" in found
    assert "Evidence of harm" not in found
    assert "Section 24(2): factors favouring confirming or denying" in texts(rendered.data)
    assert "Section 31(3): factors against confirming or denying" in texts(rendered.data)
    assert "factors favouring disclosure" not in text
    assert case.overall_harm in text
    assert "[2025] UKSC 27" in text  # the combined balance says it was weighed cumulatively
    assert "No inference" in found
    assert "Personal information" in found
    assert case.claim("ncnd-s40").legitimate_interests.balancing in text
    assert "The cost limit (section 12)" not in found


def test_partial_letter_answers_points_elsewhere_and_withholds_the_rest() -> None:
    case = example_case("999-calls-partial")
    paragraphs = texts(render_letter(case, PROFILE).data)
    answers = paragraphs[
        paragraphs.index("Our response") : paragraphs.index("The exemptions we rely on")
    ]
    assert answers[1:3] == ["Question 1", case.request.item(1).answer]
    second = answers[answers.index("Question 2") :]
    assert second[1] == case.request.item(2).answer
    assert "(section 21)" in second[2] and second[2].endswith("You can find it here:")
    assert second[3] == case.request.item(2).where_to_find
    assert second[4].startswith("We are withholding the rest of this information under sections")
    assert "24(1) and 31(1)(a)" in second[4]
    assert "Evidence of harm" in paragraphs
    assert "No inference" not in paragraphs
    assert "Section 31(1)(a): factors favouring disclosure" in paragraphs
    assert "Section 31(1)(a): factors against disclosure" in paragraphs


def test_cost_limit_letter_shows_the_estimate_and_advice() -> None:
    case = example_case("cost-limit-s12")
    rendered = render_letter(case, PROFILE)
    paragraphs = texts(rendered.data)
    found = headings(rendered.data)
    assert "The cost limit (section 12)" in found
    assert "Advice on narrowing your request (section 16)" in found
    assert "The exemptions we rely on" not in found
    estimate = case.cost_estimate
    table = Document(io.BytesIO(rendered.data)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Activity", "What it involves", "Records", "Time each", "Total"]
    assert len(rows) == 1 + len(estimate.lines)
    extract = next(r for r in rows if r[1] == estimate.lines[1].description)
    assert extract[2:] == ["1,144", "3 minutes", "57.2 hours"]
    total = next(p for p in paragraphs if p.startswith("In total we estimate"))
    hours = f"{estimate.total_hours:.1f}"
    assert f"{hours} hours" in total and "18 hours (£450)" in total
    assert estimate.s16_advice in paragraphs
    assert estimate.method in document_text(rendered.data)


def test_full_disclosure_letter_has_no_refusal_sections() -> None:
    case = example_case("full-disclosure")
    rendered = render_letter(case, PROFILE)
    found = headings(rendered.data)
    text = document_text(rendered.data)
    for item in case.request.items:
        assert item.answer in text
    for absent in (
        "The exemptions we rely on",
        "Evidence of harm",
        "The public interest test",
        "The balance and our conclusion",
        "No inference",
        "The cost limit (section 12)",
    ):
        assert absent not in found
    assert "applicant-blind" not in text


def test_mixed_case_with_every_feature() -> None:
    case = correct_case()
    assert not [f for f in check(case, PROFILE) if f.severity == "error"]
    rendered = render_letter(case, PROFILE)
    paragraphs = texts(rendered.data)
    text = "\n".join(paragraphs)
    assert not LEFTOVER_TAG.search(document_text(rendered.data))
    # The same provision used for two sets of questions is told apart by its questions.
    assert "Section 24(1) (question 2) – National security" in paragraphs
    assert "Section 24(1) (question 6) – National security" in paragraphs
    # s36: the qualified person's opinion; s23/s24 in the alternative; s21 named as exemption.
    assert "Our qualified person, Chief Constable, Qualified person under s36(5)" in text
    assert "We rely on section 23(1) in the alternative" in text
    assert any(p.startswith("Section 21 – ") for p in paragraphs)
    assert "Question 8" in paragraphs and "We do not hold this information." in paragraphs
    assert "The cost limit (section 12)" in paragraphs
    assert "Vexatious request (section 14(1))" not in paragraphs


def test_vexatious_request_letter() -> None:
    case = Case(
        request=Request(
            our_ref="V/1",
            received=dt.date(2024, 3, 4),
            items=[RequestItem(number=1, text="All emails ever.", outcome=Outcome.VEXATIOUS)],
        ),
        claims=[
            ExemptionClaim(
                citation="s14(1)",
                items=[1],
                notes="The seventh request this month on this.",
                records={"why_vexatious": "Full answers were given to six earlier requests."},
            )
        ],
        response_date=dt.date(2024, 3, 20),
    )
    rendered = render_letter(case, PROFILE, draft=True)
    paragraphs = texts(rendered.data)
    assert "Vexatious request (section 14(1))" in paragraphs
    # Claim notes are internal (foi_core/letters/reach.yaml): the reasoning record keeps them.
    assert "The seventh request this month on this." not in paragraphs
    # The reasons written for the requester (the catalogue's in-letter prompt) are printed.
    assert "Full answers were given to six earlier requests." in paragraphs
    assert any("(section 14(1))" in p for p in paragraphs)
    assert "The exemptions we rely on" not in paragraphs


# --- Refusing a case with errors, and drafts -------------------------------------------------


def broken_case() -> Case:
    """The 999 example with its s31 balance removed: the checker reports an error."""
    case = example_case("999-calls-partial")
    claim = next(c for c in case.claims if c.citation == "s31(1)(a)")
    claim.pit.balance = None
    return case


def test_case_with_errors_is_refused_with_the_findings_listed() -> None:
    case = broken_case()
    errors = [f for f in check(case, PROFILE) if f.severity == "error"]
    assert errors
    with pytest.raises(LetterBlocked) as raised:
        render_letter(case, PROFILE)
    message = str(raised.value)
    assert raised.value.findings == errors
    for finding in errors:
        assert finding.message in message
    assert "draft" in message


def test_draft_of_a_case_with_errors_is_marked_in_header_and_title() -> None:
    rendered = render_letter(broken_case(), PROFILE, draft=True)
    document = Document(io.BytesIO(rendered.data))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert DRAFT_MARKER in header
    paragraphs = letter_paragraphs(rendered.data)
    assert paragraphs[0] == ("Draft Marker", DRAFT_MARKER)
    assert ("Subtitle", f"{DRAFT_MARKER}: Response to your request for information") in paragraphs
    assert rendered.draft and rendered.context["draft"] is True


def test_passed_findings_are_used_instead_of_running_the_checker() -> None:
    case = example_case("999-calls-partial")
    invented = SimpleNamespace(severity="error", message="Invented problem.", fix="Do X.")
    with pytest.raises(LetterBlocked, match="Invented problem"):
        render_letter(case, PROFILE, findings=[invented])


# --- Templates -------------------------------------------------------------------------------


def make_template(path: Path, *paragraphs: str, header: str = "") -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.save(str(path))
    return path


def test_custom_template_with_missing_names_is_refused_before_rendering(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "ours.docx",
        "{{ our_ref }}",
        "{{ force_motto }}",
        "{{ organisation.motto }}",
        header="{{ chief_constable }}",
    )
    case = example_case("999-calls-partial")
    missing = missing_template_variables(template, case, PROFILE)
    assert missing == [
        "the template uses 'force_motto' in the letter body, in the paragraph "
        "'{{ force_motto }}', which the letter data does not provide",
        "the template uses 'organisation.motto' in the letter body, in the paragraph "
        "'{{ organisation.motto }}', which the letter data does not provide",
        "the template uses 'chief_constable' in a page header, in the paragraph "
        "'{{ chief_constable }}', which the letter data does not provide",
    ]
    with pytest.raises(TemplateProblem) as raised:
        render_letter(case, PROFILE, template=template)
    assert "force_motto" in str(raised.value) and "ours.docx" in str(raised.value)


def test_missing_attribute_of_a_known_name_is_reported(tmp_path: Path) -> None:
    template = make_template(tmp_path / "ours.docx", "{{ organisation.motto }}")
    missing = missing_template_variables(template, example_case("full-disclosure"), PROFILE)
    assert missing == [
        "the template uses 'organisation.motto' in the letter body, in the paragraph "
        "'{{ organisation.motto }}', which the letter data does not provide"
    ]


def test_custom_template_renders_and_records_its_own_hash(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "short.docx",
        "{{ organisation.name }} – {{ our_ref }}",
        "{%p for a in answers %}",
        "{{ a.label }}: {{ a.answer }}",
        "{%p endfor %}",
    )
    case = example_case("full-disclosure")
    assert missing_template_variables(template, case, PROFILE) == []
    rendered = render_letter(case, PROFILE, template=template)
    assert rendered.template_name == "short.docx"
    assert rendered.template_sha256 == hashlib.sha256(template.read_bytes()).hexdigest()
    assert texts(rendered.data) == [
        f"{PROFILE.name} – {case.request.our_ref}",
        f"Question 1: {case.request.item(1).answer}",
        f"Question 2: {case.request.item(2).answer}",
    ]


def test_template_with_a_jinja_mistake_names_the_paragraph(tmp_path: Path) -> None:
    template = make_template(tmp_path / "bad.docx", "Fine", "Total: {{ cost.total_hours ")
    with pytest.raises(TemplateProblem) as raised:
        missing_template_variables(template, example_case("full-disclosure"), PROFILE)
    assert "Total: {{ cost.total_hours" in str(raised.value)
    assert "bad.docx" in str(raised.value)


def test_a_file_that_is_not_a_docx_is_a_template_problem(tmp_path: Path) -> None:
    fake = tmp_path / "letter.docx"
    fake.write_text("not a document", encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"not a Word \.docx file"):
        render_letter(example_case("full-disclosure"), PROFILE, template=fake)
    with pytest.raises(TemplateProblem, match="no file"):
        render_letter(example_case("full-disclosure"), PROFILE, template=tmp_path / "none.docx")


@pytest.mark.parametrize("kind", sorted(DEFAULT_TEMPLATES))
def test_default_templates_use_only_names_the_data_provides(kind: str) -> None:
    template = TEMPLATES_DIR / DEFAULT_TEMPLATES[kind]
    cases = [example_case("doorbell-camera-ncnd")]  # the example with a PIT extension
    if kind != "pit_extension":
        cases.append(correct_case())
    for case in cases:
        assert missing_template_variables(template, case, PROFILE, kind=kind) == []


def test_context_names_do_not_shadow_mapping_methods() -> None:
    """Jinja reads ``x.items`` on a dict as the method, so no field may share such a name."""
    reserved = set(dir(dict))

    def names(model: type) -> set[str]:
        found = set(model.model_fields)
        for info in model.model_fields.values():
            for arg in (info.annotation, *getattr(info.annotation, "__args__", ())):
                if isinstance(arg, type) and hasattr(arg, "model_fields"):
                    found |= names(arg)
        return found

    for model in (LetterContext, PitExtensionContext, RecordContext):
        # Top-level names are looked up as variables, not attributes.
        nested = names(model) - set(model.model_fields)
        assert not nested & reserved, nested & reserved


def test_rebuilding_the_templates_gives_the_same_documents(tmp_path: Path) -> None:
    for path in build_all(tmp_path):
        committed = (TEMPLATES_DIR / path.name).read_bytes()
        rebuilt = path.read_bytes()
        assert document_text(rebuilt) == document_text(committed), path.name
        assert letter_paragraphs(rebuilt) == letter_paragraphs(committed), path.name


def test_every_template_tag_sits_in_one_run() -> None:
    for name in DEFAULT_TEMPLATES.values():
        document = Document(str(TEMPLATES_DIR / name))
        parts = [document.element.body, document.sections[0].header._element]
        for part in parts:
            for run in part.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"):
                text = "".join(run.itertext())
                opened = text.count("{{") + text.count("{%")
                closed = text.count("}}") + text.count("%}")
                assert opened == closed, f"{name}: a tag is split in the run {text!r}"


# --- Reproducibility ---------------------------------------------------------------------------


def test_rendered_letter_hashes_and_context() -> None:
    case = example_case("doorbell-camera-ncnd")
    rendered = render_letter(case, PROFILE)
    template = TEMPLATES_DIR / DEFAULT_TEMPLATES["response"]
    assert rendered.template_name == template.name
    assert rendered.template_sha256 == hashlib.sha256(template.read_bytes()).hexdigest()
    assert rendered.document_sha256 == hashlib.sha256(rendered.data).hexdigest()
    assert json.loads(json.dumps(rendered.context)) == rendered.context
    again = render_letter(case, PROFILE)
    assert again.context == rendered.context
    assert document_text(again.data) == document_text(rendered.data)


def test_stored_context_reproduces_the_letter_with_plain_docxtpl() -> None:
    # The store keeps this context for each issued letter (tests/test_personal_data.py).
    case = example_case("999-calls-partial")
    rendered = render_letter(case, PROFILE)
    template = DocxTemplate(str(TEMPLATES_DIR / rendered.template_name))
    template.render({**rendered.context, "logo": ""}, letter_environment(), autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    assert document_text(buffer.getvalue()) == document_text(rendered.data)


def test_record_issue_appends_a_copy_and_leaves_the_case_alone() -> None:
    case = example_case("999-calls-partial")
    rendered = render_letter(case, PROFILE)
    when = dt.datetime(2020, 7, 30, 15, 0, tzinfo=dt.UTC)
    updated = record_issue(case, rendered, "response", issued_at=when, issued_by="a.officer")
    assert case.issued_letters == []
    letter = updated.issued_letters[-1]
    assert (letter.kind, letter.issued_at, letter.draft) == ("response", when, False)
    assert letter.document_sha256 == rendered.document_sha256
    assert letter.template_sha256 == rendered.template_sha256
    assert (letter.issued_by, letter.record_id) == ("a.officer", None)
    assert "context" not in letter.model_dump()  # stored once by Store.issue_letter
    assert Case.from_json(updated.to_json()) == updated


# --- The PIT extension letter and the reasoning record ------------------------------------------


def test_pit_extension_letter() -> None:
    case = example_case("doorbell-camera-ncnd")
    rendered = render_pit_extension_letter(case, PROFILE)
    paragraphs = texts(rendered.data)
    text = "\n".join(paragraphs)
    assert not LEFTOVER_TAG.search(document_text(rendered.data))
    assert "Where we have got to" in paragraphs
    bullets = [t for s, t in letter_paragraphs(rendered.data) if s == "List Bullet"]
    # The qualified exemptions only: s40(2) (absolute) is not a reason for more time.
    assert [b.split(" – ")[0] for b in bullets] == ["Section 24(2)", "Section 31(3)"]
    estimated = case.pit_extension.estimated_date
    assert f"{estimated.day} {estimated:%B %Y}" in text
    due = due_date(case.request.received)
    assert f"The normal time limit for your request is {due.day} {due:%B %Y}" in text
    assert case.pit_extension.reason in paragraphs
    assert PROFILE.review_procedure in paragraphs and PROFILE.ico_details in paragraphs
    assert rendered.kind == "pit_extension"


def test_pit_extension_letter_needs_an_extension() -> None:
    with pytest.raises(LetterDataError, match="no public interest test extension"):
        render_pit_extension_letter(example_case("full-disclosure"), PROFILE)


def test_reasoning_record_has_every_step_the_findings_and_the_audit_trail() -> None:
    case = broken_case()
    findings = check(case, PROFILE)
    audit = [
        SimpleNamespace(
            at=dt.datetime(2020, 7, 20, 9, 30), actor="j.smith", action="save", summary="harm"
        ),
        {"at": dt.datetime(2020, 7, 29, 16, 5), "actor": "a.jones", "action": "check",
         "summary": "ran the checker"},
    ]  # fmt: skip
    rendered = render_reasoning_record(case, PROFILE, audit=audit)
    text = document_text(rendered.data)
    assert not LEFTOVER_TAG.search(text)
    for finding in findings:
        assert finding.message in text
    for item in case.request.items:
        assert item.text in text and item.searches in text
    for claim in case.claims:
        for factor in claim.pit.factors if claim.pit else []:
            assert factor.text in text and factor.rationale in text
    s24 = next(c for c in case.claims if c.citation == "s24(1)")
    assert s24.pit.balance.decided_by in text
    decided = s24.pit.balance.decided_on
    assert f"{decided.day} {decided:%B %Y}" in text
    document = Document(io.BytesIO(rendered.data))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["20 July 2020 09:30", "j.smith", "save", "harm"] in rows
    assert ["29 July 2020 16:05", "a.jones", "check", "ran the checker"] in rows
    weights = [r[3] for r in rows if len(r) == 5 and r[0] in ("For", "Against")]
    assert set(weights) <= {"low", "moderate", "high"} and "high" in weights
    assert "Due (section 10(1))" in [r[0] for r in rows]


# --- CLI hooks -------------------------------------------------------------------------------


def test_render_case_file_writes_the_letter(tmp_path: Path) -> None:
    out = tmp_path / "out" / "letter.docx"
    written = render_case_file(EXAMPLES / "doorbell-camera-ncnd.json", out)
    assert written == [out]
    assert "Harm in confirming or denying" in headings(out.read_bytes())


def test_record_case_file_writes_the_record(tmp_path: Path) -> None:
    out = record_case_file(EXAMPLES / "cost-limit-s12.json", tmp_path / "record.docx")
    assert "Cost estimate (section 12)" in headings(out.read_bytes())


def test_render_case_file_plain_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        render_case_file(bad, tmp_path / "x.docx")
    with pytest.raises(ValueError, match="no such file"):
        render_case_file(tmp_path / "missing.json", tmp_path / "x.docx")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"request": {"our_ref": "1"}}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"wrong\.json: request\.received: this is required"):
        render_case_file(wrong, tmp_path / "x.docx")
    blocked = tmp_path / "blocked.json"
    blocked.write_text(broken_case().to_json(), encoding="utf-8")
    with pytest.raises(LetterBlocked):
        render_case_file(blocked, tmp_path / "x.docx")
    assert render_case_file(blocked, tmp_path / "x.docx", draft=True) == [tmp_path / "x.docx"]


def test_pdf_without_libreoffice_says_how_to_install_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "letter.docx"
    with pytest.raises(LibreOfficeMissing, match="apt-get install libreoffice-writer-nogui"):
        render_case_file(EXAMPLES / "full-disclosure.json", out, pdf=True)
    assert not out.exists()


def test_cli_render_and_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "letter.docx"
    assert cli.main(["render", str(EXAMPLES / "999-calls-partial.json"), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert "Evidence of harm" in headings(out.read_bytes())
    blocked = tmp_path / "blocked.json"
    blocked.write_text(broken_case().to_json(), encoding="utf-8")
    assert cli.main(["render", str(blocked), "-o", str(tmp_path / "b.docx")]) == 1
    assert "cannot be issued" in capsys.readouterr().err
    record = tmp_path / "record.docx"
    assert cli.main(["record", str(blocked), "-o", str(record)]) == 0
    assert "Checker findings when this record was made" in headings(record.read_bytes())


def test_ncnd_claims_print_the_ncnd_provision_not_the_substantive_one() -> None:
    case = example_case("doorbell-camera-ncnd")
    case.aggregate_balances = []
    case.claims = [c for c in case.claims if c.citation == "s31(1)(a)"]
    assert case.claims[0].mode is ClaimMode.NCND
    rendered = render_letter(case, PROFILE, draft=True)
    bullets = [t for s, t in letter_paragraphs(rendered.data) if s == "List Bullet"]
    assert bullets[0].startswith("Section 31(3) – Law enforcement")
    case.claims[0].mode = ClaimMode.WITHHOLD
    case.claims[0].pit.balance = Balance(conclusion=Conclusion.MAINTAIN, reasoning="r")
    rendered = render_letter(case, PROFILE, draft=True)
    bullets = [t for s, t in letter_paragraphs(rendered.data) if s == "List Bullet"]
    assert bullets[0].startswith("Section 31(1)(a) – Law enforcement")


# --- The organisation's logo -------------------------------------------------------------------


def test_logo_from_the_profile_is_placed_on_the_letter() -> None:
    profile = OrganisationProfile(logo_png_base64=base64.b64encode(tiny_png()).decode())
    case = example_case("full-disclosure")
    with_logo = Document(io.BytesIO(render_letter(case, profile).data))
    assert len(with_logo.inline_shapes) == 1
    without = Document(io.BytesIO(render_letter(case, PROFILE).data))
    assert len(without.inline_shapes) == 0


@pytest.mark.parametrize(
    "encoded,message",
    [
        (base64.b64encode(b"GIF89a not a png").decode(), "not a PNG"),
        ("%%% not base64 %%%", "not valid base64"),
    ],
)
def test_a_logo_that_is_not_a_png_is_refused_plainly(encoded: str, message: str) -> None:
    profile = OrganisationProfile(logo_png_base64=encoded)
    with pytest.raises(LetterDataError, match=message):
        render_letter(example_case("full-disclosure"), profile)
