"""Balance: the conclusion of each public interest test (optionally a combined balance), with a
plain summary of the weights; the s36 opinion, s40 legitimate interests and s12 estimate where
they apply; and the s10(3) extension record.

Each section is drawn by its module under ``ui/balance/`` and saved through one action of
``foi_core.actions.balance``, which holds the rules."""

import streamlit as st

from foi_core.actions.balance import claims_of_section, cost_estimate_applies
from foi_core.workflow import claims_needing_qp_opinion
from ui import FieldProblems, case_page
from ui.balance import (
    combined,
    conclusions,
    cost,
    extension,
    legitimate_interests,
    qp_opinion,
)
from ui.reasoning import catalogue, next_step_link, pit_claims

loaded = case_page("balance")
case = loaded.case
cat = catalogue()
problems = FieldProblems()

qualified = pit_claims(case, cat)
qp_claims = claims_needing_qp_opinion(case, cat)
s40_claims = claims_of_section(case, "40", cat)
cost_applies = cost_estimate_applies(case, cat)

if not (qualified or qp_claims or s40_claims or cost_applies):
    st.info(
        "Nothing to balance: no qualified exemption, s36 opinion, s40 record or cost estimate "
        "applies to this case.",
        icon=":material/info:",
    )
    next_step_link("balance", case)
    st.stop()

conclusions.draw(case, qualified, cat, problems)
combined.draw(case, cat, problems)
qp_opinion.draw(case, qp_claims, cat, problems)
legitimate_interests.draw(case, s40_claims, cat, problems)
if cost_applies:
    cost.draw(case)
if qualified:
    extension.draw(case, problems)

next_step_link("balance", case)
