"""Procedure: how much notice a meeting must get, and by when (issue #13).

A regulation often says that the invitation and papers go out "ít nhất 02 ngày làm
việc trước ngày họp". [`notice_for`][steering.procedure.notice_for] turns that into a
date for a given meeting day: counting the stated number of working days back from the
meeting day (the meeting day itself not counted), on the regulation's working-day
calendar (the national days off and swaps, and the file's own ``[[local_days]]``).
That reading is said in the answer: a text that counts otherwise (calendar days, or
full days between) is not guessed at.
"""

from __future__ import annotations

import datetime as dt

from steering import _args, reasons
from steering.errors import QueryError
from steering.regulation import Regulation
from steering.roles import COMMITTEE
from steering.rules import MeetingKind, ProcedureKind
from steering.ruling import Question, Ruling, Status

__all__ = ["notice_for", "procedure"]

def notice_for(reg: Regulation, meeting_day: object, *, body: str = COMMITTEE,
               kind: MeetingKind | str = MeetingKind.REGULAR) -> Ruling:
    """The last day the notice of a meeting held on ``meeting_day`` may go out.

    Args:
        reg: The regulation.
        meeting_day: The day of the meeting (a date or ``"YYYY-MM-DD"``).
        body: The body that meets (``"committee"`` or a group id).
        kind: The kind of meeting (``regular``, ``extraordinary``, ``expanded``).

    Returns:
        ``decided`` with the ISO date as the answer and ``on`` the meeting day;
        ``not_specified`` when the regulation sets no notice for such a meeting.

    Raises:
        QueryError: A bad date, body or kind.

    """
    from steering.schedule import with_local_days  # noqa: PLC0415 - the calendar engine

    day = _args.as_date(meeting_day, "meeting_day")
    if day is None:
        raise QueryError("meeting_day: found None; allowed: a date")
    body = _args.as_text(body, "body")
    if body != COMMITTEE:
        reg.name_of(body)  # an unknown body is refused, naming the valid ids
    try:
        meeting = kind if isinstance(kind, MeetingKind) else MeetingKind(kind)
    except ValueError:
        allowed = ", ".join(k.value for k in MeetingKind)
        raise QueryError(f"kind: found {kind!r}; allowed: {allowed}") from None
    rules = [n for n in reg.notices if n.body == body and n.meeting in (None, meeting)]
    named = _named(reg, body)
    if not rules:
        return Ruling(question=Question.NOTICE, subject=body, status=Status.NOT_SPECIFIED,
                      on=day, reasons=(reasons.NoNoticeRule(named),))
    # The most specific rule wins (one for this kind of meeting over one for every meeting).
    rule = sorted(rules, key=lambda n: n.meeting is None)[0]
    workdays = with_local_days(reg)
    last = workdays.add_working_days(day, -rule.working_days)
    last_day = dt.date(last.year, last.month, last.day)
    return Ruling(
        question=Question.NOTICE, subject=body, status=Status.DECIDED,
        answer=(last_day.isoformat(),), citations=(rule.citation,), on=day,
        reasons=(reasons.NoticeBy(named, day, rule.working_days, last_day, rule.citation,
                                  rule.what or ""),),
    )


def procedure(reg: Regulation, kind: ProcedureKind | str, *, body: str = COMMITTEE,
              chaired_by: str | None = None) -> Ruling:
    """Who carries out a procedure of ``body``'s meetings, when, and who decides.

    Args:
        reg: The regulation.
        kind: ``written_opinion``, ``conclusion_notice``, ``referral`` or
            ``report_before_meeting``.
        body: The body (``"committee"`` or a group id).
        chaired_by: For a conclusion notice: the post that chaired the meeting, when
            the regulation names the issuer by who chaired.

    Returns:
        ``decided`` with the actors as the answer and the decider in ``chain``;
        ``ambiguous`` with candidates when the issuer depends on who chaired and
        ``chaired_by`` is not given; ``not_specified`` when the text is silent.

    Raises:
        QueryError: A bad kind or body.

    """
    try:
        what = kind if isinstance(kind, ProcedureKind) else ProcedureKind(kind)
    except ValueError:
        allowed = ", ".join(k.value for k in ProcedureKind)
        raise QueryError(f"kind: found {kind!r}; allowed: {allowed}") from None
    body = _args.as_text(body, "body")
    if body != COMMITTEE:
        reg.name_of(body)
    rules = [r for r in reg.procedures if r.kind is what and r.body == body]
    named = _named(reg, body)
    common = {"question": Question.PROCEDURE, "subject": what.value}
    if chaired_by is not None:
        chaired_by = _args.as_text(chaired_by, "chaired_by")
        reg.post(chaired_by)
        specific = [r for r in rules if r.chaired_by == chaired_by]
        rules = specific or [r for r in rules if not r.chaired_by]
    if not rules:
        return Ruling(status=Status.NOT_SPECIFIED, **common,  # type: ignore[arg-type]
                      reasons=(reasons.NoProcedure(what, named),))
    if len({r.chaired_by for r in rules}) > 1:
        cands = tuple(dict.fromkeys(a for r in rules for a in r.actors))
        each = tuple((_nameds(reg, r.actors), _named(reg, r.chaired_by)) for r in rules)
        cites = tuple(r.citation for r in rules)
        return Ruling(status=Status.AMBIGUOUS, candidates=cands, citations=cites,
                      **common,  # type: ignore[arg-type]
                      reasons=(reasons.ProcedureByChair(what, each, cites),))
    rule = rules[0]
    return Ruling(
        status=Status.DECIDED if rule.actors else Status.NOT_SPECIFIED,
        answer=rule.actors, chain=(rule.decider,) if rule.decider else (),
        citations=(rule.citation,), **common,  # type: ignore[arg-type]
        reasons=(reasons.ProcedureBy(
            what, named, _nameds(reg, rule.actors), rule.citation, trigger=rule.trigger or "",
            decider=_named(reg, rule.decider) if rule.decider else None,
            says_decider=what is not ProcedureKind.CONCLUSION_NOTICE,
        ),),
    )


def _named(reg: Regulation, node_id: str) -> reasons.Named:
    """A body or post as a reason names it: the regulation's name, in both languages."""
    return reasons.Named(node_id, reg.name_of(node_id), reg.name_of(node_id))


def _nameds(reg: Regulation, ids: tuple[str, ...]) -> tuple[reasons.Named, ...]:
    return tuple(_named(reg, i) for i in ids)
