"""English: one entry per kind of reason a ruling carries.

One short function per kind of reason ([`steering.reasons`][steering.reasons]), in the
order of that module.
"""

from __future__ import annotations

from collections.abc import Iterable

from steering import reasons as r
from steering._matching import Looseness
from steering._text import vi_date as dmy  # the caveats write dd/mm/yyyy in English too
from steering.reasons import ChangeKind
from steering.rules import (
    AttendanceCondition,
    MeetingKind,
    ProcedureKind,
    SealKind,
    SigningForm,
)
from steering.text import sentence
from steering.text._common import as_clause, join, lines, named_or_said, quoted
from steering.text.en._words import SAY, WORDS, _is, cite, listed, name, names

# -- who acts for an absent post ---------------------------------------------------


@SAY.on(r.ActsInPerson)
def _(x: r.ActsInPerson) -> str:
    return f"{name(x.post)} is not absent, so acts in person."


@SAY.on(r.NoSubstitute)
def _(x: r.NoSubstitute) -> str:
    return f"The regulation does not say who acts for {name(x.post)} when absent."


@SAY.on(r.SubstituteOnlyWhen)
def _(x: r.SubstituteOnlyWhen) -> str:
    every = "both" if len(x.needed) == 2 else "all"
    return (f"The regulation names a substitute for {name(x.post)} only when {names(x.needed)} are "
            f"{every} absent ({cite(x.citations)}); this case is not specified.")


@SAY.on(r.NoSubstituteLeft)
def _(x: r.NoSubstituteLeft) -> str:
    if len(x.substitutes) == 1:
        who = f"so is the substitute the regulation names, {names(x.substitutes)}"
    else:
        who = f"so are all the substitutes the regulation names: {names(x.substitutes)}"
    return (f"{name(x.post)} is absent and {who} ({cite(x.citations)}); the regulation names no "
            "one further, so nobody is available.")


@SAY.on(r.SubstituteActs)
def _(x: r.SubstituteActs) -> str:
    tried = (f"{names(x.tried)} {_is(x.tried)} also absent ({cite(x.tried_citations)}), so "
             if x.tried else "")
    verb = "act" if len(x.acting) > 1 else "acts"
    # The clause's own scope, quoted: Thanh Hóa 2021 Điều 4 khoản 1 lets the standing
    # deputy act "chỉ đạo hoạt động của Ban Chỉ đạo" only.
    scope = f": «{x.scope}»" if x.scope else ""
    return (f"When {names(x.when_absent)} {_is(x.when_absent)} absent, {tried}{names(x.acting)} "
            f"{verb} for {name(x.post)}{scope} ({cite((x.citation,))}).")


@SAY.on(r.NotOrdered)
def _(x: r.NotOrdered) -> str:
    return f"The regulation does not order {names(x.posts)}."


@SAY.on(r.AbsentWithHolder)
def _(x: r.AbsentWithHolder) -> str:
    said = "; ".join(f"{name(post)} is absent too, as its holder is also {name(via)}"
                     for post, via in x.pairs)
    return f"Note: {said} ({cite(x.citations)})."


@SAY.on(r.AuthorisationPartial)
def _(x: r.AuthorisationPartial) -> str:
    return (f"{name(x.post)} holds a written authorisation from {name(x.delegator)} for "
            f"{quoted(x.kinds)} ({cite((x.citation,))}); “{x.document}” is none of the "
            "documents listed, only of the same kind, so whether the authorisation covers it "
            "is not decided.")


# -- accountability and reports ----------------------------------------------------


@SAY.on(r.AnswersToNobody)
def _(x: r.AnswersToNobody) -> str:
    return f"The regulation does not say to whom {name(x.post)} answers."


def _matter(line: r.AnswerLine) -> str:
    if not line.matter:
        return ""
    # Quoted only where it is the clause's own words (Thanh Hóa 2024 Điều 5 khoản 5
    # condenses "hoàn thành các chỉ tiêu ...").
    if line.verbatim:
        return f" for “{line.matter}”"
    return f" for {line.matter} (condensed from the clause)"


@SAY.on(r.AnswersTo)
def _(x: r.AnswersTo) -> str:
    who = name(x.post)
    if x.also:
        who += f", who is also {names(x.also)} ({cite(x.also_citations)}),"
    parts = [f"{names(line.to)}{_matter(line)} ({cite((line.citation,))})" for line in x.lines]
    return f"{who} answers to {'; to '.join(parts)}."


@SAY.on(r.AnswersIndirectly)
def _(x: r.AnswersIndirectly) -> str:
    return (f"Through them, {name(x.post)} answers indirectly to {names(x.further)} "
            f"({cite(x.citations)}).")


@SAY.on(r.ReportsToNobody)
def _(x: r.ReportsToNobody) -> str:
    return f"The regulation does not say to whom {name(x.post)} reports."


def _report_line(line: r.ReportLine) -> str:
    how = ""
    if line.periods:
        how = " " + ", ".join(WORDS[p] for p in line.periods)
    elif line.periodic:
        how = " periodically"
    if line.occasion:
        how += f"{' or' if how else ''} as the text says, «{line.occasion}»"
    elif line.ad_hoc:
        how += " or as needed" if how else " as needed"
    via = f" through {names(line.through)}" if line.through else ""
    return f"reports to {names(line.recipients)}{via}{how} ({cite(line.citations)})"


@SAY.on(r.ReportsTo)
def _(x: r.ReportsTo) -> str:
    return f"{name(x.post)} {'; '.join(_report_line(line) for line in x.lines)}."


# -- meetings -------------------------------------------------------------------------


@SAY.on(r.NoConvener)
def _(x: r.NoConvener) -> str:
    return f"The regulation does not say who convenes {x.kind.value} meetings of {name(x.body)}."


def _convene_line(line: r.ConveneLine, kind: MeetingKind) -> str:
    said = ""
    if line.conveners:
        verb = "convene and chair" if line.chairs else "convene"
        said = f"{names(line.conveners, 'or')} may {verb} {kind.value} meetings"
    if line.on_proposal_of:
        lead = ", also" if line.conveners else f"{kind.value.capitalize()} meetings are convened"
        said += f"{lead} on the proposal of {names(line.on_proposal_of, 'or')}"
    return f"{said} ({cite(line.citations)})"


@SAY.on(r.Convenes)
def _(x: r.Convenes) -> str:
    return f"For {name(x.body)}: {'; '.join(_convene_line(li, x.kind) for li in x.lines)}."


def _conditions(conditions: Iterable[AttendanceCondition]) -> str:
    return join([WORDS[c] for c in conditions], "and")


@SAY.on(r.ProxyUnsaid)
def _(x: r.ProxyUnsaid) -> str:
    only = f" ({cite(x.citations)} covers attendance only)." if x.citations else "."
    return f"The regulation does not say whether {name(x.post)} may send a proxy{only}"


@SAY.on(r.ProxyRule)
def _(x: r.ProxyRule) -> str:
    if not x.allowed:
        return f"{name(x.post)} may not send a proxy ({cite((x.citation,))})."
    needs = f", provided they {_conditions(x.conditions)}" if x.conditions else ""
    return f"{name(x.post)} may send a proxy{needs} ({cite((x.citation,))})."


@SAY.on(r.AbsenceRequires)
def _(x: r.AbsenceRequires) -> str:
    return f"An absence requires that they {_conditions(x.conditions)}."


# -- monitoring -----------------------------------------------------------------------

_LOOSE = {
    Looseness.NO_UNIT: "no unit word",
    Looseness.SPELLING: "other diacritics",
    Looseness.UNIT_DIFFERS: "a unit word the annex does not use",
    Looseness.FRAGMENT: "only part of a name",
    Looseness.EXTRA_WORDS: "words besides a name",
}


@SAY.on(r.NoMonitoring)
def _(x: r.NoMonitoring) -> str:
    return "The regulation assigns no member to follow localities or sectors."


@SAY.on(r.NobodyMonitors)
def _(x: r.NobodyMonitors) -> str:
    where = ""
    if x.outside:
        where = f" (“{x.query}” is outside tỉnh {x.province})"
    elif x.whole_province:
        where = " (it assigns units and sectors within the province, not the province)"
    return (f"The monitoring assignment ({cite((x.basis,))}) gives “{x.query}” to no "
            f"member{where}.")


def _each(each: tuple[tuple[r.Named, tuple[str, ...]], ...]) -> str:
    return "; ".join(f"{name(p)} monitors {quoted(ts)}" for p, ts in each)


@SAY.on(r.MonitorLoose)
def _(x: r.MonitorLoose) -> str:
    why = [_LOOSE[w] for w in x.looseness if w in _LOOSE]
    if Looseness.PROVINCE in x.looseness:
        why.append(f"also the name of tỉnh {x.province}, which the assignment gives to no one")
    return (f"“{x.query}” is not the name of any entry of the assignment ({'; '.join(why)}), "
            f"so who monitors it is not decided; it may mean: {_each(x.each)} "
            f"({cite(x.citations)}).")


@SAY.on(r.MonitorsSeveral)
def _(x: r.MonitorsSeveral) -> str:
    return (f"“{x.query}” matches {x.entries} entries of the assignment: {_each(x.each)} "
            f"({cite(x.citations)}).")


@SAY.on(r.Monitors)
def _(x: r.Monitors) -> str:
    read = (f"“{x.query}” is read as {quoted(x.targets)}, the only entry of that name: "
            if x.read_as else "")
    return f"{read}{names(x.posts)} monitors {quoted(x.targets)} ({cite(x.citations)})."


@SAY.on(r.MonitorsNothing)
def _(x: r.MonitorsNothing) -> str:
    return f"The regulation assigns no locality or sector to {name(x.post)}."


# -- seals and signing ------------------------------------------------------------------

FORMS = {
    SigningForm.TM: "on behalf of the collective (TM.)",
    SigningForm.KT: "for the head (KT.)",
    SigningForm.Q: "as acting head (Q.)",
    SigningForm.TL: "by order (TL.)",
    SigningForm.TUQ: "by written authorisation (TUQ.)",
    SigningForm.DIRECT: "in their own name, with no prefix",
}


def _seal(use: r.SealUse) -> str:
    if use.kind is SealKind.NONE:
        return "uses no seal of its own"
    verb = "may use" if use.permitted else "uses"
    if use.kind is SealKind.OWN_AGENCY:
        named = f" ({use.agency})" if use.agency else ""
        return f"{verb} the seal of the agency where the holder works{named}"
    return f"{verb} the seal of {use.agency}"


@SAY.on(r.SealUsed)
def _(x: r.SealUsed) -> str:
    parts = []
    for use in x.uses:
        docs = quoted(use.documents)
        when = f" when signing {docs}{f' and «{use.scope}»' if use.scope else ''}" if docs else ""
        parts.append(f"{_seal(use)}{when} ({cite((use.citation,))})")
    return f"{name(x.signer)} {'; '.join(parts)}."


@SAY.on(r.SealAmbiguous)
def _(x: r.SealAmbiguous) -> str:
    return (f"“{x.document}” is none of the documents listed; the regulation states the seal "
            f"of {name(x.signer)} for {quoted(x.documents)} ({cite(x.citations)}), of that kind "
            "but not every document of it, so the seal is not decided.")


@SAY.on(r.SealOnlyFor)
def _(x: r.SealOnlyFor) -> str:
    docs = quoted(x.documents)
    if x.scopes:
        return (f"The regulation states the seal of {name(x.signer)} for {docs} and "
                f"«{' and '.join(x.scopes)}» ({cite(x.citations)}); whether “{x.document}” "
                "falls within that it does not say, so the seal for it is not specified.")
    return (f"The regulation states the seal of {name(x.signer)} only for {docs} "
            f"({cite(x.citations)}); for “{x.document}” it is not specified.")


@SAY.on(r.NoSealRule)
def _(x: r.NoSealRule) -> str:
    return f"The regulation does not say which seal {name(x.signer)} uses."


@SAY.on(r.CommitteeSeal)
def _(x: r.CommitteeSeal) -> str:
    return f"{name(x.committee)} {_seal(x.use)} ({cite((x.use.citation,))})."


@SAY.on(r.SealByAuthorisation)
def _(x: r.SealByAuthorisation) -> str:
    return (f"{name(x.signer)} signs by written authorisation of {name(x.delegator)} "
            f"({cite((x.citation,))}), so uses the delegator's seal ({cite((x.law,))}):")


@SAY.on(r.SignsAs)
def _(x: r.SignsAs) -> str:
    how = f"{FORMS[x.form]}: {lines(x.lines)} ({cite(x.citations)})."
    if not x.regime:
        return f"When signing, {name(x.signer)} signs {how}"
    silent = (f"The regulation says nothing of {name(x.signer)} signing as such; "
              if x.silent else "")
    return sentence(f"{silent}under the signing regime its issuing decision's signature block "
                    f"shows, {name(x.signer)} signs what is assigned {how}")


@SAY.on(r.HeadRegimeShown)
def _(x: r.HeadRegimeShown) -> str:
    return ("The issuing decision's KT. block is a deputy's, signing for the head; it shows the "
            "head's regime, under which the head signs directly.")


@SAY.on(r.RegimeUnknown)
def _(x: r.RegimeUnknown) -> str:
    return ("The text has no signature block of the issuing decision showing whether the "
            f"committee signs under a head or as a collective ({cite(x.citations)}), so the "
            "signing form is not specified.")


@SAY.on(r.FormUnstated)
def _(x: r.FormUnstated) -> str:
    return "The regulation does not state the signing form."


@SAY.on(r.SignsNothing)
def _(x: r.SignsNothing) -> str:
    return (f"The regulation does not say that {name(x.signer)} signs the "
            f"{x.kind.word('en')}'s documents.")


@SAY.on(r.MaySign)
def _(x: r.MaySign) -> str:
    tail = f"«{' and '.join(x.scopes)}»" if x.scopes else ""
    what = " and ".join(w for w in (quoted(x.documents), tail) if w)
    return sentence(f"{name(x.signer)} may sign {what or 'documents'} ({cite(x.citations)}).")


@SAY.on(r.MaySignOnly)
def _(x: r.MaySignOnly) -> str:
    docs = quoted(x.documents)
    if x.scopes:
        return sentence(f"{name(x.signer)} may sign {docs} and «{' and '.join(x.scopes)}» "
                        f"({cite(x.citations)}); whether “{x.document}” falls within that the "
                        "regulation does not say.")
    return sentence(f"{name(x.signer)} may sign only {docs} ({cite(x.citations)}); for "
                    f"“{x.document}” the regulation does not say.")


@SAY.on(r.SubstituteSigns)
def _(x: r.SubstituteSigns) -> str:
    return f"The substitute signs {FORMS[x.form]}: {lines(x.lines)} ({cite(x.citations)})."


@SAY.on(r.AnyMaySign)
def _(x: r.AnyMaySign) -> str:
    return f"Any of {names(x.signers)} may sign so, with their own title and office lines."


@SAY.on(r.HoldsAuthorisation)
def _(x: r.HoldsAuthorisation) -> str:
    return (f"{name(x.signer)} holds a written authorisation from {name(x.delegator)} from "
            f"{x.start.isoformat()} to {x.end.isoformat()} ({cite((x.citation,))}).")


# -- collectives, procedures, standing agencies -------------------------------------

PROCEDURES = {
    ProcedureKind.WRITTEN_OPINION: "asking for written opinions",
    ProcedureKind.CONCLUSION_NOTICE: "the notice of the meeting's conclusions",
    ProcedureKind.REFERRAL: "settling differing opinions",
    ProcedureKind.REPORT_BEFORE_MEETING: "a report before a meeting",
}


@SAY.on(r.CollectiveOf)
def _(x: r.CollectiveOf) -> str:
    return f"{x.name} is made of: {listed(x.members)} ({cite((x.citation,))})."


@SAY.on(r.CollectivePresence)
def _(x: r.CollectivePresence) -> str:
    here = f"present: {listed(x.present)}." if x.present else "nobody present."
    return f"Absent: {listed(x.absent)}; {here}"


@SAY.on(r.FileNote)
def _(x: r.FileNote) -> str:
    return f"Note: {x.note}"


@SAY.on(r.NoNoticeRule)
def _(x: r.NoNoticeRule) -> str:
    return f"The regulation sets no notice period for meetings of {name(x.body)}."


@SAY.on(r.NoticeBy)
def _(x: r.NoticeBy) -> str:
    what = f"{x.what} " if x.what else "the notice "
    return (f"For the meeting of {name(x.body)} on {x.day.isoformat()}: {what}must go out at "
            f"least {x.working_days} working days before ({cite((x.citation,))}), so by "
            f"{x.last.isoformat()} at the latest (counting {x.working_days} working days back "
            "from the meeting day, the meeting day not counted, on the regulation's calendar "
            "of days off).")


@SAY.on(r.NoProcedure)
def _(x: r.NoProcedure) -> str:
    return f"The regulation says nothing of {PROCEDURES[x.kind]} for {name(x.body)}."


@SAY.on(r.ProcedureByChair)
def _(x: r.ProcedureByChair) -> str:
    by = "; ".join(f"{listed(actors)} when {name(chair)} chaired" for actors, chair in x.each)
    return (f"Who does {PROCEDURES[x.kind]} depends on who chaired: {by}; say who chaired "
            f"({cite(x.citations)}).")


@SAY.on(r.ProcedureBy)
def _(x: r.ProcedureBy) -> str:
    when = f" ({x.trigger})" if x.trigger else ""
    decides = ""
    if x.says_decider:
        decides = (f"; {name(x.decider)} decides" if x.decider else
                   "; the regulation does not say who decides")
    return (f"{name(x.body)}: {PROCEDURES[x.kind]}{when} is done by "
            f"{listed(x.actors) or 'nobody named'}{decides} ({cite((x.citation,))}).")


@SAY.on(r.NoStandingAgency)
def _(x: r.NoStandingAgency) -> str:
    return "The regulation names no standing agency."


@SAY.on(r.StandingAgencyIs)
def _(x: r.StandingAgencyIs) -> str:
    about = f" for {x.domain}" if x.domain else ""
    read = f" (“{x.read}” is read as the domain “{x.domain}”)" if x.read else ""
    return f"{x.agency} is the standing agency{about}{read} ({cite((x.citation,))})."


@SAY.on(r.StandingAgencies)
def _(x: r.StandingAgencies) -> str:
    each = "; ".join(f"{who} for {domain}" for who, domain in x.each)
    asked = f" fit “{x.asked}”" if x.asked else " serve the committee"
    return (f"{len(x.each)} standing agencies{asked}, each for one domain: {each} "
            f"({cite(x.citations)}); ask by domain.")


@SAY.on(r.NoAgencyForDomain)
def _(x: r.NoAgencyForDomain) -> str:
    return (f"No standing agency is given the domain “{x.domain}”; the regulation gives: "
            f"{'; '.join(f'“{d}”' for d in x.domains)} ({cite(x.citations)}).")


# -- what the world did after the text (caveats) -------------------------------------


@SAY.on(r.UnitChanged)
def _(x: r.UnitChanged) -> str:
    when, cite_ = dmy(x.on), name(x.instrument)
    if x.kind is ChangeKind.MERGED:
        said = f"On {when} {name(x.unit)} was merged into {x.into} ({cite_})."
    elif x.kind is ChangeKind.ENDED:
        said = (f"On {when} the district level ended ({cite_}): {name(x.unit)}: no longer an "
                f"administrative unit; the area belongs to {x.into}.")
    elif x.kind is ChangeKind.REORGANISED:
        into = f" into {x.into}" if x.into else "; the new unit was not verified"
        said = f"On {when} {name(x.unit)}: reorganised{into} ({cite_})."
    else:
        said = f"On {when} {name(x.unit)} was kept as a province-level unit ({cite_})."
    if x.decisive:
        said += " Whether this regulation still applies is not specified."
    return said


@SAY.on(r.Replaced)
def _(x: r.Replaced) -> str:
    if x.sure and x.on is not None and x.now is not None:
        return (f"From {dmy(x.first)} this regulation was replaced by {name(x.successor)}; "
                f"on {dmy(x.on)}: {named_or_said(x.now, SAY)}.")
    return (f"From {dmy(x.first)} this regulation may have been replaced by "
            f"{name(x.successor)} (its date is known only as {x.starts}).")



@SAY.on(r.UnitEnded)
def _(x: r.UnitEnded) -> str:
    return (f"On {dmy(x.on)} {', '.join(x.units)} ceased to exist (the district level ended; "
            f"{name(x.instrument)}): whether the monitoring assignment still applies is not "
            "specified.")


# -- notes every ruling may carry ----------------------------------------------------


@SAY.on(r.OnlyWhenSetUp)
def _(x: r.OnlyWhenSetUp) -> str:
    return (f"Note: {join(x.groups, 'and')} is set up only when needed ({cite(x.citations)}); "
            "the answer applies once it is set up.")


@SAY.on(r.RestsOnReplaced)
def _(x: r.RestsOnReplaced) -> str:
    said = "; ".join(f"{c.label('en')} rests on {c.document}, which this regulation replaces "
                     f"({by.label('en')})" for c, by in x.hits)
    return f"Note: {said}."


@SAY.on(r.NotYetInForce)
def _(x: r.NotYetInForce) -> str:
    return (f"Note: on {x.on.isoformat()} this regulation was not yet in force "
            f"(at the earliest from {x.first.isoformat()}).")


@SAY.on(r.StartUnknown)
def _(x: r.StartUnknown) -> str:
    bounds = [f"not before {x.not_before.isoformat()}"] if x.not_before else []
    bounds += [f"not after {x.not_after.isoformat()}"] if x.not_after else []
    signed = "unknown" + (f" ({', '.join(bounds)})" if bounds else "")
    return (f"Note: the regulation's signing date is {signed}; whether it was in force on the "
            "day asked about is not known.")


@SAY.on(r.AsWritten)
def _(x: r.AsWritten) -> str:
    answer = f" (answer: {', '.join(x.answer)})" if x.answer else ""
    return f"As written: {SAY.render(x.reasons)}{answer}"


# -- which regulation was in force -------------------------------------------------------


@SAY.on(r.UnknownLocality)
def _(x: r.UnknownLocality) -> str:
    return (f"no shipped preset for locality {x.locality!r}; known localities: "
            f"{', '.join(x.known)}")


@SAY.on(r.BeforeKnown)
def _(x: r.BeforeKnown) -> str:
    return (f"{x.locality}: no known regulation in force on {x.on.isoformat()}; the earliest "
            f"known is {name(x.first)}")


@SAY.on(r.StartUncertain)
def _(x: r.StartUncertain) -> str:
    window = f"{x.begins.isoformat()} to {x.latest.isoformat()}"
    if x.before is None:
        return (f"{x.locality}: on {x.on.isoformat()} it is uncertain whether {name(x.term)} "
                f"was in force yet: its date is known only as {x.known_as} ({window}) and no "
                "earlier decision is known")
    return (f"{x.locality}: on {x.on.isoformat()} either {name(x.before)} or {name(x.term)} "
            f"was in force: the latter's date is known only as {x.known_as} ({window})")


@SAY.on(r.NotShipped)
def _(x: r.NotShipped) -> str:
    where = ""
    if x.replaced_in is not None and x.replaced_by:
        where = f" (named as replaced in {x.replaced_in.label('en')} of {x.replaced_by})"
    return (f"{x.locality}: on {x.on.isoformat()} the regulation in force was {name(x.term)}"
            f"{where}, which is not shipped as a preset")


@SAY.on(r.Reorganised)
def _(x: r.Reorganised) -> str:
    return (f"{x.locality}: on {x.on.isoformat()} the last known regulation is "
            f"{name(x.term)}, but {as_clause(x.changes, SAY)}")

