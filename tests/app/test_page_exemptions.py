"""AppTest of the Exemptions page."""

from __future__ import annotations

import re

from foi_core.models import ClaimMode, ExemptionClaim, Outcome
from tests.app.conftest import (
    DOORBELL,
    add_case_with_items,
    add_field,
    button,
    by_key,
    submit,
    texts,
)


def test_exemption_suggestions_say_why_and_can_be_dismissed(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.NCND] * 3)
    at = open_page("pages/exemptions.py", case_id=case.id)
    assert not at.exception
    assert "mentions surveillance" in texts(at)
    by_key(at.button, "suggest.dismiss.s31(1)(a)").click().run()
    assert not at.exception
    assert app_store.load(case.id).case.dismissed_suggestions == ["s31(1)(a)"]
    assert "suggest.dismiss.s31(1)(a)" not in [b.key for b in at.button]


def test_add_an_ncnd_provision_from_a_search(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.NCND] * 3)
    at = open_page("pages/exemptions.py", case_id=case.id)
    by_key(at.text_input, "exemptions.search").input("31").run()
    provision = by_key(at.selectbox, "f.add.citation")
    assert provision.options[0].startswith("s31(1)(a)")
    provision.select("s31(1)(a)")
    assert add_field(at.radio, "mode").value is ClaimMode.NCND  # every item is NCND
    submit(at, "Add this provision")
    claims = app_store.load(case.id).case.claims
    assert [(c.citation, c.items, c.mode) for c in claims] == [
        ("s31(1)(a)", [1, 2, 3], ClaimMode.NCND)
    ]
    shown = texts(at)
    assert "Qualified" in shown and "s31(3)" in shown


def test_ncnd_under_a_provision_without_one_is_refused(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.VEXATIOUS] * 3)
    at = open_page("pages/exemptions.py", case_id=case.id)
    by_key(at.text_input, "exemptions.search").input("s14(1)").run()
    add_field(at.radio, "mode").set_value(ClaimMode.NCND)
    submit(at, "Add this provision")
    assert any("no provision to neither confirm nor deny" in str(e.value) for e in at.error)
    assert app_store.load(case.id).case.claims == []


def test_edit_and_remove_a_claim(app_store, open_page):
    at = open_page("pages/exemptions.py", case_id=DOORBELL)
    claim = app_store.load(DOORBELL).case.claims[0]
    items = by_key(at.multiselect, f"f.{claim.id}.items")
    items.set_value([])
    button(at, "Save").click().run()
    assert any("at least one item" in str(e.value) for e in at.error)
    assert app_store.load(DOORBELL).case.claims[0].items == claim.items
    button(at, "Remove this provision").click().run()
    assert not at.exception
    assert claim.id not in [c.id for c in app_store.load(DOORBELL).case.claims]


def test_claim_keeps_items_with_other_outcomes(app_store, open_page):
    case = add_case_with_items(
        app_store, [Outcome.EXEMPT, Outcome.ACCESSIBLE_ELSEWHERE, Outcome.EXEMPT]
    )
    stored = app_store.load(case.id)
    stored.case.claims = [ExemptionClaim(citation="s21", items=[2])]
    app_store.save(stored.case, expected_version=stored.version, actor="test")
    claim_id = stored.case.claims[0].id
    at = open_page("pages/exemptions.py", case_id=case.id)
    assert by_key(at.multiselect, f"f.{claim_id}.items").value == [2]
    button(at, "Save").click().run()
    assert not at.exception
    assert app_store.load(case.id).case.claims[0].items == [2]


def test_typed_ncnd_provision_is_chosen_and_added_as_ncnd(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.EXEMPT, Outcome.EXEMPT, Outcome.NCND])
    stored = app_store.load(case.id)
    stored.case.claims = [ExemptionClaim(citation="s31(1)(a)", items=[1, 2])]
    app_store.save(stored.case, expected_version=stored.version, actor="test")
    at = open_page("pages/exemptions.py", case_id=case.id)
    assert by_key(at.selectbox, "f.add.citation").value is None  # nothing chosen for the officer
    assert _add_items_box(at).value == [3]  # only the item not yet covered
    by_key(at.text_input, "exemptions.search").input("31(3)").run()
    assert by_key(at.selectbox, "f.add.citation").value == "s31(3)"
    submit(at, "Add this provision")
    claims = app_store.load(case.id).case.claims
    assert [(c.citation, c.items, c.mode) for c in claims] == [
        ("s31(1)(a)", [1, 2], ClaimMode.WITHHOLD),
        ("s31(3)", [3], ClaimMode.NCND),
    ]


def test_one_provision_withholds_one_item_and_ncnds_another(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.EXEMPT, Outcome.NCND, Outcome.DISCLOSED])
    stored = app_store.load(case.id)
    stored.case.claims = [ExemptionClaim(citation="s31(1)(a)", items=[1])]
    app_store.save(stored.case, expected_version=stored.version, actor="test")
    at = open_page("pages/exemptions.py", case_id=case.id)
    by_key(at.text_input, "exemptions.search").input("s31(1)(a)").run()
    add_field(at.radio, "mode").set_value(ClaimMode.NCND)
    submit(at, "Add this provision")
    assert "already listed" not in texts(at)
    claims = app_store.load(case.id).case.claims
    assert [(c.citation, c.mode) for c in claims] == [
        ("s31(1)(a)", ClaimMode.WITHHOLD),
        ("s31(1)(a)", ClaimMode.NCND),
    ]


def test_limbs_typed_together_and_cited_later(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.EXEMPT] * 3)
    at = open_page("pages/exemptions.py", case_id=case.id)
    by_key(at.text_input, "exemptions.search").input("s31(1)(a), (b)").run()
    submit(at, "Add this provision")
    (claim,) = app_store.load(case.id).case.claims
    assert claim.citations == ["s31(1)(a)", "s31(1)(b)"]
    by_key(at.text_input, f"f.{claim.id}.limbs").input("s40(2)")
    submit(at, "Cite with it")  # another section: refused at the box, the text kept
    assert by_key(at.text_input, f"f.{claim.id}.limbs").value == "s40(2)"
    by_key(at.text_input, f"f.{claim.id}.limbs").input("(c)")
    submit(at, "Cite with it")
    assert app_store.load(case.id).case.claims[0].citations[-1] == "s31(1)(c)"
    assert by_key(at.text_input, f"f.{claim.id}.limbs").value == ""  # cited: the box is empty
    submit(at, "Remove s31(1)(b)")
    assert app_store.load(case.id).case.claims[0].citations == ["s31(1)(a)", "s31(1)(c)"]
    (preview,) = [e for e in at.expander if e.label.endswith("In the letter for this provision")]
    assert "31\\(1\\)\\(a\\) and \\(c\\)" in str(preview.markdown[0].value)  # cited once


def test_a_citation_that_cannot_be_read_is_explained_and_kept_literally(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.EXEMPT] * 3)
    at = open_page("pages/exemptions.py", case_id=case.id)
    hostile = "s31(1)(a) and s40(2) **<b>x</b>**"
    by_key(at.text_input, "exemptions.search").input(hostile).run()
    assert by_key(at.text_input, "exemptions.search").value == hostile
    messages = [str(e.value) for e in at.error]
    assert messages and "**<b>" not in messages[0] and "is not a citation" in messages[0]
    at.text_input(key="exemptions.search").input("s31(1)(a) and s40(2)").run()
    assert any("different sections" in str(e.value) for e in at.error)
    assert app_store.load(case.id).case.claims == []


def _add_items_box(at):
    """The new provision's items box (its key changes with the claims)."""
    (box,) = [m for m in at.multiselect if re.match(r"f\.(r\d+\.)?add\.items", m.key)]
    return box


def test_nothing_is_chosen_and_the_items_box_follows_the_claims(app_store, open_page):
    case = add_case_with_items(app_store, [Outcome.EXEMPT, Outcome.EXEMPT, Outcome.NCND])
    at = open_page("pages/exemptions.py", case_id=case.id)
    provision = by_key(at.selectbox, "f.add.citation")
    assert provision.value is None
    assert provision.placeholder == (
        "Choose or type a section, e.g. 31(1)(a), s24(2), neither confirm"
    )
    assert any(o.startswith("s24(2) neither confirm nor deny") for o in provision.options)
    # The withheld items only: one provision is used one way (item 3 is NCND).
    assert _add_items_box(at).value == [1, 2]
    first_key = _add_items_box(at).key
    provision.set_value("s31(1)(a)")
    submit(at, "Add this provision")
    assert [c.items for c in app_store.load(case.id).case.claims] == [[1, 2]]
    # Only the item still uncovered is offered for the next provision, not the stale [1, 2].
    assert _add_items_box(at).value == [3]
    # A new key: a browser would otherwise keep showing, and send back, the old choice.
    assert _add_items_box(at).key != first_key
    button(at, "Remove this provision").click().run()
    assert _add_items_box(at).value == [1, 2]


def test_provisions_found_by_any_citation_the_act_uses():
    from foi_core.knowledge import load_catalogue
    from ui.claims import offered

    cat = load_catalogue()
    expected = {
        "31(1)(a)": "s31(1)(a)",
        "s.31(1)(a)": "s31(1)(a)",
        "section 31(1)(a)": "s31(1)(a)",
        "24(2)": "s24(2)",
        "s23(5)": "s23(5)",
        "40(2)": "s40(2)",
    }
    for typed, citation in expected.items():
        citations, chosen, problem = offered(typed, cat)
        assert (citations[chosen], problem) == (citation, ""), typed
    found, chosen, _ = offered("neither confirm", cat)
    assert chosen is None and {"s24(2)", "s31(3)", "s23(5)"} <= set(found)
