"""Shared AppTest fixtures and helpers: a temporary SQLite store, demo cases, cases made for a
test, opening a page for a case, and finding what a page shows.

Every test gets its own database file (FOI_DATABASE_URL) so tests never see each other's cases.
The app caches one Store per URL, so a new URL means a fresh store.

    def test_something(app_store):
        at = open_case_page("pages/request.py", DOORBELL)
        submit(at, "Save")
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from foi_core.checker import check
from foi_core.models import (
    Balance,
    Case,
    Conclusion,
    ExemptionClaim,
    Factor,
    HarmAssessment,
    OrganisationProfile,
    Outcome,
    PublicInterestTest,
    Requester,
    Side,
    Weight,
)
from foi_core.settings import get_settings
from foi_core.storage import Store
from foi_core.workflow import new_case, set_items

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 30  # seconds; the first run imports pandas, SQLAlchemy and the catalogue

DOORBELL = "example-doorbell-ncnd"
REQUESTER = "Zebedee Requester"
RECEIVED = dt.date(2026, 3, 2)


def draft_examples(folder: Path) -> Path:
    """The example cases as drafts, in ``folder``: the tests edit them, and an issued case is
    read-only (tests/app/test_approval.py covers issued cases)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted((APP.parent / "examples").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        document["status"] = "draft"
        (folder / path.name).write_text(json.dumps(document), encoding="utf-8")
    return folder


@pytest.fixture
def app_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A Store on a fresh SQLite file holding the demo cases; the app uses the same file."""
    url = f"sqlite:///{tmp_path / 'foi.db'}"
    monkeypatch.setenv("FOI_DATABASE_URL", url)
    get_settings.cache_clear()
    store = Store(url)
    store.load_demo_cases(draft_examples(tmp_path / "examples"))
    yield store
    store.close()
    get_settings.cache_clear()


@pytest.fixture
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A Store on a fresh SQLite file with no cases, and demo loading switched off."""
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    monkeypatch.setenv("FOI_DATABASE_URL", url)
    monkeypatch.setenv("FOI_LOAD_DEMO_CASES", "false")
    get_settings.cache_clear()
    store = Store(url)
    yield store
    store.close()
    get_settings.cache_clear()


def new_app(case_id: str | None = None) -> AppTest:
    """An AppTest of the whole app (from app.py), with ?case=<id> in the URL if given."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if case_id is not None:
        at.query_params["case"] = case_id
    return at


def open_case_page(page: str, case_id: str | None = None) -> AppTest:
    """An AppTest of the whole app that has run ``page`` (for the case ``case_id``, if given)."""
    at = ok(new_app(case_id).run())
    return ok(at.switch_page(page).run())


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    """open_page("pages/items.py", case_id=...): ``open_case_page`` as a fixture."""
    return open_case_page


def ok(at: AppTest) -> AppTest:
    """The AppTest, after checking that the page did not fail."""
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str, index: int = 0):
    """The index-th button (form submit buttons included) with this label."""
    matches = [element for element in at.button if element.label == label]
    if len(matches) <= index:
        raise LookupError(f"no button {label!r} #{index}; buttons: {[b.label for b in at.button]}")
    return matches[index]


def submit(at: AppTest, label: str) -> AppTest:
    """Click the button with this label, rerun, and check the page did not fail."""
    return ok(button(at, label).click().run())


def key(name: str) -> str:
    """The widget key of a form field (ui.state.field_key's prefix)."""
    return "f." + name


def stored(store: Store, case_id: str) -> Case:
    """The case as it is stored now."""
    return store.load(case_id).case


def by_key(elements, key: str):
    """The element with this key from an AppTest element list (e.g. ``at.text_input``). A form
    field's key ``f.<name>`` also finds it after the page gave its fields fresh keys
    (``f.r<round>.<name>``, ui.state.fresh_fields)."""
    for element in elements:
        if element.key == key:
            return element
    if key.startswith("f."):
        pattern = re.compile(r"^f\.r\d+\." + re.escape(key[2:]) + "$")
        for element in elements:
            if element.key and pattern.match(element.key):
                return element
    raise LookupError(f"no element with key {key!r}; keys are {[e.key for e in elements]}")


def add_field(elements, name: str):
    """A field of the Exemptions page's new-provision form (``items``, ``mode``): its key
    carries the round of claims and the use typed, so a fresh default shows each round."""
    pattern = re.compile(r"^f\.(r\d+\.)?add\." + re.escape(name) + r"(\..*)?$")
    (element,) = [e for e in elements if e.key and pattern.match(e.key)]
    return element


def texts(at: AppTest) -> str:
    """Everything the page shows as text (markdown, captions, alerts, plain text), joined."""
    parts = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "text", "code"):
        parts.extend(str(element.value) for element in getattr(at, kind))
    return "\n".join(parts)


# --- Cases made for a test ----------------------------------------------------------------------


def add_blank_case(store: Store, ref: str = "TEST/1") -> Case:
    """A new case received on RECEIVED, with a requester and no items."""
    case = new_case(ref, RECEIVED, "Camera questions")
    case.requester = Requester(name=REQUESTER, contact="zeb@example.org")
    store.add(case, actor="test")
    return case


def open_blank_request(store: Store) -> tuple[Case, AppTest]:
    """A new blank case (see ``add_blank_case``) and the Request page opened on it."""
    case = add_blank_case(store)
    return case, open_case_page("pages/request.py", case.id)


def add_case_with_items(store: Store, outcomes: list[Outcome | None]) -> Case:
    """A blank case with three questions about drones, with these outcomes."""
    case = add_blank_case(store)
    case = set_items(case, [f"Question {n} about surveillance drones?" for n in range(1, 4)])
    for item, outcome in zip(case.request.items, outcomes, strict=False):
        item.outcome = outcome
    store.save(case, expected_version=1, actor="test")
    return case


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


def issuable_case(store: Store) -> Case:
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
            claim["records"] = {"data_subjects": "The officers named; their names identify them."}
    data["recheck_steps"] = []  # every step completed
    store.save(Case.model_validate(data), expected_version=1, actor="test")
    errors = [
        f for f in check(stored(store, case.id), OrganisationProfile()) if f.severity == "error"
    ]
    if errors:
        pytest.fail(f"test case should be issuable: {[f.rule_id for f in errors]}")
    return case
