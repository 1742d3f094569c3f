"""Vietnamese: one entry per kind of reason a ruling carries.

One short function per kind of reason ([`steering.reasons`][steering.reasons]), in the
order of that module.
"""

from __future__ import annotations

from collections.abc import Iterable

from steering import reasons as r
from steering._matching import Looseness
from steering._text import vi_date
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
from steering.text.vi._words import SAY, WORDS, cite, listed, name, names

# -- who acts for an absent post ---------------------------------------------------


@SAY.on(r.ActsInPerson)
def _(x: r.ActsInPerson) -> str:
    return f"{name(x.post)} không vắng mặt nên tự mình đảm nhiệm."


@SAY.on(r.NoSubstitute)
def _(x: r.NoSubstitute) -> str:
    return f"Quy chế không quy định ai thay {name(x.post)} khi vắng mặt."


@SAY.on(r.SubstituteOnlyWhen)
def _(x: r.SubstituteOnlyWhen) -> str:
    return (f"Quy chế chỉ quy định người thay {name(x.post)} khi {names(x.needed)} cùng vắng mặt "
            f"({cite(x.citations)}); trường hợp này không được quy định.")


@SAY.on(r.NoSubstituteLeft)
def _(x: r.NoSubstituteLeft) -> str:
    if len(x.substitutes) == 1:
        who = f"người quy chế giao thay là {names(x.substitutes)} cũng vắng mặt"
    else:
        who = f"những người quy chế giao thay là {names(x.substitutes)} cũng đều vắng mặt"
    return (f"{name(x.post)} vắng mặt và {who} ({cite(x.citations)}); quy chế không quy định ai "
            "thay tiếp, nên không có ai đảm nhiệm.")


@SAY.on(r.SubstituteActs)
def _(x: r.SubstituteActs) -> str:
    tried = f"{names(x.tried)} cũng vắng mặt ({cite(x.tried_citations)}), nên " if x.tried else ""
    together = " cùng được" if len(x.acting) > 1 else ""
    scope = f" {x.scope}" if x.scope else f" thay {x.title}"
    return (f"Khi {names(x.when_absent)} vắng mặt, {tried}{names(x.acting)}{together}{scope} "
            f"({cite((x.citation,))}).")


@SAY.on(r.NotOrdered)
def _(x: r.NotOrdered) -> str:
    return f"Quy chế không quy định thứ tự giữa {names(x.posts)}."


@SAY.on(r.AbsentWithHolder)
def _(x: r.AbsentWithHolder) -> str:
    said = "; ".join(f"{name(post)} cũng vắng mặt vì người giữ chức vụ này đồng thời là {name(via)}"
                     for post, via in x.pairs)
    return f"Lưu ý: {said} ({cite(x.citations)})."


@SAY.on(r.AuthorisationPartial)
def _(x: r.AuthorisationPartial) -> str:
    return (f"{name(x.post)} được {name(x.delegator)} ủy quyền ký {quoted(x.kinds)} "
            f"({cite((x.citation,))}); “{x.document}” không trùng văn bản nào được liệt kê mà "
            "chỉ cùng loại, nên chưa xác định được văn bản này có thuộc phạm vi ủy quyền hay "
            "không.")


# -- accountability and reports ----------------------------------------------------


@SAY.on(r.AnswersToNobody)
def _(x: r.AnswersToNobody) -> str:
    return f"Quy chế không quy định {name(x.post)} chịu trách nhiệm trước ai."


@SAY.on(r.AnswersTo)
def _(x: r.AnswersTo) -> str:
    who = name(x.post)
    if x.also:
        who += f", cũng là {names(x.also)} ({cite(x.also_citations)}),"
    parts = [f"{names(line.to)}{f' về {line.matter}' if line.matter else ''} "
             f"({cite((line.citation,))})" for line in x.lines]
    return f"{who} chịu trách nhiệm trước {'; trước '.join(parts)}."


@SAY.on(r.AnswersIndirectly)
def _(x: r.AnswersIndirectly) -> str:
    return (f"Qua đó, {name(x.post)} gián tiếp chịu trách nhiệm trước {names(x.further)} "
            f"({cite(x.citations)}).")


@SAY.on(r.ReportsToNobody)
def _(x: r.ReportsToNobody) -> str:
    return f"Quy chế không quy định {name(x.post)} báo cáo ai."


def _report_line(line: r.ReportLine) -> str:
    how = ""
    if line.periods:
        how = " định kỳ " + ", ".join(WORDS[p] for p in line.periods)
    elif line.periodic:
        how = " định kỳ"
    if line.occasion:
        # "báo cáo đột xuất khi Trưởng ban, các Phó Trưởng ban yêu cầu" (Vũng Tàu Điều 6
        # khoản 4): on request, in the text's own words, not "khi phát sinh".
        how += f"{' hoặc' if how else ''} {line.occasion}"
    elif line.ad_hoc:
        # "định kỳ ... hoặc đột xuất" (Vũng Tàu Điều 11 khoản 2): both are said.
        how += " hoặc đột xuất" if how else " khi phát sinh"
    via = f" thông qua {names(line.through)}" if line.through else ""
    return f"báo cáo {names(line.recipients)}{via}{how} ({cite(line.citations)})"


@SAY.on(r.ReportsTo)
def _(x: r.ReportsTo) -> str:
    return f"{name(x.post)} {'; '.join(_report_line(line) for line in x.lines)}."


# -- meetings -------------------------------------------------------------------------


def _kind(kind: MeetingKind) -> str:
    return WORDS[kind].removeprefix("họp ")


@SAY.on(r.NoConvener)
def _(x: r.NoConvener) -> str:
    return f"Quy chế không quy định ai triệu tập cuộc họp {_kind(x.kind)} của {name(x.body)}."


def _convene_line(line: r.ConveneLine, kind: MeetingKind) -> str:
    said = ""
    if line.conveners:
        verb = "triệu tập và chủ trì" if line.chairs else "triệu tập"
        said = f"{names(line.conveners, 'hoặc')} {verb} cuộc họp {_kind(kind)}"
    if line.on_proposal_of:
        lead = ("; cuộc họp cũng có thể được triệu tập" if line.conveners
                else f"Cuộc họp {_kind(kind)} được triệu tập")
        said += f"{lead} theo đề nghị của {names(line.on_proposal_of, 'hoặc')}"
    return f"{said} ({cite(line.citations)})"


@SAY.on(r.Convenes)
def _(x: r.Convenes) -> str:
    return f"Với {name(x.body)}: {'; '.join(_convene_line(li, x.kind) for li in x.lines)}."


def _conditions(conditions: Iterable[AttendanceCondition]) -> str:
    return join([WORDS[c] for c in conditions], "và")


@SAY.on(r.ProxyUnsaid)
def _(x: r.ProxyUnsaid) -> str:
    only = f" ({cite(x.citations)} chỉ quy định việc tham dự)." if x.citations else "."
    return f"Quy chế không quy định {name(x.post)} có được cử người dự họp thay hay không{only}"


@SAY.on(r.ProxyRule)
def _(x: r.ProxyRule) -> str:
    if not x.allowed:
        return f"{name(x.post)} không được ủy quyền cho người dự họp thay ({cite((x.citation,))})."
    needs = f", với điều kiện {_conditions(x.conditions)}" if x.conditions else ""
    return f"{name(x.post)} được ủy quyền cho người dự họp thay{needs} ({cite((x.citation,))})."


@SAY.on(r.AbsenceRequires)
def _(x: r.AbsenceRequires) -> str:
    return f"Nếu vắng mặt phải {_conditions(x.conditions)}."


# -- monitoring -----------------------------------------------------------------------

_LOOSE = {
    Looseness.NO_UNIT: "thiếu từ chỉ đơn vị hành chính",
    Looseness.SPELLING: "khác dấu",
    Looseness.UNIT_DIFFERS: "từ chỉ đơn vị hành chính khác với phụ lục",
    Looseness.FRAGMENT: "chỉ là một phần của tên",
    Looseness.EXTRA_WORDS: "có thêm từ ngoài tên",
}


@SAY.on(r.NoMonitoring)
def _(x: r.NoMonitoring) -> str:
    return "Quy chế không phân công thành viên theo dõi địa bàn, lĩnh vực."


@SAY.on(r.NobodyMonitors)
def _(x: r.NobodyMonitors) -> str:
    where = ""
    if x.outside:
        where = f" (“{x.query}” không thuộc tỉnh {x.province})"
    elif x.whole_province:
        where = " (phân công theo dõi từng đơn vị, ngành trong tỉnh, không giao cả tỉnh)"
    return (f"Phân công theo dõi ({cite((x.basis,))}) không giao “{x.query}” cho thành viên "
            f"nào{where}.")


def _each(each: tuple[tuple[r.Named, tuple[str, ...]], ...]) -> str:
    return "; ".join(f"{name(p)} theo dõi, đôn đốc {quoted(ts)}" for p, ts in each)


@SAY.on(r.MonitorLoose)
def _(x: r.MonitorLoose) -> str:
    why = [_LOOSE[w] for w in x.looseness if w in _LOOSE]
    if Looseness.PROVINCE in x.looseness:
        why.append(f"cũng là tên tỉnh {x.province}, mà phân công không giao cả tỉnh")
    return (f"“{x.query}” không trùng tên mục nào của phân công ({'; '.join(why)}), nên không "
            f"xác định được người theo dõi; có thể là: {_each(x.each)} ({cite(x.citations)}).")


@SAY.on(r.MonitorsSeveral)
def _(x: r.MonitorsSeveral) -> str:
    return (f"“{x.query}” ứng với {x.entries} mục của phân công: {_each(x.each)} "
            f"({cite(x.citations)}).")


@SAY.on(r.Monitors)
def _(x: r.Monitors) -> str:
    read = (f"“{x.query}” được hiểu là {quoted(x.targets)}, mục duy nhất mang tên này: "
            if x.read_as else "")
    return f"{read}{names(x.posts)} theo dõi, đôn đốc {quoted(x.targets)} ({cite(x.citations)})."


@SAY.on(r.MonitorsNothing)
def _(x: r.MonitorsNothing) -> str:
    return f"Quy chế không giao {name(x.post)} theo dõi địa bàn, lĩnh vực nào."


# -- seals and signing ------------------------------------------------------------------

FORMS = {
    SigningForm.TM: "thay mặt tập thể (TM.)",
    SigningForm.KT: "ký thay (KT.)",
    SigningForm.Q: "quyền (Q.)",
    SigningForm.TL: "thừa lệnh (TL.)",
    SigningForm.TUQ: "thừa ủy quyền (TUQ.)",
    SigningForm.DIRECT: "ký trực tiếp, không có chữ viết tắt",
}


def _seal(use: r.SealUse) -> str:
    if use.kind is SealKind.NONE:
        return "không sử dụng con dấu riêng"
    # "được sử dụng" grants a permission (Thanh Hóa 2021 Điều 2 khoản 6): say "may use".
    verb = "được sử dụng" if use.permitted else "sử dụng"
    if use.kind is SealKind.OWN_AGENCY:
        return f"{verb} con dấu của cơ quan mình{f' ({use.agency})' if use.agency else ''}"
    return f"{verb} con dấu của {use.agency}"


@SAY.on(r.SealUsed)
def _(x: r.SealUsed) -> str:
    parts = []
    for use in x.uses:
        docs = quoted(use.documents)
        when = f" khi ký {docs}{f' và {use.scope}' if use.scope else ''}" if docs else ""
        parts.append(f"{_seal(use)}{when} ({cite((use.citation,))})")
    return f"{name(x.signer)} {'; '.join(parts)}."


@SAY.on(r.SealAmbiguous)
def _(x: r.SealAmbiguous) -> str:
    return (f"“{x.document}” không trùng văn bản nào được liệt kê; quy chế quy định con dấu "
            f"của {name(x.signer)} khi ký {quoted(x.documents)} ({cite(x.citations)}), cùng "
            "loại nhưng không phải mọi văn bản loại này, nên chưa xác định được con dấu.")


@SAY.on(r.SealOnlyFor)
def _(x: r.SealOnlyFor) -> str:
    docs = quoted(x.documents)
    if x.scopes:
        scope = " và ".join(x.scopes)
        return (f"Quy chế quy định con dấu của {name(x.signer)} khi ký {docs} và {scope} "
                f"({cite(x.citations)}); “{x.document}” có thuộc {scope} hay không thì quy chế "
                "không quy định, nên con dấu cho nó không được quy định.")
    return (f"Quy chế chỉ quy định con dấu của {name(x.signer)} khi ký {docs} "
            f"({cite(x.citations)}); với “{x.document}” thì không được quy định.")


@SAY.on(r.NoSealRule)
def _(x: r.NoSealRule) -> str:
    return f"Quy chế không quy định {name(x.signer)} sử dụng con dấu nào."


@SAY.on(r.CommitteeSeal)
def _(x: r.CommitteeSeal) -> str:
    return f"{name(x.committee)} {_seal(x.use)} ({cite((x.use.citation,))})."


@SAY.on(r.SealByAuthorisation)
def _(x: r.SealByAuthorisation) -> str:
    return (f"{name(x.signer)} ký thừa ủy quyền của {name(x.delegator)} "
            f"({cite((x.citation,))}), nên dùng con dấu của cơ quan ủy quyền "
            f"({cite((x.law,))}):")


@SAY.on(r.SignsAs)
def _(x: r.SignsAs) -> str:
    how = f"{FORMS[x.form]}: {lines(x.lines)} ({cite(x.citations)})."
    if not x.regime:
        return f"Khi ký văn bản, {name(x.signer)} ký theo hình thức {how}"
    silent = f"Quy chế không quy định riêng việc {name(x.signer)} ký; " if x.silent else ""
    return sentence(f"{silent}theo chế độ ký mà khối chữ ký của quyết định ban hành cho thấy, "
                    f"{name(x.signer)} ký những văn bản được giao theo hình thức {how}")


@SAY.on(r.HeadRegimeShown)
def _(x: r.HeadRegimeShown) -> str:
    return ("Khối chữ ký KT. của quyết định ban hành là của cấp phó ký thay người đứng đầu; nó "
            "cho thấy chế độ thủ trưởng, theo đó người đứng đầu ký trực tiếp.")


@SAY.on(r.RegimeUnknown)
def _(x: r.RegimeUnknown) -> str:
    return (f"Văn bản không có khối chữ ký của quyết định ban hành cho biết {x.kind.word('vi')} "
            f"ký theo chế độ thủ trưởng hay chế độ tập thể ({cite(x.citations)}), nên hình thức "
            "ký không được quy định.")


@SAY.on(r.FormUnstated)
def _(x: r.FormUnstated) -> str:
    return "Quy chế không quy định hình thức ký."


@SAY.on(r.SignsNothing)
def _(x: r.SignsNothing) -> str:
    return f"Quy chế không quy định {name(x.signer)} ký văn bản của {x.kind.word('vi')}."


@SAY.on(r.MaySign)
def _(x: r.MaySign) -> str:
    what = " và ".join(w for w in (quoted(x.documents), " và ".join(x.scopes)) if w)
    return sentence(f"{name(x.signer)} được ký {what or 'văn bản'} ({cite(x.citations)}).")


@SAY.on(r.MaySignOnly)
def _(x: r.MaySignOnly) -> str:
    docs = quoted(x.documents)
    if x.scopes:
        scope = " và ".join(x.scopes)
        return sentence(f"{name(x.signer)} được ký {docs} và {scope} ({cite(x.citations)}); "
                        f"“{x.document}” có thuộc {scope} hay không thì quy chế không quy định.")
    return sentence(f"{name(x.signer)} chỉ được ký {docs} ({cite(x.citations)}); với "
                    f"“{x.document}” thì quy chế không quy định.")


@SAY.on(r.SubstituteSigns)
def _(x: r.SubstituteSigns) -> str:
    return (f"Người thay ký theo hình thức {FORMS[x.form]}: {lines(x.lines)} "
            f"({cite(x.citations)}).")


@SAY.on(r.AnyMaySign)
def _(x: r.AnyMaySign) -> str:
    return (f"Mỗi người trong {names(x.signers)} đều có thể ký như vậy với dòng chức vụ và cơ "
            "quan của mình.")


@SAY.on(r.HoldsAuthorisation)
def _(x: r.HoldsAuthorisation) -> str:
    return (f"{name(x.signer)} được {name(x.delegator)} ủy quyền bằng văn bản từ "
            f"{x.start:%d/%m/%Y} đến {x.end:%d/%m/%Y} ({cite((x.citation,))}).")


# -- collectives, procedures, standing agencies -------------------------------------

PROCEDURES = {
    ProcedureKind.WRITTEN_OPINION: "xin ý kiến bằng văn bản",
    ProcedureKind.CONCLUSION_NOTICE: "thông báo kết luận cuộc họp",
    ProcedureKind.REFERRAL: "xử lý ý kiến khác nhau",
    ProcedureKind.REPORT_BEFORE_MEETING: "báo cáo trước cuộc họp",
}


@SAY.on(r.CollectiveOf)
def _(x: r.CollectiveOf) -> str:
    return f"{x.name} gồm: {listed(x.members)} ({cite((x.citation,))})."


@SAY.on(r.CollectivePresence)
def _(x: r.CollectivePresence) -> str:
    here = f"có mặt: {listed(x.present)}." if x.present else "không ai có mặt."
    return f"Vắng: {listed(x.absent)}; {here}"


@SAY.on(r.FileNote)
def _(x: r.FileNote) -> str:
    return f"Ghi chú: {x.note}"


@SAY.on(r.NoNoticeRule)
def _(x: r.NoNoticeRule) -> str:
    return f"Quy chế không quy định thời hạn gửi giấy mời họp của {name(x.body)}."


@SAY.on(r.NoticeBy)
def _(x: r.NoticeBy) -> str:
    what = f"{x.what} " if x.what else "giấy mời "
    return (f"Cuộc họp của {name(x.body)} ngày {vi_date(x.day)}: {what}phải được gửi ít nhất "
            f"{x.working_days:02d} ngày làm việc trước ({cite((x.citation,))}), tức chậm nhất "
            f"ngày {vi_date(x.last)} (đếm lùi {x.working_days} ngày làm việc từ ngày họp, không "
            "tính ngày họp, theo lịch ngày nghỉ của quy chế).")


@SAY.on(r.NoProcedure)
def _(x: r.NoProcedure) -> str:
    return f"Quy chế không quy định việc {PROCEDURES[x.kind]} của {name(x.body)}."


@SAY.on(r.ProcedureByChair)
def _(x: r.ProcedureByChair) -> str:
    by = "; ".join(f"{listed(actors)} khi {name(chair)} chủ trì" for actors, chair in x.each)
    return (f"Việc {PROCEDURES[x.kind]} tùy người chủ trì: {by}; hãy cho biết ai chủ trì "
            f"({cite(x.citations)}).")


@SAY.on(r.ProcedureBy)
def _(x: r.ProcedureBy) -> str:
    when = f" {x.trigger}" if x.trigger else ""
    decides = ""
    if x.says_decider:
        decides = (f"; {name(x.decider)} quyết định" if x.decider else
                   "; quy chế không quy định ai quyết định")
    return (f"{name(x.body)}: {PROCEDURES[x.kind]}{when} do {listed(x.actors) or 'không nêu'}"
            f" thực hiện{decides} ({cite((x.citation,))}).")


@SAY.on(r.NoStandingAgency)
def _(x: r.NoStandingAgency) -> str:
    return "Quy chế không quy định cơ quan thường trực."


@SAY.on(r.StandingAgencyIs)
def _(x: r.StandingAgencyIs) -> str:
    about = f" về {x.domain}" if x.domain else ""
    read = f" (“{x.read}” được hiểu là lĩnh vực “{x.domain}”)" if x.read else ""
    return f"{x.agency} là cơ quan thường trực{about}{read} ({cite((x.citation,))})."


@SAY.on(r.StandingAgencies)
def _(x: r.StandingAgencies) -> str:
    each = "; ".join(f"{who} về {domain}" for who, domain in x.each)
    asked = f" khớp với “{x.asked}”" if x.asked else ""
    return (f"Quy chế có {len(x.each)} cơ quan thường trực{asked}, mỗi cơ quan một lĩnh vực: "
            f"{each} ({cite(x.citations)}); hãy hỏi theo lĩnh vực.")


@SAY.on(r.NoAgencyForDomain)
def _(x: r.NoAgencyForDomain) -> str:
    return (f"Không cơ quan thường trực nào được giao lĩnh vực “{x.domain}”; quy chế giao các "
            f"lĩnh vực: {'; '.join(f'“{d}”' for d in x.domains)} ({cite(x.citations)}).")


# -- what the world did after the text (caveats) -------------------------------------


@SAY.on(r.UnitChanged)
def _(x: r.UnitChanged) -> str:
    when, cite_ = vi_date(x.on), name(x.instrument)
    if x.kind is ChangeKind.MERGED:
        said = f"Từ {when}, {name(x.unit)} đã được sắp xếp vào {x.into} ({cite_})."
    elif x.kind is ChangeKind.ENDED:
        said = (f"Từ {when}, cấp huyện kết thúc ({cite_}): {name(x.unit)} không còn là đơn vị "
                f"hành chính; địa bàn thuộc {x.into}.")
    elif x.kind is ChangeKind.REORGANISED:
        into = f" thành {x.into}" if x.into else "; đơn vị mới chưa được xác minh"
        said = f"Từ {when}, {name(x.unit)}: sắp xếp lại{into} ({cite_})."
    else:
        said = f"Từ {when}, {name(x.unit)} giữ nguyên là đơn vị hành chính cấp tỉnh ({cite_})."
    if x.decisive:
        said += " Quy chế này còn được áp dụng hay không là không xác định."
    return said


@SAY.on(r.Replaced)
def _(x: r.Replaced) -> str:
    if x.sure and x.on is not None and x.now is not None:
        return (f"Từ {vi_date(x.first)}, quy chế này đã được thay thế bởi {name(x.successor)}; "
                f"ngày {vi_date(x.on)}: {named_or_said(x.now, SAY)}.")
    return (f"Từ {vi_date(x.first)}, quy chế này có thể đã được thay thế bởi {name(x.successor)} "
            f"(ngày hiệu lực chỉ biết là {x.starts}).")



@SAY.on(r.UnitEnded)
def _(x: r.UnitEnded) -> str:
    return (f"Từ {vi_date(x.on)}, {', '.join(x.units)} không còn là đơn vị hành chính (cấp huyện "
            f"kết thúc; {name(x.instrument)}): phân công theo dõi đơn vị này còn áp dụng hay "
            "không là không xác định.")


# -- notes every ruling may carry ----------------------------------------------------


@SAY.on(r.OnlyWhenSetUp)
def _(x: r.OnlyWhenSetUp) -> str:
    return (f"Lưu ý: {join(x.groups, 'và')} chỉ được thành lập khi cần thiết "
            f"({cite(x.citations)}); câu trả lời áp dụng khi đã được thành lập.")


@SAY.on(r.RestsOnReplaced)
def _(x: r.RestsOnReplaced) -> str:
    said = "; ".join(f"{c.label('vi')} thuộc {c.document}, văn bản mà quy chế này thay thế "
                     f"({by.label('vi')})" for c, by in x.hits)
    return f"Lưu ý: {said}."


@SAY.on(r.NotYetInForce)
def _(x: r.NotYetInForce) -> str:
    return (f"Lưu ý: ngày {vi_date(x.on)}, quy chế này chưa có hiệu lực "
            f"(sớm nhất từ {vi_date(x.first)}).")


@SAY.on(r.StartUnknown)
def _(x: r.StartUnknown) -> str:
    bounds = [f"không trước {vi_date(x.not_before)}"] if x.not_before else []
    bounds += [f"không sau {vi_date(x.not_after)}"] if x.not_after else []
    signed = "chưa rõ" + (f" ({', '.join(bounds)})" if bounds else "")
    return (f"Lưu ý: ngày ký quy chế {signed}; không rõ quy chế đã có hiệu lực vào ngày được "
            "hỏi chưa.")


@SAY.on(r.AsWritten)
def _(x: r.AsWritten) -> str:
    answer = f" (trả lời: {', '.join(x.answer)})" if x.answer else ""
    return f"Theo văn bản: {SAY.render(x.reasons)}{answer}"


# -- which regulation was in force -------------------------------------------------------


@SAY.on(r.UnknownLocality)
def _(x: r.UnknownLocality) -> str:
    return (f"không có bộ quy chế có sẵn nào cho địa phương {x.locality!r}; các địa phương "
            f"đã biết: {', '.join(x.known)}")


@SAY.on(r.BeforeKnown)
def _(x: r.BeforeKnown) -> str:
    return (f"{x.locality}: không biết quy chế nào có hiệu lực ngày {vi_date(x.on)}; quyết "
            f"định sớm nhất được biết là {name(x.first)}")


@SAY.on(r.StartUncertain)
def _(x: r.StartUncertain) -> str:
    window = f"từ {vi_date(x.begins)} đến {vi_date(x.latest)}"
    if x.before is None:
        return (f"{x.locality}: ngày {vi_date(x.on)} chưa chắc {name(x.term)} đã có hiệu "
                f"lực: ngày của nó chỉ biết là {vi_date(x.known_as)} ({window}) và không "
                "biết quyết định nào trước đó")
    return (f"{x.locality}: ngày {vi_date(x.on)} có hiệu lực hoặc {name(x.before)} hoặc "
            f"{name(x.term)}: ngày của quyết định sau chỉ biết là {vi_date(x.known_as)} "
            f"({window})")


@SAY.on(r.NotShipped)
def _(x: r.NotShipped) -> str:
    where = ""
    if x.replaced_in is not None and x.replaced_by:
        where = f" (được nêu là bị thay thế tại {x.replaced_in.label('vi')} của {x.replaced_by})"
    return (f"{x.locality}: ngày {vi_date(x.on)} văn bản có hiệu lực là {name(x.term)}"
            f"{where}, không có sẵn trong bộ quy chế")


@SAY.on(r.Reorganised)
def _(x: r.Reorganised) -> str:
    return (f"{x.locality}: ngày {vi_date(x.on)} quy chế cuối cùng được biết là "
            f"{name(x.term)}, nhưng {as_clause(x.changes, SAY)}")

