"""The CLI as other tools script it: a real subprocess, its output, its exit code."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_FILES, EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
NCND_CASE = EXAMPLES / "doorbell-camera-ncnd.json"
PARTIAL_CASE = EXAMPLES / "999-calls-partial.json"


def run_cli(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if db is not None:
        env["FOI_DATABASE_URL"] = f"sqlite:///{db}"
    return subprocess.run(
        [sys.executable, "-m", "foi_core", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def test_exemptions_json_lists_the_catalogue() -> None:
    result = run_cli("exemptions", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {row["citation"]: row for row in json.loads(result.stdout)}
    s31a = rows["s31(1)(a)"]
    assert s31a["absolute"] is False
    assert s31a["test"] == "prejudice"
    assert s31a["ncnd_provision"] == "s31(3)"
    assert s31a["pit_required"] is True
    assert rows["s21"]["ncnd_provision"] is None
    assert rows["s23(1)"]["absolute"] is True
    for row in rows.values():
        assert {"citation", "title", "absolute", "test", "ncnd_provision", "pit_required"} <= set(
            row
        )


def test_deadline_counts_bank_holidays_anywhere_in_the_uk() -> None:
    # 17 March (St Patrick's Day, Northern Ireland) is not a working day in England either.
    assert run_cli("deadline", "2026-03-02").stdout.strip() == "2026-03-31"
    extended = run_cli("deadline", "2026-03-02", "--pit-extension")
    assert extended.returncode == 0
    # 20 further working days after 31 March, skipping Good Friday and Easter Monday (3 and 6 April)
    assert extended.stdout.strip() == "2026-04-30"


def test_deadline_rejects_a_bad_date_in_one_line() -> None:
    line = assert_one_line_error(run_cli("deadline", "2026-02-30"))
    assert "YYYY-MM-DD" in line


def test_unknown_command_is_one_line() -> None:
    assert_one_line_error(run_cli("frobnicate"))


def test_schema_is_the_case_schema() -> None:
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Case"
    assert "request" in schema["properties"]


def test_check_passes_the_examples() -> None:
    finished = [p for p in EXAMPLE_FILES if not p.name.startswith("training-")]
    assert len(finished) >= 4
    for path in finished:
        result = run_cli("check", str(path), "--format", "json")
        assert result.returncode == 0, (path, result.stdout)
        findings = json.loads(result.stdout)
        assert all(f["severity"] != "error" for f in findings)


def test_check_exits_1_on_errors_and_names_the_rule(tmp_path: Path) -> None:
    data = json.loads(PARTIAL_CASE.read_text())
    for claim in data["claims"]:
        if claim["citation"].startswith("s31"):
            claim["citation"] = "s31"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    result = run_cli("check", str(broken), "--format", "json")
    assert result.returncode == 1
    assert "citation-without-subsection" in {f["rule_id"] for f in json.loads(result.stdout)}
    text = run_cli("check", str(broken))
    assert text.returncode == 1
    assert "ERROR: citation-without-subsection" in text.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "this is not valid JSON: expecting property name"),
        ('{"schema_version": 1}', "request: this is required"),
        ("", "the file is empty"),
    ],
)
def test_check_reports_a_malformed_file_in_one_line(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "case.json"
    path.write_text(content)
    line = assert_one_line_error(run_cli("check", str(path)))
    assert expected.lower() in line.lower()
    assert str(path) in line


def test_check_reports_a_missing_file() -> None:
    line = assert_one_line_error(run_cli("check", "no/such/case.json"))
    assert "no such file" in line


def test_import_list_export_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "foi.db"
    imported = run_cli("import", str(PARTIAL_CASE), db=db)
    assert imported.returncode == 0, imported.stderr
    listed = run_cli("list", "--format", "json", db=db)
    refs = [row["ref"] for row in json.loads(listed.stdout)]
    assert refs == ["002335/20"]
    out = tmp_path / "out.json"
    exported = run_cli("export", "002335/20", "--include-personal-data", "-o", str(out), db=db)
    assert exported.returncode == 0, exported.stderr
    original = json.loads(PARTIAL_CASE.read_text())
    data = json.loads(out.read_text())
    assert data.pop("export")["personal_data"] is True
    assert data == original
    again = run_cli("import", str(PARTIAL_CASE), db=db)
    assert_one_line_error(again)


def test_export_of_an_unknown_case_is_one_line(tmp_path: Path) -> None:
    line = assert_one_line_error(run_cli("export", "NOPE/1", db=tmp_path / "foi.db"))
    assert "NOPE/1" in line


def test_render_and_record_write_word_documents(tmp_path: Path) -> None:
    from docx import Document

    letter = tmp_path / "letter.docx"
    result = run_cli("render", str(NCND_CASE), "-o", str(letter))
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "neither confirm nor deny" in text.lower()
    record = tmp_path / "record.docx"
    result = run_cli("record", str(NCND_CASE), "-o", str(record))
    assert result.returncode == 0, result.stderr
    assert Document(str(record)).paragraphs


def test_render_refuses_a_case_with_errors_unless_draft(tmp_path: Path) -> None:
    data = json.loads(NCND_CASE.read_text())
    data["aggregate_balances"] = []
    for claim in data["claims"]:
        if claim.get("pit"):
            claim["pit"]["balance"] = None
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    out = tmp_path / "letter.docx"
    refused = run_cli("render", str(broken), "-o", str(out))
    assert_one_line_error(refused, code=1)
    assert not out.exists()
    draft = run_cli("render", str(broken), "-o", str(out), "--draft")
    assert draft.returncode == 0, draft.stderr
    assert out.exists()


def test_import_of_a_malformed_case_names_the_field(tmp_path: Path) -> None:
    data = json.loads(PARTIAL_CASE.read_text())
    data["request"]["received"] = "14/07/2020"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    line = assert_one_line_error(run_cli("import", str(bad), db=tmp_path / "foi.db"))
    assert "request.received" in line
    assert "YYYY-MM-DD" in line


# --- database problems: one plain line, exit 2, never a traceback ------------------------------


def run_cli_on(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with FOI_DATABASE_URL set to ``url`` (any text, even a bad one)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FOI_DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "foi_core", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_a_bad_database_setting_is_one_line() -> None:
    line = assert_one_line_error(run_cli_on("nonsense", "list"))
    assert "'nonsense' is not a database URL" in line
    assert "FOI_DATABASE_URL" in line


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["export", "X/1"],
        ["import", str(PARTIAL_CASE)],
        ["check", str(NCND_CASE)],
    ],
    ids=["list", "export", "import", "check"],
)
def test_a_bad_database_flag_is_one_line(command: list[str]) -> None:
    result = run_cli(*command, "--database", "postgresql://officer:s3cret@db:notaport/foi")
    line = assert_one_line_error(result)
    assert "not a valid database URL" in line
    assert "s3cret" not in line


def test_an_unreachable_database_server_is_one_line() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    line = assert_one_line_error(
        run_cli("list", "--database", f"postgresql+psycopg://x:s3cret@127.0.0.1:{port}/db")
    )
    assert f"Cannot reach the database server at 127.0.0.1:{port}" in line
    assert "s3cret" not in line


def test_a_mistyped_database_path_creates_nothing(tmp_path: Path) -> None:
    typo = tmp_path / "dtaa" / "foi.db"
    line = assert_one_line_error(run_cli_on(f"sqlite:///{typo}", "import", str(PARTIAL_CASE)))
    assert f"The folder {typo.parent}" in line and "does not exist" in line
    assert not typo.parent.exists()


def test_a_file_that_is_not_a_database_is_one_line(tmp_path: Path) -> None:
    garbage = tmp_path / "foi.db"
    garbage.write_bytes(b"\x00\xff" * 4096)
    line = assert_one_line_error(run_cli("list", db=garbage))
    assert f"The file {garbage} is not a database" in line


def test_a_bad_setting_is_named_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FOI_LOAD_DEMO_CASES": "maybe"}
    env["FOI_DATABASE_URL"] = f"sqlite:///{tmp_path / 'foi.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "foi_core", "list"], capture_output=True, text=True, env=env
    )
    line = assert_one_line_error(result)
    assert "FOI_LOAD_DEMO_CASES is 'maybe'" in line


def test_an_unexpected_failure_is_one_line_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from foi_core import cli

    def broken(_args: object) -> int:
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(cli, "cmd_schema", broken)
    monkeypatch.delenv("FOI_DEBUG", raising=False)
    assert cli.main(["schema"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ") and "something nobody foresaw" in lines[0]
    assert "RuntimeError" not in lines[0]


def test_exemptions_calls_s12_and_s14_procedural() -> None:
    result = run_cli("exemptions", "--format", "json")
    rows = {row["citation"]: row for row in json.loads(result.stdout)}
    assert {rows[c]["nature"] for c in ("s12(1)", "s12(2)", "s14(1)", "s14(2)")} == {"procedural"}
    assert rows["s31(1)(a)"]["nature"] == "qualified"
    assert rows["s23(1)"]["nature"] == "absolute"
    assert rows["s21"]["aliases"] == ["s21(1)"]
    text = run_cli("exemptions").stdout.splitlines()
    s12 = next(line for line in text if line.startswith("s12(1) "))
    assert "(procedural;" in s12 and "qualified" not in s12


@pytest.mark.parametrize(
    ("query", "citations"),
    [
        ("31(3)", [f"s31(1)({limb})" for limb in "abcdefghi"]),
        ("s24(2)", ["s24(1)"]),
        ("s21(1)", ["s21"]),
    ],
)
def test_exemptions_search_finds_ncnd_provisions_and_aliases(
    query: str, citations: list[str]
) -> None:
    result = run_cli("exemptions", "--search", query, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [row["citation"] for row in json.loads(result.stdout)] == citations


def _docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("how", ["setting", "flag"])
def test_render_and_record_use_the_stored_organisation_profile(tmp_path: Path, how: str) -> None:
    from foi_core.models import OrganisationProfile
    from foi_core.storage import Store

    db = tmp_path / "foi.db"
    store = Store(f"sqlite:///{db}")
    store.save_profile(OrganisationProfile(name="Northshire Police"), actor="test")
    store.close()
    flag = ["--database", f"sqlite:///{db}"] if how == "flag" else []
    setting = db if how == "setting" else None
    letter, record = tmp_path / "letter.docx", tmp_path / "record.docx"
    # --draft: this test is about the profile, whatever the checker says of the example.
    rendered = run_cli("render", str(NCND_CASE), "-o", str(letter), "--draft", *flag, db=setting)
    assert rendered.returncode == 0, rendered.stderr
    recorded = run_cli("record", str(NCND_CASE), "-o", str(record), *flag, db=setting)
    assert recorded.returncode == 0, recorded.stderr
    for path in (letter, record):
        text = _docx_text(path)
        assert "Northshire Police" in text, path.name
        assert "Example Constabulary" not in text, path.name
