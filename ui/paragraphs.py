"""The paragraph picker: a standard harm or public interest paragraph put into a text box, with
its "must tailor" places ``[[...]]`` for the officer to replace (the letter refuses to issue
while one is left).

Call it outside a form, before or after the text area whose session key is ``target``:

    paragraph_picker(case, claim, "harm", field_key(f"{claim.id}.causal_chain"))
"""

from __future__ import annotations

import streamlit as st

from foi_core.knowledge.library import (
    KIND_LABELS,
    Paragraph,
    load_library,
    paragraphs_for,
    themes_in,
)
from foi_core.models import Case, ExemptionClaim
from foi_core.plain import plain_date
from ui.text import md_escape

ANY = ""


def paragraph_picker(case: Case, claim: ExemptionClaim, kind: str, target: str) -> None:
    """Standard paragraphs of ``kind`` that fit ``claim``, each with "Insert this paragraph",
    which adds it to the end of the text in the widget ``target``. The themes the request
    names come first."""
    fitting = paragraphs_for(claim, kind=kind)
    label = KIND_LABELS.get(kind, kind).lower()
    with st.expander(f"Standard paragraphs ({label}): start from one, then tailor it"):
        if not fitting:
            st.caption(f"The library has no {label} paragraph for {md_escape(claim.citation)}.")
            return
        named = themes_in(" ".join([case.request.text, *(i.text for i in case.request.items)]))
        library = load_library()
        themes = sorted({p.theme for p in fitting}, key=lambda t: (t not in named, t))
        names = {ANY: "Every theme"} | {t: _theme_name(library, t) for t in themes}
        chosen = st.selectbox(
            "Theme",
            [ANY, *themes],
            index=1 if themes and themes[0] in named else 0,
            format_func=names.__getitem__,
            key=f"paragraphs.{claim.id}.{kind}.{target}.theme",
        )
        st.caption(
            "Each paragraph has places in double brackets, [[like this]]: replace every one "
            "with this case's details. The letter cannot be issued while one is left."
        )
        for paragraph in fitting:
            if chosen in (ANY, paragraph.theme):
                _one(paragraph, target, claim.id)


def _theme_name(library, theme_id: str) -> str:
    theme = library.theme(theme_id)
    return theme.name if theme is not None else theme_id


def _one(paragraph: Paragraph, target: str, claim_id: str) -> None:
    with st.container(border=True):
        st.markdown(md_escape(paragraph.text))
        st.caption(
            md_escape(
                f"Last reviewed {plain_date(paragraph.last_reviewed)} · {paragraph.source} · "
                f"to tailor: {'; '.join(paragraph.places)}"
            )
        )
        st.button(
            "Insert this paragraph",
            key=f"paragraphs.{claim_id}.{target}.{paragraph.id}",
            on_click=_insert,
            args=(target, paragraph.text),
        )


def _insert(target: str, text: str) -> None:
    """Add ``text`` to the end of the text box ``target`` (a callback: before the box is drawn)."""
    current = str(st.session_state.get(target) or "").rstrip()
    st.session_state[target] = f"{current}\n\n{text}" if current else text
