"""FOI Public Interest Test Assistant: the Streamlit entrypoint.

Run with ``streamlit run app.py``. The case being worked on lives in the URL (``?case=<id>``), so
a refresh or a new tab returns to the same case; every submitted change is saved at once.
"""

import streamlit as st

from ui.exposure import stop_if_exposed
from ui.nav import PAGES
from ui.state import OPEN_CASE_KEY

st.set_page_config(
    page_title="FOI Public Interest Test Assistant",
    page_icon=":material/balance:",
    layout="wide",
)

sections: dict[str, list[st.Page]] = {}
for info in PAGES:
    sections.setdefault(info.section, []).append(
        st.Page(
            info.file,
            title=info.title,
            icon=info.icon,
            url_path=info.url_path,
            default=info.file == "pages/cases.py",
        )
    )

page = st.navigation(sections)
# Without sign-in, only this computer may see cases: a server others can reach explains and stops.
stop_if_exposed()
# The menu links do not carry ?case=. A case named in the URL (also after a refresh, on any page)
# becomes the one this session has open, and the menu links keep it in the URL.
URL_CASE_KEY = "_foi_url_case"
url_case_id = st.query_params.get("case")
if url_case_id:
    st.session_state[URL_CASE_KEY] = url_case_id
elif remembered := st.session_state.get(URL_CASE_KEY) or st.session_state.get(OPEN_CASE_KEY):
    st.query_params["case"] = remembered
page.run()
