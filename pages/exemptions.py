"""Exemptions: for each withheld or NCND item, the provisions relied on, chosen from the
catalogue, with suggestions from the request text."""

import streamlit as st

from foi_core.actions.claims import (
    ClaimChoice,
    add_claim,
    default_mode,
    dismiss_suggestion,
    drop_claim,
    open_suggestions,
    update_claim,
)
from foi_core.knowledge import Exemption, load_catalogue
from foi_core.models import OUTCOME_LABELS, ClaimMode
from foi_core.workflow import items_needing_claims
from ui import FieldProblems, case_page, field_key, md_escape, one_line
from ui.actions import save_result

TEST_WORDS = {
    "class": "class-based: engaged if the information is of the kind described; no harm test",
    "prejudice": "prejudice-based: you must show the harm disclosure would, or would be likely "
    "to, cause",
    "endangerment": "endangerment: you must show disclosure would, or would be likely to, "
    "endanger someone's health or safety",
    "national_security": "required to safeguard national security: explain why",
    "qualified_person": "engaged only on the reasonable opinion of the qualified person (s36)",
    "procedural": "a procedural refusal: no exemption, harm or public interest test",
}

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
            f"**Item {item.number}** ({OUTCOME_LABELS[item.outcome]}): "
            + md_escape(one_line(item.text, 140))
        )


def explain(exemption: Exemption) -> str:
    """Absolute or qualified, the test, and the NCND provision, in plain words (Markdown)."""
    if exemption.kind == "procedural":
        kind = "Procedural refusal"
    elif exemption.absolute:
        kind = "**Absolute**: no public interest test"
    else:
        kind = "**Qualified**: a public interest test is needed"
    ncnd = (
        f"To neither confirm nor deny, rely on {exemption.ncnd_provision}."
        if exemption.ncnd_provision
        else "It has no provision to neither confirm nor deny."
    )
    return f"{kind}. Test: {TEST_WORDS.get(exemption.test, exemption.test)}. {ncnd}"


def claim_fields(
    prefix: str,
    problems: FieldProblems,
    items: list[int],
    mode: ClaimMode,
    alternative: bool = False,
    alternative_help: str | None = None,
) -> None:
    """Inside a form: the items a claim covers, what it is used to do, and 'in the alternative'."""
    st.multiselect(
        "Items it covers (by number)", all_numbers, default=items, key=field_key(f"{prefix}.items")
    )
    problems.slot("items")
    col1, col2 = st.columns(2)
    with col1:
        st.radio(
            "Used to",
            list(ClaimMode),
            index=list(ClaimMode).index(mode),
            format_func=lambda m: (
                "withhold the information"
                if m is ClaimMode.WITHHOLD
                else "neither confirm nor deny"
            ),
            key=field_key(f"{prefix}.mode"),
        )
        problems.slot("mode")
    with col2:
        st.checkbox(
            "Cited in the alternative",
            value=alternative,
            key=field_key(f"{prefix}.alternative"),
            help=alternative_help,
        )


def read_choice(prefix: str) -> ClaimChoice:
    """The items, mode and 'in the alternative' chosen in ``claim_fields``."""
    return ClaimChoice(
        items=ss[field_key(f"{prefix}.items")],
        mode=ss[field_key(f"{prefix}.mode")],
        in_the_alternative=ss[field_key(f"{prefix}.alternative")],
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
    exemption = catalogue.get(claim.citation)
    with st.container(border=True):
        heading = f"**{claim.citation}**" + (f" {exemption.title}" if exemption else "")
        st.markdown(heading)
        if exemption is None:
            st.warning(
                f"{claim.citation} is not in the catalogue: check the citation.",
                icon=":material/help:",
            )
        else:
            st.caption(explain(exemption))
        claim_problems = FieldProblems()
        with st.form(f"claim.{claim.id}", border=False):
            claim_fields(
                claim.id,
                claim_problems,
                claim.items,
                claim.mode,
                claim.in_the_alternative,
                alternative_help="For s23(1) and s24(1) cited together, so that the reader cannot "
                "tell which one applies.",
            )
            col1, col2 = st.columns(2)
            with col1:
                update = st.form_submit_button("Save", type="primary")
            with col2:
                remove = st.form_submit_button("Remove this provision")
        if remove:
            save_result(drop_claim(case, claim.id))
        if update:
            save_result(
                update_claim(case, claim.id, read_choice(claim.id), catalogue), claim_problems
            )

# --- Add a provision ------------------------------------------------------------------------------

st.markdown("#### Add a provision")
query = st.text_input(
    "Search the catalogue by section or words",
    key="exemptions.search",
    placeholder="e.g. 31, s24(1), law enforcement, health and safety",
)
results = catalogue.search(query) if query.strip() else catalogue.exemptions
if not results:
    st.info("Nothing in the catalogue matches that. Try a section number or other words.")
else:
    citations = [e.citation for e in results]
    add_problems = FieldProblems()
    with st.form("add_claim"):
        st.selectbox(
            "Provision",
            citations,
            format_func=lambda c: f"{c} {catalogue.get(c).title}",
            key=field_key("add.citation"),
        )
        add_problems.slot("citation")
        claim_fields("add", add_problems, missing, default_mode(case))
        add = st.form_submit_button("Add this provision", type="primary")
    with st.expander("About the provisions listed", expanded=len(results) <= 3):
        for exemption in results[:12]:
            st.markdown(f"**{exemption.citation} {exemption.title}**: {exemption.summary}")
            st.caption(explain(exemption))
    if add:
        chosen = read_choice("add")
        save_result(add_claim(case, ss[field_key("add.citation")], chosen, catalogue), add_problems)
