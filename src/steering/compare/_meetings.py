"""Facts about meetings.

Who convenes, cadences, attendance, composition, notice, procedures and collectives.
"""

from __future__ import annotations

from typing import Any

from steering._text import fold
from steering.compare._model import (
    Aspect,
)
from steering.compare._posts_and_authority import _PostsAndAuthority
from steering.compare._words import (
    _PERIOD_UNIT_EN,
    _PERIOD_UNIT_VI,
    _PROCEDURE_WORDS,
    _attendance_words,
    _cadence_key,
    _cadence_words,
    _sorted_cadences,
    _unique,
)
from steering.rules import (
    Citation,
    MeetingKind,
)
from steering.text import word


class _Meetings(_PostsAndAuthority):
    """Facts about meetings: who convenes, cadences, attendance, composition, notice,."""

    def conveners(self) -> None:
        grouped: dict[str, list[Any]] = {}
        for rule in self.reg.convening:
            grouped.setdefault(f"{self.key(rule.body)}:{rule.meeting.value}", []).append(rule)
        for k, rules in sorted(grouped.items()):
            body, meeting = rules[0].body, rules[0].meeting
            conveners = {c for r in rules for c in r.conveners}
            proposers = {c for r in rules for c in r.on_proposal_of}
            # Only the conveners of a clause that says "triệu tập và chủ trì" chair:
            # Thanh Hóa 2024 Điều 3 khoản 3 has the Trưởng Ban chair, while Điều 7
            # khoản 1 lets the deputies call extraordinary meetings, not chair them.
            chairs = {c for r in rules if r.chairs for c in r.conveners}
            value = (
                "+".join(self.keys(conveners)),
                "+".join(self.keys(proposers)),
                "+".join(self.keys(chairs)),
            )
            vi = self.names(conveners) or "(không nêu)"
            en = self.names(conveners) or "(none named)"
            if proposers:
                vi += f"; theo đề nghị của {self.names(proposers)}"
                en += f"; on the proposal of {self.names(proposers)}"
            if chairs == conveners:
                vi += "; triệu tập và chủ trì"
                en += "; convenes and chairs"
            elif chairs:
                vi += f"; {self.names(chairs)} chủ trì"
                en += f"; {self.names(chairs)} chairs"
            subject = (f"{self.name(body)}, {word(meeting, 'vi')}",
                       f"{self.name(body)}, {word(meeting, 'en')}")
            self.add(Aspect.CONVENERS, k, subject, value, vi, en, (r.citation for r in rules))

    def meetings(self) -> None:
        grouped: dict[str, list[Any]] = {}
        for rule in self.reg.meetings:
            grouped.setdefault(f"{self.key(rule.body)}:{rule.kind.value}", []).append(rule)
        for k, rules in sorted(grouped.items()):
            body, kind = rules[0].body, rules[0].kind
            cadences = _sorted_cadences(c for r in rules for c in r.cadences)
            conditions = _unique(r.condition for r in rules if r.condition)
            # Who takes part besides the members ("cùng với Ban Chỉ đạo các bộ, ngành ...").
            joint = _unique(r.participants for r in rules if r.participants)
            # Purposes some sittings also serve (the six-month review), with their participants.
            purposes = [pu for r in rules for pu in r.purposes]
            value = (
                "+".join(_cadence_key(c) for c in cadences),
                *sorted(fold(c) for c in conditions),
                *sorted(f"with:{fold(p)}" for p in joint),
                *sorted(f"also:{pu.period.value}{list(pu.which)}:{fold(pu.name)}:"
                        f"{fold(pu.participants)}" for pu in purposes),
            )
            if cadences:
                vi = ", ".join(_cadence_words(c, "vi") for c in cadences)
                en = ", ".join(_cadence_words(c, "en") for c in cadences)
            elif kind is MeetingKind.REGULAR:
                # "Tổ công tác họp định kỳ hoặc đột xuất" (Thanh Hóa Điều 7 khoản 3): periodic,
                # but no period is named.
                vi, en = "định kỳ, không nêu kỳ hạn", "periodic, period not stated"
            else:
                vi, en = "có, không quy định định kỳ", "held, no fixed cadence"
            if conditions:
                vi += f" ({'; '.join(conditions)})"
                en += f" ({'; '.join(conditions)})"
            if joint:
                vi += f"; thành phần: {'; '.join(joint)}"
                en += f"; with: {'; '.join(joint)}"
            for pu in purposes:
                with_vi = f" cùng với {pu.participants}" if pu.participants else ""
                with_en = f" with {pu.participants}" if pu.participants else ""
                nth = ", ".join(str(w) for w in pu.which)
                when_vi = f"{_PERIOD_UNIT_VI[pu.period]} thứ {nth}" if nth \
                    else f"mỗi {_PERIOD_UNIT_VI[pu.period]}"
                when_en = f"{_PERIOD_UNIT_EN[pu.period]} no. {nth}" if nth \
                    else f"each {_PERIOD_UNIT_EN[pu.period]}"
                vi += f"; kỳ họp kết thúc {when_vi} kiêm {pu.name}{with_vi}"
                en += f"; the sitting ending {when_en} is also “{pu.name}”{with_en}"
            subject = (f"{self.name(body)}, {word(kind, 'vi')}",
                       f"{self.name(body)}, {word(kind, 'en')}")
            cites = [r.citation for r in rules] + [pu.citation for pu in purposes]
            self.add(Aspect.MEETINGS, k, subject, value, vi, en, cites)

    def attendance(self) -> None:
        grouped: dict[str, tuple[str, dict[str, tuple[str, str]], list[Citation]]] = {}
        for rule in self.reg.attendance:
            value, vi, en = _attendance_words(rule)
            for post in rule.posts:
                k = f"{self.key(post)}:{self.key(rule.body)}"
                _, texts, cites = grouped.setdefault(k, (post, {}, []))
                texts.setdefault(value, (vi, en))
                cites.append(rule.citation)
        for k, (post, texts, cites) in sorted(grouped.items(), key=self._in_rank):
            values = tuple(sorted(texts))
            vi = " / ".join(texts[v][0] for v in values)
            en = " / ".join(texts[v][1] for v in values)
            self.add(Aspect.ATTENDANCE, k, self.subject(post), values, vi, en, cites)

    def notices(self) -> None:
        """How long before a meeting its notice must go out (meetings aspect)."""
        for n in self.reg.notices:
            kind = n.meeting.value if n.meeting is not None else "all"
            k = f"{self.key(n.body)}:notice:{kind}"
            what = f" ({n.what})" if n.what else ""
            self.add(Aspect.MEETINGS, k, self.subject(n.body), (str(n.working_days),),
                     f"gửi thông báo mời họp ít nhất {n.working_days} ngày làm việc trước "
                     f"ngày họp{what}",
                     f"notice at least {n.working_days} working days before the meeting"
                     f"{what}", (n.citation,))

    def procedures(self) -> None:
        """Written opinions, conclusion notices, referrals, reports before meetings."""
        for r in self.reg.procedures:
            k = f"{self.key(r.body)}:{r.kind.value}"
            if r.chaired_by:
                k += f":{self.key(r.chaired_by)}"
            value = (*self.keys(r.actors), f"decider:{self.key(r.decider)}" if r.decider
                     else "decider:", fold(r.trigger))
            vi_kind, en_kind = _PROCEDURE_WORDS[r.kind.value]
            vi = f"{vi_kind}: {self.names(r.actors) or 'không nêu ai'} thực hiện"
            en = f"{en_kind}: by {self.names(r.actors) or 'nobody named'}"
            if r.chaired_by:
                vi += f" (cuộc họp do {self.name(r.chaired_by)} chủ trì)"
                en += f" (a meeting chaired by {self.name(r.chaired_by)})"
            if r.decider:
                vi += f"; {self.name(r.decider)} quyết định"
                en += f"; {self.name(r.decider)} decides"
            if r.trigger:
                vi += f"; {r.trigger}"
                en += f"; “{r.trigger}”"
            self.add(Aspect.PROCEDURES, k, self.subject(r.body), value, vi, en,
                     (r.citation,))

    def collectives(self) -> None:
        """Leadership collectives and the posts they are made of (posts aspect)."""
        for c in self.reg.collectives:
            k = self.key(c.id)
            names = ", ".join(self.own_name(p) for p in c.posts)
            self.add(Aspect.POSTS, k, (c.name, c.name), self.keys(c.posts),
                     f"{c.name} gồm: {names}", f"{c.name}: {names}", (c.citation,))

    def composition(self) -> None:
        for rule in self.reg.compositions:
            k = self.key(rule.body)
            if rule.decided_by == "chair":
                value, vi, en = ("chair",), "người chủ trì quyết định", "decided by the chair"
            else:
                value = (self.key(rule.decided_by),)
                vi = f"{self.name(rule.decided_by)} quyết định"
                en = f"decided by {self.name(rule.decided_by)}"
            self.add(Aspect.COMPOSITION, k, self.subject(rule.body), value, vi, en,
                     (rule.citation,))
