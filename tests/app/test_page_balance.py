"""AppTest of the Balance page: conclusions, combined balance, s40, s36, the s12 cost estimate
and the s10(3) extension."""

from __future__ import annotations

import datetime as dt

from foi_core.deadlines import due_date, pit_extension_date
from foi_core.models import (
    Balance,
    Case,
    ClaimMode,
    Conclusion,
    CostActivity,
    CostEstimate,
    CostLine,
    ExemptionClaim,
    Outcome,
)
from foi_core.workflow import new_case, set_items
from tests.app.conftest import (
    RECEIVED,
    button,
    by_key,
    key,
    open_case_page,
    reasoning_case,
    stored,
    texts,
)


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


def test_balance_fields_say_where_they_go_and_each_claim_is_previewed(app_store):
    case = reasoning_case(app_store, balance=True)
    at = open_case_page("pages/balance.py", case.id)
    notes = [str(c.value) for c in at.caption]
    assert any("In the letter" in n for n in notes)  # the reasoning
    assert any("Internal: reasoning record only" in n for n in notes)  # who decided
    previews = [e for e in at.expander if e.label.endswith("In the letter for this provision")]
    assert len(previews) == 2  # s31 and s30: the qualified claims
    assert "Harm outweighs openness." in "\n".join(str(m.value) for m in previews[0].markdown)
