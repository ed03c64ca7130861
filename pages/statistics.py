"""Statistics: the published FOI figures (section 45 Code of Practice) for a month, a quarter, a
year or any dates, by the date requests were received; timeliness against the ICO's bands;
charts; the CSV and the workbook to publish."""

import streamlit as st

from ui import get_store, show_flash, today
from ui.people import require_live_access
from ui.statistics import choose_period, draw_charts, draw_downloads, draw_figures

st.title("Statistics")
show_flash()  # also puts app.py's navigation in charge when this page is opened first
require_live_access()  # trainees and people with no role never see live figures
st.caption(
    "The figures FOI units publish each quarter (section 45 Code of Practice), worked out from "
    "the cases in this tool. The definitions are in each figure's help and in the README."
)

period = choose_period(today())
if period is not None:
    figures = get_store().statistics(period)
    draw_figures(figures)
    draw_charts(figures)
    draw_downloads(figures)
