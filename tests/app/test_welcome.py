"""AppTest of the Cases page's welcome: the guided example, the demo cases (marked, reset with a
confirmation, removed by admins only) and hiding the welcome."""

from __future__ import annotations

from foi_core.models import Requester
from foi_core.people import Role
from foi_core.storage import Store
from foi_core.storage.documents import dump_case
from tests.app.conftest import DOORBELL, by_key, new_app, ok, submit, texts
from tests.app.test_sign_in import ADMIN, signed_in_app


def _welcome_shown(at) -> bool:
    return any(s.value == "Welcome: start here" for s in at.subheader)


def test_first_visit_shows_the_welcome_with_the_guide_and_demo_cases(app_store: Store) -> None:
    at = ok(new_app().run())
    assert _welcome_shown(at)
    assert "Draft the response" in texts(at)
    assert by_key(at.button, "welcome.guided").label == "Try the guided example"
    # Every demo case is listed for reset; the table marks each one "Demo".
    demo_ids = app_store.demo_case_ids()
    assert demo_ids and all(by_key(at.button, f"welcome.reset.{i}") for i in demo_ids)
    table = at.dataframe[0].value
    marked = set(table.loc[table["Demo"] == "Demo", "Reference"])
    assert marked == {s.ref for s in app_store.list_cases() if s.id in demo_ids}


def test_the_guided_example_opens_a_demo_case_at_its_first_step_in_guided_mode(
    app_store: Store,
) -> None:
    at = ok(new_app().run())
    assert "_foi_guided" not in at.session_state
    at = ok(by_key(at.button, "welcome.guided").click().run())
    case_id = at.query_params["case"]
    case_id = case_id[0] if isinstance(case_id, list) else case_id
    assert case_id in app_store.demo_case_ids()
    assert at.session_state["_foi_guided"] is True
    assert by_key(at.text_area, "f.text")  # the Request page, the first step


def test_reset_asks_first_and_restores_the_example(app_store: Store) -> None:
    loaded = app_store.load(DOORBELL)
    attempt = loaded.case.model_copy(deep=True)
    attempt.title = "A trainee's attempt"
    attempt.requester = Requester(name="Trainee Test")
    app_store.save(attempt, loaded.version, actor="trainee")
    at = ok(new_app().run())

    at = ok(by_key(at.button, f"welcome.reset.{DOORBELL}").click().run())
    assert any("Reset 002261/25" in str(w.value) for w in at.warning)
    assert app_store.load(DOORBELL).case.title == "A trainee's attempt"  # nothing yet
    at = submit(at, "Cancel")
    assert not any("Reset 002261/25" in str(w.value) for w in at.warning)
    assert app_store.load(DOORBELL).case.title == "A trainee's attempt"

    at = ok(by_key(at.button, f"welcome.reset.{DOORBELL}").click().run())
    at = submit(at, "Yes, reset it")
    assert "Demo case 002261/25 reset to the example." in texts(at)
    now = app_store.load(DOORBELL).case
    assert dump_case(now) == dump_case(app_store.revision(DOORBELL, 1).case)
    assert app_store.revision(DOORBELL, 2).case.title == "A trainee's attempt"


def test_hide_this_welcome_and_show_it_again(app_store: Store) -> None:
    at = ok(new_app().run())
    at = submit(at, "Hide this welcome")
    assert not _welcome_shown(at) and not any(b.key == "welcome.guided" for b in at.button)
    at = ok(at.run())  # remembered for the session
    assert not _welcome_shown(at)
    at = submit(at, "Show the welcome again")
    assert _welcome_shown(at)


def test_the_single_user_may_remove_the_demo_cases_after_confirming(app_store: Store) -> None:
    at = ok(new_app().run())
    at = submit(at, "Remove the demo cases")
    assert any("nothing is deleted" in str(w.value) for w in at.warning)
    assert app_store.demo_case_ids()
    at = submit(at, "Yes, remove them")
    assert app_store.demo_case_ids() == set() and app_store.count() == 0
    assert "5 demo cases removed from the lists." in texts(at)
    assert not any(b.key and b.key.startswith("welcome.reset.") for b in at.button)
    assert not any(b.key == "welcome.guided" for b in at.button)
    assert "there is no guided example" in texts(at)


def test_a_non_admin_sees_no_remove(app_store: Store) -> None:
    app_store.grant("o@force.police.uk", Role.OFFICER, by=ADMIN)
    at = ok(signed_in_app("o@force.police.uk", "O Officer").run())
    assert _welcome_shown(at)
    assert all(b.label != "Remove the demo cases" for b in at.button)
    assert by_key(at.button, f"welcome.reset.{DOORBELL}")
