"""Training sessions (trainers and admins): open a session and watch it live, release the model
answers, export it; write a scenario from an issued case."""

import streamlit as st

from foi_core.training.sessions import all_scenarios
from ui import get_store, show_flash
from ui.training_trainer import require_trainer, sessions_section
from ui.training_trainer_author import authoring_section

person = require_trainer()
st.title("Training sessions")
show_flash()
store = get_store()
scenarios = all_scenarios(store)  # built in and trainers' own, read once a run

sessions_tab, writing_tab = st.tabs(["Sessions", "Write a scenario from an issued case"])
with sessions_tab:
    sessions_section(store, person, scenarios)
with writing_tab:
    authoring_section(store, person, scenarios)
