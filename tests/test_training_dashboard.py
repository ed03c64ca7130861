"""The trainer's live view from hand-built attempts and submissions (training.dashboard)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from foi_core.models import Case, ClaimMode, ExemptionClaim, Outcome, Request, RequestItem
from foi_core.training import (
    ConsiderationStep,
    ExpectedClaim,
    ItemRubric,
    KeyConsideration,
    Level,
    Rubric,
    Scenario,
    WrongClaim,
)
from foi_core.training.dashboard import (
    common_mistakes,
    hit_rates,
    latest_submissions,
    progress,
    safe_cell,
    score_spread,
    section_of,
    session_csv,
    session_view,
)

T0 = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
KINDS = ["wrong_outcome", "missed_exemption", "wrong_mode", "missed_key_consideration", "ncnd_leak"]


@dataclass
class Attempt:
    id: str
    scenario: str
    trainee: str
    attempt: int = 1
    status: str = "draft"
    updated_at: dt.datetime = T0


@dataclass
class Submission:
    trainee: str
    attempt: int
    score: int
    mistakes: list[dict[str, Any]] = field(default_factory=list)
    scenario_id: str = "cameras"
    case_id: str = "case"
    session_id: str = "s1"
    minutes: int = 0

    @property
    def submitted_at(self) -> dt.datetime:
        return T0 + dt.timedelta(minutes=self.minutes or self.attempt * 10)


def scenario() -> Scenario:
    """Two items: 1 disclosed, 2 withheld under s31(1)(a) or (b); one key consideration."""
    model = Case(
        request=Request(
            our_ref="TR/1",
            received=dt.date(2026, 3, 2),
            items=[
                RequestItem(number=1, text="How many cameras?", outcome=Outcome.DISCLOSED),
                RequestItem(number=2, text="Where are they?", outcome=Outcome.EXEMPT),
            ],
        ),
        claims=[ExemptionClaim(id="c1", citation="s31(1)(a)", items=[2])],
    )
    return Scenario(
        id="cameras",
        title="Cameras",
        level=Level.FIRST_WEEK,
        sections=["s31"],
        summary="Camera locations.",
        learning_objectives=["Apply s31."],
        case_file=[{"title": "What is held", "text": "A list of camera sites."}],
        model_answer=model,
        rubric=Rubric(
            items=[
                ItemRubric(item=1, outcomes=[Outcome.DISCLOSED]),
                ItemRubric(
                    item=2,
                    outcomes=[Outcome.EXEMPT, Outcome.PARTLY_DISCLOSED],
                    needs=[
                        ExpectedClaim(
                            any_of=["s31(1)(a)", "s31(1)(b)"], mode=ClaimMode.WITHHOLD, why="Crime."
                        )
                    ],
                    wrong=[WrongClaim(citation="s38", why="Nobody's safety is at stake.")],
                ),
            ],
            key_considerations=[
                KeyConsideration(
                    id="mosaic",
                    title="Mosaic effect",
                    why="Sites pieced together.",
                    step=ConsiderationStep.HARM,
                    recognised_by=["mosaic"],
                )
            ],
        ),
    )


def test_progress_per_trainee_started_submitted_attempts_latest_and_best() -> None:
    attempts = [
        Attempt("a1", "cameras", "Ann", 1),
        Attempt("a2", "cameras", "Ann", 2, updated_at=T0 + dt.timedelta(hours=1)),
        Attempt("b1", "cameras", "Bob", 1),
    ]
    submissions = [Submission("Ann", 1, 80), Submission("Ann", 2, 60)]
    rows = {row.trainee: row for row in progress(attempts, submissions)}
    ann, bob = rows["Ann"], rows["Bob"]
    assert (ann.started, ann.submitted, ann.attempts) == (True, 2, 2)
    assert (ann.latest_score, ann.best_score) == (60, 80)
    assert ann.last_activity == T0 + dt.timedelta(hours=1)
    assert (bob.started, bob.submitted, bob.attempts, bob.latest_score) == (True, 0, 1, None)
    view = session_view(attempts, submissions, [scenario()])
    assert (view.started, view.submitted) == (2, 1)


def test_score_spread_uses_each_trainees_latest_score_in_bands() -> None:
    submissions = [
        Submission("Ann", 1, 10),
        Submission("Ann", 2, 95),
        Submission("Bob", 1, 40),
        Submission("Cat", 1, 59),
    ]
    spread = score_spread(submissions)
    assert (spread.count, spread.minimum, spread.median, spread.maximum) == (3, 40, 59, 95)
    assert dict(spread.bands) == {"0–19": 0, "20–39": 0, "40–59": 2, "60–79": 0, "80–100": 1}
    empty = score_spread([])
    assert (empty.count, empty.minimum, empty.median) == (0, None, None)


def test_common_mistakes_count_each_trainee_once_per_kind_from_the_latest_submission() -> None:
    twice = [{"kind": "missed_exemption", "item": 2}, {"kind": "missed_exemption", "item": 3}]
    submissions = [
        Submission("Ann", 1, 50, [{"kind": "wrong_outcome", "item": 1}]),  # fixed in attempt 2
        Submission("Ann", 2, 70, twice),
        Submission("Bob", 1, 60, [{"kind": "missed_exemption", "item": 2}]),
        Submission("Cat", 1, 100),
    ]
    counts = {count.kind: count for count in common_mistakes(submissions)}
    assert set(counts) == {"missed_exemption"}
    assert (counts["missed_exemption"].trainees, counts["missed_exemption"].of) == (2, 3)
    assert round(counts["missed_exemption"].share, 2) == 0.67


def test_hit_rates_per_item_outcome_exemption_and_key_consideration() -> None:
    submissions = [
        Submission("Ann", 1, 40, [{"kind": "wrong_outcome", "item": 2}]),
        Submission(
            "Bob",
            1,
            50,
            [
                {"kind": "missed_exemption", "item": 2, "citation": "s31(1)(a)"},
                {"kind": "missed_key_consideration", "message": "You did not weigh the mosaic."},
            ],
        ),
        Submission(
            "Cat", 1, 90, [{"kind": "wrong_likelihood", "item": 2, "citation": "s31(1)(b)"}]
        ),
        Submission("Dan", 1, 100),
        Submission("Eve", 1, 80, [{"kind": "missed_key_consideration", "consideration": "mosaic"}]),
    ]
    rates = {rate.point: rate for rate in hit_rates(scenario(), submissions)}
    assert list(rates) == [
        "Item 1: outcome",
        "Item 2: outcome",
        "Item 2: s31(1)(a) or s31(1)(b)",
        "Mosaic effect",
    ]
    assert (rates["Item 1: outcome"].hits, rates["Item 1: outcome"].trainees) == (5, 5)
    assert rates["Item 2: outcome"].hits == 4
    # Ann answered item 2 wrongly, Bob missed the exemption, Cat's likelihood was wrong.
    assert rates["Item 2: s31(1)(a) or s31(1)(b)"].hits == 2
    assert rates["Mosaic effect"].hits == 3
    assert rates["Mosaic effect"].rate == 0.6


def test_hit_rates_with_nobody_submitted_are_zero_of_zero() -> None:
    rates = hit_rates(scenario(), [])
    assert all(rate.trainees == 0 and rate.rate == 0.0 for rate in rates)


def test_latest_submission_is_the_highest_attempt() -> None:
    subs = [Submission("Ann", 2, 70, minutes=1), Submission("Ann", 1, 20, minutes=50)]
    assert latest_submissions(subs)[("Ann", "cameras")].score == 70
    assert section_of("s31(1)(a)") == "s31" and section_of("s40(5B)") == "s40"


def test_session_csv_one_row_per_submission_and_formula_safe() -> None:
    submissions = [
        Submission('=HYPERLINK("http://x")', 1, 40, [{"kind": "wrong_outcome"}]),
        Submission("+Bob", 1, 90),
        Submission("-Cat", 2, 55, [{"kind": "ncnd_leak"}, {"kind": "wrong_mode"}]),
        Submission("@Dan", 1, 100),
    ]
    rows = list(csv.reader(io.StringIO(session_csv(submissions))))
    assert rows[0] == ["Trainee", "Scenario", "Attempt", "Submitted at", "Score", "Mistakes"]
    assert len(rows) == 5
    assert [row[0][0] for row in rows[1:]] == ["'"] * 4
    assert '\'=HYPERLINK("http://x")' in [row[0] for row in rows]
    cat = next(row for row in rows if row[0] == "'-Cat")
    assert cat[1:] == [
        "cameras",
        "2",
        (T0 + dt.timedelta(minutes=20)).isoformat(),
        "55",
        "ncnd_leak; wrong_mode",
    ]
    assert safe_cell("plain") == "plain" and safe_cell(None) == "" and safe_cell(-3) == "'-3"


mistake = st.fixed_dictionaries(
    {"kind": st.sampled_from(KINDS)},
    optional={
        "item": st.sampled_from([1, 2, 3, None]),
        "citation": st.sampled_from(["s31(1)(a)", "s31(1)(b)", "s38(1)(a)", ""]),
        "consideration": st.sampled_from(["mosaic", "other"]),
    },
)
submission = st.builds(
    Submission,
    trainee=st.sampled_from(["Ann", "Bob", "Cat", "Dan", "=Eve"]),
    attempt=st.integers(1, 4),
    score=st.integers(0, 100),
    mistakes=st.lists(mistake, max_size=6),
    scenario_id=st.sampled_from(["cameras", "other"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(submission, max_size=25))
def test_property_rates_within_0_and_1_and_counts_never_exceed_trainees(subs) -> None:
    trainees = {s.trainee for s in subs}
    for rate in hit_rates(scenario(), subs):
        assert 0.0 <= rate.rate <= 1.0
        assert 0 <= rate.hits <= rate.trainees <= len(trainees)
    for count in common_mistakes(subs):
        assert 1 <= count.trainees <= count.of <= len(trainees)
        assert 0.0 < count.share <= 1.0
    spread = score_spread(subs)
    assert sum(n for _, n in spread.bands) == spread.count
    if spread.count:
        assert spread.minimum <= spread.median <= spread.maximum
    rows = list(csv.reader(io.StringIO(session_csv(subs))))
    assert len(rows) == len(subs) + 1
    assert not any(cell[:1] in "=+-@" and cell for row in rows for cell in row)
