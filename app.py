"""FOI Public Interest Test Assistant: the Streamlit entrypoint.

Run with ``streamlit run app.py``. The case being worked on lives in the URL (``?case=<id>``), so
a refresh or a new tab returns to the same case; every submitted change is saved at once.
"""

import streamlit as st

from foi_core.people import Person, can_manage, can_run_training, can_see_live_cases, can_train
from ui.exposure import draw_gate, must_stop
from ui.nav import PAGES, PageInfo
from ui.people import current_person, no_access_page, sidebar_badge
from ui.state import OPEN_CASE_KEY

st.set_page_config(
    page_title="FOI Public Interest Test Assistant",
    page_icon=":material/balance:",
    layout="wide",
)


def menu_page(info: PageInfo) -> st.Page:
    """The st.Page for a page of the menu."""
    return st.Page(
        info.file,
        title=info.title,
        icon=info.icon,
        url_path=info.url_path,
        default=info.file == "pages/cases.py",
    )


# The gate first: with sign-in configured nobody sees anything before signing in; without it,
# only this computer may see cases (a server others can reach explains and stops). Every page is
# registered, hidden, so the address asked for is kept, but none of them runs.
if must_stop():
    st.navigation([menu_page(info) for info in PAGES], position="hidden")
    draw_gate()
    st.stop()


def may_see(info: PageInfo, person: Person) -> bool:
    """Whether the menu offers this page to the person (foi_core.people decides)."""
    if info.audience == "admin":
        return bool(can_manage(person))
    if info.audience == "live":
        return bool(can_see_live_cases(person))
    if info.audience == "train":
        return bool(can_train(person))
    if info.audience == "trainer":
        return bool(can_run_training(person))
    return True


def attempt_page(info: PageInfo, person: Person) -> bool:
    """A case page a trainee reaches only from their own training attempt (hidden in the menu:
    the attempt's stepper links its steps)."""
    return info.section == "Case" and not can_see_live_cases(person) and bool(can_train(person))


person = current_person()
visible = [info for info in PAGES if may_see(info, person)]
sections: dict[str, list[st.Page]] = {}
if not any(info.file == "pages/cases.py" for info in visible):
    sections["Welcome"] = [
        st.Page(no_access_page, title="Welcome", url_path="welcome", default=True)
    ]
for info in visible:
    sections.setdefault(info.section, []).append(menu_page(info))
for info in PAGES:
    if attempt_page(info, person):
        hidden = st.Page(info.file, title=info.title, url_path=info.url_path, visibility="hidden")
        sections.setdefault("Training", []).append(hidden)

page = st.navigation(sections, expanded=True)  # every page in the menu, no "View more"
sidebar_badge()
# The menu links do not carry ?case=. A case named in the URL (also after a refresh, on any page)
# becomes the one this session has open, and the menu links keep it in the URL.
URL_CASE_KEY = "_foi_url_case"
url_case_id = st.query_params.get("case")
if url_case_id:
    st.session_state[URL_CASE_KEY] = url_case_id
elif remembered := st.session_state.get(URL_CASE_KEY) or st.session_state.get(OPEN_CASE_KEY):
    st.query_params["case"] = remembered
page.run()
