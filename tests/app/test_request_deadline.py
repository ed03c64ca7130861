"""Request page: a date the bank holiday calendar cannot count from is shown at its field; form
boxes offer only values the model accepts.

Finding reproduced: a case received in the last days of the calendar (then 2101, which the
model now refuses as a future date) crashed the Request page with DeadlineError, the very page
where the officer would correct the date. "Today" is pinned to the calendar's last day so such a
case is valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from foi_core.deadlines import supported_years
from foi_core.models import (
    ACT_IN_FORCE,
    MAX_HOURLY_RATE,
    MAX_LIMIT_POUNDS,
    MAX_MINUTES_EACH,
    MAX_RECORDS,
    latest_date,
    pinned_today,
)
from foi_core.workflow import new_case
from tests.app.conftest import button, by_key, texts

LAST_YEAR = supported_years()[1]
D = dt.date


@pytest.fixture(autouse=True)
def _end_of_calendar() -> Iterator[None]:
    with pinned_today(D(LAST_YEAR, 12, 31)):
        yield


def save(at) -> None:
    button(at, "Save").click().run()
    assert not at.exception, at.exception


def test_uncountable_received_date_is_shown_at_its_field_and_can_be_fixed(app_store, open_page):
    case = new_case("LATE/1", D(LAST_YEAR, 12, 20), "Calendar end")
    app_store.add(case, actor="test")
    at = open_page("pages/request.py", case_id=case.id)
    assert not at.exception, at.exception
    errors = [str(e.value) for e in at.error]
    calendar = f"only known for the years 1872 to {LAST_YEAR}"
    # once in the deadline box, once under the date received
    assert sum(calendar in e and e.startswith("Date received:") for e in errors) == 2
    assert "the due date cannot be worked out" in texts(at)

    by_key(at.date_input, "f.received").set_value(D(LAST_YEAR, 11, 2))
    save(at)
    assert app_store.load(case.id).case.request.received == D(LAST_YEAR, 11, 2)
    assert not any(calendar in str(e.value) for e in at.error)
    assert "Due:" in texts(at)


def test_a_received_date_after_today_is_refused_at_the_field(app_store, open_page):
    case = new_case("LATE/2", D(LAST_YEAR, 11, 2), "Calendar end")
    app_store.add(case, actor="test")
    at = open_page("pages/request.py", case_id=case.id)
    by_key(at.date_input, "f.received").set_value(D(LAST_YEAR + 1, 1, 5))
    save(at)
    assert any("cannot be received after today" in str(e.value) for e in at.error)
    assert app_store.load(case.id).case.request.received == D(LAST_YEAR, 11, 2)


def test_form_boxes_offer_only_what_the_model_accepts(app_store, open_page):
    """A value the model refuses cannot be typed where the page builds the model directly."""
    with pinned_today(D(2026, 11, 30)):  # the example cases were received before this
        at = open_page("pages/balance.py", case_id="example-cost-limit")
        bounds = {n.key: n.max for n in at.number_input}
        assert bounds["f.cost.1.records"] == MAX_RECORDS
        assert bounds["f.cost.1.minutes"] == MAX_MINUTES_EACH
        assert bounds["f.cost.rate"] == MAX_HOURLY_RATE
        assert bounds["f.cost.limit"] == MAX_LIMIT_POUNDS
        at = open_page("pages/request.py", case_id="example-cost-limit")
        received = by_key(at.date_input, "f.received")
        assert (received.min, received.max) == (ACT_IN_FORCE, latest_date())
