"""AppTest of a step marked re-check (ui.recheck) and of the status line under the stepper."""

from __future__ import annotations

from foi_core.workflow import duplicate_case
from tests.app.conftest import (
    button,
    by_key,
    issuable_case,
    key,
    open_case_page,
    stored,
    submit,
    texts,
)


def checked_case(store):
    """A case with every step finished by the check's measure (no errors, no re-check marks)."""
    return issuable_case(store)


def test_a_step_to_recheck_shows_what_changed_and_is_confirmed(app_store):
    case = checked_case(app_store)
    items = open_case_page("pages/items.py", case.id)
    by_key(items.text_area, "f.1.searches").input("Flight logs <b>and</b> **maps**")
    submit(items, "Save items")
    assert "harm" in stored(app_store, case.id).recheck_steps

    at = open_case_page("pages/harm.py", case.id)
    shown = texts(at)
    assert "Re-check this step." in shown
    assert "This step (Harm):" in shown and "re-check" in shown
    assert "Flight logs \\<b\\>and\\</b\\> \\*\\*maps\\*\\*" in shown  # literally
    button(at, "I have re-checked this step").click().run()
    assert not at.exception
    saved = stored(app_store, case.id)
    assert "harm" not in saved.recheck_steps and "public_interest" in saved.recheck_steps
    log = app_store.revision_log(case.id)
    assert log[-1].summary == "Harm re-checked"
    assert "Re-check this step." not in texts(at)


def test_a_step_not_marked_has_no_recheck_box_and_shows_its_status(app_store):
    case = checked_case(app_store)
    at = open_case_page("pages/balance.py", case.id)
    assert "I have re-checked this step" not in [b.label for b in at.button]
    assert "This step (Balance):" in texts(at)


def test_the_letter_step_says_it_is_ready_and_why(app_store):
    case = issuable_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    assert "This step (Letter): :blue[**ready**: nothing stops the letter" in texts(at)
    assert ":blue[ready]" in texts(at)  # the stepper's caption


def test_a_copys_conclusions_are_decided_again_in_one_go(app_store):
    original = checked_case(app_store)
    copy = duplicate_case(stored(app_store, original.id), "COPY/9")
    app_store.add(copy, actor="test")
    at = open_case_page("pages/balance.py", copy.id)
    assert "They still hold: decide them again" in [b.label for b in at.button]
    by_key(at.text_input, key("redecide.decided_by")).input("")
    submit(at, "They still hold: decide them again")
    assert "Say who decided \\(a name or a role\\)." in texts(at)
    assert "balance" in stored(app_store, copy.id).recheck_steps
    by_key(at.text_input, key("redecide.decided_by")).input("Head of <i>Information</i>")
    submit(at, "They still hold: decide them again")
    assert not at.exception
    saved = stored(app_store, copy.id)
    assert "balance" not in saved.recheck_steps
    balances = [c.pit.balance for c in saved.claims if c.pit and c.pit.balance]
    assert balances and {b.decided_by for b in balances} == {"Head of <i>Information</i>"}
    assert {b.decided_on for b in balances} == {saved.request.received}
