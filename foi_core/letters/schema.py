"""The shape of the letter data, read from the pydantic context models, and sample data of it.

A template of each kind may use the fields of its context model (``LetterContext``,
``PitExtensionContext``, ``RecordContext``), nested models and list items included, plus
``logo``, the marker where the organisation's logo goes. ``sample_context`` builds data of that
shape (every list with one entry, every flag true) to fill a template in once before it is kept.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .context import LetterContext, PitExtensionContext, RecordContext
from .context.review import ReviewOutcomeContext

CONTEXT_MODELS: dict[str, type[BaseModel]] = {
    "response": LetterContext,
    "pit_extension": PitExtensionContext,
    "reasoning_record": RecordContext,
    "review_outcome": ReviewOutcomeContext,
}
# Names filled in at render time rather than by the context model.
RENDER_TIME_FIELDS: dict[str, type] = {"logo": str}


@dataclass(frozen=True)
class Scalar:
    kind: type


@dataclass(frozen=True)
class ListOf:
    item: Shape


@dataclass(frozen=True, eq=False)
class Fields:
    fields: dict[str, Shape] = field(default_factory=dict)


Shape = Scalar | ListOf | Fields | None  # None: not known, so not checked further


def shape_of(annotation: Any) -> Shape:
    """The shape of a value with this type annotation, as ``model_dump(mode="json")`` gives it."""
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin in (Union, types.UnionType):
        kept = [arg for arg in args if arg is not type(None)]
        return shape_of(kept[0]) if len(kept) == 1 else None
    if origin is Literal:
        return Scalar(type(args[0])) if args else None
    if origin in (list, tuple, set, frozenset) or (
        isinstance(origin, type) and issubclass(origin, Sequence) and origin is not str
    ):
        return ListOf(shape_of(args[0]) if args else None)
    if not isinstance(annotation, type):
        return None
    if issubclass(annotation, BaseModel):
        return _model_shape(annotation)
    if issubclass(annotation, enum.Enum):
        return Scalar(str)
    for kind in (bool, str, int, float):
        if issubclass(annotation, kind):
            return Scalar(kind)
    if issubclass(annotation, dt.date | dt.time):
        return Scalar(str)
    return None


_MODEL_SHAPES: dict[type[BaseModel], Fields] = {}


def _model_shape(model: type[BaseModel]) -> Fields:
    if model in _MODEL_SHAPES:  # registered before it is filled, so a model may hold itself
        return _MODEL_SHAPES[model]
    shape = _MODEL_SHAPES[model] = Fields()
    for name, info in model.model_fields.items():
        shape.fields[name] = shape_of(info.annotation)
    for name, info in model.model_computed_fields.items():
        shape.fields[name] = shape_of(info.return_type)
    return shape


def context_shape(kind: str) -> Fields:
    """The whole set of names a template of this kind may use."""
    shape = Fields(dict(_model_shape(CONTEXT_MODELS[kind]).fields))
    shape.fields.update({name: Scalar(kind_) for name, kind_ in RENDER_TIME_FIELDS.items()})
    return shape


def sample_value(shape: Shape, depth: int = 0) -> Any:
    """Data of this shape: text 'Sample', 1, true, one entry in every list (to depth 10)."""
    if isinstance(shape, Fields):
        if depth > 10:
            return {}
        return {name: sample_value(child, depth + 1) for name, child in shape.fields.items()}
    if isinstance(shape, ListOf):
        return [sample_value(shape.item, depth + 1)] if depth <= 10 else []
    if isinstance(shape, Scalar):
        return {bool: True, int: 1, float: 1.0}.get(shape.kind, "Sample")
    return ""


def sample_context(kind: str, logo_marker: str) -> dict[str, Any]:
    """Sample data for a template of this kind, with the logo marker set."""
    values = sample_value(context_shape(kind))
    values["logo"] = logo_marker
    return values
