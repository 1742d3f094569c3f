"""The shipped presets: the five seed regulations, encoded and cited.

Each preset is a TOML file in this package, in the same format users write,
with its source text in ``sources/`` for citation checks.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from steering import reasons, text
from steering._args import as_date, as_text
from steering._escape import visible
from steering._text import fold, vi_date
from steering.errors import (
    ArgumentTypeError,
    PresetNotFoundError,
    SteeringError,
    UnknownFactError,
)
from steering.loader import load as _load_file
from steering.regulation import EffectiveKind, PartialDate, Regulation
from steering.rules import Citation

__all__ = [
    "SuccessionError",
    "SuccessionReason",
    "Term",
    "in_force",
    "load",
    "names",
    "path",
    "source_path",
    "succession",
]

#: Preset ids, in a fixed order: by locality, then date.
_PRESETS: tuple[str, ...] = (
    "thanh-hoa-2021",
    "thanh-hoa-2024",
    "dak-nong-2021",
    "tung-chau-2023",
    "vung-tau-2024",
)


def names() -> tuple[str, ...]:
    """The ids of the shipped presets."""
    return _PRESETS


def path(preset_id: str) -> Path:
    """The TOML file of a preset.

    Raises:
        PresetNotFoundError: No preset has this id; the message lists the ids.

    """
    if not isinstance(preset_id, str) or preset_id not in _PRESETS:
        raise PresetNotFoundError(visible(repr(preset_id)[:80]) if not isinstance(preset_id, str)
                                  else visible(preset_id[:80]), _PRESETS)
    return Path(str(resources.files(__name__).joinpath(f"{preset_id}.toml")))


def source_path(preset_id: str) -> Path:
    """The source text a preset's citations quote."""
    return path(preset_id).parent / "sources" / f"{preset_id}.txt"


def load(preset_id: str) -> Regulation:
    """Load a shipped preset by id (cached: presets are immutable values).

    Raises:
        PresetNotFoundError: No preset has this id (or it is not a string); the
            message lists the ids.

    """
    return _load(path(preset_id).stem)


@functools.cache
def _load(preset_id: str) -> Regulation:
    return _load_file(path(preset_id))


# ----------------------------------------------------------------- succession

_UNITS = (
    "thanh pho",
    "thi xa",
    "thi tran",
    "tinh",
    "huyen",
    "quan",
    "phuong",
    "xa",
    "tp.",
    "tp",
    "tx.",
    "tx",
)


def _bare(name: str) -> str:
    """A locality's folded name without its unit ("thành phố Vũng Tàu" -> "vung tau")."""
    text = fold(name.replace("-", " ").replace("_", " "))
    for unit in _UNITS:
        if text.startswith(unit + " "):
            return text[len(unit) + 1 :].strip()
    return text


@attrs.frozen(kw_only=True)
class Term:
    """One decision in a locality's succession of regulations.

    Attributes:
        number: The decision's number ("1943/QĐ-BCĐ"), or ``""`` where the
            text leaves it blank; several numbers joined by ", " when one
            successor replaced them together.
        preset: The shipped preset id, or ``""`` when the decision is not shipped.
        starts: When it took effect, possibly partial (a year, a month); ``None``
            when unknown.
        basis: How ``starts`` is known: ``"effective"`` (the decision's own
            effective date), ``"signed"`` (in force from signing, or effective
            date not stated and signing taken), or ``"replaced"`` (a
            successor names the decision and its date).
        citation: The clause that tells ``starts``: the decision's own, or the
            successor's "thay thế" clause.
        replaced_by: For a decision that is not shipped, the preset that names
            it as replaced.
        dates: For decisions replaced together, each one's own date, in the
            order of ``number`` (``None`` where the successor gives none).
        not_before: For a partial ``starts``, the first day the text allows
            (Thanh Hóa 2024: 24/04/2024, from its preamble), or ``None``.

    """

    number: str
    preset: str = ""
    starts: PartialDate | None
    basis: str
    citation: Citation | None = None
    replaced_by: str = ""
    dates: tuple[PartialDate | None, ...] = ()
    not_before: dt.date | None = None

    def earliest(self) -> dt.date | None:
        """The first day the decision can have taken effect, or ``None`` when unknown."""
        if self.starts is None:
            return None
        first = self.starts.earliest()
        return max(first, self.not_before) if self.not_before is not None else first

    @property
    def shipped(self) -> bool:
        """Whether the decision is a shipped preset."""
        return bool(self.preset)

    def named(self) -> reasons.Named:
        """The decision as a reason names it: its preset id (or number) and its words."""
        return reasons.Named(self.preset or self.number, self.describe("vi"), self.describe("en"))

    def describe(self, lang: str = "en") -> str:
        """The decision in words: ``"thanh-hoa-2021 (Quyết định (chưa số), 2021-01)"``.

        A decision that is not shipped reads ``"Quyết định 1943/QĐ-BCĐ of 2022-06-06"``
        (``lang="vi"``: ``"... ngày 06/06/2022"``).
        """
        if self.preset:
            blank = "Quyết định (chưa số)" if lang == "vi" else "decision with no number"
            number = f"Quyết định {self.number}" if self.number else blank
            starts = vi_date(self.starts) if lang == "vi" else str(self.starts)
            when = f", {starts}" if self.starts else ""
            return f"{self.preset} ({number}{when})"
        of = "ngày" if lang == "vi" else "of"
        numbers = self.number.split(", ")
        if len(self.dates) == len(numbers) > 1 and len(set(self.dates)) > 1:
            # Replaced together but issued on different days: each keeps its own date.
            parts = [f"{n} {of} {vi_date(d) if lang == 'vi' else d}" if d else n
                     for n, d in zip(numbers, self.dates, strict=True)]
            return "Quyết định " + (" và " if lang == "vi" else " and ").join(parts)
        day = vi_date(self.starts) if lang == "vi" else str(self.starts)
        when = f" {of} {day}" if self.starts else ""
        return f"Quyết định {(' và ' if lang == 'vi' else ' and ').join(numbers)}{when}"


class SuccessionReason(enum.StrEnum):
    """Why the regulation in force on a date cannot be named (`SuccessionError.reason`)."""

    UNKNOWN_LOCALITY = "unknown_locality"  # no preset for it
    BEFORE_KNOWN = "before_known"  # before the earliest known decision
    NOT_SHIPPED = "not_shipped"  # a decision that is not shipped was in force
    UNCERTAIN = "uncertain"  # a partial date leaves two decisions possible
    REORGANISED = "reorganised"  # the locality was merged or reorganised by then


class SuccessionError(SteeringError, LookupError):
    """The regulation in force on a date cannot be named with certainty.

    Attributes:
        locality: The locality asked about.
        on: The date asked about.
        reason: A [`SuccessionReason`][steering.presets.SuccessionReason] (a string
            enum): ``"unknown_locality"`` (no preset for it), ``"before_known"``
            (before the earliest known decision), ``"not_shipped"`` (a decision
            that is not shipped was in force), ``"uncertain"`` (a partial
            date leaves two decisions possible) or ``"reorganised"`` (the
            locality was merged or reorganised by then: whether the last known
            regulation still applies is not specified; see ``caveats``).
        candidates: The decisions that may have been in force, earliest first.
        message_vi: The message in Vietnamese (``str(error)`` is English).
        caveats: For ``"reorganised"``: the cited changes
            ([`steering.world.Caveat`][steering.world.Caveat]).
        said: Why, as a typed reason ([`steering.reasons`][steering.reasons]:
            `UnknownLocality`, `BeforeKnown`, `StartUncertain`, `NotShipped`,
            `Reorganised`); the messages are its words.

    """

    def __init__(
        self,
        message: str,
        *,
        locality: str,
        on: dt.date | None,
        reason: SuccessionReason | str,
        candidates: tuple[Term, ...] = (),
        message_vi: str = "",
        caveats: tuple[Any, ...] = (),
        said: reasons.Reason | None = None,
    ) -> None:
        self.said = said
        self.caveats = caveats
        self.locality = locality
        self.on = on
        self.reason = SuccessionReason(reason)
        self.candidates = candidates
        self.message_vi = message_vi or message
        super().__init__(message)

    def explain(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"vi"`` or ``"en"``)."""
        return self.message_vi if lang == "vi" else str(self)


def _start(reg: Regulation) -> tuple[PartialDate, str, Citation | None]:
    idn = reg.identity
    eff = idn.effective
    if eff.kind is EffectiveKind.ON_DATE and eff.date is not None:
        return eff.date, "effective", eff.citation
    if idn.signed is None:  # shipped presets all know their date; a guard for the type
        raise UnknownFactError(f"{reg.id}: identity.signed is unknown")
    if eff.kind is EffectiveKind.ON_SIGNING:
        return idn.signed, "signed", eff.citation or idn.signed_citation
    return idn.signed, "signed", idn.signed_citation


def _localities() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for pid in _PRESETS:
        out.setdefault(_bare(load(pid).identity.locality), []).append(pid)
    return out


def succession(locality: str) -> tuple[Term, ...]:
    """Every known decision of a locality's committee, earliest first.

    Shipped presets come with the decisions they name as replaced ("thay
    thế Quyết định số ..."); a decision that is replaced but not shipped
    appears with ``preset == ""``. Several decisions replaced together by one
    successor form one term.

    Args:
        locality: The locality as a regulation names it, with or without its
            unit and diacritics: ``"Thanh Hóa"``, ``"thanh hoa"``, ``"Vũng Tàu"``.

    Raises:
        SuccessionError: No preset belongs to the locality (reason ``"unknown_locality"``).

    """
    locality = as_text(locality, "locality")
    key = _bare(locality)
    known = _localities()
    if key not in known:
        listing = sorted({load(p).identity.locality for ps in known.values() for p in ps},
                         key=fold)
        raise _error(reasons.UnknownLocality(locality, tuple(listing)), "unknown_locality",
                     locality, None)
    regs = [load(p) for p in known[key]]
    terms: dict[str, Term] = {}
    for reg in regs:
        starts, basis, cite = _start(reg)
        bound = reg.identity.signed_not_before if basis == "signed" else None
        terms[reg.id] = Term(number=reg.identity.decision_number, preset=reg.id,
                             starts=starts, basis=basis, citation=cite,
                             not_before=bound.date if bound is not None else None)
    shipped_numbers = {r.identity.decision_number for r in regs if r.identity.decision_number}
    for reg in regs:
        linked = [r for r in reg.identity.replaces
                  if r.preset in terms or r.number in shipped_numbers]
        if linked or not reg.identity.replaces:
            continue
        dated = [r for r in reg.identity.replaces if r.date is not None]
        first = min(dated, key=lambda r: r.date.earliest() if r.date else dt.date.max,
                    default=reg.identity.replaces[0])
        number = ", ".join(r.number for r in reg.identity.replaces)
        terms[f"~{number}"] = Term(number=number, starts=first.date, basis="replaced",
                                   citation=first.citation, replaced_by=reg.id,
                                   dates=tuple(r.date for r in reg.identity.replaces))
    ordered = sorted(
        terms.values(),
        key=lambda t: (t.earliest() or dt.date.min, t.preset, t.number),
    )
    return tuple(ordered)


def _written_name(terms: tuple[Term, ...]) -> str:
    """The locality of a succession as its regulations write it ("thanh hoa" -> "Thanh Hóa")."""
    return next(load(t.preset).identity.locality for t in terms if t.preset)


def in_force(locality: str, on: dt.date) -> Regulation:
    """The shipped regulation in force for a locality on a date, following the succession.

    A regulation is in force from its effective date (from signing where it
    says so, or where it states no effective date) until its successor takes
    effect. Dates known only in part ("tháng 8 năm 2024", "năm 2024") are
    honoured: a date inside the window where the successor may or may not yet
    have taken effect is uncertain, and the answer says so instead of guessing.
    After the latest shipped decision, that decision is returned: a later
    replacement, if any, is not known to the library; but when the locality
    was merged or reorganised by ``on`` (the 2025 reorganisation, cited in
    [`steering.world`][steering.world]), whether the regulation still applies is not
    specified and the answer is a [`SuccessionError`][steering.presets.SuccessionError] with reason
    ``"reorganised"``. A locality kept at its level (tỉnh Thanh Hóa) still
    answers; [`steering.world.caveats`][steering.world.caveats] says what changed around it.

    Args:
        locality: The locality (see [`succession`][steering.presets.succession]).
        on: The date asked about.

    Raises:
        SuccessionError: The locality is unknown; the date is before every
            known decision; a decision that is not shipped was in force then
            (for Thanh Hóa between 06/6/2022 and the 2024 decision: Quyết định
            1943/QĐ-BCĐ); or a partial date leaves two decisions possible.
        QueryError: ``on`` is not a date.

    """
    checked = as_date(on, "on")
    if checked is None:
        raise ArgumentTypeError("on: found None; allowed: a date (datetime.date, pendulum.Date "
                                "or 'YYYY-MM-DD')")
    on = checked
    terms = succession(locality)
    # Messages name the locality as the regulations write it ("thanh hoa" -> "Thanh Hóa").
    locality = _written_name(terms)
    started = [i for i, t in enumerate(terms) if (t.earliest() or dt.date.min) <= on]
    if not started:
        first = terms[0]
        raise _error(reasons.BeforeKnown(locality, on, first.named()), "before_known",
                     locality, on, (first,))
    i = started[-1]
    term = terms[i]
    assert term.starts is not None or i == 0
    begins = term.earliest()
    if term.starts is not None and begins is not None and term.starts.latest() > on:
        raise _uncertain(locality, on, term, terms[i - 1] if i > 0 else None)
    if not term.shipped:
        raise _not_shipped(locality, on, term)
    reg = load(term.preset)
    # The world after the text: a merged or reorganised locality (steering.world).
    from steering import world  # noqa: PLC0415 - world reads presets back

    cav = tuple(k for k in world.caveats(reg, on) if k.decisive)
    if cav:
        world_kinds = reasons.UnitChanged | reasons.Replaced | reasons.UnitEnded
        changes = tuple(r for k in cav for r in k.reasons if isinstance(r, world_kinds))
        raise _error(reasons.Reorganised(locality, on, term.named(), changes), "reorganised",
                     locality, on, (term,), caveats=cav)
    return reg


def _error(
    said: reasons.Reason, code: str, locality: str, on: dt.date | None,
    candidates: tuple[Term, ...] = (), *, caveats: tuple[Any, ...] = (),
) -> SuccessionError:
    """A `SuccessionError` whose messages are ``said`` in words (English, then Vietnamese)."""
    return SuccessionError(
        text.say(said, "en"), locality=locality, on=on, reason=code, candidates=candidates,
        message_vi=text.say(said, "vi"), caveats=caveats, said=said,
    )


def _uncertain(locality: str, on: dt.date, term: Term, before: Term | None) -> SuccessionError:
    """``term``'s date is known only in part and ``on`` falls in its window."""
    assert term.starts is not None
    begins = term.earliest()
    assert begins is not None
    said = reasons.StartUncertain(locality, on, term.named(), term.starts, begins,
                                  term.starts.latest(), before.named() if before else None)
    return _error(said, "uncertain", locality, on, (before, term) if before else (term,))


def _not_shipped(locality: str, on: dt.date, term: Term) -> SuccessionError:
    """The decision in force on ``on`` is known but not shipped as a preset."""
    said = reasons.NotShipped(locality, on, term.named(), term.citation, term.replaced_by)
    return _error(said, "not_shipped", locality, on, (term,))
