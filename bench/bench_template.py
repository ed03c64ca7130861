"""Time the response letter with the built-in template against an organisation's template.

    .venv/bin/python bench/bench_template.py [--repeat 15]

"built-in" is ``render_letter(case, profile)``: the built-in template, filled in in this
process. "organisation" is the same call with ``template=`` a copy of the built-in template, so
the only difference is the sandboxed child process (``foi_core.letters.child``): starting
Python, importing the engine, checking the template against the schema, filling it in under the
time and memory limits, and passing the document back. "upload check" is ``check_template``,
what the Settings page runs before it keeps a template. Runs are interleaved.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._timing import doorbell_case, timed  # noqa: E402
from foi_core.letters import check_template, render_letter  # noqa: E402
from foi_core.letters.paths import RESPONSE_TEMPLATE, TEMPLATES_DIR  # noqa: E402
from foi_core.models import OrganisationProfile  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs of each (default 15)")
    args = parser.parse_args()

    case = doorbell_case()
    profile = OrganisationProfile()
    with tempfile.TemporaryDirectory() as folder:
        own = Path(folder) / "our-letter.docx"
        shutil.copy(TEMPLATES_DIR / RESPONSE_TEMPLATE, own)

        def built_in() -> bytes:
            return render_letter(case, profile, draft=True).data

        def organisation() -> bytes:
            return render_letter(case, profile, template=own, draft=True).data

        def upload_check() -> None:
            check_template(own)

        for _ in range(2):  # warm up: imports, catalogue and rule book caches
            built_in(), organisation()

        runs: dict[str, list[float]] = {"built-in": [], "organisation": [], "upload check": []}
        for _ in range(args.repeat):
            runs["built-in"].append(timed(built_in))
            runs["organisation"].append(timed(organisation))
            runs["upload check"].append(timed(upload_check))

    medians = {name: statistics.median(times) for name, times in runs.items()}
    print(f"doorbell-camera NCND response letter, {args.repeat} interleaved runs each")
    print(f"  built-in template, in process:       median {medians['built-in'] * 1000:7.1f} ms")
    print(f"  organisation template, in the child: median {medians['organisation'] * 1000:7.1f} ms")
    print(f"  upload check (schema + sample fill): median {medians['upload check'] * 1000:7.1f} ms")
    ratio = medians["organisation"] / medians["built-in"]
    extra = (medians["organisation"] - medians["built-in"]) * 1000
    print(f"  ratio organisation / built-in:       {ratio:.2f}x ({extra:+.0f} ms a letter)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
