"""Vietnamese: the words of the vocabularies, the labels, and the catalogue.

Every entry of the catalogue (`SAY`) is registered by `_rulings` (a ruling's reasons) and
`_compared` (what a regulation says about a compared fact).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from steering import reasons as r
from steering.regulation import Level
from steering.roles import GroupKind, Role
from steering.rules import (
    AttendanceCondition,
    ChannelKind,
    Citation,
    MeetingKind,
    Period,
)
from steering.statements import About
from steering.text import Catalogue
from steering.text._common import cite as _cite
from steering.text._common import listed as _listed
from steering.text._common import names as _names

# -- words: one per member of the library's vocabularies ---------------------------

#: The regulations' word for every role, kind of meeting, level, cadence,
#: attendance condition and kind of group ([`steering.text.word`][steering.text.word]).
WORDS: dict[enum.Enum, str] = {
    Role.HEAD: "Trưởng ban",
    Role.STANDING_DEPUTY: "Phó Trưởng ban Thường trực",
    Role.DEPUTY: "Phó Trưởng ban",
    Role.STANDING_MEMBER: "Ủy viên thường trực",
    Role.MEMBER: "Ủy viên",
    Role.WG_LEAD: "Tổ trưởng Tổ giúp việc",
    Role.WG_MEMBER: "Tổ viên Tổ giúp việc",
    Role.STANDING_AGENCY: "Cơ quan thường trực",
    MeetingKind.REGULAR: "họp định kỳ",
    MeetingKind.EXTRAORDINARY: "họp đột xuất",
    MeetingKind.EXPANDED: "họp mở rộng",
    Level.NATIONAL: "trung ương",
    Level.MINISTRY: "bộ, ngành",
    Level.PROVINCE: "tỉnh",
    Level.DISTRICT: "huyện",
    Level.COMMUNE: "xã",
    Period.MONTH: "hàng tháng",
    Period.QUARTER: "hàng quý",
    Period.HALF_YEAR: "6 tháng",
    Period.YEAR: "hàng năm",
    AttendanceCondition.REPORT_TO_CHAIR: "báo cáo người chủ trì cuộc họp",
    AttendanceCondition.CHAIR_CONSENT: "được sự đồng ý của người chủ trì cuộc họp",
    AttendanceCondition.WRITTEN_OPINION: "tham gia ý kiến bằng văn bản",
    GroupKind.WORKING_GROUP: "tổ giúp việc",
    GroupKind.ADVISORY_GROUP: "tổ tư vấn",
    GroupKind.SUPPORT_OFFICE: "bộ phận giúp việc",
    GroupKind.SUB_COMMITTEE: "tiểu ban",
    ChannelKind.DOCUMENT_SYSTEM: "hệ thống văn bản điện tử",
    ChannelKind.DIRECT: "gửi trực tiếp",
    ChannelKind.CHAT_GROUP: "nhóm trao đổi",
    ChannelKind.MEETING: "cuộc họp",
    About.DECISION_NUMBER: "số Quyết định",
    About.SIGNED: "ngày ký",
    About.EFFECTIVE: "hiệu lực",
    About.REPLACES: "thay thế",
    About.LEVEL: "cấp",
    About.LOCALITY: "địa phương",
    About.ISSUER: "cơ quan ban hành",
    About.COMMITTEE: "tên Ban Chỉ đạo",
    About.SIGNATURE: "khối chữ ký",
    About.DEPTH: "số bậc thay thế",
    About.REPORTS_TO: "báo cáo cho",
    About.THROUGH: "thông qua",
    About.CONSULT: "xin ý kiến",
    About.PARTNERS: "chủ trì, phối hợp với",
    About.CADENCE: "kỳ báo cáo",
    About.DEADLINE: "hạn báo cáo",
    About.ANNEX: "phụ lục phân công",
}


#: The command line's and the views' labels, by key ([`steering.text.label`][steering.text.label]).
LABELS: dict[str, str] = {
    "presets": "Các bộ quy chế có sẵn",
    "posts": "Chức danh",
    "rules": "Quy tắc",
    "decision": "Quyết định",
    "no_number": "(chưa số)",
    "in_force_unknown": "Ngày ký quy chế {date}: mục nào trước khi quy chế chắc chắn có "
                        "hiệu lực thì chưa xác định (status not_specified).",
    "signed": "ký",
    "level": "cấp",
    "valid": "hợp lệ",
    "problems": "vấn đề",
    "occurrences": "mốc",
    "no_occurrences": "Không có mốc nào trong khoảng này.",
    "in_force_on_date": "Quy chế có hiệu lực từ {date} ({basis}): không có mốc nào trước đó.",
    "in_force_on_signing": "Quy chế có hiệu lực từ ngày ký, {date} ({basis}): không có "
    "mốc nào trước đó.",
    "in_force_not_specified": "Quy chế không nêu ngày có hiệu lực; ngày ký là {date} "
    "({basis}): không có mốc nào trước ngày ký.",
    "gaps": "Quy chế có nêu nhưng không cho biết ngày",
    "due": "hạn nộp",
    "no_deadline": "không quy định",
    "moved_from": "dời từ",
    "missing_cadence": "định kỳ, không nêu kỳ hạn",
    "missing_deadline": "không quy định hạn báo cáo",
    "written": "Đã ghi lịch vào",
    "in_force": "Quy chế có hiệu lực",
    "after_text": "Sau văn bản (sắp xếp đơn vị hành chính, quyết định thay thế)",
    "not_decided_from": "Từ {date}, các mốc trên không còn chắc chắn (trạng thái "
    "not_specified):",
    "succession": "Các quyết định theo thời gian",
    "not_shipped": "(không có sẵn)",
    "id": "mã",
    "role": "vai trò",
    "title": "chức danh",
    "holder": "người giữ",
    "locality": "địa phương",
    "body": "chủ thể",
    "kind": "loại",
    "opens": "từ",
    "closes": "đến",
    "cited": "căn cứ",
    "status": "trạng thái",
    "this_year": "Không nêu --from/--to: lấy năm hiện tại theo đồng hồ máy, {year}.",
    "problem": "vấn đề",
    "file": "(cả tệp)",
    "report": "báo cáo",
    # Calendar titles (steering.schedule), in the regulations' words; filled with .format.
    "and": "và",
    "title_meeting": "{name} {kind} {period}{serves}{times}",
    "title_serves": ", kiêm họp {periods}",
    "title_serves_purpose": ", kiêm {purpose}",
    "title_times": " (lần {n}/{of})",
    "title_report": "{name}: báo cáo {period}{times}",
    "title_report_before": "{name} báo cáo trước phiên họp: {sitting}",
    "period_month": "tháng {month}/{year}",
    "period_quarter": "quý {roman}/{year}",
    "period_half_1": "6 tháng đầu năm {year}",
    "period_half_2": "6 tháng cuối năm {year}",
    "period_year": "năm {year}",
    # The notebook views (steering.display).
    "view_not_specified": "không quy định",
    "view_signed": "ký",
    "view_level": "cấp",
    "view_several": "nhiều người",
    "view_also_holds": "đồng thời là",
    "view_id": "mã",
    "view_role": "vai trò",
    "view_title": "chức danh",
    "view_holder": "người giữ",
    "view_cited": "trích dẫn",
    "view_aspect": "khía cạnh",
    "view_subject": "đối tượng",
    "view_rule": "quy định",
    "view_since": "Sau văn bản",
    "view_posts": "Chức danh",
    "view_rules": "Quy định",
    "view_occurrence": "mốc",
    "view_occurrences": "mốc",
    "view_differences": "điểm khác nhau",

    # Comparisons (steering.compare): the aspects, the listing.
    "aspect_identity": "Văn bản",
    "aspect_posts": "Chức danh",
    "aspect_substitution": "Thay thế khi vắng mặt",
    "aspect_accountability": "Chịu trách nhiệm trước",
    "aspect_direction": "Chỉ đạo, phân công",
    "aspect_seals": "Con dấu",
    "aspect_signing": "Ký văn bản",
    "aspect_conveners": "Triệu tập họp",
    "aspect_meetings": "Chế độ họp",
    "aspect_attendance": "Dự họp",
    "aspect_composition": "Thành phần dự họp",
    "aspect_reports": "Chế độ báo cáo",
    "aspect_working_groups": "Tổ giúp việc",
    "aspect_standing_agency": "Cơ quan thường trực",
    "aspect_monitoring": "Theo dõi địa bàn, lĩnh vực",
    "aspect_channels": "Kênh thông tin",
    "aspect_funding": "Kinh phí",
    "aspect_working_forms": "Hình thức làm việc",
    "aspect_part_time": "Chế độ kiêm nhiệm",
    "aspect_delegations": "Ủy quyền",
    "aspect_procedures": "Thủ tục họp và quyết định",
    "compare_head": "So sánh {a} với {b}: ",
    "compare_none": "không có khác biệt.",
    "compare_one": "1 điểm khác nhau.",
    "compare_many": "{n} điểm khác nhau.",
    "heading": "phần đầu Quyết định",
}

SAY = Catalogue("vi", WORDS, LABELS)


def name(named: r.Named) -> str:
    """A post's or body's name."""
    return named.vi


def names(items: Iterable[r.Named], word: str = "và") -> str:
    """Names joined: "A, B và C"."""
    return _names(items, "vi", word)


def listed(items: Iterable[r.Named]) -> str:
    """Names separated by commas only: "A, B, C"."""
    return _listed(items, "vi")


def cite(citations: Iterable[Citation]) -> str:
    """The clauses' labels: "Điều 3 khoản 2; Điều 4"."""
    return _cite(citations, "vi")


