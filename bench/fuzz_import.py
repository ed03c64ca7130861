"""Fuzz the import path: damaged case files through read_case_text, the checker and the letters.

Each input is an example case file (or a frozen schema-1 file) with one to three mutations
(tests/case_mutations.py): keys deleted, values of the wrong type, huge or non-finite numbers,
NUL, lone surrogates, right-to-left marks, very long text, impossible dates, odd schema
versions, deep nesting, or damage to the JSON text or its encoding. A file must either be
refused with a CaseFileError whose message is one line, or give a case that round-trips
(to_json -> read_case_text gives the same case), exports as UTF-8, can be checked, and renders
as a draft letter and a reasoning record (every ``--render-every``-th accepted case, as rendering
takes a tenth of a second or more). Anything else is a crash: it is listed, and the input is
saved under bench/results/. Run on demand:

    .venv/bin/python bench/fuzz_import.py [--inputs 20000] [--seed 1] [--render-every 10]

and it prints "inputs tried: N, rejected with a message: M, accepted: K, crashes: C".
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foi_core.case_files import CaseFileError, read_case_text  # noqa: E402
from foi_core.checker import check  # noqa: E402
from foi_core.letters import LetterError, render_letter, render_reasoning_record  # noqa: E402
from foi_core.models import OrganisationProfile  # noqa: E402
from tests.case_mutations import mutated_file, seed_documents  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def try_one(data: str | bytes, render: bool, profile: OrganisationProfile) -> str:
    """'rejected', 'accepted', 'rendered' (accepted and rendered) or 'letter refused' (accepted,
    the letter refused in words); raises AssertionError (or anything else) for a crash."""
    try:
        case = read_case_text(data, "fuzz.json")
    except CaseFileError as error:
        message = str(error)
        assert message.startswith("fuzz.json: ") and "\n" not in message, message
        assert "Traceback" not in message and "Error" not in message, message
        return "rejected"
    text = case.to_json()
    text.encode("utf-8")  # exports
    again = read_case_text(text, "again.json")
    assert again == case, "the case changed on its way out and back in"
    check(case, profile)
    if render:
        try:
            render_letter(case, profile, draft=True)
            render_reasoning_record(case, profile)
        except LetterError:  # documented: a letter the data cannot make, said in words
            return "letter refused"
        return "rendered"
    return "accepted"


def save_crash(number: int, data: str | bytes) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"fuzz-crash-{number}.json"
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--render-every", type=int, default=10, metavar="K")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    seeds = seed_documents()
    profile = OrganisationProfile()
    outcomes: Counter[str] = Counter()
    crashes: list[str] = []
    accepted = 0
    started = time.perf_counter()
    for number in range(1, args.inputs + 1):
        data = mutated_file(rng, seeds)
        render = args.render_every > 0 and accepted % args.render_every == 0
        try:
            outcome = try_one(data, render, profile)
        except Exception as error:  # a crash: anything but a plain refusal
            where = traceback.extract_tb(error.__traceback__)[-1]
            path = save_crash(number, data)
            crashes.append(
                f"input {number}: {type(error).__name__}: {str(error)[:200]} "
                f"(at {Path(where.filename).name}:{where.lineno}; input saved as {path})"
            )
            continue
        outcomes[outcome] += 1
        if outcome != "rejected":
            accepted += 1
        if number % 2_000 == 0:
            print(f"... {number} inputs, {time.perf_counter() - started:.0f} s", file=sys.stderr)

    rejected = outcomes["rejected"]
    print(
        f"inputs tried: {args.inputs:,}, rejected with a message: {rejected:,}, "
        f"accepted: {accepted:,}, crashes: {len(crashes)}"
    )
    print(
        f"(seed {args.seed}; every accepted case checked, {outcomes['rendered']:,} rendered as a "
        f"draft letter and a reasoning record, {outcomes['letter refused']} letters refused in "
        f"words; {time.perf_counter() - started:.0f} s)"
    )
    for line in crashes:
        print(line)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
