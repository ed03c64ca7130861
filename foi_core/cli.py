"""Command line interface: ``python -m foi_core COMMAND``.

A thin layer over the engine, meant for scripts as well as people. Every failure ends with one
plain line on stderr and a non-zero exit code, never a traceback:

* exit 0: done (``check``: no errors);
* exit 1: ``check`` found at least one error, or a letter was refused because of errors;
* exit 2: bad arguments, a missing or malformed file, or any other problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from foi_core.models import Case, OrganisationProfile

if TYPE_CHECKING:
    from foi_core.storage import Store


class CliError(Exception):
    """A problem to report on one line, with the exit code to use."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors end in one plain line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{self.prog}: {message} (see --help)")


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date; write it as YYYY-MM-DD, for example 2026-03-14"
        ) from None


def _read_case(path: str) -> Case:
    """Read, upgrade and validate a case file (foi_core.case_files): CaseFileError, one plain
    line, when it cannot be used."""
    from foi_core.case_files import read_case_path

    return read_case_path(path)


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


# --- commands ----------------------------------------------------------------------------------


def cmd_exemptions(args: argparse.Namespace) -> int:
    from foi_core.knowledge import load_catalogue

    catalogue = load_catalogue()
    entries = catalogue.search(args.search) if args.search else catalogue.exemptions
    rows = [
        {
            "citation": e.citation,
            "aliases": e.aliases,
            "title": e.title,
            "kind": e.kind,
            "nature": _nature(e.kind, e.absolute),
            "absolute": e.absolute,
            "test": e.test,
            "ncnd_provision": e.ncnd_provision,
            "pit_required": e.pit_required,
            "interest": e.interest,
            "source_url": e.source_url,
        }
        for e in entries
    ]
    if args.format == "json":
        _print_json(rows)
        return 0
    for row in rows:
        ncnd = row["ncnd_provision"] or "none"
        nature = row["nature"]
        if row["test"] != nature:
            nature += f", {row['test']}"
        print(f"{row['citation']:<16} {row['title']} ({nature}; NCND: {ncnd})")
    return 0


def _nature(kind: str, absolute: bool) -> str:
    """'procedural' (s12, s14: refusals, not exemptions), 'absolute' or 'qualified'."""
    if kind == "procedural":
        return "procedural"
    return "absolute" if absolute else "qualified"


def cmd_deadline(args: argparse.Namespace) -> int:
    from foi_core.deadlines import due_date, pit_extension_date

    due = due_date(args.received)
    print((pit_extension_date(due) if args.pit_extension else due).isoformat())
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    _print_json(Case.model_json_schema())
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    case = _read_case(args.case)
    from foi_core.checker import check, has_errors

    findings = check(case, _profile(args))
    if args.format == "json":
        _print_json([finding.model_dump(mode="json") for finding in findings])
    elif not findings:
        print(f"{case.request.our_ref}: no problems found")
    else:
        for finding in findings:
            where = f" [item {finding.item}]" if finding.item else ""
            print(f"{finding.severity.upper()}: {finding.rule_id}{where}: {finding.message}")
            print(f"    fix: {finding.fix} ({finding.provision})")
    return 1 if has_errors(findings) else 0


def _store(args: argparse.Namespace) -> Store:
    from foi_core.storage import Store

    return Store(getattr(args, "database", None))


def _profile(args: argparse.Namespace) -> OrganisationProfile:
    """The organisation profile: from the store when --database is given, else the defaults."""
    if getattr(args, "database", None):
        return _store(args).load_profile()
    return OrganisationProfile()


def _stored_profile(args: argparse.Namespace) -> OrganisationProfile:
    """The organisation profile saved in the store (--database, else the configured database),
    as the app uses it; the defaults while the embedded default database has not been made
    (reading the profile never creates a database)."""
    from foi_core.settings import DEFAULT_DATABASE_PATH, get_settings, is_embedded_database
    from foi_core.storage import Store

    url = getattr(args, "database", None) or get_settings().database_url
    if is_embedded_database(url) and not DEFAULT_DATABASE_PATH.exists():
        return OrganisationProfile()
    store = Store(url)
    try:
        return store.load_profile()
    finally:
        store.close()


def cmd_import(args: argparse.Namespace) -> int:
    from foi_core.case_files import read_case_bytes

    data = read_case_bytes(args.file)
    stored = _store(args).import_case_json(data, actor=args.actor, source=args.file)
    print(f"imported {stored.case.request.our_ref} (id {stored.case.id})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    include = args.include_personal_data
    text = _store(args).export_case_json(args.ref, include_personal_data=include, actor=args.actor)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        print(text)
    if include:
        note = (
            "note: this export includes personal data (the requester's details and the data "
            "each issued letter was made from); keep the file safe"
        )
    else:
        note = (
            "note: exported without personal data (the requester's details are blank and "
            "masked); add --include-personal-data to include them"
        )
    print(note, file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    summaries = _store(args).list_cases(status=args.status)
    if args.format == "json":
        _print_json([summary.model_dump(mode="json") for summary in summaries])
        return 0
    if not summaries:
        print("no cases stored")
    for s in summaries:
        due = s.due_date.isoformat() if s.due_date else "clock stopped"
        print(f"{s.ref:<16} {s.status:<8} due {due:<13} {s.title}")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from foi_core.letters import render_case_file

    outputs = render_case_file(
        args.case,
        args.output,
        template=args.template,
        pdf=args.pdf,
        draft=args.draft,
        profile=_stored_profile(args),
    )
    for output in outputs:
        print(output)
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from foi_core.letters import record_case_file

    print(record_case_file(args.case, args.output, profile=_stored_profile(args)))
    return 0


# --- parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m foi_core",
        description="FOI Public Interest Test Assistant: the engine from the command line.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    Handler = Callable[[argparse.Namespace], int]

    def add(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text)
        sub.set_defaults(handler=handler)
        return sub

    def add_database(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--database", metavar="URL", help="SQLAlchemy URL (default: FOI_DATABASE_URL)"
        )

    sub = add("exemptions", cmd_exemptions, "List the exemptions the engine knows.")
    sub.add_argument("--format", choices=["text", "json"], default="text")
    sub.add_argument(
        "--search",
        metavar="WORDS",
        help="only entries matching a citation (an NCND provision such as 31(3) gives the "
        "entries it protects) or words",
    )

    sub = add("deadline", cmd_deadline, "Print the s10 due date for a request received on a date.")
    sub.add_argument("received", type=_parse_date, metavar="YYYY-MM-DD")
    sub.add_argument(
        "--pit-extension",
        action="store_true",
        help="print the extended date (20 further working days, s10(3))",
    )

    add("schema", cmd_schema, "Print the Case JSON schema.")

    sub = add("check", cmd_check, "Check a case file against the s17 rules; exit 1 on any error.")
    sub.add_argument("case", metavar="CASE.json")
    sub.add_argument("--format", choices=["text", "json"], default="text")
    add_database(sub)

    sub = add("import", cmd_import, "Import a case JSON file into the store.")
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--actor", default="cli", help="who is importing (for the audit trail)")
    add_database(sub)

    sub = add(
        "export",
        cmd_export,
        "Export a stored case (by our reference or id) as JSON, without personal data unless "
        "asked.",
    )
    sub.add_argument("ref", metavar="REF")
    sub.add_argument("-o", "--output", metavar="FILE")
    sub.add_argument(
        "--include-personal-data",
        action="store_true",
        help="include the requester's name, contact details and address and the data each "
        "issued letter was made from (the file is marked as holding personal data)",
    )
    sub.add_argument("--actor", default="cli", help="who is exporting (for the audit trail)")
    add_database(sub)

    sub = add("list", cmd_list, "List stored cases.")
    sub.add_argument("--status", choices=["draft", "issued", "closed"])
    sub.add_argument("--format", choices=["text", "json"], default="text")
    add_database(sub)

    sub = add("render", cmd_render, "Render the response letter for a case file.")
    sub.add_argument("case", metavar="CASE.json")
    sub.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    sub.add_argument("--template", metavar="TEMPLATE.docx")
    sub.add_argument("--pdf", action="store_true", help="also convert to PDF (needs LibreOffice)")
    sub.add_argument("--draft", action="store_true", help="render despite errors, marked DRAFT")
    add_database(sub)

    sub = add("record", cmd_record, "Render the reasoning record for a case file.")
    sub.add_argument("case", metavar="CASE.json")
    sub.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    add_database(sub)

    from foi_core.cli_users import add_users_command

    add_users_command(add, add_database, _Parser)
    from foi_core.cli_training import add_training_command

    add_training_command(add, _Parser)

    from foi_core.cli_stats import add_stats_command

    add_stats_command(add, add_database)
    from foi_core.cli_disclosure import add_disclosure_command

    add_disclosure_command(add, add_database)
    return parser


def _exit_code(error: Exception) -> int | None:
    """The exit code for an engine exception whose message is fit to print as it is (1: a letter
    refused because of checker errors; 2: any other), or None for anything else (a bug).

    Imported here, not at the top, so that commands which never touch the store or the letters
    start without loading SQLAlchemy and docxtpl.
    """
    from foi_core.letters import LetterBlocked, LibreOfficeMissing, TemplateProblem
    from foi_core.storage import StorageError

    if isinstance(error, LetterBlocked):
        return 1
    plain = (ValueError, OSError, StorageError, TemplateProblem, LibreOfficeMissing)
    return 2 if isinstance(error, plain) else None


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or "no details were given"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code; every failure is one line on stderr.

    A failure nobody foresaw (a bug) is one line too, asking for a report; set FOI_DEBUG=1 to
    see the traceback instead.
    """
    try:
        args = build_parser().parse_args(argv)
        return args.handler(args)
    except CliError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.code
    except Exception as error:
        code = _exit_code(error)
        if code is not None:
            print(f"error: {_one_line(error)}", file=sys.stderr)
            return code
        if os.environ.get("FOI_DEBUG"):
            raise
        print(
            f"error: an unexpected problem stopped the command ({_one_line(error)}); please "
            "report it, with FOI_DEBUG=1 set to show the details",
            file=sys.stderr,
        )
        return 2
