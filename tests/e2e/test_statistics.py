"""The Statistics page in a real browser: a year's figures for the demo cases, the three
charts drawn by the browser (Vega renders each into a canvas or an SVG), and the workbook
downloaded and opened."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.helpers import AppPage

pytestmark = pytest.mark.e2e


def test_a_years_statistics_draw_their_charts_and_download(app: AppPage) -> None:
    app.nav("Statistics")
    app.choose(app.page, "Period", "Year")
    # 2025 (the year before this one) holds the demo doorbell-camera case, issued in August.
    received = app.page.get_by_test_id("stMetric").filter(has_text="Requests received")
    expect(received.get_by_test_id("stMetricValue")).not_to_have_text("0")
    charts = app.page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(3)
    for index in range(3):
        drawn = charts.nth(index).locator("canvas, svg")
        expect(drawn.first).to_be_visible()
    for title in ("Requests and timeliness by month", "Outcomes of the processed requests"):
        expect(app.page.get_by_text(title).first).to_be_visible()
    app.assert_no_exception()
    app.shot("statistics")

    button = app.page.get_by_test_id("stDownloadButton").filter(has_text=".xlsx")
    with app.page.expect_download() as download_info:
        button.click()
    workbook = load_workbook(io.BytesIO(download_info.value.path().read_bytes()))
    assert {"Summary", "By month", "Exemptions"} <= set(workbook.sheetnames)
