"""Rules about quick drafting: a standard paragraph still waiting to be tailored, and text a
copy carried over from an earlier case that may still describe that request."""

from __future__ import annotations

import re
from collections.abc import Iterator

from foi_core.changes import field_label
from foi_core.knowledge.library import untailored
from foi_core.models import ExemptionClaim
from foi_core.stale import stale_points, step_of, text_fields

from .context import Context, Hit, rule

_CLAIM_ID = re.compile(r"^claims\[([^\]]+)\]")
_INDEX = re.compile(r"\[[^\]]*\]")


@rule("untailored-paragraph")
def _untailored_paragraph(ctx: Context) -> Iterator[Hit]:
    from foi_core.letters.reach import UnknownField, reaches_letter  # the letters use the checker

    document = ctx.case.model_dump(mode="json")
    for path, text in text_fields(document):
        places = untailored(text)
        if not places:
            continue
        try:
            if not reaches_letter(_INDEX.sub("[]", path), ctx.catalogue):
                continue
        except UnknownField:
            continue
        listed = ", ".join(f"[[{place}]]" for place in places)
        detail = f"{field_label(path, document)}: {listed}"
        yield Hit(claim=_claim_at(ctx, path), detail=detail, step=step_of(path))


@rule("copied-text-may-be-stale")
def _copied_text_may_be_stale(ctx: Context) -> Iterator[Hit]:
    for point in stale_points(ctx.case):
        what = point.what[:1].upper() + point.what[1:]
        yield Hit(claim=_claim_at(ctx, point.path), detail=what, step=point.step)


def _claim_at(ctx: Context, path: str) -> ExemptionClaim | None:
    """The claim a field path is under (``claims[<id>]...``), if any."""
    match = _CLAIM_ID.match(path)
    ids = {claim.id for claim in ctx.case.claims}
    return ctx.case.claim(match.group(1)) if match and match.group(1) in ids else None
