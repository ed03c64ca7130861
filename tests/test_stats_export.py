"""The statistics files: the CSV rows and the .xlsx workbook hold the same numbers as the Figures
(the workbook opened with openpyxl), header rows bold, columns sized, no formulas; the period
and the definitions data."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from foi_core.knowledge import KnowledgeError
from foi_core.stats import (
    PUBLIC_KEYS,
    Figures,
    Period,
    PeriodError,
    definitions,
    figures_csv,
    figures_from_cases,
    figures_workbook,
    read_figures_csv,
)
from foi_core.stats.words import load_definitions_from
from tests.test_stats_quarter import QUARTER, quarter_cases


@pytest.fixture(scope="module")
def figures() -> Figures:
    return figures_from_cases(quarter_cases(), QUARTER)


def _sheets(figures: Figures) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(figures_workbook(figures)))
    assert book.sheetnames == ["Summary", "By month", "Exemptions"]
    for sheet in book.worksheets:
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["A"].width >= 14
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_the_workbook_the_csv_and_the_figures_agree(figures: Figures) -> None:
    rows = read_figures_csv(figures_csv(figures))
    sheets = _sheets(figures)
    summary = {label: value for label, value, _ in sheets["Summary"][1:]}
    words = definitions()
    for key in ("received", "processed", "open", "granted_in_full", "late", "extended"):
        label = words.measure(key).label
        assert summary[label] == figures.count(key) == int(rows[key])
    assert summary["Internal reviews asked for"] == 2 == int(rows["internal_reviews"])
    assert summary["Reviews: overturned"] == 1 == int(rows["internal_reviews_overturned"])
    assert summary["Timeliness (%)"] == 77.8 == float(rows["timeliness_percent"])
    assert summary["ICO band"] == "Unsatisfactory" == rows["ico_band"]
    assert summary["Period"] == "July to September 2025 (2025 Q3)"
    definitions_column = {label: text for label, _, text in sheets["Summary"][1:]}
    assert definitions_column["Not held"] == words.measure("not_held").definition
    exemptions = dict(sheets["Exemptions"][1:])
    assert (
        exemptions
        == dict(figures.exemptions)
        == {
            key.removeprefix("exemption "): int(value)
            for key, value in rows.items()
            if key.startswith("exemption ")
        }
    )
    months = sheets["By month"]
    assert months[0][0] == "Month received"
    assert [row[:5] for row in months[1:]] == [
        ("July 2025", 5, 5, 4, 1),
        ("August 2025", 2, 2, 1, 1),
        ("September 2025", 3, 2, 2, 0),
    ]


def test_text_starting_like_a_formula_stays_text() -> None:
    risky = Figures(period=QUARTER, exemptions={"=HYPERLINK(1)": 1})
    assert ("=HYPERLINK(1)", 1) in _sheets(risky)["Exemptions"]  # a text cell, not a formula
    assert "exemption =HYPERLINK(1),1" in figures_csv(risky).splitlines()


def test_an_empty_period_has_no_band_and_blank_timeliness() -> None:
    empty = figures_from_cases([], Period.month(2025, 2))
    assert empty.timeliness is None and empty.band is None
    rows = read_figures_csv(figures_csv(empty))
    assert rows["timeliness_percent"] == "" and rows["ico_band"] == ""
    summary = {label: value for label, value, _ in _sheets(empty)["Summary"][1:]}
    assert summary["Requests received"] == 0


@pytest.mark.parametrize(
    ("percentage", "band"),
    [(100, "good"), (95, "good"), (94.9, "adequate"), (90, "adequate"), (89.9, "unsatisfactory")],
)
def test_the_ico_bands(percentage: float, band: str) -> None:
    found = definitions().band_for(percentage)
    assert found is not None and found.name == band
    assert definitions().bands_source.url.startswith("https://ico.org.uk/")


def test_periods() -> None:
    assert Period.parse("2025Q3") == Period.quarter(2025, 3)
    assert Period.parse("2025") == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year")
    assert Period.parse("2024-02").end == dt.date(2024, 2, 29)
    assert Period.last_full_quarter(dt.date(2026, 1, 5)) == Period.quarter(2025, 4)
    assert Period.last_full_quarter(dt.date(2026, 6, 30)) == Period.quarter(2026, 1)
    assert Period.year(2025).months()[-1] == dt.date(2025, 12, 1)
    assert Period.between(dt.date(2025, 1, 31), dt.date(2025, 3, 1)).months() == [
        dt.date(2025, 1, 1),
        dt.date(2025, 2, 1),
        dt.date(2025, 3, 1),
    ]
    assert Period.quarter(2025, 3).code == "2025-Q3"
    with pytest.raises(PeriodError, match="before it starts"):
        Period.between(dt.date(2025, 2, 1), dt.date(2025, 1, 1))
    with pytest.raises(PeriodError, match="not a period"):
        Period.parse("Q3 2025")


def test_every_figure_has_a_definition() -> None:
    words = definitions()
    for key in (*PUBLIC_KEYS, "timeliness"):
        measure = words.measure(key)
        assert measure.definition and words.source_of(key).url.startswith("https://")


def test_broken_definitions_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "definitions.yaml"
    broken.write_text(
        "sources: {}\nmeasures: [{key: received, label: R, definition: D, source: nowhere}]\n"
        "bands: {source: nowhere, levels: [{name: good, label: G, at_least: 0, meaning: M}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"definitions\.yaml: .*nowhere"):
        load_definitions_from(broken)


def test_the_readme_defines_every_figure() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Statistics\n", 1)[1].split("\n## ", 1)[0]
    words = definitions()
    for key in (*PUBLIC_KEYS[:10], "exemptions", "timeliness"):
        assert f"| {words.measure(key).label} " in section, key
    for band in words.bands.levels:
        assert f"**{band.name}**" in section
