"""Facts about reports and bodies.

Reports, working groups, the standing agency, monitoring, channels, funding, the
committee's forms and written authorisations.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from steering import statements as s
from steering._text import fold
from steering.compare._keys import _cadence_key, _sorted_cadences, _unique_citations
from steering.compare._model import Aspect
from steering.compare._reader import _Fact, _Reader
from steering.roles import GroupKind
from steering.rules import Citation, ReportRule, TargetKind
from steering.statements import About, Subject


def reports(rd: _Reader) -> Iterator[_Fact]:
    """Each reporter's cadence, recipients, intermediaries and deadlines."""
    by_reporter: dict[str, tuple[str, list[ReportRule]]] = {}
    for rule in rd.reg.reports:
        for r in rule.reporters:
            by_reporter.setdefault(rd.key(r), (r, []))[1].append(rule)
    for k, (reporter, rules) in sorted(by_reporter.items()):
        name = rd.name(reporter)
        yield from _report_cadence(rd, k, name, rules)
        recipients = {x for r in rules for x in r.recipients}
        yield rd.fact(Aspect.REPORTS, f"{k}:recipients", Subject(name, about=About.REPORTS_TO),
                      rd.keys(recipients), s.Verbatim(rd.names(recipients)),
                      (r.citation for r in rules))
        for field in _REPORT_PEOPLE:
            people = {x for r in rules for x in getattr(r, field)}
            if people:
                yield rd.fact(Aspect.REPORTS, f"{k}:{field}", Subject(name, about=About(field)),
                              rd.keys(people), s.Verbatim(rd.names(people)),
                              (r.citation for r in rules if getattr(r, field)))
        yield from _report_deadline(rd, k, name, rules)


def _report_cadence(rd: _Reader, k: str, name: str, rules: list[ReportRule]) -> Iterator[_Fact]:
    cadences = _sorted_cadences(c for r in rules for c in r.cadences)
    value = ["+".join(_cadence_key(c) for c in cadences)]
    unstated = any(r.periodic and not r.cadences for r in rules)
    ad_hoc = any(r.ad_hoc for r in rules)
    value += ["periodic?"] if unstated else []
    value += ["ad_hoc"] if ad_hoc else []
    cites = [r.citation for r in rules if r.cadences or r.periodic or r.ad_hoc]
    if cadences or unstated or ad_hoc:
        # A report with no word on when (Vũng Tàu Điều 5: the deputy "báo cáo Trưởng
        # ban") leaves its cadence unspecified: no fact, not an empty one.
        yield rd.fact(Aspect.REPORTS, f"{k}:cadence", Subject(name, about=About.CADENCE),
                      tuple(value), s.ReportCadences(tuple(cadences), unstated, ad_hoc), cites)


def _report_deadline(rd: _Reader, k: str, name: str, rules: list[ReportRule]) -> Iterator[_Fact]:
    deadlines = [(r.deadline, r.citation) for r in rules if r.deadline is not None]
    if not deadlines:
        return
    value = tuple(sorted({f"{d.day}:{d.before}:{d.month_offset}" for d, _ in deadlines}))
    says = s.ReportDeadlines(tuple(s.DeadlineDay(d.day, d.before, bool(d.month_offset))
                                   for d, _ in deadlines))
    yield rd.fact(Aspect.REPORTS, f"{k}:deadline", Subject(name, about=About.DEADLINE), value, says,
                  (c for _, c in deadlines))


def working_groups(rd: _Reader) -> Iterator[_Fact]:
    """Each working group: its name, lead and own regulation."""
    for g in rd.reg.working_groups:
        k = rd.key(g.id)
        lead = rd.name(g.lead) if g.lead else ""
        value = (fold(g.name), g.kind.value, rd.key(g.lead) if g.lead else "")
        # A plain working group needs no kind word after the aspect's own label
        # ("[Tổ giúp việc] Tổ công tác giúp việc Ban Chỉ đạo", Tùng Châu).
        plain = g.kind is GroupKind.WORKING_GROUP
        yield rd.fact(Aspect.WORKING_GROUPS, k, Subject(member=None if plain else g.kind), value,
                      s.GroupIs(g.name, lead, g.regulation), (g.citation,))


def standing_agency(rd: _Reader) -> Iterator[_Fact]:
    """The standing agency, or several, each for its domain."""
    several = rd.reg.committee.standing_agencies
    if several:
        whos = [(rd.reg.post(a.post), a) for a in several]
        names = [p.agency or p.office or p.title for p, _ in whos]
        value = tuple(sorted(f"{fold(n)}|{fold(a.domain)}" for n, (_, a) in
                             zip(names, whos, strict=True)))
        says = s.AgenciesFor(tuple((n, a.domain) for n, (_, a) in
                                   zip(names, whos, strict=True)))
        yield rd.fact(Aspect.STANDING_AGENCY, "", Subject(), value, says,
                      [a.citation for a in several])
        return
    sa = rd.reg.committee.standing_agency
    if not sa:
        return
    post = rd.reg.post(sa)
    who = post.agency or post.office or post.title
    cites = [post.citation] + ([post.holder.citation] if post.holder else [])
    yield rd.fact(Aspect.STANDING_AGENCY, "", Subject(), (fold(who),), s.Verbatim(who), cites)


def monitoring(rd: _Reader) -> Iterator[_Fact]:
    """The monitoring annex, and who monitors each locality or sector."""
    mon = rd.reg.monitoring
    if mon is None:
        return
    localities = {fold(t.name) for a in mon.assignments for t in a.targets
                  if t.kind is TargetKind.LOCALITY}
    others = {fold(t.name) for a in mon.assignments for t in a.targets
              if t.kind is not TargetKind.LOCALITY}
    n = len(mon.assignments)
    yield rd.fact(Aspect.MONITORING, "annex", Subject(about=About.ANNEX), ("annex",),
                  s.MonitoringAnnex(n, len(localities), len(others)), (mon.basis,))
    # One fact per target, naming every member who monitors it (an annex may list a
    # locality under two members).
    rows: dict[str, tuple[set[str], list[str], list[Citation]]] = {}
    said: dict[str, str] = {}  # the target as the annex's last row for it writes it
    for a in mon.assignments:
        for t in a.targets:
            k = f"{t.kind.value}[{fold(t.unit)} {fold(t.name)}]".replace("[ ", "[")
            value, names, cites = rows.setdefault(k, (set(), [], []))
            value.add(rd.specific_key(a.post))
            names.append(rd.own_name(a.post))
            cites.append(a.citation)
            said[k] = t.text
    for k, (value, names, cites) in rows.items():
        yield rd.fact(Aspect.MONITORING, k, Subject(said[k]), tuple(sorted(value)),
                      s.Verbatim("; ".join(names)), cites)


def channels(rd: _Reader) -> Iterator[_Fact]:
    """The information channels of each kind."""
    grouped: dict[str, list[Any]] = {}
    for ch in rd.reg.channels:
        grouped.setdefault(ch.kind.value, []).append(ch)
    for k, chans in sorted(grouped.items()):
        value = tuple(sorted(
            f"{fold(c.name)}|{fold(c.platform)}|{'+'.join(sorted(map(fold, c.excludes)))}|"
            f"{rd.key(c.administrator) if c.administrator else ''}"
            for c in chans
        ))
        named = []
        for c in chans:
            # "hệ thống Văn phòng điện tử (iDesk)" already names its platform.
            shown = c.platform and fold(c.platform) not in fold(c.name)
            named.append(s.ChannelNamed(
                c.name + (f" ({c.platform})" if shown else ""), c.excludes,
                rd.name(c.administrator) if c.administrator else "",
            ))
        yield rd.fact(Aspect.CHANNELS, k, Subject(member=chans[0].kind), value,
                      s.Channels(tuple(named)), (c.citation for c in chans))


def funding(rd: _Reader) -> Iterator[_Fact]:
    """Where the money comes from and who manages it."""
    funding = rd.reg.committee.funding
    if not funding:
        return
    value = tuple(sorted(
        f"{fold(f.source)}|{rd.key(f.manager) if f.manager else ''}" for f in funding
    ))
    says = s.Funded(tuple((f.source, rd.name(f.manager) if f.manager else "")
                          for f in funding))
    yield rd.fact(Aspect.FUNDING, "", Subject(), value, says, (f.citation for f in funding))


def committee_forms(rd: _Reader) -> Iterator[_Fact]:
    """The committee's working forms and who serves part time."""
    com = rd.reg.committee
    if com.working_forms:
        value = tuple(sorted(fold(p.text) for p in com.working_forms))
        text = " / ".join(p.text for p in com.working_forms)
        yield rd.fact(Aspect.WORKING_FORMS, "", Subject(), value, s.Verbatim(text),
                      (p.citation for p in com.working_forms))
    groups = [g for g in rd.reg.working_groups if g.part_time is not None]
    if com.part_time is not None or groups:
        # "Các thành viên Ban Chỉ đạo và Tổ giúp việc làm việc theo chế độ kiêm nhiệm"
        # (every seed): say whom the clause covers.
        value = ("part_time", *(f"group:{rd.key(g.id)}" for g in groups))
        if com.part_time is None:
            value = value[1:]
        says = s.PartTime(com.part_time is not None, tuple(g.name for g in groups))
        yield rd.fact(Aspect.PART_TIME, "", Subject(), value, says,
                      _unique_citations([*([com.part_time] if com.part_time else []),
                                     *(g.part_time for g in groups if g.part_time)]))


def delegations(rd: _Reader) -> Iterator[_Fact]:
    """Written authorisations: who signs for whom, what, from when to when."""
    for d in rd.reg.delegations:
        k = f"{rd.key(d.delegator)}>{rd.key(d.delegate)}"
        value = (
            "+".join(sorted(fold(x) for x in d.documents)),
            d.start.isoformat(),
            d.end.isoformat(),
        )
        says = s.Delegated(rd.name(d.delegate), d.start, d.end, d.documents)
        yield rd.fact(Aspect.DELEGATIONS, k, rd.subject(d.delegator), value, says,
                      (d.citation,))


#: Who else a report involves, in the order comparisons list them (fields of ReportRule,
#: each also the label of its fact).
_REPORT_PEOPLE = ("through", "consult", "partners")
