"""AppTest of the Harm page."""

from __future__ import annotations

import datetime as dt

from foi_core.models import ClaimMode, ExemptionClaim, Likelihood, Outcome
from tests.app.conftest import (
    DOORBELL,
    add_case_with_items,
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
    previews = [e for e in at.expander if e.label.endswith("In the letter for this provision")]
    assert len(previews) == 3


def test_harm_save_keeps_later_answers_and_marks_them_recheck(app_store):
    case = reasoning_case(app_store, balance=True)
    at = open_case_page("pages/harm.py", case.id)
    assert "Zebedee" not in texts(at)
    # s31 is prejudice-based: the full prompts and a likelihood; s30 (class) asks no harm
    # question, only what its exemption must record (the investigation).
    assert any(k.startswith(key("harm.c31.")) for k in (e.key for e in at.text_area))
    c30 = [e.key for e in at.text_area if (e.key or "").startswith(key("harm.c30."))]
    assert c30 == [key("harm.c30.records.investigation")]
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


def claim_case(store, claim: ExemptionClaim, outcome: Outcome = Outcome.EXEMPT):
    """A case of three drone questions with one claim covering item 1."""
    case = add_case_with_items(store, [outcome, Outcome.DISCLOSED, Outcome.DISCLOSED])
    loaded = store.load(case.id)
    loaded.case.claims = [claim]
    store.save(loaded.case, expected_version=loaded.version, actor="test")
    return case


def test_record_prompts_are_asked_worded_for_ncnd_and_saved(app_store):
    claim = ExemptionClaim(id="c24", citation="s24(2)", items=[1], mode=ClaimMode.NCND)
    case = claim_case(app_store, claim, Outcome.NCND)
    at = open_case_page("pages/harm.py", case.id)
    labels = " ".join(e.label for e in at.text_area)
    assert "safeguard national security" in labels
    assert "withhold" not in labels.lower()  # NCND: the harm in confirming or denying
    assert "Harm in confirming or denying" in texts(at)
    hostile = "<script>alert(1)</script> **loud**"
    by_key(at.text_area, key("harm.c24.records.why_required")).input(hostile)
    by_key(at.text_area, key("harm.c24.causal_chain")).input("A yes would show capability.")
    button(at, "Save the harm of confirming or denying").click().run()
    assert not at.exception
    saved = stored(app_store, case.id).claim("c24")
    assert saved.records == {"why_required": hostile}
    assert saved.harm.causal_chain == "A yes would show capability."


def test_fields_say_whether_they_reach_the_letter(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/harm.py", case.id)
    notes = [str(c.value) for c in at.caption]
    assert any("In the letter" in n for n in notes)
    assert any("Internal: reasoning record only" in n for n in notes)  # the evidence


def test_s22_publication_plan_is_saved_and_a_late_intention_named(app_store):
    claim = ExemptionClaim(id="c22", citation="s22(1)", items=[1])
    case = claim_case(app_store, claim)
    at = open_case_page("pages/harm.py", case.id)
    by_key(at.text_input, key("harm.c22.publisher")).input("The Home Office")
    by_key(at.text_input, key("harm.c22.intended")).input("in March 2027")
    by_key(at.date_input, key("harm.c22.settled_on")).set_value(dt.date(2026, 4, 1))
    button(at, "Save the harm test").click().run()
    assert not at.exception
    plan = stored(app_store, case.id).claim("c22").publication
    assert (plan.publisher, plan.intended, plan.settled_on) == (
        "The Home Office",
        "in March 2027",
        dt.date(2026, 4, 1),
    )
    assert "settled by the time the request arrived" in texts(at)  # received 2 March 2026


def test_ncnd_harm_questions_speak_of_confirming_or_denying(app_store):
    at = open_case_page("pages/harm.py", DOORBELL)
    labels = [e.label for e in [*at.text_area, *at.radio] if (e.key or "").find("harm.") >= 0]
    assert labels
    assert not [label for label in labels if "withh" in label.lower() or "disclos" in label]
    assert (
        "Which part of the prevention or detection of crime would confirming or denying harm?"
        in (labels)
    )
    helps = " ".join(e.help or "" for e in at.text_area if "harm." in (e.key or ""))
    assert "need to withhold" not in helps and "disclosure would" not in helps


def test_a_standard_paragraph_goes_into_the_causal_chain_to_be_tailored(app_store):
    """The paragraph library sits above each claim's questions; a paragraph inserted lands in
    that claim's causal chain, after what was there, with its [[...]] places to tailor."""
    at = open_case_page("pages/harm.py", DOORBELL)
    pickers = [e for e in at.expander if e.label.startswith("Standard paragraphs (harm)")]
    assert len(pickers) == 3  # one per claim
    causal = by_key(at.text_area, key("harm.ncnd-s31.causal_chain"))
    before = causal.value
    inserts = [b for b in at.button if b.label == "Insert this paragraph"]
    assert inserts, "no harm paragraph offered for the doorbell claims"
    # The doorbell request names no library theme: every theme's paragraphs are offered.
    for insert in inserts:
        if insert.key and ".harm.ncnd-s31." in insert.key:
            insert.click().run()
            break
    else:
        raise AssertionError([b.key for b in inserts])
    assert not at.exception
    value = by_key(at.text_area, key("harm.ncnd-s31.causal_chain")).value
    assert value.startswith(before) and "[[" in value
