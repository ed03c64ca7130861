"""Exemptions actions: citations typed as letters write them, one provision used two ways,
limbs cited together, and what a new provision starts with."""

from __future__ import annotations

import pytest

from foi_core.actions.claims import (
    ClaimChoice,
    add_claim,
    add_limbs,
    drop_limb,
    new_claim_defaults,
    read_provision,
    uncovered_items,
    update_claim,
)
from foi_core.models import ClaimMode, ExemptionClaim, Outcome, RequestItem
from tests.case_factory import minimal_case


def mixed_case():
    return minimal_case(
        RequestItem(number=1, text="A?", outcome=Outcome.DISCLOSED, answer="Yes."),
        RequestItem(number=2, text="B?", outcome=Outcome.EXEMPT),
        RequestItem(number=3, text="C?", outcome=Outcome.NCND),
        RequestItem(number=4, text="D?", outcome=Outcome.COST_LIMIT),
    )


def fields(result) -> list[str]:
    return [p.field for p in result.problems]


@pytest.mark.parametrize(
    ("typed", "citations", "ncnd"),
    [
        ("s31(1)(a), (b) and (c)", ("s31(1)(a)", "s31(1)(b)", "s31(1)(c)"), False),
        ("31(3)", ("s31(3)",), True),
        ("s24(2)", ("s24(2)",), True),
        ("s21(1)", ("s21(1)",), False),
        ("S.22 (1)", ("s22(1)",), False),
    ],
)
def test_citations_as_letters_write_them_are_read(typed, citations, ncnd):
    provision = read_provision(typed)
    assert (provision.citations, provision.ncnd, provision.problem) == (citations, ncnd, "")


@pytest.mark.parametrize("typed", ["s99", "31", "s31(1)(a) and s40(2)", "neither confirm", ""])
def test_what_is_not_a_provision_is_said_in_one_sentence(typed):
    provision = read_provision(typed)
    assert provision.citations == () and provision.problem.endswith(".")


def test_typing_an_ncnd_provision_makes_the_use_ncnd():
    result = add_claim(mixed_case(), "31(3)", ClaimChoice(items=[3]))
    (claim,) = result.case.claims
    assert (claim.citation, claim.mode, claim.items) == ("s31(3)", ClaimMode.NCND, [3])
    assert result.summary == "Added s31(3)"


def test_limbs_cited_together_make_one_claim():
    result = add_claim(mixed_case(), "s31(1)(a), (b) and (c)", ClaimChoice(items=[2]))
    (claim,) = result.case.claims
    assert claim.citations == ["s31(1)(a)", "s31(1)(b)", "s31(1)(c)"]


def test_a_citation_that_cannot_be_read_is_refused_at_its_field():
    result = add_claim(mixed_case(), "s31(1)(a) and s40(2)", ClaimChoice(items=[2]))
    assert fields(result) == ["citation"]
    assert "different sections" in result.problems[0].message


def test_one_provision_used_two_ways():
    case = add_claim(mixed_case(), "s31(1)(a)", ClaimChoice(items=[2])).case
    both = add_claim(case, "s31(1)(a)", ClaimChoice(items=[3], mode=ClaimMode.NCND))
    assert both.ok
    assert [(c.citation, c.mode) for c in both.case.claims] == [
        ("s31(1)(a)", ClaimMode.WITHHOLD),
        ("s31(1)(a)", ClaimMode.NCND),
    ]
    typed = add_claim(case, "s31(3)", ClaimChoice(items=[3]))
    assert typed.ok
    same = add_claim(case, "s31(1)(a)", ClaimChoice(items=[3]))
    assert fields(same) == ["citation"]


def test_an_ncnd_provision_cannot_be_used_to_withhold():
    case = add_claim(mixed_case(), "s24(2)", ClaimChoice(items=[3])).case
    claim = case.claims[0]
    result = update_claim(case, claim.id, ClaimChoice(items=[3], mode=ClaimMode.WITHHOLD))
    assert fields(result) == ["mode"]
    assert "s24(2) is the provision to neither confirm nor deny" in result.problems[0].message


def test_further_limbs_added_and_removed():
    case = mixed_case()
    case.claims = [ExemptionClaim(id="c", citation="s31(1)(a)", items=[2])]
    added = add_limbs(case, "c", "(b) and (c)")
    assert added.case.claim("c").citations == ["s31(1)(a)", "s31(1)(b)", "s31(1)(c)"]
    assert "harm" not in added.case.recheck_steps  # its harm was never finished
    again = add_limbs(added.case, "c", "s31(1)(b)")
    assert fields(again) == ["c.limbs"] and "already cited" in again.problems[0].message
    other = add_limbs(case, "c", "s40(2)")
    assert fields(other) == ["c.limbs"] and "different sections" in other.problems[0].message
    dropped = drop_limb(added.case, "c", "s31(1)(b)")
    assert dropped.case.claim("c").citations == ["s31(1)(a)", "s31(1)(c)"]


def test_a_limb_without_an_ncnd_provision_cannot_join_an_ncnd_use():
    case = mixed_case()
    case.claims = [ExemptionClaim(id="c", citation="s30(1)(a)", items=[3], mode=ClaimMode.NCND)]
    assert fields(add_claim(case, "s21", ClaimChoice([3], ClaimMode.NCND))) == ["mode"]


def test_a_new_provision_starts_with_the_withheld_and_ncnd_items_not_covered():
    case = mixed_case()
    assert uncovered_items(case) == [2, 3]  # not the disclosed item 1, not the s12 item 4
    case.claims = [ExemptionClaim(citation="s31(1)(a)", items=[2])]
    assert uncovered_items(case) == [3]


def test_a_new_provision_starts_with_the_items_its_use_can_cover():
    mixed = mixed_case()
    assert new_claim_defaults(mixed, "s31(1)(a) and (b)") == (ClaimMode.WITHHOLD, [2])
    assert new_claim_defaults(mixed, "s31(3)") == (ClaimMode.NCND, [3])
    # Nothing typed: withholding (not every item needing a provision is NCND), its items only.
    assert new_claim_defaults(mixed, "") == (ClaimMode.WITHHOLD, [2])
    # Once item 2 is covered, a limb typed is for the NCND item that is left.
    covered = mixed.model_copy(update={"claims": [ExemptionClaim(citation="s31(1)(a)", items=[2])]})
    assert new_claim_defaults(covered, "s31(1)(a)") == (ClaimMode.NCND, [3])
    assert uncovered_items(covered) == [3]
