"""Benchmark training feedback on a 16-item attempt.

The scenario is built from the 16-question doorbell NCND example (its rubric: each item's own
outcome and exemptions, two key considerations); the attempt is that answer with mistakes
seeded (a balance flipped, a side of a public interest test removed, searches listed for an
NCND item). Times ``feedback`` beside the checker on the same attempt (its baseline: feedback
runs the check once and marks the rubric on top), and prints the medians and their ratio. Run
on demand:

    .venv/bin/python bench/bench_training.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._timing import doorbell_case, timed
from foi_core.checker import check
from foi_core.models import Case, Conclusion, Side
from foi_core.training.feedback import feedback
from foi_core.training.scenario import (
    CaseFileEntry,
    ConsiderationStep,
    ExpectedClaim,
    ItemRubric,
    KeyConsideration,
    Level,
    Rubric,
    Scenario,
)


def sixteen_item_scenario() -> Scenario:
    """A scenario whose model answer is the doorbell example (16 items)."""
    model = doorbell_case()
    items = []
    for item in model.request.items:
        needs = [
            ExpectedClaim(
                any_of=[claim.citation],
                mode=claim.mode,
                balance=claim.pit.balance.conclusion if claim.pit and claim.pit.balance else None,
                why="As in the model answer.",
            )
            for claim in model.claims_for_item(item.number)
        ]
        items.append(ItemRubric(item=item.number, outcomes=[item.outcome], needs=needs))
    points = [
        KeyConsideration(
            id=name, title=name, why="Bench.", step=ConsiderationStep.HARM, recognised_by=[phrase]
        )
        for name, phrase in (("mosaic", "mosaic"), ("crime", "crime"))
    ]
    return Scenario(
        id="bench-sixteen-items",
        title="Bench: sixteen questions",
        level=Level.EXPERIENCED,
        sections=sorted({"s" + c.citation.split("(")[0].removeprefix("s") for c in model.claims}),
        summary="Bench.",
        learning_objectives=["Bench."],
        case_file=[CaseFileEntry(title="Bench", text="Bench.")],
        model_answer=model,
        rubric=Rubric(items=items, key_considerations=points),
    )


def flawed_attempt(scenario: Scenario) -> Case:
    """The model answer with three mistakes seeded."""
    doc = scenario.model_answer.model_dump(mode="json")
    flipped = next(c for c in doc["claims"] if c["pit"] and c["pit"]["balance"])
    flipped["pit"]["balance"]["conclusion"] = Conclusion.DISCLOSE.value
    one_sided = next(c for c in doc["claims"] if c["pit"] and c is not flipped)
    one_sided["pit"]["factors"] = [
        f for f in one_sided["pit"]["factors"] if f["side"] != Side.FOR.value
    ]
    doc["request"]["items"][-1]["searches"] = "The intelligence systems were searched."
    return Case.model_validate(doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    scenario = sixteen_item_scenario()
    attempt = flawed_attempt(scenario)
    today = scenario.model_answer.response_date
    result = feedback(scenario, attempt)  # warm the caches (catalogue, rules, language)
    check(attempt, today=today)
    marked = [timed(lambda: feedback(scenario, attempt)) for _ in range(args.repeat)]
    checked = [timed(lambda: check(attempt, today=today)) for _ in range(args.repeat)]
    marked_ms = statistics.median(marked) * 1000
    checked_ms = statistics.median(checked) * 1000
    print(f"attempt: {len(attempt.request.items)} items, {len(attempt.claims)} claims")
    print(f"feedback: score {result.score}, {len(result.mistakes)} mistakes")
    print(f"feedback median over {args.repeat} runs:        {marked_ms:8.2f} ms")
    print(f"baseline check median over {args.repeat} runs:  {checked_ms:8.2f} ms")
    print(f"ratio feedback / check:                 {marked_ms / checked_ms:8.2f}")


if __name__ == "__main__":
    main()
