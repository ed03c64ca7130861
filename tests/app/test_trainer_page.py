"""The Training sessions page (pages/trainer.py): trainers and admins only; a new session with its
join code, the live view of a seeded submission, releasing the model answers, the CSV; and a
scenario written from an issued demo case, saved without the requester's details."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from foi_core.models import CaseStatus
from foi_core.people import Person, Role
from foi_core.storage import Store
from foi_core.training.dashboard import session_csv
from foi_core.training.sessions import start_attempt, submit_for_feedback
from tests.app.conftest import DOORBELL, button, by_key, ok, texts
from tests.app.test_sign_in import ADMIN, signed_in_app

PAGE = "pages/trainer.py"
TRAINER = "tina@force.police.uk"
TRAINEE = "terry@force.police.uk"
SCENARIO = "doorbell-footage-first-week"


def trainer_page(store: Store) -> AppTest:
    store.grant(TRAINER, Role.TRAINER, by=ADMIN)
    at = ok(signed_in_app(TRAINER, "Tina Trainer").run())
    return ok(at.switch_page(PAGE).run())


def shown(at: AppTest) -> str:
    frames = [frame.value.to_string() for frame in at.dataframe]
    return "\n".join([texts(at), *frames, *(str(m.value) for m in at.metric)])


def frame(at: AppTest, column: str):
    """The first table with this column."""
    return next(f.value for f in at.dataframe if column in f.value.columns)


def test_a_trainee_is_refused(app_store: Store) -> None:
    app_store.grant(TRAINEE, Role.TRAINEE, by=ADMIN)
    at = ok(signed_in_app(TRAINEE, "Terry Trainee").run())
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)
    # An officer sees live cases but does not run training either.
    app_store.grant("olly@force.police.uk", Role.OFFICER, by=ADMIN)
    officer = ok(signed_in_app("olly@force.police.uk", "Olly Officer").run())
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        officer.switch_page(PAGE)


def test_a_trainer_runs_a_session_and_sees_it_live(app_store: Store) -> None:
    at = trainer_page(app_store)
    assert "No training session yet" in texts(at)
    create = button(at, "Create session")
    by_key(at.text_input, "trainer.new.title").input("New starters, March")
    by_key(at.multiselect, "trainer.new.scenarios").select(SCENARIO)
    at = ok(create.click().run())
    [session] = app_store.sessions()
    assert (session.title, session.scenario_ids) == ("New starters, March", (SCENARIO,))
    assert session.trainer.endswith(f"<{TRAINER}>")
    assert [m.value for m in at.metric if m.label == "Join code"] == [session.code]
    assert "Nobody has started yet" in texts(at)

    # A trainee joins with the code and submits an empty attempt for feedback.
    app_store.grant(TRAINEE, Role.TRAINEE, by=ADMIN)
    terry = Person(email=TRAINEE, name="Terry Trainee", roles=frozenset({Role.TRAINEE}))
    attempt = start_attempt(app_store, SCENARIO, terry, session_code=session.code)
    result = submit_for_feedback(app_store, attempt, terry)
    assert result.mistakes
    at = ok(at.run())
    page = shown(at)
    assert "Terry Trainee" in page and str(result.score) in page
    submissions = frame(at, "Score")
    assert submissions["Score"].tolist() == [result.score]
    mistakes = frame(at, "Kind")
    kinds = sorted({m.kind.value for m in result.mistakes})
    assert sorted(mistakes["Kind"]) == kinds and set(mistakes["Trainees"]) == {1}
    charts = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    assert len(charts) == 2  # the score spread, the mistakes most of the group made
    assert charts[1]["encoding"]["x"]["field"] == "Trainees"
    rates = frame(at, "Rubric point")
    assert len(rates) and set(rates["Of"]) == {1}
    assert set(rates["Got it right"]) == {0}  # an empty attempt gets no rubric point right

    at = ok(button(at, "Release the model answers").click().run())
    assert app_store.session(session.id).models_released
    assert button(at, "Release the model answers").disabled
    labels = [element.proto.label for element in at.get("download_button")]
    assert labels == ["Download the session (CSV)"]
    csv_text = session_csv(app_store.submissions(session_id=session.id))
    assert csv_text.splitlines()[1].startswith(f"Terry Trainee <{TRAINEE}>,{SCENARIO},1,")

    at = ok(button(at, "Close the session").click().run())
    assert app_store.session(session.id).closed_at is not None
    assert button(at, "Close the session").disabled


def test_a_session_needs_a_title_and_a_scenario(app_store: Store) -> None:
    at = trainer_page(app_store)
    at = ok(button(at, "Create session").click().run())
    assert "Give the session a title" in texts(at)
    assert "Choose at least one scenario" in texts(at)
    assert not app_store.sessions()


def test_a_scenario_from_an_issued_demo_case_keeps_no_requester_details(
    app_store: Store,
) -> None:
    original = app_store.load(DOORBELL).case
    original = original.model_copy(update={"status": CaseStatus.ISSUED})
    app_store.save(original, app_store.load(DOORBELL).version, actor="test")
    requester = original.requester
    assert requester.name and requester.contact

    at = trainer_page(app_store)
    by_key(at.text_input, "trainer.author.ref").input(original.request.our_ref[:4])
    at = ok(at.run())
    assert by_key(at.radio, "trainer.author.case").value == DOORBELL
    by_key(at.text_input, "trainer.author.id").input("doorbell-from-a-case")
    by_key(at.text_input, "trainer.author.title").input("Doorbell cameras")
    at = ok(button(at, "Draft the scenario").click().run())
    assert "Rubric: each item" in texts(at)

    # A wrong provision without a reason is refused next to its field; with one it is added.
    wrong = "trainer.author.doorbell-from-a-case.1.wrong"
    by_key(at.text_input, f"{wrong}.citation").input("s38")
    at = ok(button(at, "Add wrong provision").click().run())
    assert "Say why it is wrong." in texts(at)
    by_key(at.text_area, f"{wrong}.why").input("Nobody's safety is at stake.")
    at = ok(button(at, "Add wrong provision").click().run())
    assert "s38" in texts(at)

    # A key consideration, recognised by phrases typed one a line.
    labelled = {element.label: element for element in (*at.text_input, *at.text_area)}
    labelled["Key consideration"].input("Information already public")
    labelled["Why it matters"].input("The force has said it uses doorbell footage.")
    labelled["Recognised by (one phrase a line)"].input("already public\npublished")
    at = ok(button(at, "Add key consideration").click().run())
    assert "Information already public" in texts(at)
    assert "Before trainees use it" not in texts(at)  # the model answer makes the point
    assert not button(at, "Save scenario").disabled

    at = ok(button(at, "Save scenario").click().run())
    [saved] = app_store.trainer_scenarios()
    [point] = saved.rubric.key_considerations
    assert point.recognised_by == ["already public", "published"]
    assert saved.id == "doorbell-from-a-case"
    assert saved.rubric.items[0].wrong[0].citation == "s38"
    document = json.dumps(saved.model_dump(mode="json")).lower()
    for detail in (requester.name, *requester.contact.splitlines()):
        assert detail.strip().lower() not in document
    assert "Saved the scenario" in texts(at)

    # Saved scenarios can be opened again, or deleted.
    at = ok(button(at, "Edit").click().run())
    assert "Rubric: each item" in texts(at)
    at = ok(button(at, "Discard the draft").click().run())
    at = ok(button(at, "Delete").click().run())
    assert not app_store.trainer_scenarios()


def test_a_draft_needs_a_good_id(app_store: Store) -> None:
    original = app_store.load(DOORBELL).case.model_copy(update={"status": CaseStatus.ISSUED})
    app_store.save(original, app_store.load(DOORBELL).version, actor="test")
    at = trainer_page(app_store)
    by_key(at.text_input, "trainer.author.ref").input(original.request.our_ref)
    at = ok(at.run())
    by_key(at.text_input, "trainer.author.id").input("Not An Id")
    at = ok(button(at, "Draft the scenario").click().run())
    assert "digits and hyphens" in texts(at) and "Give the scenario a title" in texts(at)


def test_typed_text_is_shown_literally(app_store: Store) -> None:
    hostile = "**Bold** [link](http://x) :red[red] <b>tag</b>"
    app_store.create_session(hostile, [SCENARIO], trainer=f"{hostile} <{TRAINER}>")
    at = trainer_page(app_store)
    markdown = "\n".join(str(m.value) for m in at.markdown) + texts(at)
    assert hostile not in markdown  # never raw
    assert "\\*\\*Bold\\*\\*" in markdown and "\\[link\\]" in markdown


def test_a_draft_the_model_answer_fails_cannot_be_saved(app_store: Store) -> None:
    original = app_store.load(DOORBELL).case.model_copy(update={"status": CaseStatus.ISSUED})
    app_store.save(original, app_store.load(DOORBELL).version, actor="test")
    at = trainer_page(app_store)
    by_key(at.text_input, "trainer.author.ref").input(original.request.our_ref)
    at = ok(at.run())
    by_key(at.text_input, "trainer.author.id").input("doorbell-unmakeable")
    by_key(at.text_input, "trainer.author.title").input("Doorbell")
    at = ok(button(at, "Draft the scenario").click().run())
    labelled = {element.label: element for element in (*at.text_input, *at.text_area)}
    labelled["Key consideration"].input("A point nobody makes")
    labelled["Why it matters"].input("It matters.")
    labelled["Recognised by (one phrase a line)"].input("zqxjv wibblefrotz")
    at = ok(button(at, "Add key consideration").click().run())
    assert "Before trainees use it" in texts(at)
    assert button(at, "Save scenario").disabled
