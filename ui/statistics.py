"""The Statistics page's parts: choosing the period, the figures with their definitions, the
timeliness against the ICO's bands, the charts (Altair) and the downloads.

Every figure comes from ``foi_core.stats`` (``Store.statistics``); this module only draws.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from foi_core.plain import plain_date
from foi_core.register import CATEGORY_LABELS, Category
from foi_core.stats import Figures, Period, PeriodError, definitions, figures_csv, figures_workbook
from ui.text import md_escape

KINDS = ("Quarter", "Month", "Year", "Dates")
YEARS_OFFERED = 8
QUARTERS_OFFERED = 4 * YEARS_OFFERED
MONTHS_OFFERED = 36
COUNTS = alt.Axis(format="d", tickMinStep=1)  # whole numbers of requests
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- The period ---------------------------------------------------------------------------------


def _quarters(today: dt.date) -> list[Period]:
    """This quarter (so far) and the earlier ones, newest first."""
    quarter = (today.month - 1) // 3
    index = today.year * 4 + quarter
    return [Period.quarter(i // 4, i % 4 + 1) for i in range(index, index - QUARTERS_OFFERED, -1)]


def _months(today: dt.date) -> list[Period]:
    index = today.year * 12 + today.month - 1
    return [Period.month(i // 12, i % 12 + 1) for i in range(index, index - MONTHS_OFFERED, -1)]


def _label(period: Period, today: dt.date) -> str:
    return f"{period.label} (so far)" if period.contains(today) else period.label


def choose_period(today: dt.date) -> Period | None:
    """The period the officer chose (by default the last full quarter), or None after showing
    what is wrong with the dates typed."""
    kind = st.radio("Period", KINDS, horizontal=True, key="stats.kind")
    if kind == "Dates":
        default = Period.last_full_quarter(today)
        left, right = st.columns(2)
        start = left.date_input("From (received on or after)", default.start, key="stats.from")
        end = right.date_input("To (received on or before)", default.end, key="stats.to")
        try:
            return Period.between(start, end)
        except PeriodError as error:
            message = str(error)
            right.error(md_escape(f"{message[0].upper()}{message[1:]}."), icon=":material/error:")
            return None
    if kind == "Year":
        years = [Period.year(today.year - n) for n in range(YEARS_OFFERED)]
        options, default_index = years, 1
    elif kind == "Month":
        options, default_index = _months(today), 1
    else:
        options = _quarters(today)
        default_index = options.index(Period.last_full_quarter(today))
    return st.selectbox(
        kind,
        options,
        index=default_index,
        format_func=lambda period: _label(period, today),
        key=f"stats.{kind.lower()}",
    )


# --- The figures --------------------------------------------------------------------------------


def _metric(where: DeltaGenerator, key: str, value: int, label: str = "") -> None:
    measure = definitions().measure(key)
    where.metric(label or measure.label, value, help=measure.definition)


def _row(figures: Figures, keys: tuple[str, ...]) -> None:
    for column, key in zip(st.columns(len(keys)), keys, strict=True):
        _metric(column, key, figures.count(key))


def draw_figures(figures: Figures) -> None:
    """The figures as metrics, each with its definition in its help."""
    period = figures.period
    st.caption(
        f"Requests received from {plain_date(period.start)} to {plain_date(period.end)}, "
        "counted by the date each request arrived. Training attempts never count. Hover over "
        "a figure's help icon for what it counts."
    )
    st.subheader("Requests", anchor=False)
    _row(figures, ("received", "processed", "open", "extended"))
    st.subheader("Outcomes of the processed requests", anchor=False)
    _row(figures, ("granted_in_full", "partly_disclosed", "refused_in_full", "not_held"))
    st.subheader("Timeliness", anchor=False)
    left, middle, right = st.columns(3)
    _metric(left, "in_time", figures.in_time)
    _metric(middle, "late", figures.late)
    timeliness = definitions().measure("timeliness")
    shown = "none answered" if figures.timeliness is None else f"{figures.timeliness:g}%"
    right.metric(timeliness.label, shown, help=timeliness.definition)
    draw_band(figures)
    st.subheader("Internal reviews", anchor=False)
    st.caption("Upheld means the original decision stands (our own record's sense).")
    reviews = figures.internal_reviews
    columns = st.columns(5)
    for column, (key, value, label) in zip(
        columns,
        (
            ("internal_reviews", reviews.requested, "Asked for"),
            ("reviews_upheld", reviews.upheld, "Upheld"),
            ("reviews_upheld_in_part", reviews.upheld_in_part, "Upheld in part"),
            ("reviews_overturned", reviews.overturned, "Overturned"),
            ("reviews_not_decided", reviews.not_decided, "Not decided yet"),
        ),
        strict=True,
    ):
        _metric(column, key, value, label)


def draw_band(figures: Figures) -> None:
    """The ICO band of the timeliness, what it means and its source."""
    words = definitions()
    source = words.bands_source
    cited = f"Source: [{source.title}]({source.url})."
    band = figures.band
    if band is None:
        st.info(f"No request received in this period has been answered yet. {cited}")
        return
    text = (
        f"**ICO band: {band.label}** ({figures.timeliness:g}% answered in time). "
        f"{band.meaning} {cited}"
    )
    show = {"good": st.success, "adequate": st.warning}.get(band.name, st.error)
    show(text, icon=":material/speed:")


# --- The charts ---------------------------------------------------------------------------------


def _by_month(figures: Figures) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Month": f"{month.month:%b %Y}",
                "Received": month.received,
                "Timeliness (%)": month.timeliness,
            }
            for month in figures.by_month
        ]
    )


def draw_charts(figures: Figures) -> None:
    """Requests and timeliness by month, the outcomes and the exemptions used."""
    st.subheader("Charts", anchor=False)
    months = _by_month(figures)
    base = alt.Chart(months).encode(
        alt.X("Month:O", sort=None, title="Month received", axis=alt.Axis(labelAngle=0))
    )
    bars = base.mark_bar(opacity=0.6).encode(
        alt.Y("Received:Q", title="Requests received", axis=COUNTS)
    )
    line = base.mark_line(point=True, color="#d62728").encode(
        alt.Y("Timeliness (%):Q", scale=alt.Scale(domain=[0, 100]), title="Answered in time (%)")
    )
    st.altair_chart(
        alt.layer(bars, line)
        .resolve_scale(y="independent")
        .properties(title="Requests and timeliness by month"),
        width="stretch",
    )
    left, right = st.columns(2)
    outcomes = pd.DataFrame(
        [
            {"Outcome": CATEGORY_LABELS[category], "Requests": figures.count(category.value)}
            for category in Category
        ]
    )
    left.altair_chart(
        alt.Chart(outcomes, title="Outcomes of the processed requests")
        .mark_bar()
        .encode(alt.X("Requests:Q", axis=COUNTS), alt.Y("Outcome:N", sort=None, title=None)),
        width="stretch",
    )
    if figures.exemptions:
        used = pd.DataFrame(
            [{"Section": section, "Requests": n} for section, n in figures.exemptions.items()]
        )
        right.altair_chart(
            alt.Chart(used, title="Exemptions used")
            .mark_bar()
            .encode(
                alt.X("Requests:Q", title="Processed requests citing it", axis=COUNTS),
                alt.Y("Section:N", sort=None),
            ),
            width="stretch",
        )
    else:
        right.info("No processed request in this period relied on an exemption.")


# --- The downloads ------------------------------------------------------------------------------


def draw_downloads(figures: Figures) -> None:
    """The figures as CSV and as the .xlsx workbook to publish."""
    st.subheader("Download", anchor=False)
    name = f"foi-statistics-{figures.period.code}"
    left, right = st.columns(2)
    left.download_button(
        "Download the figures (CSV)",
        figures_csv(figures),
        file_name=f"{name}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    right.download_button(
        "Download the workbook to publish (.xlsx)",
        figures_workbook(figures),
        file_name=f"{name}.xlsx",
        mime=XLSX,
        icon=":material/table:",
        on_click="ignore",
    )
    st.caption(
        "The workbook has a Summary sheet (each figure and what it counts), a By month sheet "
        "and an Exemptions sheet."
    )
