"""Editing a trainer's scenario: each helper takes a scenario and the trainer's input and returns
a ``RubricEdit``, the new validated scenario or field problems named by the fields a page has
slots for (``rubric.2.outcome``, ``rubric.2.needs.0.alternative``, ``rubric.2.wrong.citation``,
``rubric.2.wrong.why``, ``key.title``, ``key.why``, ``key.step``, ``key.recognised_by``,
``title``, ``summary``, ``objectives``, ``case_file``). Re-exported by ``authoring``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from foi_core.actions.claims import read_provision
from foi_core.knowledge import load_catalogue
from foi_core.models import FieldProblem, Outcome, explain_errors

from .scenario import ConsiderationStep, Level, Scenario


@dataclass(frozen=True)
class RubricEdit:
    """The outcome of an edit: the new scenario, or the problems to show by their fields."""

    scenario: Scenario | None = None
    problems: tuple[FieldProblem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not self.problems


def _problem(field_name: str, message: str) -> RubricEdit:
    return RubricEdit(problems=(FieldProblem(field=field_name, message=message),))


def _rebuilt(scenario: Scenario, document: dict[str, Any], field_name: str) -> RubricEdit:
    try:
        return RubricEdit(scenario=Scenario.model_validate(document))
    except ValidationError as error:
        problems = explain_errors(error)
        return RubricEdit(
            problems=tuple(FieldProblem(field=field_name, message=p.message) for p in problems)
        )


def _entry(document: dict[str, Any], item: int) -> dict[str, Any] | None:
    return next((e for e in document["rubric"]["items"] if e["item"] == item), None)


def _document(scenario: Scenario) -> dict[str, Any]:
    return scenario.model_dump(mode="json")


def add_outcome(scenario: Scenario, item: int, outcome: Outcome | str) -> RubricEdit:
    """Accept one more outcome for an item."""
    where = f"rubric.{item}.outcome"
    document = _document(scenario)
    entry = _entry(document, item)
    if entry is None:
        return _problem(where, f"The scenario has no item {item}.")
    try:
        value = Outcome(outcome).value
    except ValueError:
        return _problem(where, "Choose one of the outcomes listed.")
    if value in entry["outcomes"]:
        return _problem(where, "This outcome is already acceptable.")
    entry["outcomes"].append(value)
    return _rebuilt(scenario, document, where)


def remove_outcome(scenario: Scenario, item: int, outcome: Outcome | str) -> RubricEdit:
    """Stop accepting an outcome (never the model answer's own, nor the last one)."""
    where = f"rubric.{item}.outcome"
    document = _document(scenario)
    entry = _entry(document, item)
    value = str(getattr(outcome, "value", outcome))
    if entry is None or value not in entry["outcomes"]:
        return _problem(where, "This outcome is not among the acceptable ones.")
    if scenario.model_answer.request.item(item).outcome == value:
        return _problem(where, "The model answer gives this outcome: it must stay acceptable.")
    entry["outcomes"].remove(value)
    return _rebuilt(scenario, document, where)


def _alternatives(document: dict[str, Any], item: int, index: int) -> list[str] | None:
    """The acceptable provisions of the item's ``index``-th expected exemption (None: none)."""
    entry = _entry(document, item)
    if entry is None or not 0 <= index < len(entry["needs"]):
        return None
    return entry["needs"][index]["any_of"]


def add_alternative(scenario: Scenario, item: int, index: int, citation: str) -> RubricEdit:
    """Accept another provision in place of the ``index``-th exemption the item needs."""
    where = f"rubric.{item}.needs.{index}.alternative"
    document = _document(scenario)
    wanted = _alternatives(document, item, index)
    if wanted is None:
        return _problem(where, "There is no such exemption for this item.")
    typed = read_provision(citation or "")
    if typed.problem:
        return _problem(where, typed.problem)
    added = [c for c in typed.citations if c not in wanted]
    if not added:
        return _problem(where, "This provision is already acceptable.")
    wanted.extend(added)
    return _rebuilt(scenario, document, where)


def remove_alternative(scenario: Scenario, item: int, index: int, citation: str) -> RubricEdit:
    """Stop accepting one provision of an expected exemption (one must stay)."""
    where = f"rubric.{item}.needs.{index}.alternative"
    document = _document(scenario)
    wanted = _alternatives(document, item, index)
    if wanted is None:
        return _problem(where, "There is no such exemption for this item.")
    if citation not in wanted:
        return _problem(where, "This provision is not among the acceptable ones.")
    if len(wanted) == 1:
        return _problem(where, "Keep at least one acceptable provision.")
    wanted.remove(citation)
    return _rebuilt(scenario, document, where)


def _wrong_citation(text: str) -> tuple[str, str]:
    """(citation, problem): a limb, an NCND provision or a whole section ("s38")."""
    text = (text or "").strip()
    bare = re.fullmatch(r"[sS]?\.?\s*(\d{1,2}[A-Z]?)", text)
    if bare:
        section = bare.group(1)
        if any(e.section == section for e in load_catalogue().exemptions):
            return f"s{section}", ""
        return "", f"s{section} is not a section the catalogue knows."
    typed = read_provision(text)
    if typed.problem:
        return "", typed.problem
    if len(typed.citations) != 1:
        return "", "Give one provision at a time."
    return typed.citations[0], ""


def add_wrong_claim(scenario: Scenario, item: int, citation: str, why: str) -> RubricEdit:
    """Name an exemption that is wrong for an item, and why (shown to the trainee)."""
    where = f"rubric.{item}.wrong"
    document = _document(scenario)
    entry = _entry(document, item)
    if entry is None:
        return _problem(f"{where}.citation", f"The scenario has no item {item}.")
    cited, problem = _wrong_citation(citation)
    problems = [FieldProblem(field=f"{where}.citation", message=problem)] if problem else []
    if not (why or "").strip():
        problems.append(FieldProblem(field=f"{where}.why", message="Say why it is wrong."))
    if cited and any(w["citation"] == cited for w in entry["wrong"]):
        problems.append(FieldProblem(field=f"{where}.citation", message="Already named."))
    if problems:
        return RubricEdit(problems=tuple(problems))
    entry["wrong"].append({"citation": cited, "why": why.strip()})
    return _rebuilt(scenario, document, f"{where}.why")


def remove_wrong_claim(scenario: Scenario, item: int, citation: str) -> RubricEdit:
    """Take a wrong exemption off an item's list."""
    document = _document(scenario)
    entry = _entry(document, item)
    if entry is None or not any(w["citation"] == citation for w in entry["wrong"]):
        return _problem(f"rubric.{item}.wrong.citation", "This provision is not on the list.")
    entry["wrong"] = [w for w in entry["wrong"] if w["citation"] != citation]
    return _rebuilt(scenario, document, f"rubric.{item}.wrong.citation")


def phrases(text: str | Sequence[str]) -> list[str]:
    """Phrases typed one a line (or separated by semicolons), blanks dropped, each once."""
    lines = text.replace(";", "\n").splitlines() if isinstance(text, str) else list(text)
    return list(dict.fromkeys(line.strip() for line in lines if line.strip()))


def _point_id(title: str, taken: Iterable[str]) -> str:
    base = "_".join(re.findall(r"[a-z0-9]+", title.lower()))[:50].strip("_") or "point"
    base = base if len(base) >= 2 else f"{base}_point"
    taken, candidate, n = set(taken), base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def add_key_consideration(
    scenario: Scenario,
    title: str,
    why: str,
    step: ConsiderationStep | str,
    recognised_by: str | Sequence[str],
    items: Iterable[int] = (),
) -> RubricEdit:
    """Add a point a good answer makes, recognised by any of the phrases given."""
    problems = []
    if not (title or "").strip():
        problems.append(FieldProblem(field="key.title", message="Give the consideration a title."))
    if not (why or "").strip():
        problems.append(FieldProblem(field="key.why", message="Say why it matters."))
    found = phrases(recognised_by)
    if not found:
        problems.append(
            FieldProblem(
                field="key.recognised_by",
                message="Give at least one phrase that shows an answer made this point.",
            )
        )
    try:
        step_value = ConsiderationStep(step).value
    except ValueError:
        problems.append(FieldProblem(field="key.step", message="Choose the step it belongs to."))
    if problems:
        return RubricEdit(problems=tuple(problems))
    document = _document(scenario)
    points = document["rubric"]["key_considerations"]
    points.append(
        {
            "id": _point_id(title, (p["id"] for p in points)),
            "title": title.strip(),
            "why": why.strip(),
            "step": step_value,
            "items": sorted(set(items)),
            "recognised_by": found,
        }
    )
    return _rebuilt(scenario, document, "key.title")


def remove_key_consideration(scenario: Scenario, point_id: str) -> RubricEdit:
    """Take a key consideration off the rubric."""
    document = _document(scenario)
    points = document["rubric"]["key_considerations"]
    if not any(p["id"] == point_id for p in points):
        return _problem("key.title", "There is no such key consideration.")
    document["rubric"]["key_considerations"] = [p for p in points if p["id"] != point_id]
    return _rebuilt(scenario, document, "key.title")


def set_details(
    scenario: Scenario,
    *,
    title: str,
    level: Level | str,
    summary: str,
    objectives: str | Sequence[str],
    case_file: Sequence[tuple[str, str]],
) -> RubricEdit:
    """Replace the title, level, summary, learning objectives (one a line) and case file
    (title and text of each entry; entries left blank are dropped)."""
    entries = [
        {"title": t.strip(), "text": x.strip()} for t, x in case_file if t.strip() or x.strip()
    ]
    problems = []
    if not phrases(objectives):
        problems.append(FieldProblem(field="objectives", message="Write at least one objective."))
    if not entries:
        problems.append(FieldProblem(field="case_file", message="Keep at least one entry."))
    if any(not e["title"] or not e["text"] for e in entries):
        problems.append(
            FieldProblem(field="case_file", message="Each entry needs a title and a text.")
        )
    if problems:
        return RubricEdit(problems=tuple(problems))
    document = _document(scenario)
    document.update(
        title=title,
        level=str(getattr(level, "value", level)),
        summary=summary,
        learning_objectives=phrases(objectives),
        case_file=entries,
    )
    try:
        return RubricEdit(scenario=Scenario.model_validate(document))
    except ValidationError as error:
        return RubricEdit(problems=tuple(_top_level(p) for p in explain_errors(error)))


def _top_level(problem: FieldProblem) -> FieldProblem:
    head = problem.field.split(".", 1)[0]
    name = {"learning_objectives": "objectives"}.get(head, head)
    return FieldProblem(field=name, message=problem.message)
