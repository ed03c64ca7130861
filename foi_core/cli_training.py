"""``python -m foi_core training ...``: the scenario bank, a scenario's model answer, and
feedback on an attempt (a case file), for scripts and for trainers preparing a session.

An unknown scenario, an unreadable or malformed file, or a broken scenario bank ends in one
plain line on stderr and exit code 2 (``foi_core.cli.main``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from foi_core.cli import CliError
from foi_core.models import Case, CaseKind

if TYPE_CHECKING:
    from foi_core.training.scenario import Scenario

TRAINING_HELP = "Training scenarios: list them, write a model answer, give feedback on an attempt."


def _scenarios() -> dict[str, Scenario]:
    from foi_core.knowledge import KnowledgeError
    from foi_core.training.bank import load_scenarios

    try:
        return load_scenarios()
    except KnowledgeError as error:
        raise CliError(f"the scenario bank cannot be read: {error}") from None


def _scenario(scenario_id: str) -> Scenario:
    found = _scenarios().get(scenario_id)
    if found is None:
        raise CliError(
            f"there is no training scenario called '{scenario_id}'; "
            "'python -m foi_core training list' shows them"
        )
    return found


def _dump(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def cmd_list(args: argparse.Namespace) -> int:
    from foi_core.training.scenario import LEVEL_LABELS

    scenarios = sorted(_scenarios().values(), key=lambda s: s.id)
    rows = [
        {"id": s.id, "title": s.title, "level": s.level.value, "sections": list(s.sections)}
        for s in scenarios
    ]
    if args.format == "json":
        print(_dump(rows))
        return 0
    for scenario in scenarios:
        sections = ", ".join(scenario.sections)
        level = LEVEL_LABELS[scenario.level]
        print(f"{scenario.id:<40} {level:<12} {sections:<16} {scenario.title}")
    return 0


def cmd_model(args: argparse.Namespace) -> int:
    from foi_core.models.training import TrainingLink

    scenario = _scenario(args.id)
    model = scenario.model_answer.model_copy(
        update={"kind": CaseKind.TRAINING, "training": TrainingLink(scenario_id=scenario.id)}
    )
    text = model.to_json() + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(args.output)
    else:
        print(text, end="")
    return 0


def _read_attempt(path: str) -> Case:
    from foi_core.case_files import read_case_text

    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CliError(f"{path}: cannot be read ({error.strerror or error})") from None
    return read_case_text(data, source=path)


def cmd_feedback(args: argparse.Namespace) -> int:
    from foi_core.training.feedback import feedback

    scenario = _scenario(args.id)
    result = feedback(scenario, _read_attempt(args.attempt))
    if args.format == "json":
        print(_dump(result.as_json()))
        return 0
    from foi_core.steps import STEPS_BY_KEY

    print(f"Score: {result.score} out of 100 ({scenario.title})")
    if result.mistakes:
        print("\nMistakes:")
    for number, mistake in enumerate(result.mistakes, start=1):
        step = STEPS_BY_KEY[mistake.step].title if mistake.step in STEPS_BY_KEY else mistake.step
        print(f"{number:>3}. {mistake.title} ({mistake.kind.value}; step: {step})")
        print(f"     {mistake.message}")
        print(f"     Why it matters: {mistake.why_it_matters}")
    if result.done_well:
        print("\nDone well:")
    for line in result.done_well:
        print(f"   - {line}")
    return 0


def add_training_command(
    add: Callable[..., argparse.ArgumentParser],
    parser_class: type[argparse.ArgumentParser],
) -> None:
    """Register ``training list|model|feedback`` with ``foi_core.cli``'s parser helpers."""
    training = add("training", None, TRAINING_HELP)
    actions = training.add_subparsers(
        dest="training_command", metavar="ACTION", required=True, parser_class=parser_class
    )
    sub = actions.add_parser("list", help="List the built-in training scenarios.")
    sub.set_defaults(handler=cmd_list)
    sub.add_argument("--format", choices=["text", "json"], default="text")

    text = "Write a scenario's model answer as a case file (importable with 'import')."
    sub = actions.add_parser("model", help=text, description=text)
    sub.set_defaults(handler=cmd_model)
    sub.add_argument("id", metavar="ID")
    sub.add_argument("-o", "--output", metavar="FILE.json")

    text = "Mark an attempt (a case file) against a scenario: score, mistakes, what was done well."
    sub = actions.add_parser("feedback", help=text, description=text)
    sub.set_defaults(handler=cmd_feedback)
    sub.add_argument("id", metavar="ID")
    sub.add_argument("attempt", metavar="ATTEMPT.json")
    sub.add_argument("--format", choices=["text", "json"], default="text")
