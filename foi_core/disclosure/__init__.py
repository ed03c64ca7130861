"""The disclosure log (issue 13): issued requests marked "publish", listed without the
requester's identity, exported as CSV, JSON and a folder of static HTML pages.

Modules: ``detect`` (``personal_details_in``: names and contact details to redact), ``actions``
(``mark_for_publication``, ``withdraw_from_publication``), ``log`` (``disclosure_log``,
``LogEntry``) and ``export`` (CSV, JSON, the HTML folder and its zip). No Streamlit here.
"""

from .actions import (
    FIELD,
    mark_for_publication,
    request_text_of,
    text_to_publish,
    withdraw_from_publication,
)
from .detect import Flag, letter_flags, personal_details_in, unconfirmed
from .export import log_csv, log_html, log_json, log_zip, write_html
from .log import LogEntry, disclosure_log, is_published, log_entry, published_letter

__all__ = [
    "FIELD",
    "Flag",
    "LogEntry",
    "disclosure_log",
    "is_published",
    "letter_flags",
    "log_csv",
    "log_entry",
    "log_html",
    "log_json",
    "log_zip",
    "mark_for_publication",
    "personal_details_in",
    "published_letter",
    "request_text_of",
    "text_to_publish",
    "unconfirmed",
    "withdraw_from_publication",
    "write_html",
]
