"""Vietnamese: one entry per kind of statement a comparison holds.

What a regulation says about a compared fact ([`steering.statements`][steering.statements]),
in the order of that module; names and quoted words are the regulation's own.
"""

from __future__ import annotations

import datetime as dt

from steering import statements as s
from steering._text import unique, vi_date
from steering.rules import Cadence, Period, ProcedureKind, Seal, SealKind
from steering.text.vi._words import SAY, WORDS

#: A cadence's unit, for "2 lần/quý" and "quý thứ 2".
_UNIT = {Period.MONTH: "tháng", Period.QUARTER: "quý", Period.HALF_YEAR: "6 tháng",
         Period.YEAR: "năm"}

_PROCEDURE = {
    ProcedureKind.WRITTEN_OPINION: "xin ý kiến bằng văn bản",
    ProcedureKind.CONCLUSION_NOTICE: "thông báo kết luận cuộc họp",
    ProcedureKind.REFERRAL: "ý kiến khác nhau báo cáo quyết định",
    ProcedureKind.REPORT_BEFORE_MEETING: "báo cáo trước mỗi phiên họp",
}


@SAY.on(s.Subject)
def subject(x: s.Subject) -> str:
    """What a fact is about: ``"Trưởng ban (số bậc thay thế)"``."""
    base = ", ".join(p for p in (x.name, WORDS[x.member] if x.member else "") if p)
    if not x.about:
        return base
    about = WORDS[x.about]
    return f"{base} ({about})" if base else about


def cadence(c: Cadence) -> str:
    """``"hàng quý"``, or ``"2 lần/quý"``."""
    if c.times == 1:
        return WORDS[c.period]
    return f"{c.times} lần/{_UNIT[c.period]}"


def seal(x: Seal) -> str:
    """``"con dấu của UBND tỉnh"``."""
    if x.kind is SealKind.NONE:
        return "không sử dụng con dấu riêng"
    if x.kind is SealKind.OWN_AGENCY:
        return "con dấu của cơ quan mình"
    return f"con dấu của {x.agency}"


def signed_unknown(not_before: dt.date | None, not_after: dt.date | None) -> str:
    """An unknown signing date with its bounds: ``"chưa rõ (không trước 01/03/2023)"``."""
    bounds = [f"không trước {vi_date(not_before)}"] if not_before else []
    bounds += [f"không sau {vi_date(not_after)}"] if not_after else []
    return "chưa rõ" + (f" ({', '.join(bounds)})" if bounds else "")


@SAY.on(s.NotSaid)
def _(x: s.NotSaid) -> str:
    return "không quy định"


@SAY.on(s.NoCounterpart)
def _(x: s.NoCounterpart) -> str:
    return "không có chức danh hay chủ thể tương ứng"


@SAY.on(s.Verbatim)
def _(x: s.Verbatim) -> str:
    return x.text


# -- identity ------------------------------------------------------------------------


@SAY.on(s.DecisionNumber)
def _(x: s.DecisionNumber) -> str:
    return x.number or ("(chưa rõ)" if x.unknown else "(để trống)")


@SAY.on(s.SignedOn)
def _(x: s.SignedOn) -> str:
    if x.date is None:
        return signed_unknown(x.not_before, x.not_after)
    return vi_date(x.date) + ("" if x.date.complete else " (chưa đủ ngày tháng)")


@SAY.on(s.InForce)
def _(x: s.InForce) -> str:
    if x.on_signing:
        return "có hiệu lực kể từ ngày ký"
    if x.date is None:
        return "có hiệu lực từ một ngày không nêu"
    return f"có hiệu lực từ {vi_date(x.date)}"


@SAY.on(s.Replacing)
def _(x: s.Replacing) -> str:
    return "; ".join(number + (f" ngày {vi_date(date)}" if date else "")
                     for number, date in x.decisions)


@SAY.on(s.LevelIs)
def _(x: s.LevelIs) -> str:
    return WORDS[x.level]


# -- posts and authority -------------------------------------------------------------


def _post(p: s.PostHeld) -> str:
    said = p.title
    if p.plural and not p.count and p.count_unknown:
        said += " [số người chưa rõ]"
    elif p.plural:
        said += f" [{p.count} người]" if p.count else " [nhiều người]"
    if p.also:
        said += f" [đồng thời là {'; '.join(p.also)}]"
    return said


@SAY.on(s.PostsOfRole)
def _(x: s.PostsOfRole) -> str:
    return f"{len(x.posts)}: " + "; ".join(_post(p) for p in x.posts)


@SAY.on(s.SubstitutionOrder)
def _(x: s.SubstitutionOrder) -> str:
    return "; ".join(
        f"{i}) khi {t.also_absent} cũng vắng: {t.substitutes}" if t.also_absent
        else f"{i}) {t.substitutes}"
        for i, t in enumerate(x.tiers, 1)
    )


@SAY.on(s.Depth)
def _(x: s.Depth) -> str:
    return f"{x.tiers} bậc"


def _seal_use(u: s.SealUse) -> str:
    said = ("được sử dụng " if u.permitted else "") + seal(u.seal)
    if u.documents:
        said += f" (cho {', '.join(u.documents)}{' và ' + u.scope if u.scope else ''})"
    return said


@SAY.on(s.SealsUsed)
def _(x: s.SealsUsed) -> str:
    return "; ".join(unique(_seal_use(u) for u in x.uses))


@SAY.on(s.SignsEverything)
def _(x: s.SignsEverything) -> str:
    return "mọi văn bản thuộc thẩm quyền"


@SAY.on(s.SignsDocuments)
def _(x: s.SignsDocuments) -> str:
    return ", ".join(x.documents) + "".join(f" và {scope}" for scope in x.scopes)


# -- meetings ------------------------------------------------------------------------


@SAY.on(s.Convenes)
def _(x: s.Convenes) -> str:
    said = x.conveners or "(không nêu)"
    if x.proposers:
        said += f"; theo đề nghị của {x.proposers}"
    if x.conveners_chair:
        said += "; triệu tập và chủ trì"
    elif x.chairs:
        said += f"; {x.chairs} chủ trì"
    return said


def _serves(pu: s.AlsoServes) -> str:
    unit = _UNIT[pu.period]
    nth = ", ".join(str(w) for w in pu.which)
    when = f"{unit} thứ {nth}" if nth else f"mỗi {unit}"
    with_ = f" cùng với {pu.participants}" if pu.participants else ""
    return f"; kỳ họp kết thúc {when} kiêm {pu.name}{with_}"


@SAY.on(s.MeetingsHeld)
def _(x: s.MeetingsHeld) -> str:
    if x.cadences:
        said = ", ".join(cadence(c) for c in x.cadences)
    elif x.regular:
        # "Tổ công tác họp định kỳ hoặc đột xuất" (Thanh Hóa Điều 7 khoản 3): periodic,
        # but no period is named.
        said = "định kỳ, không nêu kỳ hạn"
    else:
        said = "có, không quy định định kỳ"
    if x.conditions:
        said += f" ({'; '.join(x.conditions)})"
    if x.joint:
        said += f"; thành phần: {'; '.join(x.joint)}"
    return said + "".join(_serves(pu) for pu in x.purposes)


def _terms(t: s.AttendanceTerms) -> str:
    said = ["phải dự đầy đủ" if t.must_attend else "không bắt buộc dự"]
    if t.absence:
        said.append("vắng phải " + ", ".join(WORDS[c] for c in t.absence))
    conditions = ", ".join(WORDS[c] for c in t.proxy_conditions)
    if t.proxy is None:
        said.append("dự thay: không quy định")
    elif t.proxy:
        said.append("được cử người dự thay" + (f" ({conditions})" if conditions else ""))
    else:
        said.append("không được cử người dự thay")
    return "; ".join(said)


@SAY.on(s.Attends)
def _(x: s.Attends) -> str:
    return " / ".join(_terms(t) for t in x.terms)


@SAY.on(s.NoticeDays)
def _(x: s.NoticeDays) -> str:
    what = f" ({x.what})" if x.what else ""
    return f"gửi thông báo mời họp ít nhất {x.working_days} ngày làm việc trước ngày họp{what}"


@SAY.on(s.ProcedureHeld)
def _(x: s.ProcedureHeld) -> str:
    said = f"{_PROCEDURE[x.kind]}: {x.actors or 'không nêu ai'} thực hiện"
    if x.chaired_by:
        said += f" (cuộc họp do {x.chaired_by} chủ trì)"
    if x.decider:
        said += f"; {x.decider} quyết định"
    if x.trigger:
        said += f"; {x.trigger}"
    return said


@SAY.on(s.MadeOf)
def _(x: s.MadeOf) -> str:
    return f"{x.name} gồm: {x.members}"


@SAY.on(s.DecidedBy)
def _(x: s.DecidedBy) -> str:
    return f"{x.decider} quyết định" if x.decider else "người chủ trì quyết định"


# -- reports and bodies --------------------------------------------------------------


@SAY.on(s.ReportCadences)
def _(x: s.ReportCadences) -> str:
    said = [cadence(c) for c in x.cadences]
    if x.periodic_unstated:
        said.append("định kỳ (không nêu kỳ hạn)")
    if x.ad_hoc:
        said.append("đột xuất, khi cần")
    return ", ".join(said)


@SAY.on(s.ReportDeadlines)
def _(x: s.ReportDeadlines) -> str:
    return "; ".join(unique(
        f"{'trước ngày' if d.before else 'ngày'} {d.day}"
        + (" tháng sau kỳ" if d.next_month else "")
        for d in x.deadlines
    ))


@SAY.on(s.GroupIs)
def _(x: s.GroupIs) -> str:
    said = x.name + (f"; Tổ trưởng: {x.lead}" if x.lead else "")
    if x.regulation:
        said += f"; có quy chế riêng ({x.regulation})"
    return said


@SAY.on(s.AgenciesFor)
def _(x: s.AgenciesFor) -> str:
    return "; ".join(f"{agency} (về {domain})" for agency, domain in x.agencies)


@SAY.on(s.MonitoringAnnex)
def _(x: s.MonitoringAnnex) -> str:
    return (f"{x.members} thành viên theo dõi {x.localities} địa phương, {x.others} "
            "ngành, lĩnh vực, cơ quan")


def _channel(c: s.ChannelNamed) -> str:
    said = c.name
    if c.excludes:
        said += f", không dùng cho: {', '.join(c.excludes)}"
    if c.administrator:
        said += f", do {c.administrator} thành lập"
    return said


@SAY.on(s.Channels)
def _(x: s.Channels) -> str:
    return "; ".join(_channel(c) for c in x.channels)


@SAY.on(s.Funded)
def _(x: s.Funded) -> str:
    # An entry may name only the source (Đắk Nông Điều 14 khoản 1) or only the
    # manager (Điều 9 khoản 3): join the parts that are there.
    return "; ".join(unique(part for source, manager in x.entries for part in (
        source, f"quản lý: {manager}" if manager else "") if part))


@SAY.on(s.PartTime)
def _(x: s.PartTime) -> str:
    who = (["Ban Chỉ đạo"] if x.committee else []) + list(x.groups)
    return f"thành viên {' và '.join(who)} làm việc theo chế độ kiêm nhiệm"


@SAY.on(s.Delegated)
def _(x: s.Delegated) -> str:
    return (f"{x.delegate} ký TUQ. {', '.join(x.documents)}, {vi_date(x.start)} đến "
            f"{vi_date(x.end)}")
