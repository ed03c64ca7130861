"""One import path for case files (foi_core.case_files): import, check, render, record, demo cases.

Findings reproduced here (each failed before): deeply nested JSON raised RecursionError;
``schema_version: 0`` raised KeyError in the upgrade; a lone surrogate imported and then could
not be exported (the case was trapped); a NUL character was stored by SQLite and refused by
PostgreSQL; the CLI printed tracebacks for such files. Now every malformed file ends in one
plain line (CaseFileError), and frozen schema-1 files still import.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_core.case_files import MAX_DEPTH, CaseFileError, read_case_path, read_case_text
from foi_core.checker import check
from foi_core.cli import main
from foi_core.letters import LetterError, render_letter, render_reasoning_record
from foi_core.models import SCHEMA_VERSION, Case, OrganisationProfile, pinned_today
from foi_core.storage import CaseImportError, Store
from tests.case_mutations import mutated_file, seed_documents
from tests.case_strategies import valid_cases
from tests.conftest import EXAMPLE_FILES

ROOT = Path(__file__).resolve().parents[1]
FROZEN = sorted((ROOT / "tests" / "data").glob("schema1-*.json"))
EXAMPLE = ROOT / "examples" / "cost-limit-s12.json"
VERSIONS = "1" if SCHEMA_VERSION == 1 else f"1 to {SCHEMA_VERSION}"


@pytest.fixture(autouse=True, scope="module")
def _pinned() -> Iterator[None]:
    """A fixed 'today', after every example's dates, so generated dates repeat."""
    with pinned_today(dt.date(2027, 1, 15)):
        yield


def example(**changes: object) -> dict:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def with_request_text(value: str) -> str:
    data = example()
    data["request"]["text"] = value
    return json.dumps(data)


def refusal(content: str | bytes) -> CaseFileError:
    with pytest.raises(CaseFileError) as refused:
        read_case_text(content, "case.json")
    message = str(refused.value)
    assert "\n" not in message and message.startswith("case.json: ")
    return refused.value


# --- Old files keep importing --------------------------------------------------------------------


@pytest.mark.parametrize("path", FROZEN, ids=lambda p: p.name)
def test_frozen_schema_1_files_import_and_upgrade(path: Path, sqlite_store: Store) -> None:
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 1
    case = read_case_path(path)
    assert case.schema_version == SCHEMA_VERSION
    assert read_case_text(case.to_json(), "again") == case
    stored = sqlite_store.import_case_json(path.read_bytes(), actor="test", source=path.name)
    assert stored.case.request.our_ref == case.request.our_ref
    again = read_case_text(sqlite_store.export_case_json(case.id), "exported")
    assert again.request == case.request and again.claims == case.claims


def test_every_example_is_a_valid_current_case_file() -> None:
    for path in EXAMPLE_FILES:
        assert read_case_path(path).schema_version == SCHEMA_VERSION


# --- The findings --------------------------------------------------------------------------------


def test_deeply_nested_json_is_one_line_not_a_recursion_error() -> None:
    error = refusal("[" * 100_000 + "]" * 100_000)
    assert error.reason == (
        f"the JSON is nested more than {MAX_DEPTH} levels deep; a case file is never that deep"
    )
    nested: object = "x"
    for _ in range(MAX_DEPTH):
        nested = [nested]
    assert "nested more than" in refusal(json.dumps(example(title=nested))).reason
    assert "nested" not in refusal(json.dumps(example(title=nested[0]))).reason  # 64: too long


@pytest.mark.parametrize("version", [0, -1])
def test_schema_version_without_an_upgrade_path_is_named(version: int) -> None:
    error = refusal(json.dumps(example(schema_version=version)))
    assert error.reason == (
        f"schema version {version} is not a case format this tool knows (it reads {VERSIONS})"
    )


@pytest.mark.parametrize(
    ("bad", "words"),
    [("\ud800", "contains a broken character"), ("a\x00b", "contains a NUL character")],
    ids=["lone-surrogate", "nul"],
)
def test_text_no_database_or_file_can_hold_is_refused_before_storing(
    store: Store, bad: str, words: str
) -> None:
    content = with_request_text(bad)  # json.dumps writes \ud800 and \u0000 as escapes
    assert refusal(content).reason.startswith(f"request.text: {words}")
    with pytest.raises(CaseImportError) as refused:
        store.import_case_json(content, actor="test")
    assert refused.value.problems[0].field == "request.text"
    assert store.count() == 0


def test_odd_but_real_text_moves_between_databases_unchanged(store: Store) -> None:
    odd = "Right\u200f-to-left \u202emark\u202c, 🚓, tab\there, bell\x07 removed\r\nend"
    stored = store.import_case_json(with_request_text(odd), actor="test").case
    assert stored.request.text == odd.replace("\x07", "")
    exported = store.export_case_json(stored.id)
    assert read_case_text(exported, "exported").request.text == stored.request.text


# --- Every kind of malformed file: one plain line --------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "the file is empty; a case file is one JSON object, as made by Export"),
        (b"  \n ", "the file is empty; a case file is one JSON object, as made by Export"),
        ('{"a": 1,}', "this is not valid JSON: expecting property name enclosed in double "
         "quotes at line 1, column 9"),
        ("[1, 2]", "a case file holds one JSON object ({ ... }), as made by Export; this file "
         "holds a list"),
        ('"case"', "a case file holds one JSON object ({ ... }), as made by Export; this file "
         "holds text"),
        ("null", "a case file holds one JSON object ({ ... }), as made by Export; this file "
         "holds null"),
        (b"\xff\xfe\x00\xd8", "the file is not UTF-8 text (byte 0x00 at position 2); save it as "
         "UTF-8 JSON, as Export does"),
        (b'{"x": "\xe9"}', "the file is not UTF-8 text (byte 0xe9 at position 7); save it as "
         "UTF-8 JSON, as Export does"),
        ('{"n": ' + "9" * 5000 + "}", "the file holds a number thousands of digits long, which "
         "no case holds"),
        ('{"schema_version": "1"}', f'schema_version must be a whole number such as '
         f'{SCHEMA_VERSION}; found "1"'),
        ('{"schema_version": true}', f"schema_version must be a whole number such as "
         f"{SCHEMA_VERSION}; found true"),
        ('{"schema_version": 99}', "this case was written by a newer version of the tool (case "
         f"format 99); this version reads formats {VERSIONS}: update the tool to open it"),
        ("{}", "request: this is required"),
    ],
)  # fmt: skip
def test_malformed_files_are_named_in_one_line(content: str | bytes, reason: str) -> None:
    assert refusal(content).reason == reason


def test_validation_names_the_first_field_and_counts_the_rest() -> None:
    data = example()
    data["request"]["our_ref"] = ""
    data["request"]["received"] = "2024-02-30"
    data["colour\nred"] = "blue"
    error = refusal(json.dumps(data))
    assert error.reason == "request.our_ref: this cannot be empty (and 2 more problems)"
    assert [p.field for p in error.problems] == [
        "request.our_ref",
        "request.received",
        "colour\nred",
    ]


def test_byte_order_marks_and_utf16_are_read() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for content in (
        "\ufeff" + text,
        codecs.BOM_UTF8 + text.encode("utf-8"),
        text.encode("utf-16"),
        text.encode("utf-32"),
    ):
        assert read_case_text(content, "bom.json").request.our_ref == "001187/24"


def test_file_problems_are_named(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match=r"missing\.json: no such file$"):
        read_case_path(tmp_path / "missing.json")
    with pytest.raises(CaseFileError, match=r"this is a folder, not a case file$"):
        read_case_path(tmp_path)
    odd_name = tmp_path / "caf\udce9.json"  # a file name that is not UTF-8
    odd_name.write_bytes(b"[]")
    with pytest.raises(CaseFileError) as refused:
        read_case_path(odd_name)
    str(refused.value).encode("utf-8")  # printable


def test_store_keeps_its_import_error_for_the_cases_page(sqlite_store: Store) -> None:
    with pytest.raises(CaseImportError) as refused:
        sqlite_store.import_case_json(b"[]", source="upload.json")
    assert isinstance(refused.value, ValueError)
    assert str(refused.value).startswith("upload.json: a case file holds one JSON object")


# --- The command line: exit 2 and one line for every malformed file ------------------------------

MALFORMED = {
    "deep.json": "[" * 50_000,
    "version0.json": json.dumps(example(schema_version=0)),
    "surrogate.json": with_request_text("\ud800"),
    "nul.json": with_request_text("\x00"),
    "huge.json": json.dumps(example()).replace('"records": 1144', '"records": 1' + "0" * 400),
    "infinite.json": json.dumps(example()).replace('"minutes_each": 3.0', '"minutes_each": 1e309'),
    "future.json": json.dumps(example()).replace('"2024-03-04"', '"9999-12-31"'),
    "latin1.json": b'{"title": "caf\xe9"}',
}


@pytest.mark.parametrize("command", ["check", "import", "render", "record"])
@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_cli_ends_every_malformed_file_in_one_line(
    command: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    content = MALFORMED[name]
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    path.write_bytes(content)
    extra = {
        "import": ["--database", f"sqlite:///{tmp_path / 'store.db'}"],
        "render": ["-o", str(tmp_path / "out.docx")],
        "record": ["-o", str(tmp_path / "out.docx")],
    }.get(command, [])
    assert main([command, str(path), *extra]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: "), captured.err
    assert not (tmp_path / "out.docx").exists()


# --- Properties ---------------------------------------------------------------------------------

_SEEDS = seed_documents()
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


def _read_or_refuse(content: str | bytes) -> None:
    """The import path either refuses in one line or gives a case that exports and reads back."""
    try:
        case = read_case_text(content, "fuzz.json")
    except CaseFileError as error:
        assert "\n" not in str(error) and str(error).startswith("fuzz.json: ")
        return
    exported = case.to_json()
    exported.encode("utf-8")
    assert read_case_text(exported, "again.json") == case


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_mutated_case_files_are_read_or_refused_in_one_line(rng: random.Random) -> None:
    _read_or_refuse(mutated_file(rng, _SEEDS))


@settings(max_examples=150, deadline=None)
@given(_json)
def test_any_json_value_is_read_or_refused_in_one_line(value: object) -> None:
    _read_or_refuse(json.dumps(value))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases())
def test_valid_cases_round_trip_and_can_be_checked(case: Case) -> None:
    assert read_case_text(case.to_json(), "case.json") == case
    for finding in check(case):
        assert finding.message.strip() and "{" not in finding.fix


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases())
def test_valid_cases_render_as_drafts_and_records(case: Case) -> None:
    profile = OrganisationProfile()
    try:
        assert render_letter(case, profile, draft=True).data
        assert render_reasoning_record(case, profile).data
    except LetterError as error:  # the documented refusal, in words
        assert str(error).strip()
