"""Days off as law: the cited list the working-day calendar is checked against.

The `holidays` package computes Vietnam's public holidays (lunar dates
included). It is a computation, not a source of law: a release can add or
drop a day. steering ships the days off of state agencies for
`FIRST_YEAR`-`LAST_YEAR` in
``steering/data/public_holidays.toml``,
each day with its basis (Bộ luật Lao động 2019 Điều 112 khoản 1 and Điều 111
khoản 3, Bộ luật Lao động 2012 Điều 115 for 2020, and the yearly civil-service
instruments), and days the package lists that are not days off in law, with
the reason ("Ngày Văn hóa Việt Nam", 24/11: chosen by the Politburo, an
amendment of Điều 112 directed by Nghị quyết 30/NQ-CP, no enacted amendment
found).

[`reconcile`][steering.days_off_law.reconcile] is what [`steering.workdays`][steering.workdays]
uses: for a pinned year it
returns the cited days, and warns ([`HolidayDataWarning`][steering.errors.HolidayDataWarning])
when the package adds or drops a day the data does not explain. Outside the
pinned years it keeps the package's days whose name is a holiday of the law
and drops (with a warning) any other.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
import warnings
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from steering._text import nfc
from steering.errors import HolidayDataWarning, QueryError

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Basis",
    "CitedDay",
    "Excluded",
    "bases",
    "cited_days_off",
    "cited_worked_days",
    "excluded",
    "reconcile",
]

_FILE = "data/public_holidays.toml"

# Names of the `holidays` package (language="vi") that are holidays of the law,
# for years outside the pinned range. A compensatory day carries " (nghỉ bù)".
_LAW_NAMES = (
    "Tết Dương lịch",
    "29 Tết",
    "Giao thừa Tết Nguyên Đán",
    "Tết Nguyên Đán",
    "Mùng hai Tết Nguyên Đán",
    "Mùng ba Tết Nguyên Đán",
    "Mùng bốn Tết Nguyên Đán",
    "Mùng năm Tết Nguyên Đán",
    "Ngày Giỗ Tổ Hùng Vương",
    "Ngày Chiến thắng",
    "Ngày Quốc tế Lao động",
    "Quốc khánh",
)


@attrs.frozen(kw_only=True)
class Basis:
    """The instrument and clause a day off rests on.

    Attributes:
        key: The key days refer to (``"a"``: Điều 112 khoản 1 điểm a).
        document: The instrument ("Bộ luật Lao động 2019", "Công văn 12729/VPCP-KGVX ...").
        article: Article (Điều), or ``None``.
        clause: Clause (khoản), or ``None``.
        point: Point (điểm), or ``""``.
        quote: The clause's words, verbatim, where shipped; else ``""``.
        note: What the instrument decides, in short, and what is not verified.
        worked: Weekend days worked in exchange (a civil-service swap).

    """

    key: str
    document: str = attrs.field(converter=nfc)
    article: int | None = None
    clause: int | None = None
    point: str = attrs.field(default="", converter=nfc)
    quote: str = attrs.field(default="", converter=nfc)
    note: str = attrs.field(default="", converter=nfc)
    worked: tuple[dt.date, ...] = attrs.field(default=(), converter=tuple)

    def label(self, lang: str = "vi") -> str:
        """The basis in words: ``"Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a"``."""
        parts = []
        if self.article is not None:
            parts.append(f"Điều {self.article}" if lang == "vi" else f"Article {self.article}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}" if lang == "vi" else f"({self.clause})")
        if self.point:
            parts.append(f"điểm {self.point}" if lang == "vi" else f"({self.point})")
        where = " ".join(parts) if lang == "vi" else "".join(
            [parts[0], *parts[1:]] if parts else []
        )
        return f"{self.document}, {where}" if where else self.document


@attrs.frozen(kw_only=True)
class CitedDay:
    """One day off of a pinned year, with its basis.

    Attributes:
        date: The day.
        name: Its name, in the `holidays` package's Vietnamese form.
        basis: The rule or instrument it rests on.
        year_note: The year's note (which yearly instruments were verified).

    """

    date: dt.date
    name: str = attrs.field(converter=nfc)
    basis: Basis
    year_note: str = attrs.field(default="", converter=nfc)


@attrs.frozen(kw_only=True)
class Excluded:
    """A day the `holidays` package lists that is not a day off in law, and why."""

    date: dt.date
    name: str = attrs.field(converter=nfc)
    reason: str = attrs.field(converter=nfc)


def _bad(where: str, what: str) -> QueryError:  # pragma: no cover - guarded by tests
    return QueryError(f"public_holidays.toml: {where}: {what}")


@functools.cache
def _data() -> Mapping[str, Any]:
    text = resources.files("steering").joinpath(_FILE).read_text("utf-8")
    return tomllib.loads(text)


@functools.cache
def bases() -> Mapping[str, Basis]:
    """Every basis of the cited list, by key."""
    out: dict[str, Basis] = {}
    for i, e in enumerate(_data()["bases"]):
        try:
            out[e["key"]] = Basis(**e)
        except (KeyError, TypeError) as err:  # pragma: no cover - guarded by tests
            raise _bad(f"bases[{i}]", str(err)) from None
    return MappingProxyType(out)


#: First and last year whose days off are pinned in the cited list.
FIRST_YEAR: int = int(_data()["first_year"])
LAST_YEAR: int = int(_data()["last_year"])


@functools.cache
def _years() -> Mapping[int, tuple[CitedDay, ...]]:
    known = bases()
    out: dict[int, tuple[CitedDay, ...]] = {}
    for i, y in enumerate(_data()["years"]):
        days = []
        for j, d in enumerate(y["off"]):
            if d["basis"] not in known:  # pragma: no cover - guarded by tests
                raise _bad(f"years[{i}].off[{j}]", f"unknown basis {d['basis']!r}")
            days.append(CitedDay(date=d["date"], name=d["name"], basis=known[d["basis"]],
                                 year_note=y.get("note", "")))
        out[int(y["year"])] = tuple(sorted(days, key=lambda c: c.date))
    return MappingProxyType(out)


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise QueryError(f"year must be an integer; found {type(year).__name__} {year!r}")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise QueryError(f"year {year} is outside the cited years {FIRST_YEAR}-{LAST_YEAR}")
    return year


def cited_days_off(year: int) -> Mapping[dt.date, CitedDay]:
    """The cited days off of a pinned year, by date (weekend holidays included).

    Raises:
        QueryError: ``year`` is not an integer in
            `FIRST_YEAR`-`LAST_YEAR`.

    """
    y = _check_year(year)
    return MappingProxyType({c.date: c for c in _years()[y]})


def cited_worked_days(year: int) -> frozenset[dt.date]:
    """Weekend days worked in exchange for a cited swap in ``year``.

    Raises:
        QueryError: ``year`` is not an integer in
            `FIRST_YEAR`-`LAST_YEAR`.

    """
    y = _check_year(year)
    return frozenset(w for b in bases().values() for w in b.worked if w.year == y)


@functools.cache
def excluded() -> Mapping[dt.date, Excluded]:
    """Days the `holidays` package lists that are not days off in law, with the reason."""
    return MappingProxyType({
        e["date"]: Excluded(date=e["date"], name=e["name"], reason=e["reason"])
        for e in _data().get("excluded", [])
    })


def _law_name(name: str) -> bool:
    base = name.removesuffix(" (nghỉ bù)")
    return base in _LAW_NAMES or name.startswith("Ngày nghỉ (thay cho ngày ")


def reconcile(
    year: int, package_off: Mapping[dt.date, str], package_worked: frozenset[dt.date]
) -> tuple[dict[dt.date, str], set[dt.date]]:
    """The days off and worked weekend days of ``year``, as law, from the package's answer.

    For a pinned year the cited list wins: a day the package adds or drops that
    [`excluded`][steering.days_off_law.excluded] does not explain raises a
    [`HolidayDataWarning`][steering.errors.HolidayDataWarning] naming it. Outside the pinned
    years, the package's days whose name is not a holiday of the law are dropped
    (explained ones silently, others with a warning).

    Args:
        year: The year.
        package_off: The package's days off of ``year`` (Vietnamese names),
            with the shipped civil-service swaps added.
        package_worked: The package's weekend days worked in ``year``, swaps added.

    """
    if FIRST_YEAR <= year <= LAST_YEAR:
        cited = cited_days_off(year)
        worked = set(cited_worked_days(year))
        gone = excluded()
        added = sorted(d for d in package_off if d not in cited and d not in gone)
        dropped = sorted(d for d in cited if d not in package_off)
        extra_worked = sorted(package_worked ^ worked)
        if added or dropped or extra_worked:
            parts = []
            if added:
                parts.append("the package adds " + ", ".join(
                    f"{d.isoformat()} ({package_off[d]})" for d in added))
            if dropped:
                parts.append("the package drops " + ", ".join(
                    f"{d.isoformat()} ({cited[d].name})" for d in dropped))
            if extra_worked:
                parts.append("worked weekend days differ: " + ", ".join(
                    d.isoformat() for d in extra_worked))
            warnings.warn(
                f"days off {year}: {'; '.join(parts)}; steering follows the cited list "
                "(steering/data/public_holidays.toml) until it cites an instrument for the change",
                HolidayDataWarning,
                stacklevel=4,
            )
        return {d: c.name for d, c in cited.items()}, worked
    out: dict[dt.date, str] = {}
    unexplained = []
    for d, name in package_off.items():
        if _law_name(name):
            out[d] = name
        elif not name.startswith("Ngày Văn hóa Việt Nam"):
            unexplained.append(f"{d.isoformat()} ({name})")
    if unexplained:
        warnings.warn(
            f"days off {year}: the package lists {', '.join(unexplained)}, which no cited law "
            "makes a day off; steering leaves them out",
            HolidayDataWarning,
            stacklevel=4,
        )
    return out, set(package_worked)
