"""The header every letter shares (page header, address block, sign-off) and the logo."""

from __future__ import annotations

import base64
import binascii

from foi_core.bounds import today
from foi_core.models import Case, OrganisationProfile

from ..errors import LetterDataError
from ..text import letter_date, printable
from .views import HeaderContext, ItemView, OrganisationView, RequesterView

DRAFT_MARKER = "DRAFT – NOT FOR ISSUE"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def organisation_view(profile: OrganisationProfile) -> OrganisationView:
    """The organisation as the letter shows it (the logo only as ``has_logo``)."""
    return OrganisationView(
        name=printable(profile.name),
        unit=printable(profile.unit),
        address=printable(profile.address),
        email=printable(profile.email),
        phone=printable(profile.phone),
        website=printable(profile.website),
        review_procedure=printable(profile.review_procedure),
        ico_details=printable(profile.ico_details),
        copyright_notice=printable(profile.copyright_notice),
        signatory_name=printable(profile.signatory_name),
        signatory_role=printable(profile.signatory_role),
        has_logo=bool(profile.logo_png_base64.strip()),
    )


def logo_png(profile: OrganisationProfile) -> bytes | None:
    """The profile's logo as PNG bytes, None without one; LetterDataError if it is not a PNG."""
    encoded = profile.logo_png_base64.strip()
    if not encoded:
        return None
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise LetterDataError(
            "The organisation logo is not valid base64 text; upload the PNG file again."
        ) from None
    if not data.startswith(PNG_SIGNATURE):
        raise LetterDataError("The organisation logo is not a PNG image; upload a .png file.")
    return data


def header_context(
    kind: str, title: str, case: Case, profile: OrganisationProfile, draft: bool
) -> HeaderContext:
    """The header of a letter of ``kind``; a draft's title carries the draft marker."""
    request = case.request
    date = case.response_date or today()
    return HeaderContext(
        kind=kind,
        document_title=f"{DRAFT_MARKER}: {title}" if draft else title,
        draft=draft,
        draft_marker=DRAFT_MARKER if draft else "",
        organisation=organisation_view(profile),
        requester=RequesterView(
            name=printable(case.requester.name),
            contact=printable(case.requester.contact),
            address=printable(case.requester.address),
        ),
        our_ref=printable(request.our_ref),
        their_ref=printable(request.their_ref),
        date=letter_date(date),
        received=letter_date(request.received),
        items=[ItemView(number=i.shown_number, text=printable(i.text)) for i in request.items],
        request_text=printable(request.text),
    )
