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
from steering.rules import MeetingKind, ProcedureKind, ProcedureRule
from steering.ruling import Question, Ruling, Status

__all__ = ["notice_for", "procedure"]

#: What each procedure is called, in Vietnamese and English.
_WORDS: dict[ProcedureKind, tuple[str, str]] = {
    ProcedureKind.WRITTEN_OPINION: ("xin ý kiến bằng văn bản", "asking for written opinions"),
    ProcedureKind.CONCLUSION_NOTICE: ("thông báo kết luận cuộc họp",
                                      "the notice of the meeting's conclusions"),
    ProcedureKind.REFERRAL: ("xử lý ý kiến khác nhau", "settling differing opinions"),
    ProcedureKind.REPORT_BEFORE_MEETING: ("báo cáo trước cuộc họp", "a report before a meeting"),
}


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
    name = reg.name_of(body)
    word_vi, word_en = _WORDS[what]
    common = {"question": Question.PROCEDURE, "subject": what.value}
    if chaired_by is not None:
        chaired_by = _args.as_text(chaired_by, "chaired_by")
        reg.post(chaired_by)
        specific = [r for r in rules if r.chaired_by == chaired_by]
        rules = specific or [r for r in rules if not r.chaired_by]
    if not rules:
        return Ruling(status=Status.NOT_SPECIFIED, **common,  # type: ignore[arg-type]
                      text_vi=f"Quy chế không quy định việc {word_vi} của {name}.",
                      text_en=f"The regulation says nothing of {word_en} for {name}.")
    if len({r.chaired_by for r in rules}) > 1:
        cands = tuple(dict.fromkeys(a for r in rules for a in r.actors))
        by_vi = "; ".join(f"{_names(reg, r.actors)} khi {reg.name_of(r.chaired_by)} chủ trì"
                          for r in rules)
        by_en = "; ".join(f"{_names(reg, r.actors)} when {reg.name_of(r.chaired_by)} chaired"
                          for r in rules)
        return Ruling(status=Status.AMBIGUOUS, candidates=cands,
                      citations=tuple(r.citation for r in rules),
                      **common,  # type: ignore[arg-type]
                      text_vi=f"Việc {word_vi} tùy người chủ trì: {by_vi}; hãy cho biết ai chủ "
                              f"trì ({_labels(rules, 'vi')}).",
                      text_en=f"Who does {word_en} depends on who chaired: {by_en}; say who "
                              f"chaired ({_labels(rules, 'en')}).")
    rule = rules[0]
    actors_vi = _names(reg, rule.actors) or "không nêu"
    trigger_vi = f" {rule.trigger}" if rule.trigger else ""
    decider_vi = (f"; {reg.name_of(rule.decider)} quyết định" if rule.decider else
                  "; quy chế không quy định ai quyết định")
    decider_en = (f"; {reg.name_of(rule.decider)} decides" if rule.decider else
                  "; the regulation does not say who decides")
    if what is ProcedureKind.CONCLUSION_NOTICE:
        decider_vi = decider_en = ""
    label_vi, label_en = rule.citation.label("vi"), rule.citation.label("en")
    return Ruling(
        status=Status.DECIDED if rule.actors else Status.NOT_SPECIFIED,
        answer=rule.actors, chain=(rule.decider,) if rule.decider else (),
        citations=(rule.citation,), **common,  # type: ignore[arg-type]
        text_vi=f"{name}: {word_vi}{trigger_vi} do {actors_vi} thực hiện{decider_vi} "
                f"({label_vi}).",
        text_en=f"{name}: {word_en}{f' ({rule.trigger})' if rule.trigger else ''} is done by "
                f"{_names(reg, rule.actors) or 'nobody named'}{decider_en} ({label_en}).",
    )


def _names(reg: Regulation, ids: tuple[str, ...]) -> str:
    return ", ".join(reg.name_of(i) for i in ids)


def _labels(rules: list[ProcedureRule], lang: str) -> str:
    return "; ".join(dict.fromkeys(r.citation.label(lang) for r in rules))
