"""The organisation profile: the organisation's own text for letters."""

from __future__ import annotations

from .base import _Model


class OrganisationProfile(_Model):
    """Organisation-specific text for letters: a setting, never hard-coded wording."""

    name: str = "Example Constabulary"
    unit: str = "Freedom of Information Unit"
    address: str = "Police Headquarters\nExample Road\nExampletown EX1 1AA"
    email: str = "foi@example.police.uk"
    phone: str = ""
    website: str = ""
    is_government_department: bool = False
    review_procedure: str = (
        "If you are unhappy with how we handled your request, you may ask for an internal "
        "review. Please write to the Freedom of Information Unit at the address above within "
        "40 working days of the date of this letter, explaining what you would like us to look "
        "at again. A member of staff who was not involved in the original decision will carry "
        "out the review, normally within 20 working days."
    )
    ico_details: str = (
        "If you remain dissatisfied after our review, you have the right under section 50 of "
        "the Act to complain to the Information Commissioner's Office, Wycliffe House, Water "
        "Lane, Wilmslow, Cheshire SK9 5AF; telephone 0303 123 1113; online at "
        "https://ico.org.uk/make-a-complaint/. The Commissioner will usually expect you to "
        "have asked for an internal review first."
    )
    copyright_notice: str = (
        "The information we supply remains protected by copyright, owned by us or by the third "
        "party who supplied it. You may use it for your own purposes, including non-commercial "
        "research and news reporting. Any other re-use, for example publishing or selling it, "
        "needs the copyright owner's permission; please contact us for advice."
    )
    signatory_name: str = ""
    signatory_role: str = "Freedom of Information Officer"
    logo_png_base64: str = ""
