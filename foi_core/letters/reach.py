"""What reaches the requester: each text field of the Case is "in the letter" or internal.

>>> reaches_letter("claims[].harm.evidence")
False
>>> reach_label("claims[].harm.causal_chain")
'In the letter'

Paths are listed once in ``reach.yaml``. ``claims[].records.<prompt id>`` follows the catalogue
prompt's ``in_letter``. The letter context prints letter fields only; the reasoning record keeps
everything.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from foi_core.knowledge import Catalogue

REACH_FILE = Path(__file__).with_name("reach.yaml")
IN_LETTER = "In the letter"
INTERNAL = "Internal: reasoning record only"
RECORDS = "claims[].records."
_INDEX = re.compile(r"\[\d+\]")


class UnknownField(KeyError):
    """A path that reach.yaml does not list."""

    def __str__(self) -> str:
        return f"'{self.args[0]}' is not a field of the case listed in reach.yaml"


@functools.lru_cache(maxsize=1)
def reach_table() -> dict[str, str]:
    """Every listed path and its reach ("letter", "internal", "by_prompt" or "not_typed")."""
    data = yaml.safe_load(REACH_FILE.read_text("utf-8"))
    table: dict[str, str] = {}
    for reach in ("letter", "internal", "by_prompt", "not_typed"):
        for path in data.get(reach) or []:
            if path in table:
                raise ValueError(f"reach.yaml lists {path} twice")
            table[path] = reach
    return table


def _prompt_in_letter(prompt_id: str, catalogue: Catalogue | None) -> bool:
    from foi_core.reasoning.needs import resolve_catalogue

    for exemption in resolve_catalogue(catalogue).exemptions:
        for prompt in exemption.record_prompts:
            if prompt.id == prompt_id:
                return prompt.in_letter
    raise UnknownField(f"{RECORDS}{prompt_id}")


def normalise(path: str) -> str:
    """``claims[2].notes`` -> ``claims[].notes`` (a position is not part of the field)."""
    return _INDEX.sub("[]", path.strip())


def reaches_letter(path: str, catalogue: Catalogue | None = None) -> bool:
    """Whether the field at ``path`` is printed in a letter the requester receives."""
    path = normalise(path)
    if path.startswith(RECORDS) and path != f"{RECORDS}<key>":
        return _prompt_in_letter(path.removeprefix(RECORDS), catalogue)
    if path.startswith("claims[].harm.prompt_answers."):
        path = "claims[].harm.prompt_answers.<key>"
    reach = reach_table().get(path)
    if reach is None or reach == "by_prompt":
        raise UnknownField(path)
    return reach == "letter"


def reach_label(path: str, catalogue: Catalogue | None = None) -> str:
    """The form label: "In the letter" or "Internal: reasoning record only"."""
    return IN_LETTER if reaches_letter(path, catalogue) else INTERNAL
