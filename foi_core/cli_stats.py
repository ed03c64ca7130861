"""``python -m foi_core stats``: the published FOI statistics for a period, as JSON or CSV, and
optionally the .xlsx workbook.

    python -m foi_core stats --from 2025-07-01 --to 2025-09-30 --format json
    python -m foi_core stats --quarter 2025Q3 --format csv -o 2025-Q3.xlsx
    python -m foi_core stats --year 2025

With JSON, an object with exactly the keys received, processed, open, granted_in_full,
partly_disclosed, refused_in_full, not_held, in_time, late, extended, internal_reviews and
exemptions. Without a period, the last full quarter. A bad date or period is one plain line on
stderr and exit code 2 (``foi_core.cli.main``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from foi_core.cli import CliError, _parse_date, _store

if TYPE_CHECKING:
    from foi_core.stats import Period

STATS_HELP = (
    "The published FOI statistics (section 45 Code of Practice figures) for requests received "
    "in a period."
)


def _period_of(kind: str, example: str) -> Callable[[str], Period]:
    """An argparse type reading a period of one kind, so a typo is one plain line."""

    def read(text: str) -> Period:
        from foi_core.stats import Period, PeriodError

        try:
            period = Period.parse(text)
        except PeriodError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        if period.kind != kind:
            raise argparse.ArgumentTypeError(f"'{text}' is not a {kind}; write it as {example}")
        return period

    return read


def chosen_period(args: argparse.Namespace) -> Period:
    """The period the options name: --from and --to, --quarter, --year or --month (one of them);
    the last full quarter when none is given."""
    from foi_core.bounds import today
    from foi_core.stats import Period

    named = [value for value in (args.quarter, args.year, args.month) if value]
    dates = args.start is not None or args.end is not None
    if len(named) + dates > 1:
        raise CliError("choose one period: --from and --to, --quarter, --year or --month")
    if dates:
        if args.start is None or args.end is None:
            raise CliError(
                "give both --from and --to (YYYY-MM-DD), for example --from "
                "2025-07-01 --to 2025-09-30"
            )
        return Period.between(args.start, args.end)
    if named:
        return named[0]
    return Period.last_full_quarter(today())


def cmd_stats(args: argparse.Namespace) -> int:
    from foi_core.stats import figures_csv, figures_workbook

    if args.output and Path(args.output).suffix.lower() != ".xlsx":
        raise CliError(f"-o names the workbook to write; '{args.output}' should end in .xlsx")
    period = chosen_period(args)
    figures = _store(args).statistics(period)
    if args.format == "json":
        print(json.dumps(figures.as_json(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(figures_csv(figures))
    if args.output:
        Path(args.output).write_bytes(figures_workbook(figures))
        print(f"wrote the workbook for {period.label} to {args.output}", file=sys.stderr)
    return 0


def add_stats_command(
    add: Callable[..., argparse.ArgumentParser],
    add_database: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``stats`` with ``foi_core.cli``'s parser helpers."""
    sub = add("stats", cmd_stats, STATS_HELP)
    sub.add_argument(
        "--from",
        dest="start",
        type=_parse_date,
        metavar="YYYY-MM-DD",
        help="the first day requests were received (with --to)",
    )
    sub.add_argument(
        "--to",
        dest="end",
        type=_parse_date,
        metavar="YYYY-MM-DD",
        help="the last day requests were received (with --from)",
    )
    sub.add_argument(
        "--quarter",
        type=_period_of("quarter", "2025Q3"),
        metavar="YYYYQn",
        help="a calendar quarter, e.g. 2025Q3 (July to September 2025)",
    )
    sub.add_argument(
        "--year", type=_period_of("year", "2025"), metavar="YYYY", help="a calendar year"
    )
    sub.add_argument(
        "--month", type=_period_of("month", "2025-07"), metavar="YYYY-MM", help="a month"
    )
    sub.add_argument("--format", choices=["json", "csv"], default="json")
    sub.add_argument(
        "-o",
        "--output",
        metavar="FILE.xlsx",
        help="also write the workbook to publish (Summary, By month, Exemptions)",
    )
    add_database(sub)
