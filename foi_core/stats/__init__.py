"""Published FOI statistics (no Streamlit): the section 45 Code of Practice figures for a
month, a quarter, a year or any dates, by the date requests were received.

Modules: ``period`` (``Period``), ``figures`` (``Figures``, exactly the CLI's keys), ``words``
(each figure's definition and the ICO's timeliness bands, data with sources), ``compute``
(``figures_from_cases``: the reference count, case by case; ``Tally``, shared with
``Store.statistics``, which counts in SQL) and ``export`` (CSV and the .xlsx workbook).

>>> figures = store.statistics(Period.parse("2025Q3"))   # or figures_from_cases(cases, period)
>>> figures.as_json()["received"], figures.timeliness, figures.band.label
"""

from .compute import Tally, figures_from_cases
from .export import figures_csv, figures_workbook, read_figures_csv
from .figures import PUBLIC_KEYS, Figures, MonthFigures, ReviewCounts
from .period import Period, PeriodError
from .words import Band, Measure, definitions

__all__ = [
    "PUBLIC_KEYS",
    "Band",
    "Figures",
    "Measure",
    "MonthFigures",
    "Period",
    "PeriodError",
    "ReviewCounts",
    "Tally",
    "definitions",
    "figures_csv",
    "figures_from_cases",
    "figures_workbook",
    "read_figures_csv",
]
