"""What a trainee's attempt remembers of its training scenario (``Case.training``).

A training attempt is an ordinary Case of kind ``training``: the trainee works through the very
same pages as on a live case. The scenarios, the feedback and the sessions live in
``foi_core.training``; this module only holds the link.
"""

from __future__ import annotations

from pydantic import Field

from .base import _Model


class TrainingLink(_Model):
    """The scenario an attempt answers, the session it belongs to (if any), who is attempting
    it (a mailbox "Name <email>", or a display name with sign-in off) and which attempt it is."""

    scenario_id: str = Field(min_length=1, max_length=100)
    session_id: str | None = Field(default=None, max_length=64)
    trainee: str = Field(default="", max_length=400)
    attempt: int = Field(default=1, ge=1, le=1000)
