"""The Training page, the trainee's side: a name (sign-in off), picking a scenario or joining a
session by code, "Start" opening the attempt's Request page with its case file, "Submit for
feedback" (score, mistakes, what was done well, the model answer beside the attempt), "Try
again"; a trainee opens only their own attempts, never a live case."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from foi_core.models import CaseKind
from foi_core.people import Person, Role
from foi_core.storage import Store
from foi_core.training.bank import load_scenarios
from foi_core.training.sessions import start_attempt
from tests.app.conftest import DOORBELL, by_key, new_app, ok, submit, texts
from tests.app.test_sign_in import ADMIN, signed_in_app

PAGE = "pages/training.py"
SCENARIO = "doorbell-footage-first-week"
TOM = Person("tom@force.police.uk", "Tom Trainee", frozenset({Role.TRAINEE}))


def training_page(at: AppTest | None = None, name: str = "Tom Trainee") -> AppTest:
    """The Training page with sign-in off, the trainee's name typed."""
    at = ok((at or new_app()).run())
    at = ok(at.switch_page(PAGE).run())
    by_key(at.text_input, "training.name").input(name)
    return ok(at.run())


def start(at: AppTest, scenario: str = SCENARIO) -> AppTest:
    by_key(at.selectbox, "training.scenario").select(scenario)
    return submit(ok(at.run()), "Start")


def shown(at: AppTest) -> str:
    parts = [texts(at), *(str(e.label) for e in at.expander)]
    parts += [str(m.value) for m in at.metric] + [str(s.value) for s in at.subheader]
    return "\n".join(parts)


def test_a_name_is_asked_for_with_sign_in_off(app_store: Store) -> None:
    at = ok(new_app().run())
    at = ok(at.switch_page(PAGE).run())
    assert "Type your name to start practising" in texts(at)
    assert not [b for b in at.button if b.label == "Start"]


def test_start_opens_the_request_page_with_the_case_file(app_store: Store) -> None:
    at = training_page()
    titles = at.dataframe[0].value["Title"].tolist()
    assert load_scenarios()[SCENARIO].title in titles
    at = start(at)
    (summary,) = app_store.attempts(trainee="Tom Trainee")
    assert summary.scenario_id == SCENARIO and summary.attempt == 1
    scenario = load_scenarios()[SCENARIO]
    page = shown(at)
    assert "Case file" in page and "Training attempt 1" in page
    assert scenario.case_file[0].text.split()[0] in page  # the case file is drawn (escaped)
    assert any(b.label == "Save" for b in at.button)  # the Request page, editable


def test_submit_shows_the_score_mistakes_and_model_answer_then_try_again(app_store: Store) -> None:
    at = start(training_page())
    (summary,) = app_store.attempts(trainee="Tom Trainee")
    at = ok(at.switch_page(PAGE).run())  # the attempt stays in the URL
    assert "Your attempt" in shown(at) and "Case file" in shown(at)
    at = submit(at, "Submit for feedback")
    (kept,) = app_store.submissions(case_id=summary.id)
    assert [m.value for m in at.metric] == [f"{kept.score} out of 100"]
    page = shown(at)
    assert f"Mistakes ({len(kept.mistakes)})" in page and "Why it matters" in page
    assert any(link.label.startswith("Put it right on") for link in at.get("page_link"))
    side = at.dataframe[0].value
    assert {"Model answer", "Your answer"} <= set(side.columns)
    at = submit(at, "Try again")
    attempts = app_store.attempts(trainee="Tom Trainee")
    assert [a.attempt for a in attempts] == [2, 1]
    assert "Training attempt 2" in shown(at)


def test_a_session_is_joined_by_its_code(app_store: Store) -> None:
    group = app_store.create_session("March intake", [SCENARIO], ADMIN)
    at = training_page()
    by_key(at.text_input, "training.code").input("nope42")
    at = submit(ok(at.run()), "Join")
    assert "No training session has the code 'NOPE42'" in texts(at)
    by_key(at.text_input, "training.code").input(group.code.lower())
    at = submit(ok(at.run()), "Join")
    assert "You joined **March intake**" in texts(at)
    submit(at, "Start in the session")
    (summary,) = app_store.attempts(session_id=group.id)
    assert summary.trainee == "Tom Trainee"


def test_a_trainee_opens_their_own_attempt_only_and_no_live_case(app_store: Store) -> None:
    for email in ("tom@force.police.uk", "ann@force.police.uk"):
        app_store.grant(email, Role.TRAINEE, by=ADMIN)
    case = start_attempt(app_store, SCENARIO, TOM)
    assert case.kind is CaseKind.TRAINING
    at = ok(signed_in_app("tom@force.police.uk", "Tom Trainee", case_id=case.id).run())
    assert any(link.label == "Go to Training" for link in at.get("page_link"))
    for page in ("pages/request.py", "pages/items.py", "pages/letter.py", PAGE):
        at = ok(at.switch_page(page).run())
        assert "Case file" in shown(at), page
    at = ok(signed_in_app("ann@force.police.uk", "Ann Trainee", case_id=case.id).run())
    at = ok(at.switch_page("pages/request.py").run())
    assert "another trainee's attempt" in texts(at)
    assert case.request.our_ref not in shown(at)
    at = ok(signed_in_app("tom@force.police.uk", "Tom Trainee", case_id=DOORBELL).run())
    at = ok(at.switch_page("pages/request.py").run())
    assert "training scenarios only" in texts(at) and not at.text_input


def test_a_trainer_reads_an_attempt_but_cannot_change_it(app_store: Store) -> None:
    app_store.grant("tess@force.police.uk", Role.TRAINER, by=ADMIN)
    case = start_attempt(app_store, SCENARIO, TOM)
    at = ok(signed_in_app("tess@force.police.uk", "Tess", case_id=case.id).run())
    at = ok(at.switch_page("pages/request.py").run())
    assert "Case file" in shown(at)
    saves = [b for b in at.button if b.label == "Save"]
    assert saves and all(b.disabled for b in saves)
    at = ok(at.switch_page(PAGE).run())
    (submit_button,) = [b for b in at.button if b.label == "Submit for feedback"]
    assert submit_button.disabled
