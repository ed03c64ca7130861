"""The law at a date (foi_core.knowledge.law): boundary days and the checks on law.yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from foi_core.knowledge import KnowledgeError
from foi_core.knowledge.law import LAW_FILE, LawDateError, law_at, load_law_from

DPA_1998 = "the Data Protection Act 1998"
GDPR = "the General Data Protection Regulation (GDPR) and the Data Protection Act 2018"
UK_GDPR = "the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018"


@pytest.mark.parametrize(
    ("day", "wording"),
    [
        (date(2005, 1, 1), DPA_1998),
        (date(2018, 5, 24), DPA_1998),
        (date(2018, 5, 25), GDPR),
        (date(2020, 12, 31), GDPR),
        (date(2021, 1, 1), UK_GDPR),
        (date(2030, 6, 1), UK_GDPR),
    ],
)
def test_the_data_protection_law_on_the_boundary_days(day: date, wording: str) -> None:
    assert law_at(day).data_protection_law == wording


@pytest.mark.parametrize(
    ("day", "case", "decided"),
    [
        (date(2023, 11, 21), "", None),  # Montague (UT): one balance per exemption
        (date(2023, 11, 22), "[2023] EWCA Civ 1378", date(2023, 11, 22)),
        (date(2025, 7, 22), "[2023] EWCA Civ 1378", date(2023, 11, 22)),
        (date(2025, 7, 23), "[2025] UKSC 27", date(2025, 7, 23)),
    ],
)
def test_the_combined_balance_from_the_court_of_appeal_then_the_supreme_court(
    day: date, case: str, decided: date | None
) -> None:
    law = law_at(day)
    assert law.combined_balance_allowed is bool(case)
    assert law.combined_balance_decided == decided
    if case:
        assert law.combined_balance_case.endswith(case)
        assert "Department for Business and Trade" in law.combined_balance_case
    else:
        assert law.combined_balance_case == ""


@pytest.mark.parametrize("day", [date(2005, 1, 1), date(2025, 7, 23)])
def test_the_police_cost_limit(day: date) -> None:
    cost = law_at(day).cost_limit
    assert (cost.limit_pounds, cost.hourly_rate_pounds, cost.hours) == (450, 25, 18)
    assert cost.regulations == (
        "the Freedom of Information and Data Protection (Appropriate Limit and Fees) "
        "Regulations 2004"
    )


def test_every_answer_names_its_sources() -> None:
    sources = law_at(date(2026, 1, 1)).sources
    assert set(sources) == {"data_protection_law", "combined_balance", "cost_limit"}
    assert all(url.startswith("https://") for url in sources.values())


def test_a_day_before_the_right_of_access_is_a_plain_error() -> None:
    with pytest.raises(LawDateError, match=r"^No law is recorded for 31 December 2004: .*\.$"):
        law_at(date(2004, 12, 31))


def _broken(tmp_path: Path, topic: str, index: int, **changes: object) -> Path:
    raw = yaml.safe_load(LAW_FILE.read_text(encoding="utf-8"))
    raw[topic][index].update(changes)
    path = tmp_path / "law.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return path


def test_the_real_file_loads_from_a_copy(tmp_path: Path) -> None:
    path = _broken(tmp_path, "cost_limit", 0)
    assert load_law_from(path).cost_limit[0].hours == 18


@pytest.mark.parametrize(
    ("topic", "index", "changes", "message"),
    [
        ("data_protection_law", 1, {"in_force_from": date(2018, 5, 26)}, "a gap from 2018-05-25"),
        ("data_protection_law", 2, {"in_force_from": date(2020, 12, 31)}, "an overlap with"),
        ("combined_balance", 2, {"in_force_to": date(2030, 1, 1)}, "the last period must be open"),
        ("combined_balance", 0, {"in_force_to": None}, "only the last period may be open"),
        ("cost_limit", 0, {"in_force_from": date(2006, 1, 1)}, "must start on 2005-01-01"),
        ("cost_limit", 0, {"hours": 17}, "must equal limit_pounds"),
        ("combined_balance", 1, {"case": ""}, "names its case and date"),
        ("data_protection_law", 0, {"in_force_to": date(2004, 1, 1)}, "before in_force_from"),
    ],
)
def test_broken_periods_are_named(
    tmp_path: Path, topic: str, index: int, changes: dict, message: str
) -> None:
    with pytest.raises(KnowledgeError, match=rf"law\.yaml {topic}.*{message}"):
        load_law_from(_broken(tmp_path, topic, index, **changes))
