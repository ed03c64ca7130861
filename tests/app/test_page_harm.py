"""AppTest of the Harm page."""

from __future__ import annotations

from foi_core.models import Likelihood
from tests.app.conftest import (
    DOORBELL,
    button,
    by_key,
    key,
    open_case_page,
    reasoning_case,
    stored,
    texts,
)


def test_harm_page_labels_ncnd_harm_and_is_applicant_blind(app_store):
    at = open_case_page("pages/harm.py", DOORBELL)
    shown = texts(at)
    assert shown.count("Harm in confirming or denying") == 3
    assert "Overall harm in confirming or denying" in shown
    assert "A. Requester" not in shown and "a.requester@example.org" not in shown
    # The saved harm is shown in the fields, and the likelihood radio explains both levels.
    causal = by_key(at.text_area, key("harm.ncnd-s31.causal_chain"))
    assert causal.value.startswith("A confirmation or a denial")
    radio = by_key(at.radio, key("harm.ncnd-s31.likelihood"))
    assert radio.value is Likelihood.WOULD_BE_LIKELY
    assert "more probable than not" in str(radio.proto).lower()


def test_harm_save_keeps_later_answers_and_marks_them_recheck(app_store):
    case = reasoning_case(app_store, balance=True)
    at = open_case_page("pages/harm.py", case.id)
    assert "Zebedee" not in texts(at)
    # s31 is prejudice-based: the full prompts and a likelihood; s30 (class) is not shown.
    assert any(k.startswith(key("harm.c31.")) for k in (e.key for e in at.text_area))
    assert not any((e.key or "").startswith(key("harm.c30.")) for e in at.text_area)
    by_key(at.text_area, key("harm.c31.causal_chain")).input("Patrol gaps shown by street.")
    by_key(at.radio, key("harm.c31.likelihood")).set_value(Likelihood.WOULD)
    button(at, "Save the harm test").click().run()
    assert not at.exception
    saved = stored(app_store, case.id)
    harm = saved.claim("c31").harm
    assert harm.causal_chain == "Patrol gaps shown by street."
    assert harm.likelihood is Likelihood.WOULD
    assert saved.claim("c31").pit.balance is not None  # later answers kept
    assert {"public_interest", "balance", "letter"} <= set(saved.recheck_steps)
    assert "harm" not in saved.recheck_steps


def test_overall_harm_is_saved(app_store):
    at = open_case_page("pages/harm.py", DOORBELL)
    by_key(at.text_area, key("overall_harm")).input("A yes or a no would tell offenders much.")
    button(at, "Save the overall harm").click().run()
    assert not at.exception
    assert stored(app_store, DOORBELL).overall_harm == "A yes or a no would tell offenders much."
