"""The app's pages: one list used by app.py (st.navigation) and by the progress stepper."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from foi_core.workflow import STEPS

APP_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageInfo:
    """A page file with its menu title, icon, URL slug and menu section."""

    file: str
    title: str
    icon: str
    url_path: str
    section: str
    step_key: str | None = None

    @property
    def exists(self) -> bool:
        return (APP_ROOT / self.file).exists()


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
    *(
        PageInfo(
            step.page,
            step.title,
            _STEP_ICONS[step.key],
            step.key.replace("_", "-"),
            "Case",
            step.key,
        )
        for step in STEPS
    ),
    PageInfo("pages/settings.py", "Settings", ":material/settings:", "settings", "Help and set-up"),
    PageInfo("pages/guide.py", "Guide", ":material/menu_book:", "guide", "Help and set-up"),
)
PAGES_BY_STEP: dict[str, PageInfo] = {p.step_key: p for p in PAGES if p.step_key}


def available_pages() -> list[PageInfo]:
    """The pages whose files exist (pages still being written are left out of the menu)."""
    return [page for page in PAGES if page.exists]
