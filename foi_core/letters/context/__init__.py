"""The data a letter template sees, built from a Case, the OrganisationProfile and the catalogue.

Every context is a pydantic model whose JSON dump is exactly the dictionary handed to the
template, so an issued letter can store the context it was rendered from. All user text passes
through ``printable`` (see ``foi_core.letters.text``), the only alteration made to it. Computed
sentences come from ``wording.yaml``; fixed paragraphs are in the .docx templates (built from
``fixed_wording.yaml``).

Modules: ``views`` (the shared view models), ``header`` (header and logo), ``citations`` (how a
claim is cited, asking ``foi_core.reasoning.provision_of``), ``claims`` and ``claim_parts`` (one
claim's full view for the reasoning record: harm, public interest, balance, legitimate
interests, s36 opinion), ``prose`` (the response letter's exemptions composed from letter fields
only), ``answers`` (each question's answer, transfer and discretionary disclosure) and
``procedural`` (s12, s14), one module per document (``response``, ``extension``, ``record``
with its ``trail``) and ``wording`` (wording.yaml). What reaches the requester is listed in
``foi_core/letters/reach.yaml``.
"""

from .extension import PitExtensionContext, build_pit_extension_context
from .header import DRAFT_MARKER, PNG_SIGNATURE, logo_png
from .record import RecordContext, build_record_context
from .response import LetterContext, build_letter_context
from .trail import AuditEntry, AuditRow
from .views import ClaimView, HeaderContext
from .wording import WORDING_PATH, wording

__all__ = [
    "DRAFT_MARKER",
    "PNG_SIGNATURE",
    "WORDING_PATH",
    "AuditEntry",
    "AuditRow",
    "ClaimView",
    "HeaderContext",
    "LetterContext",
    "PitExtensionContext",
    "RecordContext",
    "build_letter_context",
    "build_pit_extension_context",
    "build_record_context",
    "logo_png",
    "wording",
]
