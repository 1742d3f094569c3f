"""Text helpers: NFC normalisation and forgiving matching of Vietnamese names."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

__all__ = ["fold", "nfc", "to_str_tuple", "unique", "vi_date"]


def nfc(value: str) -> str:
    """Return ``value`` in Unicode NFC, the form every stored string takes."""
    return unicodedata.normalize("NFC", value)


def vi_date(value: object) -> str:
    """A date as Vietnamese text writes it: ``19/10/2018``, ``08/2024``, ``2024``.

    Takes a ``datetime.date`` or a partial date (anything with ``year``,
    ``month`` and ``day``, a missing part ``None``); anything else as ``str``.
    """
    year = getattr(value, "year", None)
    if not isinstance(year, int):
        return str(value)
    month, day = getattr(value, "month", None), getattr(value, "day", None)
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{month:02d}/{year:04d}"
    return f"{day:02d}/{month:02d}/{year:04d}"


def unique(items: Iterable[str]) -> list[str]:
    """``items`` each once, in the order first seen."""
    return list(dict.fromkeys(items))


def to_str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Convert an iterable of strings to an NFC tuple (attrs converter)."""
    if isinstance(values, str):
        return (nfc(values),)
    return tuple(nfc(v) for v in values)


_SPACE = re.compile(r"\s+")


#: Names up to this length are folded once and remembered (a registry repeats the
#: genre's words); longer texts are folded each time, so the memory stays bounded.
_FOLD_CACHED_CHARS = 256


def fold(value: str) -> str:
    """Fold a name for forgiving comparison: no diacritics, no case, single spaces.

    ``đ`` folds to ``d``; every other mark is dropped after NFD decomposition.
    """
    if len(value) <= _FOLD_CACHED_CHARS:
        return _fold_cached(value)
    return _fold(value)


@functools.lru_cache(maxsize=32_768)
def _fold_cached(value: str) -> str:
    return _fold(value)


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", bare).strip().casefold()
