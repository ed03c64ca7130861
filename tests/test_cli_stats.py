"""``python -m foi_core stats``: the hand-counted quarter as JSON (exactly the issue's keys), as
CSV, and as the workbook; the period options; bad dates and periods in one plain line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from foi_core.cli import main
from foi_core.models import Case
from foi_core.stats import PUBLIC_KEYS, read_figures_csv
from foi_core.storage import Store
from tests.test_cli import assert_one_line_error, run_cli
from tests.test_stats_quarter import EXPECTED, quarter_cases

KEYS = [
    "received",
    "processed",
    "open",
    "granted_in_full",
    "partly_disclosed",
    "refused_in_full",
    "not_held",
    "in_time",
    "late",
    "extended",
    "internal_reviews",
    "exemptions",
]


@pytest.fixture
def database(tmp_path: Path) -> str:
    """A store holding the hand-counted quarter (July to September 2025)."""
    url = f"sqlite:///{tmp_path / 'stats.db'}"
    store = Store(url)
    store.add_many(Case.model_validate(case.model_dump()) for case in quarter_cases())
    store.close()
    return url


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_exactly_the_keys_and_the_hand_counted_figures(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(
        capsys,
        "stats",
        "--from",
        "2025-07-01",
        "--to",
        "2025-09-30",
        "--format",
        "json",
        "--database",
        database,
    )
    assert code == 0 and not err
    data = json.loads(out)
    assert list(data) == KEYS == list(PUBLIC_KEYS)
    assert data == EXPECTED


def test_quarter_year_and_month_options(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    quarter = json.loads(_run(capsys, "stats", "--quarter", "2025q3", "--database", database)[1])
    assert quarter == EXPECTED
    year = json.loads(_run(capsys, "stats", "--year", "2025", "--database", database)[1])
    assert year["received"] == 12  # the quarter's 10, and the 30 June and 1 October requests
    july = json.loads(_run(capsys, "stats", "--month", "2025-07", "--database", database)[1])
    assert (july["received"], july["late"]) == (5, 1)


def test_csv_and_workbook_agree_with_the_json(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "2025-Q3.xlsx"
    code, out, err = _run(
        capsys,
        "stats",
        "--quarter",
        "2025Q3",
        "--format",
        "csv",
        "-o",
        str(book),
        "--database",
        database,
    )
    assert code == 0 and f"to {book}" in err
    rows = read_figures_csv(out)
    assert out.splitlines()[0] == "measure,value"
    for key in KEYS[:10]:
        assert rows[key] == str(EXPECTED[key])
    assert rows["internal_reviews_overturned"] == "1"
    assert rows["exemption s31"] == "2"
    assert rows["timeliness_percent"] == "77.8"
    assert rows["ico_band"] == "Unsatisfactory"
    summary = load_workbook(book)["Summary"]
    figures = {row[0]: row[1] for row in summary.iter_rows(min_row=2, values_only=True)}
    assert figures["Requests received"] == 10 and figures["Answered late"] == 2


def test_a_workbook_must_be_named_xlsx(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(
        capsys, "stats", "--year", "2025", "-o", "out.csv", "--database", database
    )
    assert code == 2 and "should end in .xlsx" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--from", "2025-02-30", "--to", "2025-03-31"), "'2025-02-30' is not a date"),
        (("--from", "2025-09-30", "--to", "2025-07-01"), "ends (2025-07-01) before it starts"),
        (("--from", "2025-07-01"), "give both --from and --to"),
        (("--quarter", "2025Q5"), "'2025Q5' is not a period"),
        (("--year", "2025-07"), "'2025-07' is not a year"),
        (("--year", "2025", "--month", "2025-07"), "choose one period"),
        (("--format", "xml"), "invalid choice"),
    ],
)
def test_bad_periods_are_one_plain_line(args: tuple[str, ...], words: str, tmp_path: Path) -> None:
    line = assert_one_line_error(run_cli("stats", *args, db=tmp_path / "empty.db"))
    assert words in line
