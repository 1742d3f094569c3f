"""Compare regulations: every structural difference between two, and a table of many.

[`compare`][steering.compare.compare] lines two regulations up fact by fact (posts, substitution,
accountability, seals, conveners, cadences, reports, working groups, standing
agency, monitoring, channels, funding, identity) and returns a
[`Comparison`][steering.compare.Comparison] whose every [`Difference`][steering.compare.Difference]
carries the citations of
both sides. A side where the regulation is silent is *not specified* and has no
citation.

Facts are matched across regulations by meaning, not by file ids: a post is
known by its role (and, where a regulation has several posts of one role, by
the office that holds it), a working group by its kind, a body by its name.

[`table`][steering.compare.table] summarises many regulations as plain rows, one per regulation,
or as a pandas DataFrame when the ``pandas`` extra is installed.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from steering._escape import visible
from steering._text import fold, vi_date
from steering._vocab import GROUP_KIND_WORDS, LEVEL_WORDS, MEETING_WORDS, ROLE_WORDS
from steering.errors import ArgumentTypeError, QueryError
from steering.regulation import EffectiveKind, Regulation
from steering.roles import COMMITTEE, GroupKind, Post, Role
from steering.rules import (
    AttendanceCondition,
    AttendanceRule,
    Cadence,
    Citation,
    MeetingKind,
    Period,
    ReportRule,
    Seal,
    SealKind,
    SealRule,
    SigningRule,
    TargetKind,
)

__all__ = [
    "COLUMNS",
    "Aspect",
    "Change",
    "Comparison",
    "Difference",
    "Side",
    "aspect_label",
    "compare",
    "facts",
    "seal_words",
    "table",
]

_LANGS = ("vi", "en")


class Aspect(enum.StrEnum):
    """What part of a regulation a difference is about, in the order comparisons list them."""

    IDENTITY = "identity"
    POSTS = "posts"
    SUBSTITUTION = "substitution"
    ACCOUNTABILITY = "accountability"
    DIRECTION = "direction"
    SEALS = "seals"
    SIGNING = "signing"
    CONVENERS = "conveners"
    MEETINGS = "meetings"
    ATTENDANCE = "attendance"
    COMPOSITION = "composition"
    REPORTS = "reports"
    WORKING_GROUPS = "working_groups"
    STANDING_AGENCY = "standing_agency"
    MONITORING = "monitoring"
    CHANNELS = "channels"
    FUNDING = "funding"
    WORKING_FORMS = "working_forms"
    PART_TIME = "part_time"
    DELEGATIONS = "delegations"
    PROCEDURES = "procedures"


_ASPECT_LABELS: dict[Aspect, tuple[str, str]] = {
    Aspect.IDENTITY: ("Văn bản", "Document"),
    Aspect.POSTS: ("Chức danh", "Posts"),
    Aspect.SUBSTITUTION: ("Thay thế khi vắng mặt", "Substitution when absent"),
    Aspect.ACCOUNTABILITY: ("Chịu trách nhiệm trước", "Accountable to"),
    Aspect.DIRECTION: ("Chỉ đạo, phân công", "Directs"),
    Aspect.SEALS: ("Con dấu", "Seal"),
    Aspect.SIGNING: ("Ký văn bản", "Signing"),
    Aspect.CONVENERS: ("Triệu tập họp", "Convening"),
    Aspect.MEETINGS: ("Chế độ họp", "Meetings"),
    Aspect.ATTENDANCE: ("Dự họp", "Attendance"),
    Aspect.COMPOSITION: ("Thành phần dự họp", "Who attends"),
    Aspect.REPORTS: ("Chế độ báo cáo", "Reports"),
    Aspect.WORKING_GROUPS: ("Tổ giúp việc", "Working groups"),
    Aspect.STANDING_AGENCY: ("Cơ quan thường trực", "Standing agency"),
    Aspect.MONITORING: ("Theo dõi địa bàn, lĩnh vực", "Monitoring"),
    Aspect.CHANNELS: ("Kênh thông tin", "Channels"),
    Aspect.FUNDING: ("Kinh phí", "Funding"),
    Aspect.WORKING_FORMS: ("Hình thức làm việc", "Working forms"),
    Aspect.PART_TIME: ("Chế độ kiêm nhiệm", "Part-time"),
    Aspect.DELEGATIONS: ("Ủy quyền", "Delegations"),
    Aspect.PROCEDURES: ("Thủ tục họp và quyết định", "Procedures"),
}

_ORDER = {a: i for i, a in enumerate(Aspect)}
_PROCEDURE_WORDS = {
    "written_opinion": ("xin ý kiến bằng văn bản", "written opinions"),
    "conclusion_notice": ("thông báo kết luận cuộc họp", "conclusion notice"),
    "referral": ("ý kiến khác nhau báo cáo quyết định", "differing opinions referred"),
    "report_before_meeting": ("báo cáo trước mỗi phiên họp", "report before each meeting"),
}


def aspect_label(aspect: Aspect | str, lang: str = "vi") -> str:
    """What an aspect is called in ``lang``: ``"Con dấu"`` / ``"Seal"``."""
    _check_lang(lang)
    vi, en = _ASPECT_LABELS[Aspect(aspect)]
    return vi if lang == "vi" else en

#: Roles whose posts are compared as one class: a regulation may speak of
#: "các Ủy viên" as one plural post, or enumerate them (an annex row each).
_CLASS_ROLES = frozenset({Role.MEMBER, Role.WG_MEMBER})
_CLASS_NAMES = {
    Role.MEMBER: "các Ủy viên, Thành viên Ban Chỉ đạo",
    Role.WG_MEMBER: "các thành viên Tổ giúp việc",
}

_NOT_SPECIFIED = {"vi": "không quy định", "en": "not specified"}

#: The kinds of information channel the format knows, in Vietnamese and English.
_CHANNEL_WORDS = {
    "document_system": ("hệ thống văn bản điện tử", "document system"),
    "direct": ("gửi trực tiếp", "direct"),
    "chat_group": ("nhóm trao đổi", "chat group"),
    "meeting": ("cuộc họp", "meeting"),
}


def _check_lang(lang: str) -> None:
    if lang not in _LANGS:
        raise QueryError(f"unknown language {lang!r}; allowed: {', '.join(_LANGS)}")


@attrs.frozen(kw_only=True)
class Side:
    """What one regulation says about a fact.

    Attributes:
        specified: Whether the regulation says anything about it.
        value: A comparable form of what it says (ids by meaning, folded
            names); empty when not specified.
        text_vi: What it says, in Vietnamese, in the regulation's own words.
        text_en: The same in English (names of posts and bodies stay Vietnamese).
        citations: The clauses it says it in; empty when not specified, and for
            the few facts read off the decision's heading (number, locality).

    """

    specified: bool
    value: tuple[str, ...] = ()
    text_vi: str = _NOT_SPECIFIED["vi"]
    text_en: str = _NOT_SPECIFIED["en"]
    citations: tuple[Citation, ...] = ()

    def text(self, lang: str = "vi") -> str:
        """What the regulation says, in ``lang`` (``"vi"`` or ``"en"``)."""
        _check_lang(lang)
        return self.text_vi if lang == "vi" else self.text_en

    def cited(self, lang: str = "vi") -> str:
        """What the regulation says followed by where: ``"... (Điều 7 khoản 1)"``."""
        text = self.text(lang)
        if not self.specified:
            return text
        if self.citations:
            where = "; ".join(_unique(c.label(lang) for c in self.citations))
        else:
            where = "phần đầu Quyết định" if lang == "vi" else "the decision's heading"
        return f"{text} ({where})"


_MISSING = Side(specified=False)
#: A side whose regulation has no post matching the one the fact is about (a deputy
#: of one province with no counterpart in the other): not "not specified".
_NO_COUNTERPART = Side(specified=False, text_vi="không có chức danh hay chủ thể tương ứng",
                       text_en="no counterpart (no such post or body)")
_SUBJECT_END = re.compile(r"[>:]")


class Change(enum.StrEnum):
    """How a fact changes from the first regulation to the second."""

    ADDED = "added"  # only the second regulation specifies it
    REMOVED = "removed"  # only the first regulation specifies it
    CHANGED = "changed"  # both specify it, differently


@attrs.frozen(kw_only=True)
class Difference:
    """One fact on which two regulations differ, with what each says and where.

    Attributes:
        aspect: What part of the regulation the fact belongs to.
        key: A stable key for the fact (``"seals:committee"``), the same across
            regulations.
        subject_vi: What the fact is about, in Vietnamese ("Trưởng ban").
        subject_en: What the fact is about, in English (names stay Vietnamese).
        a: What the first regulation says.
        b: What the second regulation says.

    """

    aspect: Aspect
    key: str
    subject_vi: str
    subject_en: str
    a: Side
    b: Side

    @property
    def change(self) -> Change:
        """Added, removed or changed, reading from ``a`` to ``b``."""
        if not self.a.specified:
            return Change.ADDED
        if not self.b.specified:
            return Change.REMOVED
        return Change.CHANGED

    def label(self, lang: str = "vi") -> str:
        """The row heading: ``"Con dấu: Ban Chỉ đạo"``."""
        _check_lang(lang)
        vi, en = _ASPECT_LABELS[self.aspect]
        head = vi if lang == "vi" else en
        subject = self.subject_vi if lang == "vi" else self.subject_en
        return f"{head}: {subject}" if subject else head


@attrs.frozen(kw_only=True)
class Comparison:
    """Every structural difference between two regulations, each cited on both sides.

    Attributes:
        a: The first regulation's id.
        b: The second regulation's id.
        a_title: How the first regulation is named in renderings.
        b_title: How the second regulation is named in renderings.
        differences: The differences, ordered by aspect then key.

    """

    a: str
    b: str
    a_title: str
    b_title: str
    differences: tuple[Difference, ...]

    def __len__(self) -> int:
        return len(self.differences)

    def __iter__(self) -> Iterator[Difference]:
        return iter(self.differences)

    def __getitem__(self, index: int) -> Difference:
        """The ``index``-th difference (``comparison[0]``), as in a sequence."""
        return self.differences[index]

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """The comparison as plain JSON data: the form of ``steering compare --json``."""
        return {"a": self.a, "b": self.b, "count": len(self), "differences": list(self.rows(lang))}

    def to_json(self, lang: str = "vi", *, indent: int | None = 2) -> str:
        """`to_dict` as JSON text (Vietnamese kept as written)."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent)

    @property
    def same(self) -> bool:
        """Whether no structural difference was found."""
        return not self.differences

    def aspect(self, aspect: Aspect | str) -> tuple[Difference, ...]:
        """The differences about one aspect (``"seals"``, ``"reports"`` ...)."""
        try:
            want = Aspect(aspect)
        except (ValueError, TypeError):
            allowed = ", ".join(a.value for a in Aspect)
            raise QueryError(f"aspect: found {visible(repr(aspect))[:60]}; allowed: one of "
                             f"{allowed}") from None
        return tuple(d for d in self.differences if d.aspect is want)

    def get(self, key: str) -> Difference | None:
        """The difference with this key, or ``None`` when the regulations agree on it."""
        for d in self.differences:
            if d.key == key:
                return d
        return None

    def explain(self, lang: str = "vi") -> str:
        """A readable listing: one block per difference, each side with its citations."""
        _check_lang(lang)
        if lang == "vi":
            head = f"So sánh {self.a_title} với {self.b_title}: "
            head += f"{len(self)} điểm khác nhau." if self.differences else "không có khác biệt."
        else:
            n = len(self)
            head = f"Comparing {self.a_title} with {self.b_title}: "
            head += f"{n} difference{'s' if n != 1 else ''}." if n else "no differences."
        lines = [head]
        for d in self.differences:
            lines.append("")
            lines.append(f"[{d.label(lang)}]")
            lines.append(f"  {self.a}: {d.a.cited(lang)}")
            lines.append(f"  {self.b}: {d.b.cited(lang)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain("vi")

    def rows(self, lang: str = "vi") -> tuple[dict[str, Any], ...]:
        """The differences as plain rows (for JSON, CSV or a DataFrame)."""
        _check_lang(lang)
        out = []
        for d in self.differences:
            row: dict[str, Any] = {
                "aspect": d.aspect.value,
                "key": d.key,
                "subject": d.subject_vi if lang == "vi" else d.subject_en,
                "change": d.change.value,
            }
            for name, side in (("a", d.a), ("b", d.b)):
                row[name] = {
                    "specified": side.specified,
                    "text": side.text(lang),
                    "value": list(side.value),
                    "citations": [_citation_dict(c) for c in side.citations],
                    # As the text output shows it, with where it is said: a fact read off
                    # the decision's heading has no clause to cite, but says so here.
                    "cited": side.cited(lang),
                }
            out.append(row)
        return tuple(out)

    def to_pandas(self, lang: str = "vi") -> Any:
        """The differences as a pandas DataFrame (needs the ``pandas`` extra).

        Raises:
            QueryError: pandas is not installed.

        """
        pd = _pandas()
        records = [
            {
                "aspect": d.aspect.value,
                "key": d.key,
                "subject": d.subject_vi if lang == "vi" else d.subject_en,
                "change": d.change.value,
                self.a: d.a.text(lang),
                f"{self.a} (cited)": "; ".join(c.label(lang) for c in d.a.citations),
                self.b: d.b.text(lang),
                f"{self.b} (cited)": "; ".join(c.label(lang) for c in d.b.citations),
            }
            for d in self.differences
        ]
        return pd.DataFrame.from_records(records)

    def _repr_html_(self) -> str:
        from steering._display import comparison_html  # noqa: PLC0415 - display loads lazily

        return comparison_html(self)


def _citation_dict(c: Citation) -> dict[str, Any]:
    return {
        "document": c.document,
        "article": c.article,
        "clause": c.clause,
        "point": c.point,
        "quote": c.quote,
    }


def _pandas() -> Any:
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra, imported only on demand
    except ImportError:
        raise QueryError(
            "pandas is not installed; install the extra with: pip install -e '.[pandas]' "
            "(from a clone)"
        ) from None
    return pd


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


# ----------------------------------------------------------------- words

_PERIOD_ORDER = {Period.MONTH: 0, Period.QUARTER: 1, Period.HALF_YEAR: 2, Period.YEAR: 3}
_PERIOD_VI = {
    Period.MONTH: "hàng tháng",
    Period.QUARTER: "hàng quý",
    Period.HALF_YEAR: "06 tháng",
    Period.YEAR: "hàng năm",
}
_PERIOD_EN = {
    Period.MONTH: "monthly",
    Period.QUARTER: "quarterly",
    Period.HALF_YEAR: "half-yearly",
    Period.YEAR: "yearly",
}
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


_CONDITION_VI = {
    AttendanceCondition.REPORT_TO_CHAIR: "báo cáo người chủ trì",
    AttendanceCondition.CHAIR_CONSENT: "được người chủ trì đồng ý",
    AttendanceCondition.WRITTEN_OPINION: "có ý kiến bằng văn bản",
}
_CONDITION_EN = {
    AttendanceCondition.REPORT_TO_CHAIR: "report to the chair",
    AttendanceCondition.CHAIR_CONSENT: "the chair's consent",
    AttendanceCondition.WRITTEN_OPINION: "a written opinion",
}
_LEVEL_VI = {level: words[0] for level, words in LEVEL_WORDS.items()}


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
        vi.append("vắng phải " + ", ".join(_CONDITION_VI[c] for c in rule.absence_conditions))
        en.append("absence needs " + ", ".join(_CONDITION_EN[c] for c in rule.absence_conditions))
    conds_vi = ", ".join(_CONDITION_VI[c] for c in rule.proxy_conditions)
    conds_en = ", ".join(_CONDITION_EN[c] for c in rule.proxy_conditions)
    if rule.proxy_allowed is None:
        vi.append("dự thay: không quy định")
        en.append("proxy: not specified")
    elif rule.proxy_allowed:
        vi.append("được cử người dự thay" + (f" ({conds_vi})" if conds_vi else ""))
        en.append("may send a proxy" + (f" ({conds_en})" if conds_en else ""))
    else:
        vi.append("không được cử người dự thay")
        en.append("no proxy")
    return value, "; ".join(vi), "; ".join(en)


# ----------------------------------------------------------------- facts


@attrs.frozen(kw_only=True)
class _Fact:
    aspect: Aspect
    key: str
    subject_vi: str
    subject_en: str
    side: Side


class _Reader:
    """Reads one regulation into facts keyed by meaning."""

    def __init__(self, reg: Regulation) -> None:
        self.reg = reg
        self.facts: dict[str, _Fact] = {}
        by_role: dict[Role, list[Post]] = {}
        for p in reg.posts:
            by_role.setdefault(p.role, []).append(p)
        self._by_role = by_role
        titles: dict[str, int] = {}
        for p in reg.posts:
            titles[fold(p.title)] = titles.get(fold(p.title), 0) + 1
        self._title_count = titles
        kinds: dict[GroupKind, int] = {}
        for g in reg.working_groups:
            kinds[g.kind] = kinds.get(g.kind, 0) + 1
        self._group_kinds = kinds
        roles = list(Role)
        rank: dict[str, tuple[int, int, int]] = {}
        for i, p in enumerate(reg.posts):
            rank[p.id] = (0, roles.index(p.role), i)
        for i, g in enumerate(reg.working_groups):
            rank[g.id] = (1, 0, i)
        for i, b in enumerate(reg.bodies):
            rank[b.id] = (2, 0, i)
        rank[COMMITTEE] = (3, 0, 0)
        self._rank = rank
        # Keys and names, each computed once (a regulation is immutable).
        self._keys: dict[str, str] = {}
        self._names: dict[str, str] = {}

    # -- keys and names ------------------------------------------------------

    def key(self, node: str) -> str:
        """A key for a post, group, body or the committee that means the same across regulations."""
        found = self._keys.get(node)
        if found is None:
            found = self._keys[node] = self._key(node)
        return found

    def _key(self, node: str) -> str:  # noqa: PLR0911 - one return per kind of node
        reg = self.reg
        if node == COMMITTEE:
            return COMMITTEE
        for p in reg.posts:
            if p.id == node:
                if len(self._by_role[p.role]) == 1 or p.role in _CLASS_ROLES:
                    return p.role.value
                return self.specific_key(node)
        for g in reg.working_groups:
            if g.id == node:
                if self._group_kinds[g.kind] == 1:
                    return g.kind.value
                return f"{g.kind.value}[{fold(g.name)}]"
        for b in reg.bodies:
            if b.id == node:
                return f"body[{fold(b.name)}]"
        for c in reg.collectives:
            if c.id == node:
                return f"collective[{fold(c.name)}]"
        return f"?{node}"

    def specific_key(self, node: str) -> str:
        """Like `key`, but one key per post even for members (annex rows)."""
        for p in self.reg.posts:
            if p.id == node:
                if len(self._by_role[p.role]) == 1:
                    return p.role.value
                return f"{p.role.value}[{fold(p.office or p.agency or p.title)}]"
        return self.key(node)

    def name(self, node: str) -> str:
        """The regulation's words for a node; a class of members is named as a class."""
        found = self._names.get(node)
        if found is None:
            found = self._names[node] = self._name(node)
        return found

    def _name(self, node: str) -> str:
        for p in self.reg.posts:
            if p.id == node and p.role in _CLASS_ROLES and len(self._by_role[p.role]) > 1:
                n = len(self._by_role[p.role])
                return f"{_CLASS_NAMES[p.role]} ({n})"
        return self.own_name(node)

    def own_name(self, node: str) -> str:
        """The regulation's words for one node, with the office where titles repeat."""
        reg = self.reg
        if node == COMMITTEE:
            return reg.committee.kind.word("vi")
        for p in reg.posts:
            if p.id == node:
                extra = p.office or p.agency
                if self._title_count[fold(p.title)] > 1 and extra:
                    return f"{p.title} ({extra})"
                return p.title
        try:
            return reg.name_of(node)
        except KeyError:
            return node

    def names(self, nodes: Iterable[str]) -> str:
        return ", ".join(_unique(self.name(n) for n in self._by_key(nodes)))

    def keys(self, nodes: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted({self.key(n) for n in nodes}))

    def _in_rank(self, item: tuple[str, tuple[Any, ...]]) -> tuple[Any, ...]:
        """Sort key for ``(fact key, (node, ...))`` pairs: the node's rank, then the key."""
        key, (node, *_) = item
        return (*self._rank.get(node, (9, 0, 0)), key)

    def _by_key(self, nodes: Iterable[str]) -> list[str]:
        """Nodes in the regulation's own order: posts by rank, then groups, bodies, committee."""
        return sorted(set(nodes), key=lambda n: (*self._rank.get(n, (9, 0, 0)), self.key(n), n))

    # -- recording -------------------------------------------------------------

    def add(  # noqa: PLR0917 - every fact has the same seven parts, in one order
        self,
        aspect: Aspect,
        key: str,
        subject: tuple[str, str],
        value: tuple[str, ...],
        vi: str,
        en: str,
        citations: Iterable[Citation],
    ) -> None:
        full = f"{aspect.value}:{key}" if key else aspect.value
        self.facts[full] = _Fact(
            aspect=aspect,
            key=full,
            subject_vi=subject[0],
            subject_en=subject[1],
            side=Side(
                specified=True,
                value=value,
                text_vi=vi,
                text_en=en,
                citations=_unique_citations(citations),
            ),
        )

    def node_keys(self) -> set[str]:
        """The keys of every post, group and body of the regulation."""
        return {self.key(n) for n in self.reg.node_ids()}

    def subject(self, node: str) -> tuple[str, str]:
        name = self.name(node)
        return name, name

    # -- aspects ---------------------------------------------------------------

    def read(self, *, for_table: bool = False) -> dict[str, _Fact]:
        """Every fact of the regulation (``for_table``: only those `table` cells show)."""
        if for_table:
            for step in (self.substitution, self.seals, self.conveners, self.meetings,
                         self.standing_agency):
                step()
            return self.facts
        for step in (
            self.identity,
            self.posts,
            self.substitution,
            self.accountability,
            self.direction,
            self.seals,
            self.signing,
            self.conveners,
            self.meetings,
            self.attendance,
            self.composition,
            self.reports,
            self.working_groups,
            self.standing_agency,
            self.monitoring,
            self.channels,
            self.funding,
            self.committee_forms,
            self.delegations,
            self.notices,
            self.procedures,
            self.collectives,
        ):
            step()
        return self.facts

    def identity(self) -> None:
        idn = self.reg.identity
        a = Aspect.IDENTITY
        number = idn.decision_number
        unknown_number = "decision_number" in idn.unknown
        self.add(a, "decision_number", ("số Quyết định", "decision number"),
                 (number or ("unknown" if unknown_number else ""),),
                 number or ("(chưa rõ)" if unknown_number else "(để trống)"),
                 number or ("(unknown)" if unknown_number else "(left blank)"), ())
        cites = (idn.signed_citation,) if idn.signed_citation is not None else ()
        if idn.signed is None:
            self.add(a, "signed", ("ngày ký", "signed"), ("unknown",), idn.signed_text("vi"),
                     idn.signed_text("en"), cites)
        else:
            signed = str(idn.signed)
            partial_vi = "" if idn.signed.complete else " (chưa đủ ngày tháng)"
            partial_en = "" if idn.signed.complete else " (incomplete date)"
            self.add(a, "signed", ("ngày ký", "signed"), (signed,),
                     vi_date(idn.signed) + partial_vi, signed + partial_en, cites)
        eff = idn.effective
        if eff.kind is not EffectiveKind.NOT_SPECIFIED:
            date = str(eff.date) if eff.date else ""
            if eff.kind is EffectiveKind.ON_SIGNING:
                date = ""  # the signing date is its own fact
                vi, en = "có hiệu lực kể từ ngày ký", "in force from signing"
            else:
                vi, en = f"có hiệu lực từ {vi_date(eff.date)}", f"in force from {date}"
            self.add(a, "effective", ("hiệu lực", "effective"), (eff.kind.value, date), vi, en,
                     (eff.citation,) if eff.citation else ())
        if idn.replaces:
            numbers = tuple(r.number for r in idn.replaces)
            words = "; ".join(
                f"{r.number}" + (f" ngày {vi_date(r.date)}" if r.date else "") for r in idn.replaces
            )
            words_en = "; ".join(
                f"{r.number}" + (f" of {r.date}" if r.date else "") for r in idn.replaces
            )
            self.add(a, "replaces", ("thay thế", "replaces"), numbers, words, words_en,
                     (r.citation for r in idn.replaces))
        self.add(a, "level", ("cấp", "level"), (idn.level.value,),
                 _LEVEL_VI.get(idn.level.value, idn.level.value), idn.level.value, ())
        self.add(a, "locality", ("địa phương", "locality"), (fold(idn.locality),),
                 idn.locality, idn.locality, ())
        if idn.issuer:
            self.add(a, "issuer", ("cơ quan ban hành", "issuer"), (fold(idn.issuer),),
                     idn.issuer, idn.issuer, ())
        name = self.reg.committee.name
        if name:
            self.add(a, "committee", ("tên Ban Chỉ đạo", "committee name"), (fold(name),),
                     name, name, ())
        sig = idn.signature
        if sig is not None:
            # The block as printed: its capacity lines, then the signer's office line
            # ("TRƯỞNG BAN / CHỦ TỊCH UBND TỈNH"), which the model keeps apart.
            printed = sig.lines
            if sig.office and (not printed or fold(printed[-1]) != fold(sig.office)):
                printed = (*printed, sig.office)
            lines = " / ".join(printed)
            self.add(a, "signature", ("khối chữ ký", "signature block"),
                     (*(fold(x) for x in printed), sig.form.value), lines, lines,
                     (sig.citation,))

    def posts(self) -> None:
        for role in Role:
            posts = self._by_role.get(role, [])
            if not posts:
                continue
            # One person holding two posts (concurrent_with) is a fact of the post too.
            also = {p.id: sorted(self.reg.post(c).role.value for c in p.concurrent_with)
                    for p in posts}
            value = tuple(sorted(
                f"{fold(p.title)}|{fold(p.office or p.agency)}|{'*' if p.plural else ''}"
                + (f"|#{p.count}" if p.count is not None else "")
                + (f"|={'+'.join(also[p.id])}" if also[p.id] else "")
                for p in posts
            ))
            vi_items, en_items = [], []
            for p in posts:
                extra = p.office or p.agency
                shown = extra and fold(extra) not in fold(p.title)
                vi = p.title + (f" ({extra})" if shown else "")
                en = vi
                if p.plural and not p.count and "count" in p.unknown:
                    vi += " [số người chưa rõ]"
                    en += " [number unknown]"
                elif p.plural:
                    vi += f" [{p.count} người]" if p.count else " [nhiều người]"
                    en += f" [{p.count} people]" if p.count else " [several people]"
                if p.concurrent_with:
                    titles = "; ".join(self.reg.post(c).title for c in p.concurrent_with)
                    vi += f" [đồng thời là {titles}]"
                    en += f" [also {titles}]"
                vi_items.append(vi)
                en_items.append(en)
            cites = [p.citation for p in posts]
            cites += [p.holder.citation for p in posts if p.holder]
            n = len(posts)
            self.add(Aspect.POSTS, role.value, ROLE_WORDS[role], value,
                     f"{n}: " + "; ".join(vi_items), f"{n}: " + "; ".join(en_items), cites)

    def substitution(self) -> None:
        principals: dict[str, list[Any]] = {}
        for s in self.reg.substitutions:
            principals.setdefault(s.principal, []).append(s)
        for principal, rules in principals.items():
            rules.sort(key=lambda s: s.rank)
            order = tuple(
                f"{'+'.join(self.keys(s.also_absent))}>{'+'.join(self.keys(s.substitutes))}"
                for s in rules
            )
            vi_parts, en_parts = [], []
            for i, s in enumerate(rules, 1):
                subs = self.names(s.substitutes)
                if s.also_absent:
                    vi_parts.append(f"{i}) khi {self.names(s.also_absent)} cũng vắng: {subs}")
                    en_parts.append(f"{i}) if {self.names(s.also_absent)} is also absent: {subs}")
                else:
                    vi_parts.append(f"{i}) {subs}")
                    en_parts.append(f"{i}) {subs}")
            key = self.key(principal)
            subject = self.subject(principal)
            cites = [s.citation for s in rules]
            self.add(Aspect.SUBSTITUTION, f"{key}:order", subject, order,
                     "; ".join(vi_parts), "; ".join(en_parts), cites)
            depth = len(rules)
            self.add(Aspect.SUBSTITUTION, f"{key}:depth",
                     (f"{subject[0]} (số bậc thay thế)", f"{subject[1]} (substitution depth)"),
                     (str(depth),), f"{depth} bậc", f"{depth} tier{'s' if depth != 1 else ''}",
                     cites)

    def _relation(
        self,
        aspect: Aspect,
        pairs: Iterable[tuple[str, tuple[str, ...], Citation]],
    ) -> None:
        grouped: dict[str, tuple[str, set[str], list[Citation]]] = {}
        for subject, targets, cite in pairs:
            k = self.key(subject)
            _, tset, cites = grouped.setdefault(k, (subject, set(), []))
            tset.update(targets)
            cites.append(cite)
        for k, (subject, tset, cites) in sorted(grouped.items(), key=self._in_rank):
            words = self.names(tset)
            self.add(aspect, k, self.subject(subject), self.keys(tset), words, words, cites)

    def accountability(self) -> None:
        self._relation(
            Aspect.ACCOUNTABILITY, ((a.subject, a.to, a.citation) for a in self.reg.accountability)
        )

    def direction(self) -> None:
        self._relation(
            Aspect.DIRECTION,
            ((s, d.objects, d.citation) for d in self.reg.directions for s in d.subjects),
        )

    def seals(self) -> None:
        grouped: dict[str, tuple[str, list[SealRule]]] = {}
        for rule in self.reg.seals:
            for post in rule.posts:
                grouped.setdefault(self.key(post), (post, []))[1].append(rule)
        for k, (post, rules) in sorted(grouped.items(), key=self._in_rank):
            value = tuple(sorted({
                f"{r.seal.kind.value}:{fold(r.seal.agency)}:"
                f"{'+'.join(sorted(fold(d) for d in r.documents))}"
                + (f"+{fold(r.scope)}" if r.scope else "") + (":may" if r.permitted else "")
                for r in rules
            }))
            # The kinds as the clause lists them, then its open tail (Vũng Tàu Điều 7 khoản 8).
            vi = "; ".join(_unique(
                ("được sử dụng " if r.permitted else "") + seal_words(r.seal, "vi") + (
                    f" (cho {', '.join(r.documents)}{' và ' + r.scope if r.scope else ''})"
                    if r.documents else "")
                for r in rules
            ))
            en = "; ".join(_unique(
                ("may use " if r.permitted else "") + seal_words(r.seal, "en") + (
                    f" (for {', '.join(r.documents)}{' and «' + r.scope + '»' if r.scope else ''})"
                    if r.documents else "")
                for r in rules
            ))
            self.add(Aspect.SEALS, k, self.subject(post), value, vi, en,
                     (r.citation for r in rules))

    def signing(self) -> None:
        grouped: dict[str, tuple[str, list[SigningRule]]] = {}
        for rule in self.reg.signing:
            for post in rule.posts:
                grouped.setdefault(self.key(post), (post, []))[1].append(rule)
        for k, (post, rules) in sorted(grouped.items(), key=self._in_rank):
            # The kinds in the text's order (Vũng Tàu Điều 7 khoản 8 numbers them 1-4),
            # then an open-ended tail ("và các trường hợp khác ...") if the clause has one.
            docs = _unique(d for r in rules for d in r.documents)
            scopes = _unique(r.scope for r in rules if r.scope)
            value: tuple[str, ...]
            if any(not r.documents for r in rules):
                vi, en, value = "mọi văn bản thuộc thẩm quyền", "all documents of its remit", ("*",)
            else:
                vi = en = ", ".join(docs)
                if scopes:
                    vi += " và " + " và ".join(scopes)
                    en += " and «" + "», «".join(scopes) + "»"
                value = (*sorted(fold(d) for d in docs), *(f"+{fold(x)}" for x in scopes))
            self.add(Aspect.SIGNING, k, self.subject(post), value, vi, en,
                     (r.citation for r in rules))

    def conveners(self) -> None:
        grouped: dict[str, list[Any]] = {}
        for rule in self.reg.convening:
            grouped.setdefault(f"{self.key(rule.body)}:{rule.meeting.value}", []).append(rule)
        for k, rules in sorted(grouped.items()):
            body, meeting = rules[0].body, rules[0].meeting
            conveners = {c for r in rules for c in r.conveners}
            proposers = {c for r in rules for c in r.on_proposal_of}
            # Only the conveners of a clause that says "triệu tập và chủ trì" chair:
            # Thanh Hóa 2024 Điều 3 khoản 3 has the Trưởng Ban chair, while Điều 7
            # khoản 1 lets the deputies call extraordinary meetings, not chair them.
            chairs = {c for r in rules if r.chairs for c in r.conveners}
            value = (
                "+".join(self.keys(conveners)),
                "+".join(self.keys(proposers)),
                "+".join(self.keys(chairs)),
            )
            vi = self.names(conveners) or "(không nêu)"
            en = self.names(conveners) or "(none named)"
            if proposers:
                vi += f"; theo đề nghị của {self.names(proposers)}"
                en += f"; on the proposal of {self.names(proposers)}"
            if chairs == conveners:
                vi += "; triệu tập và chủ trì"
                en += "; convenes and chairs"
            elif chairs:
                vi += f"; {self.names(chairs)} chủ trì"
                en += f"; {self.names(chairs)} chairs"
            subject = (f"{self.name(body)}, {MEETING_WORDS[meeting][0]}",
                       f"{self.name(body)}, {MEETING_WORDS[meeting][1]}")
            self.add(Aspect.CONVENERS, k, subject, value, vi, en, (r.citation for r in rules))

    def meetings(self) -> None:
        grouped: dict[str, list[Any]] = {}
        for rule in self.reg.meetings:
            grouped.setdefault(f"{self.key(rule.body)}:{rule.kind.value}", []).append(rule)
        for k, rules in sorted(grouped.items()):
            body, kind = rules[0].body, rules[0].kind
            cadences = _sorted_cadences(c for r in rules for c in r.cadences)
            conditions = _unique(r.condition for r in rules if r.condition)
            # Who takes part besides the members ("cùng với Ban Chỉ đạo các bộ, ngành ...").
            joint = _unique(r.participants for r in rules if r.participants)
            # Purposes some sittings also serve (the six-month review), with their participants.
            purposes = [pu for r in rules for pu in r.purposes]
            value = (
                "+".join(_cadence_key(c) for c in cadences),
                *sorted(fold(c) for c in conditions),
                *sorted(f"with:{fold(p)}" for p in joint),
                *sorted(f"also:{pu.period.value}{list(pu.which)}:{fold(pu.name)}:"
                        f"{fold(pu.participants)}" for pu in purposes),
            )
            if cadences:
                vi = ", ".join(_cadence_words(c, "vi") for c in cadences)
                en = ", ".join(_cadence_words(c, "en") for c in cadences)
            elif kind is MeetingKind.REGULAR:
                # "Tổ công tác họp định kỳ hoặc đột xuất" (Thanh Hóa Điều 7 khoản 3): periodic,
                # but no period is named.
                vi, en = "định kỳ, không nêu kỳ hạn", "periodic, period not stated"
            else:
                vi, en = "có, không quy định định kỳ", "held, no fixed cadence"
            if conditions:
                vi += f" ({'; '.join(conditions)})"
                en += f" ({'; '.join(conditions)})"
            if joint:
                vi += f"; thành phần: {'; '.join(joint)}"
                en += f"; with: {'; '.join(joint)}"
            for pu in purposes:
                with_vi = f" cùng với {pu.participants}" if pu.participants else ""
                with_en = f" with {pu.participants}" if pu.participants else ""
                nth = ", ".join(str(w) for w in pu.which)
                when_vi = f"{_PERIOD_UNIT_VI[pu.period]} thứ {nth}" if nth \
                    else f"mỗi {_PERIOD_UNIT_VI[pu.period]}"
                when_en = f"{_PERIOD_UNIT_EN[pu.period]} no. {nth}" if nth \
                    else f"each {_PERIOD_UNIT_EN[pu.period]}"
                vi += f"; kỳ họp kết thúc {when_vi} kiêm {pu.name}{with_vi}"
                en += f"; the sitting ending {when_en} is also “{pu.name}”{with_en}"
            subject = (f"{self.name(body)}, {MEETING_WORDS[kind][0]}",
                       f"{self.name(body)}, {MEETING_WORDS[kind][1]}")
            cites = [r.citation for r in rules] + [pu.citation for pu in purposes]
            self.add(Aspect.MEETINGS, k, subject, value, vi, en, cites)

    def attendance(self) -> None:
        grouped: dict[str, tuple[str, dict[str, tuple[str, str]], list[Citation]]] = {}
        for rule in self.reg.attendance:
            value, vi, en = _attendance_words(rule)
            for post in rule.posts:
                k = f"{self.key(post)}:{self.key(rule.body)}"
                _, texts, cites = grouped.setdefault(k, (post, {}, []))
                texts.setdefault(value, (vi, en))
                cites.append(rule.citation)
        for k, (post, texts, cites) in sorted(grouped.items(), key=self._in_rank):
            values = tuple(sorted(texts))
            vi = " / ".join(texts[v][0] for v in values)
            en = " / ".join(texts[v][1] for v in values)
            self.add(Aspect.ATTENDANCE, k, self.subject(post), values, vi, en, cites)

    def notices(self) -> None:
        """How long before a meeting its notice must go out (meetings aspect)."""
        for n in self.reg.notices:
            kind = n.meeting.value if n.meeting is not None else "all"
            k = f"{self.key(n.body)}:notice:{kind}"
            what = f" ({n.what})" if n.what else ""
            self.add(Aspect.MEETINGS, k, self.subject(n.body), (str(n.working_days),),
                     f"gửi thông báo mời họp ít nhất {n.working_days} ngày làm việc trước "
                     f"ngày họp{what}",
                     f"notice at least {n.working_days} working days before the meeting"
                     f"{what}", (n.citation,))

    def procedures(self) -> None:
        """Written opinions, conclusion notices, referrals, reports before meetings."""
        for r in self.reg.procedures:
            k = f"{self.key(r.body)}:{r.kind.value}"
            if r.chaired_by:
                k += f":{self.key(r.chaired_by)}"
            value = (*self.keys(r.actors), f"decider:{self.key(r.decider)}" if r.decider
                     else "decider:", fold(r.trigger))
            vi_kind, en_kind = _PROCEDURE_WORDS[r.kind.value]
            vi = f"{vi_kind}: {self.names(r.actors) or 'không nêu ai'} thực hiện"
            en = f"{en_kind}: by {self.names(r.actors) or 'nobody named'}"
            if r.chaired_by:
                vi += f" (cuộc họp do {self.name(r.chaired_by)} chủ trì)"
                en += f" (a meeting chaired by {self.name(r.chaired_by)})"
            if r.decider:
                vi += f"; {self.name(r.decider)} quyết định"
                en += f"; {self.name(r.decider)} decides"
            if r.trigger:
                vi += f"; {r.trigger}"
                en += f"; “{r.trigger}”"
            self.add(Aspect.PROCEDURES, k, self.subject(r.body), value, vi, en,
                     (r.citation,))

    def collectives(self) -> None:
        """Leadership collectives and the posts they are made of (posts aspect)."""
        for c in self.reg.collectives:
            k = self.key(c.id)
            names = ", ".join(self.own_name(p) for p in c.posts)
            self.add(Aspect.POSTS, k, (c.name, c.name), self.keys(c.posts),
                     f"{c.name} gồm: {names}", f"{c.name}: {names}", (c.citation,))

    def composition(self) -> None:
        for rule in self.reg.compositions:
            k = self.key(rule.body)
            if rule.decided_by == "chair":
                value, vi, en = ("chair",), "người chủ trì quyết định", "decided by the chair"
            else:
                value = (self.key(rule.decided_by),)
                vi = f"{self.name(rule.decided_by)} quyết định"
                en = f"decided by {self.name(rule.decided_by)}"
            self.add(Aspect.COMPOSITION, k, self.subject(rule.body), value, vi, en,
                     (rule.citation,))

    def reports(self) -> None:
        by_reporter: dict[str, tuple[str, list[ReportRule]]] = {}
        for rule in self.reg.reports:
            for r in rule.reporters:
                by_reporter.setdefault(self.key(r), (r, []))[1].append(rule)
        for k, (reporter, rules) in sorted(by_reporter.items()):
            subject = self.subject(reporter)
            cadences = _sorted_cadences(c for r in rules for c in r.cadences)
            open_periodic = any(r.periodic and not r.cadences for r in rules)
            ad_hoc = any(r.ad_hoc for r in rules)
            value = ["+".join(_cadence_key(c) for c in cadences)]
            vi_parts = [_cadence_words(c, "vi") for c in cadences]
            en_parts = [_cadence_words(c, "en") for c in cadences]
            if open_periodic:
                value.append("periodic?")
                vi_parts.append("định kỳ (không nêu kỳ hạn)")
                en_parts.append("periodic (cadence not specified)")
            if ad_hoc:
                value.append("ad_hoc")
                vi_parts.append("đột xuất, khi cần")
                en_parts.append("ad hoc, when needed")
            cites = [r.citation for r in rules if r.cadences or r.periodic or r.ad_hoc]
            if vi_parts:
                # A report with no word on when (Vũng Tàu Điều 5: the deputy "báo cáo
                # Trưởng ban") leaves its cadence unspecified: no fact, not an empty one.
                self.add(Aspect.REPORTS, f"{k}:cadence",
                         (f"{subject[0]} (kỳ báo cáo)", f"{subject[1]} (cadence)"),
                         tuple(value), ", ".join(vi_parts), ", ".join(en_parts), cites)
            recipients = {x for r in rules for x in r.recipients}
            words = self.names(recipients)
            self.add(Aspect.REPORTS, f"{k}:recipients",
                     (f"{subject[0]} (báo cáo cho)", f"{subject[1]} (reports to)"),
                     self.keys(recipients), words, words, (r.citation for r in rules))
            through = {x for r in rules for x in r.through}
            if through:
                words = self.names(through)
                self.add(Aspect.REPORTS, f"{k}:through",
                         (f"{subject[0]} (thông qua)", f"{subject[1]} (through)"),
                         self.keys(through), words, words,
                         (r.citation for r in rules if r.through))
            consult = {x for r in rules for x in r.consult}
            if consult:
                words = self.names(consult)
                self.add(Aspect.REPORTS, f"{k}:consult",
                         (f"{subject[0]} (xin ý kiến)", f"{subject[1]} (consults)"),
                         self.keys(consult), words, words,
                         (r.citation for r in rules if r.consult))
            partners = {x for r in rules for x in r.partners}
            if partners:
                words = self.names(partners)
                self.add(Aspect.REPORTS, f"{k}:partners",
                         (f"{subject[0]} (chủ trì, phối hợp với)",
                          f"{subject[1]} (leads, together with)"),
                         self.keys(partners), words, words,
                         (r.citation for r in rules if r.partners))
            deadlines = [(r.deadline, r.citation) for r in rules if r.deadline is not None]
            if deadlines:
                value_d = tuple(sorted({
                    f"{d.day}:{d.before}:{d.month_offset}" for d, _ in deadlines
                }))
                vi = "; ".join(_unique(
                    f"{'trước ngày' if d.before else 'ngày'} {d.day}"
                    + (" tháng sau kỳ" if d.month_offset else "")
                    for d, _ in deadlines
                ))
                en = "; ".join(_unique(
                    f"{'before day' if d.before else 'on day'} {d.day}"
                    + (" of the month after the period" if d.month_offset else "")
                    for d, _ in deadlines
                ))
                self.add(Aspect.REPORTS, f"{k}:deadline",
                         (f"{subject[0]} (hạn báo cáo)", f"{subject[1]} (deadline)"),
                         value_d, vi, en, (c for _, c in deadlines))

    def working_groups(self) -> None:
        for g in self.reg.working_groups:
            k = self.key(g.id)
            lead = self.name(g.lead) if g.lead else ""
            value = (fold(g.name), g.kind.value, self.key(g.lead) if g.lead else "")
            vi = g.name + (f"; Tổ trưởng: {lead}" if lead else "")
            en = g.name + (f"; lead: {lead}" if lead else "")
            if g.regulation:
                vi += f"; có quy chế riêng ({g.regulation})"
                en += f"; has its own regulation ({g.regulation})"
            # A plain working group needs no kind word after the aspect's own label
            # ("[Tổ giúp việc] Tổ công tác giúp việc Ban Chỉ đạo", Tùng Châu).
            plain = g.kind is GroupKind.WORKING_GROUP
            subject = ("", "") if plain else GROUP_KIND_WORDS[g.kind]
            self.add(Aspect.WORKING_GROUPS, k, subject, value, vi, en, (g.citation,))

    def standing_agency(self) -> None:
        several = self.reg.committee.standing_agencies
        if several:
            whos = [(self.reg.post(a.post), a) for a in several]
            names = [p.agency or p.office or p.title for p, _ in whos]
            value = tuple(sorted(f"{fold(n)}|{fold(a.domain)}" for n, (_, a) in
                                 zip(names, whos, strict=True)))
            vi = "; ".join(f"{n} (về {a.domain})" for n, (_, a) in zip(names, whos, strict=True))
            en = "; ".join(f"{n} (for {a.domain})" for n, (_, a) in zip(names, whos, strict=True))
            self.add(Aspect.STANDING_AGENCY, "", ("", ""), value, vi, en,
                     [a.citation for a in several])
            return
        sa = self.reg.committee.standing_agency
        if not sa:
            return
        post = self.reg.post(sa)
        who = post.agency or post.office or post.title
        cites = [post.citation] + ([post.holder.citation] if post.holder else [])
        self.add(Aspect.STANDING_AGENCY, "", ("", ""), (fold(who),), who, who, cites)

    def monitoring(self) -> None:
        mon = self.reg.monitoring
        if mon is None:
            return
        localities = {fold(t.name) for a in mon.assignments for t in a.targets
                      if t.kind is TargetKind.LOCALITY}
        others = {fold(t.name) for a in mon.assignments for t in a.targets
                  if t.kind is not TargetKind.LOCALITY}
        n = len(mon.assignments)
        self.add(Aspect.MONITORING, "annex", ("phụ lục phân công", "assignment annex"),
                 ("annex",),
                 f"{n} thành viên theo dõi {len(localities)} địa phương, {len(others)} "
                 "ngành, lĩnh vực, cơ quan",
                 f"{n} members monitor {len(localities)} localities and {len(others)} "
                 "sectors or agencies",
                 (mon.basis,))
        for a in mon.assignments:
            for t in a.targets:
                k = f"{t.kind.value}[{fold(t.unit)} {fold(t.name)}]".replace("[ ", "[")
                full = f"{Aspect.MONITORING.value}:{k}"
                existing = self.facts.get(full)
                value: tuple[str, ...] = (self.specific_key(a.post),)
                vi = self.own_name(a.post)
                cites: tuple[Citation, ...] = (a.citation,)
                if existing is not None:
                    value = tuple(sorted({*existing.side.value, *value}))
                    vi = f"{existing.side.text_vi}; {vi}"
                    cites = (*existing.side.citations, a.citation)
                self.add(Aspect.MONITORING, k, (t.text, t.text), value, vi, vi, cites)

    def channels(self) -> None:
        grouped: dict[str, list[Any]] = {}
        for ch in self.reg.channels:
            grouped.setdefault(fold(ch.kind), []).append(ch)
        for k, chans in sorted(grouped.items()):
            value = tuple(sorted(
                f"{fold(c.name)}|{fold(c.platform)}|{'+'.join(sorted(map(fold, c.excludes)))}|"
                f"{self.key(c.administrator) if c.administrator else ''}"
                for c in chans
            ))
            vi_items, en_items = [], []
            for c in chans:
                # "hệ thống Văn phòng điện tử (iDesk)" already names its platform.
                shown = c.platform and fold(c.platform) not in fold(c.name)
                vi = c.name + (f" ({c.platform})" if shown else "")
                en = vi
                if c.excludes:
                    vi += f", không dùng cho: {', '.join(c.excludes)}"
                    en += f", not for: {', '.join(c.excludes)}"
                if c.administrator:
                    vi += f", do {self.name(c.administrator)} thành lập"
                    en += f", set up by {self.name(c.administrator)}"
                vi_items.append(vi)
                en_items.append(en)
            plain = k.replace("_", " ")
            self.add(Aspect.CHANNELS, k, _CHANNEL_WORDS.get(k, (plain, plain)), value,
                     "; ".join(vi_items), "; ".join(en_items), (c.citation for c in chans))

    def funding(self) -> None:
        funding = self.reg.committee.funding
        if not funding:
            return
        value = tuple(sorted(
            f"{fold(f.source)}|{self.key(f.manager) if f.manager else ''}" for f in funding
        ))
        # An entry may name only the source (Đắk Nông Điều 14 khoản 1) or only the
        # manager (Điều 9 khoản 3): join the parts that are there.
        vi = "; ".join(_unique(x for f in funding for x in (
            f.source, f"quản lý: {self.name(f.manager)}" if f.manager else "") if x))
        en = "; ".join(_unique(x for f in funding for x in (
            f.source, f"managed by {self.name(f.manager)}" if f.manager else "") if x))
        self.add(Aspect.FUNDING, "", ("", ""), value, vi, en, (f.citation for f in funding))

    def committee_forms(self) -> None:
        com = self.reg.committee
        if com.working_forms:
            value = tuple(sorted(fold(p.text) for p in com.working_forms))
            text = " / ".join(p.text for p in com.working_forms)
            self.add(Aspect.WORKING_FORMS, "", ("", ""), value, text, text,
                     (p.citation for p in com.working_forms))
        groups = [g for g in self.reg.working_groups if g.part_time is not None]
        if com.part_time is not None or groups:
            # "Các thành viên Ban Chỉ đạo và Tổ giúp việc làm việc theo chế độ kiêm nhiệm"
            # (every seed): say whom the clause covers.
            who_vi = ["Ban Chỉ đạo"] if com.part_time is not None else []
            who_vi += [g.name for g in groups]
            value = ("part_time", *(f"group:{self.key(g.id)}" for g in groups))
            if com.part_time is None:
                value = value[1:]
            self.add(Aspect.PART_TIME, "", ("", ""), value,
                     f"thành viên {' và '.join(who_vi)} làm việc theo chế độ kiêm nhiệm",
                     f"members of {' and '.join(who_vi)} serve part time, alongside their own "
                     "office",
                     _unique_citations([*([com.part_time] if com.part_time else []),
                                    *(g.part_time for g in groups if g.part_time)]))

    def delegations(self) -> None:
        for d in self.reg.delegations:
            k = f"{self.key(d.delegator)}>{self.key(d.delegate)}"
            value = (
                "+".join(sorted(fold(x) for x in d.documents)),
                d.start.isoformat(),
                d.end.isoformat(),
            )
            docs = ", ".join(d.documents)
            vi = f"{self.name(d.delegate)} ký TUQ. {docs}, {vi_date(d.start)} đến {vi_date(d.end)}"
            en = f"{self.name(d.delegate)} signs TUQ. {docs}, {d.start} to {d.end}"
            self.add(Aspect.DELEGATIONS, k, self.subject(d.delegator), value, vi, en,
                     (d.citation,))


def facts(reg: Regulation) -> dict[str, tuple[str, str, str, Side]]:
    """Every comparable fact of a regulation: key -> (aspect, subject vi, subject en, side).

    The building block of [`compare`][steering.compare.compare]; exposed for tools that line up
    more than two regulations.
    """
    return {
        k: (f.aspect.value, f.subject_vi, f.subject_en, f.side)
        for k, f in _Reader(reg).read().items()
    }


def _title(reg: Regulation) -> str:
    number = reg.identity.decision_number
    where = f"Quyết định {number}" if number else "Quyết định (chưa số)"
    return f"{reg.id} ({where}, {reg.identity.signed_text('en')})"


def compare(a: Regulation, b: Regulation) -> Comparison:
    """Every structural difference between two regulations, each side cited.

    Differences cover identity (number, dates, what is replaced), posts and
    roles, substitution order and depth, accountability, direction, seals,
    signing, conveners, meeting cadences, attendance, reports (cadence,
    recipients, intermediaries, deadlines), working groups, the standing
    agency, monitoring coverage, channels, funding, working forms and
    part-time service. The result is deterministic: ordered by aspect, then key.

    Args:
        a: The first regulation (for a succession: the earlier one).
        b: The second regulation.

    Raises:
        QueryError: ``a`` or ``b`` is not a [`Regulation`][steering.regulation.Regulation].

    """
    for name, reg in (("a", a), ("b", b)):
        if not isinstance(reg, Regulation):
            raise QueryError(
                f"compare() argument {name}: found {type(reg).__name__}; allowed: a Regulation "
                "(load one with steering.load or steering.presets.load)"
            )
    ra, rb = _Reader(a), _Reader(b)
    fa, fb = ra.read(), rb.read()
    ka, kb = ra.node_keys(), rb.node_keys()
    diffs: list[Difference] = []
    both_annexed = "monitoring:annex" in fa and "monitoring:annex" in fb
    for key in sorted(set(fa) | set(fb)):
        if key.startswith("monitoring:") and key != "monitoring:annex" and not both_annexed:
            # One side has no annex: that is one difference, not one per annex row.
            continue
        x, y = fa.get(key), fb.get(key)
        subject = _SUBJECT_END.split(key.partition(":")[2], maxsplit=1)[0]
        sa = x.side if x else (_NO_COUNTERPART if subject in kb - ka else _MISSING)
        sb = y.side if y else (_NO_COUNTERPART if subject in ka - kb else _MISSING)
        if sa.specified == sb.specified and sa.value == sb.value:
            continue
        ref = x or y
        assert ref is not None
        subject_vi = x.subject_vi if x else ref.subject_vi
        subject_en = x.subject_en if x else ref.subject_en
        if x and y and x.subject_vi != y.subject_vi:
            subject_vi = f"{x.subject_vi} / {y.subject_vi}"
            subject_en = f"{x.subject_en} / {y.subject_en}"
        diffs.append(
            Difference(aspect=ref.aspect, key=key, subject_vi=subject_vi, subject_en=subject_en,
                       a=sa, b=sb)
        )
    diffs.sort(key=lambda d: (_ORDER[d.aspect], d.key))
    return Comparison(a=a.id, b=b.id, a_title=_title(a), b_title=_title(b),
                      differences=tuple(diffs))


# ----------------------------------------------------------------- tables

#: The columns of [`table`][steering.compare.table], in order.
COLUMNS: tuple[str, ...] = (
    "id",
    "locality",
    "province",
    "level",
    "decision_number",
    "signed",
    "effective",
    "replaces",
    "committee",
    "posts",
    "deputies",
    "members",
    "standing_agency",
    "head_substitutes",
    "substitution_depth",
    "committee_seal",
    "head_seal",
    "regular_meeting",
    "extraordinary_conveners",
    "working_groups",
    "working_group_meeting",
    "report_cadences",
    "monitored_localities",
    "channels",
    "funding",
    # Data beside the words: ids and codes a program or a query engine compares as they are.
    "head_substitute_ids",
    "committee_seal_kind",
    "head_seal_kind",
    "head_seal_agency",
    "regular_meeting_periods",
    "extraordinary_convener_ids",
    "report_periods",
)


def _row(reg: Regulation, lang: str) -> dict[str, Any]:
    return rows_in(reg, (lang,))[lang]


def rows_in(reg: Regulation, langs: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The `table` row of ``reg`` in each of ``langs``, read once (the facts hold both)."""
    r = _Reader(reg)
    f = r.read(for_table=True)
    return {lang: _render_row(reg, r, f, lang) for lang in langs}


def _render_row(reg: Regulation, r: _Reader, f: dict[str, _Fact], lang: str) -> dict[str, Any]:
    idn = reg.identity

    def text(key: str) -> str | None:
        fact = f.get(key)
        return fact.side.text(lang) if fact else None

    head = reg.posts_with_role(Role.HEAD)
    head_key = r.key(head[0].id) if head else "head"
    deputies = [p for p in reg.posts if p.role in (Role.STANDING_DEPUTY, Role.DEPUTY)]
    members = [p for p in reg.posts if p.role in (Role.MEMBER, Role.STANDING_MEMBER)]
    groups = list(reg.working_groups)
    group_meeting = None
    if groups:
        group_meeting = text(f"meetings:{r.key(groups[0].id)}:regular")
    cadences = _sorted_cadences(c for rule in reg.reports for c in rule.cadences)
    mon = reg.monitoring
    eff = idn.effective
    if eff.kind is EffectiveKind.ON_SIGNING:
        effective: str | None = str(idn.signed) if idn.signed is not None else None
    elif eff.kind is EffectiveKind.ON_DATE and eff.date is not None:
        effective = str(eff.date)
    else:
        effective = None
    depth = f.get(f"substitution:{head_key}:depth")
    row: dict[str, Any] = {
        "id": reg.id,
        "locality": idn.locality,
        "province": idn.province,
        "level": idn.level.value,
        "decision_number": idn.decision_number or None,
        "signed": str(idn.signed) if idn.signed is not None else None,
        "effective": effective,
        "replaces": ", ".join(x.number for x in idn.replaces) or None,
        "committee": reg.committee.name or None,
        "posts": len(reg.posts),
        "deputies": len(deputies),
        "members": (len(members) if not any(p.plural for p in members) else
                    f"{len(members)}+") if members else 0,
        "standing_agency": text("standing_agency"),
        "head_substitutes": text(f"substitution:{head_key}:order"),
        "substitution_depth": int(depth.side.value[0]) if depth else 0,
        "committee_seal": text("seals:committee"),
        "head_seal": text(f"seals:{head_key}"),
        "regular_meeting": text("meetings:committee:regular"),
        "extraordinary_conveners": text("conveners:committee:extraordinary"),
        "working_groups": "; ".join(g.name for g in groups) or None,
        "working_group_meeting": group_meeting,
        "report_cadences": ", ".join(_cadence_words(c, lang) for c in cadences) or None,
        "monitored_localities": (
            len({fold(t.name) for a in mon.assignments for t in a.targets
                 if t.kind is TargetKind.LOCALITY}) if mon else None
        ),
        "channels": "; ".join(c.name for c in reg.channels) or None,
        "funding": "; ".join(x.source for x in reg.committee.funding) or None,
    }
    row.update(_data_cells(reg, head[0].id if head else "", cadences))
    return row


def _seal_cells(reg: Regulation, post: str) -> tuple[str | None, str | None]:
    """The kind and agency of the general seal rules of ``post`` (no document kind named)."""
    seals = [r.seal for r in reg.seals if post in r.posts and not r.documents and not r.permitted]
    kinds = sorted({x.kind.value for x in seals})
    agencies = sorted({x.agency for x in seals if x.agency})
    return ("|".join(kinds) or None), ("|".join(agencies) or None)


def _data_cells(reg: Regulation, head: str, cadences: Iterable[Cadence]) -> dict[str, Any]:
    """The table's data columns: ids and codes, the same in every language."""
    tiers = sorted((s for s in reg.substitutions if s.principal == head), key=lambda s: s.rank)
    periods = _sorted_cadences(
        c for m in reg.meetings if m.body == COMMITTEE and m.kind is MeetingKind.REGULAR
        for c in m.cadences
    )
    conveners = [x for c in reg.convening if c.body == COMMITTEE
                 and c.meeting is MeetingKind.EXTRAORDINARY for x in c.conveners]
    committee_kind, _ = _seal_cells(reg, COMMITTEE)
    head_kind, head_agency = _seal_cells(reg, head)
    return {
        "head_substitute_ids": " > ".join("+".join(s.substitutes) for s in tiers) or None,
        "committee_seal_kind": committee_kind,
        "head_seal_kind": head_kind,
        "head_seal_agency": head_agency,
        "regular_meeting_periods": ",".join(dict.fromkeys(c.period.value for c in periods))
        or None,
        "extraordinary_convener_ids": ",".join(dict.fromkeys(conveners)) or None,
        "report_periods": ",".join(dict.fromkeys(c.period.value for c in cadences)) or None,
    }


def table(
    regs: Iterable[Regulation],
    *,
    lang: str = "vi",
    as_dataframe: bool = False,
) -> Any:
    """Many regulations side by side: one row per regulation, the columns of `COLUMNS`.

    A value of ``None`` means the regulation does not specify it. Rows keep the
    order of ``regs``.

    Args:
        regs: The regulations.
        lang: Language of the words in cells (``"vi"`` or ``"en"``); names of
            posts and bodies stay in the regulation's own words.
        as_dataframe: Return a pandas DataFrame (needs the ``pandas`` extra).

    Returns:
        A tuple of dicts, or a DataFrame indexed by regulation id.

    Raises:
        QueryError: An item is not a Regulation, ``lang`` is unknown, or pandas
            is missing when a DataFrame is asked for.

    """
    _check_lang(lang)
    if isinstance(regs, Regulation | str | bytes) or not isinstance(regs, Iterable):
        raise ArgumentTypeError(f"regs: found {type(regs).__name__}; allowed: an iterable of "
                                "Regulation")
    rows = []
    for i, reg in enumerate(regs):
        if not isinstance(reg, Regulation):
            raise QueryError(
                f"table() item {i}: found {type(reg).__name__}; allowed: a Regulation"
            )
        rows.append(_row(reg, lang))
    if not as_dataframe:
        return tuple(rows)
    pd = _pandas()
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS)).set_index("id")

