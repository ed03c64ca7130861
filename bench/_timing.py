"""What the benchmarks share: one timed run, and the example case they render."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from foi_core.models import Case

ROOT = Path(__file__).resolve().parents[1]
CASE_FILE = ROOT / "examples" / "doorbell-camera-ncnd.json"


def timed(action: Callable[[], object]) -> float:
    """Seconds one call of ``action`` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def doorbell_case() -> Case:
    """The doorbell NCND example, the case the letter benchmarks render."""
    return Case.from_json(CASE_FILE.read_text(encoding="utf-8"))
