"""Coverage: which parts, articles, clauses and points of the source text the rules cite.

Every unit of the source text (see [`SourceText.units`][steering.sources.SourceText.units]) is
listed with the
citations that point into it. A citation to an article (or a whole part) whose
quote lies inside one of its clauses, points or annex rows counts for the
deepest unit that holds the quote; a unit counts as cited when it or a unit
inside it is cited.

A clause no rule cites may be explained by a note of the regulation that
starts ``Not encoded:`` followed by the units it explains and, after a colon,
why:

```python
notes = [
  "Not encoded: Quyết định Điều 1; Quy chế Điều 1 khoản 1-2: what the text is.",
]
```

A label is ``[Quyết định | Quy chế | Phụ lục] Điều N[-M][, K] [khoản A[-B][, C]]``
(``Quy chế`` when no part is named; ``Phụ lục`` alone is the whole annex).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, Literal

import attrs

from steering._json import JSON, jsonable
from steering.errors import SteeringError
from steering.regulation import Regulation
from steering.rules import OWN_PARTS, Citation
from steering.sources import SourceText, SourceUnit, normalize_for_match, quote_status

__all__ = ["Coverage", "CoverageEntry", "CoverageError", "coverage", "not_encoded"]

NOTE_PREFIX = "Not encoded:"
_PART_WORDS = {"quyết định": "decision", "quy chế": "regulation", "phụ lục": "annex"}
_LABEL = re.compile(
    r"(?:(Quyết định|Quy chế|Phụ lục)\s*)?"
    r"(?:Điều\s+([\d\s,\-–]{1,200}?)\s*(?:khoản\s+([\d\s,\-–]{1,200}))?)?\s*$"
)

Status = Literal["cited", "explained", "uncited", "not required"]


class CoverageError(SteeringError, ValueError):
    """Coverage cannot be computed: the regulation names no readable source text."""


def _numbers(spec: str) -> list[int] | None:
    """``"1-3, 5"`` -> ``[1, 2, 3, 5]``; ``None`` when malformed."""
    out: list[int] = []
    for raw in spec.replace("–", "-").split(","):
        chunk = raw.strip()
        if not chunk:
            return None
        lo, sep, hi = chunk.partition("-")
        if not lo.strip().isdigit() or (sep and not hi.strip().isdigit()):
            return None
        a, b = int(lo), int(hi) if sep else int(lo)
        if b < a or b - a > 500:
            return None
        out.extend(range(a, b + 1))
    return out


def not_encoded(
    notes: tuple[str, ...],
) -> tuple[dict[tuple[str, int | None, int | None], str], list[str]]:
    """The units the ``Not encoded:`` notes explain, and the labels that could not be read.

    Returns:
        A map from ``(document, article, clause)`` (``None`` for all) to the
        note's reason, and the list of labels not understood, quoted.

    """
    explained: dict[tuple[str, int | None, int | None], str] = {}
    bad: list[str] = []
    for note in notes:
        if not note.startswith(NOTE_PREFIX):
            continue
        body = note[len(NOTE_PREFIX) :]
        labels, sep, reason = body.partition(":")
        if not sep or not reason.strip():
            bad.append(f"{note[:80]!r} (no ': reason' after the labels)")
            continue
        for label in labels.split(";"):
            m = _LABEL.match(label.strip())
            if not label.strip() or m is None or not (m.group(1) or m.group(2)):
                bad.append(repr(label.strip()))
                continue
            doc = _PART_WORDS[m.group(1).casefold()] if m.group(1) else "regulation"
            if m.group(2) is None:
                explained[(doc, None, None)] = reason.strip()
                continue
            articles = _numbers(m.group(2))
            clauses: list[int | None] | None = [None]
            if m.group(3):
                clauses = list(_numbers(m.group(3)) or []) or None
            if articles is None or clauses is None:
                bad.append(repr(label.strip()))
                continue
            for a in articles:
                for c in clauses:
                    explained[(doc, a, c)] = reason.strip()
    return explained, bad


@attrs.frozen
class CoverageEntry:
    """One unit of the source text and what cites it.

    Attributes:
        unit: The unit (part, chapter, article, clause, point or annex row).
        cited_by: Paths of the citations into it or into a unit inside it
            (``"meetings[0].citation"``), in model order.
        note: The ``Not encoded:`` note's reason that explains it, or ``""``.
        required: Whether coverage asks for it to be cited or explained:
            clauses, articles without clauses and annex rows are; parts,
            chapters, articles with clauses (through their clauses) and points
            (through their clause) are not.

    """

    unit: SourceUnit
    cited_by: tuple[str, ...]
    note: str
    required: bool

    @property
    def status(self) -> Status:
        """``"cited"``, ``"explained"`` (by a note), ``"uncited"`` or ``"not required"``."""
        if self.cited_by:
            return "cited"
        if self.note:
            return "explained"
        return "uncited" if self.required else "not required"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the entry (its form in the one JSON converter)."""
        data: dict[str, Any] = jsonable(self)
        return data


def _excerpt(text: str, n: int) -> str:
    flat = normalize_for_match(text)
    return flat if len(flat) <= n else flat[: n - 1] + "…"


@attrs.frozen
class Coverage:
    """Coverage of a regulation's source text by its citations.

    Attributes:
        regulation: The regulation's id.
        entries: Every unit of the source text, in text order.
        unchecked: Citations to instruments the source text does not give,
            ``(path, document)``.
        wrong: Citations whose quote is not where they cite, ``(path, why)``.
        unread_notes: ``Not encoded:`` labels that could not be read.

    """

    regulation: str
    entries: tuple[CoverageEntry, ...]
    unchecked: tuple[tuple[str, str], ...] = ()
    wrong: tuple[tuple[str, str], ...] = ()
    unread_notes: tuple[str, ...] = ()

    def uncited(self) -> tuple[CoverageEntry, ...]:
        """The required units neither cited nor explained by a note."""
        return tuple(e for e in self.entries if e.status == "uncited")

    def counts(self) -> dict[str, int]:
        """How many required units are cited, explained and uncited."""
        out = {"cited": 0, "explained": 0, "uncited": 0}
        for e in self.entries:
            if e.required:
                out[e.status] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view: counts, every unit, unchecked and wrong citations."""
        data: dict[str, Any] = jsonable(self)
        return data

    def to_json(self) -> str:
        """The JSON text of `to_dict` (UTF-8, diacritics kept, stable order)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def rows(self, *, only_gaps: bool = False) -> Iterator[tuple[str, str, str, str]]:
        """Table rows: where (with line), status, what cites it (or the note), the text's start."""
        for e in self.entries:
            if only_gaps and e.status != "uncited":
                continue
            indent = {"part": "", "chapter": "", "article": "  ", "clause": "    "}.get(
                e.unit.kind, "      "
            )
            cites = ", ".join(e.cited_by[:3]) + (
                f" (+{len(e.cited_by) - 3})" if len(e.cited_by) > 3 else ""
            )
            yield (
                f"{indent}{e.unit.where()} (line {e.unit.line})",
                e.status,
                cites or (f"note: {_excerpt(e.note, 50)}" if e.note else ""),
                _excerpt(e.unit.text, 60),
            )

    def table(self, *, only_gaps: bool = False) -> str:
        """A plain-text table of [`rows`][steering.coverage.Coverage.rows] with a summary line."""
        rows = list(self.rows(only_gaps=only_gaps))
        c = self.counts()
        head = (
            f"{self.regulation}: {c['cited']} cited, {c['explained']} explained by a note, "
            f"{c['uncited']} uncited"
        )
        lines = [head]
        if rows:
            w0 = max(len(r[0]) for r in rows)
            w1 = max(len(r[1]) for r in rows)
            lines += [f"{r[0]:<{w0}}  {r[1]:<{w1}}  {r[2]}  | {r[3]}".rstrip() for r in rows]
        lines += [f"unchecked: {p} cites {d!r}, not in the source text" for p, d in self.unchecked]
        lines += [f"wrong: {p}: {w}" for p, w in self.wrong]
        lines += [f"note label not understood: {n}" for n in self.unread_notes]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.table()

    def _repr_html_(self) -> str:
        c = self.counts()
        colour = {"cited": "#e6f4ea", "explained": "#fff8e1", "uncited": "#fde7e9"}
        body = "".join(
            f'<tr style="background:{colour.get(e.status, "transparent")}">'
            f"<td>{html.escape(r[0])}</td><td>{html.escape(r[1])}</td>"
            f"<td>{html.escape(r[2])}</td><td>{html.escape(r[3])}</td></tr>"
            for e, r in zip(self.entries, self.rows(), strict=True)
        )
        return (
            f"<p><b>{html.escape(self.regulation)}</b>: {c['cited']} cited, "
            f"{c['explained']} explained by a note, {c['uncited']} uncited</p>"
            "<table><thead><tr><th>unit</th><th>status</th><th>cited by</th><th>text</th>"
            f"</tr></thead><tbody>{body}</tbody></table>"
        )


def _key(u: SourceUnit) -> tuple[str, int | None, int | None, str]:
    return (u.document, u.article, u.clause if u.kind != "row" else None, u.point)


def coverage(reg: Regulation, *, source: SourceText | None = None) -> Coverage:
    """Which units of the regulation's source text its citations cover.

    Args:
        reg: The regulation.
        source: Its source text; by default the file named by ``reg.source``
            next to the file it was loaded from.

    Raises:
        CoverageError: No source text is given and the regulation names none
            that can be read.

    """
    from steering.validation import source_text_for  # noqa: PLC0415
    from steering.validation._citations import _citations  # noqa: PLC0415

    if source is None:
        source = source_text_for(reg)
    if source is None:
        raise CoverageError(
            f"{reg.origin or reg.id}: found source = {reg.source!r}; coverage needs the "
            "regulation's text: a 'source' file next to the regulation, or source= given"
        )
    units = source.units()
    children, by_key = _index(units)
    cited: dict[int, list[str]] = {}
    unchecked: list[tuple[str, str]] = []
    wrong: list[tuple[str, str]] = []
    norm_cache: dict[int, str] = {}

    def norm(u: SourceUnit) -> str:
        if id(u) not in norm_cache:
            norm_cache[id(u)] = normalize_for_match(u.text)
        return norm_cache[id(u)]

    for path, c in _citations(reg, ""):
        result = quote_status(c, source)
        if result.status == "unchecked":
            unchecked.append((path, c.document))
            continue
        if result.status == "wrong":
            wrong.append((path, result.message))
            continue
        target = _target(c, by_key)
        if target is not None:
            target = _deepest(target, normalize_for_match(c.quote), children, norm)
            cited.setdefault(id(target), []).append(path)
    explained, bad = not_encoded(reg.notes)
    entries = _entries(units, cited, explained)
    return Coverage(
        regulation=reg.id,
        entries=tuple(entries),
        unchecked=tuple(unchecked),
        wrong=tuple(wrong),
        unread_notes=tuple(bad),
    )


_Key = tuple[str, int | None, int | None, str]


def _index(
    units: list[SourceUnit],
) -> tuple[dict[_Key, list[SourceUnit]], dict[_Key, SourceUnit]]:
    """The units inside each unit, and each unit by its key (chapters left out)."""
    children: dict[_Key, list[SourceUnit]] = {}
    by_key: dict[_Key, SourceUnit] = {}
    def parent(u: SourceUnit) -> _Key:
        if u.kind == "point":
            return (u.document, u.article, u.clause, "")
        if u.kind == "clause":
            return (u.document, u.article, None, "")
        return (u.document, None, None, "")

    for u in units:
        if u.kind in {"chapter", "signature"}:
            continue
        if u.kind != "row":
            by_key.setdefault(_key(u), u)
        if u.kind != "part":
            children.setdefault(parent(u), []).append(u)
    return children, by_key


def _deepest(
    target: SourceUnit,
    quote: str,
    children: dict[_Key, list[SourceUnit]],
    norm: Callable[[SourceUnit], str],
) -> SourceUnit:
    """The deepest unit inside ``target`` that alone holds the quote (or ``target``)."""
    key = _key(target) if target.kind != "part" else (target.document, None, None, "")
    while True:
        inner = [u for u in children.get(key, ()) if quote in norm(u)]
        if len(inner) != 1:
            return target
        target = inner[0]
        if target.kind in {"point", "row"}:
            return target
        key = _key(target)


def _target(
    c: Citation, by_key: dict[tuple[str, int | None, int | None, str], SourceUnit]
) -> SourceUnit | None:
    doc = c.document if c.document in OWN_PARTS else " ".join(c.document.split())
    for key in (
        (doc, c.article, c.clause, c.point),
        (doc, c.article, c.clause, ""),
        (doc, c.article, None, ""),
        (doc, None, None, ""),
    ):
        if key in by_key:
            return by_key[key]
    return None


def _entries(
    units: list[SourceUnit],
    cited: dict[int, list[str]],
    explained: dict[tuple[str, int | None, int | None], str],
) -> list[CoverageEntry]:
    """Entries in text order; a unit is cited when it or a unit inside it is."""
    has_clauses = {(u.document, u.article) for u in units if u.kind == "clause"}
    # Roll citations up: point -> clause -> article -> part.
    up: dict[tuple[str, int | None, int | None], list[str]] = {}
    for u in units:
        paths = cited.get(id(u), [])
        if not paths:
            continue
        for key in (
            (u.document, u.article, u.clause if u.kind in {"clause", "point"} else None),
            (u.document, u.article, None),
            (u.document, None, None),
        ):
            if u.kind == "row" and key[1] is None and key[2] is None:
                up.setdefault(("row", u.clause, None), []).extend(paths)
            up.setdefault(key, []).extend(paths)
    out: list[CoverageEntry] = []
    for u in units:
        if u.kind in {"point", "row"}:
            paths = cited.get(id(u), [])
        elif u.kind == "chapter":
            paths = []
        else:
            paths = up.get((u.document, u.article, u.clause), [])
        required = u.kind in {"clause", "row"} or (
            u.kind == "article" and (u.document, u.article) not in has_clauses
        )
        note = (
            explained.get((u.document, u.article, u.clause))
            or explained.get((u.document, u.article, None))
            or explained.get((u.document, None, None))
            or ""
        )
        if u.kind == "part" and not u.article:
            note = explained.get((u.document, None, None), "")
        out.append(CoverageEntry(u, tuple(dict.fromkeys(paths)), note, required))
    return out


def _entry_form(entry: CoverageEntry) -> dict[str, Any]:
    """An entry's machine form: its unit located, its status, an excerpt of its text."""
    u = entry.unit
    return {
        "kind": u.kind,
        "document": u.document,
        "article": u.article,
        "clause": u.clause,
        "point": u.point,
        "label": u.label,
        "line": u.line,
        "where": u.where(),
        "status": entry.status,
        "cited_by": list(entry.cited_by),
        "note": entry.note,
        "text": _excerpt(u.text, 160),
    }


def _coverage_form(cov: Coverage) -> dict[str, Any]:
    """The report's machine form: counts, every unit, unchecked and wrong citations."""
    return {
        "regulation": cov.regulation,
        "counts": cov.counts(),
        "units": [jsonable(e) for e in cov.entries],
        "unchecked": [{"path": p, "document": d} for p, d in cov.unchecked],
        "wrong": [{"path": p, "why": w} for p, w in cov.wrong],
        "unread_notes": list(cov.unread_notes),
    }


# The coverage report's machine form, in the one JSON converter.
JSON.register_unstructure_hook(CoverageEntry, _entry_form)
JSON.register_unstructure_hook(Coverage, _coverage_form)
