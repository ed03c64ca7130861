"""The trainer's live view of a session, worked out from its attempts and submissions (pure: no
Streamlit, no storage; the page hands in what the store returned).

- ``progress``: per trainee and scenario, started, submitted, attempts, latest and best score;
- ``score_spread``: min, median, max and a histogram in bands of each trainee's latest score;
- ``common_mistakes``: how many trainees made each kind of mistake in their latest submission
  (each trainee counted once per kind);
- ``hit_rates``: each rubric point (an item's outcome, an exemption it needs, a key
  consideration) and the share of trainees whose latest submission got it right, derived from
  the mistakes the feedback named;
- ``session_csv``: one row per submission, safe to open in a spreadsheet.

Attempts and submissions are read by attribute (``Store.attempts`` and ``Store.submissions``
return them); a mistake is a mapping with at least ``"kind"`` and, where the feedback names
them, ``"item"``, ``"citation"``, ``"provision"`` and ``"consideration"``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from foi_core.csv_cells import safe_cell

from .scenario import ExpectedClaim, Scenario


class AttemptLike(Protocol):
    """A trainee's attempt (a training case) as the store lists it."""

    id: str
    trainee: str
    attempt: int
    status: Any
    updated_at: dt.datetime


class SubmissionLike(Protocol):
    """An attempt submitted for feedback, with its score and mistakes."""

    case_id: str
    scenario_id: str
    trainee: str
    attempt: int
    submitted_at: dt.datetime
    score: int
    mistakes: Sequence[Mapping[str, Any]]


BANDS: tuple[tuple[int, int], ...] = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))
# Mistake kinds that mean an expected exemption was not got right for its item.
EXEMPTION_MISSES = frozenset(
    {"missed_exemption", "wrong_mode", "wrong_likelihood", "wrong_balance"}
)
_SECTION = re.compile(r"^s(\d+[A-Z]?)")


def scenario_of(attempt: Any) -> str:
    """The scenario id an attempt answers (``scenario_id`` or ``scenario``)."""
    value = getattr(attempt, "scenario_id", None) or getattr(attempt, "scenario", "")
    return str(getattr(value, "id", value))


def kinds_of(submission: SubmissionLike) -> list[str]:
    """The mistake kinds a submission's feedback named, in order, each once."""
    kinds = [str(mistake.get("kind", "")) for mistake in submission.mistakes]
    return list(dict.fromkeys(kind for kind in kinds if kind))


def latest_submissions(
    submissions: Iterable[SubmissionLike], scenario_id: str | None = None
) -> dict[tuple[str, str], SubmissionLike]:
    """Each trainee's latest submission per scenario (the highest attempt, then the newest),
    keyed by (trainee, scenario id); only ``scenario_id``'s when given."""
    latest: dict[tuple[str, str], SubmissionLike] = {}
    for submission in submissions:
        if scenario_id is not None and submission.scenario_id != scenario_id:
            continue
        key = (submission.trainee, submission.scenario_id)
        held = latest.get(key)
        if held is None or (submission.attempt, submission.submitted_at) > (
            held.attempt,
            held.submitted_at,
        ):
            latest[key] = submission
    return latest


# --- Who has done what ------------------------------------------------------------------------


@dataclass(frozen=True)
class TraineeProgress:
    """One trainee on one scenario of the session."""

    trainee: str
    scenario_id: str
    started: bool
    submitted: int  # submissions for feedback
    attempts: int
    latest_score: int | None
    best_score: int | None
    last_activity: dt.datetime | None


def progress(
    attempts: Iterable[AttemptLike], submissions: Iterable[SubmissionLike]
) -> list[TraineeProgress]:
    """Per trainee and scenario, sorted by trainee then scenario."""
    attempts, submissions = list(attempts), list(submissions)
    keys: set[tuple[str, str]] = {(a.trainee, scenario_of(a)) for a in attempts}
    keys |= {(s.trainee, s.scenario_id) for s in submissions}
    latest = latest_submissions(submissions)
    rows = []
    for trainee, scenario_id in sorted(keys):
        mine = [a for a in attempts if (a.trainee, scenario_of(a)) == (trainee, scenario_id)]
        sent = [s for s in submissions if (s.trainee, s.scenario_id) == (trainee, scenario_id)]
        times = [a.updated_at for a in mine] + [s.submitted_at for s in sent]
        numbers = {a.attempt for a in mine} | {s.attempt for s in sent}
        last = latest.get((trainee, scenario_id))
        rows.append(
            TraineeProgress(
                trainee=trainee,
                scenario_id=scenario_id,
                started=bool(mine or sent),
                submitted=len(sent),
                attempts=len(numbers),
                latest_score=last.score if last else None,
                best_score=max((s.score for s in sent), default=None),
                last_activity=max(times, default=None),
            )
        )
    return rows


# --- Scores -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreSpread:
    """The latest scores of the trainees who submitted: how many, min, median, max, and how many
    fall in each band (``BANDS``: label "0–19" ... "80–100")."""

    count: int
    minimum: int | None
    median: float | None
    maximum: int | None
    bands: tuple[tuple[str, int], ...]


def band_label(low: int, high: int) -> str:
    return f"{low}–{high}"


def score_spread(
    submissions: Iterable[SubmissionLike], scenario_id: str | None = None
) -> ScoreSpread:
    """The spread of each trainee's latest score (per scenario; one scenario's if given)."""
    scores = [s.score for s in latest_submissions(submissions, scenario_id).values()]
    bands = tuple(
        (band_label(low, high), sum(1 for score in scores if low <= score <= high))
        for low, high in BANDS
    )
    if not scores:
        return ScoreSpread(0, None, None, None, bands)
    return ScoreSpread(len(scores), min(scores), statistics.median(scores), max(scores), bands)


# --- Mistakes the group made ------------------------------------------------------------------


@dataclass(frozen=True)
class MistakeCount:
    """How many of the trainees who submitted made a kind of mistake (latest submission)."""

    kind: str
    trainees: int
    of: int

    @property
    def share(self) -> float:
        return self.trainees / self.of if self.of else 0.0


def common_mistakes(
    submissions: Iterable[SubmissionLike], scenario_id: str | None = None
) -> list[MistakeCount]:
    """Mistake kinds by how many trainees made them in their latest submission, most first;
    each trainee is counted once per kind (across the session's scenarios unless one is
    given)."""
    latest = latest_submissions(submissions, scenario_id)
    trainees = {trainee for trainee, _ in latest}
    made: dict[str, set[str]] = {}
    for (trainee, _), submission in latest.items():
        for kind in kinds_of(submission):
            made.setdefault(kind, set()).add(trainee)
    counts = [MistakeCount(kind, len(who), len(trainees)) for kind, who in made.items()]
    return sorted(counts, key=lambda count: (-count.trainees, count.kind))


# --- Rubric hit rates -------------------------------------------------------------------------


@dataclass(frozen=True)
class HitRate:
    """One rubric point and how many trainees' latest submissions got it right."""

    scenario_id: str
    point: str  # "Item 2: outcome", "Item 2: s31(1)(a) or s31(1)(b)", "Mosaic effect"
    kind: str  # "outcome" | "exemption" | "consideration"
    item: int | None
    hits: int
    trainees: int

    @property
    def rate(self) -> float:
        return self.hits / self.trainees if self.trainees else 0.0


def section_of(citation: str) -> str:
    """The section a citation belongs to ("s31(1)(a)" -> "s31"); other text as it is."""
    match = _SECTION.match(citation.strip())
    return f"s{match.group(1)}" if match else citation.strip()


def _names(mistake: Mapping[str, Any]) -> set[str]:
    return {
        str(mistake.get(field) or "").strip()
        for field in ("citation", "provision")
        if mistake.get(field)
    }


def _same_item(mistake: Mapping[str, Any], item: int) -> bool:
    named = mistake.get("item")
    return named is None or named == item or str(named) == str(item)


def _misses_claim(mistake: Mapping[str, Any], item: int, expected: ExpectedClaim) -> bool:
    if mistake.get("kind") not in EXEMPTION_MISSES or not _same_item(mistake, item):
        return False
    names = _names(mistake)
    if not names:
        return mistake.get("item") is not None  # about this item, no provision named
    sections = {section_of(citation) for citation in expected.any_of}
    return bool(names & set(expected.any_of)) or bool({section_of(n) for n in names} & sections)


def _misses_consideration(mistake: Mapping[str, Any], point_id: str, title: str) -> bool:
    if mistake.get("kind") != "missed_key_consideration":
        return False
    named = mistake.get("consideration") or mistake.get("key_consideration") or mistake.get("id")
    if named:
        return str(named) == point_id
    message = str(mistake.get("message", "")).lower()
    return title.lower() in message or point_id in message


def _points(scenario: Scenario) -> list[tuple[str, str, int | None, Any]]:
    """(label, kind, item, test) for every rubric point; test(mistake) says it was missed."""
    points: list[tuple[str, str, int | None, Any]] = []
    for entry in scenario.rubric.items:
        n = entry.item

        def outcome_missed(m: Mapping[str, Any], n: int = n) -> bool:
            return m.get("kind") == "wrong_outcome" and m.get("item") in (n, str(n))

        points.append((f"Item {n}: outcome", "outcome", n, outcome_missed))
        for expected in entry.needs:
            label = " or ".join(expected.any_of)
            if expected.mode.value == "ncnd":
                label += " (neither confirm nor deny)"

            def claim_missed(m: Mapping[str, Any], n: int = n, e: ExpectedClaim = expected) -> bool:
                # The feedback marks no exemption of a wrongly answered item: not got right.
                return outcome_missed(m, n) or _misses_claim(m, n, e)

            points.append((f"Item {n}: {label}", "exemption", n, claim_missed))
    for point in scenario.rubric.key_considerations:

        def point_missed(m: Mapping[str, Any], pid: str = point.id, t: str = point.title) -> bool:
            return _misses_consideration(m, pid, t)

        points.append((point.title, "consideration", None, point_missed))
    return points


def hit_rates(scenario: Scenario, submissions: Iterable[SubmissionLike]) -> list[HitRate]:
    """Each rubric point of ``scenario`` in rubric order, with the share of trainees whose latest
    submission for it got the point right (no mistake naming it; an item's exemptions count as
    right only with its outcome right, as the feedback marks no exemption of a wrong answer)."""
    latest = list(latest_submissions(submissions, scenario.id).values())
    rates = []
    for label, kind, item, missed in _points(scenario):
        hits = sum(1 for s in latest if not any(missed(m) for m in s.mistakes))
        rates.append(HitRate(scenario.id, label, kind, item, hits, len(latest)))
    return rates


# --- The whole view ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionView:
    """Everything the trainer's live view draws."""

    progress: list[TraineeProgress]
    spread: ScoreSpread
    mistakes: list[MistakeCount]
    hit_rates: list[HitRate]

    @property
    def started(self) -> int:
        return len({row.trainee for row in self.progress if row.started})

    @property
    def submitted(self) -> int:
        return len({row.trainee for row in self.progress if row.submitted})


def session_view(
    attempts: Iterable[AttemptLike],
    submissions: Iterable[SubmissionLike],
    scenarios: Mapping[str, Scenario] | Iterable[Scenario] = (),
) -> SessionView:
    """The live view of a session; hit rates for each scenario given (by id, in order)."""
    attempts, submissions = list(attempts), list(submissions)
    known = list(scenarios.values()) if isinstance(scenarios, Mapping) else list(scenarios)
    rates = [rate for scenario in known for rate in hit_rates(scenario, submissions)]
    return SessionView(
        progress=progress(attempts, submissions),
        spread=score_spread(submissions),
        mistakes=common_mistakes(submissions),
        hit_rates=rates,
    )


# --- Export -----------------------------------------------------------------------------------

CSV_HEADER = ("Trainee", "Scenario", "Attempt", "Submitted at", "Score", "Mistakes")


def session_csv(submissions: Iterable[SubmissionLike]) -> str:
    """One row per submission (oldest first): trainee, scenario, attempt, submitted at (ISO),
    score and the mistake kinds ("; " between them), after a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    ordered = sorted(submissions, key=lambda s: (s.submitted_at, s.trainee, s.attempt))
    for s in ordered:
        row = (
            s.trainee,
            s.scenario_id,
            s.attempt,
            s.submitted_at.isoformat(timespec="seconds"),
            s.score,
            "; ".join(kinds_of(s)),
        )
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()
