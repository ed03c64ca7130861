"""The wording of computed sentences (``wording.yaml``), loaded once, and filling it in."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

WORDING_PATH = Path(__file__).resolve().parent.parent / "wording.yaml"


@functools.cache
def wording() -> dict:
    """The default computed wording (wording.yaml), loaded once."""
    with WORDING_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def say(*path: str, **values: str) -> str:
    """The wording at ``path`` with its {placeholders} filled in."""
    node: object = wording()
    for key in path:
        node = node[key]  # type: ignore[index]
    return " ".join(str(node).split()).format(**values)


def capital(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]
