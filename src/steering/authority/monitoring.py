"""Who monitors a locality or sector, and what a post monitors."""

from __future__ import annotations

import datetime as dt

import attrs

from steering import _args, world
from steering import _matching as matching
from steering._text import nfc
from steering.authority._core import (
    _memo,
)
from steering.authority._words import (
    _cite,
    _loose_words,
    _unique,
    _unique_cites,
)
from steering.authority.meetings import _Meetings
from steering.errors import (
    QueryError,
)
from steering.ruling import Question, Ruling, Status, sentence


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
                text_vi="Quy chế không phân công thành viên theo dõi địa bàn, lĩnh vực.",
                text_en="The regulation assigns no member to follow localities or sectors.",
            )
        found = matching.match_locality(query, self._monitor_pairs, self._reg.identity.province)
        hits = found.hits
        if not hits:
            where_vi = where_en = ""
            if found.province and not found.own_province:
                where_vi = f" (“{query}” không thuộc tỉnh {self._reg.identity.province})"
                where_en = f" (“{query}” is outside tỉnh {self._reg.identity.province})"
            elif found.province:
                where_vi = " (phân công theo dõi từng đơn vị, ngành trong tỉnh, không giao cả tỉnh)"
                where_en = " (it assigns units and sectors within the province, not the province)"
            return Ruling(
                question=Question.MONITOR_OF,
                subject=query,
                status=Status.NOT_SPECIFIED,
                citations=(mon.basis,),
                text_vi=(
                    f"Phân công theo dõi ({_cite((mon.basis,), 'vi')}) không giao “{query}” "
                    f"cho thành viên nào{where_vi}."
                ),
                text_en=(
                    f"The monitoring assignment ({_cite((mon.basis,), 'en')}) gives “{query}” "
                    f"to no member{where_en}."
                ),
            )
        posts = _unique(p for p, _ in hits)
        targets = _unique(t.text for _, t in hits)
        by_post = {asg.post: asg.citation for asg in mon.assignments if asg.post in posts}
        cites = _unique_cites((mon.basis, *by_post.values()))
        quoted = ", ".join(f"“{t}”" for t in targets)
        pairs: dict[str, list[str]] = {}
        for p, t in hits:
            pairs.setdefault(p, [])
            if t.text not in pairs[p]:
                pairs[p].append(t.text)
        each_vi = "; ".join(
            f"{self._name(p, 'vi')} theo dõi, đôn đốc " + ", ".join(f"“{t}”" for t in ts)
            for p, ts in pairs.items()
        )
        each_en = "; ".join(
            f"{self._name(p, 'en')} monitors " + ", ".join(f"“{t}”" for t in ts)
            for p, ts in pairs.items()
        )
        if not found.decisive:
            why_vi, why_en = _loose_words(found, self._reg.identity.province)
            return Ruling(
                question=Question.MONITOR_OF,
                subject=query,
                status=Status.AMBIGUOUS,
                candidates=posts,
                targets=targets,
                citations=cites,
                text_vi=sentence(
                    f"“{query}” không trùng tên mục nào của phân công ({why_vi}), nên không "
                    f"xác định được người theo dõi; có thể là: {each_vi} ({_cite(cites, 'vi')})."
                ),
                text_en=sentence(
                    f"“{query}” is not the name of any entry of the assignment ({why_en}), so "
                    f"who monitors it is not decided; it may mean: {each_en} "
                    f"({_cite(cites, 'en')})."
                ),
            )
        read_vi = read_en = ""
        if not found.exact:
            read_vi = f"“{query}” được hiểu là {quoted}, mục duy nhất mang tên này: "
            read_en = f"“{query}” is read as {quoted}, the only entry of that name: "
        if len(posts) > 1:
            # Several annex entries bear the name and several members hold them: say
            # which member follows which, not one list of each.
            text_vi = (f"“{query}” ứng với {len(targets)} mục của phân công: {each_vi} "
                       f"({_cite(cites, 'vi')}).")
            text_en = (f"“{query}” matches {len(targets)} entries of the assignment: {each_en} "
                       f"({_cite(cites, 'en')}).")
        else:
            text_vi = (f"{read_vi}{self._names(posts, 'vi')} theo dõi, đôn đốc {quoted} "
                       f"({_cite(cites, 'vi')}).")
            text_en = (f"{read_en}{self._names(posts, 'en')} monitors {quoted} "
                       f"({_cite(cites, 'en')}).")
        return Ruling(
            question=Question.MONITOR_OF,
            subject=query,
            status=Status.DECIDED,
            answer=posts,
            targets=targets,
            citations=cites,
            unordered=len(posts) > 1,
            text_vi=sentence(text_vi),
            text_en=sentence(text_en),
        )

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
                text_vi=(
                    f"Quy chế không giao {self._name(post, 'vi')} theo dõi địa bàn, lĩnh vực nào."
                ),
                text_en=(
                    f"The regulation assigns no locality or sector to {self._name(post, 'en')}."
                ),
            )
        targets = _unique(t.text for a in rows for t in a.targets)
        cites = _unique_cites((mon.basis, *(a.citation for a in rows)))
        quoted = ", ".join(f"“{t}”" for t in targets)
        return Ruling(
            question=Question.MONITORED_BY,
            subject=post,
            status=Status.DECIDED,
            answer=targets,
            targets=targets,
            citations=cites,
            text_vi=f"{self._name(post, 'vi')} theo dõi, đôn đốc {quoted} ({_cite(cites, 'vi')}).",
            text_en=f"{self._name(post, 'en')} monitors {quoted} ({_cite(cites, 'en')}).",
        )
