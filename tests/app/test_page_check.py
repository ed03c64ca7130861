"""AppTest of the Check page."""

from __future__ import annotations

import datetime as dt

from foi_core.checker import check
from foi_core.models import OrganisationProfile
from tests.app.conftest import DOORBELL, open_case_page, reasoning_case, texts


def test_check_page_lists_errors_first_with_links_to_the_fixing_page(app_store):
    case = reasoning_case(app_store)  # no balance: an error on the Balance step
    findings = check(case, OrganisationProfile())
    assert any(f.severity == "error" and f.step == "balance" for f in findings)
    at = open_case_page("pages/check.py", case.id)
    errors = [f for f in findings if f.severity == "error"]
    assert len(at.error) == len(errors)
    shown = texts(at)
    assert f"{len(errors)} error(s)" in shown
    plain = shown.replace("\\", "")  # the page escapes punctuation for Markdown
    for finding in errors:
        assert finding.fix in plain
    # Every finding is shown with its fix, errors before warnings.
    fixes = [
        m.value.replace("\\", "").removeprefix("**How to fix it:** ")
        for m in at.markdown
        if m.value.startswith("**How to fix it:**")
    ]
    warnings = [f for f in findings if f.severity == "warning"]
    assert fixes == [f.fix for f in errors] + [f.fix for f in warnings]
    links = [link.proto for link in at.get("page_link") if "Fix this on" in link.proto.label]
    assert any(
        link.label == "Fix this on the Balance page" and link.query_string == f"case={case.id}"
        for link in links
    )
    assert "Deadlines" in shown
    assert "Zebedee" not in shown


def test_check_page_says_when_there_are_no_problems(app_store):
    from foi_core.models import pinned_today

    with pinned_today(dt.date(2025, 8, 6)):  # the demo's response date, so no date warning
        at = open_case_page("pages/check.py", DOORBELL)
    assert any("No problems found" in s.value for s in at.success)
    assert "Due (20 working days)" in texts(at)
