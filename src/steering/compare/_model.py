"""What a comparison is: aspects, the two sides of a fact, differences, the comparison."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs

from steering._escape import visible
from steering._text import unique
from steering.errors import QueryError
from steering.rules import Citation
from steering.statements import NoCounterpart, NotSaid, Statement, Subject
from steering.text import catalogue, label, say


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


_ORDER = {a: i for i, a in enumerate(Aspect)}


def aspect_label(aspect: Aspect | str, lang: str = "vi") -> str:
    """What an aspect is called in ``lang``: ``"Con dấu"`` / ``"Seal"``."""
    return label(f"aspect_{Aspect(aspect).value}", lang)


def _check_lang(lang: str) -> None:
    catalogue(lang)  # raises QueryError naming the languages there are


#: What a side says when its regulation is silent (one shared, immutable value).
_NOT_SAID: Statement = NotSaid()


@attrs.frozen(kw_only=True)
class Side:
    """What one regulation says about a fact.

    Attributes:
        specified: Whether the regulation says anything about it.
        value: A comparable form of what it says (ids by meaning, folded
            names); empty when not specified.
        says: What it says, typed ([`steering.statements`][steering.statements]); the
            text layer words it (`text`, `text_vi`, `text_en`).
        citations: The clauses it says it in; empty when not specified, and for
            the few facts read off the decision's heading (number, locality).

    """

    specified: bool
    value: tuple[str, ...] = ()
    says: Statement = _NOT_SAID
    citations: tuple[Citation, ...] = ()

    @property
    def text_vi(self) -> str:
        """What it says, in Vietnamese, in the regulation's own words."""
        return say(self.says, "vi")

    @property
    def text_en(self) -> str:
        """The same in English (names of posts and bodies stay Vietnamese)."""
        return say(self.says, "en")

    def text(self, lang: str = "vi") -> str:
        """What the regulation says, in ``lang`` (``"vi"`` or ``"en"``)."""
        return say(self.says, lang)

    def cited(self, lang: str = "vi") -> str:
        """What the regulation says followed by where: ``"... (Điều 7 khoản 1)"``."""
        text = self.text(lang)
        if not self.specified:
            return text
        if self.citations:
            where = "; ".join(unique(c.label(lang) for c in self.citations))
        else:
            where = label("heading", lang)
        return f"{text} ({where})"


_MISSING = Side(specified=False)


#: A side whose regulation has no post matching the one the fact is about (a deputy
#: of one province with no counterpart in the other): not "not specified".
_NO_COUNTERPART = Side(specified=False, says=NoCounterpart())


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
        subjects: What the fact is about: one [`Subject`][steering.statements.Subject],
            or the first regulation's and the second's where they name it differently.
        a: What the first regulation says.
        b: What the second regulation says.

    """

    aspect: Aspect
    key: str
    subjects: tuple[Subject, ...]
    a: Side
    b: Side

    def subject(self, lang: str = "vi") -> str:
        """What the fact is about, in ``lang`` ("Trưởng ban"; names stay Vietnamese)."""
        return " / ".join(say(x, lang) for x in self.subjects)

    @property
    def subject_vi(self) -> str:
        """What the fact is about, in Vietnamese."""
        return self.subject("vi")

    @property
    def subject_en(self) -> str:
        """What the fact is about, in English (names stay Vietnamese)."""
        return self.subject("en")

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
        head = aspect_label(self.aspect, lang)
        subject = self.subject(lang)
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
        n = len(self)
        count = "compare_none" if not n else "compare_one" if n == 1 else "compare_many"
        head = label("compare_head", lang).format(a=self.a_title, b=self.b_title)
        lines = [head + label(count, lang).format(n=n)]
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
                "subject": d.subject(lang),
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
                "subject": d.subject(lang),
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
