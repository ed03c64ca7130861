"""Guide: the process in order, what each step asks, and a glossary."""

import streamlit as st

from foi_core.knowledge import load_catalogue
from foi_core.steps import STEPS
from ui import PAGES_BY_STEP, case_id_from_url

st.title("Guide")
catalogue = load_catalogue()
case_id = case_id_from_url()

st.subheader("The process, in order", anchor=False)
st.markdown(
    """
1. **Is it a valid request, and under which law?** A request in writing with a name and an
   address for the reply. Requests for the requester's own personal data are subject access
   requests; requests for environmental information fall under the EIR.
2. **Cost limit (s12).** If finding the information would cost more than the appropriate limit,
   refuse under s12 with an estimate and advice on narrowing the request (s16).
3. **Vexatious or repeated (s14).** Decide this before looking at exemptions.
4. **Is the information held?** Search, and record where you looked.
5. **For each part of the request: which exemptions apply, and is NCND needed?** Cite each
   exemption to its exact subsection and paragraph.
6. **For each exemption: the test.** Show the harm for prejudice-based exemptions; then, if the
   exemption is qualified, weigh the public interest. Where you neither confirm nor deny, run a
   separate public interest test on confirming or denying.
7. **Balance.** Reach a conclusion for each exemption; you may also weigh qualified exemptions
   together when they cover the same information.
8. **Check the refusal notice (s17).** Every exemption named, why it applies, the public interest
   reasons, and the deadline met.
9. **Review rights and the ICO.** Tell the requester how to ask for an internal review and how to
   complain to the Information Commissioner.
"""
)

st.subheader("What each step of this app asks", anchor=False)
for step in STEPS:
    try:
        guidance = catalogue.guidance(step.key)
    except KeyError:
        continue
    same = guidance.title.lower() == step.title.lower()
    with st.expander(step.title if same else f"{step.title}: {guidance.title}"):
        st.markdown(guidance.what_the_law_asks)
        st.markdown(f"*Why:* {guidance.why}")
        st.caption(f"Rests on {guidance.provision}")
        page = PAGES_BY_STEP[step.key]
        if case_id:
            st.page_link(page.file, label=f"Go to {step.title}", query_params={"case": case_id})

st.subheader("Glossary", anchor=False)
query = st.text_input("Find a term", key="guide.term", placeholder="e.g. NCND, prejudice")
entries = [
    entry
    for entry in catalogue.glossary
    if not query.strip() or query.strip().lower() in (entry.term + " " + entry.meaning).lower()
]
if not entries:
    st.info("No glossary entry matches that.")
for entry in sorted(entries, key=lambda e: e.term.lower()):
    st.markdown(f"**{entry.term}**: {entry.meaning}")
