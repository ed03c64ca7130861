"""Showing text typed by users: never as HTML, and as Markdown only once escaped."""

from __future__ import annotations

import re

# Every character that can start Markdown, a Streamlit directive (":red[...]", ":material/...:",
# emoji ":smile:"), maths ("$...$"), an entity ("&amp;") or an HTML tag; escaped with a backslash
# (CommonMark lets a backslash escape any ASCII punctuation). Other punctuation (. , ; ? ' " % /)
# is inert and left alone so messages stay readable, except a number's dot at the start of a line
# (an ordered list).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-!|~:$&=^])")
_LIST_NUMBER = re.compile(r"^([ \t]*\d+)\.", re.MULTILINE)
# Streamlit and GFM rewrite some text *after* the escapes are resolved: bare addresses become
# links ("https://x", "www.x", "a@x"), ":material_x:", ":streamlit:" and emoji shortcodes
# become icons, and "->", "<-", "<->", "--", ">=", "<=", "~=" become arrows and signs. An
# invisible word joiner after each ":" and "@" not followed by a space, in "www." and inside
# those signs stops them (": " and " @ " cannot start a shortcode or an address).
WORD_JOINER = "\u2060"
_JOIN_AFTER = re.compile(r"(?i)[:@](?=\S)|www(?=\.)")
_SIGNS = re.compile(r"(?<!\S)(?:<->|->|<-|--|>=|<=|~=)(?!\S)")


def md_escape(text: str) -> str:
    """Escape ``text`` so that st.markdown, alerts, captions and widget labels show it literally
    (line breaks kept). Use it for every string a user typed, and for messages quoting one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SIGNS.sub(lambda match: match.group(0)[0] + WORD_JOINER + match.group(0)[1:], text)
    text = _JOIN_AFTER.sub(lambda match: match.group(0) + WORD_JOINER, text)
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LIST_NUMBER.sub(r"\1\\.", text)
    return text.replace("\n", "  \n")


def one_line(text: str, limit: int = 80) -> str:
    """The text on one line, shortened with an ellipsis to at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
