"""AppTest of the Statistics page: for the hand-counted quarter (tests/test_stats_quarter.py) the
page shows the engine's numbers, each with its definition as help, the ICO band, three charts
and both downloads; a month and typed dates; dates the wrong way round explained next to the
field; a trainee never reaches the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from foi_core.bounds import pinned_today
from foi_core.models import Case
from foi_core.people import Role
from foi_core.stats import Figures, Period, definitions
from foi_core.stats.figures import COUNT_KEYS
from foi_core.storage import Store
from tests.app.conftest import by_key, new_app, ok, texts
from tests.app.test_sign_in import ADMIN, signed_in_app
from tests.test_stats_quarter import QUARTER, quarter_cases

PAGE = "pages/statistics.py"


@pytest.fixture
def quarter_store(empty_store: Store) -> Iterator[Store]:
    """The hand-counted quarter stored, on 20 October 2025 (the last full quarter is 2025 Q3)."""
    empty_store.add_many(Case.model_validate(case.model_dump()) for case in quarter_cases())
    with pinned_today(dt.date(2025, 10, 20)):
        yield empty_store


def statistics_page() -> AppTest:
    return ok(ok(new_app().run()).switch_page(PAGE).run())


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def expected_metrics(figures: Figures) -> dict[str, str]:
    words = definitions()
    shown = {words.measure(key).label: str(figures.count(key)) for key in COUNT_KEYS}
    reviews = figures.internal_reviews
    shown["Asked for"] = str(reviews.requested)
    shown["Upheld"] = str(reviews.upheld)
    shown["Overturned"] = str(reviews.overturned)
    shown[words.measure("timeliness").label] = f"{figures.timeliness:g}%"
    return shown


def test_the_page_shows_the_engines_figures_for_the_last_full_quarter(
    quarter_store: Store,
) -> None:
    at = statistics_page()
    assert by_key(at.selectbox, "stats.quarter").value == QUARTER
    figures = quarter_store.statistics(QUARTER)
    shown = metrics(at)
    for label, value in expected_metrics(figures).items():
        assert shown[label] == value, label
    assert shown["Requests received"] == "10" and shown["Timeliness"] == "77.8%"
    helps = {metric.label: metric.proto.help for metric in at.metric}
    assert helps["Not held"] == definitions().measure("not_held").definition
    assert helps["Upheld"] == definitions().measure("reviews_upheld").definition
    assert any("ICO band: Unsatisfactory" in str(e.value) for e in at.error)
    assert len(at.get("vega_lite_chart")) == 3
    downloads = [element.proto.label for element in at.get("download_button")]
    assert downloads == ["Download the figures (CSV)", "Download the workbook to publish (.xlsx)"]


def test_a_month_and_typed_dates(quarter_store: Store) -> None:
    at = statistics_page()
    at = ok(by_key(at.radio, "stats.kind").set_value("Month").run())
    at = ok(by_key(at.selectbox, "stats.month").set_value(Period.month(2025, 7)).run())
    assert metrics(at)["Requests received"] == "5"
    assert metrics(at)["Answered late"] == "1"
    at = ok(by_key(at.radio, "stats.kind").set_value("Dates").run())
    assert by_key(at.date_input, "stats.from").value == QUARTER.start  # the last full quarter
    at = ok(by_key(at.date_input, "stats.from").set_value(dt.date(2025, 8, 1)).run())
    assert metrics(at)["Requests received"] == "5"  # E, F, G, H and I
    at = ok(by_key(at.date_input, "stats.to").set_value(dt.date(2025, 7, 1)).run())
    assert any("before it starts" in str(e.value) for e in at.error)
    assert not at.metric and not at.get("download_button")
    assert by_key(at.date_input, "stats.from").value == dt.date(2025, 8, 1)  # input kept


def test_no_answer_yet_is_said_plainly(empty_store: Store) -> None:
    at = statistics_page()
    assert metrics(at)["Requests received"] == "0"
    assert metrics(at)["Timeliness"] == "none answered"
    assert "No request received in this period has been answered yet" in texts(at) + "".join(
        str(i.value) for i in at.info
    )


def test_a_trainee_never_reaches_the_statistics(app_store: Store) -> None:
    app_store.grant("t@force.police.uk", Role.TRAINEE, by=ADMIN)
    at = ok(signed_in_app("t@force.police.uk", "T Trainee").run())
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
    app_store.grant("o@force.police.uk", Role.OFFICER, by=ADMIN)
    officer = ok(signed_in_app("o@force.police.uk", "O Officer").run())
    assert "Requests received" in [m.label for m in ok(officer.switch_page(PAGE).run()).metric]
