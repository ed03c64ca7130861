"""Training: practise on realistic police requests. Pick a scenario (or join a trainer's session
by its code), work through the same steps as a live case, submit the attempt for feedback (a
score, each mistake explained, what was done well, the model answer beside it) and try again."""

import streamlit as st

from ui.people import require_training
from ui.state import get_store, show_flash
from ui.training_feedback import attempt_panel
from ui.training_trainee import (
    current_attempt,
    join_box,
    my_attempts,
    scenario_picker,
    trainee_person,
)

person = require_training()
get_store()  # a database problem is explained first, before the name is asked for
st.title("Training")
show_flash()
st.caption(
    "Practise on realistic police requests: the same steps as a live case, then feedback on "
    "every decision. Attempts are never part of the register, the statistics or the "
    "disclosure log, and nothing is sent to anyone."
)
trainee = trainee_person(person)
attempt = current_attempt(trainee)
if attempt is not None:
    with st.container(border=True):
        attempt_panel(attempt, trainee)

st.subheader("Start an attempt", anchor=False)
alone, together = st.tabs(["Practise a scenario", "Join a session"])
with alone:
    scenario_picker(trainee)
with together:
    join_box(trainee)
my_attempts(trainee)
