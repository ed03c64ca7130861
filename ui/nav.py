"""The app's pages: one list used by app.py (st.navigation) and by the progress stepper."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import streamlit as st

from foi_core.steps import STEPS


@dataclass(frozen=True)
class PageInfo:
    """A page file with its menu title, icon, URL slug and menu section."""

    file: str
    title: str
    icon: str
    url_path: str
    section: str
    step_key: str | None = None
    # Who sees it in the menu: "live" (anyone who may see live cases), "admin" (settings,
    # templates and people), "train" (anyone who may practise on training scenarios),
    # "trainer" (trainers and admins) or "everyone" (signed in, whatever their roles). Decided
    # with foi_core.people's rules by app.py.
    audience: str = "live"


_STEP_ICONS = {
    "request": ":material/mail:",
    "items": ":material/format_list_numbered:",
    "exemptions": ":material/gavel:",
    "harm": ":material/warning:",
    "public_interest": ":material/balance:",
    "balance": ":material/scale:",
    "check": ":material/fact_check:",
    "letter": ":material/description:",
}

PAGES: tuple[PageInfo, ...] = (
    PageInfo("pages/cases.py", "Cases", ":material/folder_open:", "cases", "Cases"),
    PageInfo("pages/statistics.py", "Statistics", ":material/bar_chart:", "statistics", "Cases"),
    PageInfo(
        "pages/disclosure_log.py", "Disclosure log", ":material/public:", "disclosure-log", "Cases"
    ),
    PageInfo(
        "pages/training.py",
        "Training",
        ":material/school:",
        "training",
        "Training",
        audience="train",
    ),
    PageInfo(
        "pages/trainer.py",
        "Training sessions",
        ":material/co_present:",
        "trainer",
        "Training",
        audience="trainer",
    ),
    *(
        PageInfo(
            f"pages/{step.key}.py",
            step.title,
            _STEP_ICONS[step.key],
            step.key,
            "Case",
            step.key,
        )
        for step in STEPS
    ),
    PageInfo("pages/history.py", "History", ":material/history:", "history", "Case"),
    PageInfo(
        "pages/review.py", "Internal review", ":material/rate_review:", "review", "After the letter"
    ),
    PageInfo(
        "pages/ico.py", "ICO complaint", ":material/account_balance:", "ico", "After the letter"
    ),
    PageInfo(
        "pages/settings.py",
        "Settings",
        ":material/settings:",
        "settings",
        "Help and set-up",
        audience="admin",
    ),
    PageInfo(
        "pages/users.py",
        "People",
        ":material/group:",
        "people",
        "Help and set-up",
        audience="admin",
    ),
    PageInfo(
        "pages/guide.py",
        "Guide",
        ":material/menu_book:",
        "guide",
        "Help and set-up",
        audience="everyone",
    ),
)
PAGES_BY_STEP: dict[str, PageInfo] = {p.step_key: p for p in PAGES if p.step_key}


def ensure_app_navigation() -> None:
    """Make sure app.py's st.navigation is in charge, then carry on.

    Streamlit starts in its old "pages/ folder" mode because our pages live in pages/. Until some
    session has run app.py, a URL such as /request?case=... runs the page file alone: no wide
    layout, no page titles, the wrong menu. The first page run after a server start therefore
    switches that mode off and reruns, so app.py draws the same page (the URL slugs are the file
    names, as in the old mode, so the page and its ?case= are kept). Private Streamlit API,
    checked on 1.67: the E2E tests catch a change.
    """
    from streamlit.runtime.pages_manager import PagesManager

    # AppTest resets this flag before every run and copes with either mode; leave it alone there
    # (a rerun would drop the button click being tested).
    under_app_test = "streamlit.testing.v1.app_test" in sys.modules
    if PagesManager.uses_pages_directory and not under_app_test:
        PagesManager.uses_pages_directory = False
        st.rerun()
