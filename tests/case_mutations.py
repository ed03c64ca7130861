"""Malformed case files for fuzzing the import path: mutations of real case files.

Shared by the property tests (tests/test_case_files.py, driven by hypothesis through
``random.Random``) and the on-demand fuzzer (bench/fuzz_import.py). ``mutated_file(rng, seeds)``
returns the text or bytes of one damaged file: keys deleted, values of the wrong type, huge or
non-finite numbers, odd strings (NUL, lone surrogates, right-to-left marks, very long text),
impossible dates, odd schema versions, deep nesting, or damage to the JSON text itself.
"""

from __future__ import annotations

import codecs
import copy
import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED_FILES = sorted((ROOT / "examples").glob("*.json")) + sorted(
    (ROOT / "tests" / "data").glob("*.json")
)

ODD_STRINGS = [
    "",
    " ",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "\u200f\u202eRTL override\u202c",
    "\ufeff",
    "tab\tnew\nline\r\n",
    "\x07\x1b[31mred\x1b[0m",
    "**bold** [link](https://evil.example) ![i](x.png) <script>x</script>",
    "{{ 7*7 }} {% include '/etc/passwd' %}",
    "🚓" * 50,
    "x" * 100_000,
    "Ω" * 5_000,
]
ODD_NUMBERS: list[Any] = [
    -1,
    0,
    1.5,
    2**63,
    10**400,
    1e309,
    -1e309,
    float("nan"),
    1e-400,
    10_000_001,
    10_081,
    True,
]
ODD_DATES = [
    "9999-12-31",
    "0001-01-01",
    "2004-12-31",
    "2005-01-01",
    "2101-01-01",
    "2024-02-30",
    "2024-13-01",
    "20240101",
    "2024-01-08T10:00:00",
    "2024-01-08T10:00:00+14:00",
    "yesterday",
]
ODD_VERSIONS: list[Any] = [0, -1, 1, 2, 3, 99, "1", 1.0, True, None, [1], {"v": 1}, 10**400]


def seed_documents() -> list[dict[str, Any]]:
    """The example case files and the frozen schema-1 files, parsed."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in SEED_FILES]


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """Any JSON value, up to a few levels deep."""
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        scalars = [None, True, False, rng.randint(-5, 5), rng.random(), *ODD_NUMBERS[:6]]
        return rng.choice([*scalars, rng.choice(ODD_STRINGS[:11]), rng.choice(ODD_DATES)])
    if roll < 0.75:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    keys = ["id", "text", "request", "items", "number", "received", "schema_version", "x"]
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def _paths(value: Any, here: tuple = ()) -> list[tuple]:
    """Every path (tuple of keys and indexes) to a value inside ``value``."""
    found = [here]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*here, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*here, index))
    return found


def _parent(document: Any, path: tuple) -> tuple[Any, Any]:
    target = document
    for step in path[:-1]:
        target = target[step]
    return target, path[-1]


def _set(document: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    parent, last = _parent(document, path)
    parent[last] = value
    return document


def _delete_key(rng: random.Random, doc: Any) -> Any:
    paths = [p for p in _paths(doc) if p]
    if paths:
        parent, last = _parent(doc, rng.choice(paths))
        del parent[last]
    return doc


def _replace_with(values: Callable[[random.Random], Any]) -> Callable[[random.Random, Any], Any]:
    def mutate(rng: random.Random, doc: Any) -> Any:
        paths = _paths(doc)
        return _set(doc, rng.choice(paths), values(rng))

    return mutate


def _replace_typed(kind: type, values: Sequence[Any]) -> Callable[[random.Random, Any], Any]:
    """Replace a value of this kind (a string, a number, a date-like string) with an odd one."""

    def mutate(rng: random.Random, doc: Any) -> Any:
        paths = [p for p in _paths(doc) if p and isinstance(_value_at(doc, p), kind)]
        if kind is str and rng.random() < 0.5:  # aim at dates
            paths = [p for p in paths if _looks_like_date(_value_at(doc, p))] or paths
        if not paths:
            return doc
        return _set(doc, rng.choice(paths), copy.deepcopy(rng.choice(values)))

    return mutate


def _value_at(doc: Any, path: tuple) -> Any:
    parent, last = _parent(doc, path)
    return parent[last]


def _looks_like_date(value: Any) -> bool:
    return isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-"


def _odd_version(rng: random.Random, doc: Any) -> Any:
    if isinstance(doc, dict):
        if rng.random() < 0.2:
            doc.pop("schema_version", None)
        else:
            doc["schema_version"] = copy.deepcopy(rng.choice(ODD_VERSIONS))
    return doc


def _nest(rng: random.Random, doc: Any) -> Any:
    paths = _paths(doc)
    depth = rng.choice([10, 60, 63, 64, 65, 70, 300])
    value: Any = _value_at(doc, p) if (p := rng.choice(paths)) else doc
    for _ in range(depth):
        value = [value] if rng.random() < 0.5 else {"x": value}
    return _set(doc, p, value)


def _duplicate_list_element(rng: random.Random, doc: Any) -> Any:
    lists = [p for p in _paths(doc) if isinstance(_value_at(doc, p) if p else doc, list)]
    if lists:
        target = rng.choice(lists)
        items = _value_at(doc, target) if target else doc
        if items:
            items.append(copy.deepcopy(rng.choice(items)))
    return doc


DOCUMENT_MUTATIONS: list[Callable[[random.Random, Any], Any]] = [
    _delete_key,
    _replace_with(random_json),
    _replace_typed(str, ODD_STRINGS + ODD_DATES),
    _replace_typed(int, ODD_NUMBERS),
    _replace_typed(float, ODD_NUMBERS),
    _odd_version,
    _nest,
    _duplicate_list_element,
]


def _dumps(rng: random.Random, doc: Any) -> str:
    """JSON text; non-finite numbers as the JSON extensions Infinity/NaN or as 1e309."""
    try:
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2]))
    except RecursionError:  # nested too deep even to write: write such text directly
        return "[" * 5_000 + "]" * 5_000
    if rng.random() < 0.5:
        text = text.replace("-Infinity", "-1e309").replace("Infinity", "1e309")
    return text


def _damage_text(rng: random.Random, text: str) -> str | bytes:
    roll = rng.randrange(7)
    if roll == 0 and text:
        return text[: rng.randrange(len(text))]  # cut short
    if roll == 1 and text:
        at = rng.randrange(len(text))
        return text[:at] + rng.choice('{}[],:"\\x\x00') + text[at + 1 :]
    if roll == 2:
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if roll == 3:
        return text.encode("utf-16", "surrogatepass")  # with a byte order mark
    if roll == 4:
        data = bytearray(text.encode("utf-8", "surrogatepass"))
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if roll == 5:
        return rng.choice(["", "   ", "null", "[]", '"case"', "42", "[" * 100_000])
    return text.encode("utf-16-le", "surrogatepass")  # UTF-16 without a byte order mark


def mutated_file(rng: random.Random, seeds: Sequence[dict[str, Any]]) -> str | bytes:
    """One damaged case file made from one of ``seeds`` (or, sometimes, from nothing)."""
    if rng.random() < 0.05:
        return _dumps(rng, random_json(rng))
    doc = copy.deepcopy(rng.choice(seeds))
    for _ in range(rng.choice([1, 1, 2, 3])):
        doc = rng.choice(DOCUMENT_MUTATIONS)(rng, doc)
    text = _dumps(rng, doc)
    if rng.random() < 0.15:
        return _damage_text(rng, text)
    return text
