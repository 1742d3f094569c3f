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

from steering import _args
from steering._text import vi_date
from steering.errors import QueryError
from steering.regulation import Regulation
from steering.roles import COMMITTEE
from steering.rules import MeetingKind
from steering.ruling import Question, Ruling, Status

__all__ = ["notice_for"]


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
    name = reg.name_of(body)
    if not rules:
        return Ruling(question=Question.NOTICE, subject=body, status=Status.NOT_SPECIFIED,
                      on=day,
                      text_vi=f"Quy chế không quy định thời hạn gửi giấy mời họp của {name}.",
                      text_en=f"The regulation sets no notice period for meetings of {name}.")
    # The most specific rule wins (one for this kind of meeting over one for every meeting).
    rule = sorted(rules, key=lambda n: n.meeting is None)[0]
    workdays = with_local_days(reg)
    last = workdays.add_working_days(day, -rule.working_days)
    last_day = dt.date(last.year, last.month, last.day)
    what_vi = f"{rule.what} " if rule.what else "giấy mời "
    what_en = f"{rule.what} " if rule.what else "the notice "
    label_vi, label_en = rule.citation.label("vi"), rule.citation.label("en")
    return Ruling(
        question=Question.NOTICE, subject=body, status=Status.DECIDED,
        answer=(last_day.isoformat(),), citations=(rule.citation,), on=day,
        text_vi=(f"Cuộc họp của {name} ngày {vi_date(day)}: {what_vi}phải được gửi ít nhất "
                 f"{rule.working_days:02d} ngày làm việc trước ({label_vi}), tức chậm nhất ngày "
                 f"{vi_date(last_day)} (đếm lùi {rule.working_days} ngày làm việc từ ngày họp, "
                 "không tính ngày họp, theo lịch ngày nghỉ của quy chế)."),
        text_en=(f"For the meeting of {name} on {day.isoformat()}: {what_en}must go out at "
                 f"least {rule.working_days} working days before ({label_en}), so by "
                 f"{last_day.isoformat()} at the latest (counting {rule.working_days} working "
                 "days back from the meeting day, the meeting day not counted, on the "
                 "regulation's calendar of days off)."),
    )
