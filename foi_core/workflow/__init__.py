"""The steps of a case and the editing operations that keep a case consistent.

No Streamlit here: the pages call these functions and save the Case they return. Whether a step
applies is decided from the case and the exemption catalogue (e.g. an absolute exemption has no
public interest test), never from hard-coded section numbers. The parts:

- ``foi_core.steps``: the step keys and titles (re-exported here);
- ``needs``: which items and claims need a provision, a harm test, a public interest test, an
  opinion;
- ``statuses``: each step's status with a reason, and the next step;
- ``next_action``: the one next thing to do on a case (a step, or the letter's life);
- ``recheck``: re-check marks (a changed step marks the later steps resting on it);
- ``splitting``: a pasted request split into items;
- ``life``: a case's life (submit, approve, return, reopen, close, assign, guard_edit);
- ``editing``: items replaced, claims removed, new and duplicated cases.
"""

from foi_core.reasoning import (
    ANSWER_OUTCOMES,
    CLAIM_OUTCOMES,
    absolute_claims,
    claims_needing_harm,
    claims_needing_pit,
    claims_needing_qp_opinion,
    items_needing_claims,
    provision_relied_on,
)
from foi_core.steps import STEP_KEYS, STEPS, STEPS_BY_KEY, Step
from foi_core.workflow import life
from foi_core.workflow.editing import duplicate_case, new_case, remove_claim, set_items
from foi_core.workflow.life import LIFE_FIELDS, ReasonsNeeded, guard_edit
from foi_core.workflow.next_action import NextAction, next_action
from foi_core.workflow.recheck import (
    DEPENDENTS,
    apply_step_edit,
    clear_recheck,
    mark_changed,
    mark_recheck,
)
from foi_core.workflow.splitting import split_request
from foi_core.workflow.statuses import (
    STATUS_MEANINGS,
    Status,
    StepStatus,
    next_step,
    step_statuses,
)

__all__ = [
    "ANSWER_OUTCOMES",
    "CLAIM_OUTCOMES",
    "DEPENDENTS",
    "LIFE_FIELDS",
    "STATUS_MEANINGS",
    "STEPS",
    "STEPS_BY_KEY",
    "STEP_KEYS",
    "NextAction",
    "ReasonsNeeded",
    "Status",
    "Step",
    "StepStatus",
    "absolute_claims",
    "apply_step_edit",
    "claims_needing_harm",
    "claims_needing_pit",
    "claims_needing_qp_opinion",
    "clear_recheck",
    "duplicate_case",
    "guard_edit",
    "items_needing_claims",
    "life",
    "mark_changed",
    "mark_recheck",
    "new_case",
    "next_action",
    "next_step",
    "provision_relied_on",
    "remove_claim",
    "set_items",
    "split_request",
    "step_statuses",
]
