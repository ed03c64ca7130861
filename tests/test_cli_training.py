"""``python -m foi_core training``: list (its JSON shape exactly), model (a case file the import
command takes), feedback (its JSON shape, the text form), and bad input ending in one plain
line with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foi_core.case_files import read_case_path
from foi_core.cli import main
from foi_core.models import CaseKind
from foi_core.training.bank import load_scenarios
from tests.test_cli import assert_one_line_error, run_cli
from tests.training_mutations import attempt, seeded

SMALL = "doorbell-footage-first-week"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "training", "list", "--format", "json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    scenarios = load_scenarios()
    assert [row["id"] for row in rows] == sorted(scenarios)
    for row in rows:
        assert set(row) == {"id", "title", "level", "sections"}
        loaded = scenarios[row["id"]]
        assert (row["title"], row["level"]) == (loaded.title, loaded.level.value)
        assert row["sections"] == list(loaded.sections)
    small = next(row for row in rows if row["id"] == SMALL)
    assert small["level"] == "first_week" and small["sections"] == ["s31"]


def test_list_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "training", "list")
    line = next(line for line in out.splitlines() if line.startswith(SMALL))
    assert code == 0 and "First week" in line and "s31" in line


def test_model_answer_file_imports_and_scores_100(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "model.json"
    code, out, _ = _run(capsys, "training", "model", SMALL, "-o", str(target))
    assert (code, out.strip()) == (0, str(target))
    case = read_case_path(target)
    assert case.kind is CaseKind.TRAINING and case.training is not None
    assert case.training.scenario_id == SMALL
    assert case.claims == load_scenarios()[SMALL].model_answer.claims
    code, out, err = _run(capsys, "training", "feedback", SMALL, str(target), "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"scenario": SMALL, "score": 100, "mistakes": []}
    db = f"sqlite:///{tmp_path / 'foi.db'}"
    assert main(["import", str(target), "--database", db]) == 0


def test_model_answer_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "training", "model", SMALL)
    assert code == 0 and json.loads(out)["title"] == load_scenarios()[SMALL].model_answer.title


def _flawed(tmp_path: Path) -> Path:
    loaded = load_scenarios()[SMALL]
    mutation = next(m for m in seeded(loaded) if m.name.endswith("balance flipped"))
    path = tmp_path / "attempt.json"
    path.write_text(attempt(loaded, [mutation]).to_json(), encoding="utf-8")
    return path


def test_feedback_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "training", "feedback", SMALL, str(_flawed(tmp_path)), "--format", "json"
    )
    data = json.loads(out)
    assert code == 0 and set(data) == {"scenario", "score", "mistakes"}
    assert data["scenario"] == SMALL and 0 <= data["score"] < 100
    for mistake in data["mistakes"]:
        assert set(mistake) == {"kind", "message", "item", "citation", "provision"}
    assert {"kind": "wrong_balance", "item": 1, "citation": "s31(1)(a)", "provision": "s31"} in [
        {key: m[key] for key in ("kind", "item", "citation", "provision")} for m in data["mistakes"]
    ]


def test_feedback_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "training", "feedback", SMALL, str(_flawed(tmp_path)))
    assert code == 0
    assert out.startswith("Score: ") and "out of 100" in out
    assert "wrong_balance; step: Balance" in out and "Why it matters: " in out
    assert "Done well:" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["training", "model", "no-such-scenario"], "no training scenario called 'no-such"),
        (["training", "feedback", "no-such-scenario", "x.json"], "no training scenario"),
        (["training", "feedback", SMALL, "missing.json"], "missing.json: cannot be read"),
        (["training", "feedback", SMALL, "bad.json"], "bad.json: this is not valid JSON"),
        (["training", "feedback", SMALL, "list.json"], "list.json"),
        (["training"], "ACTION"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    argv: list[str],
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
    assert words in err


def test_bad_input_from_a_real_process(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 4, "request": {}}', encoding="utf-8")
    line = assert_one_line_error(run_cli("training", "feedback", SMALL, str(broken)))
    assert "broken.json" in line
