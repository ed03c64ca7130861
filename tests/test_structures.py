"""Each structure a real letter needs is expressible: its case passes the check and renders,
and the letter says what it must (the numbering, the provisions, who holds what)."""

from __future__ import annotations

import pytest

from foi_core.checker import check
from foi_core.letters.render import letter_paragraphs, render_letter
from foi_core.models import Case
from foi_core.workflow import Status, step_statuses
from tests.case_factory import good_profile
from tests.structure_cases import STRUCTURES

# Words the letter must contain for each structure (from the case, not from our wording).
MUST_SAY: dict[str, list[str]] = {
    "limbs together": ["31(1)(a)", "(b) and (c)"],
    "one provision two ways": ["31(1)(a)", "31(3)"],
    "typed as letters cite": ["21", "24(2)"],
    "sub-items": ["3a", "3b"],
    "transfer": ["British Transport Police"],
    "discretionary disclosure": ["214 e-scooter thefts"],
    "future publication": ["in its annual report in July 2024"],
    "clarified": [],
}


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_structure_passes_the_check_and_every_step_is_finished(name: str) -> None:
    case = STRUCTURES[name]()
    findings = check(case, good_profile(), today=case.response_date)
    assert [f.message for f in findings if f.severity == "error"] == []
    unfinished = {Status.TO_DO, Status.BLOCKED, Status.RECHECK}
    assert not {s.status for s in step_statuses(case, findings)} & unfinished


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_structure_renders_and_says_what_it_must(name: str) -> None:
    case = STRUCTURES[name]()
    rendered = render_letter(case, good_profile(), draft=True)
    text = "\n".join(text for _style, text in letter_paragraphs(rendered.data))
    for words in MUST_SAY[name]:
        assert words in text, (name, words)


def test_a_claim_with_limbs_from_two_sections_is_refused_by_the_check() -> None:
    case = STRUCTURES["limbs together"]()
    case.claims[0].further_limbs = ["s38(1)(a)"]
    assert "limbs-from-different-sections" in {f.rule_id for f in check(case, good_profile())}


def test_a_transfer_before_the_request_arrived_is_refused_at_its_field() -> None:
    from pydantic import ValidationError

    data = STRUCTURES["transfer"]().model_dump()
    data["request"]["items"][1]["transferred_on"] = "2023-12-01"
    with pytest.raises(ValidationError) as raised:
        Case.model_validate(data)
    assert "transferred_on" in str(raised.value)
