"""Every example's letters, paragraph by paragraph, as they were when the snapshots were taken.

Refactoring must not change what reaches the requester. A deliberate change of wording updates
the snapshots: ``FOI_UPDATE_SNAPSHOTS=1 pytest tests/test_letter_snapshots.py``, and the diff of
tests/data/letters/ shows every paragraph that changed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from foi_core.bounds import pinned_today
from foi_core.case_files import read_case_path
from foi_core.letters import (
    letter_paragraphs,
    render_letter,
    render_pit_extension_letter,
    render_reasoning_record,
)
from tests.case_factory import good_profile

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SNAPSHOTS = Path(__file__).resolve().parent / "data" / "letters"
TODAY = dt.date(2027, 1, 4)
GENERATED_AT = dt.datetime(2027, 1, 4, 9, 30, tzinfo=dt.UTC)


def rendered(path: Path) -> dict[str, list[list[str]]]:
    """(style, text) of every paragraph of each letter the example can produce."""
    with pinned_today(TODAY):
        case = read_case_path(path)
        profile = good_profile()
        documents = {
            "response": render_letter(case, profile, draft=True, findings=()),
            "record": render_reasoning_record(
                case, profile, findings=(), generated_at=GENERATED_AT
            ),
        }
        if case.pit_extension is not None:
            documents["pit_extension"] = render_pit_extension_letter(case, profile)
    return {
        kind: [list(pair) for pair in letter_paragraphs(document.data)]
        for kind, document in documents.items()
    }


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_example_letters_are_unchanged(path: Path) -> None:
    snapshot = SNAPSHOTS / f"{path.stem}.json"
    now = rendered(path)
    if os.environ.get("FOI_UPDATE_SNAPSHOTS") == "1" or not snapshot.exists():
        snapshot.write_text(json.dumps(now, indent=1, ensure_ascii=False) + "\n", "utf-8")
    before = json.loads(snapshot.read_text("utf-8"))
    assert before.keys() == now.keys()
    for kind in now:
        assert now[kind] == before[kind], f"the {kind} of {path.name} changed"
