"""AppTest tests for the reasoning pages: Harm, Public interest, Balance, Check and Letter."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from foi_core.checker import check
from foi_core.deadlines import due_date, pit_extension_date
from foi_core.knowledge import load_catalogue
from foi_core.models import (
    Balance,
    Case,
    ClaimMode,
    Conclusion,
    CostActivity,
    CostEstimate,
    CostLine,
    ExemptionClaim,
    Factor,
    HarmAssessment,
    Likelihood,
    OrganisationProfile,
    Outcome,
    PublicInterestTest,
    Requester,
    Side,
    Weight,
)
from foi_core.personal_data import mask_requester
from foi_core.settings import get_settings
from foi_core.workflow import new_case, set_items
from tests.app.conftest import DOORBELL, by_key, new_app, texts
from ui.reasoning import items_text, library_choices, points

REQUESTER = "Zebedee Requester"
RECEIVED = dt.date(2026, 3, 2)


def button(at, label: str, index: int = 0):
    """The index-th button (form submit buttons included) with this label."""
    matches = [element for element in at.button if element.label == label]
    if len(matches) <= index:
        raise LookupError(f"no button {label!r} #{index}; buttons: {[b.label for b in at.button]}")
    return matches[index]


def key(name: str) -> str:
    return "f." + name


def entry_field(elements, editor: str, claim_id: str, name: str):
    """A widget of the public interest page's entry forms, whatever round of adding it is on
    (its key is ``f.<editor>.<claim>.<round>.<name>``): editor "new" (fields "side", "text",
    "weight", "rationale", "add") or "library" (fields "for", "against")."""
    start, end = key(f"{editor}.{claim_id}."), "." + name
    for element in elements:
        if (element.key or "").startswith(start) and element.key.endswith(end):
            return element
    raise LookupError(f"no {editor} {name!r} for {claim_id}; keys: {[e.key for e in elements]}")


def new_factor_field(elements, claim_id: str, name: str):
    """A widget of the "Write a new factor" form for a claim."""
    return entry_field(elements, "new", claim_id, name)


def reasoning_case(
    store,
    *,
    pit: bool = True,
    balance: bool = False,
    with_s30: bool = True,
    received: dt.date = RECEIVED,
) -> Case:
    """Three items: 1 and 2 withheld under s31(1)(a) and (unless ``with_s30`` is false)
    s30(1)(a), 3 under s40(2).

    The requester has a name so tests can check it never appears on the reasoning pages.
    """
    case = new_case("PI/1", received, "Drone patrols")
    case.requester = Requester(name=REQUESTER, contact="zeb@example.org", address="1 Zed Road")
    case = set_items(
        case,
        [
            "How many drone patrols were flown over the town centre?",
            "Which streets did the drones patrol?",
            "Names of the officers who flew them.",
        ],
    )
    for item in case.request.items:
        item.outcome = Outcome.EXEMPT
    s31 = ExemptionClaim(id="c31", citation="s31(1)(a)", items=[1, 2])
    s30 = ExemptionClaim(id="c30", citation="s30(1)(a)", items=[1, 2])
    s40 = ExemptionClaim(id="c40", citation="s40(2)", items=[3])
    s31.harm = HarmAssessment(interest="Prevention of crime.", causal_chain="Patrol gaps shown.")
    if pit:
        for claim, topic in ((s31, "patrols"), (s30, "investigations")):
            claim.pit = PublicInterestTest(
                factors=[
                    Factor(id=f"{claim.id}-for", side=Side.FOR, text=f"Openness on {topic}."),
                    Factor(
                        id=f"{claim.id}-against",
                        side=Side.AGAINST,
                        text=f"Offenders would learn about {topic}.",
                        weight=Weight.HIGH,
                    ),
                ],
                balance=(
                    Balance(conclusion=Conclusion.MAINTAIN, reasoning="Harm outweighs openness.")
                    if balance
                    else None
                ),
            )
    case.claims = [s31, s30, s40] if with_s30 else [s31, s40]
    store.add(case, actor="test")
    return case


def open_case_page(page: str, case_id: str):
    at = new_app(case_id).run()
    assert not at.exception, at.exception
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def stored(store, case_id: str) -> Case:
    return store.load(case_id).case


# --- Helpers in ui.reasoning ----------------------------------------------------------------------


def test_items_text_shortens_runs():
    assert items_text([3]) == "item 3"
    assert items_text([1, 2]) == "items 1 and 2"
    assert items_text(range(1, 17)) == "items 1 to 16"
    assert items_text([1, 2, 3, 5, 7, 8]) == "items 1 to 3, 5, 7 and 8"


def test_points_use_the_weight_scale():
    pit = PublicInterestTest(
        factors=[
            Factor(side=Side.FOR, text="a", weight=Weight.LOW),
            Factor(side=Side.FOR, text="b", weight=Weight.HIGH),
            Factor(side=Side.AGAINST, text="c", weight=Weight.MODERATE),
        ]
    )
    assert points(pit) == (4, 2)


def test_library_choices_match_the_mode_and_leave_out_used_factors():
    withhold = ExemptionClaim(citation="s31(1)(a)", items=[1])
    ncnd = ExemptionClaim(citation="s31(1)(a)", items=[1], mode=ClaimMode.NCND)
    offered_withhold = library_choices(withhold, Side.AGAINST)
    offered_ncnd = library_choices(ncnd, Side.AGAINST)
    assert offered_withhold and not any(f.ncnd for f in offered_withhold)
    assert offered_ncnd[0].ncnd  # confirm-or-deny wording first for NCND
    general = {f.id for f in load_catalogue().general_factors_for}
    assert general <= {f.id for f in library_choices(withhold, Side.FOR)}
    used = offered_withhold[0]
    withhold.pit = PublicInterestTest(
        factors=[Factor(side=Side.AGAINST, text=used.text, library_id=used.id)]
    )
    assert used.id not in {f.id for f in library_choices(withhold, Side.AGAINST)}


def test_mask_requester_hides_every_detail():
    requester = Requester(name="Ann Other", contact="ann@example.org", address="1 Road\nTown")
    masked = mask_requester("Dear Ann Other, ann@example.org, 1 Road, Town", requester)
    for secret in ("Ann Other", "ann@example.org", "1 Road", "Town"):
        assert secret not in masked


# --- Harm -----------------------------------------------------------------------------------------


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


# --- Public interest ------------------------------------------------------------------------------


def test_absolute_claim_explains_no_public_interest_test(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    assert "s40(2)" in texts(at) and "absolute exemption" in texts(at)
    assert "Zebedee" not in texts(at)
    # Only the two qualified claims have a public interest test to choose from.
    chooser = by_key(at.radio, "pi.claim")
    assert [option.split(" ")[0] for option in chooser.options] == ["s31(1)(a)", "s30(1)(a)"]
    assert not any("c40" in (e.key or "") for e in at.text_area)


def test_irrelevant_factor_is_flagged_as_typed(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    assert not any("irrelevant" in w.value for w in at.warning)
    new_factor_field(at.text_area, "c31", "text").input(
        "Disclosure would embarrass senior officers."
    ).run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("irrelevant factor: Embarrassment" in w for w in warnings), warnings
    # Nothing is saved until the officer adds it.
    assert len(stored(app_store, case.id).claim("c31").pit.factors) == 2


def test_irrelevant_factor_is_flagged_on_save_of_an_edited_factor(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    by_key(at.selectbox, "pi.edit.c31").set_value("c31-against").run()
    by_key(at.text_area, key("pit.c31.c31-against.text")).input(
        "Release would attract negative press coverage."
    )
    button(at, "Save this factor").click().run()
    assert not at.exception
    saved = stored(app_store, case.id).claim("c31").pit
    assert saved.factors_against[0].text == "Release would attract negative press coverage."
    assert any("Negative press" in w.value for w in at.warning)


def test_adding_a_written_factor_saves_it(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    by_key(at.radio, "pi.claim").set_value("c30").run()
    assert "Openness on investigations." in texts(at).replace("\\", "")
    new_factor_field(at.radio, "c30", "side").set_value(Side.AGAINST)
    new_factor_field(at.text_area, "c30", "text").input("Witnesses would stop coming forward.")
    new_factor_field(at.radio, "c30", "weight").set_value(Weight.HIGH)
    new_factor_field(at.text_area, "c30", "rationale").input("Informants are vital.")
    new_factor_field(at.button, "c30", "add").click().run()
    assert not at.exception
    added = stored(app_store, case.id).claim("c30").pit.factors[-1]
    assert (added.side, added.text, added.weight, added.rationale) == (
        Side.AGAINST,
        "Witnesses would stop coming forward.",
        Weight.HIGH,
        "Informants are vital.",
    )
    # The new-factor boxes are empty again after saving.
    assert new_factor_field(at.text_area, "c30", "text").value == ""
    assert new_factor_field(at.text_area, "c30", "rationale").value == ""


def test_new_factor_boxes_are_fresh_after_an_add_even_in_a_browser(app_store):
    """A browser keeps showing, and sends back, what was typed in a widget for as long as the
    widget's id stays the same, even if the page deleted its key from session_state. Emulate
    that: after the add, any widget with the same id as before gets its typed value back. The
    next factor, typed without a rationale, must not pick up the previous factor's rationale or
    weight."""
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    text = new_factor_field(at.text_area, "c31", "text").input("It would embarrass the force.")
    weight = new_factor_field(at.radio, "c31", "weight").set_value(Weight.HIGH)
    rationale = new_factor_field(at.text_area, "c31", "rationale").input("Typed for the first.")
    typed = {text.id: text.value, weight.id: weight.value, rationale.id: rationale.value}
    new_factor_field(at.button, "c31", "add").click().run()
    assert not at.exception
    assert len(stored(app_store, case.id).claim("c31").pit.factors) == 3
    for element in [*at.text_area, *at.radio]:
        if element.id in typed:  # what the browser would still hold for this widget
            element.set_value(typed[element.id])
    at.run()
    # Fresh, empty boxes: typing the same text again is a change, so leaving the box reruns the
    # page and the irrelevance check runs.
    assert new_factor_field(at.text_area, "c31", "text").value == ""
    assert new_factor_field(at.text_area, "c31", "rationale").value == ""
    assert new_factor_field(at.radio, "c31", "weight").value is Weight.MODERATE
    new_factor_field(at.text_area, "c31", "text").input("Officers would be identified.")
    new_factor_field(at.button, "c31", "add").click().run()
    assert not at.exception
    second = stored(app_store, case.id).claim("c31").pit.factors[-1]
    assert (second.text, second.rationale, second.weight) == (
        "Officers would be identified.",
        "",
        Weight.MODERATE,
    )


def test_adding_an_empty_factor_shows_an_error(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    new_factor_field(at.text_area, "c31", "text").input("   ")
    new_factor_field(at.radio, "c31", "weight").set_value(Weight.LOW)
    rationale = new_factor_field(at.text_area, "c31", "rationale").input("Kept as typed.")
    new_factor_field(at.button, "c31", "add").click().run()
    assert not at.exception
    assert any("Write the factor before adding it" in e.value for e in at.error)
    assert len(stored(app_store, case.id).claim("c31").pit.factors) == 2
    # What was typed stays, in the same widgets.
    kept = new_factor_field(at.text_area, "c31", "rationale")
    assert (kept.id, kept.value) == (rationale.id, "Kept as typed.")
    assert new_factor_field(at.radio, "c31", "weight").value is Weight.LOW


def test_emptying_a_factor_shows_an_error_and_keeps_the_typing(app_store):
    case = reasoning_case(app_store)
    before = app_store.load(case.id).version
    at = open_case_page("pages/public_interest.py", case.id)
    by_key(at.text_area, key("pit.c31.c31-for.text")).input("  ")
    by_key(at.text_area, key("pit.c31.c31-for.rationale")).input("Typed rationale")
    button(at, "Save this factor").click().run()
    assert not at.exception
    assert any("cannot be empty" in e.value for e in at.error)
    assert by_key(at.text_area, key("pit.c31.c31-for.rationale")).value == "Typed rationale"
    assert app_store.load(case.id).version == before  # nothing saved


def test_picking_library_factors_and_removing_a_factor(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/public_interest.py", case.id)
    offered = library_choices(stored(app_store, case.id).claim("c31"), Side.AGAINST)
    picker = entry_field(at.multiselect, "library", "c31", "against").set_value([offered[0].id])
    button(at, "Add the chosen factors").click().run()
    assert not at.exception
    pit = stored(app_store, case.id).claim("c31").pit
    assert pit.factors[-1].library_id == offered[0].id
    assert pit.factors[-1].text == offered[0].text
    # A fresh, empty list (not the one the browser holds the old choice in), without the factor.
    fresh = entry_field(at.multiselect, "library", "c31", "against")
    assert fresh.id != picker.id and fresh.value == []
    assert offered[0].text not in fresh.options

    assert by_key(at.selectbox, "pi.edit.c31").value == "c31-for"
    button(at, "Remove this factor").click().run()
    assert not at.exception
    remaining = [f.id for f in stored(app_store, case.id).claim("c31").pit.factors]
    assert "c31-for" not in remaining and "c31-against" in remaining


def test_user_text_is_shown_literally(app_store):
    case = reasoning_case(app_store)
    data = case.model_dump()
    data["claims"][0]["pit"]["factors"][0]["text"] = "<script>alert(1)</script> {{ 7*7 }} **b**"
    app_store.save(Case.model_validate(data), expected_version=1, actor="test")
    at = open_case_page("pages/balance.py", case.id)
    assert not at.exception
    # The weights table holds the text as data; no markdown element carries it unescaped.
    assert not any("<script>" in m.value for m in at.markdown)
    literal = "<script>alert(1)</script> {{ 7*7 }} **b**"
    assert any(literal in frame.value["Factor"].tolist() for frame in at.dataframe)
    at.switch_page("pages/public_interest.py").run()
    assert not at.exception
    assert by_key(at.text_area, key("pit.c31.c31-for.text")).value == literal
    assert not any("<script>" in m.value for m in at.markdown)


# --- Balance --------------------------------------------------------------------------------------


def test_conclusion_without_a_choice_shows_an_error_and_keeps_the_reasoning(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/balance.py", case.id)
    assert "Zebedee" not in texts(at)
    by_key(at.text_area, key("balance.c31.reasoning")).input("My careful reasoning.")
    button(at, "Save the conclusion").click().run()
    assert not at.exception
    assert any(e.value == "Choose a conclusion." for e in at.error)
    assert by_key(at.text_area, key("balance.c31.reasoning")).value == "My careful reasoning."
    assert stored(app_store, case.id).claim("c31").pit.balance is None


def test_conclusion_is_saved_with_who_and_when(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/balance.py", case.id)
    assert "1 factor(s) for disclosure, 2 point(s)" in texts(at)
    assert "3 point(s)" in texts(at)  # one high-weight factor against
    by_key(at.radio, key("balance.c31.conclusion")).set_value(Conclusion.MAINTAIN)
    by_key(at.text_area, key("balance.c31.reasoning")).input("Harm to patrols outweighs.")
    by_key(at.text_input, key("balance.c31.decided_by")).input("Information Manager")
    by_key(at.date_input, key("balance.c31.decided_on")).set_value(dt.date(2026, 3, 20))
    button(at, "Save the conclusion").click().run()
    assert not at.exception
    balance = stored(app_store, case.id).claim("c31").pit.balance
    assert balance == Balance(
        conclusion=Conclusion.MAINTAIN,
        reasoning="Harm to patrols outweighs.",
        decided_by="Information Manager",
        decided_on=dt.date(2026, 3, 20),
    )
    assert stored(app_store, case.id).claim("c31").pit.factors  # factors kept


def test_combined_balance_needs_two_claims_then_saves(app_store):
    case = reasoning_case(app_store, balance=True)
    at = open_case_page("pages/balance.py", case.id)
    assert "[2025] UKSC 27" in texts(at)
    by_key(at.multiselect, key("agg.claim_ids")).set_value(["c31"])
    by_key(at.radio, key("agg.conclusion")).set_value(Conclusion.MAINTAIN)
    by_key(at.text_area, key("agg.reasoning")).input("Together they outweigh.")
    button(at, "Save the combined balance").click().run()
    assert not at.exception
    assert any("Choose at least 2" in e.value for e in at.error), [e.value for e in at.error]
    assert not stored(app_store, case.id).aggregate_balances

    by_key(at.multiselect, key("agg.claim_ids")).set_value(["c31", "c30"])
    button(at, "Save the combined balance").click().run()
    assert not at.exception
    (aggregate,) = stored(app_store, case.id).aggregate_balances
    assert aggregate.claim_ids == ["c31", "c30"] and aggregate.items == [1, 2]
    assert aggregate.reasoning == "Together they outweigh."


def test_s40_legitimate_interests_record_is_saved(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/balance.py", case.id)
    result = by_key(at.radio, key("li.c40.lawful"))
    assert "withhold under s40(2)" in result.options[2]  # a withheld claim: about disclosing
    assert "confirm" not in " ".join(result.options)
    by_key(at.text_area, key("li.c40.legitimate_interest")).input("Accountability.")
    by_key(at.text_area, key("li.c40.balancing")).input("Officers' privacy wins.")
    result.set_value(False)
    button(at, "Save the legitimate interests record").click().run()
    assert not at.exception
    record = stored(app_store, case.id).claim("c40").legitimate_interests
    assert record.legitimate_interest == "Accountability."
    assert record.balancing == "Officers' privacy wins."
    assert record.disclosure_lawful is False


def test_s40_result_for_ncnd_speaks_of_confirming_or_denying_under_s40_5b(app_store):
    case = reasoning_case(app_store)
    data = case.model_dump()
    for claim in data["claims"]:
        if claim["id"] == "c40":
            claim["mode"] = ClaimMode.NCND.value
    app_store.save(Case.model_validate(data), expected_version=1, actor="test")
    at = open_case_page("pages/balance.py", case.id)
    assert not at.exception
    result = by_key(at.radio, key("li.c40.lawful"))
    refused, allowed = result.options[2], result.options[1]
    assert "withhold" not in " ".join(result.options)
    assert "neither confirm nor deny" in refused and "s40(5B)" in refused
    assert "Confirming or denying would be lawful" in allowed
    assert "s40(2) " not in " ".join(result.options)


def test_s36_opinion_needs_a_name(app_store):
    case = new_case("QP/1", RECEIVED)
    case = set_items(case, ["Minutes of the chief officers' meeting."])
    case.request.items[0].outcome = Outcome.EXEMPT
    case.claims = [ExemptionClaim(id="c36", citation="s36(2)(b)(i)", items=[1])]
    app_store.add(case, actor="test")
    at = open_case_page("pages/balance.py", case.id)
    assert "Qualified person's opinion (s36)" in texts(at)
    by_key(at.text_area, key("qp.c36.reasons")).input("Free and frank advice would suffer.")
    button(at, "Save the opinion").click().run()
    assert any("qualified person's name" in e.value for e in at.error)
    assert (
        by_key(at.text_area, key("qp.c36.reasons")).value == "Free and frank advice would suffer."
    )
    by_key(at.text_input, key("qp.c36.name")).input("Chief Constable")
    button(at, "Save the opinion").click().run()
    assert not at.exception
    opinion = stored(app_store, case.id).claim("c36").qp_opinion
    assert opinion.name == "Chief Constable"
    assert opinion.reasons == "Free and frank advice would suffer."


def cost_case(store) -> Case:
    case = new_case("COST/1", RECEIVED)
    case = set_items(case, ["Every e-scooter incident log for 2025."])
    case.request.items[0].outcome = Outcome.COST_LIMIT
    case.claims = [ExemptionClaim(id="c12", citation="s12(1)", items=[1])]
    store.add(case, actor="test")
    return case


def test_cost_estimate_totals_update_as_figures_change(app_store):
    case = cost_case(app_store)
    at = open_case_page("pages/balance.py", case.id)
    by_key(at.selectbox, key("cost.0.activity")).set_value(CostActivity.EXTRACT)
    by_key(at.number_input, key("cost.0.records")).set_value(1144)
    by_key(at.number_input, key("cost.0.minutes")).set_value(3.0).run()
    assert not at.exception
    expected = CostEstimate(
        lines=[CostLine(activity=CostActivity.EXTRACT, records=1144, minutes_each=3)]
    )
    total = f"Total {expected.total_hours:,.1f} hours"
    assert any(total in i.value and "over the limit" in i.value for i in at.info)
    assert stored(app_store, case.id).cost_estimate is None  # live only, not yet saved

    by_key(at.text_area, key("cost.advice")).input("Ask for one month instead.")
    by_key(at.button, key("cost.save")).click().run()
    assert not at.exception
    estimate = stored(app_store, case.id).cost_estimate
    assert estimate.lines == expected.lines
    assert estimate.s16_advice == "Ask for one month instead."


def test_cost_line_without_an_activity_is_refused(app_store):
    case = cost_case(app_store)
    at = open_case_page("pages/balance.py", case.id)
    by_key(at.text_input, key("cost.0.description")).input("Read each log")
    by_key(at.number_input, key("cost.0.records")).set_value(10)
    by_key(at.button, key("cost.save")).click().run()
    assert not at.exception
    assert any("Choose an activity" in e.value for e in at.error)
    assert by_key(at.text_input, key("cost.0.description")).value == "Read each log"
    assert stored(app_store, case.id).cost_estimate is None


def test_pit_extension_defaults_to_twenty_more_working_days(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/balance.py", case.id)
    default = pit_extension_date(due_date(RECEIVED))
    assert by_key(at.date_input, key("ext.estimated_date")).value == default

    by_key(at.checkbox, key("ext.record")).check()
    by_key(at.date_input, key("ext.estimated_date")).set_value(RECEIVED)
    button(at, "Save the extension record").click().run()
    assert any("must be after the due date" in e.value for e in at.error)
    assert stored(app_store, case.id).pit_extension is None

    by_key(at.date_input, key("ext.estimated_date")).set_value(default)
    by_key(at.text_input, key("ext.decision_maker")).input("Head of Information")
    button(at, "Save the extension record").click().run()
    assert not at.exception
    extension = stored(app_store, case.id).pit_extension
    assert extension.estimated_date == default
    assert extension.decision_maker == "Head of Information"


# --- Check ----------------------------------------------------------------------------------------


def test_check_page_lists_errors_first_with_links_to_the_fixing_page(app_store):
    case = reasoning_case(app_store)  # no balance: an error on the Balance step
    findings = check(case, OrganisationProfile())
    assert any(f.severity == "error" and f.step == "balance" for f in findings)
    at = open_case_page("pages/check.py", case.id)
    errors = [f for f in findings if f.severity == "error"]
    assert len(at.error) == len(errors)
    shown = texts(at)
    assert f"{len(errors)} error(s)" in shown
    plain = shown.replace("\\", "")  # the page escapes punctuation for Markdown
    for finding in errors:
        assert finding.fix in plain
    # Every finding is shown with its fix, errors before warnings.
    fixes = [
        m.value.replace("\\", "").removeprefix("**How to fix it:** ")
        for m in at.markdown
        if m.value.startswith("**How to fix it:**")
    ]
    warnings = [f for f in findings if f.severity == "warning"]
    assert fixes == [f.fix for f in errors] + [f.fix for f in warnings]
    links = [link.proto for link in at.get("page_link") if "Fix this on" in link.proto.label]
    assert any(
        link.label == "Fix this on the Balance page" and link.query_string == f"case={case.id}"
        for link in links
    )
    assert "Deadlines" in shown
    assert "Zebedee" not in shown


def test_check_page_says_when_there_are_no_problems(app_store):
    at = open_case_page("pages/check.py", DOORBELL)
    assert any("No problems found" in s.value for s in at.success)
    assert "Due (20 working days)" in texts(at)


# --- Letter ---------------------------------------------------------------------------------------


def download_labels(at) -> list[str]:
    return [element.proto.label for element in at.get("download_button")]


def test_letter_page_offers_downloads_and_a_readable_preview(app_store):
    at = open_case_page("pages/letter.py", DOORBELL)
    labels = download_labels(at)
    assert "Download the letter (.docx)" in labels
    assert "Download the reasoning record (.docx)" in labels
    assert "Download the PIT extension letter (.docx)" in labels  # the case records one
    shown = texts(at)
    assert "neither confirm nor deny" in shown.replace("\\", "").lower()
    assert "A. Requester" not in shown.replace("\\", "")  # applicant-blind preview
    assert "[requester's name]" in shown.replace("\\", "")
    assert not any(b.disabled for b in at.button if b.label.startswith("Issue"))


def test_blocked_letter_offers_a_draft_and_cannot_be_issued(app_store):
    case = reasoning_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    assert any("The letter is blocked" in e.value for e in at.error)
    assert "Download as DRAFT (.docx)" in download_labels(at)
    assert "Download the letter (.docx)" not in download_labels(at)
    assert button(at, "Issue the letter").disabled


def issuable_case(store) -> Case:
    """A case the checker finds no errors in (so its letter can be issued)."""
    case = reasoning_case(store, balance=True, with_s30=False, received=dt.date.today())
    data = case.model_dump()
    for claim in data["claims"]:
        if claim["citation"] == "s31(1)(a)":
            claim["harm"]["likelihood"] = "would_be_likely_to"
        if claim["citation"] == "s40(2)":
            claim["legitimate_interests"] = {
                "legitimate_interest": "Accountability.",
                "necessity": "Not necessary.",
                "balancing": "Privacy wins.",
                "disclosure_lawful": False,
            }
    store.save(Case.model_validate(data), expected_version=1, actor="test")
    errors = [
        f for f in check(stored(store, case.id), OrganisationProfile()) if f.severity == "error"
    ]
    if errors:
        pytest.fail(f"test case should be issuable: {[f.rule_id for f in errors]}")
    return case


def test_issuing_records_the_letter_and_the_response_date(app_store):
    case = issuable_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    button(at, "Issue the letter").click().run()
    assert not at.exception
    saved = stored(app_store, case.id)
    (letter,) = saved.issued_letters
    assert letter.kind == "response" and not letter.draft
    assert len(letter.document_sha256) == 64 and len(letter.template_sha256) == 64
    assert saved.response_date == dt.date.today()
    assert "The letter is recorded as issued." in [s.value for s in at.success]
    assert button(at, "Issue the letter again")


def test_a_template_kept_in_settings_can_be_chosen(app_store, tmp_path, monkeypatch):
    uploaded = tmp_path / "templates" / "uploaded"
    uploaded.mkdir(parents=True)
    built_in = Path(__file__).resolve().parents[2] / "templates" / "response_letter.docx"
    shutil.copy(built_in, uploaded / "our-letter.docx")
    monkeypatch.setenv("FOI_TEMPLATES_DIR", str(tmp_path / "templates"))
    get_settings.cache_clear()
    case = issuable_case(app_store)
    at = open_case_page("pages/letter.py", case.id)
    chooser = by_key(at.selectbox, "letter.template")
    assert chooser.options == ["Built-in response letter", "our-letter.docx"]
    chooser.set_value(uploaded / "our-letter.docx").run()
    assert not at.exception
    button(at, "Issue the letter").click().run()
    assert not at.exception
    (letter,) = stored(app_store, case.id).issued_letters
    assert letter.template_name == "our-letter.docx"
