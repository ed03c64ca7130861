"""Every text field of the Case is listed once as in the letter or internal (reach.yaml)."""

from __future__ import annotations

import types
import typing

import pytest
from pydantic import BaseModel

from foi_core.knowledge import load_catalogue
from foi_core.letters.reach import (
    IN_LETTER,
    INTERNAL,
    UnknownField,
    reach_label,
    reach_table,
    reaches_letter,
)
from foi_core.models import Case


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
