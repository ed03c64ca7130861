"""An organisation's overlay: its own wording merged over the built-in legal knowledge.

The overlay folder (``FOI_KNOWLEDGE_OVERLAY_DIR``) has the layout of ``foi_core/knowledge``;
every file is optional: ``exemptions/*.yaml``, ``factors.yaml``, ``guidance.yaml``,
``rules.yaml``. An overlay entry names the entry it changes by citation (exemptions), id
(factors, irrelevant factors, harm prompts, rules), term (glossary) or key (guidance steps). A
field it gives replaces the built-in value, except the lists of factors and harm prompts inside
an exemption, which merge by id in turn. An overlay may add factors, irrelevant factors, harm
prompts and glossary terms, never an exemption, a step or a rule; it cannot remove anything.
The merged data is then validated like the built-in data (see ``loader``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from foi_core.knowledge.yamlio import KnowledgeError, Raw, expect_mapping, raw_entries, read_yaml

OVERLAY_FILES = ("factors.yaml", "guidance.yaml", "rules.yaml")
# Lists inside an entry whose items merge by id rather than being replaced as a whole.
NESTED_BY_ID = {"factors_for": "factor", "factors_against": "factor", "harm_prompts": "harm prompt"}


def configured_overlay() -> Path | None:
    """The overlay folder the settings name (``FOI_KNOWLEDGE_OVERLAY_DIR``), or None.

    When another setting is broken the built-in knowledge is used: the store reports that
    setting, and guidance and the catalogue stay available meanwhile.
    """
    from foi_core.settings import SettingsError, get_settings

    try:
        return get_settings().knowledge_overlay_dir
    except SettingsError:
        return None


class Overlay:
    """An overlay folder, or none (``Overlay(None)`` changes nothing)."""

    def __init__(self, directory: Path | str | None) -> None:
        self.directory = Path(directory) if directory is not None else None
        if self.directory is not None:
            self._check_layout(self.directory)

    @staticmethod
    def label(name: str) -> str:
        """How errors name a file of the overlay, e.g. 'overlay factors.yaml'."""
        return f"overlay {name}"

    def read(self, name: str, keys: set[str]) -> dict:
        """The top-level mapping of one overlay file ({} when there is none)."""
        if self.directory is None or not (self.directory / name).is_file():
            return {}
        label = self.label(name)
        raw = read_yaml(self.directory / name, label)
        return {} if raw is None else expect_mapping(raw, label, keys)

    def exemption_changes(self) -> list[Raw]:
        """Every entry of the overlay's exemptions/*.yaml files, in file order."""
        if self.directory is None:
            return []
        changes: list[Raw] = []
        for path in sorted((self.directory / "exemptions").glob("*.yaml")):
            label = self.label(f"exemptions/{path.name}")
            raw = read_yaml(path, label)
            if raw is not None and not isinstance(raw, list):
                raise KnowledgeError(f"{label}: expected a list of exemption entries")
            changes += raw_entries(raw, label)
        return changes

    @staticmethod
    def _check_layout(directory: Path) -> None:
        if not directory.is_dir():
            raise KnowledgeError(f"knowledge overlay: {directory} is not a folder")
        expected = f"{', '.join(OVERLAY_FILES)} and exemptions/*.yaml"
        for path in directory.iterdir():
            if path.suffix in (".yaml", ".yml") and path.name not in OVERLAY_FILES:
                raise KnowledgeError(
                    f"overlay {path.name}: not a knowledge file (an overlay holds {expected})"
                )
        for path in (directory / "exemptions").glob("*.yml"):
            raise KnowledgeError(f"overlay exemptions/{path.name}: name it {path.stem}.yaml")


def index_changes(
    base: list[Raw], changes: list[Raw], key: str, *, what: str, can_add: bool
) -> dict[str, Raw]:
    """The overlay's changes by the value of ``key``, checked: each names its entry once, and
    names a built-in one unless ``can_add``."""
    known = {_key(entry.data, key) for entry in base} - {None}
    indexed: dict[str, Raw] = {}
    for change in changes:
        value = _key(change.data, key)
        if value is None:
            raise KnowledgeError(
                f"{change.where}, entry {change.index + 1}: needs a {key} naming the {what} "
                "it changes"
            )
        if value in indexed:
            raise KnowledgeError(f"{change.name}: the overlay changes this {what} twice")
        if not can_add and value not in known:
            raise KnowledgeError(
                f"{change.name}: there is no {what} with this {key} (an overlay can change one, "
                "not add one)"
            )
        indexed[value] = change
    return indexed


def merge_entries(
    base: list[Raw], changes: list[Raw], key: str, *, what: str, can_add: bool = True
) -> list[Raw]:
    """``base`` with each change merged over the entry it names (keeping its place), and any new
    entries after; a changed entry is named by the overlay file that changed it."""
    indexed = index_changes(base, changes, key, what=what, can_add=can_add)
    merged = []
    for entry in base:
        change = indexed.pop(_key(entry.data, key), None) if isinstance(entry.data, dict) else None
        merged.append(entry if change is None else merge_change(entry.data, change))
    return merged + list(indexed.values())


def merge_change(data: dict, change: Raw) -> Raw:
    """One entry with the fields of ``change`` over it, named by the overlay file."""
    merged = dict(data)
    for field, value in change.data.items():
        if field in NESTED_BY_ID and isinstance(merged.get(field), list):
            inner = merge_entries(
                raw_entries(merged[field], ""),
                raw_entries(value, f"{change.name}, {field}"),
                "id",
                what=NESTED_BY_ID[field],
            )
            merged[field] = [entry.data for entry in inner]
        else:
            merged[field] = value
    return Raw(merged, change.where, change.index)


def merge_mapping(base: dict[str, Raw], changes: Any, where: str) -> dict[str, Raw]:
    """A mapping of key to entry (guidance steps) with the overlay's entries merged by key."""
    if changes is None:
        return base
    if not isinstance(changes, dict):
        raise KnowledgeError(f"{where}: expected a mapping of step key to guidance")
    merged = dict(base)
    for index, (key, value) in enumerate(changes.items()):
        change = Raw(value, where, index)
        current = merged.get(key)
        if current is not None and isinstance(current.data, dict) and isinstance(value, dict):
            merged[key] = merge_change(current.data, change)
        else:
            merged[key] = change
    return merged


def _key(data: Any, key: str) -> str | None:
    if not isinstance(data, dict) or data.get(key) is None:
        return None
    value = str(data[key])
    return value.lower() if key == "term" else value
