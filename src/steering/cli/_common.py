"""What every subcommand shares: exit codes, words, the context, tables, loading."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from steering import presets
from steering._escape import json_text, terminal, visible
from steering._text import vi_date
from steering.errors import RegulationFileError, SteeringError
from steering.loader import load as load_file
from steering.regulation import Regulation
from steering.ruling import ruling_json
from steering.text import label

#: Exit code: the question has an answer.
EXIT_ANSWER = 0
#: Exit code: the question has no answer, or validation found problems.
EXIT_NO_ANSWER = 1
#: Exit code: bad usage or bad input.
EXIT_USAGE = 2

_PROG = "steering"
#: Columns the command's text fits by default (``--wide`` lifts the limit).
WIDTH = 100


class UsageError(SteeringError):
    """The command line or its input cannot be used (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


# ----------------------------------------------------------------- words



# ----------------------------------------------------------------- machine form


def _dump(data: Any, out: TextIO) -> None:
    # Vietnamese stays readable; C1, bidi and line-separator characters become \u escapes.
    out.write(json_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)))
    out.write("\n")


# ----------------------------------------------------------------- input


def load_regulation(ref: str) -> Regulation:
    """A preset id or the path of a regulation file.

    Raises:
        UsageError: Neither a preset nor a readable file; or the file is not a
            valid regulation (the message is one line, naming the first problem
            and how many there are).

    """
    if ref in presets.names():
        return presets.load(ref)
    p = Path(ref)
    shown = visible(repr(ref if len(ref) <= 80 else ref[:77] + "..."))
    try:
        exists = p.exists()
    except (OSError, ValueError) as e:  # a name too long, a NUL
        raise UsageError(f"{shown} cannot be a file here ({getattr(e, 'strerror', None) or e}); "
                         f"allowed: a preset id ({', '.join(presets.names())}) or a regulation "
                         "file") from None
    if not exists:
        raise UsageError(
            f"{shown} is neither a preset id ({', '.join(presets.names())}) nor an existing file"
        )
    if p.is_dir():
        raise UsageError(f"{ref!r} is a directory; allowed: a preset id or a regulation file")
    try:
        return load_file(p)
    except RegulationFileError as e:
        raise UsageError(_one_line(e)) from None


def _one_line(e: RegulationFileError) -> str:
    n = len(e.problems)
    if not e.problems:
        return str(e).splitlines()[0]
    first = e.problems[0]
    where = f"{first.path}: " if first.path else ""
    more = f" (and {n - 1} more; run 'steering validate {e.file}')" if n > 1 else ""
    message = " ".join(first.message.split())
    return f"{e.file}: {where}{message}{more}"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"found {text!r}; allowed: a date YYYY-MM-DD"
        ) from None


def _ids(text: str) -> frozenset[str]:
    return frozenset(x.strip() for x in text.split(",") if x.strip())


# ----------------------------------------------------------------- output


_NARROWEST = 10


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = None) -> str:
    """A plain-text table with columns padded to their widest cell.

    With ``width``, the widest columns are narrowed (to no less than 10
    characters) until a line fits, and their cells wrap onto further lines.
    """
    rows = [[visible(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    if width is not None:
        while sum(widths) + 2 * (len(widths) - 1) > width:
            i = max(range(len(widths)), key=lambda k: (widths[k], -k))
            if widths[i] <= _NARROWEST:
                break
            over = sum(widths) + 2 * (len(widths) - 1) - width
            second = max((w for k, w in enumerate(widths) if k != i), default=0)
            widths[i] = max(_NARROWEST, widths[i] - over, min(widths[i] - 1, second))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        cells = [textwrap.wrap(cell, widths[i], break_on_hyphens=False) or [""]
                 for i, cell in enumerate(row)]
        for k in range(max(len(c) for c in cells)):
            lines.append("  ".join(
                (c[k] if k < len(c) else "").ljust(widths[i]) for i, c in enumerate(cells)
            ).rstrip())
    return "\n".join(lines)


def _wrap(line: str, width: int) -> list[str]:
    """One line as lines of at most ``width`` characters, continuations indented."""
    if len(line) <= width:
        return [line]
    lead = len(line) - len(line.lstrip(" "))
    body = line[lead:]
    extra = 2 if body.startswith(("- ", "[")) else 0
    return textwrap.wrap(body, width, initial_indent=" " * lead,
                         subsequent_indent=" " * (lead + extra + 2),
                         break_on_hyphens=False) or [line]


def _status_code(status: Any) -> int:
    return EXIT_ANSWER if str(getattr(status, "value", status)) == "decided" else EXIT_NO_ANSWER


class _Context:
    """What every command handler needs: the options and where to write."""

    def __init__(self, args: argparse.Namespace, out: TextIO) -> None:
        self.args = args
        self.out = out
        self.lang: str = args.lang
        self.json: bool = args.json
        self.width: int | None = None if getattr(args, "wide", False) else WIDTH

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def day(self, value: object) -> str:
        """A date as the answer's language writes it: 19/10/2018 (vi), 2018-10-19 (en)."""
        return vi_date(value) if self.lang == "vi" else str(value)

    def print(self, text: str = "", *, wrap: bool = True) -> None:
        # Text from a file is text: no escape sequence, CR or bidi override reaches the terminal.
        safe = terminal(text)
        if wrap and self.width is not None:
            safe = "\n".join(w for line in safe.split("\n") for w in _wrap(line, self.width))
        self.out.write(safe + "\n")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.print(_table(headers, rows, self.width), wrap=False)

    def dump(self, data: Any) -> None:
        _dump(data, self.out)

    def ruling(self, ruling: Any, reg: Regulation) -> int:
        if self.json:
            self.dump(ruling_json(ruling, reg, self.lang))
        else:
            _print_ruling(self, ruling)
        return _status_code(ruling.status)


def _print_ruling(ctx: _Context, ruling: Any) -> None:
    ctx.print(ruling.explain(ctx.lang))
    for c in ruling.citations:
        ctx.print(f"  - {c.label(ctx.lang)}: {c.shown(ctx.lang)}")


# ----------------------------------------------------------------- commands


