"""The figures' definitions and the ICO's timeliness bands, read from ``definitions.yaml`` and
validated at load (a broken file is a KnowledgeError naming itself and the entry). Read on first
use: the CLI's JSON never needs them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DEFINITIONS_FILE = Path(__file__).resolve().parent / "definitions.yaml"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Data):
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://")


class Measure(_Data):
    """One published figure: its key, its label and what it counts."""

    key: str = Field(pattern=r"^[a-z_]+$")
    label: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    source: str


class Band(_Data):
    """An ICO timeliness band: the lowest percentage in it and what it means."""

    name: str = Field(pattern=r"^[a-z_]+$")
    label: str = Field(min_length=1)
    at_least: float = Field(ge=0, le=100)
    meaning: str = Field(min_length=1)


class Bands(_Data):
    source: str
    levels: list[Band] = Field(min_length=1)

    @model_validator(mode="after")
    def _descending_to_zero(self) -> Bands:
        floors = [band.at_least for band in self.levels]
        if floors != sorted(floors, reverse=True) or floors[-1] != 0:
            raise ValueError("the bands must run from the highest floor down to 0")
        return self


class Definitions(_Data):
    sources: dict[str, Source]
    measures: list[Measure]
    bands: Bands

    @model_validator(mode="after")
    def _sources_known(self) -> Definitions:
        for name in [m.source for m in self.measures] + [self.bands.source]:
            if name not in self.sources:
                raise ValueError(f"the source {name!r} is not among the sources")
        keys = [m.key for m in self.measures]
        if len(set(keys)) != len(keys):
            raise ValueError("a measure is defined twice")
        return self

    def measure(self, key: str) -> Measure:
        """The measure with this key (KeyError if there is none)."""
        for measure in self.measures:
            if measure.key == key:
                return measure
        raise KeyError(key)

    def source_of(self, key: str) -> Source:
        return self.sources[self.measure(key).source]

    @property
    def bands_source(self) -> Source:
        return self.sources[self.bands.source]

    def band_for(self, percentage: float | None) -> Band | None:
        """The ICO band of a timeliness percentage (None when nothing was answered yet)."""
        if percentage is None:
            return None
        return next(band for band in self.bands.levels if percentage >= band.at_least)


def load_definitions_from(path: Path) -> Definitions:
    """The definitions in ``path``; KnowledgeError naming the file and what is wrong."""
    from foi_core.knowledge.yamlio import KnowledgeError, describe, read_yaml

    raw = read_yaml(path)
    try:
        return Definitions.model_validate(raw)
    except ValidationError as error:
        raise KnowledgeError(f"{path.name}: {describe(error)}") from None


@cache
def definitions() -> Definitions:
    """The figures' definitions and the bands (cached)."""
    return load_definitions_from(DEFINITIONS_FILE)
