"""The ``steering`` command: ask a regulation questions from the shell.

Every subcommand takes a regulation as a preset id (``dak-nong-2021``) or the
path of a TOML file in the same format, answers in a sentence or a table in
Vietnamese or English (``--lang vi|en``), or prints the machine form with
``--json`` (the attribute names of the Python API: ``status``, ``answer``,
``citations`` ...).

Exit codes: 0 the question has an answer; 1 it has none (the regulation does
not specify it, or nobody is available), or validation found problems; 2 bad
usage or bad input, with one line on standard error and no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from steering import __version__
from steering._escape import visible
from steering._json import jsonable
from steering.cli._calendar import _cmd_calendar
from steering.cli._common import (
    _PROG,
    EXIT_ANSWER,
    EXIT_NO_ANSWER,
    EXIT_USAGE,
    WIDTH,
    UsageError,
    _Context,
    _date,
    _one_line,
    _Parser,
    load_regulation,
)
from steering.cli._questions import (
    _add_procedure,
    _add_questions,
)
from steering.cli._regulation import (
    _EXPORTS,
    _cmd_compare,
    _cmd_coverage,
    _cmd_draft,
    _cmd_export,
    _cmd_presets,
    _cmd_serve,
    _cmd_show,
    _cmd_table,
    _cmd_validate,
)
from steering.errors import RegulationFileError, SteeringError
from steering.loader import MAX_BYTES
from steering.ruling import ruling_json

__all__ = [
    "EXIT_ANSWER",
    "EXIT_NO_ANSWER",
    "EXIT_USAGE",
    "UsageError",
    "build_parser",
    "jsonable",
    "load_regulation",
    "main",
    "ruling_json",
]

def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"found {text!r}; allowed: a whole number >= 1")
    return value


# ----------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``steering`` command."""
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                        help="language of the answer (default: vi)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print the machine form (JSON)")
    common.add_argument("--wide", action="store_true", default=argparse.SUPPRESS,
                        help=f"do not wrap text at {WIDTH} columns")
    reg_help = "a preset id (see 'steering presets') or the path of a regulation file (TOML)"

    parser = _Parser(
        prog=_PROG,
        description="Ask a steering committee's operating regulation (Quy chế hoạt động) "
        "who acts, which seal, who convenes, who monitors, when to meet and report.",
        epilog="Exit codes: 0 answered; 1 no answer (not specified, nobody available) or "
        "validation problems; 2 bad usage or bad input.",
    )
    parser.add_argument("--version", action="version", version=f"{_PROG} {__version__}")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi",
                        help="language of the answer (default: vi)")
    parser.add_argument("--json", action="store_true", default=False,
                        help="print the machine form (JSON)")
    parser.add_argument("--wide", action="store_true", default=False,
                        help=f"do not wrap text at {WIDTH} columns")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, help_: str, fn: Callable[[_Context], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_, parents=[common])
        p.set_defaults(handler=fn)
        return p

    p = add("presets", "list the shipped regulations, or a locality's succession", _cmd_presets)
    p.add_argument("--locality", help="show this locality's decisions over time")
    p.add_argument("--on", type=_date, help="with --locality: the regulation in force on DATE")

    p = add("show", "show a regulation: identity, posts and rules with citations", _cmd_show)
    p.add_argument("regulation", help=reg_help)

    _add_questions(add, reg_help)
    _add_procedure(add, reg_help)
    _add_calendars(add, reg_help)
    _add_doors(add, reg_help)
    return parser


def _add_calendars(add: Callable[..., argparse.ArgumentParser], reg_help: str) -> None:
    """The subcommands over whole regulations: calendar, compare and validate."""
    p = add("calendar", "dated meetings and report deadlines, optionally as iCalendar",
            _cmd_calendar)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("--from", dest="start", type=_date, metavar="DATE",
                   help="first day (YYYY-MM-DD; default: 1 January of --to's year)")
    p.add_argument("--to", dest="end", type=_date, metavar="DATE",
                   help="last day (YYYY-MM-DD; default: 31 December of --from's year)")
    p.add_argument("--ics", metavar="FILE", help="also write the calendar to FILE (iCalendar)")
    p.add_argument("--deadlines", choices=("event", "todo"), default="event",
                   help="with --ics: report deadlines as all-day events with a reminder "
                   "(event, the default; every calendar application imports them) or as "
                   "to-dos (todo)")
    p.add_argument("--reviews", choices=("combined", "separate"), default="combined",
                   help="'họp định kỳ theo quý, 6 tháng, năm': one sitting a quarter serving "
                   "the six-month and year reviews (combined, the default) or a sitting each")

    p = add("compare", "every structural difference between two regulations", _cmd_compare)
    p.add_argument("a", help=reg_help)
    p.add_argument("b", help=reg_help)
    p.add_argument("--details", action="store_true",
                   help="list every difference with what each side says and its citations "
                   "(default: a summary by aspect)")

    _coverage_parser(add("coverage", "which articles, clauses and points of the source text "
                         "the rules cite", _cmd_coverage), reg_help)
    _draft_parser(add("draft", "draft a regulation file from a regulation's text", _cmd_draft))
    p = add("validate", "check regulation files; list every problem", _cmd_validate)
    p.add_argument("files", nargs="+", metavar="FILE", help="regulation files or preset ids")
    p = add("table", "many regulations side by side, or as Parquet files for DuckDB", _cmd_table)
    p.add_argument("sources", nargs="*", metavar="DIR_OR_FILE",
                   help="folders of regulation files (*.toml), files, or 'presets' "
                   "(default: presets); a broken file is reported and the others load")
    p.add_argument("--parquet", metavar="OUT",
                   help="write regulations, posts, rules (and occurrences) as Parquet files in "
                   "the folder OUT (needs the arrow extra)")
    p.add_argument("--years", metavar="YYYY[-YYYY]",
                   help="with --parquet: also the calendars of these years (occurrences)")
    p.add_argument("--recursive", action="store_true", help="take files from sub-folders too")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar while loading and tabulating (default: on a "
                   "terminal; needs the progress extra)")
    p.add_argument("--cache", action="store_true",
                   help="keep each file's row in a content-keyed store, so unchanged files are "
                   "not read again ($STEERING_CACHE_DIR, else ~/.cache/steering; needs the "
                   "arrow extra)")
    p.add_argument("--cache-dir", dest="cache_dir", metavar="DIR",
                   help="like --cache, with the store in DIR")
    p.add_argument("--workers", type=_positive, default=1,
                   help="load a folder in N processes (default: 1); with --cache each "
                   "sends back rows, not regulations")


def _add_doors(add: Callable[..., argparse.ArgumentParser], reg_help: str) -> None:
    """The subcommands that open the library to other programs: export and serve."""
    p = add("export", "the regulation as Popolo, W3C ORG (JSON-LD), GraphML, Mermaid or DOT",
            _cmd_export)
    p.add_argument("regulation", help=reg_help)
    p.add_argument("--format", required=True, choices=_EXPORTS, help="the output format")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--base", default="urn:steering:",
                   help="org-jsonld: prefix of the IRIs minted (default: urn:steering:)")

    p = add("serve", "a read-only HTTP API over the presets and a folder (needs the web extra)",
            _cmd_serve)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=_positive, default=8000, help="port (default: 8000)")
    p.add_argument("--workers", type=_positive, default=1, help="worker processes (default: 1)")
    p.add_argument("--dir", metavar="DIR",
                   help="also serve every regulation file (*.toml) in DIR")
    p.add_argument("--cors-origin", action="append", metavar="ORIGIN",
                   help="allow browser calls from ORIGIN (repeatable; '*' for any)")
    p.add_argument("--max-upload", type=_positive, default=MAX_BYTES, metavar="BYTES",
                   help=f"largest file POST /validate accepts (default: {MAX_BYTES})")


def _coverage_parser(p: argparse.ArgumentParser, reg_help: str) -> None:
    p.add_argument("regulation", help=reg_help)
    p.add_argument("--gaps", action="store_true",
                   help="list only the clauses no rule cites and no 'Not encoded:' note explains")


def _draft_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("text", help="the regulation's text: .txt, .md, .docx or .pdf (text layer)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the draft to FILE (and the text, as Unicode, beside it)")


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
        reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one exit per outcome
    """Run the ``steering`` command; returns the exit code."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if getattr(args, "handler", None) is None:
            raise UsageError(f"a command is required (see '{_PROG} --help')")
        return int(args.handler(_Context(args, sys.stdout)))
    except UsageError as e:
        return _fail(str(e))
    except RegulationFileError as e:
        return _fail(_one_line(e))
    except SteeringError as e:
        return _fail(" ".join(str(e).split()))
    except BrokenPipeError:
        # The reader went away (``steering show x | head``): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ANSWER
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # the command never shows a traceback
        if os.environ.get("STEERING_DEBUG"):
            raise
        return _fail(f"internal error: {type(e).__name__}: {' '.join(str(e).split())} "
                     "(please report; set STEERING_DEBUG=1 for the traceback)")


def _fail(message: str) -> int:
    sys.stderr.write(f"{_PROG}: error: {visible(message)}\n")
    return EXIT_USAGE
