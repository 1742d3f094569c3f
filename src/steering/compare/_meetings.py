"""Facts about meetings.

Who convenes, cadences, attendance, composition, notice, procedures and collectives.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from steering import statements as s
from steering._text import fold, unique
from steering.compare._keys import _attendance_value, _cadence_key, _sorted_cadences
from steering.compare._model import Aspect
from steering.compare._reader import _Fact, _Reader
from steering.rules import AttendanceRule, Citation, MeetingKind
from steering.statements import Subject


def conveners(rd: _Reader) -> Iterator[_Fact]:
    """Who convenes each kind of meeting of each body, on whose proposal, who chairs."""
    grouped: dict[str, list[Any]] = {}
    for rule in rd.reg.convening:
        grouped.setdefault(f"{rd.key(rule.body)}:{rule.meeting.value}", []).append(rule)
    for k, rules in sorted(grouped.items()):
        body, meeting = rules[0].body, rules[0].meeting
        conveners = {c for r in rules for c in r.conveners}
        proposers = {c for r in rules for c in r.on_proposal_of}
        # Only the conveners of a clause that says "triệu tập và chủ trì" chair:
        # Thanh Hóa 2024 Điều 3 khoản 3 has the Trưởng Ban chair, while Điều 7
        # khoản 1 lets the deputies call extraordinary meetings, not chair them.
        chairs = {c for r in rules if r.chairs for c in r.conveners}
        value = (
            "+".join(rd.keys(conveners)),
            "+".join(rd.keys(proposers)),
            "+".join(rd.keys(chairs)),
        )
        says = s.Convenes(rd.names(conveners), rd.names(proposers), rd.names(chairs),
                          conveners_chair=chairs == conveners)
        yield rd.fact(Aspect.CONVENERS, k, Subject(rd.name(body), meeting), value, says,
                      (r.citation for r in rules))


def meetings(rd: _Reader) -> Iterator[_Fact]:
    """When each body meets: cadences, conditions, who joins, what sittings also serve."""
    grouped: dict[str, list[Any]] = {}
    for rule in rd.reg.meetings:
        grouped.setdefault(f"{rd.key(rule.body)}:{rule.kind.value}", []).append(rule)
    for k, rules in sorted(grouped.items()):
        body, kind = rules[0].body, rules[0].kind
        cadences = _sorted_cadences(c for r in rules for c in r.cadences)
        conditions = unique(r.condition for r in rules if r.condition)
        # Who takes part besides the members ("cùng với Ban Chỉ đạo các bộ, ngành ...").
        joint = unique(r.participants for r in rules if r.participants)
        # Purposes some sittings also serve (the six-month review), with their participants.
        purposes = [pu for r in rules for pu in r.purposes]
        value = (
            "+".join(_cadence_key(c) for c in cadences),
            *sorted(fold(c) for c in conditions),
            *sorted(f"with:{fold(p)}" for p in joint),
            *sorted(f"also:{pu.period.value}{list(pu.which)}:{fold(pu.name)}:"
                    f"{fold(pu.participants)}" for pu in purposes),
        )
        says = s.MeetingsHeld(
            regular=kind is MeetingKind.REGULAR, cadences=tuple(cadences),
            conditions=tuple(conditions), joint=tuple(joint),
            purposes=tuple(s.AlsoServes(pu.period, pu.which, pu.name, pu.participants)
                           for pu in purposes),
        )
        cites = [r.citation for r in rules] + [pu.citation for pu in purposes]
        yield rd.fact(Aspect.MEETINGS, k, Subject(rd.name(body), kind), value, says, cites)


def attendance(rd: _Reader) -> Iterator[_Fact]:
    """What each post must do about each body's meetings: attend, excuse, send a proxy."""
    grouped: dict[str, tuple[str, dict[str, AttendanceRule], list[Citation]]] = {}
    for rule in rd.reg.attendance:
        value = _attendance_value(rule)
        for post in rule.posts:
            k = f"{rd.key(post)}:{rd.key(rule.body)}"
            _, terms, cites = grouped.setdefault(k, (post, {}, []))
            terms.setdefault(value, rule)
            cites.append(rule.citation)
    for k, (post, terms, cites) in sorted(grouped.items(), key=rd.in_rank):
        values = tuple(sorted(terms))
        says = s.Attends(tuple(
            s.AttendanceTerms(r.must_attend, r.absence_conditions, r.proxy_allowed,
                              r.proxy_conditions)
            for r in (terms[v] for v in values)
        ))
        yield rd.fact(Aspect.ATTENDANCE, k, rd.subject(post), values, says, cites)


def notices(rd: _Reader) -> Iterator[_Fact]:
    """How long before a meeting its notice must go out (meetings aspect)."""
    for n in rd.reg.notices:
        kind = n.meeting.value if n.meeting is not None else "all"
        k = f"{rd.key(n.body)}:notice:{kind}"
        yield rd.fact(Aspect.MEETINGS, k, rd.subject(n.body), (str(n.working_days),),
                      s.NoticeDays(n.working_days, n.what), (n.citation,))


def procedures(rd: _Reader) -> Iterator[_Fact]:
    """Written opinions, conclusion notices, referrals, reports before meetings."""
    for r in rd.reg.procedures:
        k = f"{rd.key(r.body)}:{r.kind.value}"
        if r.chaired_by:
            k += f":{rd.key(r.chaired_by)}"
        value = (*rd.keys(r.actors), f"decider:{rd.key(r.decider)}" if r.decider
                 else "decider:", fold(r.trigger))
        says = s.ProcedureHeld(
            r.kind, rd.names(r.actors),
            rd.name(r.chaired_by) if r.chaired_by else "",
            rd.name(r.decider) if r.decider else "", r.trigger,
        )
        yield rd.fact(Aspect.PROCEDURES, k, rd.subject(r.body), value, says, (r.citation,))


def collectives(rd: _Reader) -> Iterator[_Fact]:
    """Leadership collectives and the posts they are made of (posts aspect)."""
    for c in rd.reg.collectives:
        names = ", ".join(rd.own_name(p) for p in c.posts)
        yield rd.fact(Aspect.POSTS, rd.key(c.id), Subject(c.name), rd.keys(c.posts),
                      s.MadeOf(c.name, names), (c.citation,))


def composition(rd: _Reader) -> Iterator[_Fact]:
    """Who decides who attends each body's meetings."""
    for rule in rd.reg.compositions:
        k = rd.key(rule.body)
        if rule.decided_by == "chair":
            value, says = ("chair",), s.DecidedBy()
        else:
            value = (rd.key(rule.decided_by),)
            says = s.DecidedBy(rd.name(rule.decided_by))
        yield rd.fact(Aspect.COMPOSITION, k, rd.subject(rule.body), value, says,
                      (rule.citation,))
