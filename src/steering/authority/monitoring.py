"""Who monitors a locality or sector, and what a post monitors."""

from __future__ import annotations

import datetime as dt

import attrs

from steering import _args, reasons, world
from steering import _matching as matching
from steering._text import nfc
from steering.authority._core import (
    _memo,
)
from steering.authority._helpers import (
    _unique,
    _unique_cites,
)
from steering.authority.meetings import _Meetings
from steering.errors import (
    QueryError,
)
from steering.rules import Citation
from steering.ruling import Question, Ruling, Status


class _Monitoring(_Meetings):
    """Who monitors a locality or sector, and what a post monitors."""

    __slots__ = ()

    # -- monitoring ----------------------------------------------------------------------

    def monitor_of(self, locality_or_sector: str, on: dt.date | None = None) -> Ruling:
        """Which member monitors a locality or sector (see `_monitor_of`).

        With ``on``, the ruling carries the world's caveats for that date
        ([`steering.world.situate_monitor`][steering.world.situate_monitor]): a district-level unit
        asked
        about after 01/07/2025 no longer exists, and the answer is not decided.

        Raises:
            QueryError: ``locality_or_sector`` is not a string, or ``on`` not a date.

        """
        ruling = self._monitor_of(locality_or_sector)
        on = _args.as_date(on, "on")
        if on is None:
            return ruling
        return world.situate_monitor(attrs.evolve(ruling, on=on), self._reg)

    @_memo
    def _monitor_of(self, locality_or_sector: str) -> Ruling:
        """Which member monitors a locality or sector, matching names forgivingly.

        Diacritics and case are ignored, "TP"/"Thành phố", "TX"/"Thị xã",
        "H."/"Huyện" are equivalent, and the seeds' own misspellings
        ("Bim Sơn" for "Bỉm Sơn") match.
        """
        if not isinstance(locality_or_sector, str):
            raise QueryError(
                f"found {type(locality_or_sector).__name__}; allowed: a locality or sector name"
            )
        query = nfc(locality_or_sector)
        mon = self._reg.monitoring
        if mon is None:
            return Ruling(
                question=Question.MONITOR_OF,
                subject=query,
                status=Status.NOT_SPECIFIED,
                reasons=(reasons.NoMonitoring(),),
            )
        province = self._reg.identity.province
        found = matching.match_locality(query, self._monitor_pairs, province)
        hits = found.hits
        if not hits:
            return Ruling(
                question=Question.MONITOR_OF,
                subject=query,
                status=Status.NOT_SPECIFIED,
                citations=(mon.basis,),
                reasons=(reasons.NobodyMonitors(
                    query=query, basis=mon.basis, province=province,
                    outside=bool(found.province and not found.own_province),
                    whole_province=bool(found.province and found.own_province),
                ),),
            )
        posts = _unique(p for p, _ in hits)
        targets = _unique(t.text for _, t in hits)
        by_post = {asg.post: asg.citation for asg in mon.assignments if asg.post in posts}
        cites = _unique_cites((mon.basis, *by_post.values()))
        pairs: dict[str, list[str]] = {}
        for p, t in hits:
            pairs.setdefault(p, [])
            if t.text not in pairs[p]:
                pairs[p].append(t.text)
        each = tuple((self._named(p), tuple(ts)) for p, ts in pairs.items())
        status = Status.DECIDED if found.decisive else Status.AMBIGUOUS
        said = self._monitor_reason(query, found, each, targets, cites)
        return Ruling(
            question=Question.MONITOR_OF,
            subject=query,
            status=status,
            answer=posts if status is Status.DECIDED else (),
            candidates=posts if status is Status.AMBIGUOUS else (),
            targets=targets,
            citations=cites,
            unordered=status is Status.DECIDED and len(posts) > 1,
            reasons=(said,),
        )

    def _monitor_reason(
        self,
        query: str,
        found: matching.LocalityMatch,
        each: tuple[tuple[reasons.Named, tuple[str, ...]], ...],
        targets: tuple[str, ...],
        cites: tuple[Citation, ...],
    ) -> reasons.Reason:
        """Why the entries matched answer as they do: loosely, several, or one read as asked."""
        if not found.decisive:
            order = list(matching.Looseness)
            return reasons.MonitorLoose(
                query=query, province=self._reg.identity.province, each=each, citations=cites,
                looseness=tuple(sorted(found.reasons, key=order.index)),
            )
        if len(each) > 1:
            # Several annex entries bear the name and several members hold them: say
            # which member follows which, not one list of each.
            return reasons.MonitorsSeveral(query=query, entries=len(targets), each=each,
                                           citations=cites)
        return reasons.Monitors(query=query, posts=tuple(p for p, _ in each), targets=targets,
                                read_as=not found.exact, citations=cites)

    @_memo
    def monitored_by(self, post: str) -> Ruling:
        """The sectors and localities ``post`` follows, in the annex's own words.

        Raises:
            UnknownPostError: ``post`` names no post.

        """
        self._post(post)
        mon = self._reg.monitoring
        rows = [a for a in mon.assignments if a.post == post] if mon is not None else []
        if mon is None or not rows:
            return Ruling(
                question=Question.MONITORED_BY,
                subject=post,
                status=Status.NOT_SPECIFIED,
                reasons=(reasons.MonitorsNothing(self._named(post)),),
            )
        targets = _unique(t.text for a in rows for t in a.targets)
        cites = _unique_cites((mon.basis, *(a.citation for a in rows)))
        return Ruling(
            question=Question.MONITORED_BY,
            subject=post,
            status=Status.DECIDED,
            answer=targets,
            targets=targets,
            citations=cites,
            reasons=(reasons.Monitors(query="", posts=(self._named(post),), targets=targets,
                                      citations=cites),),
        )
