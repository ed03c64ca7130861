"""The model refuses what no real case holds, each problem named at its field in plain words.

Findings reproduced here (each failed before the bounds existed): NUL and lone surrogates were
accepted (a case that PostgreSQL refuses, or that cannot be exported), a cost line with 10^400
records or 1e309 minutes broke check, render and record, and a request received on 9999-12-31
passed validation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from pydantic import ValidationError

from foi_core.models import (
    ACT_IN_FORCE,
    MAX_MINUTES_EACH,
    MAX_RECORDS,
    Case,
    Clarification,
    CostEstimate,
    CostLine,
    FeesNotice,
    HarmAssessment,
    OrganisationProfile,
    PITExtension,
    Request,
    RequestItem,
    clean_text,
    explain_errors,
    latest_date,
    pinned_today,
    today,
)
from tests.case_factory import correct_case, minimal_case

D = dt.date
TODAY = D(2026, 6, 15)


@pytest.fixture(autouse=True)
def _pinned() -> Iterator[None]:
    with pinned_today(TODAY):
        yield


def problems_of(build) -> dict[str, str]:
    """{field: message} of the ValidationError that ``build()`` raises."""
    with pytest.raises(ValidationError) as caught:
        build()
    return {p.field: p.message for p in explain_errors(caught.value)}


def case_data(**changes: object) -> dict:
    data = correct_case().model_dump(mode="json")
    data.update(changes)
    return data


# --- Text ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "words"),
    [("a\x00b", "NUL character"), ("a\ud800b", "broken character")],
)
def test_nul_and_lone_surrogates_are_refused_at_their_field(bad: str, words: str) -> None:
    data = case_data()
    data["request"]["text"] = bad
    data["claims"][0]["harm"]["prompt_answers"] = {"q1": bad}
    problems = problems_of(lambda: Case.model_validate(data))
    assert words in problems["request.text"]
    assert words in problems["claims.0.harm.prompt_answers"]
    assert all(
        message.endswith(".") and "Value error" not in message for message in problems.values()
    )


def test_surrogate_in_a_mapping_key_is_refused() -> None:
    problems = problems_of(lambda: HarmAssessment(prompt_answers={"q\udfff": "answer"}))
    assert "broken character" in problems["prompt_answers"]


def test_other_control_characters_are_removed_on_every_way_in() -> None:
    assert clean_text("tab\tline\nreturn\r bell\x07 escape\x1b\x7f") == (
        "tab\tline\nreturn\r bell escape\x7f"
    )
    item = RequestItem(number=1, text="How many\x0c dogs?")
    assert item.text == "How many dogs?"
    item.answer = "38\x08"  # assignment is cleaned too
    assert item.answer == "38"
    harm = HarmAssessment(prompt_answers={"q\x01": "a\x02"})
    assert harm.prompt_answers == {"q": "a"}
    assert OrganisationProfile(name="Police\x1f").name == "Police"


def test_text_that_is_only_control_characters_counts_as_empty() -> None:
    problems = problems_of(lambda: RequestItem(number=1, text="\x1b\x07"))
    assert problems == {"text": "This cannot be empty."}


def test_odd_but_real_text_is_kept() -> None:
    text = "Ré\u200fsumé \u202eRTL\u202c — 🚓 \ufeff"
    assert RequestItem(number=1, text=text).text == text


# --- Numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("records", 10**400, f"This must be {MAX_RECORDS:,} or less; check the figure."),
        ("records", MAX_RECORDS + 1, f"This must be {MAX_RECORDS:,} or less; check the figure."),
        ("minutes_each", 1e309, "Enter an ordinary number (not infinity or NaN)."),
        ("minutes_each", float("nan"), "Enter an ordinary number (not infinity or NaN)."),
        ("minutes_each", MAX_MINUTES_EACH + 0.5, "This must be 10,080 or less; check the figure."),
    ],
)
def test_absurd_cost_figures_are_refused(field: str, value: object, message: str) -> None:
    line = {"activity": "extract", "records": 3, "minutes_each": 2.0, field: value}
    assert problems_of(lambda: CostLine.model_validate(line)) == {field: message}


def test_the_largest_allowed_cost_line_is_still_a_finite_sum() -> None:
    line = CostLine(activity="extract", records=MAX_RECORDS, minutes_each=MAX_MINUTES_EACH)
    estimate = CostEstimate(lines=[line] * 50)
    assert estimate.exceeds_limit and estimate.total_cost < 1e16


@pytest.mark.parametrize(("field", "value"), [("hourly_rate", 1e6), ("limit_pounds", 1e9)])
def test_rate_and_limit_have_bounds(field: str, value: float) -> None:
    assert "or less" in problems_of(lambda: CostEstimate.model_validate({field: value}))[field]


def test_infinite_number_in_json_is_refused() -> None:
    data = case_data()
    text = json.dumps(data).replace('"minutes_each": 2.0', '"minutes_each": 1e309')
    text = text.replace('"minutes_each": 3.0', '"minutes_each": 1e309')
    with pytest.raises(ValidationError, match="finite"):
        Case.model_validate(json.loads(text))


def test_item_numbers_have_a_bound() -> None:
    assert "or less" in problems_of(lambda: RequestItem(number=10**400, text="x"))["number"]


def test_combined_balance_names_only_items_the_request_has() -> None:
    data = case_data()
    data["aggregate_balances"][0]["items"] = [99]
    problems = problems_of(lambda: Case.model_validate(data))
    assert "combined balance names item(s) [99]" in problems["case"]


# --- Dates ---------------------------------------------------------------------------------------


def request(received: dt.date) -> Request:
    return Request(our_ref="A/1", received=received)


def test_received_today_is_fine_and_tomorrow_is_refused() -> None:
    assert request(TODAY).received == TODAY
    problems = problems_of(lambda: request(TODAY + dt.timedelta(days=1)))
    assert problems == {
        "received": "A request cannot be received after today (15 June 2026); check the date."
    }


def test_received_9999_12_31_is_refused() -> None:
    assert "check the year" in problems_of(lambda: request(D(9999, 12, 31)))["received"]


def test_dates_before_the_act_are_refused_anywhere() -> None:
    assert request(ACT_IN_FORCE).received == ACT_IN_FORCE
    assert "before 1 January 2005" in problems_of(lambda: request(D(2004, 12, 31)))["received"]
    data = case_data()
    data["claims"][0]["pit"]["balance"]["decided_on"] = "1999-01-01"
    problems = problems_of(lambda: Case.model_validate(data))
    assert "before 1 January 2005" in problems["claims.0.pit.balance.decided_on"]


def test_no_date_lies_more_than_two_years_ahead() -> None:
    assert latest_date() == D(2028, 6, 15)
    assert PITExtension(estimated_date=latest_date()).estimated_date == latest_date()
    problems = problems_of(lambda: PITExtension(estimated_date=D(2028, 6, 16)))
    assert "more than 2 years from today" in problems["estimated_date"]


def test_today_is_pinned_for_tests_and_released_after() -> None:
    assert today() == TODAY
    with pinned_today(D(2030, 1, 1)):
        assert today() == D(2030, 1, 1)
    assert today() == TODAY


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        (
            {"response_date": "2024-01-07"},
            "response_date",
            "before the date the request was received",
        ),
        (
            {"clarification": {"asked_on": "2024-01-10", "received_on": "2024-01-09"}},
            "clarification.received_on",
            "before the date clarification was asked for (10 January 2024)",
        ),
        (
            {"clarification": {"asked_on": "2024-01-05"}},
            "clarification.asked_on",
            "before the date the request was received (8 January 2024)",
        ),
        (
            {"fees_notice": {"issued_on": "2024-01-10", "paid_on": "2024-01-09"}},
            "fees_notice.paid_on",
            "before the date the fees notice was issued",
        ),
        (
            {"fees_notice": {"issued_on": "2024-01-01"}},
            "fees_notice.issued_on",
            "before the date the req",
        ),
        (
            {"review_requested_on": "2024-01-01"},
            "review_requested_on",
            "before the date the request",
        ),
        (
            {"clarification": {"asked_on": "2024-01-10", "received_on": "2026-06-16"}},
            "clarification.received_on",
            "has not happened yet",
        ),
        ({"fees_notice": {"issued_on": "2026-07-01"}}, "fees_notice.issued_on", "not happened"),
    ],
)
def test_impossible_date_orders_are_refused_at_their_field(
    changes: dict, field: str, words: str
) -> None:
    problems = problems_of(lambda: Case.model_validate(case_data(**changes)))
    assert list(problems) == [field]
    assert words in problems[field]
    assert problems[field].endswith("; check the date.")


def test_possible_date_orders_are_kept() -> None:
    case = Case.model_validate(
        case_data(
            response_date="2024-01-08",
            clarification={"asked_on": "2024-01-08", "received_on": "2024-01-08"},
            fees_notice={"issued_on": "2024-01-09", "paid_on": "2024-01-09"},
            review_requested_on="2026-06-15",
        )
    )
    assert case.fees_notice == FeesNotice(issued_on=D(2024, 1, 9), paid_on=D(2024, 1, 9))
    assert case.clarification == Clarification(asked_on=D(2024, 1, 8), received_on=D(2024, 1, 8))


def test_assigning_an_impossible_date_is_refused() -> None:
    case = minimal_case()
    with pytest.raises(ValidationError, match="before the date the request was received"):
        case.response_date = D(2024, 1, 1)
