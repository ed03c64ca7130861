"""Exemptions: for each withheld or NCND item, the provisions relied on, typed as a letter cites
them or found in the catalogue, with suggestions from the request text."""

import streamlit as st

from foi_core.actions.claims import (
    ClaimChoice,
    add_claim,
    dismiss_suggestion,
    drop_claim,
    new_claim_defaults,
    open_suggestions,
    update_claim,
)
from foi_core.knowledge import load_catalogue
from foi_core.models import OUTCOME_LABELS
from foi_core.reasoning import items_needing_claims, provision_of
from ui import FieldProblems, case_page, field_key, md_escape, one_line
from ui.actions import save_result
from ui.claims import (
    MODE_WORDS,
    claim_fields,
    claims_round,
    explain,
    further_limbs,
    offered,
    option_label,
    read_choice,
)
from ui.layout import locked
from ui.preview import letter_preview

loaded = case_page("exemptions")
case = loaded.case
catalogue = load_catalogue()
ss = st.session_state

needing = items_needing_claims(case)
if not needing:
    st.info(
        "No item is withheld, neither confirmed nor denied, or refused, so no provision is "
        "needed. Change an item's outcome on the Items page if that is wrong."
    )
    st.page_link("pages/items.py", label="Go to Items", query_params={"case": case.id})
    st.stop()

item_numbers = [item.number for item in needing]
# Every item can be chosen (a claim may already cover an item with another outcome, e.g. s21).
all_numbers = [item.number for item in case.request.items]

with st.expander("The items that need a provision", expanded=len(needing) <= 4):
    for item in needing:
        st.markdown(
            f"**Item {md_escape(item.shown_number)}** ({OUTCOME_LABELS[item.outcome]}): "
            + md_escape(one_line(item.text, 140))
        )

missing = [n for n in item_numbers if not case.claims_for_item(n)]
if missing:
    st.warning(
        "No provision chosen yet for item(s) " + ", ".join(str(n) for n in missing) + ".",
        icon=":material/assignment_late:",
    )

# --- Suggestions from the request text -----------------------------------------------------------

suggestions = open_suggestions(case, catalogue)
if suggestions:
    st.markdown("#### Suggested from the request")
    st.caption(
        "Words in the request that often go with these provisions. A suggestion is only a "
        "prompt: decide on the information itself."
    )
    for suggestion in suggestions:
        exemption = catalogue.get(suggestion.citation)
        title = exemption.title if exemption else ""
        # One row that never wraps: the text takes the room left by the two buttons, so a long
        # reason wraps within its own column and the buttons stay side by side on the right.
        with st.container(
            border=True, horizontal=True, wrap=False, vertical_alignment="center", gap="medium"
        ):
            st.markdown(
                f"**{suggestion.citation}** {title}: suggested because the request "
                f"{md_escape(suggestion.reason)}",
                width="stretch",
            )
            buttons = st.container(horizontal=True, wrap=False, width="content", gap="small")
            if buttons.button("Consider", key=f"suggest.use.{suggestion.citation}"):
                ss["exemptions.search"] = suggestion.citation
            if buttons.button("Dismiss", key=f"suggest.dismiss.{suggestion.citation}"):
                save_result(dismiss_suggestion(case, suggestion.citation))

# --- Provisions chosen ------------------------------------------------------------------------

st.markdown("#### Provisions relied on")
if not case.claims:
    st.caption("None yet: add one below.")
for claim in case.claims:
    provision = provision_of(claim, catalogue)
    exemption = provision.entry
    with st.container(border=True):
        cited = md_escape(", ".join(claim.citations))
        heading = f"**{cited}**" + (f" {exemption.title}" if exemption else "")
        st.markdown(f"{heading}: used to {MODE_WORDS[claim.mode]}")
        if provision.unknown:
            st.warning(
                md_escape(", ".join(provision.unknown))
                + " is not in the catalogue: check the citation.",
                icon=":material/help:",
            )
        for entry in provision.entries:
            st.caption(f"{entry.citation}: {explain(entry)}")
        claim_problems = FieldProblems()
        with st.form(f"claim.{claim.id}", border=False):
            claim_fields(
                claim.id,
                claim_problems,
                all_numbers,
                claim.items,
                claim.mode,
                claim.in_the_alternative,
                alternative_help="For s23(1) and s24(1) cited together, so that the reader cannot "
                "tell which one applies.",
            )
            col1, col2 = st.columns(2)
            with col1:
                update = st.form_submit_button("Save", type="primary", disabled=locked())
            with col2:
                remove = st.form_submit_button("Remove this provision", disabled=locked())
        if remove:
            save_result(drop_claim(case, claim.id))
        if update:
            save_result(
                update_claim(case, claim.id, read_choice(claim.id), catalogue), claim_problems
            )
        if exemption is not None and exemption.kind != "procedural":
            further_limbs(case, claim, catalogue)
        letter_preview(case, claim_id=claim.id)

# --- Add a provision ------------------------------------------------------------------------------

st.markdown("#### Add a provision")
query = st.text_input(
    "Type the citation as a letter writes it, or search the catalogue by words",
    key="exemptions.search",
    placeholder="e.g. s31(1)(a), (b) and (c); 31(3); s24(2); health and safety; neither confirm",
)
search_problems = FieldProblems()
search_problems.slot("citation.search")
citations, chosen, problem = offered(query, catalogue)
if ss.get("exemptions.searched") != query:  # a new search: choose what was typed, or nothing
    ss["exemptions.searched"] = query
    ss[field_key("add.citation")] = citations[chosen] if chosen is not None else None
if problem:
    search_problems.add("citation.search", problem)
elif not citations:
    st.info("Nothing in the catalogue matches that. Try a section number or other words.")
else:
    add_problems = FieldProblems()
    new_mode, new_items = new_claim_defaults(case, query, catalogue)
    # The items box is filled afresh when the claims change or the typed provision's use does.
    items_round = f"{claims_round(case)}.{new_mode.value}"
    with st.form("add_claim"):
        st.selectbox(
            "Provision",
            citations,
            index=chosen,
            format_func=lambda c: option_label(c, catalogue),
            placeholder="Choose or type a section, e.g. 31(1)(a), s24(2), neither confirm",
            key=field_key("add.citation"),
            help="Type in the box to narrow the list: a section number as the Act cites it "
            "(31(1)(a), s24(2), s23(5), 40(2)) or 'neither confirm' for the provisions that "
            "neither confirm nor deny.",
        )
        add_problems.slot("citation")
        # Only withheld and NCND items no provision covers yet; the key changes with the claims,
        # so the box is filled afresh after every add, edit or removal (a browser keeps a
        # widget's old value for as long as its key stays the same).
        claim_fields("add", add_problems, all_numbers, new_items, new_mode, items_round=items_round)
        add = st.form_submit_button("Add this provision", type="primary", disabled=locked())
    with st.expander("About the provisions listed", expanded=len(citations) <= 3):
        for exemption in catalogue.search(query)[:12] if query.strip() else catalogue.exemptions:
            st.markdown(f"**{exemption.citation} {exemption.title}**: {exemption.summary}")
            st.caption(explain(exemption))
    if add:
        picked = ss[field_key("add.citation")]
        if picked is None:
            add_problems.add("citation", "Choose a provision, or type its citation above.")
        else:
            choice: ClaimChoice = read_choice("add", items_round)
            save_result(add_claim(case, picked, choice, catalogue), add_problems)
