"""Rebuild the default .docx templates: ``python -m foi_core.letters.build_templates``.

The layouts live in ``foi_core.letters.builder``; the fixed paragraphs in
``foi_core/letters/fixed_wording.yaml``. An organisation may restyle or reword the built files in
Word, or supply its own template. Organisation-specific text comes from the profile through
``organisation.*``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from foi_core.letters.builder import (
    BUILDERS,
    build_all,
    build_pit_extension_letter,
    build_reasoning_record,
    build_response_letter,
)
from foi_core.letters.paths import TEMPLATES_DIR

__all__ = [
    "BUILDERS",
    "build_all",
    "build_pit_extension_letter",
    "build_reasoning_record",
    "build_response_letter",
    "main",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Write every default template into ``--out`` (templates/ by default) and list them."""
    parser = argparse.ArgumentParser(description="Build the default .docx letter templates.")
    parser.add_argument("--out", type=Path, default=TEMPLATES_DIR, help="output directory")
    args = parser.parse_args(argv)
    for path in build_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
