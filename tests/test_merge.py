"""The three-way merge of a case (foi_core.merge): worked examples and properties (hypothesis)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_core.changes import MISSING, field_changes, field_label, value_at
from foi_core.history import RestoreRefused, compare_revisions, restore, save_merging
from foi_core.merge import MergeConflicts, merge_cases, merge_documents, resolve
from foi_core.models import (
    AggregateBalance,
    Case,
    Conclusion,
    ExemptionClaim,
    Factor,
    IssuedLetter,
    Outcome,
    PublicInterestTest,
    RequestItem,
    Side,
    Weight,
)
from foi_core.storage import CaseNotFound, StaleCase, Store
from foi_core.workflow import mark_recheck, remove_claim, set_items
from tests.case_factory import correct_case


def edit(case: Case, change: Callable[[Case], object]) -> Case:
    """A copy of the case changed by ``change`` (which mutates it), validated again."""
    copy = case.model_copy(deep=True)
    change(copy)
    return Case.model_validate(copy.model_dump())


def set_title(text: str) -> Callable[[Case], object]:
    return lambda c: setattr(c, "title", text)


def set_their_ref(text: str) -> Callable[[Case], object]:
    return lambda c: setattr(c.request, "their_ref", text)


BASE = correct_case()


# --- Worked examples -----------------------------------------------------------------------------


def test_changes_to_different_fields_are_both_kept() -> None:
    theirs = edit(BASE, set_their_ref("THEIRS/1"))
    mine = edit(BASE, set_title("My title"))
    result = merge_cases(BASE, theirs, mine)
    assert result.conflicts == ()
    assert result.case is not None
    assert (result.case.title, result.case.request.their_ref) == ("My title", "THEIRS/1")
    assert result.their_labels == ["Request – requester's reference"]
    assert result.my_labels == ["Title"]


def test_the_same_field_changed_differently_is_a_conflict_with_both_values() -> None:
    theirs = edit(BASE, lambda c: setattr(c.request.items[1], "outcome", Outcome.NOT_HELD))
    mine = edit(BASE, lambda c: setattr(c.request.items[1], "outcome", Outcome.DISCLOSED))
    result = merge_cases(BASE, theirs, mine)
    assert result.case is None
    (conflict,) = result.conflicts
    assert conflict.path == "request.items[2].outcome"
    assert conflict.label == "Item 2 – outcome"
    assert (conflict.theirs, conflict.mine) == ("not_held", "disclosed")
    assert (conflict.theirs_text, conflict.mine_text) == ("Not held", "Disclosed in full")
    assert resolve(result, {conflict.path: "theirs"}).request.items[1].outcome is Outcome.NOT_HELD
    assert resolve(result, {conflict.path: "mine"}).request.items[1].outcome is Outcome.DISCLOSED


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    both = edit(BASE, set_title("Same"))
    result = merge_cases(BASE, both, both)
    assert result.conflicts == ()
    assert result.case == both


def test_resolve_asks_again_without_a_choice_for_every_conflict() -> None:
    theirs = edit(BASE, set_title("Theirs"))
    mine = edit(BASE, set_title("Mine"))
    result = merge_cases(BASE, theirs, mine)
    with pytest.raises(MergeConflicts, match="Title") as raised:
        resolve(result, {})
    assert [c.path for c in raised.value.result.conflicts] == ["title"]
    with pytest.raises(ValueError, match="'mine' or 'theirs'"):
        resolve(result, {"title": "both"})  # type: ignore[dict-item]


def test_claims_are_matched_by_id_added_removed_and_edited_on_both_sides() -> None:
    new_claim = ExemptionClaim(id="new-s38", citation="s38(1)(a)", items=[1])
    theirs = edit(
        BASE,
        lambda c: (
            c.claims.append(new_claim),
            setattr(c.claim("anpr-s31"), "notes", "their note"),
        ),
    )
    mine = edit(
        remove_claim(BASE, "scooters-s12"),
        lambda c: setattr(c.claim("anpr-s31").harm, "evidence", "my evidence"),
    )
    result = merge_cases(BASE, theirs, mine)
    assert result.conflicts == ()
    case = result.case
    assert case is not None
    ids = [claim.id for claim in case.claims]
    assert "new-s38" in ids and "scooters-s12" not in ids
    merged = case.claim("anpr-s31")
    assert (merged.notes, merged.harm.evidence) == ("their note", "my evidence")


def test_an_element_removed_by_one_side_and_edited_by_the_other_is_a_conflict() -> None:
    theirs = remove_claim(BASE, "scooters-s12")
    mine = edit(BASE, lambda c: setattr(c.claim("scooters-s12"), "notes", "still needed"))
    result = merge_cases(BASE, theirs, mine)
    (conflict,) = [c for c in result.conflicts if c.path.startswith("claims")]
    assert conflict.path == "claims[scooters-s12]"
    assert conflict.label == "Exemption s12(1)"
    assert conflict.theirs_text == "(removed)"
    assert "still needed" in conflict.mine_text
    choices = {c.path: "theirs" for c in result.conflicts}
    assert "scooters-s12" not in [c.id for c in resolve(result, choices).claims]


def test_factors_are_merged_by_id_inside_a_claim() -> None:
    def add(text: str) -> Callable[[Case], object]:
        return lambda c: c.claim("anpr-s31").pit.factors.append(
            Factor(id=f"f-{text}", side=Side.FOR, text=text)
        )

    result = merge_cases(BASE, edit(BASE, add("theirs")), edit(BASE, add("mine")))
    assert result.case is not None
    texts = [f.text for f in result.case.claim("anpr-s31").pit.factors]
    assert texts[-2:] == ["theirs", "mine"]

    first = BASE.claim("anpr-s31").pit.factors[0].id
    weight = edit(BASE, lambda c: setattr(c.claim("anpr-s31").pit.factors[0], "weight", "high"))
    gone = edit(BASE, lambda c: c.claim("anpr-s31").pit.factors.pop(0))
    conflict = merge_cases(BASE, weight, gone).conflicts[0]
    assert conflict.path == f"claims[anpr-s31].pit.factors[{first}]"
    assert conflict.label == "Exemption s31(1)(a) – factor 1 (for)"


def test_items_are_matched_by_number() -> None:
    theirs = edit(BASE, lambda c: setattr(c.request.items[0], "answer", "413 officers."))
    mine = edit(
        BASE, lambda c: c.request.items.append(RequestItem(number=10, text="A tenth question"))
    )
    result = merge_cases(BASE, theirs, mine)
    assert result.case is not None
    assert result.case.request.items[0].answer == "413 officers."
    assert [i.number for i in result.case.request.items] == list(range(1, 11))


def test_recheck_marks_are_merged_as_sets() -> None:
    base = mark_recheck(BASE, "harm")
    theirs = mark_recheck(base, "letter")
    mine = edit(mark_recheck(base, "balance"), lambda c: c.recheck_steps.remove("harm"))
    result = merge_cases(base, theirs, mine)
    assert result.case is not None
    assert sorted(result.case.recheck_steps) == ["balance", "letter"]
    assert result.their_labels == []  # bookkeeping is not reported as someone's change


def test_item_lists_on_a_claim_are_one_field() -> None:
    theirs = edit(BASE, lambda c: setattr(c.claim("crime-s21"), "items", [4, 1]))
    mine = edit(BASE, lambda c: setattr(c.claim("crime-s21"), "items", [4, 8]))
    (conflict,) = merge_cases(BASE, theirs, mine).conflicts
    assert conflict.path == "claims[crime-s21].items"
    assert (conflict.theirs_text, conflict.mine_text) == ("1, 4", "4, 8")


def test_changes_that_cannot_stand_together_are_asked_about_in_plain_words() -> None:
    mine = set_items(BASE, [item.text for item in BASE.request.items][:-1])  # item 9 removed
    theirs = edit(BASE, lambda c: setattr(c.claim("crime-s21"), "items", [4, 9]))
    result = merge_cases(BASE, theirs, mine)
    (conflict,) = result.conflicts
    assert conflict.kind == "combination"
    assert conflict.label == "Item 9 (your change) and Exemption s21 – items (their change)"
    assert "names item(s) [9], which the request does not have" in conflict.message
    assert conflict.mine_text == "Item 9: (removed)"
    assert conflict.theirs_text == "Exemption s21 – items: 4, 9"
    kept_theirs = resolve(result, {conflict.path: "theirs"})
    assert (len(kept_theirs.request.items), kept_theirs.claim("crime-s21").items) == (9, [4, 9])
    kept_mine = resolve(result, {conflict.path: "mine"})
    assert (len(kept_mine.request.items), kept_mine.claim("crime-s21").items) == (8, [4])


def test_the_whole_case_is_asked_about_when_no_pair_of_changes_can_be_undone() -> None:
    mine = set_items(BASE, [item.text for item in BASE.request.items][:-2])  # items 8, 9 gone
    theirs = edit(BASE, lambda c: setattr(c.claim("crime-s21"), "items", [4, 8, 9]))
    result = merge_cases(BASE, theirs, mine)
    (conflict,) = result.conflicts
    assert (conflict.kind, conflict.label) == ("case", "The whole case")
    assert resolve(result, {"": "theirs"}) == theirs
    assert resolve(result, {"": "mine"}) == mine


def test_a_combined_balance_naming_a_removed_claim_is_asked_about() -> None:
    balance = AggregateBalance(
        id="agg", claim_ids=["anpr-s31", "anpr-s24"], items=[2], conclusion=Conclusion.MAINTAIN
    )
    base = edit(BASE, lambda c: c.aggregate_balances.append(balance))
    theirs = edit(base, lambda c: setattr(c.aggregate_balances[-1], "reasoning", "Together."))
    mine = remove_claim(base, "anpr-s24")  # and the combined balances that named it
    result = merge_cases(base, theirs, mine)
    assert [c.path for c in result.conflicts] == ["aggregate_balances[agg]"]
    assert result.conflicts[0].label == "Combined balance"


def test_without_a_base_every_difference_is_asked_about() -> None:
    theirs = edit(BASE, set_their_ref("T"))
    mine = edit(BASE, set_title("M"))
    result = merge_documents(None, theirs.model_dump(mode="json"), mine.model_dump(mode="json"))
    assert sorted(c.path for c in result.conflicts) == ["request.their_ref", "title"]


def test_labels_and_full_diffs() -> None:
    document = BASE.model_dump(mode="json")
    factor_id = BASE.claim("anpr-s31").pit.factors[1].id
    assert field_label("request.items[2].outcome", document) == "Item 2 – outcome"
    assert field_label("claims[anpr-s31].harm.interest", document) == (
        "Exemption s31(1)(a) – harm – interest"
    )
    assert field_label(f"claims[anpr-s31].pit.factors[{factor_id}].weight", document) == (
        "Exemption s31(1)(a) – factor 2 (against) – weight"
    )
    assert field_label("requester.name", document) == "Requester – name"
    assert value_at(document, "claims[crime-s21].items") == [4]
    assert value_at(document, "claims[nothing].items") is MISSING
    after = edit(BASE, lambda c: setattr(c.requester, "address", "1 Long Road, " * 20))
    (change,) = field_changes(document, after.model_dump(mode="json"))
    assert change.after == "1 Long Road, " * 20  # the case's own history: shown whole


# --- Properties ----------------------------------------------------------------------------------

TEXT = st.text(alphabet="ab ", min_size=1, max_size=3).filter(str.strip)
ITEMS = range(1, len(BASE.request.items) + 1)
CLAIM_IDS = [claim.id for claim in BASE.claims]


def _operation(draw: st.DrawFn) -> Callable[[Case], Case]:
    kind = draw(st.integers(0, 9))
    text = draw(TEXT)
    number = draw(st.sampled_from(ITEMS))
    claim_id = draw(st.sampled_from(CLAIM_IDS))

    def apply(case: Case) -> Case:
        numbers = [i.number for i in case.request.items]
        claim = next((c for c in case.claims if c.id == claim_id), None)
        if kind == 0:
            return edit(case, set_title(text))
        if kind == 1:
            return edit(case, set_their_ref(text))
        if kind == 2 and number in numbers:
            outcome = list(Outcome)[len(text) % len(Outcome)]
            return edit(case, lambda c: setattr(c.request.item(number), "outcome", outcome))
        if kind == 3 and number in numbers:
            return edit(case, lambda c: setattr(c.request.item(number), "answer", text))
        if kind == 4:
            return set_items(case, [*(i.text for i in case.request.items), text])
        if kind == 5 and len(numbers) > 1:
            return set_items(case, [i.text for i in case.request.items if i.number != number])
        if kind == 6 and claim is not None:
            return remove_claim(case, claim_id)
        if kind == 7 and claim is not None:
            return edit(case, lambda c: setattr(c.claim(claim_id), "notes", text))
        if kind == 8 and claim is not None and number in numbers:
            return edit(case, lambda c: setattr(c.claim(claim_id), "items", [number]))
        if kind == 9 and claim is not None:

            def add_factor(c: Case) -> None:
                target = c.claim(claim_id)
                target.pit = target.pit or PublicInterestTest()
                target.pit.factors.append(
                    Factor(id=f"f{text}{len(target.pit.factors)}", side=Side.FOR, text=text)
                )
                target.pit.factors[0].weight = Weight.HIGH

            return edit(case, add_factor)
        return case

    return apply


OPERATION = st.composite(_operation)()


@st.composite
def edited(draw: st.DrawFn, base: Case = BASE) -> Case:
    case = base
    for operation in draw(st.lists(OPERATION, max_size=4)):
        case = operation(case)
    return case


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(edited())
def test_when_they_changed_nothing_my_version_is_the_result(mine: Case) -> None:
    result = merge_cases(BASE, BASE, mine)
    assert (result.conflicts, result.case) == ((), mine)


@PROPERTY
@given(edited())
def test_when_i_changed_nothing_their_version_is_the_result(theirs: Case) -> None:
    result = merge_cases(BASE, theirs, BASE)
    assert (result.conflicts, result.case) == ((), theirs)


@PROPERTY
@given(theirs_title=TEXT, their_answer=TEXT, my_ref=TEXT, my_notes=TEXT)
def test_edits_to_disjoint_fields_both_survive(
    theirs_title: str, their_answer: str, my_ref: str, my_notes: str
) -> None:
    theirs = edit(
        BASE,
        lambda c: (
            setattr(c, "title", theirs_title),
            setattr(c.request.items[0], "answer", their_answer),
        ),
    )
    mine = edit(
        BASE,
        lambda c: (
            setattr(c.request, "their_ref", my_ref),
            setattr(c.claims[0], "notes", my_notes),
        ),
    )
    case = merge_cases(BASE, theirs, mine).case
    assert case is not None
    assert (case.title, case.request.items[0].answer) == (theirs_title, their_answer)
    assert (case.request.their_ref, case.claims[0].notes) == (my_ref, my_notes)


@PROPERTY
@given(edited(), edited())
def test_conflicts_are_symmetric(theirs: Case, mine: Case) -> None:
    one = merge_cases(BASE, theirs, mine)
    other = merge_cases(BASE, mine, theirs)
    assert bool(one.conflicts) == bool(other.conflicts)
    if any(c.kind == "case" for c in (*one.conflicts, *other.conflicts)):
        return  # the provisional choices (mine) differ, so one order may need the last resort
    fields = {c.path: (c.theirs, c.mine) for c in one.conflicts if c.kind == "field"}
    swapped = {c.path: (c.mine, c.theirs) for c in other.conflicts if c.kind == "field"}
    assert fields == swapped


@PROPERTY
@given(edited(), edited(), st.sampled_from(["mine", "theirs"]))
def test_the_result_is_always_a_valid_case_and_no_change_is_lost_silently(
    theirs: Case, mine: Case, side: str
) -> None:
    result = merge_cases(BASE, theirs, mine)
    for _ in range(5):  # each round of choices may turn up a pair that cannot stand together
        if not result.conflicts:
            break
        try:
            case = resolve(result, {c.path: side for c in result.conflicts})
        except MergeConflicts as again:
            result = again.result
        else:
            break
    else:
        pytest.fail("the choices never settled")
    if not result.conflicts:
        case = result.case
    assert isinstance(Case.model_validate(case.model_dump()), Case)
    clean = merge_cases(BASE, theirs, mine)
    if clean.conflicts:
        return
    merged = case.model_dump(mode="json")
    base = BASE.model_dump(mode="json")
    for one, other in (
        (theirs.model_dump(mode="json"), mine.model_dump(mode="json")),
        (mine.model_dump(mode="json"), theirs.model_dump(mode="json")),
    ):
        for change in field_changes(base, one):
            if change.path == "recheck_steps" or value_at(other, change.path) != value_at(
                base, change.path
            ):
                continue
            assert value_at(merged, change.path) == value_at(one, change.path), change


# --- Saving with a merge, comparing and restoring (foi_core.history, on each database) ----------


def test_a_refused_save_is_merged_and_the_colleagues_change_kept(store: Store) -> None:
    store.add(BASE, actor="a.officer")
    store.save(edit(BASE, set_their_ref("B-REF")), 1, actor="b.officer", summary="Their ref")
    mine = edit(BASE, set_title("A's title"))  # A's edit of version 1

    outcome = save_merging(store, mine, 1, actor="a.officer", summary="Title saved")

    assert outcome.version == 3 and outcome.merged and outcome.conflicts == ()
    case = store.load(BASE.id).case
    assert (case.title, case.request.their_ref) == ("A's title", "B-REF")
    assert outcome.message() == (
        "b.officer also changed this case (Request – requester's reference); their changes "
        "are kept and yours are added."
    )
    kinds = [(r.number, r.version, r.kind, r.saved_by) for r in store.revision_log(BASE.id)]
    assert kinds == [
        (1, 1, "saved", "a.officer"),
        (2, 2, "saved", "b.officer"),
        (3, 1, "conflict", "a.officer"),  # the refused plain save, kept as today
        (4, 3, "saved", "a.officer"),
    ]
    assert store.audit(BASE.id)[-1].summary == (
        "Title saved (merged with the changes saved by b.officer since version 1)"
    )


def test_conflicts_come_back_unsaved_and_the_choices_are_saved(store: Store) -> None:
    store.add(BASE, actor="a.officer")
    store.save(edit(BASE, set_title("Theirs")), 1, actor="b.officer")
    mine = edit(BASE, lambda c: (setattr(c, "title", "Mine"), setattr(c.request, "their_ref", "X")))

    asked = save_merging(store, mine, 1, actor="a.officer", summary="Details")
    assert asked.version is None and [c.label for c in asked.conflicts] == ["Title"]
    assert (asked.others, asked.current_version) == (("b.officer",), 2)
    assert store.load(BASE.id).case.title == "Theirs"  # nothing saved yet

    saved = save_merging(store, mine, 1, "a.officer", "Details", choices={"title": "theirs"})
    case = store.load(BASE.id).case
    assert saved.version == 3 and (case.title, case.request.their_ref) == ("Theirs", "X")
    assert store.audit(BASE.id)[-1].summary.endswith("; kept theirs for Title)")
    assert [r.kind for r in store.revision_log(BASE.id)].count("conflict") == 1


def test_a_merge_raced_by_another_save_merges_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(BASE, actor="a.officer")
    store.save(edit(BASE, set_their_ref("B")), 1, actor="b.officer")
    real_load, raced = store.load, []

    def load_then_race(case_id: str):
        loaded = real_load(case_id)
        if not raced:  # c.officer saves between the merge's read and its save
            raced.append(store.save(edit(loaded.case, set_their_ref("C")), loaded.version, "c"))
        return loaded

    monkeypatch.setattr(store, "load", load_then_race)
    outcome = save_merging(store, edit(BASE, set_title("A")), 1, actor="a.officer")
    monkeypatch.undo()
    case = store.load(BASE.id).case
    assert (case.title, case.request.their_ref) == ("A", "C")
    assert outcome.others == ("b.officer", "c")


def test_revisions_are_compared_and_restored_as_a_new_revision(store: Store) -> None:
    store.add(BASE, actor="a.officer")
    store.save(edit(BASE, set_their_ref("B-REF")), 1, actor="b.officer")
    changes = compare_revisions(store, BASE.id, 1, 2)
    assert [(c.label, c.before, c.after) for c in changes] == [
        ("Request – requester's reference", "(empty)", "B-REF")
    ]

    version = restore(store, BASE.id, 1, expected_version=2, actor="a.officer")
    assert version == 3 and store.load(BASE.id).case == BASE
    log = store.revision_log(BASE.id)
    assert [(r.number, r.version, r.summary) for r in log][-1] == (3, 3, "Restored revision 1")
    assert store.audit(BASE.id)[-1].summary == "Restored revision 1"
    assert store.revision(BASE.id, 1).document == store.revision(BASE.id, 3).document

    with pytest.raises(RestoreRefused, match="is the case as it is now"):
        restore(store, BASE.id, 3, expected_version=3)
    with pytest.raises(StaleCase):
        restore(store, BASE.id, 2, expected_version=2)
    with pytest.raises(CaseNotFound, match="no revision 9"):
        store.revision(BASE.id, 9)
    assert store.saved_revision(BASE.id, 2).number == 2
    assert store.saved_revision(BASE.id, 99) is None


def test_a_restore_keeps_the_letters_issued_since(store: Store) -> None:
    store.add(BASE, actor="a.officer")
    letter = IssuedLetter(
        issued_at=dt.datetime(2026, 3, 20, 10, 0, tzinfo=dt.UTC),
        issued_by="a.officer",
        template_name="response_letter.docx",
        template_sha256="a" * 64,
        document_sha256="b" * 64,
    )
    issued = BASE.model_copy(update={"title": "Issued", "issued_letters": [letter]})
    store.save(issued, 1, actor="a.officer")

    restore(store, BASE.id, 1, expected_version=2, actor="b.officer")

    case = store.load(BASE.id).case
    assert case.title == BASE.title
    assert case.issued_letters == [letter]
