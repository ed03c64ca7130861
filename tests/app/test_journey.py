"""A whole journey through the app with AppTest: a blank case to a letter ready to download,
moving between pages with switch_page, then a refresh (a new session with the same ?case=)."""

from __future__ import annotations

import datetime as dt

from foi_core.checker import check
from foi_core.knowledge import load_catalogue
from foi_core.models import ClaimMode, Conclusion, Likelihood, OrganisationProfile, Outcome, Side
from tests.app.conftest import add_field, button, by_key, new_app, ok, texts

REF = "JOURNEY/26"
REQUEST = """Dear FOI team,

1. Does the force use doorbell-camera footage from Ring?
2. How many requests for footage did the force send to Ring in 2025?
3. How many of those requests were granted?

Yours, Zebedee Requester"""

HARM_INTEREST = "The prevention and detection of crime."
HARM_CHAIN = (
    "A yes or a no would show whether the force can draw on this footage, so offenders could "
    "judge where they are less likely to be identified."
)
REASONING = "Openness matters, but a yes or a no would help offenders avoid detection."


def key(name: str) -> str:
    return "f." + name


def go(at, page: str):
    """Switch page the way the menu does, keeping ?case= in the URL."""
    return ok(at.switch_page(page).run())


def test_blank_case_to_letter_then_refresh(empty_store):
    # --- Cases: start a blank case --------------------------------------------------------------
    at = ok(new_app().run())
    by_key(at.text_input, key("new.our_ref")).input(REF)
    by_key(at.text_input, key("new.title")).input("Doorbell cameras")
    ok(button(at, "Start the case").click().run())
    stored = empty_store.find_by_ref(REF)
    assert stored is not None
    case_id = stored.case.id
    assert at.query_params["case"] == case_id

    # --- Request: paste and split -----------------------------------------------------------------
    at = go(at, "pages/request.py")
    by_key(at.text_input, key("requester.name")).input("Zebedee Requester")
    by_key(at.text_area, key("text")).input(REQUEST)
    ok(button(at, "Save and split the text into items").click().run())
    case = empty_store.load(case_id).case
    assert [item.number for item in case.request.items] == [1, 2, 3]

    # --- Items: a routine NCND for every item -----------------------------------------------------
    at = go(at, "pages/items.py")
    by_key(at.selectbox, key("all.outcome")).set_value(Outcome.NCND)
    ok(button(at, "Apply to every item").click().run())
    assert {i.outcome for i in empty_store.load(case_id).case.request.items} == {Outcome.NCND}

    # --- Exemptions: s31(1)(a), used to neither confirm nor deny ----------------------------------
    at = go(at, "pages/exemptions.py")
    by_key(at.selectbox, key("add.citation")).set_value("s31(1)(a)")
    add_field(at.multiselect, "items").set_value([1, 2, 3])
    add_field(at.radio, "mode").set_value(ClaimMode.NCND)
    ok(button(at, "Add this provision").click().run())
    (claim,) = empty_store.load(case_id).case.claims
    assert (claim.citation, claim.mode, claim.items) == ("s31(1)(a)", ClaimMode.NCND, [1, 2, 3])
    cid = claim.id

    # --- Harm: the harm of confirming or denying --------------------------------------------------
    at = go(at, "pages/harm.py")
    assert "Harm in confirming or denying" in texts(at)
    assert "Zebedee" not in texts(at)
    by_key(at.text_area, key(f"harm.{cid}.interest")).input(HARM_INTEREST)
    by_key(at.text_area, key(f"harm.{cid}.causal_chain")).input(HARM_CHAIN)
    by_key(at.radio, key(f"harm.{cid}.likelihood")).set_value(Likelihood.WOULD_BE_LIKELY)
    ok(button(at, "Save the harm of confirming or denying").click().run())
    harm = empty_store.load(case_id).case.claims[0].harm
    assert harm.causal_chain == HARM_CHAIN and harm.likelihood is Likelihood.WOULD_BE_LIKELY

    # --- Public interest: factors from the library ------------------------------------------------
    at = go(at, "pages/public_interest.py")
    library = load_catalogue().factors_for_claim("s31(1)(a)", ncnd=True)
    for_id, against_id = library["for"][0].id, library["against"][0].id
    by_key(at.multiselect, key(f"library.{cid}.0.for")).set_value([for_id])
    by_key(at.multiselect, key(f"library.{cid}.0.against")).set_value([against_id])
    ok(button(at, "Add the chosen factors").click().run())
    factors = empty_store.load(case_id).case.claims[0].pit.factors
    assert [(f.side, f.library_id) for f in factors] == [
        (Side.FOR, for_id),
        (Side.AGAINST, against_id),
    ]

    # --- Balance: the conclusion ------------------------------------------------------------------
    at = go(at, "pages/balance.py")
    by_key(at.radio, key(f"balance.{cid}.conclusion")).set_value(Conclusion.MAINTAIN)
    by_key(at.text_area, key(f"balance.{cid}.reasoning")).input(REASONING)
    by_key(at.text_input, key(f"balance.{cid}.decided_by")).input("Information Manager")
    by_key(at.date_input, key(f"balance.{cid}.decided_on")).set_value(dt.date.today())
    ok(button(at, "Save the conclusion").click().run())
    case = empty_store.load(case_id).case
    assert case.claims[0].pit.balance.reasoning == REASONING

    # --- Check: no errors left ------------------------------------------------------------
    at = go(at, "pages/check.py")
    errors = [f for f in check(case, OrganisationProfile()) if f.severity == "error"]
    assert not errors, [f.message for f in errors]
    assert not at.error  # no error findings on the Check page

    # --- Letter: ready to download ----------------------------------------------------------------
    at = go(at, "pages/letter.py")
    labels = [element.proto.label for element in at.get("download_button")]
    assert "Download the letter (.docx)" in labels
    assert button(at, "Issue the letter").disabled  # warnings to read first (no addressee)
    (tick,) = [box for box in at.checkbox if box.label == "I have read these warnings"]
    at = ok(tick.check().run())
    assert not button(at, "Issue the letter").disabled

    # --- Refresh: a brand-new session with the same URL shows everything saved --------------------
    fresh = ok(new_app(case_id).run())
    fresh = go(fresh, "pages/harm.py")
    assert by_key(fresh.text_area, key(f"harm.{cid}.causal_chain")).value == HARM_CHAIN
    assert by_key(fresh.radio, key(f"harm.{cid}.likelihood")).value is Likelihood.WOULD_BE_LIKELY
    fresh = go(fresh, "pages/public_interest.py")
    shown = texts(fresh).replace("\\", "")  # factors are shown with Markdown escaping
    assert library["for"][0].text in shown and library["against"][0].text in shown
    fresh = go(fresh, "pages/balance.py")
    assert by_key(fresh.text_area, key(f"balance.{cid}.reasoning")).value == REASONING
    assert by_key(fresh.radio, key(f"balance.{cid}.conclusion")).value is Conclusion.MAINTAIN
    fresh = go(fresh, "pages/letter.py")
    assert "Download the letter (.docx)" in [e.proto.label for e in fresh.get("download_button")]
