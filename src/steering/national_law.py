"""National law the engines cite, read from cited, dated data (``data/national_law.toml``).

The signing forms rest on Nghị định 30/2020/NĐ-CP (Điều 13), the reporting periods on
Nghị định 09/2019/NĐ-CP (Điều 12), the moving of a deadline that falls on a day off on
Bộ luật Dân sự 2015 (Điều 148 khoản 5). Their words are data, not code: each provision
has its instrument (number, issuer, date, title), its article and clause, and its
verbatim quote; a change of law is a change of the data file, reviewed as text.
The public holidays and the yearly civil-service swaps are data files too
([`steering.days_off_law`][steering.days_off_law]).
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from importlib import resources
from typing import Any

import attrs

from steering.rules import Citation

__all__ = ["Instrument", "citation", "instrument", "provisions"]

_FILE = "data/national_law.toml"


@attrs.frozen(kw_only=True)
class Instrument:
    """A national legal instrument the library cites.

    Attributes:
        key: Its key in the data file (``"nd-30-2020"``).
        document: The name citations use (``"Nghị định 30/2020/NĐ-CP"``).
        kind: ``"Nghị định"``, ``"Bộ luật"`` ...
        number: Its number (``"30/2020/NĐ-CP"``).
        issuer: Who issued it (``"Chính phủ"``).
        date: The day it was signed or adopted.
        title: Its title.

    """

    key: str
    document: str
    kind: str
    number: str
    issuer: str
    date: dt.date
    title: str


@functools.cache
def _data() -> tuple[dict[str, Instrument], dict[str, tuple[str, Citation]]]:
    raw: dict[str, Any] = tomllib.loads(
        resources.files("steering").joinpath(_FILE).read_text("utf-8"))
    instruments = {i["key"]: Instrument(**i) for i in raw["instruments"]}
    cited: dict[str, tuple[str, Citation]] = {}
    for p in raw["provisions"]:
        inst = instruments[p["instrument"]]
        cited[p["key"]] = (inst.key, Citation(document=inst.document, article=p["article"],
                                              clause=p["clause"], quote=p["quote"]))
    return instruments, cited


def citation(key: str) -> Citation:
    """The provision with this key (``"nd30.tuq"``), as a citation of its instrument.

    Raises:
        KeyError: No provision has this key (a programming error: the keys are the
            library's own).

    """
    return _data()[1][key][1]


def instrument(key: str) -> Instrument:
    """The instrument with this key (``"nd-30-2020"``)."""
    return _data()[0][key]


def provisions() -> dict[str, Citation]:
    """Every provision, by key, in the data file's order."""
    return {k: c for k, (_, c) in _data()[1].items()}
