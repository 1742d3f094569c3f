"""A progress bar for long jobs, when asked for and when tqdm is installed.

Loading, tabulating and exporting thousands of regulations takes seconds to
minutes. ``tqdm`` (the ``progress`` extra) draws the bar: on standard error in a
terminal, as a widget in a notebook (``tqdm.auto``). It is optional: without it,
or when not asked, the items pass through unchanged and nothing is written.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable
from typing import TypeVar

__all__ = ["progress"]

T = TypeVar("T")


def progress(items: Iterable[T], want: bool | None, *, total: int | None = None,
             desc: str = "loading", unit: str = "file") -> Iterable[T]:
    """``items``, with a progress bar when ``want`` (``None``: when standard error is a terminal).

    Without tqdm installed the items pass through unchanged, silently: a bar is a
    convenience, never a reason to fail a job.
    """
    show = sys.stderr.isatty() if want is None else bool(want)
    if not show:
        return items
    try:  # imported by name: optional (the 'progress' extra), and untyped
        tqdm = importlib.import_module("tqdm.auto").tqdm
    except ImportError:
        return items
    bar: Iterable[T] = tqdm(items, desc=desc, unit=unit, file=sys.stderr, total=total)
    return bar
