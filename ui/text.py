"""Showing text typed by users: never as HTML, and as Markdown only once escaped."""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it also stops
# Streamlit's own directives (":red[...]", ":material/...:", "$...$" maths).
_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def md_escape(text: str) -> str:
    """Escape ``text`` so that st.markdown shows it literally (line breaks kept)."""
    escaped = _PUNCTUATION.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")


def one_line(text: str, limit: int = 80) -> str:
    """The text on one line, shortened with an ellipsis to at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
