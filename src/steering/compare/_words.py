"""The words comparisons and tables are written in: cadences, conditions, seals, channels."""

from __future__ import annotations

from collections.abc import Iterable

from steering.regulation import Level
from steering.roles import Role
from steering.rules import (
    AttendanceRule,
    Cadence,
    Citation,
    Period,
    Seal,
    SealKind,
)
from steering.text import word

_PROCEDURE_WORDS = {
    "written_opinion": ("xin ý kiến bằng văn bản", "written opinions"),
    "conclusion_notice": ("thông báo kết luận cuộc họp", "conclusion notice"),
    "referral": ("ý kiến khác nhau báo cáo quyết định", "differing opinions referred"),
    "report_before_meeting": ("báo cáo trước mỗi phiên họp", "report before each meeting"),
}


#: Roles whose posts are compared as one class: a regulation may speak of
#: "các Ủy viên" as one plural post, or enumerate them (an annex row each).
_CLASS_ROLES = frozenset({Role.MEMBER, Role.WG_MEMBER})


_CLASS_NAMES = {
    Role.MEMBER: "các Ủy viên, Thành viên Ban Chỉ đạo",
    Role.WG_MEMBER: "các thành viên Tổ giúp việc",
}


#: The kinds of information channel the format knows, in Vietnamese and English.
_CHANNEL_WORDS = {
    "document_system": ("hệ thống văn bản điện tử", "document system"),
    "direct": ("gửi trực tiếp", "direct"),
    "chat_group": ("nhóm trao đổi", "chat group"),
    "meeting": ("cuộc họp", "meeting"),
}


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for i in items:
        seen.setdefault(i, None)
    return list(seen)


def _unique_citations(items: Iterable[Citation]) -> tuple[Citation, ...]:
    seen: dict[Citation, None] = {}
    for c in items:
        seen.setdefault(c, None)
    return tuple(seen)


_PERIOD_ORDER = {Period.MONTH: 0, Period.QUARTER: 1, Period.HALF_YEAR: 2, Period.YEAR: 3}


_PERIOD_VI = {period: word(period, "vi") for period in Period}


_PERIOD_EN = {period: word(period, "en") for period in Period}


_PERIOD_UNIT_VI = {Period.MONTH: "tháng", Period.QUARTER: "quý", Period.HALF_YEAR: "6 tháng",
                   Period.YEAR: "năm"}


_PERIOD_UNIT_EN = {Period.MONTH: "month", Period.QUARTER: "quarter",
                   Period.HALF_YEAR: "half-year", Period.YEAR: "year"}


def _cadence_key(c: Cadence) -> str:
    return f"{c.period.value}x{c.times}"


def _cadence_words(c: Cadence, lang: str) -> str:
    if c.times == 1:
        return (_PERIOD_VI if lang == "vi" else _PERIOD_EN)[c.period]
    if lang == "vi":
        return f"{c.times} lần/{_PERIOD_UNIT_VI[c.period]}"
    return f"{c.times} times a {_PERIOD_UNIT_EN[c.period]}"


def _sorted_cadences(cs: Iterable[Cadence]) -> list[Cadence]:
    return sorted(set(cs), key=lambda c: (_PERIOD_ORDER[c.period], c.times))




_LEVEL_VI = {level.value: word(level, "vi") for level in Level}


def seal_words(seal: Seal, lang: str = "vi") -> str:
    """A seal in words: ``"con dấu của UBND tỉnh"`` / ``"the seal of UBND tỉnh"``."""
    if seal.kind is SealKind.NONE:
        return "không sử dụng con dấu riêng" if lang == "vi" else "no seal of its own"
    if seal.kind is SealKind.OWN_AGENCY:
        return "con dấu của cơ quan mình" if lang == "vi" else "the seal of the holder's own agency"
    return f"con dấu của {seal.agency}" if lang == "vi" else f"the seal of {seal.agency}"


def _attendance_words(rule: AttendanceRule) -> tuple[str, str, str]:
    """An attendance rule as a comparable value and Vietnamese and English words."""
    proxy = {True: "yes", False: "no", None: "?"}[rule.proxy_allowed]
    value = "|".join((
        "must" if rule.must_attend else "",
        "+".join(sorted(c.value for c in rule.absence_conditions)),
        proxy,
        "+".join(sorted(c.value for c in rule.proxy_conditions)),
    ))
    vi = ["phải dự đầy đủ" if rule.must_attend else "không bắt buộc dự"]
    en = ["must attend" if rule.must_attend else "attendance not required"]
    if rule.absence_conditions:
        vi.append("vắng phải " + ", ".join(word(c, "vi") for c in rule.absence_conditions))
        en.append(
            "if absent, must " + ", ".join(word(c, "en") for c in rule.absence_conditions)
        )
    conds_vi = ", ".join(word(c, "vi") for c in rule.proxy_conditions)
    conds_en = ", ".join(word(c, "en") for c in rule.proxy_conditions)
    if rule.proxy_allowed is None:
        vi.append("dự thay: không quy định")
        en.append("proxy: not specified")
    elif rule.proxy_allowed:
        vi.append("được cử người dự thay" + (f" ({conds_vi})" if conds_vi else ""))
        en.append("may send a proxy" + (f" (provided they {conds_en})" if conds_en else ""))
    else:
        vi.append("không được cử người dự thay")
        en.append("no proxy")
    return value, "; ".join(vi), "; ".join(en)
