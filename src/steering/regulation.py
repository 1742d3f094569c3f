"""The regulation: identity, committee, posts and rules, as one frozen value.

Past 600 lines (635): the `Regulation` value with its identity, committee and partial
dates, each a frozen attrs class with its fields documented, and the lookups every
engine shares (`post`, `name_of`, `node_ids`, `in_force_window`).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import TYPE_CHECKING, Any

import attrs

from steering import _args
from steering._text import nfc, to_str_tuple, vi_date
from steering.errors import QueryError, UnknownFactError, UnknownIdError, UnknownPostError
from steering.roles import COMMITTEE, Body, Collective, Post, Role, WorkingGroup
from steering.rules import (
    Accountability,
    AttendanceRule,
    Channel,
    Citation,
    Composition,
    ConveneRule,
    Delegation,
    Direction,
    LocalDay,
    MeetingRule,
    Monitoring,
    NoticeRule,
    ProcedureRule,
    Provision,
    ReportRule,
    SealRule,
    SigningForm,
    SigningRule,
    Substitution,
)

if TYPE_CHECKING:  # pragma: no cover
    from steering.authority import AuthorityGraph

__all__ = [
    "AppliesTo",
    "Committee",
    "CommitteeKind",
    "DateBound",
    "Effective",
    "EffectiveKind",
    "Funding",
    "Identity",
    "Level",
    "PartialDate",
    "Regulation",
    "Replacement",
    "SignatureBlock",
    "StandingAgency",
]

_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _s(default: str = "") -> Any:
    return attrs.field(default=default, converter=nfc)


@attrs.frozen(order=False)
class PartialDate:
    """A date that may lack its day or month, as drafts do ("tháng 8 năm 2024").

    Written ``"2024"``, ``"2024-08"`` or ``"2024-08-15"``.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a partial date with a day must have a month")
        # Raises ValueError for impossible dates such as 2023-02-30.
        dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        m = _PARTIAL.fullmatch(text)
        if not m:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """A complete partial date."""
        return cls(value.year, value.month, value.day)

    @property
    def complete(self) -> bool:
        """Whether day and month are known."""
        return self.day is not None

    def earliest(self) -> dt.date:
        """The first day this partial date can be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this partial date can be."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month == 12:
            return dt.date(self.year, 12, 31)
        if self.month is not None:
            nxt = dt.date(self.year, self.month + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class Level(enum.Enum):
    """Administrative level of the committee."""

    NATIONAL = "national"
    MINISTRY = "ministry"
    PROVINCE = "province"
    DISTRICT = "district"  # district-level city, town or district (before 2025)
    COMMUNE = "commune"


class EffectiveKind(enum.Enum):
    """How the regulation's effective date is fixed."""

    ON_SIGNING = "on_signing"  # "có hiệu lực kể từ ngày ký"
    ON_DATE = "on_date"
    NOT_SPECIFIED = "not_specified"


@attrs.frozen(kw_only=True)
class Effective:
    """When the regulation takes effect."""

    kind: EffectiveKind
    date: PartialDate | None = None
    citation: Citation | None = None


@attrs.frozen(kw_only=True)
class Replacement:
    """A decision this regulation replaces ("thay thế Quyết định số ...")."""

    number: str = _s()
    date: PartialDate | None = None
    title: str = _s()
    preset: str = _s()
    citation: Citation


@attrs.frozen(kw_only=True)
class SignatureBlock:
    """The signature block of the issuing decision, as printed.

    Attributes:
        lines: The block's lines in order ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN").
        form: The signing form it shows, or ``DIRECT`` when it has none.
        post: The post that signed, or ``""`` when the text does not tell which.
        role: The signer's role.
        office: The signer's office line ("PHÓ CHỦ TỊCH UBND TỈNH").
        name: The signer's name, if printed.

    """

    lines: tuple[str, ...] = attrs.field(converter=to_str_tuple)
    form: SigningForm = SigningForm.DIRECT
    post: str = _s()
    role: Role
    office: str = _s()
    name: str = _s()
    citation: Citation


@attrs.frozen(kw_only=True)
class DateBound:
    """A day a partial date cannot precede, and the text that shows it.

    Thanh Hóa 2024 is dated only "năm 2024", but its preamble cites "Quyết định
    ... số 1655/QĐ-UBND ngày 24/04/2024": it cannot have been signed earlier.
    """

    date: dt.date
    citation: Citation


#: The identity facts a file may declare unknown (``[identity] unknown = [...]``).
IDENTITY_UNKNOWNS = ("signed", "decision_number")


@attrs.frozen(kw_only=True)
class Identity:
    """Which regulation this is: title, number, issuer, signer, dates, level, locality.

    Attributes:
        title: The regulation's title.
        decision_number: The issuing decision's number ("2044/QĐ-BCĐ"), or
            ``""`` where the text leaves it blank (a draft).
        issuer: Who issues the decision.
        signature: The decision's signature block, or ``None`` when the text has none.
        signed: Signing date, possibly partial; ``None`` when the file declares it
            unknown (``unknown = ["signed"]``).
        signed_citation: Where the text gives the signing date; ``None`` when it is unknown.
        signed_not_before: For a partial or unknown signing date, the first day the
            text allows (a later act its preamble cites), or ``None``.
        signed_not_after: For a partial or unknown signing date, the last day the
            text allows (an act that cites it, a report of it), or ``None``.
        unknown: The facts the file declares unknown: ``"signed"`` (the signing
            date), ``"decision_number"`` (the decision's number). Unknown is not
            blank: ``decision_number = ""`` alone means the draft leaves it blank.
        effective: Effective date rule.
        replaces: Decisions replaced.
        level: Administrative level.
        locality: The locality, as the regulation names it.
        province: The province the locality belongs to.

    """

    title: str = _s()
    decision_number: str = _s()
    issuer: str = _s()
    signature: SignatureBlock | None = None
    signed: PartialDate | None = None
    signed_citation: Citation | None = None
    signed_not_before: DateBound | None = None
    signed_not_after: DateBound | None = None
    unknown: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    effective: Effective
    replaces: tuple[Replacement, ...] = attrs.field(default=(), converter=tuple)
    level: Level
    locality: str = _s()
    province: str = _s()

    def signing_window(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day the signing can be, each ``None`` when unbounded.

        A complete date gives that day twice; a partial one its first and last
        possible days narrowed by the bounds; an unknown one its bounds alone.
        """
        lo = self.signed.earliest() if self.signed is not None else None
        hi = self.signed.latest() if self.signed is not None else None
        if self.signed_not_before is not None:
            lo = max(lo, self.signed_not_before.date) if lo else self.signed_not_before.date
        if self.signed_not_after is not None:
            hi = min(hi, self.signed_not_after.date) if hi else self.signed_not_after.date
        return lo, hi

    def number_text(self, lang: str = "vi") -> str:
        """The decision's number, or words saying it is blank or unknown."""
        if self.decision_number:
            return self.decision_number
        if "decision_number" in self.unknown:
            return "(số chưa rõ)" if lang == "vi" else "(number unknown)"
        return "(chưa số)" if lang == "vi" else "(no number)"

    def signed_text(self, lang: str = "vi") -> str:
        """The signing date as ISO text, or words saying it is unknown (with its bounds)."""
        if self.signed is not None:
            return str(self.signed)
        lo, hi = self.signing_window()
        vi = lang == "vi"
        parts = []
        if lo is not None:
            parts.append(f"không trước {vi_date(lo)}" if vi else f"not before {lo.isoformat()}")
        if hi is not None:
            parts.append(f"không sau {vi_date(hi)}" if vi else f"not after {hi.isoformat()}")
        word = "chưa rõ" if vi else "unknown"
        return word + (f" ({', '.join(parts)})" if parts else "")


@attrs.frozen(kw_only=True)
class Funding:
    """Where the committee's money comes from and who manages it."""

    source: str = _s()
    manager: str = _s()
    citation: Citation


@attrs.frozen(kw_only=True)
class StandingAgency:
    """One standing agency (cơ quan thường trực) and the domain it covers.

    A merged committee may have several, split by domain (one for digital
    transformation, one for administrative reform).

    Attributes:
        post: Id of the post with role ``standing_agency``.
        domain: The domain it covers, in the regulation's words (``""`` when the
            regulation names one standing agency for everything).
        citation: Where the regulation says so.

    """

    post: str = _s()
    domain: str = _s()
    citation: Citation


class CommitteeKind(enum.Enum):
    """What the body calls itself: the word every sentence uses for it."""

    BAN_CHI_DAO = "ban_chi_dao"  # Ban Chỉ đạo: steering committee
    UY_BAN = "uy_ban"  # Ủy ban (Ủy ban Quốc gia về chuyển đổi số): committee
    HOI_DONG = "hoi_dong"  # Hội đồng: council

    def word(self, lang: str = "vi") -> str:
        """The kind in words: ``"Ban Chỉ đạo"`` / ``"committee"``."""
        return _KIND_WORDS[self][0 if lang == "vi" else 1]


_KIND_WORDS = {
    CommitteeKind.BAN_CHI_DAO: ("Ban Chỉ đạo", "committee"),
    CommitteeKind.UY_BAN: ("Ủy ban", "committee"),
    CommitteeKind.HOI_DONG: ("Hội đồng", "council"),
}


@attrs.frozen(kw_only=True)
class Committee:
    """The committee as a whole.

    Attributes:
        name: Full name ("Ban Chỉ đạo chuyển đổi số tỉnh Đắk Nông").
        standing_agency: Id of the post with role ``standing_agency``, or ``""``
            when the regulation does not name one.
        functions: The committee's own duties.
        principles: Working principles (Nguyên tắc làm việc).
        working_forms: Forms of work (phiên họp, hội nghị, cho ý kiến bằng văn bản).
        part_time: Where the regulation says members work part time (kiêm nhiệm);
            ``None`` when not specified.
        funding: Funding provisions.
        kind: What the body calls itself (``ban_chi_dao``, ``uy_ban``, ``hoi_dong``):
            the word sentences use where the regulation gives no name.
        standing_agencies: Several standing agencies, each with its domain (for one,
            ``standing_agency`` is enough).

    """

    name: str = _s()
    functions: tuple[Provision, ...] = attrs.field(default=(), converter=tuple)
    principles: tuple[Provision, ...] = attrs.field(default=(), converter=tuple)
    working_forms: tuple[Provision, ...] = attrs.field(default=(), converter=tuple)
    standing_agency: str = _s()
    part_time: Citation | None = None
    funding: tuple[Funding, ...] = attrs.field(default=(), converter=tuple)
    kind: CommitteeKind = CommitteeKind.BAN_CHI_DAO
    standing_agencies: tuple[StandingAgency, ...] = attrs.field(default=(), converter=tuple)


def _t() -> Any:
    return attrs.field(default=(), converter=tuple)


@attrs.frozen(kw_only=True)
class AppliesTo:
    """Whom the regulation binds ("đối tượng áp dụng", Điều 1 khoản 2 of each preset).

    Attributes:
        subjects: Each class the clause names, in its own words and order
            ("các thành viên Ban Chỉ đạo", "Thủ trưởng các cơ quan, đơn vị có
            liên quan").
        ids: The posts, working groups, bodies or ``"committee"`` those words
            name, where the regulation defines them; a class it does not
            define ("các tổ chức, cá nhân có liên quan") has no id.
        citation: The clause.
        note: The reading taken, if any.

    """

    subjects: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    ids: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    citation: Citation
    note: str = _s()


@attrs.frozen(kw_only=True)
class Regulation:
    """One operating regulation (Quy chế hoạt động), fully typed and cited.

    Build one with [`steering.load`][steering.loader.load],
    [`steering.loads`][steering.loader.loads] or
    [`steering.presets.load`][steering.presets.load]; check it with
    [`steering.validate`][steering.validation.validate].
    """

    format: int = 1
    id: str = attrs.field(converter=nfc)
    identity: Identity
    committee: Committee
    posts: tuple[Post, ...] = _t()
    working_groups: tuple[WorkingGroup, ...] = _t()
    bodies: tuple[Body, ...] = _t()
    #: Leadership collectives made of posts ("Thường trực Ban Chỉ đạo").
    collectives: tuple[Collective, ...] = _t()
    substitutions: tuple[Substitution, ...] = _t()
    accountability: tuple[Accountability, ...] = _t()
    directions: tuple[Direction, ...] = _t()
    reports: tuple[ReportRule, ...] = _t()
    seals: tuple[SealRule, ...] = _t()
    signing: tuple[SigningRule, ...] = _t()
    convening: tuple[ConveneRule, ...] = _t()
    meetings: tuple[MeetingRule, ...] = _t()
    compositions: tuple[Composition, ...] = _t()
    attendance: tuple[AttendanceRule, ...] = _t()
    #: How long before a meeting its notice must go out (issue #13: procedure).
    notices: tuple[NoticeRule, ...] = _t()
    #: Written opinions, conclusion notices, referrals, reports before meetings.
    procedures: tuple[ProcedureRule, ...] = _t()
    monitoring: Monitoring | None = None
    channels: tuple[Channel, ...] = _t()
    delegations: tuple[Delegation, ...] = _t()
    applies_to: AppliesTo | None = None
    #: Local days off and swaps that the locality's own decisions set (issue #12).
    local_days: tuple[LocalDay, ...] = _t()
    source: str = attrs.field(default="", converter=nfc)
    #: Where the regulation was loaded from (not part of its value or its file).
    origin: str = attrs.field(default="", eq=False, repr=False)
    #: The source text, read once when the file was loaded (``None``: not read).
    #: Not part of the regulation's value or its file.
    source_text: str | None = attrs.field(default=None, eq=False, repr=False)
    notes: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    #: The own regulations of its bodies (``working_groups[].regulation``), by group id,
    #: loaded with the file. Not part of the regulation's value or its file.
    nested: tuple[tuple[str, Regulation], ...] = attrs.field(default=(), eq=False, repr=False)

    # -- lookups ---------------------------------------------------------

    def post(self, post_id: str) -> Post:
        """The post with this id.

        Raises:
            UnknownPostError: No post has this id; the message lists the valid ids.

        """
        found = self._index.get(post_id) if isinstance(post_id, str) else None
        if isinstance(found, Post):
            return found
        raise UnknownPostError(post_id, [p.id for p in self.posts], self._role_posts(post_id))

    def _role_posts(self, ref: object) -> tuple[str, ...]:
        return tuple(p.id for p in self.posts if p.role.value == ref)

    def posts_for(self, ref: str) -> tuple[str, ...]:
        """The post ids ``ref`` names: itself when it is a node id, else every post of a role.

        Post ids differ between regulations ("member" in Đắk Nông, "member_so_tttt" ...
        in Thanh Hóa 2024), role ids do not: ``posts_for("member")`` gives the member
        posts of any regulation, in file order, so one question can be asked of each:

        ```python
        {p: reg.authority().accountable_to(p) for p in reg.posts_for("member")}
        ```

        A post id wins over a role id of the same spelling (Đắk Nông's post
        ``member`` is the one post, not the role).

        Raises:
            UnknownPostError: ``ref`` is neither a node id nor the role of any post here.

        """
        ref = _args.as_text(ref, "ref")
        if ref in self._index or ref == COMMITTEE:
            return (ref,)
        posts = self._role_posts(ref)
        if not posts:
            raise UnknownPostError(ref, [p.id for p in self.posts])
        return posts

    def body_regulation(self, group_id: str) -> Regulation:
        """The own regulation of a sub-committee or other body (``regulation = "..."``).

        Raises:
            UnknownIdError: ``group_id`` names no working group (the message lists them).
            QueryError: The group has no regulation file of its own.
            UnknownFactError: It has one, but this regulation was loaded from a string
                with no folder (``steering.loads`` without ``base``), so it was not read.

        """
        group_id = _args.as_text(group_id, "group_id")
        groups = {g.id: g for g in self.working_groups}
        if group_id not in groups:
            raise UnknownIdError("working group", group_id, list(groups))
        group = groups[group_id]
        if not group.regulation:
            raise QueryError(f"working group {group_id!r} has no regulation file of its own; "
                             "allowed: a group with regulation = \"...\"")
        for gid, child in self.nested:
            if gid == group_id:
                return child
        raise UnknownFactError(
            f"{self.id}: working group {group_id!r} names {group.regulation!r}, which was not "
            "read (loaded from a string without base=); load the file, or pass base=")

    @functools.cached_property
    def _index(self) -> dict[str, Post | WorkingGroup | Body | Collective]:
        """Posts, working groups and bodies by id (the first of a duplicated id), built once.

        Look-ups by id go through it, so asking for every rule's posts costs
        time linear in the regulation, not quadratic.
        """
        index: dict[str, Post | WorkingGroup | Body | Collective] = {}
        items: tuple[Post | WorkingGroup | Body | Collective, ...] = (
            *self.posts, *self.working_groups, *self.bodies, *self.collectives)
        for item in items[::-1]:
            index[item.id] = item
        return index

    def posts_with_role(self, role: Role | str) -> tuple[Post, ...]:
        """Every post with this role, in file order.

        Raises:
            QueryError: ``role`` is not a role id (the message lists them).

        """
        try:
            r = Role(role)
        except (ValueError, TypeError):
            allowed = ", ".join(x.value for x in Role)
            shown = repr(role) if len(repr(role)) <= 60 else repr(role)[:57] + "..."
            raise QueryError(f"role: found {shown}; allowed: one of {allowed}") from None
        return tuple(p for p in self.posts if p.role is r)

    @property
    def head(self) -> Post:
        """The head post (a valid regulation has exactly one)."""
        heads = self.posts_with_role(Role.HEAD)
        if not heads:
            raise UnknownIdError("role", "head", sorted({p.role.value for p in self.posts}))
        return heads[0]

    def name_of(self, node_id: str) -> str:
        """The regulation's own words for a post, working group, body or the committee."""
        if node_id == COMMITTEE:
            return self.committee.name or self.committee.kind.word("vi")
        found = self._index.get(node_id) if isinstance(node_id, str) else None
        if isinstance(found, Post):
            return found.title
        if found is not None:
            return found.name
        raise UnknownIdError("post, group or body", node_id, self.node_ids())

    def node_ids(self) -> tuple[str, ...]:
        """Every id a rule may name: posts, working groups, bodies, and ``"committee"``."""
        return (
            *(p.id for p in self.posts),
            *(g.id for g in self.working_groups),
            *(b.id for b in self.bodies),
            *(c.id for c in self.collectives),
            COMMITTEE,
        )

    # -- engines -----------------------------------------------------------

    def authority(self) -> AuthorityGraph:
        """The authority graph of this regulation (see `steering.authority`)."""
        from steering.authority import AuthorityGraph  # noqa: PLC0415 - engines load lazily

        return AuthorityGraph.from_regulation(self)

    @property
    def in_force_from(self) -> dt.date:
        """The first day the regulation can be in force.

        Its effective date where it states one ("có hiệu lực từ ngày ..."), else
        its signing date (in force from signing, or not stated: a decision is
        not in force before it is signed). A partial date gives its first
        possible day: "tháng 01 năm 2021" is 01/01/2021, "năm 2024" with a
        preamble citing an act of 24/04/2024 is 24/04/2024.

        Raises:
            UnknownFactError: The signing date is unknown and no bound gives a
                first day (see [`in_force_window`][steering.regulation.Regulation.in_force_window]).

        """
        first, _ = self.in_force_window
        if first is None:
            raise UnknownFactError(
                f"{self.id}: identity.signed is unknown and no identity.signed_not_before "
                "bounds it, so the first day the regulation is in force is unknown"
            )
        return first

    @property
    def in_force_window(self) -> tuple[dt.date | None, dt.date | None]:
        """The first day the regulation can be in force, and the day by which it surely is.

        Equal for a stated effective date or a complete signing date. A partial
        or unknown signing date gives its window (``None`` where unbounded): in
        between, whether the regulation already governs is not known.
        """
        idn = self.identity
        eff = idn.effective
        if eff.kind is EffectiveKind.ON_DATE and eff.date is not None:
            return eff.date.earliest(), eff.date.latest()
        return idn.signing_window()

    def calendar(
        self,
        start: dt.date,
        end: dt.date,
        *,
        policy: Any = None,
        workdays: Any = None,
        in_force_only: bool = True,
        reviews: str = "combined",
        **unknown: Any,
    ) -> Any:
        """Dated meetings and report deadlines in ``[start, end]``.

        The options are those of [`steering.schedule.calendar`][steering.schedule.calendar],
        keyword-only; ``policy`` and ``workdays`` left ``None`` take its defaults.
        """
        from steering.schedule import calendar  # noqa: PLC0415 - engines load lazily

        given = {k: v for k, v in (("policy", policy), ("workdays", workdays)) if v is not None}
        return calendar(self, start, end, in_force_only=in_force_only, reviews=reviews,
                        **given, **unknown)

    def _repr_html_(self) -> str:
        """The regulation as HTML tables, for notebooks (see `steering._display`)."""
        from steering._display import regulation_html  # noqa: PLC0415 - display loads lazily

        return regulation_html(self)
