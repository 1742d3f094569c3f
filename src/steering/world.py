"""The regulation in the world: the 2025 reorganisation and later decisions, as cited data.

A regulation cannot know that its locality was merged, that the district
level it names ended, or that a later decision replaced it. steering ships
these facts in ``steering/data/reorganisation.toml``, each with its
instrument (number, issuer, date, how it was verified), and says them where
an answer is dated past them:

- [`caveats`][steering.world.caveats] lists, for a regulation and a date, the changes already in
  effect (a [`Caveat`][steering.world.Caveat] each, explained in Vietnamese and English);
- a caveat is *decisive* when it leaves the regulation's applicability unknown:
  its own locality was merged or reorganised (Đắk Nông into tỉnh Lâm Đồng,
  thành phố Vũng Tàu ended, xã Tùng Châu's communes reorganised), or a later
  decision of the same locality had taken effect (thanh-hoa-2021 after
  06/6/2022). A dated answer past a decisive caveat is not ``decided``
  ([`situate`][steering.world.situate],
  [`situate_occurrences`][steering.world.situate_occurrences]); the answer the text gives is
  kept in the explanation;
- other caveats are information: tỉnh Thanh Hóa is kept at province level, but
  its district-level units (the thanh-hoa-2024 monitoring annex) ended on
  01/07/2025; [`situate_monitor`][steering.world.situate_monitor] makes a monitoring answer for
  such a unit
  not decided.

Only the shipped presets are matched (same id and locality): a user's file
for another locality gets no caveat from this data.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from steering import reasons
from steering._text import nfc
from steering.errors import QueryError
from steering.reasons import AsWritten, ChangeKind, Reason
from steering.regulation import Level
from steering.text import Worded, render

if TYPE_CHECKING:
    from steering.regulation import Regulation
    from steering.ruling import Ruling
    from steering.schedule import Occurrence

__all__ = [
    "Caveat",
    "CaveatKind",
    "Change",
    "ChangeKind",
    "Instrument",
    "applicability_unknown_from",
    "caveats",
    "changes",
    "instruments",
    "known_changes",
    "situate",
    "situate_monitor",
    "situate_occurrences",
]

_FILE = "data/reorganisation.toml"
_DISTRICT_UNITS = frozenset({"huyện", "thị xã", "thành phố", "quận"})


@attrs.frozen(kw_only=True)
class Instrument:
    """A legal instrument of the reorganisation.

    Attributes:
        key: The key changes refer to.
        kind: "Nghị quyết", "Luật".
        number: "202/2025/QH15".
        issuer: "Quốc hội", "Ủy ban Thường vụ Quốc hội".
        date: The day it was adopted or signed.
        effective: The day the new units operate.
        title: Its title after the kind ("về việc sắp xếp đơn vị hành chính cấp tỉnh").
        article: The article used ("Điều 1"), or ``""`` when it was not read.
        verified: Where its number and date were checked.

    """

    key: str
    kind: str = attrs.field(converter=nfc)
    number: str = attrs.field(converter=nfc)
    issuer: str = attrs.field(converter=nfc)
    date: dt.date
    effective: dt.date
    title: str = attrs.field(converter=nfc)
    article: str = attrs.field(default="", converter=nfc)
    verified: str = attrs.field(default="", converter=nfc)

    def label(self, lang: str = "vi") -> str:
        """The instrument in words: ``"Nghị quyết 202/2025/QH15 ngày 12/06/2025 của Quốc hội"``.

        English: ``"Nghị quyết 202/2025/QH15 of 12/06/2025, Quốc hội"``; the
        article used, if any, comes last ("..., Điều 1").
        """
        art = f", {self.article}" if self.article else ""
        if lang == "vi":
            return f"{self.kind} {self.number} ngày {_d(self.date)} của {self.issuer}{art}"
        art = art.replace("Điều ", "Article ")
        return f"{self.kind} {self.number} of {_d(self.date)}, {self.issuer}{art}"


@attrs.frozen(kw_only=True)
class Change:
    """What happened to a unit a preset names.

    Attributes:
        unit: The unit, with its unit word ("tỉnh Đắk Nông").
        unit_en: The same in English.
        level: The unit's level (province, district or commune).
        kind: What happened to it (merged, ended, reorganised or unchanged).
        on: The day it took effect.
        into: The unit it became part of, or ``""``.
        presets: Presets whose own locality this is (decisive caveats).
        context: Presets for which it is information.
        instrument: The instrument that decides it.
        note: What the instrument does, and what was not verified.

    """

    unit: str = attrs.field(converter=nfc)
    unit_en: str = attrs.field(converter=nfc)
    level: Level = attrs.field(converter=Level)
    kind: ChangeKind = attrs.field(converter=ChangeKind)
    on: dt.date
    into: str = attrs.field(default="", converter=nfc)
    presets: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    context: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    instrument: Instrument
    note: str = attrs.field(default="", converter=nfc)


class CaveatKind(enum.StrEnum):
    """What a caveat says happened: a unit's change, a replacement, a unit gone."""

    MERGED = "merged"
    ENDED = "ended"
    REORGANISED = "reorganised"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"  # a later decision took effect
    UNIT_ENDED = "unit_ended"  # a monitored unit no longer exists


def _reasons_field() -> Any:
    return attrs.field(converter=tuple, repr=False)


@attrs.frozen(kw_only=True)
class Caveat(Worded):
    """Something the world did after a regulation was written, said with an answer.

    Attributes:
        kind: What it is (`CaveatKind`): a [`Change`][steering.world.Change]'s kind, a
            later decision that took effect, or a monitored unit that no longer exists.
        since: The day it took effect.
        decisive: Whether it leaves the regulation's applicability (or the
            answer) unknown; a dated answer past it is not ``decided``.
        reasons: What happened, typed ([`steering.reasons`][steering.reasons]); the
            text layer words it (`explain`, `text_vi`, `text_en`).
        change: The cited change, for the reorganisation kinds.
        successor: For ``"replaced"``: the decision that replaced the regulation.

    """

    kind: CaveatKind = attrs.field(converter=CaveatKind)
    since: dt.date
    decisive: bool
    reasons: tuple[Reason, ...] = _reasons_field()
    change: Change | None = None
    successor: str = ""

    def __str__(self) -> str:
        return self.text_vi

    def explain(self, lang: str = "vi") -> str:
        """The caveat in ``lang`` (``"vi"`` or ``"en"``).

        Raises:
            QueryError: ``lang`` is not a language of the text layer.

        """
        return render(self.reasons, lang)


@functools.cache
def _data() -> Mapping[str, Any]:
    return tomllib.loads(resources.files("steering").joinpath(_FILE).read_text("utf-8"))


@functools.cache
def instruments() -> Mapping[str, Instrument]:
    """The shipped instruments, by key."""
    return MappingProxyType({e["key"]: Instrument(**e) for e in _data()["instruments"]})


@functools.cache
def changes() -> tuple[Change, ...]:
    """The shipped changes, in file order."""
    known = instruments()
    out = []
    for e in _data()["changes"]:
        fields = dict(e)
        fields["instrument"] = known[fields["instrument"]]
        fields.setdefault("unit_en", fields["unit"])
        out.append(Change(**fields))
    return tuple(out)


def _d(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _change_caveat(c: Change, decisive: bool) -> Caveat:
    said = reasons.UnitChanged(
        kind=c.kind, unit=reasons.Named(c.unit, c.unit, c.unit_en), on=c.on,
        instrument=_instrument(c.instrument), into=c.into, decisive=decisive,
    )
    return Caveat(kind=c.kind, since=c.on, decisive=decisive, reasons=(said,), change=c)


def _instrument(instrument: Instrument) -> reasons.Named:
    """An instrument as a reason names it: its label in each language."""
    return reasons.Named(instrument.number, instrument.label("vi"), instrument.label("en"))


def _preset_id(reg: Regulation) -> str:
    """``reg.id`` when ``reg`` is a shipped preset's decision (same id and locality), else ``""``.

    A user's file that reuses a preset id for another locality is not matched.
    """
    from steering import presets  # noqa: PLC0415 - presets load regulations; import late

    if reg.id not in presets.names():
        return ""
    return reg.id if presets.load(reg.id).identity.locality == reg.identity.locality else ""


def _successor_caveat(reg_id: str, on: dt.date) -> Caveat | None:
    from steering import presets  # noqa: PLC0415 - presets load regulations; import late

    if not reg_id:
        return None
    terms = presets.succession(presets.load(reg_id).identity.locality)
    idx = next(i for i, t in enumerate(terms) if t.preset == reg_id)
    if idx + 1 >= len(terms):
        return None
    nxt = terms[idx + 1]
    first = nxt.earliest()
    if first is None or on < first:
        return None
    sure = nxt.starts is None or nxt.starts.latest() <= on
    said = reasons.Replaced(first=first, successor=nxt.named(), sure=sure, starts=str(nxt.starts))
    if sure:
        in_force: reasons.Named | reasons.Reason | None
        try:
            now = presets.in_force(presets.load(reg_id).identity.locality, on).id
            in_force = reasons.Named(now, now, now)
        except presets.SuccessionError as e:
            in_force = e.said  # why what was in force is not known
        said = attrs.evolve(said, on=on, now=in_force)
    return Caveat(kind=CaveatKind.REPLACED, since=first, decisive=True, reasons=(said,),
                  successor=nxt.preset or nxt.number)


def caveats(reg: Regulation, on: dt.date) -> tuple[Caveat, ...]:
    """What the world did to ``reg`` by ``on``: replacements and the reorganisation, cited.

    Args:
        reg: The regulation (only shipped presets are matched, by id).
        on: The date asked about.

    Returns:
        The caveats in effect on ``on``, decisive ones first, then by date.

    Raises:
        QueryError: ``on`` is not a date.

    """
    if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
        raise QueryError(f"on must be a datetime.date; found {type(on).__name__} {on!r}")
    out: list[Caveat] = []
    pid = _preset_id(reg)
    if not pid:
        return ()
    succ = _successor_caveat(pid, on)
    if succ is not None:
        out.append(succ)
    for c in changes():
        if on >= c.on and (pid in c.presets or pid in c.context):
            out.append(_change_caveat(c, decisive=pid in c.presets))
    out.sort(key=lambda k: (not k.decisive, k.since))
    return tuple(out)


def known_changes(reg: Regulation) -> tuple[Caveat, ...]:
    """Every caveat the library knows for ``reg``, as of the latest known change.

    For displays without a date (``steering show``, the notebook view): what
    happened after the text was written, each with the day it took effect.
    """
    if not _preset_id(reg):
        return ()
    days = [c.on for c in changes() if reg.id in (*c.presets, *c.context)]
    from steering import presets  # noqa: PLC0415

    if reg.id in presets.names():
        terms = presets.succession(presets.load(reg.id).identity.locality)
        idx = next(i for i, t in enumerate(terms) if t.preset == reg.id)
        if idx + 1 < len(terms) and terms[idx + 1].starts is not None:
            start = terms[idx + 1].starts
            assert start is not None
            days.append(start.latest())
    return caveats(reg, max(days)) if days else ()


def applicability_unknown_from(reg: Regulation) -> dt.date | None:
    """The first day ``reg``'s applicability is unknown (a decisive caveat), or ``None``."""
    if not _preset_id(reg):
        return None
    days = [c.on for c in changes() if reg.id in c.presets]
    from steering import presets  # noqa: PLC0415

    if reg.id in presets.names():
        terms = presets.succession(presets.load(reg.id).identity.locality)
        idx = next(i for i, t in enumerate(terms) if t.preset == reg.id)
        if idx + 1 < len(terms) and terms[idx + 1].earliest() is not None:
            first = terms[idx + 1].earliest()
            assert first is not None
            days.append(first)
    return min(days, default=None)


def _with(ruling: Ruling, found: Iterable[Caveat]) -> Ruling:
    from steering.ruling import Status  # noqa: PLC0415

    new = tuple(k for k in found if k not in ruling.caveats)
    if not new:
        return ruling
    decisive = any(k.decisive for k in new)
    changes_: dict[str, Any] = {"caveats": ruling.caveats + new}
    if decisive and ruling.status is Status.DECIDED:
        changes_.update(
            status=Status.NOT_SPECIFIED,
            answer=(),
            reasons=(AsWritten(ruling.reasons, ruling.answer),),
        )
    return attrs.evolve(ruling, **changes_)


def situate(ruling: Ruling, reg: Regulation) -> Ruling:
    """A dated ruling with the caveats in effect on its date (see `caveats`).

    A ruling without a date is returned unchanged. Past a decisive caveat a
    ``decided`` ruling becomes ``not_specified``: its answer moves into the
    explanation ("As written: ..."), and the caveats say why.
    """
    if ruling.on is None:
        return ruling
    return _with(ruling, caveats(reg, ruling.on))


def situate_monitor(ruling: Ruling, reg: Regulation) -> Ruling:
    """A dated monitoring ruling: a district-level unit past 01/07/2025 no longer exists.

    The regulation's other caveats are added as by [`situate`][steering.world.situate]. When a
    matched target is a district-level unit (huyện, thị xã, thành phố) and the
    district level had ended on the ruling's date, the ruling is not
    ``decided`` and a ``"unit_ended"`` caveat names the target and the law.
    """
    if ruling.on is None:
        return ruling
    found = list(caveats(reg, ruling.on))
    mon = reg.monitoring
    ended = [c for c in changes() if c.level is Level.DISTRICT and c.kind is ChangeKind.ENDED
             and reg.id in (*c.presets, *c.context) and ruling.on >= c.on]
    if mon is not None and ended:
        c = ended[0]
        units = {t.text: t.unit for a in mon.assignments for t in a.targets}
        gone = [t for t in ruling.targets if units.get(t, "").lower() in _DISTRICT_UNITS]
        if gone:
            found.insert(0, Caveat(
                kind=CaveatKind.UNIT_ENDED, since=c.on, decisive=True, change=c,
                reasons=(reasons.UnitEnded(tuple(gone), c.on, _instrument(c.instrument)),),
            ))
    return _with(ruling, found)


def situate_occurrences(
    reg: Regulation, occurrences: tuple[Occurrence, ...]
) -> tuple[Occurrence, ...]:
    """Calendar items past a decisive caveat: ``status`` not decided, the caveat in ``note``.

    An item whose ``closes`` is on or after the first day ``reg``'s
    applicability is unknown gets ``status = "not_specified"`` and the
    caveats of that day (Vietnamese) appended to its note.
    """
    from steering.schedule import OccurrenceStatus  # noqa: PLC0415 - schedule imports world

    first = applicability_unknown_from(reg)
    if first is None:
        return occurrences
    cache: dict[dt.date, str] = {}
    out = []
    for occ in occurrences:
        if occ.closes < first:
            out.append(occ)
            continue
        day = dt.date(occ.closes.year, occ.closes.month, occ.closes.day)
        if day not in cache:
            cache[day] = " ".join(k.text_vi for k in caveats(reg, day) if k.decisive)
        note = f"{occ.note} {cache[day]}".strip()
        out.append(attrs.evolve(occ, status=OccurrenceStatus.NOT_SPECIFIED, note=note))
    return tuple(out)
