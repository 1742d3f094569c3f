"""Meetings and bodies: who convenes, who may send a proxy, notice, procedures, collectives.

And which agency is the standing agency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from steering import reasons
from steering.authority._core import (
    _memo,
)
from steering.authority._helpers import (
    _unique,
    _unique_cites,
    _unique_conds,
)
from steering.authority.accountability import _Accountability
from steering.errors import (
    QueryError,
    UnknownIdError,
)
from steering.roles import COMMITTEE
from steering.rules import (
    MeetingKind,
)
from steering.ruling import Question, Ruling, Status


class _Meetings(_Accountability):
    """Who convenes a meeting, who may send a proxy, notice, procedures, collectives,."""

    __slots__ = ()

    # -- meetings ---------------------------------------------------------------------

    @_memo
    def conveners(self, kind: str | MeetingKind, body: str = COMMITTEE) -> Ruling:
        """Who may convene a meeting of ``kind`` of ``body``, and on whose proposal.

        Args:
            kind: ``"regular"``, ``"extraordinary"`` or ``"expanded"``.
            body: ``"committee"`` (the default) or a working group id.

        Raises:
            QueryError: ``kind`` is not a meeting kind.
            UnknownIdError: ``body`` is neither the committee nor a working group.

        """
        try:
            mk = MeetingKind(kind)
        except ValueError:
            allowed = ", ".join(m.value for m in MeetingKind)
            raise QueryError(f"unknown meeting kind {kind!r}; allowed: {allowed}") from None
        bodies = (COMMITTEE, *sorted(self._groups))
        if body not in bodies:
            raise UnknownIdError("committee or working group", str(body), bodies)
        rules = [c for c in self._convening if c.body == body and c.meeting is mk]
        if not rules:
            return Ruling(
                question=Question.CONVENERS,
                subject=mk.value,
                status=Status.NOT_SPECIFIED,
                reasons=(reasons.NoConvener(mk, self._named(body)),),
            )
        # Two clauses naming the same conveners (Điều 3 khoản 3 "Triệu tập và chủ trì ...
        # họp ... đột xuất" and Điều 7 khoản 1 "họp đột xuất theo chỉ đạo của Trưởng Ban")
        # make one statement citing both, not the same sentence twice.
        groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Any]] = {}
        for c in rules:
            groups.setdefault((c.conveners, c.on_proposal_of), []).append(c)
        lines = tuple(
            reasons.ConveneLine(
                conveners=self._nameds(conveners),
                on_proposal_of=self._nameds(proposers),
                chairs=any(x.chairs for x in group),
                citations=tuple(x.citation for x in group),
            )
            for (conveners, proposers), group in groups.items()
        )
        return Ruling(
            question=Question.CONVENERS,
            subject=mk.value,
            status=Status.DECIDED,
            answer=_unique(x for c in rules for x in c.conveners),
            on_proposal_of=_unique(x for c in rules for x in c.on_proposal_of),
            citations=_unique_cites(c.citation for c in rules),
            chain=(body,),
            reasons=(reasons.Convenes(mk, self._named(body), lines),),
        )

    @_memo
    def proxy(self, post: str, body: str = COMMITTEE) -> Ruling:
        """Whether ``post`` may send a proxy to ``body``'s meetings, and on what conditions.

        ``allowed`` is ``True``/``False``, or ``None`` when not specified;
        ``conditions`` are what sending a proxy requires and
        ``absence_conditions`` what an absence requires.

        Raises:
            UnknownPostError: ``post`` names no post.
            UnknownIdError: ``body`` is neither the committee nor a working group
                (as for [`conveners`][steering.authority.AuthorityGraph.conveners]).

        """
        self._post(post)
        bodies = (COMMITTEE, *sorted(self._groups))
        if body not in bodies:
            raise UnknownIdError("committee or working group", str(body), bodies)
        rules = [a for a in self._attendance if post in a.posts and a.body == body]
        decided = [a for a in rules if a.proxy_allowed is not None]
        if not decided:
            cites = _unique_cites(a.citation for a in rules)
            return Ruling(
                question=Question.PROXY,
                subject=post,
                status=Status.NOT_SPECIFIED,
                citations=cites,
                absence_conditions=_unique_conds(c for a in rules for c in a.absence_conditions),
                reasons=(reasons.ProxyUnsaid(self._named(post), cites),),
            )
        a = decided[0]
        conds = tuple(a.proxy_conditions)
        absent_conds = tuple(a.absence_conditions)
        said: tuple[reasons.Reason, ...] = (
            reasons.ProxyRule(self._named(post), bool(a.proxy_allowed), a.citation, conds),
        )
        if absent_conds:
            said += (reasons.AbsenceRequires(absent_conds),)
        return Ruling(
            question=Question.PROXY,
            subject=post,
            status=Status.DECIDED,
            answer=("allowed" if a.proxy_allowed else "not_allowed",),
            allowed=a.proxy_allowed,
            conditions=conds,
            absence_conditions=absent_conds,
            citations=(a.citation,),
            reasons=said,
        )

    @_memo
    def notice_for(self, meeting_day: dt.date | str, body: str = COMMITTEE,
                   kind: MeetingKind | str = MeetingKind.REGULAR) -> Ruling:
        """The last day the notice of a meeting on ``meeting_day`` may go out.

        See [`steering.procedure.notice_for`][steering.procedure.notice_for].
        """
        from steering.procedure import notice_for  # noqa: PLC0415 - its own module

        return notice_for(self._reg, meeting_day, body=body, kind=kind)

    @_memo
    def procedure(self, kind: str, body: str = COMMITTEE,
                  chaired_by: str | None = None) -> Ruling:
        """Who carries out a procedure of a body's meetings, when, and who decides.

        Written opinions, the conclusion notice, referral of differing opinions, a
        report before each meeting.
        See [`steering.procedure.procedure`][steering.procedure.procedure].
        """
        from steering.procedure import procedure  # noqa: PLC0415 - its own module

        return procedure(self._reg, kind, body=body, chaired_by=chaired_by)

    @_memo
    def collective(
        self, collective: str, *, absent: Iterable[str] = (), on: dt.date | None = None
    ) -> Ruling:
        """Who a leadership collective is made of, and who of them is present.

        "Thường trực Ban Chỉ đạo" is its posts; a member absent (or absent through a
        post the same person holds) is named as absent; see
        [`steering.collectives`][steering.collectives].

        Raises:
            UnknownIdError: ``collective`` names no collective (the message lists them).

        """
        from steering.collectives import collective as members  # noqa: PLC0415 - own module

        gone, _ = self._with_concurrent(self._absent_set(absent))
        return self._dated(attrs.evolve(members(self._reg, collective, gone), on=on))

    def standing_agency(self, domain: str | None = None) -> Ruling:
        """The standing agency (cơ quan thường trực) for ``domain``, or the only one.

        A committee with several standing agencies, one per domain, answers
        ``ambiguous`` with the candidates when no domain is given or the words fit
        several; see [`steering.agencies`][steering.agencies].
        """
        from steering.agencies import standing_agency  # noqa: PLC0415 - its own module

        return standing_agency(self._reg, domain)
