"""Regulations as columns: Arrow tables and Parquet files for DuckDB, Polars or Spark.

National analysis (3,355 committees in the 2025 structure) belongs in a query
engine. [`to_arrow`][steering.columnar.to_arrow] turns regulations into four
Arrow tables and [`write_parquet`][steering.columnar.write_parquet] writes them as
Parquet files; every rule keeps its citation. The tables (column: type):

``regulations`` (one row per regulation)
    The columns of [`steering.table`][steering.compare.table], words in the
    language asked, plus the data columns (ids and codes); ``members`` is text
    (``"24"`` or ``"1+"`` when a post stands for several people).

``posts`` (one row per post)
    ``regulation``, ``post``, ``role``, ``title``, ``office``, ``agency``,
    ``plural`` (bool), ``working_group``, ``concurrent_with`` (ids joined by ``,``),
    then the citation: ``document``, ``article`` (int), ``clause`` (int),
    ``point``, ``label``, ``quote``.

``rules`` (one row per rule and, for substitution, per tier)
    ``regulation``, ``kind`` (``substitution``, ``accountability``,
    ``direction``, ``report``, ``seal``, ``signing``, ``convening``,
    ``meeting``, ``attendance``, ``monitoring``, ``delegation``, ``channel``),
    ``subjects`` and ``objects`` (ids joined by ``,``), ``rank`` (int; the
    substitution tier), ``detail`` (the rule's own key words: seal kind and agency,
    meeting kind and periods, document kinds ...), then the citation columns.

``occurrences`` (one row per dated meeting window or report; only when years are given)
    ``regulation``, ``body``, ``kind``, ``rule``, ``period``, ``opens``,
    ``closes``, ``due`` (dates), ``status``, ``title``, ``citations`` (labels
    joined by ``; ``).

A value the regulation does not specify is null, never a guess. Needs the
``arrow`` extra (pyarrow); the CLI writes the files with
``steering table DIR --parquet OUT``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from steering._progress import progress as show_progress
from steering.errors import QueryError
from steering.regulation import Regulation
from steering.rules import Citation

__all__ = ["TABLES", "to_arrow", "write_parquet"]

#: The tables [`to_arrow`][steering.columnar.to_arrow] makes, in order.
TABLES = ("regulations", "posts", "rules", "occurrences")

_CITE = ("document", "article", "clause", "point", "label", "quote")


def _pyarrow() -> Any:
    try:  # imported by name: optional (the 'arrow' extra), and untyped
        return importlib.import_module("pyarrow")
    except ImportError:
        raise QueryError("Arrow tables need the 'arrow' extra: pip install -e '.[arrow]' "
                         "(from a clone)") from None


def _cite(c: Citation) -> dict[str, Any]:
    return {"document": c.document, "article": c.article, "clause": c.clause,
            "point": c.point or None, "label": c.label("vi"), "quote": c.quote}


def _ids(values: Iterable[str]) -> str | None:
    return ",".join(values) or None


def _post_rows(reg: Regulation) -> list[dict[str, Any]]:
    return [{
        "regulation": reg.id, "post": p.id, "role": p.role.value, "title": p.title,
        "office": p.office or None, "agency": p.agency or None, "plural": p.plural,
        "working_group": p.group or None, "concurrent_with": _ids(p.concurrent_with),
        **_cite(p.citation),
    } for p in reg.posts]


def _rule(reg: Regulation, kind: str, subjects: Iterable[str], objects: Iterable[str],  # noqa: PLR0917
          citation: Citation, detail: str = "", rank: int | None = None) -> dict[str, Any]:
    return {"regulation": reg.id, "kind": kind, "subjects": _ids(subjects),
            "objects": _ids(objects), "rank": rank, "detail": detail or None, **_cite(citation)}


def _rule_rows(reg: Regulation) -> list[dict[str, Any]]:
    rows = [_rule(reg, "substitution", s.substitutes, (s.principal,), s.citation,
                  f"also_absent={_ids(s.also_absent)}" if s.also_absent else "", s.rank)
            for s in reg.substitutions]
    rows += [_rule(reg, "accountability", (a.subject,), a.to, a.citation, a.matter)
             for a in reg.accountability]
    rows += [_rule(reg, "direction", d.subjects, d.objects, d.citation, d.matter)
             for d in reg.directions]
    rows += [_rule(reg, "report", r.reporters, r.recipients, r.citation,
                   ",".join(c.period.value for c in r.cadences)) for r in reg.reports]
    rows += [_rule(reg, "seal", s.posts, (), s.citation,
                   f"{s.seal.kind.value}:{s.seal.agency}" if s.seal.agency else s.seal.kind.value)
             for s in reg.seals]
    rows += [_rule(reg, "signing", s.posts, (), s.citation, ",".join(s.documents))
             for s in reg.signing]
    rows += [_rule(reg, "convening", c.conveners, (c.body,), c.citation, c.meeting.value)
             for c in reg.convening]
    rows += [_rule(reg, "meeting", (m.body,), (), m.citation,
                   f"{m.kind.value}:{','.join(c.period.value for c in m.cadences)}")
             for m in reg.meetings]
    rows += [_rule(reg, "attendance", a.posts, (a.body,), a.citation,
                   "must_attend" if a.must_attend else "") for a in reg.attendance]
    if reg.monitoring is not None:
        rows += [_rule(reg, "monitoring", (a.post,), (t.text for t in a.targets), a.citation)
                 for a in reg.monitoring.assignments]
    rows += [_rule(reg, "delegation", (d.delegator,), (d.delegate,), d.citation,
                   f"{d.start.isoformat()}..{d.end.isoformat()}") for d in reg.delegations]
    rows += [_rule(reg, "channel", (), (), c.citation, f"{c.kind.value}:{c.name}")
             for c in reg.channels]
    return rows


def _occurrence_rows(reg: Regulation, years: range) -> list[dict[str, Any]]:
    if not years:
        return []
    occs = reg.calendar(dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31))
    return [{
        "regulation": reg.id, "body": o.body, "kind": o.kind, "rule": o.rule, "period": o.period,
        "opens": dt.date(o.opens.year, o.opens.month, o.opens.day),
        "closes": dt.date(o.closes.year, o.closes.month, o.closes.day),
        "due": dt.date(o.due.year, o.due.month, o.due.day) if o.due is not None else None,
        "status": o.status, "title": o.title,
        "citations": "; ".join(c.label("vi") for c in o.citations) or None,
    } for o in occs]


def _schemas(pa: Any) -> dict[str, Any]:
    from steering.compare import COLUMNS  # noqa: PLC0415 - the engines load lazily

    ints = {"posts", "deputies", "substitution_depth", "monitored_localities"}
    s, i = pa.string(), pa.int64()
    cite = [("document", s), ("article", i), ("clause", i), ("point", s), ("label", s),
            ("quote", s)]
    return {
        "regulations": pa.schema([(c, i if c in ints else s) for c in COLUMNS]),
        "posts": pa.schema([("regulation", s), ("post", s), ("role", s), ("title", s),
                            ("office", s), ("agency", s), ("plural", pa.bool_()),
                            ("working_group", s), ("concurrent_with", s), *cite]),
        "rules": pa.schema([("regulation", s), ("kind", s), ("subjects", s), ("objects", s),
                            ("rank", i), ("detail", s), *cite]),
        "occurrences": pa.schema([("regulation", s), ("body", s), ("kind", s), ("rule", s),
                                  ("period", s), ("opens", pa.date32()), ("closes", pa.date32()),
                                  ("due", pa.date32()), ("status", s), ("title", s),
                                  ("citations", s)]),
    }


def to_arrow(regs: Iterable[Regulation], *, lang: str = "vi",
             years: range = range(0), progress: bool | None = False) -> dict[str, Any]:
    """The regulations as Arrow tables, by name (see the module notes for the schema).

    Args:
        regs: The regulations (a [`Registry`][steering.registry.Registry] is one).
        lang: The language of the words in the ``regulations`` table.
        years: Years whose calendars fill ``occurrences`` (``range(2026, 2027)``);
            empty by default.
        progress: Show a bar while the rows are computed (the ``progress`` extra;
            ``None``: when standard error is a terminal).

    Raises:
        QueryError: pyarrow is not installed, an item is not a Regulation, or
            ``years`` is not a range inside 1901-2100.

    """
    from steering.compare import table  # noqa: PLC0415 - the engines load lazily

    pa = _pyarrow()
    items = list(regs)
    if not isinstance(years, range) or (years and not 1901 <= years[0] <= years[-1] <= 2100):
        raise QueryError(f"years: found {years!r}; allowed: a range of years in 1901-2100")
    for i, reg in enumerate(items):
        if not isinstance(reg, Regulation):
            raise QueryError(f"regs item {i}: found {type(reg).__name__}; allowed: a Regulation")
    data: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for reg in show_progress(items, progress, total=len(items), desc="tables",
                             unit="committee"):
        (row,) = (dict(r) for r in table([reg], lang=lang))
        row["members"] = None if row["members"] is None else str(row["members"])
        data["regulations"].append(row)
        data["posts"] += _post_rows(reg)
        data["rules"] += _rule_rows(reg)
        data["occurrences"] += _occurrence_rows(reg, years)
    schemas = _schemas(pa)
    return {name: pa.Table.from_pylist(data[name], schema=schemas[name]) for name in TABLES}


def write_parquet(regs: Iterable[Regulation], folder: str | os.PathLike[str], *,
                  lang: str = "vi", years: range = range(0),
                  progress: bool | None = False) -> dict[str, Path]:
    """Write [`to_arrow`][steering.columnar.to_arrow]'s tables as ``folder/<name>.parquet``.

    The folder is created when missing; files of the same names are replaced.

    Returns:
        The path of each file written, by table name.

    """
    # Refuses first when pyarrow is missing.
    tables = to_arrow(regs, lang=lang, years=years, progress=progress)
    pq = importlib.import_module("pyarrow.parquet")

    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise QueryError(f"cannot create {str(out)!r}: {e.strerror or e}") from None
    paths = {}
    for name, t in tables.items():
        paths[name] = out / f"{name}.parquet"
        pq.write_table(t, paths[name])
    return paths
