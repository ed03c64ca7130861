"""Where the default templates live and what they are called."""

from __future__ import annotations

from pathlib import Path

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
RESPONSE_TEMPLATE = "response_letter.docx"
PIT_EXTENSION_TEMPLATE = "pit_extension_letter.docx"
RECORD_TEMPLATE = "reasoning_record.docx"
REVIEW_TEMPLATE = "review_outcome_letter.docx"
