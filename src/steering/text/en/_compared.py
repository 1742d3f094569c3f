"""English: one entry per kind of statement a comparison holds.

What a regulation says about a compared fact ([`steering.statements`][steering.statements]),
in the order of that module; names and quoted words stay in the regulation's words.
"""

from __future__ import annotations

import datetime as dt

from steering import statements as s
from steering._text import unique
from steering.rules import Cadence, Period, ProcedureKind, Seal, SealKind
from steering.text.en._words import SAY, WORDS

#: A cadence's unit, for "2 times a quarter" and "quarter no. 2".
_UNIT = {Period.MONTH: "month", Period.QUARTER: "quarter", Period.HALF_YEAR: "half-year",
         Period.YEAR: "year"}

_PROCEDURE = {
    ProcedureKind.WRITTEN_OPINION: "written opinions",
    ProcedureKind.CONCLUSION_NOTICE: "conclusion notice",
    ProcedureKind.REFERRAL: "differing opinions referred",
    ProcedureKind.REPORT_BEFORE_MEETING: "report before each meeting",
}


@SAY.on(s.Subject)
def subject(x: s.Subject) -> str:
    """What a fact is about: ``"Trưởng ban (substitution depth)"``."""
    base = ", ".join(p for p in (x.name, WORDS[x.member] if x.member else "") if p)
    if not x.about:
        return base
    about = WORDS[x.about]
    return f"{base} ({about})" if base else about


def cadence(c: Cadence) -> str:
    """``"quarterly"``, or ``"2 times a quarter"``."""
    if c.times == 1:
        return WORDS[c.period]
    return f"{c.times} times a {_UNIT[c.period]}"


def seal(x: Seal) -> str:
    """``"the seal of UBND tỉnh"``."""
    if x.kind is SealKind.NONE:
        return "no seal of its own"
    if x.kind is SealKind.OWN_AGENCY:
        return "the seal of the holder's own agency"
    return f"the seal of {x.agency}"


def signed_unknown(not_before: dt.date | None, not_after: dt.date | None) -> str:
    """An unknown signing date with its bounds: ``"unknown (not before 2023-03-01)"``."""
    bounds = [f"not before {not_before.isoformat()}"] if not_before else []
    bounds += [f"not after {not_after.isoformat()}"] if not_after else []
    return "unknown" + (f" ({', '.join(bounds)})" if bounds else "")


@SAY.on(s.NotSaid)
def _(x: s.NotSaid) -> str:
    return "not specified"


@SAY.on(s.NoCounterpart)
def _(x: s.NoCounterpart) -> str:
    return "no counterpart (no such post or body)"


@SAY.on(s.Verbatim)
def _(x: s.Verbatim) -> str:
    return x.text


# -- identity ------------------------------------------------------------------------


@SAY.on(s.DecisionNumber)
def _(x: s.DecisionNumber) -> str:
    return x.number or ("(unknown)" if x.unknown else "(left blank)")


@SAY.on(s.SignedOn)
def _(x: s.SignedOn) -> str:
    if x.date is None:
        return signed_unknown(x.not_before, x.not_after)
    return str(x.date) + ("" if x.date.complete else " (incomplete date)")


@SAY.on(s.InForce)
def _(x: s.InForce) -> str:
    if x.on_signing:
        return "in force from signing"
    if x.date is None:
        return "in force from a date not stated"
    return f"in force from {x.date}"


@SAY.on(s.Replacing)
def _(x: s.Replacing) -> str:
    return "; ".join(number + (f" of {date}" if date else "") for number, date in x.decisions)


@SAY.on(s.LevelIs)
def _(x: s.LevelIs) -> str:
    return WORDS[x.level]


# -- posts and authority -------------------------------------------------------------


def _post(p: s.PostHeld) -> str:
    said = p.title
    if p.plural and not p.count and p.count_unknown:
        said += " [number unknown]"
    elif p.plural:
        said += f" [{p.count} people]" if p.count else " [several people]"
    if p.also:
        said += f" [also {'; '.join(p.also)}]"
    return said


@SAY.on(s.PostsOfRole)
def _(x: s.PostsOfRole) -> str:
    return f"{len(x.posts)}: " + "; ".join(_post(p) for p in x.posts)


@SAY.on(s.SubstitutionOrder)
def _(x: s.SubstitutionOrder) -> str:
    return "; ".join(
        f"{i}) if {t.also_absent} is also absent: {t.substitutes}" if t.also_absent
        else f"{i}) {t.substitutes}"
        for i, t in enumerate(x.tiers, 1)
    )


@SAY.on(s.Depth)
def _(x: s.Depth) -> str:
    return f"{x.tiers} tier{'s' if x.tiers != 1 else ''}"


def _seal_use(u: s.SealUse) -> str:
    said = ("may use " if u.permitted else "") + seal(u.seal)
    if u.documents:
        said += f" (for {', '.join(u.documents)}{' and «' + u.scope + '»' if u.scope else ''})"
    return said


@SAY.on(s.SealsUsed)
def _(x: s.SealsUsed) -> str:
    return "; ".join(unique(_seal_use(u) for u in x.uses))


@SAY.on(s.SignsEverything)
def _(x: s.SignsEverything) -> str:
    return "all documents of its remit"


@SAY.on(s.SignsDocuments)
def _(x: s.SignsDocuments) -> str:
    said = ", ".join(x.documents)
    if x.scopes:
        said += " and «" + "», «".join(x.scopes) + "»"
    return said


# -- meetings ------------------------------------------------------------------------


@SAY.on(s.Convenes)
def _(x: s.Convenes) -> str:
    said = x.conveners or "(none named)"
    if x.proposers:
        said += f"; on the proposal of {x.proposers}"
    if x.conveners_chair:
        said += "; convenes and chairs"
    elif x.chairs:
        said += f"; {x.chairs} chairs"
    return said


def _serves(pu: s.AlsoServes) -> str:
    unit = _UNIT[pu.period]
    nth = ", ".join(str(w) for w in pu.which)
    when = f"{unit} no. {nth}" if nth else f"each {unit}"
    with_ = f" with {pu.participants}" if pu.participants else ""
    return f"; the sitting ending {when} is also “{pu.name}”{with_}"


@SAY.on(s.MeetingsHeld)
def _(x: s.MeetingsHeld) -> str:
    if x.cadences:
        said = ", ".join(cadence(c) for c in x.cadences)
    elif x.regular:
        said = "periodic, period not stated"
    else:
        said = "held, no fixed cadence"
    if x.conditions:
        said += f" ({'; '.join(x.conditions)})"
    if x.joint:
        said += f"; with: {'; '.join(x.joint)}"
    return said + "".join(_serves(pu) for pu in x.purposes)


def _terms(t: s.AttendanceTerms) -> str:
    said = ["must attend" if t.must_attend else "attendance not required"]
    if t.absence:
        said.append("if absent, must " + ", ".join(WORDS[c] for c in t.absence))
    conditions = ", ".join(WORDS[c] for c in t.proxy_conditions)
    if t.proxy is None:
        said.append("proxy: not specified")
    elif t.proxy:
        said.append("may send a proxy" + (f" (provided they {conditions})" if conditions else ""))
    else:
        said.append("no proxy")
    return "; ".join(said)


@SAY.on(s.Attends)
def _(x: s.Attends) -> str:
    return " / ".join(_terms(t) for t in x.terms)


@SAY.on(s.NoticeDays)
def _(x: s.NoticeDays) -> str:
    what = f" ({x.what})" if x.what else ""
    return f"notice at least {x.working_days} working days before the meeting{what}"


@SAY.on(s.ProcedureHeld)
def _(x: s.ProcedureHeld) -> str:
    said = f"{_PROCEDURE[x.kind]}: by {x.actors or 'nobody named'}"
    if x.chaired_by:
        said += f" (a meeting chaired by {x.chaired_by})"
    if x.decider:
        said += f"; {x.decider} decides"
    if x.trigger:
        said += f"; “{x.trigger}”"
    return said


@SAY.on(s.MadeOf)
def _(x: s.MadeOf) -> str:
    return f"{x.name}: {x.members}"


@SAY.on(s.DecidedBy)
def _(x: s.DecidedBy) -> str:
    return f"decided by {x.decider}" if x.decider else "decided by the chair"


# -- reports and bodies --------------------------------------------------------------


@SAY.on(s.ReportCadences)
def _(x: s.ReportCadences) -> str:
    said = [cadence(c) for c in x.cadences]
    if x.periodic_unstated:
        said.append("periodic (cadence not specified)")
    if x.ad_hoc:
        said.append("ad hoc, when needed")
    return ", ".join(said)


@SAY.on(s.ReportDeadlines)
def _(x: s.ReportDeadlines) -> str:
    return "; ".join(unique(
        f"{'before day' if d.before else 'on day'} {d.day}"
        + (" of the month after the period" if d.next_month else "")
        for d in x.deadlines
    ))


@SAY.on(s.GroupIs)
def _(x: s.GroupIs) -> str:
    said = x.name + (f"; lead: {x.lead}" if x.lead else "")
    if x.regulation:
        said += f"; has its own regulation ({x.regulation})"
    return said


@SAY.on(s.AgenciesFor)
def _(x: s.AgenciesFor) -> str:
    return "; ".join(f"{agency} (for {domain})" for agency, domain in x.agencies)


@SAY.on(s.MonitoringAnnex)
def _(x: s.MonitoringAnnex) -> str:
    return (f"{x.members} members monitor {x.localities} localities and {x.others} "
            "sectors or agencies")


def _channel(c: s.ChannelNamed) -> str:
    said = c.name
    if c.excludes:
        said += f", not for: {', '.join(c.excludes)}"
    if c.administrator:
        said += f", set up by {c.administrator}"
    return said


@SAY.on(s.Channels)
def _(x: s.Channels) -> str:
    return "; ".join(_channel(c) for c in x.channels)


@SAY.on(s.Funded)
def _(x: s.Funded) -> str:
    return "; ".join(unique(part for source, manager in x.entries for part in (
        source, f"managed by {manager}" if manager else "") if part))


@SAY.on(s.PartTime)
def _(x: s.PartTime) -> str:
    who = (["Ban Chỉ đạo"] if x.committee else []) + list(x.groups)  # names stay Vietnamese
    return f"members of {' and '.join(who)} serve part time, alongside their own office"


@SAY.on(s.Delegated)
def _(x: s.Delegated) -> str:
    return f"{x.delegate} signs TUQ. {', '.join(x.documents)}, {x.start} to {x.end}"
