"""Time render_letter on the doorbell-camera NCND example against a bare docxtpl render.

    .venv/bin/python bench/bench_render.py [--repeat 40]

"ours" is the whole public call, ``render_letter(case, profile)``: the checker, building the
context from the case and the catalogue, the template checks, rendering in the sandboxed strict
environment, saving and hashing. "bare" is ``DocxTemplate(template).render(context,
autoescape=True)`` and save, with the same template and a context built once beforehand. Both
run in the same process, interleaved, the same number of times. Target: ours <= 1.3 x bare.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402

from bench._timing import doorbell_case, timed  # noqa: E402
from foi_core.checker import check  # noqa: E402
from foi_core.letters import build_letter_context, render_letter  # noqa: E402
from foi_core.letters.paths import RESPONSE_TEMPLATE, TEMPLATES_DIR  # noqa: E402
from foi_core.models import OrganisationProfile  # noqa: E402

TEMPLATE = TEMPLATES_DIR / RESPONSE_TEMPLATE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40, help="timed runs of each (default 40)")
    args = parser.parse_args()

    case = doorbell_case()
    profile = OrganisationProfile()
    context = {**build_letter_context(case, profile).model_dump(mode="json"), "logo": ""}

    def ours() -> bytes:
        return render_letter(case, profile).data

    def bare() -> bytes:
        template = DocxTemplate(str(TEMPLATE))
        template.render(context, autoescape=True)
        buffer = io.BytesIO()
        template.save(buffer)
        return buffer.getvalue()

    def context_only() -> object:
        return build_letter_context(case, profile).model_dump(mode="json")

    for _ in range(3):  # warm up: imports, catalogue and rule book caches
        ours(), bare()

    ours_times, bare_times, check_times, context_times = [], [], [], []
    for _ in range(args.repeat):
        ours_times.append(timed(ours))
        bare_times.append(timed(bare))
        check_times.append(timed(lambda: check(case, profile)))
        context_times.append(timed(context_only))

    ours_median = statistics.median(ours_times)
    bare_median = statistics.median(bare_times)
    ratio = ours_median / bare_median
    print(f"doorbell-camera NCND letter, {args.repeat} interleaved runs each")
    print(f"  render_letter (ours): median {ours_median * 1000:7.1f} ms")
    print(f"  bare docxtpl:         median {bare_median * 1000:7.1f} ms")
    print(f"  ratio ours / bare:    {ratio:.2f}x (target <= 1.30x)")
    print("  within ours:")
    print(f"    checker:            median {statistics.median(check_times) * 1000:7.1f} ms")
    print(f"    context build:      median {statistics.median(context_times) * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
