"""A late response is still issued: the checker warns, and the letter apologises for the delay."""

import datetime as dt
from pathlib import Path

from foi_core.checker import check, has_errors
from foi_core.letters import document_text, render_letter
from foi_core.models import Case
from tests.case_factory import good_profile

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "999-calls-partial.json"


def _case(response_date: dt.date) -> Case:
    case = Case.from_json(EXAMPLE.read_text(encoding="utf-8"))
    return case.model_copy(update={"response_date": response_date})


def test_a_late_response_is_a_warning_and_the_letter_apologises() -> None:
    # Received 14 July 2020: due 12 August 2020 (Scotland's 3 August bank holiday is skipped).
    late = _case(dt.date(2020, 8, 20))
    findings = check(late, good_profile())
    late_findings = [f for f in findings if f.rule_id == "response-after-deadline"]
    assert [f.severity for f in late_findings] == ["warning"]
    assert not has_errors(findings)
    text = document_text(render_letter(late, good_profile()).data)
    assert "We are sorry that this response is later than the Act allows" in text
    assert "12 August 2020" in text


def test_a_response_in_time_has_no_apology() -> None:
    on_time = _case(dt.date(2020, 7, 30))
    assert "response-after-deadline" not in {f.rule_id for f in check(on_time, good_profile())}
    text = document_text(render_letter(on_time, good_profile()).data)
    assert "We are sorry" not in text
