"""Facts about reports and bodies.

Reports, working groups, the standing agency, monitoring, channels, funding, the
committee's forms and written authorisations.
"""

from __future__ import annotations

from typing import Any

from steering._text import fold, vi_date
from steering.compare._meetings import _Meetings
from steering.compare._model import (
    Aspect,
)
from steering.compare._words import (
    _CHANNEL_WORDS,
    _cadence_key,
    _cadence_words,
    _sorted_cadences,
    _unique,
    _unique_citations,
)
from steering.roles import GroupKind
from steering.rules import (
    Citation,
    ReportRule,
    TargetKind,
)
from steering.text import pair


class _Bodies(_Meetings):
    """Facts about reports and bodies: reports, working groups, the standing agency,."""

    def reports(self) -> None:
        by_reporter: dict[str, tuple[str, list[ReportRule]]] = {}
        for rule in self.reg.reports:
            for r in rule.reporters:
                by_reporter.setdefault(self.key(r), (r, []))[1].append(rule)
        for k, (reporter, rules) in sorted(by_reporter.items()):
            subject = self.subject(reporter)
            self._report_cadence(k, subject, rules)
            recipients = {x for r in rules for x in r.recipients}
            words = self.names(recipients)
            self.add(Aspect.REPORTS, f"{k}:recipients",
                     (f"{subject[0]} (báo cáo cho)", f"{subject[1]} (reports to)"),
                     self.keys(recipients), words, words, (r.citation for r in rules))
            for field, vi, en in _REPORT_PEOPLE:
                people = {x for r in rules for x in getattr(r, field)}
                if people:
                    words = self.names(people)
                    self.add(Aspect.REPORTS, f"{k}:{field}",
                             (f"{subject[0]} ({vi})", f"{subject[1]} ({en})"),
                             self.keys(people), words, words,
                             (r.citation for r in rules if getattr(r, field)))
            self._report_deadline(k, subject, rules)

    def _report_cadence(self, k: str, subject: tuple[str, str], rules: list[ReportRule]) -> None:
        cadences = _sorted_cadences(c for r in rules for c in r.cadences)
        value = ["+".join(_cadence_key(c) for c in cadences)]
        vi_parts = [_cadence_words(c, "vi") for c in cadences]
        en_parts = [_cadence_words(c, "en") for c in cadences]
        if any(r.periodic and not r.cadences for r in rules):
            value.append("periodic?")
            vi_parts.append("định kỳ (không nêu kỳ hạn)")
            en_parts.append("periodic (cadence not specified)")
        if any(r.ad_hoc for r in rules):
            value.append("ad_hoc")
            vi_parts.append("đột xuất, khi cần")
            en_parts.append("ad hoc, when needed")
        cites = [r.citation for r in rules if r.cadences or r.periodic or r.ad_hoc]
        if vi_parts:
            # A report with no word on when (Vũng Tàu Điều 5: the deputy "báo cáo Trưởng
            # ban") leaves its cadence unspecified: no fact, not an empty one.
            self.add(Aspect.REPORTS, f"{k}:cadence",
                     (f"{subject[0]} (kỳ báo cáo)", f"{subject[1]} (cadence)"),
                     tuple(value), ", ".join(vi_parts), ", ".join(en_parts), cites)

    def _report_deadline(self, k: str, subject: tuple[str, str], rules: list[ReportRule]) -> None:
        deadlines = [(r.deadline, r.citation) for r in rules if r.deadline is not None]
        if not deadlines:
            return
        value = tuple(sorted({f"{d.day}:{d.before}:{d.month_offset}" for d, _ in deadlines}))
        vi = "; ".join(_unique(
            f"{'trước ngày' if d.before else 'ngày'} {d.day}"
            + (" tháng sau kỳ" if d.month_offset else "")
            for d, _ in deadlines
        ))
        en = "; ".join(_unique(
            f"{'before day' if d.before else 'on day'} {d.day}"
            + (" of the month after the period" if d.month_offset else "")
            for d, _ in deadlines
        ))
        self.add(Aspect.REPORTS, f"{k}:deadline",
                 (f"{subject[0]} (hạn báo cáo)", f"{subject[1]} (deadline)"),
                 value, vi, en, (c for _, c in deadlines))

    def working_groups(self) -> None:
        for g in self.reg.working_groups:
            k = self.key(g.id)
            lead = self.name(g.lead) if g.lead else ""
            value = (fold(g.name), g.kind.value, self.key(g.lead) if g.lead else "")
            vi = g.name + (f"; Tổ trưởng: {lead}" if lead else "")
            en = g.name + (f"; lead: {lead}" if lead else "")
            if g.regulation:
                vi += f"; có quy chế riêng ({g.regulation})"
                en += f"; has its own regulation ({g.regulation})"
            # A plain working group needs no kind word after the aspect's own label
            # ("[Tổ giúp việc] Tổ công tác giúp việc Ban Chỉ đạo", Tùng Châu).
            plain = g.kind is GroupKind.WORKING_GROUP
            subject = ("", "") if plain else pair(g.kind)
            self.add(Aspect.WORKING_GROUPS, k, subject, value, vi, en, (g.citation,))

    def standing_agency(self) -> None:
        several = self.reg.committee.standing_agencies
        if several:
            whos = [(self.reg.post(a.post), a) for a in several]
            names = [p.agency or p.office or p.title for p, _ in whos]
            value = tuple(sorted(f"{fold(n)}|{fold(a.domain)}" for n, (_, a) in
                                 zip(names, whos, strict=True)))
            vi = "; ".join(f"{n} (về {a.domain})" for n, (_, a) in zip(names, whos, strict=True))
            en = "; ".join(f"{n} (for {a.domain})" for n, (_, a) in zip(names, whos, strict=True))
            self.add(Aspect.STANDING_AGENCY, "", ("", ""), value, vi, en,
                     [a.citation for a in several])
            return
        sa = self.reg.committee.standing_agency
        if not sa:
            return
        post = self.reg.post(sa)
        who = post.agency or post.office or post.title
        cites = [post.citation] + ([post.holder.citation] if post.holder else [])
        self.add(Aspect.STANDING_AGENCY, "", ("", ""), (fold(who),), who, who, cites)

    def monitoring(self) -> None:
        mon = self.reg.monitoring
        if mon is None:
            return
        localities = {fold(t.name) for a in mon.assignments for t in a.targets
                      if t.kind is TargetKind.LOCALITY}
        others = {fold(t.name) for a in mon.assignments for t in a.targets
                  if t.kind is not TargetKind.LOCALITY}
        n = len(mon.assignments)
        self.add(Aspect.MONITORING, "annex", ("phụ lục phân công", "assignment annex"),
                 ("annex",),
                 f"{n} thành viên theo dõi {len(localities)} địa phương, {len(others)} "
                 "ngành, lĩnh vực, cơ quan",
                 f"{n} members monitor {len(localities)} localities and {len(others)} "
                 "sectors or agencies",
                 (mon.basis,))
        for a in mon.assignments:
            for t in a.targets:
                k = f"{t.kind.value}[{fold(t.unit)} {fold(t.name)}]".replace("[ ", "[")
                full = f"{Aspect.MONITORING.value}:{k}"
                existing = self.facts.get(full)
                value: tuple[str, ...] = (self.specific_key(a.post),)
                vi = self.own_name(a.post)
                cites: tuple[Citation, ...] = (a.citation,)
                if existing is not None:
                    value = tuple(sorted({*existing.side.value, *value}))
                    vi = f"{existing.side.text_vi}; {vi}"
                    cites = (*existing.side.citations, a.citation)
                self.add(Aspect.MONITORING, k, (t.text, t.text), value, vi, vi, cites)

    def channels(self) -> None:
        grouped: dict[str, list[Any]] = {}
        for ch in self.reg.channels:
            grouped.setdefault(ch.kind.value, []).append(ch)
        for k, chans in sorted(grouped.items()):
            value = tuple(sorted(
                f"{fold(c.name)}|{fold(c.platform)}|{'+'.join(sorted(map(fold, c.excludes)))}|"
                f"{self.key(c.administrator) if c.administrator else ''}"
                for c in chans
            ))
            vi_items, en_items = [], []
            for c in chans:
                # "hệ thống Văn phòng điện tử (iDesk)" already names its platform.
                shown = c.platform and fold(c.platform) not in fold(c.name)
                vi = c.name + (f" ({c.platform})" if shown else "")
                en = vi
                if c.excludes:
                    vi += f", không dùng cho: {', '.join(c.excludes)}"
                    en += f", not for: {', '.join(c.excludes)}"
                if c.administrator:
                    vi += f", do {self.name(c.administrator)} thành lập"
                    en += f", set up by {self.name(c.administrator)}"
                vi_items.append(vi)
                en_items.append(en)
            plain = k.replace("_", " ")
            self.add(Aspect.CHANNELS, k, _CHANNEL_WORDS.get(k, (plain, plain)), value,
                     "; ".join(vi_items), "; ".join(en_items), (c.citation for c in chans))

    def funding(self) -> None:
        funding = self.reg.committee.funding
        if not funding:
            return
        value = tuple(sorted(
            f"{fold(f.source)}|{self.key(f.manager) if f.manager else ''}" for f in funding
        ))
        # An entry may name only the source (Đắk Nông Điều 14 khoản 1) or only the
        # manager (Điều 9 khoản 3): join the parts that are there.
        vi = "; ".join(_unique(x for f in funding for x in (
            f.source, f"quản lý: {self.name(f.manager)}" if f.manager else "") if x))
        en = "; ".join(_unique(x for f in funding for x in (
            f.source, f"managed by {self.name(f.manager)}" if f.manager else "") if x))
        self.add(Aspect.FUNDING, "", ("", ""), value, vi, en, (f.citation for f in funding))

    def committee_forms(self) -> None:
        com = self.reg.committee
        if com.working_forms:
            value = tuple(sorted(fold(p.text) for p in com.working_forms))
            text = " / ".join(p.text for p in com.working_forms)
            self.add(Aspect.WORKING_FORMS, "", ("", ""), value, text, text,
                     (p.citation for p in com.working_forms))
        groups = [g for g in self.reg.working_groups if g.part_time is not None]
        if com.part_time is not None or groups:
            # "Các thành viên Ban Chỉ đạo và Tổ giúp việc làm việc theo chế độ kiêm nhiệm"
            # (every seed): say whom the clause covers.
            who_vi = ["Ban Chỉ đạo"] if com.part_time is not None else []
            who_vi += [g.name for g in groups]
            value = ("part_time", *(f"group:{self.key(g.id)}" for g in groups))
            if com.part_time is None:
                value = value[1:]
            self.add(Aspect.PART_TIME, "", ("", ""), value,
                     f"thành viên {' và '.join(who_vi)} làm việc theo chế độ kiêm nhiệm",
                     f"members of {' and '.join(who_vi)} serve part time, alongside their own "
                     "office",
                     _unique_citations([*([com.part_time] if com.part_time else []),
                                    *(g.part_time for g in groups if g.part_time)]))

    def delegations(self) -> None:
        for d in self.reg.delegations:
            k = f"{self.key(d.delegator)}>{self.key(d.delegate)}"
            value = (
                "+".join(sorted(fold(x) for x in d.documents)),
                d.start.isoformat(),
                d.end.isoformat(),
            )
            docs = ", ".join(d.documents)
            vi = f"{self.name(d.delegate)} ký TUQ. {docs}, {vi_date(d.start)} đến {vi_date(d.end)}"
            en = f"{self.name(d.delegate)} signs TUQ. {docs}, {d.start} to {d.end}"
            self.add(Aspect.DELEGATIONS, k, self.subject(d.delegator), value, vi, en,
                     (d.citation,))


#: Who else a report involves, in the order comparisons list them: (field, vi, en).
_REPORT_PEOPLE = (
    ("through", "thông qua", "through"),
    ("consult", "xin ý kiến", "consults"),
    ("partners", "chủ trì, phối hợp với", "leads, together with"),
)
