"""A case marked for the force's disclosure log (``Case.disclosure``): whether it is published,
the request text as it will be published (the officer's redacted copy) and who marked it.

The log itself, the check for names and contact details and the exports live in
``foi_core.disclosure``; marking an issued (read-only) case is allowed because ``disclosure``
is one of ``foi_core.workflow.life.LIFE_FIELDS``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .base import _Model

PUBLISHED_TEXT_MAX = 50_000


class DisclosureEntry(_Model):
    """The disclosure log entry of an issued request.

    ``confirmed`` lists the flagged passages (exactly as flagged) the officer confirmed are fine
    to publish; ``marked_by`` is the officer's mailbox ("Name <email>").
    """

    publish: bool = False
    request_text: str = Field(default="", max_length=PUBLISHED_TEXT_MAX)
    marked_by: str = Field(default="", max_length=400)
    marked_on: dt.date | None = None
    confirmed: list[str] = Field(default_factory=list)
