"""Citations and the rules a regulation states, as frozen values.

Every rule carries the [`Citation`][steering.rules.Citation] of the clause it encodes. A rule may
also carry a ``note``: where the wording is ambiguous, the preset records the
reading it takes and why, so nothing is decided silently.

References to posts, working groups, outside bodies and the committee itself
are plain string ids (see [`steering.roles`][steering.roles]); ``"committee"`` is reserved
for the committee as a whole.

Past 600 lines: a table of data. The module declares the file format's kinds of rule,
one frozen attrs class each with its fields documented, and no logic beyond a few
one-line helpers; splitting it would scatter the format a reader looks up in one place.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from steering._text import nfc, to_str_tuple

__all__ = [
    "DECISION_PARTS",
    "OWN_PARTS",
    "WORDS",
    "Accountability",
    "AttendanceCondition",
    "AttendanceRule",
    "Cadence",
    "Channel",
    "ChannelKind",
    "Citation",
    "Composition",
    "ConveneRule",
    "Deadline",
    "Delegation",
    "Direction",
    "LocalDay",
    "LocalDayKind",
    "MeetingKind",
    "MeetingPurpose",
    "MeetingRule",
    "MonitorTarget",
    "Monitoring",
    "MonitoringAssignment",
    "NoticeRule",
    "Period",
    "ProcedureKind",
    "ProcedureRule",
    "Provision",
    "ReportRule",
    "Seal",
    "SealKind",
    "SealRule",
    "SigningForm",
    "SigningRule",
    "Substitution",
    "TargetKind",
]

#: The parts of a regulation's own text a citation may point into.
#: ``decision``: the Quyết định that issues the regulation (its articles,
#: preamble and signature block); ``regulation``: the Quy chế itself;
#: ``annex``: the Phụ lục. Any other ``document`` value names an outside
#: instrument (e.g. ``"Nghị định 30/2020/NĐ-CP"``).
OWN_PARTS = ("decision", "regulation", "annex")


def _str_field(default: str | None = None) -> Any:
    if default is None:
        return attrs.field(converter=nfc)
    return attrs.field(default=default, converter=nfc)


def _ids(default: tuple[str, ...] = ()) -> Any:
    return attrs.field(default=default, converter=to_str_tuple)


def _tuple(default: tuple[Any, ...] = ()) -> Any:
    return attrs.field(default=default, converter=tuple)


#: The unnumbered parts of an issuing decision a citation may name, as label suffixes.
DECISION_PARTS: dict[str, tuple[str, str]] = {
    "": ("", ""),
    "heading": (" (phần đầu)", " (heading)"),
    "preamble": (" (phần căn cứ)", " (preamble)"),
    "signature": (" (phần ký)", " (signature block)"),
}


#: The forms a citation's words take, with their words in Vietnamese and English.
WORDS: dict[str, tuple[str, str]] = {
    "text": ("nguyên văn", "the text's own words"),
    "paraphrase": ("diễn giải, không phải nguyên văn", "paraphrase, not the text's words"),
    "translation": ("bản dịch, không phải nguyên văn", "translation, not the text's words"),
}


@attrs.frozen(kw_only=True)
class Citation:
    """Where a rule is written: document part, article, clause, point, and a verbatim quote.

    Attributes:
        document: ``"decision"``, ``"regulation"`` or ``"annex"`` for the
            regulation's own text (see `OWN_PARTS`), or the name of an
            outside instrument.
        article: Article number (Điều), or ``None`` for an unnumbered part
            (preamble, signature block, the annex table).
        clause: Clause number (khoản) inside the article, or ``None``.
        point: Point letter (điểm), or ``""``.
        quote: A short verbatim quote of the cited text, Vietnamese diacritics intact.
        part: For an unnumbered part of the issuing decision, which one (see
            `DECISION_PARTS`): ``"heading"`` (number, place and
            date),
            ``"preamble"`` (the "Căn cứ" recitals) or ``"signature"`` (the
            signature block); ``""`` when not said.
        words: The form of ``quote`` (see `WORDS`): ``"text"`` (the instrument's own
            words, the default), ``"paraphrase"`` (known only from a summary, e.g. news)
            or ``"translation"``. Only the text's own words are printed in «» and checked
            against a source text.

    """

    document: str = _str_field()
    article: int | None = None
    clause: int | None = None
    point: str = _str_field("")
    quote: str = _str_field()
    part: str = attrs.field(default="", converter=nfc)
    words: str = attrs.field(default="text", converter=nfc)

    @words.validator
    def _check_words(self, _: Any, value: str) -> None:
        if value not in WORDS:
            allowed = ", ".join(repr(k) for k in WORDS)
            raise ValueError(f"found {value!r}; allowed: one of {allowed}")

    def shown(self, lang: str = "vi") -> str:
        """The quote as printed: «the text's own words», or marked as what it is.

        A paraphrase or a translation is never printed in the marks kept for the
        text's own words.
        """
        if self.words == "text":
            return f"«{self.quote}»"
        return f"({WORDS[self.words][0 if lang == 'vi' else 1]}) {self.quote}"

    @part.validator
    def _check_part(self, _: Any, value: str) -> None:
        if value not in DECISION_PARTS:
            allowed = ", ".join(repr(k) for k in DECISION_PARTS)
            raise ValueError(f"found {value!r}; allowed: one of {allowed}")

    def label(self, lang: str = "vi") -> str:
        """The citation in words: ``"Điều 7 khoản 1 điểm a"`` or ``"Article 7(1)(a)"``."""
        if lang == "en":
            return self._label_en()
        parts: list[str] = []
        if self.article is not None:
            parts.append(f"Điều {self.article}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.point:
            parts.append(f"điểm {self.point}")
        where = {
            "decision": "Quyết định",
            "regulation": "Quy chế",
            "annex": "Phụ lục",
        }.get(self.document, self.document)
        if self.document == "regulation" and parts:
            return " ".join(parts)
        if self.document == "decision" and not parts:
            return "Quyết định ban hành" + DECISION_PARTS.get(self.part, ("", ""))[0]
        return " ".join([*parts, where]) if parts else where

    def _label_en(self) -> str:
        where = {
            "decision": "the issuing decision",
            "regulation": "the regulation",
            "annex": "the annex",
        }.get(self.document, self.document)
        if self.article is None:
            if self.document == "decision":
                return "the issuing decision" + DECISION_PARTS.get(self.part, ("", ""))[1]
            return where
        text = f"Article {self.article}"
        if self.clause is not None:
            text += f"({self.clause})"
        if self.point:
            text += f"({self.point})"
        if self.document != "regulation":
            text += f" of {where}"
        return text


@attrs.frozen(kw_only=True)
class Provision:
    """A duty, principle or statement of the regulation, kept as its citation.

    Attributes:
        citation: The clause, whose quote is the provision's own words.
        topic: A short label for tables (optional).

    """

    citation: Citation
    topic: str = _str_field("")

    @property
    def text(self) -> str:
        """The provision in the regulation's words (the citation's quote)."""
        return self.citation.quote


class Period(enum.Enum):
    """A calendar period a cadence repeats over."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"


@attrs.frozen
class Cadence:
    """How often something recurs: ``times`` per ``period`` ("một quý một lần")."""

    period: Period
    times: int = 1

    @classmethod
    def monthly(cls) -> Cadence:
        """Once a month ("một tháng một lần", "hàng tháng")."""
        return cls(Period.MONTH)

    @classmethod
    def quarterly(cls) -> Cadence:
        """Once a quarter ("một quý một lần", "hàng quý")."""
        return cls(Period.QUARTER)

    @classmethod
    def half_yearly(cls) -> Cadence:
        """Once every six months ("sáu tháng một lần", "06 tháng")."""
        return cls(Period.HALF_YEAR)

    @classmethod
    def yearly(cls) -> Cadence:
        """Once a year ("hàng năm", "báo cáo năm")."""
        return cls(Period.YEAR)


class MeetingKind(enum.Enum):
    """Kinds of meeting a regulation distinguishes."""

    REGULAR = "regular"  # họp định kỳ
    EXTRAORDINARY = "extraordinary"  # họp đột xuất
    EXPANDED = "expanded"  # họp mở rộng


@attrs.frozen(kw_only=True)
class Substitution:
    """Who acts for a post when it is absent ("khi Trưởng ban vắng mặt ...").

    Rules for one principal are tried by ascending ``rank``. A rule applies
    only when the principal and every post in ``also_absent`` are absent; the
    first rule with a present substitute decides. Substitutes in one rule are
    unordered among themselves.

    Attributes:
        principal: The post acted for.
        substitutes: The posts that may act (one tier).
        rank: Order of this tier among the principal's rules (1 first).
        also_absent: Posts that must also be absent for this rule to apply.
        scope: What the substitute does, in the regulation's words.

    """

    principal: str = _str_field()
    substitutes: tuple[str, ...] = _ids()
    rank: int = 1
    also_absent: tuple[str, ...] = _ids()
    scope: str = _str_field("")
    citation: Citation
    note: str = _str_field("")


@attrs.frozen(kw_only=True)
class Accountability:
    """``subject`` answers to each of ``to`` ("chịu trách nhiệm trước ...").

    Attributes:
        subject: A post, working group or body id.
        to: Posts, bodies or ``"committee"``.
        matter: What the subject answers for, in the regulation's words.

    """

    subject: str = _str_field()
    to: tuple[str, ...] = _ids()
    matter: str = _str_field("")
    citation: Citation
    note: str = _str_field("")


@attrs.frozen(kw_only=True)
class Direction:
    """``subjects`` direct ``objects`` ("chỉ đạo", "phân công nhiệm vụ")."""

    subjects: tuple[str, ...] = _ids()
    objects: tuple[str, ...] = _ids()
    matter: str = _str_field("")
    citation: Citation
    note: str = _str_field("")


@attrs.frozen(kw_only=True)
class Deadline:
    """A report deadline stated by the regulation ("trước ngày 15 hàng tháng").

    Attributes:
        day: Day of the month named by the regulation.
        before: ``True`` for "trước ngày N" (the last day allowed is N-1).
        month_offset: 0 for the last month of the reporting period, 1 for the
            month after it.

    """

    day: int
    before: bool = True
    month_offset: int = 0
    note: str = _str_field("")


@attrs.frozen(kw_only=True)
class ReportRule:
    """A report flow: who reports what to whom, through whom, how often, by when.

    Attributes:
        id: Stable id of the flow within the regulation.
        reporters: Posts, working groups or bodies that report.
        recipients: Who receives the report.
        through: Intermediaries the report goes through ("thông qua ...").
        consult: Who is consulted before submission ("gửi xin ý kiến ...").
        partners: Who the reporters prepare it with, the reporters leading
            ("chủ trì, phối hợp với Sở Tài chính trình ...").
        subject: What is reported, in the regulation's words.
        cadences: Periodic cadences; empty when none is stated.
        periodic: The regulation calls the report periodic ("định kỳ").
            Periodic with no cadence means the cadence is not specified.
        ad_hoc: Reports are also (or only) made when needed ("đột xuất",
            "kịp thời").
        occasion: When the ad hoc report is made, in the regulation's own words
            ("khi Trưởng ban, các Phó Trưởng ban yêu cầu", Vũng Tàu 2024 Điều 6
            khoản 4); empty where the text says only "đột xuất", "kịp thời" or
            names what arises. Explanations quote it instead of a paraphrase.
        forms: Forms of reporting ("báo cáo trực tiếp", "bằng văn bản").
        deadline: The regulation's own deadline, or ``None`` when it states none.

    """

    id: str = _str_field()
    reporters: tuple[str, ...] = _ids()
    recipients: tuple[str, ...] = _ids()
    through: tuple[str, ...] = _ids()
    consult: tuple[str, ...] = _ids()
    partners: tuple[str, ...] = _ids()
    subject: str = _str_field("")
    cadences: tuple[Cadence, ...] = _tuple()
    periodic: bool = False
    ad_hoc: bool = False
    occasion: str = _str_field("")
    forms: tuple[str, ...] = _ids()
    deadline: Deadline | None = None
    citation: Citation
    note: str = _str_field("")


class SealKind(enum.Enum):
    """What seal a signer uses."""

    AGENCY = "agency"  # a named agency's seal ("con dấu của UBND tỉnh")
    OWN_AGENCY = "own_agency"  # the seal of the signer's own agency
    NONE = "none"  # no seal of its own ("không sử dụng con dấu riêng")


@attrs.frozen(kw_only=True)
class Seal:
    """A seal: a named agency's, the signer's own agency's, or none."""

    kind: SealKind
    agency: str = _str_field("")

    @classmethod
    def of(cls, agency: str) -> Seal:
        """The seal of a named agency."""
        return cls(kind=SealKind.AGENCY, agency=agency)

    @classmethod
    def own_agency(cls) -> Seal:
        """The seal of the signer's own agency ("con dấu của cơ quan mình")."""
        return cls(kind=SealKind.OWN_AGENCY)

    @classmethod
    def none(cls) -> Seal:
        """No seal of its own."""
        return cls(kind=SealKind.NONE)


@attrs.frozen(kw_only=True)
class SealRule:
    """Which seal ``posts`` use, for which documents (all when ``documents`` is empty).

    ``scope`` is an open-ended tail after the listed kinds, in the text's words
    (as for [`SigningRule`][steering.rules.SigningRule]): a kind not listed may fall within it,
    which
    the regulation leaves to be judged, so the seal for it is not specified.
    ``permitted`` marks a permission ("được sử dụng con dấu của cơ quan mình",
    Thanh Hóa 2021 Điều 2 khoản 6) rather than a plain statement ("sử dụng").
    """

    posts: tuple[str, ...] = _ids()
    seal: Seal
    documents: tuple[str, ...] = _ids()
    scope: str = _str_field("")
    permitted: bool = False
    citation: Citation
    note: str = _str_field("")


class SigningForm(enum.Enum):
    """Signing forms of Nghị định 30/2020/NĐ-CP, Điều 13."""

    TM = "TM."  # thay mặt: on behalf of a collective
    KT = "KT."  # ký thay: a deputy signing for the head
    Q = "Q."  # quyền: acting head
    TL = "TL."  # thừa lệnh: by order
    TUQ = "TUQ."  # thừa ủy quyền: by written authorisation
    DIRECT = ""  # the head signs in their own name, no prefix


@attrs.frozen(kw_only=True)
class SigningRule:
    """``posts`` may sign ``documents`` (all of their remit when empty).

    Attributes:
        posts: The posts the rule empowers.
        documents: The kinds of document they may sign, in the text's order;
            empty means all of their remit.
        scope: An open-ended tail after the listed kinds, in the text's words
            ("các trường hợp khác trong phạm vi chức năng, nhiệm vụ của Tổ giúp
            việc"): a kind not listed may still fall within it, which the
            regulation leaves to be judged; ``""`` when the list is closed.

    """

    posts: tuple[str, ...] = _ids()
    documents: tuple[str, ...] = _ids()
    scope: str = _str_field("")
    citation: Citation
    note: str = _str_field("")


@attrs.frozen(kw_only=True)
class ConveneRule:
    """Who may convene a kind of meeting of a body.

    Attributes:
        body: ``"committee"`` or a working group id.
        meeting: The kind of meeting.
        conveners: Posts that convene (or direct, or decide) the meeting.
        on_proposal_of: Posts or bodies on whose proposal it may be convened.
        chairs: The conveners also chair it ("triệu tập và chủ trì").

    """

    body: str = _str_field("committee")
    meeting: MeetingKind
    conveners: tuple[str, ...] = _ids()
    on_proposal_of: tuple[str, ...] = _ids()
    chairs: bool = False
    citation: Citation
    note: str = _str_field("")


@attrs.frozen(kw_only=True)
class MeetingPurpose:
    """A purpose some of a cadence's sittings also serve, as the text states it.

    "Ủy ban họp định kỳ hằng quý; họp sơ kết 6 tháng và tổng kết năm cùng với Ban Chỉ
    đạo các bộ, ngành, địa phương": the quarter's sitting that ends a half-year is
    also the six-month review, held with the participants named here.

    Attributes:
        period: The period the purpose recurs over (``half_year``, ``year``): the
            sitting of the rule's cadence that ends that period serves it.
        which: Which of the year's periods, counted from 1 ("phiên họp quý II": a
            ``quarter`` purpose with ``which = [2]``; "sơ kết 6 tháng": ``half_year``,
            ``[1]``); empty for every one.
        name: The purpose in the text's words ("sơ kết 6 tháng").
        participants: Who joins that sitting besides the members, in the text's words.
        citation: Where the text says so.

    """

    period: Period
    which: tuple[int, ...] = _tuple()
    name: str = _str_field("")
    participants: str = _str_field("")
    citation: Citation
    note: str = _str_field("")


@attrs.frozen(kw_only=True)
class MeetingRule:
    """How often a body meets; no cadences means the cadence is not specified.

    Attributes:
        body: ``"committee"`` or a working group id.
        kind: Normally `MeetingKind.REGULAR`.
        cadences: Every cadence the regulation names (several at once are allowed).
        condition: A qualifier in the regulation's words ("căn cứ tình hình thực tế").
        participants: Who takes part, in the regulation's words (expanded meetings).
        purposes: Purposes some sittings also serve (a quarter's sitting that is the
            six-month review), each with its own participants and citation.

    """

    body: str = _str_field("committee")
    kind: MeetingKind = MeetingKind.REGULAR
    cadences: tuple[Cadence, ...] = _tuple()
    condition: str = _str_field("")
    participants: str = _str_field("")
    citation: Citation
    note: str = _str_field("")
    purposes: tuple[MeetingPurpose, ...] = _tuple()


@attrs.frozen(kw_only=True)
class Composition:
    """Who decides who attends a body's meetings ("Thành phần tham dự ... do người chủ trì")."""

    body: str = _str_field("committee")
    decided_by: str = _str_field("chair")
    citation: Citation
    note: str = _str_field("")


class AttendanceCondition(enum.Enum):
    """Conditions a regulation puts on absence or on sending a proxy."""

    REPORT_TO_CHAIR = "report_to_chair"  # phải báo cáo
    CHAIR_CONSENT = "chair_consent"  # được sự đồng ý của người chủ trì
    WRITTEN_OPINION = "written_opinion"  # tham gia ý kiến bằng văn bản


@attrs.frozen(kw_only=True)
class AttendanceRule:
    """Attendance duties of ``posts`` and whether, and on what terms, they may send a proxy.

    Attributes:
        must_attend: The posts must attend every meeting ("tham dự đầy đủ").
        absence_conditions: What an absence requires.
        proxy_allowed: ``True``/``False``, or ``None`` when the regulation is silent.
        proxy_conditions: What sending a proxy requires.

    """

    posts: tuple[str, ...] = _ids()
    body: str = _str_field("committee")
    must_attend: bool = True
    absence_conditions: tuple[AttendanceCondition, ...] = _tuple()
    proxy_allowed: bool | None = None
    proxy_conditions: tuple[AttendanceCondition, ...] = _tuple()
    citation: Citation
    note: str = _str_field("")


class TargetKind(enum.Enum):
    """What a monitoring assignment covers."""

    SECTOR = "sector"  # ngành, lĩnh vực
    AGENCY = "agency"  # a named agency or body
    LOCALITY = "locality"  # huyện, thị xã, thành phố, xã


@attrs.frozen(kw_only=True)
class MonitorTarget:
    """One thing a member monitors, as the annex writes it and as a clean name.

    Attributes:
        text: The annex's own words ("TP Thanh Hóa", "Thị xã Bim Sơn").
        kind: Sector, agency or locality.
        name: The bare name ("Thanh Hóa"), for matching.
        unit: For localities, the unit type ("huyện", "thị xã", "thành phố", "xã").

    """

    text: str = _str_field()
    kind: TargetKind
    name: str = _str_field()
    unit: str = _str_field("")


@attrs.frozen(kw_only=True)
class MonitoringAssignment:
    """A member post and what it monitors (one annex row)."""

    post: str = _str_field()
    targets: tuple[MonitorTarget, ...] = _tuple()
    citation: Citation


@attrs.frozen(kw_only=True)
class Monitoring:
    """The monitoring annex: who follows which sector and locality.

    Attributes:
        assignments: One per annex row, in annex order.
        exclusive_localities: Each locality is assigned to exactly one member.
        basis: The clause that establishes the assignment.

    """

    assignments: tuple[MonitoringAssignment, ...] = _tuple()
    exclusive_localities: bool = True
    basis: Citation
    note: str = _str_field("")


class ChannelKind(enum.Enum):
    """Kinds of information channel a regulation names."""

    DOCUMENT_SYSTEM = "document_system"  # hệ thống văn bản điện tử (iDesk ...)
    DIRECT = "direct"  # gửi trực tiếp
    CHAT_GROUP = "chat_group"  # nhóm trao đổi (Zalo ...)
    MEETING = "meeting"  # cuộc họp


@attrs.frozen(kw_only=True)
class Channel:
    """An information channel and its restrictions.

    Attributes:
        name: The channel's name in the regulation's words.
        kind: A `ChannelKind`: ``"document_system"``, ``"direct"``, ``"chat_group"``,
            ``"meeting"``.
        platform: The software named ("iDesk", "Zalo"), if any.
        excludes: What must not go through it ("Mật").
        administrator: Post that sets it up or runs it.

    """

    name: str = _str_field()
    kind: ChannelKind
    platform: str = _str_field("")
    excludes: tuple[str, ...] = _ids()
    administrator: str = _str_field("")
    citation: Citation
    note: str = _str_field("")


@attrs.frozen(kw_only=True)
class Delegation:
    """A written authorisation (ủy quyền, signed TUQ.): bounded in time and content.

    Per Nghị định 30/2020/NĐ-CP Điều 13, the delegate may not re-delegate and
    signs with the delegator's seal.

    Attributes:
        delegator: The post that authorises.
        delegate: The post authorised.
        documents: Document kinds covered (must not be empty).
        start: First day (inclusive).
        end: Last day (inclusive).
        reference: The authorising document's number.

    """

    delegator: str = _str_field()
    delegate: str = _str_field()
    documents: tuple[str, ...] = _ids()
    start: dt.date
    end: dt.date
    reference: str = _str_field("")
    citation: Citation
    note: str = _str_field("")


class LocalDayKind(enum.Enum):
    """What a local decision makes of a day."""

    DAY_OFF = "day_off"  # a day off for the locality's agencies
    WORKING_DAY = "working_day"  # a working day (a swap: worked to rest on another day)


@attrs.frozen(kw_only=True)
class LocalDay:
    """A day off or a working day that a local decision sets, beyond the national calendar.

    A province may give its agencies a day off for a local event, or swap days
    by its own decision (issue #12). Declared in the regulation file under
    ``[[local_days]]``, each with the instrument that sets it, and used by every
    calendar and deadline computed for the regulation.

    Attributes:
        date: The day.
        kind: ``day_off`` or ``working_day``.
        name: What the day is, in the instrument's words ("Ngày Giỗ Tổ ...").
        citation: The instrument that sets it (usually an outside one:
            ``document = "Quyết định 12/QĐ-UBND"``).

    """

    date: dt.date
    kind: LocalDayKind = LocalDayKind.DAY_OFF
    name: str = _str_field()
    citation: Citation


@attrs.frozen(kw_only=True)
class NoticeRule:
    """How long before a meeting its notice must go out ("ít nhất 02 ngày làm việc").

    Attributes:
        body: The body whose meetings it concerns (``"committee"`` or a group id).
        meeting: The kind of meeting, or ``None`` for every meeting of the body.
        working_days: How many working days before the meeting, at least.
        what: What must be sent, in the text's words ("giấy mời và tài liệu").
        citation: Where the regulation says so.

    """

    body: str = _str_field("committee")
    meeting: MeetingKind | None = None
    working_days: int
    what: str = _str_field("")
    citation: Citation


class ProcedureKind(enum.Enum):
    """Procedures a regulation sets around its meetings and decisions."""

    WRITTEN_OPINION = "written_opinion"  # xin ý kiến bằng văn bản (when a meeting is not held)
    CONCLUSION_NOTICE = "conclusion_notice"  # thông báo kết luận cuộc họp
    REFERRAL = "referral"  # ý kiến khác nhau: báo cáo người có thẩm quyền quyết định
    REPORT_BEFORE_MEETING = "report_before_meeting"  # báo cáo trước mỗi cuộc họp


@attrs.frozen(kw_only=True)
class ProcedureRule:
    """A procedure in the regulation's words: who does it, when, and who decides.

    Attributes:
        kind: Which procedure (see `ProcedureKind`).
        body: The body whose meetings or decisions it concerns.
        actors: Who carries it out: post ids or body ids (an office that issues the
            conclusion notice, "Văn phòng UBND tỉnh", is a body).
        decider: Who decides that it applies, or to whom a matter is referred
            (a post id), or ``""`` when the text does not say.
        trigger: When it applies, in the text's words ("khi không tổ chức họp được").
        chaired_by: For a conclusion notice that depends on who chaired: the post that
            chaired, or ``""`` for every meeting.
        citation: Where the regulation says so.

    """

    kind: ProcedureKind
    body: str = _str_field("committee")
    actors: tuple[str, ...] = _ids()
    decider: str = _str_field("")
    trigger: str = _str_field("")
    chaired_by: str = _str_field("")
    citation: Citation
