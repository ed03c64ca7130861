"""The register: what is stored of each case for the Cases page's list and the statistics
(``facts``: ``case_facts``, the one home of the s45 definitions), working days as numbers
(``days``), and the register's filters, sorting and pages (``query``)."""

from .days import EPOCH, days_left, working_day_ordinal, working_day_ordinal_or_none
from .facts import (
    CATEGORY_LABELS,
    PROCESSED_STATUSES,
    CaseFacts,
    Category,
    case_facts,
    category_of,
    section_of,
    section_order,
    sections_used,
)

__all__ = [
    "CATEGORY_LABELS",
    "EPOCH",
    "PROCESSED_STATUSES",
    "CaseFacts",
    "Category",
    "case_facts",
    "category_of",
    "days_left",
    "section_of",
    "section_order",
    "sections_used",
    "working_day_ordinal",
    "working_day_ordinal_or_none",
]
