"""Roles, posts, working groups and outside bodies.

A **role** is the stable vocabulary shared by every regulation (``head``,
``standing_deputy``, ...). A **post** is a seat one regulation defines, often
held ex officio ("Chủ tịch UBND tỉnh"); post ids are per regulation.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from steering._text import nfc, to_str_tuple
from steering.rules import Citation, Provision

__all__ = [
    "COMMITTEE",
    "Body",
    "BodyKind",
    "Collective",
    "GroupKind",
    "Holder",
    "Post",
    "Role",
    "WorkingGroup",
]

#: The reserved id that names the committee as a whole.
COMMITTEE = "committee"


class Role(enum.Enum):
    """The roles every regulation of the genre uses (design notes, section 3)."""

    HEAD = "head"  # Trưởng ban
    STANDING_DEPUTY = "standing_deputy"  # Phó Trưởng ban Thường trực
    DEPUTY = "deputy"  # Phó Trưởng ban
    STANDING_MEMBER = "standing_member"  # Ủy viên / Thành viên thường trực
    MEMBER = "member"  # Ủy viên / Thành viên
    WG_LEAD = "wg_lead"  # Tổ trưởng Tổ giúp việc / Tổ công tác
    WG_MEMBER = "wg_member"  # Tổ viên, thành viên Tổ giúp việc
    STANDING_AGENCY = "standing_agency"  # Cơ quan thường trực


def _s(default: str = "") -> Any:
    return attrs.field(default=default, converter=nfc)


@attrs.frozen(kw_only=True)
class Holder:
    """Who holds a post ex officio, as far as the regulation says.

    Attributes:
        office: The office that holds the post ("Chủ tịch UBND tỉnh"), or ``""``.
        agency: The agency the holder belongs to ("UBND tỉnh"), or ``""``.
        citation: Where the regulation says so.

    """

    office: str = _s()
    agency: str = _s()
    citation: Citation


@attrs.frozen(kw_only=True)
class Post:
    """A seat on the committee or its working group.

    Attributes:
        id: Stable id within the regulation (``[a-z][a-z0-9_]*``).
        role: One of [`Role`][steering.roles.Role].
        title: The regulation's own words for the seat.
        citation: Where the regulation establishes the seat.
        holder: Who holds it ex officio, or ``None`` when not specified.
        plural: The regulation speaks of a class of seats ("các Ủy viên")
            without enumerating them; one post stands for all of them.
        group: For working-group posts, the working group id.
        concurrent_with: Other posts held by the same person.
        duties: The post's duties, each cited.
        count: For a plural post, how many seats the text gives ("03 Phó Thủ tướng"), or
            ``None`` when it gives no number.
        note: A note on the post (a reading taken, a fact from outside the text).
        unknown: Facts about the post the file declares unknown: ``"holder"`` (the
            text names a holder this file cannot: unknown is not "not specified"),
            ``"count"`` (the text gives a number of seats the file does not know).

    """

    id: str = attrs.field(converter=nfc)
    role: Role
    title: str = attrs.field(converter=nfc)
    citation: Citation
    holder: Holder | None = None
    plural: bool = False
    group: str = _s()
    concurrent_with: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    duties: tuple[Provision, ...] = attrs.field(default=(), converter=tuple)
    count: int | None = None
    note: str = _s()
    unknown: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)

    def holder_text(self, lang: str = "vi") -> str:
        """The holder's office or agency; else ``"(chưa rõ)"`` when unknown, ``""`` when unsaid."""
        if self.office or self.agency:
            return self.office or self.agency
        if "holder" in self.unknown:
            return "(chưa rõ)" if lang == "vi" else "(unknown)"
        return ""

    @property
    def office(self) -> str:
        """The ex officio office, or ``""`` when the regulation does not name one."""
        return self.holder.office if self.holder else ""

    @property
    def agency(self) -> str:
        """The holder's agency, or ``""`` when the regulation does not name one."""
        return self.holder.agency if self.holder else ""


#: The post facts a file may declare unknown (``[[posts]] unknown = [...]``).
POST_UNKNOWNS = ("holder", "count")


class GroupKind(enum.Enum):
    """Kinds of body that help a committee."""

    WORKING_GROUP = "working_group"  # Tổ giúp việc, Tổ công tác
    ADVISORY_GROUP = "advisory_group"  # Tổ tư vấn, Hội đồng tư vấn
    SUPPORT_OFFICE = "support_office"  # Văn phòng / bộ phận giúp việc
    SUB_COMMITTEE = "sub_committee"  # Tiểu ban: a body with its own head and members


@attrs.frozen(kw_only=True)
class WorkingGroup:
    """A working group (Tổ giúp việc, Tổ công tác) or similar helping body.

    Attributes:
        id: Stable id within the regulation.
        name: The regulation's own name for it.
        kind: Working group, advisory group or support office.
        lead: The post that leads it, or ``""`` when not specified.
        citation: Where the regulation establishes it.
        duties: Its duties, each cited.
        part_time: Where the regulation says its members work part time
            ("Các thành viên Ban Chỉ đạo và Tổ giúp việc làm việc theo chế độ
            kiêm nhiệm"); ``None`` when not specified.
        optional: Where the regulation says the group is set up only when needed
            ("thành lập khi cần thiết"); ``None`` when the text sets it up. Answers
            about an optional group say it exists only once set up.
        regulation: The group's own regulation file (a sub-committee's Quy chế),
            relative to this file's folder and inside it, or ``""``. `steering.load`
            loads it with this file; `Regulation.body_regulation` gives it.

    """

    id: str = attrs.field(converter=nfc)
    name: str = attrs.field(converter=nfc)
    kind: GroupKind = GroupKind.WORKING_GROUP
    lead: str = _s()
    citation: Citation
    duties: tuple[Provision, ...] = attrs.field(default=(), converter=tuple)
    part_time: Citation | None = None
    optional: Citation | None = None
    regulation: str = _s()


@attrs.frozen(kw_only=True)
class Collective:
    """A leadership collective: a body made of the committee's own posts.

    "Thường trực Ban Chỉ đạo" (the head and the standing deputy), "Lãnh đạo Ủy ban":
    rules may name it like any body; its members are posts, so an absent member is
    known to be absent from it.

    Attributes:
        id: Stable id within the regulation.
        name: The regulation's own name for it.
        posts: The posts it is made of, in the text's order.
        citation: Where the regulation says who it is made of.
        note: A reading taken (a collective the text names without listing its members,
            read from the genre's usage), or ``""``.

    """

    id: str = attrs.field(converter=nfc)
    name: str = attrs.field(converter=nfc)
    posts: tuple[str, ...] = attrs.field(converter=to_str_tuple)
    citation: Citation
    note: str = _s()


class BodyKind(enum.Enum):
    """Kinds of body outside the committee that rules refer to."""

    PARTY_COMMITTEE = "party_committee"  # Tỉnh ủy, Thành ủy, Đảng ủy
    PEOPLES_COUNCIL = "peoples_council"  # HĐND
    PEOPLES_COMMITTEE = "peoples_committee"  # UBND
    OFFICIAL = "official"  # Chủ tịch UBND, ...
    AGENCY = "agency"  # Sở, Phòng, cơ quan
    COMMITTEE = "committee"  # another steering committee (BCĐ tỉnh)
    AGENCY_HEADS = "agency_heads"  # "người đứng đầu các cơ quan, đơn vị"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Body:
    """A body or office outside the committee that a rule names (Tỉnh ủy, HĐND, UBND ...)."""

    id: str = attrs.field(converter=nfc)
    name: str = attrs.field(converter=nfc)
    kind: BodyKind = BodyKind.OTHER
