"""Personal data and free text: which fields hold prose, masking the requester, and a case fit to
share without personal data.

The requester's name, contact details and address live in ``Case.requester``; they may also be
typed into free text (the request as received usually starts with the requester's name). Free
text is any ``str`` field except identifiers and codes (``IDENTIFIER_FIELDS``): the audit log
never copies it (``foi_core.storage.documents.diff_documents``), and ``without_personal_data``
masks the requester in all of it.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Callable
from enum import Enum
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from foi_core.models import Case, Requester

# String fields that hold identifiers or codes rather than prose.
IDENTIFIER_FIELDS = frozenset(
    {
        "id",
        "citation",
        "library_id",
        "claim_ids",
        "our_ref",
        "template_name",
        "template_sha256",
        "document_sha256",
        "recheck_steps",
        "dismissed_suggestions",
        "linked_case",
        "claim_id",
        # Staff mailboxes ("Name <email>") and references given by the Commissioner.
        "assigned_to",
        "by",
        "to",
        "reviewer",
        "ico_reference",
        "decision_notice_reference",
    }
)

NAME_PLACEHOLDER = "[requester's name]"
CONTACT_PLACEHOLDER = "[requester's contact details]"
ADDRESS_PLACEHOLDER = "[requester's address]"


# --- Field types --------------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """``X`` for ``X | None`` (and ``Optional[X]``); anything else unchanged."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def field_type(annotation: Any, key: str) -> Any:
    """The annotation of ``key`` inside a model or a ``dict[str, X]``; None when unknown."""
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(key)
        return field.annotation if field is not None else None
    if get_origin(annotation) is dict and len(get_args(annotation)) == 2:
        return get_args(annotation)[1]
    return None


def element_type(annotation: Any) -> Any:
    """The element annotation of a ``list[X]``; None when unknown."""
    annotation = _unwrap(annotation)
    if get_origin(annotation) in (list, tuple, set) and get_args(annotation):
        return get_args(annotation)[0]
    return None


def is_value_field(annotation: Any, name: str) -> bool:
    """True for fields that cannot hold prose: enums, literals, dates, numbers, booleans,
    identifiers (``IDENTIFIER_FIELDS``) and lists of them. Their values may be copied."""
    annotation = _unwrap(annotation)
    if annotation in (bool, int, float, dt.date, dt.datetime) or get_origin(annotation) is Literal:
        return True
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return True
    if annotation is str:
        return name in IDENTIFIER_FIELDS
    element = element_type(annotation)
    return element is not None and is_value_field(element, name)


def map_free_text(value: Any, annotation: Any, change: Callable[[str], str], name: str = "") -> Any:
    """A copy of a JSON document with ``change`` applied to every string that is free text:
    every string except those in value fields (``is_value_field``)."""
    if isinstance(value, dict):
        return {
            key: map_free_text(child, field_type(annotation, str(key)), change, str(key))
            for key, child in value.items()
        }
    if isinstance(value, list):
        element = element_type(annotation)
        return [map_free_text(child, element, change, name) for child in value]
    if isinstance(value, str) and not (annotation is not None and is_value_field(annotation, name)):
        return change(value)
    return value


# --- The requester --------------------------------------------------------------------------------


def requester_details(requester: Requester) -> list[tuple[str, str]]:
    """The requester's details to look for in free text, longest first, each with its
    placeholder: the name, each contact line and each address line (two characters or more)."""
    replacements = [
        (requester.name, NAME_PLACEHOLDER),
        *((line, CONTACT_PLACEHOLDER) for line in requester.contact.splitlines()),
        *((line, ADDRESS_PLACEHOLDER) for line in requester.address.splitlines()),
    ]
    found = [(value.strip(), placeholder) for value, placeholder in replacements]
    return sorted(
        ((value, placeholder) for value, placeholder in found if len(value) >= 2),
        key=lambda pair: -len(pair[0]),
    )


def mask_requester(text: str, requester: Requester) -> str:
    """The text with the requester's name, contact details and address lines replaced by
    placeholders ("[requester's name]" ...), whatever their case; longest details first."""
    for value, placeholder in requester_details(requester):
        text = re.sub(re.escape(value), placeholder, text, flags=re.IGNORECASE)
    return text


def without_personal_data(case: Case) -> Case:
    """A copy of ``case`` with the requester's details blanked and masked in every free text."""
    requester = case.requester
    document = case.model_dump(mode="json")
    document["requester"] = Requester().model_dump(mode="json")
    masked = map_free_text(document, Case, lambda text: mask_requester(text, requester))
    return Case.model_validate(masked)


# --- Export ---------------------------------------------------------------------------------------

EXPORT_NOTE_WITH = (
    "This file includes personal data: the requester's name, contact details and address, and "
    "the data each issued letter was made from. Keep it as safely as the case itself and delete "
    "it when it is no longer needed."
)
EXPORT_NOTE_WITHOUT = (
    "Personal data left out: the requester's name, contact details and address are blank (and "
    "masked where they were typed into the text), and issued letters' render data is not "
    "included."
)
