"""The calendar subcommand: meetings and report deadlines, as text, JSON or iCalendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from steering import world
from steering._json import jsonable
from steering._text import unique as _unique
from steering.cli import _common
from steering.cli._common import EXIT_ANSWER, UsageError, _Context
from steering.errors import SteeringError
from steering.regulation import Regulation
from steering.rules import MeetingKind
from steering.text import label, word


def _print_past(ctx: _Context, unknown: dt.date | None, past: Sequence[Any]) -> None:
    """After a calendar: from when its items are not decided, and why (steering.world)."""
    if past and unknown is not None:
        ctx.print()
        ctx.print(ctx.t("not_decided_from").format(date=ctx.day(unknown)))
        for k in past:
            ctx.print(f"  - {k.explain(ctx.lang)}")


def _print_in_force(ctx: _Context, reg: Regulation, start: dt.date, first: dt.date | None) -> None:
    """Say when the range begins before the regulation can be in force, or that nobody knows."""
    if reg.identity.signed is None and (first is None or first != reg.in_force_window[1]):
        ctx.print(ctx.t("in_force_unknown").format(date=reg.identity.signed_text(ctx.lang)))
        return
    if first is None or start >= first:
        return
    # The range begins before the regulation can be in force: say so, citing why.
    idn = reg.identity
    eff = idn.effective
    on_date = eff.kind.value == "on_date" and eff.date is not None
    known: object = ctx.day(eff.date if on_date else idn.signed)
    cite = (eff.citation or idn.signed_citation) if on_date else idn.signed_citation
    bound = None if on_date else idn.signed_not_before
    if bound is not None:
        # Thanh Hóa 2024: "năm 2024", and its preamble cites an act of 24/04/2024.
        known = (f"{known}, {'không sớm hơn' if ctx.lang == 'vi' else 'not before'} "
                 f"{ctx.day(bound.date)}")
    basis = ", ".join(_unique(
        c.label(ctx.lang)
        for c in (eff.citation, cite, bound.citation if bound else None) if c
    ))
    which = "in_force_on_date" if on_date else f"in_force_{eff.kind.value}"
    ctx.print(ctx.t(which).format(date=known, basis=basis))


def _cmd_calendar(ctx: _Context) -> int:
    a = ctx.args
    reg = _common.load_regulation(a.regulation)
    start, end, clock_note = _range(ctx)
    occurrences = reg.calendar(start, end, reviews=ctx.args.reviews)
    if a.ics:
        _write_ics(reg, occurrences, Path(a.ics), a.deadlines)
    from steering.schedule import calendar_gaps  # noqa: PLC0415 - only here

    gaps = calendar_gaps(reg)
    # None when the signing date is unknown and unbounded (unknown = ["signed"]).
    first = reg.in_force_window[0]
    # Past a reorganisation or a successor's start the items are not decided: say why.
    unknown = world.applicability_unknown_from(reg)
    past = world.caveats(reg, end) if unknown is not None and unknown <= end else ()
    if ctx.json:
        ctx.dump({
            "regulation": reg.id,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "occurrences": [o.to_dict() for o in occurrences],
            "gaps": [jsonable(g) for g in gaps],
            "in_force_from": first.isoformat() if first is not None else None,
            "not_decided_from": unknown.isoformat() if past and unknown else None,
            "caveats": [k.explain(ctx.lang) for k in past],
            "ics": a.ics,
            "range_from_clock": bool(clock_note),
        })
        return EXIT_ANSWER
    if clock_note:
        ctx.print(clock_note)
    _print_in_force(ctx, reg, start, first)
    _print_occurrences(ctx, reg, occurrences, start, end)
    _print_past(ctx, unknown, past)
    _print_gaps(ctx, reg, gaps)
    if a.ics:
        ctx.print()
        ctx.print(f"{ctx.t('written')} {a.ics}")
    return EXIT_ANSWER


def _print_occurrences(ctx: _Context, reg: Regulation, occurrences: Sequence[Any],
                       start: dt.date, end: dt.date) -> None:
    """The dated items as a table, or a line saying there are none."""
    if occurrences:
        ctx.print(f"{reg.id}: {len(occurrences)} {ctx.t('occurrences')} "
                  f"({ctx.day(start)} – {ctx.day(end)})")
        rows = []
        for o in occurrences:
            # A report's window ends at its data cut-off; its due date has a column of
            # its own, so a cut-off is never read as a deadline the regulation left open.
            until = o.data_period_end if o.kind == "report" and o.data_period_end else o.closes
            rows.append([
                ctx.day(o.opens),
                ctx.day(until),
                _due_cell(ctx, o),
                _kind_words(o.kind, ctx.lang),
                (o.title if ctx.lang == "vi" and o.title else _title_en(reg, o))
                # The clause's own qualifier (Tùng Châu Điều 7 khoản 1: "căn cứ tình hình thực tế").
                + (f" ({o.condition})" if o.condition else ""),
                "; ".join(_unique(c.label(ctx.lang) for c in o.citations[:1])),
            ])
        ctx.table(
            [ctx.t("opens"), ctx.t("closes"), ctx.t("due"), ctx.t("kind"), ctx.t("body"),
             ctx.t("cited")],
            rows,
        )
    else:
        ctx.print(ctx.t("no_occurrences"))


def _print_gaps(ctx: _Context, reg: Regulation, gaps: Sequence[Any]) -> None:
    """What the regulation asks to recur but leaves undated, one line per rule and clause."""
    if not gaps:
        return
    ctx.print()
    ctx.print(f"{ctx.t('gaps')}:")
    grouped: dict[tuple[str, str, str, str], list[str]] = {}
    for g in gaps:
        key = (g.rule, g.kind, g.missing, g.citation.label(ctx.lang))
        grouped.setdefault(key, []).append(_body_name(reg, g.body))
    for (_, kind, missing, cited), bodies in grouped.items():
        ctx.print(f"  - {', '.join(_unique(bodies))} ({_kind_words(kind, ctx.lang)}): "
                  f"{ctx.t('missing_' + missing)} ({cited})")




def _range(ctx: _Context) -> tuple[dt.date, dt.date, str]:
    """The calendar's first and last day, and a note when they come from the clock."""
    a = ctx.args
    clock_note = ""
    if a.start is None and a.end is None:
        # The library never reads the clock; the command line may, and says so.
        year = dt.date.today().year
        a.start = dt.date(year, 1, 1)
        clock_note = ctx.t("this_year").format(year=year)
    start: dt.date = a.start or dt.date(a.end.year, 1, 1)
    end: dt.date = a.end or dt.date(start.year, 12, 31)
    return start, end, clock_note


def _kind_words(kind: str, lang: str) -> str:
    """An item's kind in the catalogue's words: "báo cáo", "họp định kỳ"."""
    if kind == "report":
        return label("report", lang)
    meeting = kind.removesuffix("_meeting")
    known = {m.value: m for m in MeetingKind}
    return word(known[meeting], lang) if meeting in known else kind.replace("_", " ")


def _due_cell(ctx: _Context, o: Any) -> str:
    if o.kind != "report":
        return "-"
    if o.due is None:
        return ctx.t("no_deadline")
    moved = f" ({ctx.t('moved_from')} {ctx.day(o.shifted_from)})" if o.shifted_from else ""
    return f"{ctx.day(o.due)}{moved}"


def _body_name(reg: Regulation, body: str) -> str:
    """The regulation's words for an occurrence's ``body`` ("working_group" included)."""
    if body == "working_group" and reg.working_groups:
        return reg.working_groups[0].name
    node = body.removeprefix("working_group:")
    try:
        return reg.name_of(node)
    except (SteeringError, KeyError):
        return body


def _title_en(reg: Regulation, o: Any) -> str:
    """An occurrence's line in English; names keep the regulation's words."""
    code: str = o.period or ""
    year, _, part = code.partition("-")
    if part.startswith(("Q", "H")):
        when = f"{part[0]}{part[1:]} {year}"
    elif part:
        when = f"{int(part)}/{year}"
    else:
        when = year
    times = f" ({o.sequence} of {o.times})" if o.times > 1 else ""
    return f"{_body_name(reg, o.body)}: {_kind_words(o.kind, 'en')} {when}{times}".strip()


def _write_ics(reg: Regulation, occurrences: Sequence[Any], path: Path, deadlines: str) -> None:
    from steering.ics import to_ics  # noqa: PLC0415 - only --ics needs icalendar

    payload = to_ics(occurrences, regulation=reg, deadlines=deadlines)
    try:
        path.write_bytes(payload)
    except OSError as e:
        raise UsageError(f"cannot write {str(path)!r}: {e.strerror or e}") from None
