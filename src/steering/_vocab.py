"""Words the engines share when they speak: roles and meeting kinds in Vietnamese and English.

One table per vocabulary, so an explanation, a comparison and a calendar title
name the same thing the same way.
"""

from __future__ import annotations

from steering.roles import GroupKind, Role
from steering.rules import AttendanceCondition, MeetingKind, Period

__all__ = [
    "CONDITION_WORDS",
    "GROUP_KIND_WORDS",
    "LEVEL_WORDS",
    "MEETING_WORDS",
    "PERIOD_WORDS",
    "ROLE_WORDS",
]

#: Each role's glossary term (design notes, section 3) and its English gloss.
ROLE_WORDS: dict[Role, tuple[str, str]] = {
    Role.HEAD: ("Trưởng ban", "head"),
    Role.STANDING_DEPUTY: ("Phó Trưởng ban Thường trực", "standing deputy head"),
    Role.DEPUTY: ("Phó Trưởng ban", "deputy head"),
    Role.STANDING_MEMBER: ("Ủy viên thường trực", "standing member"),
    Role.MEMBER: ("Ủy viên", "member"),
    Role.WG_LEAD: ("Tổ trưởng Tổ giúp việc", "working-group lead"),
    Role.WG_MEMBER: ("Tổ viên Tổ giúp việc", "working-group member"),
    Role.STANDING_AGENCY: ("Cơ quan thường trực", "standing agency"),
}

#: Each kind of meeting in the regulations' words ("họp định kỳ") and in English.
MEETING_WORDS: dict[MeetingKind, tuple[str, str]] = {
    MeetingKind.REGULAR: ("họp định kỳ", "regular meeting"),
    MeetingKind.EXTRAORDINARY: ("họp đột xuất", "extraordinary meeting"),
    MeetingKind.EXPANDED: ("họp mở rộng", "expanded meeting"),
}

#: Each level of government a committee sits at, in Vietnamese ("cấp tỉnh") and English.
LEVEL_WORDS: dict[str, tuple[str, str]] = {
    "national": ("trung ương", "national"),
    "ministry": ("bộ, ngành", "ministry"),
    "province": ("tỉnh", "province"),
    "district": ("huyện", "district"),
    "commune": ("xã", "commune"),
}

#: How often a periodic meeting or report recurs ("báo cáo định kỳ hàng quý"), in
#: Vietnamese and English: answers, comparisons and tables say it alike.
PERIOD_WORDS: dict[Period, tuple[str, str]] = {
    Period.MONTH: ("hàng tháng", "monthly"),
    Period.QUARTER: ("hàng quý", "quarterly"),
    Period.HALF_YEAR: ("6 tháng", "half-yearly"),
    Period.YEAR: ("hàng năm", "yearly"),
}

#: What an absence or a proxy requires, as what the member must do ("phải ..."), in
#: Vietnamese and English: the answers of `proxy` and the comparisons say it alike.
CONDITION_WORDS: dict[AttendanceCondition, tuple[str, str]] = {
    AttendanceCondition.REPORT_TO_CHAIR: ("báo cáo người chủ trì cuộc họp", "report to the chair"),
    AttendanceCondition.CHAIR_CONSENT: (
        "được sự đồng ý của người chủ trì cuộc họp",
        "have the chair's consent",
    ),
    AttendanceCondition.WRITTEN_OPINION: (
        "tham gia ý kiến bằng văn bản",
        "give a written opinion",
    ),
}

#: Each kind of helping body, in Vietnamese and English.
GROUP_KIND_WORDS: dict[GroupKind, tuple[str, str]] = {
    GroupKind.WORKING_GROUP: ("tổ giúp việc", "working group"),
    GroupKind.ADVISORY_GROUP: ("tổ tư vấn", "advisory group"),
    GroupKind.SUPPORT_OFFICE: ("bộ phận giúp việc", "support office"),
    GroupKind.SUB_COMMITTEE: ("tiểu ban", "sub-committee"),
}
