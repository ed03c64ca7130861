"""FOI Public Interest Test Assistant: the Streamlit entrypoint.

Run with ``streamlit run app.py``. The case being worked on lives in the URL (``?case=<id>``), so
a refresh or a new tab returns to the same case; every submitted change is saved at once.
"""

import streamlit as st

from ui.nav import available_pages
from ui.state import OPEN_CASE_KEY

st.set_page_config(
    page_title="FOI Public Interest Test Assistant",
    page_icon=":material/balance:",
    layout="wide",
)

sections: dict[str, list[st.Page]] = {}
for info in available_pages():
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
# The menu links do not carry ?case=: keep the case this session has open in the URL.
open_case_id = st.session_state.get(OPEN_CASE_KEY)
if open_case_id and "case" not in st.query_params:
    st.query_params["case"] = open_case_id
page.run()
