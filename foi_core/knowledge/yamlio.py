"""Reading the knowledge YAML files and validating their entries, with plain errors.

Every problem raises ``KnowledgeError`` whose message starts with the file (and list) and the
entry, e.g. ``exemptions/s31.yaml, citation 's31(1)(a)': test: Input should be ...``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

DATA_DIR = Path(__file__).resolve().parent

ModelT = TypeVar("ModelT", bound=BaseModel)


class KnowledgeError(Exception):
    """The knowledge data is broken; the message names the file and the entry."""


class Raw(NamedTuple):
    """One entry as read from YAML, with where it came from (file and list) and its position."""

    data: Any
    where: str
    index: int

    @property
    def name(self) -> str:
        """``where`` and the entry, e.g. "factors.yaml irrelevant_factors, id 'distress'"."""
        return f"{self.where}, {entry_name(self.data, self.index)}"


def read_yaml(path: Path, label: str | None = None) -> Any:
    """The parsed YAML in ``path``; errors start with ``label`` (the file name by default)."""
    label = label or path.name
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise KnowledgeError(f"{label}: file is missing ({path})") from None
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{label}: not valid YAML: {error}") from None
    except UnicodeDecodeError:
        raise KnowledgeError(f"{label}: not UTF-8 text ({path})") from None


def expect_mapping(raw: Any, where: str, keys: set[str]) -> dict:
    """``raw`` as a mapping whose top-level keys are all among ``keys``."""
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where}: expected a mapping with keys {sorted(keys)}")
    unknown = set(raw) - keys
    if unknown:
        raise KnowledgeError(f"{where}: unknown top-level key(s) {sorted(unknown, key=str)}")
    return raw


def raw_entries(raw: Any, where: str) -> list[Raw]:
    """The entries of a YAML list (nothing for an empty value), each with where it came from."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise KnowledgeError(f"{where}: expected a list of entries")
    return [Raw(entry, where, index) for index, entry in enumerate(raw)]


def describe(error: ValidationError) -> str:
    """A validation error in one line: "field: message; field: message"."""
    parts = []
    for item in error.errors():
        loc = ".".join(str(p) for p in item.get("loc", ())) or "entry"
        parts.append(f"{loc}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def entry_name(raw: Any, index: int) -> str:
    """How an error names an entry: by citation, id or term, else by its position."""
    if isinstance(raw, dict):
        for key in ("citation", "id", "term"):
            if raw.get(key):
                return f"{key} {raw[key]!r}"
    return f"entry {index + 1}"


def parse_entry(model: type[ModelT], entry: Raw) -> ModelT:
    """Validate one entry against ``model``; a problem names the file and the entry."""
    try:
        return model.model_validate(entry.data)
    except ValidationError as error:
        raise KnowledgeError(f"{entry.name}: {describe(error)}") from None


def parse_list(model: type[ModelT], raw: Any, where: str) -> list[ModelT]:
    """Validate every entry of a YAML list against ``model``."""
    return [parse_entry(model, entry) for entry in raw_entries(raw, where)]
