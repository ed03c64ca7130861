"""Whatever is typed into a Balance form (a NUL character, an absurd figure) comes back as a
message by the field, never an exception, and nothing is saved."""

from __future__ import annotations

import pytest

from foi_core.models import Case
from tests.app.conftest import by_key, new_app
from tests.case_factory import correct_case

NUL = "bad\x00text"

# (widget list, field key, submit button key or label)
TEXT_FIELDS = [
    ("text_area", "balance.anpr-s31.reasoning", "Save the conclusion"),
    ("text_input", "balance.anpr-s31.decided_by", "Save the conclusion"),
    ("text_area", "agg.reasoning", "Save the combined balance"),
    ("text_input", "qp.advice-s36.name", "Save the opinion"),
    ("text_input", "qp.advice-s36.limb", "Save the opinion"),
    ("text_area", "qp.advice-s36.reasons", "Save the opinion"),
    ("text_area", "li.company-s40.necessity", "Save the legitimate interests record"),
    ("text_input", "cost.0.description", "f.cost.save"),
    ("text_area", "cost.method", "f.cost.save"),
    ("text_area", "ext.reason", "Save the extension record"),
    ("text_input", "ext.decision_maker", "Save the extension record"),
]


def stored_case(store) -> Case:
    return store.load("correct-case").case


@pytest.fixture
def balance_page(app_store):
    app_store.add(correct_case(), actor="test")
    at = new_app("correct-case").run()
    at.switch_page("pages/balance.py").run()
    assert not at.exception, at.exception
    return at


def press(at, button: str) -> None:
    if button.startswith("f."):
        by_key(at.button, button).click().run()
    else:
        next(b for b in at.button if b.label == button).click().run()


@pytest.mark.parametrize(("kind", "field", "button"), TEXT_FIELDS)
def test_a_nul_character_is_a_message_by_the_field(app_store, balance_page, kind, field, button):
    at = balance_page
    before = stored_case(app_store)
    if field.startswith("agg."):
        by_key(at.multiselect, "f.agg.claim_ids").set_value(["anpr-s31", "anpr-s24"])
        by_key(at.radio, "f.agg.conclusion").set_value("maintain")
    if field.startswith("ext."):
        by_key(at.checkbox, "f.ext.record").check()
    by_key(getattr(at, kind), "f." + field).input(NUL)
    press(at, button)
    assert not at.exception, at.exception
    assert any("NUL character" in e.value for e in at.error), [e.value for e in at.error]
    assert stored_case(app_store) == before


def test_figures_past_the_bounds_are_not_taken(app_store, balance_page):
    """The boxes keep their value (the engine's own refusal is in tests/test_actions_balance)."""
    at = balance_page
    before = stored_case(app_store).cost_estimate
    by_key(at.number_input, "f.cost.0.records").set_value(10**12)
    by_key(at.number_input, "f.cost.rate").set_value(float("inf")).run()
    assert not at.exception, at.exception
    press(at, "f.cost.save")
    assert not at.exception, at.exception
    assert stored_case(app_store).cost_estimate == before
