"""Vietnamese working days for state agencies, and deadlines that fall on a day off.

A day is a **working day** of a state agency unless it is

- a Saturday or a Sunday (state agencies rest on both);
- a public holiday of Bộ luật Lao động 2019, Điều 112, or a compensatory day
  for a holiday that falls on a weekly rest day (Điều 111 khoản 3), as computed
  by the `holidays` package (``holidays.Vietnam``, Vietnamese names) and
  checked against the cited list of [`steering.days_off_law`][steering.days_off_law] (which wins,
  and warns, where they differ);
- a day given off in a yearly civil-service swap decided by the Government.

A weekend day worked in exchange for a swap is a working day. The swaps the
`holidays` package already knows are used as it lists them; the ones it misses
are kept, each with its deciding instrument, in the package data file
``steering/data/civil_service_swaps.toml``.

A deadline that falls on a day off moves by a [`ShiftPolicy`][steering.workdays.ShiftPolicy]. The
default is the rule of Bộ luật Dân sự 2015, Điều 148 khoản 5: the time limit
ends at the end of the next working day.

The stepping and counting are the `holidays` package's working-day API
(``is_working_day``, ``get_nth_working_day``, ``get_working_days_count``): each
calendar is handed to it as a `holidays` object holding its days off, its weekend
and its worked weekend days; this module only decides which days those are. A swap
day off is known as one structurally (its basis in the cited list names the weekend
day worked for it; outside the cited years, the package's own label for a
substituted day, or the shipped data file), not by its name.

Nothing here reads the clock: every function takes the day it is asked about.
Holiday sets are built once per year and cached.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import threading
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs
import holidays as _holidays
import pendulum

from steering import national_law
from steering._args import as_day
from steering._text import nfc
from steering.days_off_law import FIRST_YEAR, LAST_YEAR, cited_days_off, reconcile
from steering.errors import QueryError
from steering.limits import MAX_YEAR as _MAX_YEAR
from steering.limits import MIN_YEAR as _MIN_YEAR

__all__ = [
    "DEADLINE_SHIFT_CITATION",
    "MAX_YEAR",
    "MIN_YEAR",
    "VIETNAM",
    "ShiftPolicy",
    "Swap",
    "WorkingDays",
    "add_working_days",
    "coerce_policy",
    "day_off_reason",
    "days_off",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
    "shift_deadline",
    "swaps",
    "working_days_between",
]

#: First and last year the holiday calendar covers (the lunar calendar of the
#: `holidays` package covers 1901-2100); defined in [`steering.limits`][steering.limits].
MIN_YEAR = _MIN_YEAR
MAX_YEAR = _MAX_YEAR

#: Bộ luật Dân sự 2015, Điều 148 khoản 5: the default rule for a deadline on a day off.
DEADLINE_SHIFT_CITATION = national_law.citation("blds148.deadline_shift")

_WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


class ShiftPolicy(enum.Enum):
    """Where a deadline that falls on a day off moves.

    ``NEXT_WORKING_DAY`` is the rule of Bộ luật Dân sự 2015, Điều 148 khoản 5
    and the default everywhere. ``PREVIOUS_WORKING_DAY`` is the cautious
    reading some offices prefer ("submit before the break"). ``NONE`` keeps
    the date as computed, day off or not.
    """

    NEXT_WORKING_DAY = "next_working_day"
    PREVIOUS_WORKING_DAY = "previous_working_day"
    NONE = "none"


@attrs.frozen(kw_only=True)
class Swap:
    """A civil-service swap: a weekday given off for a weekend day worked.

    Attributes:
        day_off: The weekday given off.
        working_day: The weekend day worked in exchange.
        reference: The instrument that decides the swap.
        note: What the instrument says, in short.

    """

    day_off: dt.date
    working_day: dt.date
    reference: str = attrs.field(converter=nfc)
    note: str = attrs.field(default="", converter=nfc)

    @property
    def name(self) -> str:
        """The day off's name, in the form the `holidays` package uses."""
        return f"Ngày nghỉ (thay cho ngày {self.working_day:%d/%m/%Y})"


def _plain(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, day.day)


def _swap_from_toml(i: int, entry: Mapping[str, Any]) -> Swap:
    try:
        swap = Swap(
            day_off=entry["day_off"],
            working_day=entry["working_day"],
            reference=entry["reference"],
            note=entry.get("note", ""),
        )
    except (KeyError, TypeError) as e:  # pragma: no cover - guarded by tests of the shipped file
        raise QueryError(f"civil_service_swaps.toml: swaps[{i}]: {e}") from None
    if not isinstance(swap.day_off, dt.date) or not isinstance(swap.working_day, dt.date):
        raise QueryError(  # pragma: no cover - guarded by tests of the shipped file
            f"civil_service_swaps.toml: swaps[{i}]: day_off and working_day must be dates"
        )
    return swap


@functools.cache
def swaps() -> tuple[Swap, ...]:
    """The shipped civil-service swaps the `holidays` package misses, by date."""
    text = resources.files("steering").joinpath("data/civil_service_swaps.toml").read_text("utf-8")
    data = tomllib.loads(text)
    found = [_swap_from_toml(i, e) for i, e in enumerate(data.get("swaps", []))]
    return tuple(sorted(found, key=lambda s: s.day_off))


@attrs.frozen
class _Year:
    """The days off and worked weekend days of one year, before local changes.

    ``swapped`` are the days off that a civil-service swap gives (a weekday off for a
    weekend day worked): those a calendar without the swaps does not take off.
    """

    off: Mapping[dt.date, str]
    worked: frozenset[dt.date]
    swapped: frozenset[dt.date]


def _package_swaps(package: _holidays.HolidayBase) -> set[dt.date]:
    """The days off the package gives in exchange for a weekend day worked.

    The package names each by its own label for a substituted day, filled with the day
    worked ("Ngày nghỉ (thay cho ngày 26/04/2025)"): the day off is a swap when its name
    is that label for one of the package's worked weekend days.
    """
    label = package.tr(package.substituted_label)
    fmt = package.tr(package.substituted_date_format)
    names = {label % w.strftime(fmt) for w in getattr(package, "weekend_workdays", ())}
    return {d for d, name in package.items() if name in names}


@functools.cache
def _year(year: int) -> _Year:
    # Neighbouring years too: a swap may cross New Year (31/12/2018 off, 05/01/2019 worked).
    package = _holidays.country_holidays("VN", years=(year - 1, year, year + 1), language="vi")
    off: dict[dt.date, str] = {}
    for day, name in package.items():
        if day.year == year:
            off[day] = name
    worked = {d for d in getattr(package, "weekend_workdays", ()) if d.year == year}
    swapped = _package_swaps(package)
    for swap in swaps():
        if swap.day_off.year == year:
            off.setdefault(swap.day_off, swap.name)
            swapped.add(swap.day_off)
        if swap.working_day.year == year:
            worked.add(swap.working_day)
    # The package computes; the cited list (steering.days_off_law) is the law, and in
    # its years a day off is a swap when its basis names a weekend day worked for it.
    off, worked = reconcile(year, off, frozenset(worked))
    if FIRST_YEAR <= year <= LAST_YEAR:
        swapped = {d for d, c in cited_days_off(year).items() if c.basis.worked}
    return _Year(off=MappingProxyType(dict(sorted(off.items()))), worked=frozenset(worked),
                 swapped=frozenset(d for d in swapped if d in off))


def _date_set(values: Iterable[dt.date]) -> frozenset[dt.date]:
    out = set()
    for v in values:
        if isinstance(v, dt.datetime) or not isinstance(v, dt.date):
            raise QueryError(f"expected dates; found {type(v).__name__} {v!r}")
        out.add(_plain(v))
    return frozenset(out)


def _pairs(values: Iterable[tuple[dt.date, str]]) -> tuple[tuple[dt.date, str], ...]:
    return tuple((d, nfc(n)) for d, n in values)


def _weekend_set(values: Iterable[int]) -> frozenset[int]:
    out = frozenset(values)
    if not out <= set(range(7)) or len(out) == 7:
        raise QueryError(
            f"weekend must be weekday numbers 0 (Monday) to 6 (Sunday), not all seven; "
            f"found {sorted(out)}"
        )
    return out


@attrs.frozen(kw_only=True)
class WorkingDays:
    """A working-day calendar: weekends, public holidays, swaps, and local changes.

    The default, `VIETNAM`, is the calendar of Vietnamese state
    agencies.
    Build another one for local decisions, e.g. a province that gives a day
    off for a local event:

    ```python
    WorkingDays(extra_days_off={dt.date(2025, 3, 10)})
    ```

    Attributes:
        extra_days_off: Further days off (they win over everything else but
            ``extra_working_days``).
        extra_working_days: Days that are working days whatever else says.
        civil_service_swaps: Apply the Government's yearly swaps (those the
            `holidays` package lists and those in the shipped data file).
        weekend: Weekly rest days, 0 = Monday ... 6 = Sunday.

    """

    extra_days_off: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_date_set)
    extra_working_days: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_date_set)
    civil_service_swaps: bool = True
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_weekend_set)
    #: Names of some ``extra_days_off`` (a local decision's own words), as
    #: ``(date, name)`` pairs; a day off with no name reads "Ngày nghỉ (quy định riêng)".
    day_off_names: tuple[tuple[dt.date, str], ...] = attrs.field(
        default=(), converter=_pairs, repr=False
    )

    def _local_name(self, d: dt.date) -> str:
        for day, name in self.day_off_names:
            if day == d:
                return f"Ngày nghỉ ({name})"
        return "Ngày nghỉ (quy định riêng)"

    # -- single days -------------------------------------------------------

    def day_off_reason(self, day: dt.date) -> str | None:
        """Why ``day`` is a day off, in Vietnamese, or ``None`` for a working day.

        Holidays carry the `holidays` package's Vietnamese name ("Tết Nguyên Đán",
        "Quốc khánh"); swaps read "Ngày nghỉ (thay cho ngày 10/01/2026)"; weekly
        rest days read "Thứ Bảy" / "Chủ nhật".

        Raises:
            QueryError: ``day`` is not a date, or outside
                `MIN_YEAR`-`MAX_YEAR`.

        """
        d = as_day(day)
        return self._reason(d)

    def _reason(self, d: dt.date) -> str | None:
        days = _days_off(self)
        if days.is_working_day(d):
            return None
        return days.get(d) or _WEEKDAY_NAMES[d.weekday()]

    def is_working_day(self, day: dt.date) -> bool:
        """Whether state agencies work on ``day``.

        Raises:
            QueryError: ``day`` is not a date, or outside the covered years.

        """
        return self._reason(as_day(day)) is None

    # -- moving between days ----------------------------------------------

    def _step(self, d: dt.date, n: int) -> pendulum.Date:
        """The ``n``-th working day after ``d`` (before it for a negative ``n``)."""
        found = _days_off(self).get_nth_working_day(_plain(d), n)
        return pendulum.Date(found.year, found.month, found.day)

    def next_working_day(self, day: dt.date) -> pendulum.Date:
        """The first working day strictly after ``day``.

        Raises:
            QueryError: ``day`` is not a date, or outside the covered years.

        """
        return self._step(as_day(day), +1)

    def previous_working_day(self, day: dt.date) -> pendulum.Date:
        """The last working day strictly before ``day``.

        Raises:
            QueryError: ``day`` is not a date, or outside the covered years.

        """
        return self._step(as_day(day), -1)

    def add_working_days(self, day: dt.date, n: int) -> pendulum.Date:
        """The day ``n`` working days after ``day`` (before it when ``n`` is negative).

        Only working days are counted; ``day`` itself is not. ``n == 0``
        returns ``day`` unchanged, working day or not. So
        ``add_working_days(friday, 1)`` is the next Monday, if it is a working day.

        Raises:
            QueryError: ``n`` is not an integer, or a day is outside the covered years.

        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise QueryError(f"n must be an integer; found {type(n).__name__} {n!r}")
        d = as_day(day)
        return self._step(d, n) if n else d

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie in ``[start, end]``, both ends included.

        Raises:
            QueryError: ``start`` is after ``end``, or a day is not a date.

        """
        a, b = as_day(start, "start"), as_day(end, "end")
        if a > b:
            raise QueryError(f"start {a.isoformat()} is after end {b.isoformat()}")
        return _days_off(self).get_working_days_count(_plain(a), _plain(b))

    def shift(
        self, day: dt.date, policy: ShiftPolicy | str = ShiftPolicy.NEXT_WORKING_DAY
    ) -> pendulum.Date:
        """Move a deadline that falls on a day off, by ``policy``.

        A deadline on a working day stays put. Under the default policy
        (Bộ luật Dân sự 2015, Điều 148 khoản 5) a deadline on a day off moves to
        the next working day.

        Raises:
            QueryError: ``policy`` is not a [`ShiftPolicy`][steering.workdays.ShiftPolicy] (or its
                value),
                or ``day`` is not a date.

        """
        p = coerce_policy(policy)
        d = as_day(day)
        if p is ShiftPolicy.NONE or self._reason(d) is None:
            return d
        return self._step(d, +1 if p is ShiftPolicy.NEXT_WORKING_DAY else -1)

    def days_off(self, year: int) -> Mapping[dt.date, str]:
        """Every day off of ``year`` that is not a weekly rest day, with its name.

        Holidays and swap days that fall on a weekend are listed too (with
        their name), so the mapping shows the year as the law writes it.

        Raises:
            QueryError: ``year`` is outside
                `MIN_YEAR`-`MAX_YEAR`.

        """
        if isinstance(year, bool) or not isinstance(year, int):
            raise QueryError(f"year must be an integer; found {type(year).__name__} {year!r}")
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise QueryError(f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
        out: dict[dt.date, str] = {}
        known = _year(year)
        for d, name in known.off.items():
            if self.civil_service_swaps or d not in known.swapped:
                out[d] = name
        for d in self.extra_days_off:
            if d.year == year:
                out[d] = self._local_name(d)
        for d in self.extra_working_days:
            out.pop(d, None)
        return MappingProxyType(dict(sorted(out.items())))


def coerce_policy(policy: ShiftPolicy | str) -> ShiftPolicy:
    """A `ShiftPolicy` from itself or its value (``"next_working_day"``)."""
    if isinstance(policy, ShiftPolicy):
        return policy
    try:
        return ShiftPolicy(policy)
    except ValueError:
        allowed = ", ".join(repr(p.value) for p in ShiftPolicy)
        raise QueryError(f"unknown shift policy {policy!r}; allowed: {allowed}") from None


class _DaysOff(_holidays.HolidayBase):
    """One `WorkingDays` calendar as a `holidays` object, for the package's working-day API.

    Its days are the calendar's `days_off` of each year, its weekend the calendar's, and
    its worked weekend days those the swaps and ``extra_working_days`` make working;
    `is_working_day`, `get_nth_working_day` and `get_working_days_count` are the
    package's. A year is filled on first use, under a lock, so two threads never read a
    half-filled year; a year outside the covered ones raises a `QueryError`.
    """

    def __init__(self, calendar: WorkingDays) -> None:
        self._calendar = calendar
        self._lock = threading.RLock()
        self._ready: set[int] = set()
        self.weekend = set(calendar.weekend)
        self.weekend_workdays = set()
        super().__init__(language="vi")

    def __keytransform__(self, key: Any) -> dt.date:
        year = getattr(key, "year", None)
        if year in self._ready:
            return super().__keytransform__(key)
        with self._lock:  # re-entered while a year fills (each day set is a look-up)
            day: dt.date = super().__keytransform__(key)
            return day

    def _populate(self, year: int) -> None:
        if not MIN_YEAR <= year <= MAX_YEAR:
            self.years.discard(year)  # asked again, it fails again
            raise QueryError(
                f"no working day found inside the covered years ({MIN_YEAR}-{MAX_YEAR})"
            )
        calendar = self._calendar
        off = calendar.days_off(year)
        for day, name in off.items():
            self[day] = name
        if calendar.civil_service_swaps:
            self.weekend_workdays.update(d for d in _year(year).worked if d not in off)
        self.weekend_workdays.update(
            d for d in calendar.extra_working_days if d.year == year)
        self._ready.add(year)  # only now may another thread read the year without the lock


@functools.lru_cache(maxsize=64)
def _days_off(calendar: WorkingDays) -> _DaysOff:
    return _DaysOff(calendar)


#: The working-day calendar of Vietnamese state agencies.
VIETNAM = WorkingDays()


def is_working_day(day: dt.date) -> bool:
    """Whether Vietnamese state agencies work on ``day`` (see `WorkingDays`)."""
    return VIETNAM.is_working_day(day)


def day_off_reason(day: dt.date) -> str | None:
    """Why ``day`` is a day off for state agencies, in Vietnamese, or ``None``."""
    return VIETNAM.day_off_reason(day)


def next_working_day(day: dt.date) -> pendulum.Date:
    """The first working day strictly after ``day``."""
    return VIETNAM.next_working_day(day)


def previous_working_day(day: dt.date) -> pendulum.Date:
    """The last working day strictly before ``day``."""
    return VIETNAM.previous_working_day(day)


def add_working_days(day: dt.date, n: int) -> pendulum.Date:
    """The day ``n`` working days after ``day`` (see `WorkingDays.add_working_days`)."""
    return VIETNAM.add_working_days(day, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days lie in ``[start, end]``, both ends included."""
    return VIETNAM.working_days_between(start, end)


def shift_deadline(
    day: dt.date, policy: ShiftPolicy | str = ShiftPolicy.NEXT_WORKING_DAY
) -> pendulum.Date:
    """Move a deadline off a day off (default: Bộ luật Dân sự 2015, Điều 148 khoản 5)."""
    return VIETNAM.shift(day, policy)


def days_off(year: int) -> Mapping[dt.date, str]:
    """Every named day off of ``year`` for state agencies (see `WorkingDays.days_off`)."""
    return VIETNAM.days_off(year)
