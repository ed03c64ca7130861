"""``python -m foi_core disclosure-log``: the disclosure log as CSV or JSON on stdout, or as a
folder of static HTML pages a force can put on its website.

    python -m foi_core disclosure-log --format csv > log.csv
    python -m foi_core disclosure-log --format json
    python -m foi_core disclosure-log --html public/disclosure-log

Only issued requests marked "publish" are listed, never the requester's name, address or
contact details. With ``--html`` each response letter is re-rendered as PDF without the
requester's details (LibreOffice; ``--no-letters`` leaves them out).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial

from foi_core.cli import _store

DISCLOSURE_HELP = (
    "The disclosure log (issued requests marked for publication) as CSV, JSON or a folder of "
    "web pages."
)


def cmd_disclosure_log(args: argparse.Namespace) -> int:
    from foi_core.disclosure import disclosure_log, log_csv, log_json, write_html

    store = _store(args)
    if args.html:
        letters = None
        if not args.no_letters:
            from foi_core.disclosure import published_letter

            letters = partial(published_letter, profile=store.load_profile())
        entries = disclosure_log(store, letters)
        written = write_html(entries, args.html)
        print(
            f"wrote {len(entries)} entries ({len(written)} files) to {args.html}", file=sys.stderr
        )
        return 0
    entries = disclosure_log(store)
    sys.stdout.write(log_json(entries) + "\n" if args.format == "json" else log_csv(entries))
    return 0


def add_disclosure_command(
    add: Callable[..., argparse.ArgumentParser],
    add_database: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``disclosure-log`` with ``foi_core.cli``'s parser helpers."""
    sub = add("disclosure-log", cmd_disclosure_log, DISCLOSURE_HELP)
    sub.add_argument("--format", choices=["csv", "json"], default="csv")
    sub.add_argument("--html", metavar="FOLDER", help="write the web pages into FOLDER")
    sub.add_argument(
        "--no-letters", action="store_true", help="with --html, leave the letters (PDF) out"
    )
    add_database(sub)
