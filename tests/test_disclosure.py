"""The disclosure log's engine: finding names and contact details to redact, marking and
withdrawing, the permission rule, only ``disclosure`` changing on an issued case, and the
exports (CSV, JSON, HTML) never holding the requester's details or running a request's markup."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_core.actions.result import ActionResult
from foi_core.disclosure import (
    letter_flags,
    log_csv,
    log_entry,
    log_html,
    log_json,
    log_zip,
    mark_for_publication,
    personal_details_in,
    text_to_publish,
    withdraw_from_publication,
)
from foi_core.disclosure.log import letter_case
from foi_core.models import Case, CaseKind, CaseStatus, DisclosureEntry, Requester
from foi_core.people import Person, Role, can_publish
from foi_core.storage.errors import CaseLocked
from foi_core.workflow import guard_edit
from tests.case_factory import correct_case, minimal_case

OFFICER = Person(
    email="officer@force.police.uk", name="Olive Officer", roles=frozenset({Role.OFFICER})
)
TRAINEE = Person(email="t@force.police.uk", roles=frozenset({Role.TRAINEE}))


def issued(case: Case | None = None, **changes: object) -> Case:
    case = case or minimal_case()
    return case.model_copy(update={"status": CaseStatus.ISSUED, **changes})


def problem(result: ActionResult) -> str:
    """The one problem a refused action names, next to the published text."""
    assert not result.ok and [p.field for p in result.problems] == ["disclosure.request_text"]
    return result.problems[0].message


def kinds(text: str, case: Case | None = None) -> dict[str, str]:
    return {f.text: f.reason for f in personal_details_in(text, case or minimal_case())}


# --- Finding details -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found", "reason"),
    [
        ("write to jo.bloggs+foi@example.co.uk please", "jo.bloggs+foi@example.co.uk", "e-mail"),
        ("call 0113 496 0000 today", "0113 496 0000", "phone"),
        ("or +44 7700 900456.", "+44 7700 900456", "phone"),
        ("my postcode is LS1 4AB", "LS1 4AB", "postcode"),
        ("living at 221b Baker Street in town", "221b Baker Street", "street"),
        ("the stop by PC Hughes last week", "PC Hughes", "title"),
        ("Insp. Clare Evans said", "Insp. Clare Evans", "title"),
        ("Mrs Patel wrote", "Mrs Patel", "title"),
        ("we saw Gareth Llewellyn there", "Gareth Llewellyn", "person's name"),
    ],
)
def test_each_kind_of_detail_is_flagged(text: str, found: str, reason: str) -> None:
    flags = kinds(text)
    assert found in flags, flags
    assert reason in flags[found]


def test_the_requesters_own_details_are_flagged_whatever_their_case() -> None:
    case = minimal_case(
        requester=Requester(name="Zara Quill", contact="zq@mail.test", address="Flat 2\nLeeds")
    )
    flags = personal_details_in("From ZARA QUILL (zq@mail.test) of Flat 2, Leeds.", case)
    own = {f.text: f.reason for f in flags if f.requester}
    assert own == {
        "ZARA QUILL": "the requester's name",
        "zq@mail.test": "the requester's contact details",
        "Flat 2": "the requester's address",
        "Leeds": "the requester's address",
    }


def test_common_capitalised_words_are_not_taken_for_names() -> None:
    text = (
        "Please provide the number of Body Worn Video cameras held by West Yorkshire Police in "
        "January 2024, and the Chief Constable's Annual Report under the Freedom of Information "
        "Act."
    )
    assert kinds(text) == {}


def test_overlapping_finds_are_reported_once() -> None:
    flags = personal_details_in("Contact Dr Amy Stone at amy.stone@x.org", minimal_case())
    assert [f.text for f in flags] == ["Dr Amy Stone", "amy.stone@x.org"]


# --- Marking and the rule --------------------------------------------------------------------


def test_only_officers_and_approvers_publish_an_issued_request() -> None:
    assert can_publish(OFFICER, issued())
    assert can_publish(Person(email="a@x.uk", roles=frozenset({Role.APPROVER})), issued())
    assert not can_publish(TRAINEE, issued())
    assert "issue it first" in can_publish(OFFICER, minimal_case()).reason
    review = issued(kind=CaseKind.INTERNAL_REVIEW)
    assert "request" in can_publish(OFFICER, review).reason
    assert can_publish(OFFICER, issued(status=CaseStatus.CLOSED))


def test_marking_refuses_a_draft_and_names_the_reason() -> None:
    result = mark_for_publication(minimal_case(), OFFICER, "How many police dogs?")
    assert "issue it first" in problem(result)


def test_marking_refuses_the_requesters_details_even_if_confirmed() -> None:
    case = issued()
    text = text_to_publish(
        case.model_copy(
            update={
                "request": case.request.model_copy(
                    update={"text": "From A. Requester: how many police dogs?"}
                )
            }
        )
    )
    result = mark_for_publication(case, OFFICER, text, confirmed=["A. Requester"])
    message = problem(result)
    assert "requester's own details" in message and "A. Requester" in message


def test_flagged_details_must_each_be_confirmed_before_publishing() -> None:
    case = issued()
    text = "How many dogs did PC Hughes handle, and did Gareth Llewellyn train them?"
    first = mark_for_publication(case, OFFICER, text)
    assert "tick each one" in problem(first)
    assert "PC Hughes" in problem(first) and "Gareth Llewellyn" in problem(first)
    partly = mark_for_publication(case, OFFICER, text, confirmed=["PC Hughes"])
    assert "PC Hughes" not in problem(partly) and "Gareth Llewellyn" in problem(partly)
    done = mark_for_publication(case, OFFICER, text, confirmed=["PC Hughes", "Gareth Llewellyn"])
    assert done.ok and done.case is not None
    entry = done.case.disclosure
    assert entry is not None and entry.publish and entry.request_text == text
    assert entry.marked_by == OFFICER.recorded_as and entry.marked_on is not None
    assert entry.confirmed == ["Gareth Llewellyn", "PC Hughes"]


def test_the_text_starts_as_the_request_then_keeps_the_redacted_copy() -> None:
    case = issued()
    assert text_to_publish(case) == "1. How many police dogs?"
    marked = mark_for_publication(case, OFFICER, "How many dogs?").case
    assert marked is not None and text_to_publish(marked) == "How many dogs?"
    withdrawn = withdraw_from_publication(marked, OFFICER).case
    assert withdrawn is not None and withdrawn.disclosure is not None
    assert not withdrawn.disclosure.publish and text_to_publish(withdrawn) == "How many dogs?"
    assert "not in the disclosure log" in problem(withdraw_from_publication(withdrawn, OFFICER))


def test_disclosure_is_left_out_of_the_json_when_absent() -> None:
    assert "disclosure" not in minimal_case().model_dump(mode="json")
    marked = issued(disclosure=DisclosureEntry(publish=True, request_text="x"))
    assert Case.model_validate_json(marked.model_dump_json()).disclosure == marked.disclosure


def test_only_the_disclosure_entry_may_change_on_an_issued_case() -> None:
    before = issued()
    marked = mark_for_publication(before, OFFICER, "How many dogs?").case
    assert marked is not None and guard_edit(before, marked, "o") is marked
    with pytest.raises(CaseLocked):
        guard_edit(before, marked.model_copy(update={"title": "Changed"}), "o")
    with pytest.raises(CaseLocked):
        guard_edit(before, before.model_copy(update={"response_date": None}), "o")


# --- Exports ---------------------------------------------------------------------------------


def published(case: Case, text: str) -> Case:
    return issued(case, disclosure=DisclosureEntry(publish=True, request_text=text))


def test_markup_in_a_request_is_shown_literally_in_the_web_pages() -> None:
    text = "<script>alert('x')</script> {{ x }} {% if 1 %}yes{% endif %} <b>bold</b>"
    entry = log_entry(published(minimal_case(title="<i>Dogs</i>"), text), pdf=b"%PDF-1.4")
    files = log_html([entry])
    page = files[f"{entry.slug}.html"].decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; {{ x }} {% if 1 %}yes" in page
    assert "<script" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;i&gt;Dogs&lt;/i&gt;" in files["index.html"].decode()
    assert files[f"{entry.slug}.pdf"] == b"%PDF-1.4"
    assert f'href="{entry.slug}.pdf"' in page


def test_csv_cells_cannot_run_as_formulas_and_json_lists_each_entry() -> None:
    entry = log_entry(published(minimal_case(title="=HYPERLINK(1)"), "@SUM(A1)"))
    rows = list(csv.reader(io.StringIO(log_csv([entry]))))
    assert rows[0] == ["Reference", "Date", "Title", "Request", "Outcome", "Exemptions", "Letter"]
    assert rows[1][2:5] == ["'=HYPERLINK(1)", "'@SUM(A1)", "Granted in full"]
    data = json.loads(log_json([entry]))
    assert data[0]["title"] == "=HYPERLINK(1)" and data[0]["outcome"] == "Granted in full"


def test_exemptions_are_section_citations_and_the_zip_holds_the_folder() -> None:
    entry = log_entry(published(correct_case(), "Some request"), pdf=b"%PDF")
    assert entry.exemptions[:3] == ("s12", "s21", "s23")
    names = zipfile.ZipFile(io.BytesIO(log_zip([entry]))).namelist()
    assert sorted(names) == sorted(f"disclosure-log/{n}" for n in log_html([entry]))


def test_references_giving_the_same_file_name_get_their_own_files() -> None:
    first = log_entry(published(minimal_case(), "One"), pdf=b"%PDF-1")
    second = log_entry(published(minimal_case(), "Two"), pdf=b"%PDF-2")
    first = dataclasses.replace(first, ref="FOI/1")
    second = dataclasses.replace(second, ref="FOI-1")
    files = log_html([first, second])
    assert files["FOI-1.pdf"] == b"%PDF-1" and files["FOI-1-2.pdf"] == b"%PDF-2"
    assert "Two" in files["FOI-1-2.html"].decode()
    rows = list(csv.reader(io.StringIO(log_csv([first, second]))))
    assert [row[-1] for row in rows[1:]] == ["FOI-1.pdf", "FOI-1-2.pdf"]


def test_the_published_letter_is_drawn_without_the_requester_or_unconfirmed_names() -> None:
    case = correct_case().model_copy(
        update={"requester": Requester(name="Zara Quill", contact="zq@mail.test")}
    )
    case.request.items[0].text = "Zara Quill asks how often PC Hughes and Dr Amy Stone met"
    entry = DisclosureEntry(publish=True, request_text="x", confirmed=["Dr Amy Stone"])
    drawn = letter_case(issued(case, disclosure=entry))
    assert drawn.request.items[0].text == (
        "[requester's name] asks how often [redacted] and Dr Amy Stone met"
    )
    assert drawn.requester == Requester()
    assert "zq@mail.test" not in drawn.model_dump_json()


def test_the_letters_own_names_are_listed_and_printed_only_when_ticked() -> None:
    case = issued(requester=Requester(name="Zara Quill"))
    case.request.text = "From Zara Quill, about Dr Amy Stone"
    case.request.items[0].text = "Zara Quill asks how many dogs PC Hughes trained"
    assert [(f.text, f.reason) for f in letter_flags(case)] == [
        ("PC Hughes", "a person's name with a title")
    ]
    result = mark_for_publication(case, OFFICER, "How many dogs?", confirmed=["PC Hughes", "x"])
    assert result.case is not None and result.case.disclosure is not None
    assert result.case.disclosure.confirmed == ["PC Hughes"]
    drawn = letter_case(result.case)
    assert drawn.request.text == "How many dogs?"
    assert drawn.request.items[0].text == "[requester's name] asks how many dogs PC Hughes trained"


WORD = st.from_regex(r"[A-Z][a-z]{5,9}", fullmatch=True)


@st.composite
def requesters(draw: st.DrawFn) -> Requester:
    name = f"{draw(WORD)} {draw(WORD)}"
    mail = f"{draw(WORD).lower()}@{draw(WORD).lower()}.test"
    address = f"{draw(st.integers(1, 999))} {draw(WORD)} Road\n{draw(WORD)}ton"
    return Requester(name=name, contact=mail, address=address)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requester=requesters(), where=st.sampled_from(["title", "text", "ref", "item", "all"]))
def test_no_requester_detail_reaches_any_export(requester: Requester, where: str) -> None:
    details = [requester.name, requester.contact, *requester.address.splitlines()]
    seeded = " / ".join(details)
    case = correct_case().model_copy(update={"requester": requester})
    changes: dict[str, object] = {}
    if where in ("title", "all"):
        changes["title"] = f"Request from {seeded}"
    if where in ("ref", "all"):
        case.request.our_ref = requester.name
    if where in ("item", "all"):
        case.request.items[0].text = f"{seeded} asks"
    text = f"Dear FOI, I am {seeded}. How many dogs?" if where in ("text", "all") else "Dogs?"
    entry = log_entry(published(case.model_copy(update=changes), text), pdf=b"%PDF")
    files = log_html([entry])
    outputs = [
        log_csv([entry]),
        log_json([entry]),
        *files,
        *(d.decode() for n, d in files.items() if n.endswith(".html")),
    ]
    outputs += zipfile.ZipFile(io.BytesIO(log_zip([entry]))).namelist()
    for detail in details:
        for output in outputs:
            assert detail.lower() not in output.lower(), (detail, output[:200])
