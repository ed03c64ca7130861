"""Every text field of the Case is listed once as in the letter or internal (reach.yaml)."""

from __future__ import annotations

import datetime as dt
import types
import typing

import pytest
from pydantic import BaseModel

from foi_core.knowledge import load_catalogue
from foi_core.letters import (
    build_letter_context,
    build_pit_extension_context,
    document_text,
    render_letter,
    render_pit_extension_letter,
    render_reasoning_record,
)
from foi_core.letters.reach import (
    IN_LETTER,
    INTERNAL,
    UnknownField,
    reach_label,
    reach_table,
    reaches_letter,
)
from foi_core.models import Case, ExemptionClaim, OrganisationProfile, Outcome
from foi_core.reasoning import provision_of


def _text_paths(annotation: object, path: str) -> typing.Iterator[str]:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            yield from _text_paths(arg, path)
    elif origin is list:
        yield from _text_paths(args[0], f"{path}[]")
    elif origin is dict:
        yield from _text_paths(args[1], f"{path}.<key>")
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, field in annotation.model_fields.items():
            yield from _text_paths(field.annotation, f"{path}.{name}" if path else name)
    elif annotation is str:
        yield path


CASE_TEXT_FIELDS = sorted(set(_text_paths(Case, "")))


def test_every_text_field_of_the_case_is_listed() -> None:
    table = reach_table()
    unlisted = [path for path in CASE_TEXT_FIELDS if path not in table]
    assert not unlisted, f"add these fields to foi_core/letters/reach.yaml: {unlisted}"
    stale = [path for path in table if path not in CASE_TEXT_FIELDS]
    assert not stale, f"reach.yaml lists fields the Case does not have: {stale}"


@pytest.mark.parametrize(
    "path",
    [
        "claims[].harm.evidence",
        "claims[].notes",
        "request.items[].notes",
        "claims[].pit.factors[].rationale",
        "claims[].harm.prompt_answers.precedent",
        "claims[].pit.balance.decided_by",
    ],
)
def test_evidence_notes_rationales_and_worksheet_answers_are_internal(path: str) -> None:
    assert reaches_letter(path) is False
    assert reach_label(path) == INTERNAL


def test_letter_fields_are_labelled_in_the_letter() -> None:
    assert reaches_letter("claims[3].harm.causal_chain")
    assert reach_label("request.items[].held_by") == IN_LETTER


def test_record_answers_follow_their_prompt() -> None:
    prompts = [p for e in load_catalogue().exemptions for p in e.record_prompts]
    assert prompts
    for prompt in prompts:
        assert reaches_letter(f"claims[].records.{prompt.id}") is prompt.in_letter


def test_an_unknown_field_is_named_plainly() -> None:
    with pytest.raises(UnknownField, match="not a field of the case"):
        reaches_letter("claims[].harm.colour")
    with pytest.raises(UnknownField):
        reaches_letter("claims[].records.no_such_prompt")


# --- Internal fields never reach the letter; letter fields do ------------------------------------

# Letter fields the letter prints only in some shapes of case: (path, when).
CONDITIONAL = {"request.text": "printed only when the request is not split into numbered items"}
# Fields that hold citations or numbering, not free text (a marker is not a valid value).
NOT_FREE_TEXT = {"request.items[].label", "claims[].citation", "claims[].further_limbs[]"}


def _mark(node: object, parts: list[str], marker: str) -> bool:
    """Set the text field at ``parts`` to ``marker`` wherever the case has it; True if set."""
    name, rest = parts[0], parts[1:]
    if isinstance(node, list):
        return any([_mark(element, parts, marker) for element in node])
    if node is None:
        return False
    if name == "<key>":
        node.clear()
        node["marked"] = marker
        return True
    field, listed = name.removesuffix("[]"), name.endswith("[]")
    if not rest:
        setattr(node, field, [marker] if listed else marker)
        return True
    return _mark(getattr(node, field), rest, marker)


def marked_case() -> tuple[object, dict[str, str]]:
    """The checker's correct case, with every structure the letter prints, each free-text field
    set to a marker of its own (record answers: one marker per prompt)."""
    from foi_core.models import ExportInfo, IssuedLetter, PITExtension, PublicationPlan, RequestItem
    from tests.case_factory import correct_case

    case = correct_case()
    case.pit_extension = PITExtension(estimated_date=case.request.received)
    case.request.items.append(RequestItem(number=10, text="When?", outcome=Outcome.EXEMPT))
    case.claims.append(
        ExemptionClaim(citation="s22(1)", items=[10], publication=PublicationPlan(settled_on=None))
    )
    not_held = next(i for i in case.request.items if i.outcome is Outcome.NOT_HELD)
    not_held.held_by = "x"
    refused = next(i for i in case.request.items if i.outcome is Outcome.COST_LIMIT)
    refused.discretionary = "x"
    case.export = ExportInfo(personal_data=False)
    case.issued_letters = [
        IssuedLetter(
            issued_at=dt.datetime(2024, 1, 2, 9, 0),
            template_name="t",
            template_sha256="0",
            document_sha256="0",
        )
    ]
    markers: dict[str, str] = {}
    for n, path in enumerate(CASE_TEXT_FIELDS):
        reach = reach_table()[path]
        if reach in ("not_typed", "by_prompt") or path in NOT_FREE_TEXT:
            continue
        marker = f"ZQ{n:03d}QZ"
        if _mark(case, path.split("."), marker):
            markers[path] = marker
    for claim in case.claims:
        for entry in provision_of(claim).entries:
            for prompt in entry.record_prompts:
                marker = f"ZR{prompt.id}RZ"
                claim.records[prompt.id] = marker
                markers[f"claims[].records.{prompt.id}"] = marker
    return case, markers


def test_internal_fields_never_reach_the_letter_and_letter_fields_do() -> None:
    case, markers = marked_case()
    profile = OrganisationProfile()
    sent = document_text(render_letter(case, profile, draft=True, findings=()).data)
    sent += document_text(render_pit_extension_letter(case, profile).data)
    leaked = [p for p, m in markers.items() if m in sent and not reaches_letter(p)]
    assert not leaked, f"internal fields printed in a letter: {leaked}"
    missing = [
        p
        for p, m in markers.items()
        if reaches_letter(p) and m not in sent and p not in CONDITIONAL
    ]
    assert not missing, f"letter fields missing from the letters: {missing}"
    assert {p for p in markers if not reaches_letter(p)} >= {
        "claims[].harm.evidence",
        "claims[].notes",
        "claims[].pit.factors[].rationale",
        "claims[].harm.prompt_answers.<key>",
        "request.items[].notes",
    }
    # Not even in the letters' data, which an organisation's own template may print.
    data = build_letter_context(case, profile).model_dump_json()
    data += build_pit_extension_context(case, profile).model_dump_json()
    in_data = [p for p, m in markers.items() if m in data and not reaches_letter(p)]
    assert not in_data, f"internal fields in the letters' data: {in_data}"
    record = document_text(render_reasoning_record(case, profile, findings=()).data)
    assert markers["claims[].harm.evidence"] in record
