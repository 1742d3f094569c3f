"""Arguments at the door: one check per kind of argument, the same for every public function.

Wrong values raise [`QueryError`][steering.errors.QueryError]; wrong types raise
[`ArgumentTypeError`][steering.errors.ArgumentTypeError] (a ``QueryError`` and a ``TypeError``).
The rules, documented in ``docs/security.md``:

- ids, names and document kinds are ``str`` of at most
  [`MAX_ARG_CHARS`][steering._args.MAX_ARG_CHARS]
  characters (so no question costs more than its answer, and no cache holds
  megabytes of questions);
- ``absent`` is one id or an iterable of ids; left out (``None``) it is the
  question's default, the same at every door (Python, CLI, web): for
  ``acting_for`` the post asked about ("who acts for X" presumes X is away), for
  ``signature_block`` nobody (the post signs itself);
- a date is a ``datetime.date`` (a ``pendulum.Date`` is one) or an ISO string
  ``YYYY-MM-DD``; a ``datetime`` is refused, since a time of day would be dropped
  silently;
- a flag is ``True`` or ``False``, never a truthy string.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import pendulum

from steering._escape import visible
from steering._text import nfc
from steering.errors import ArgumentTypeError, QueryError
from steering.limits import MAX_YEAR, MIN_YEAR

__all__ = ["MAX_ARG_CHARS", "as_date", "as_flag", "as_ids", "as_lang", "as_text"]

#: Longest id, name or document kind a question may carry (characters).
MAX_ARG_CHARS = 1_000

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _shown(value: object) -> str:
    text = visible(repr(value))
    return text if len(text) <= 60 else text[:57] + "..."


def as_text(value: object, what: str) -> str:
    """``value`` as an NFC string, or the error that says why it is not one."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{what}: found {type(value).__name__} {_shown(value)}; "
                                "allowed: a string")
    if len(value) > MAX_ARG_CHARS:
        raise QueryError(f"{what}: found a string of {len(value)} characters; allowed: at most "
                         f"{MAX_ARG_CHARS}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(f"{what}: found {_shown(value)}, which holds a lone surrogate; "
                         "allowed: Unicode text") from None
    return nfc(value)


def as_ids(value: object, what: str = "absent") -> frozenset[str]:
    """``None`` (nobody), one id, or an iterable of ids, as a set of ids."""
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset((as_text(value, what),))
    if isinstance(value, bytes | bytearray | dict) or not isinstance(value, Iterable):
        raise ArgumentTypeError(f"{what}: found {type(value).__name__} {_shown(value)}; "
                                "allowed: None, a post id, or an iterable of post ids")
    items: list[Any] = []
    for i, item in enumerate(value):
        if i >= 10 * MAX_ARG_CHARS:
            raise QueryError(f"{what}: found more than {10 * MAX_ARG_CHARS} ids")
        items.append(as_text(item, f"{what}[{i}]"))
    return frozenset(items)


def as_date(value: object, what: str = "on") -> dt.date | None:
    """``None``, a date, or an ISO ``YYYY-MM-DD`` string, as a plain ``datetime.date``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise ArgumentTypeError(f"{what}: found a datetime {_shown(value)}; allowed: a date "
                                "(datetime.date, pendulum.Date or 'YYYY-MM-DD')")
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        if _ISO.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise QueryError(f"{what}: found {_shown(value)}; allowed: a date YYYY-MM-DD")
    raise ArgumentTypeError(f"{what}: found {type(value).__name__} {_shown(value)}; allowed: a "
                            "date (datetime.date, pendulum.Date or 'YYYY-MM-DD')")


def as_flag(value: object, what: str) -> bool:
    """``True`` or ``False`` only."""
    if not isinstance(value, bool):
        raise ArgumentTypeError(f"{what}: found {type(value).__name__} {_shown(value)}; "
                                "allowed: True or False")
    return value


def as_lang(value: object, what: str = "lang") -> str:
    """``"vi"`` or ``"en"``: the languages every answer is given in."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{what}: found {type(value).__name__} {_shown(value)}; "
                                "allowed: 'vi' or 'en'")
    if value not in ("vi", "en"):
        raise QueryError(f"{what}: found {_shown(value)}; allowed: 'vi' or 'en'")
    return value


def as_day(value: object, what: str = "day") -> pendulum.Date:
    """A day of the years the calendars cover, as a `pendulum.Date` (no string, no datetime).

    Raises:
        QueryError: ``value`` is not a ``datetime.date`` (a ``datetime`` is refused), or
            lies outside `MIN_YEAR`-`MAX_YEAR`.

    """
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise QueryError(
            f"{what} must be a date (datetime.date or pendulum.Date); found "
            f"{type(value).__name__} {value!r}"
        )
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise QueryError(
            f"{what} {value.isoformat()} is outside the years the calendars cover "
            f"({MIN_YEAR}-{MAX_YEAR})"
        )
    if isinstance(value, pendulum.Date):
        return value
    return pendulum.Date(value.year, value.month, value.day)
