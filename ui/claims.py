"""The Exemptions page's parts: a provision explained, a claim's fields, its further limbs, and
the provisions a search offers (the typed citation first, nothing chosen for the officer)."""

from __future__ import annotations

import hashlib

import streamlit as st

from foi_core.actions.claims import ClaimChoice, add_limbs, drop_limb, read_provision
from foi_core.knowledge import Catalogue, Exemption
from foi_core.models import Case, ClaimMode, ExemptionClaim
from ui.actions import save_result
from ui.fields import FieldProblems
from ui.layout import locked
from ui.state import field_key, fresh_fields
from ui.text import md_escape

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
MODE_WORDS = {
    ClaimMode.WITHHOLD: "withhold the information",
    ClaimMode.NCND: "neither confirm nor deny",
}


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


def _with_ncnd_provisions(citations: list[str], cat: Catalogue) -> list[str]:
    """``citations`` with each NCND provision (s24(2), s31(3)) listed after the last entry it
    protects, so the list can be searched by the NCND provision's own number."""
    listed: list[str] = []
    for index, citation in enumerate(citations):
        listed.append(citation)
        entry = cat.get(citation)
        provision = entry.ncnd_provision if entry is not None else ""
        later = {cat.get(c).ncnd_provision for c in citations[index + 1 :] if cat.get(c)}
        if provision and provision not in listed and provision not in later:
            listed.append(provision)
    return listed


def offered(query: str, cat: Catalogue) -> tuple[list[str], int | None, str]:
    """The provisions a search offers, which one is chosen, and why nothing matches.

    What the officer typed comes first and is chosen when it reads as citations (s31(3), "s31(1)
    (a), (b) and (c)"); otherwise nothing is chosen. Every NCND provision is offered after the
    entries it protects, so "24(2)" or "neither confirm" finds it in the list too. The problem
    is the plain sentence about a citation that cannot be used, shown only when the search
    finds nothing either.
    """
    if not query.strip():
        return _with_ncnd_provisions([e.citation for e in cat.exemptions], cat), None, ""
    typed = read_provision(query, cat)
    results = _with_ncnd_provisions([e.citation for e in cat.search(query)], cat)
    if typed.citations:
        rest = [c for c in results if c != typed.text]
        return [typed.text, *rest], 0, ""
    looks_cited = any(ch.isdigit() for ch in query)
    problem = typed.problem if looks_cited and not results else ""
    return results, None, problem


def option_label(citation: str, cat: Catalogue) -> str:
    """'s31(1)(a) Law enforcement', 's31(3) neither confirm nor deny (Law enforcement)'."""
    typed = read_provision(citation, cat)
    entries = [cat.get(c) for c in typed.citations]
    titles = list(dict.fromkeys(e.title for e in entries if e is not None))
    if typed.ncnd:
        protected = cat.ncnd_entries(typed.citations[0])
        titles = list(dict.fromkeys(e.title for e in protected))
        return f"{citation} neither confirm nor deny ({', '.join(titles)})"
    return f"{citation} {'; '.join(titles)}".strip()


def claims_round(case: Case) -> str:
    """A short tag that changes whenever the claims or the items they cover change ("" while
    there is none): part of the new-provision items box's key, so it never keeps stale items."""
    if not case.claims:
        return ""
    shape = [(c.id, c.citations, c.items, c.mode.value) for c in case.claims]
    return hashlib.sha256(repr(shape).encode()).hexdigest()[:8]


def _round_key(prefix: str, name: str, items_round: str) -> str:
    """A claim field's key; with ``items_round``, a new key (so a fresh default) each round."""
    return field_key(f"{prefix}.{name}" + (f".{items_round}" if items_round else ""))


def claim_fields(
    prefix: str,
    problems: FieldProblems,
    all_numbers: list[int],
    items: list[int],
    mode: ClaimMode,
    alternative: bool = False,
    alternative_help: str | None = None,
    items_round: str = "",
) -> None:
    """Inside a form: the items a claim covers, what it is used to do, and 'in the alternative'.
    ``items_round`` (see ``claims_round``) is part of the items box's key."""
    st.multiselect(
        "Items it covers (by number)",
        all_numbers,
        default=items,
        key=_round_key(prefix, "items", items_round),
        placeholder="Choose the items",
    )
    problems.slot("items")
    col1, col2 = st.columns(2)
    with col1:
        st.radio(
            "Used to",
            list(ClaimMode),
            index=list(ClaimMode).index(mode),
            format_func=MODE_WORDS.__getitem__,
            key=_round_key(prefix, "mode", items_round),
        )
        problems.slot("mode")
    with col2:
        st.checkbox(
            "Cited in the alternative",
            value=alternative,
            key=field_key(f"{prefix}.alternative"),
            help=alternative_help,
        )


def read_choice(prefix: str, items_round: str = "") -> ClaimChoice:
    """The items, mode and 'in the alternative' chosen in ``claim_fields``."""
    ss = st.session_state
    return ClaimChoice(
        items=ss[_round_key(prefix, "items", items_round)],
        mode=ss[_round_key(prefix, "mode", items_round)],
        in_the_alternative=ss[field_key(f"{prefix}.alternative")],
    )


def further_limbs(case: Case, claim: ExemptionClaim, cat: Catalogue) -> None:
    """The limbs cited with a claim (each removable) and a box to cite more with it."""
    for limb in claim.further_limbs:
        row = st.container(horizontal=True, vertical_alignment="center")
        entry = cat.get(limb)
        row.markdown(f"Also cited: **{md_escape(limb)}**" + (f" {entry.title}" if entry else ""))
        if row.button(f"Remove {limb}", key=f"limb.drop.{claim.id}.{limb}"):
            save_result(drop_limb(case, claim.id, limb))
    problems = FieldProblems()
    with st.form(f"limbs.{claim.id}", border=False, enter_to_submit=False):
        st.text_input(
            "Cite further limbs of the same section with it",
            key=field_key(f"{claim.id}.limbs"),
            placeholder="e.g. (b) and (c), or s31(1)(b)",
            help="One harm test and one public interest test cover the limbs cited together.",
        )
        problems.slot(f"{claim.id}.limbs")
        add = st.form_submit_button("Cite with it", disabled=locked())
    if add:
        text = st.session_state[field_key(f"{claim.id}.limbs")]
        result = add_limbs(case, claim.id, text, cat)
        if result.ok:
            fresh_fields()  # the limbs are cited now: the box starts empty (kept on a problem)
        save_result(result, problems)
