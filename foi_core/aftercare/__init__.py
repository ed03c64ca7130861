"""After the letter: internal reviews and complaints to the Information Commissioner.

``review``: open a review case linked to the original (``open_review``), mark each part stands
or changed (``mark_part``), decide (``decide``, ``suggested_outcome``), its time limits
(``review_due``, ``review_late``) and ``outcome_label`` in the authority's sense.
``ico``: open a complaint case (``open_complaint``), exchanges, the decision notice and its steps
(35 calendar days), the Tribunal appeal, ``next_deadline`` and ``decision_label`` in the
complainant's sense. Every refused input is an ``AftercareProblem`` naming its field; who may
act is decided by ``foi_core.people.rules`` (``NotAllowed``).
"""

from .errors import AftercareProblem, unique_ref
from .ico import (
    DECISION_LABELS,
    STEP_CALENDAR_DAYS,
    Deadline,
    add_exchange,
    decision_label,
    exchange_label,
    mark_step_done,
    next_deadline,
    open_complaint,
    open_deadlines,
    record_appeal,
    record_decision,
    step_due,
)
from .review import (
    OUTCOME_LABELS,
    REASON_LABELS,
    decide,
    mark_part,
    open_review,
    outcome_contradicts_parts,
    outcome_label,
    part_name,
    part_problems,
    reason_label,
    review_due,
    review_late,
    review_late_date,
    suggested_outcome,
)

__all__ = [
    "DECISION_LABELS",
    "OUTCOME_LABELS",
    "REASON_LABELS",
    "STEP_CALENDAR_DAYS",
    "AftercareProblem",
    "Deadline",
    "add_exchange",
    "decide",
    "decision_label",
    "exchange_label",
    "mark_part",
    "mark_step_done",
    "next_deadline",
    "open_complaint",
    "open_deadlines",
    "open_review",
    "outcome_contradicts_parts",
    "outcome_label",
    "part_name",
    "part_problems",
    "reason_label",
    "record_appeal",
    "record_decision",
    "review_due",
    "review_late",
    "review_late_date",
    "step_due",
    "suggested_outcome",
    "unique_ref",
]
