"""Placeholder while this page is built (replaced in this session)."""

import streamlit as st

st.title("Coming soon")
