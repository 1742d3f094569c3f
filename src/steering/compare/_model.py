"""What a comparison is: aspects, the two sides of a fact, differences, the comparison."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs

from steering._escape import visible
from steering.compare._words import (
    _unique,
)
from steering.errors import QueryError
from steering.rules import (
    Citation,
)

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


def aspect_label(aspect: Aspect | str, lang: str = "vi") -> str:
    """What an aspect is called in ``lang``: ``"Con dấu"`` / ``"Seal"``."""
    _check_lang(lang)
    vi, en = _ASPECT_LABELS[Aspect(aspect)]
    return vi if lang == "vi" else en


_NOT_SPECIFIED = {"vi": "không quy định", "en": "not specified"}


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
