r"""HTML renderings for notebooks: regulations, rulings, calendars and comparisons as tables.

Jupyter calls ``_repr_html_`` on the value a cell returns.
[`Regulation`][steering.regulation.Regulation]
and [`Comparison`][steering.compare.Comparison] define it and delegate here; a
ruling or a calendar (a tuple of occurrences) can be shown with
[`HTMLView`][steering._display.HTMLView],
an authority graph drawn with [`Picture`][steering._display.Picture] (an SVG picture, offline), or
every
such value rendered automatically after ``%load_ext steering._display``. Views speak
the language set with [`display_language`][steering._display.display_language] (Vietnamese by
default).

The functions only read attributes (never the clock), escape every string, and
return the same HTML for the same value. Text from a regulation file is never
markup: ``html.escape`` takes care of ``<``, ``>``, ``&`` and quotes, and
invisible controls (ESC, NUL, bidirectional overrides ...) are shown as their
escape (``\x1b``). A graph drawn in Markdown sits in a fence that no backtick
run in a name can close.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from steering import _args
from steering._escape import markdown_fence, text_value
from steering.display import display_language
from steering.rules import Citation
from steering.text import label, word

if TYPE_CHECKING:  # pragma: no cover
    from steering.compare import Comparison
    from steering.regulation import Regulation

__all__ = [
    "HTMLView",
    "Picture",
    "comparison_html",
    "graph_markdown",
    "html",
    "load_ipython_extension",
    "occurrences_html",
    "regulation_html",
    "ruling_html",
]

_STYLE = (
    "<style>"
    ".steering table{border-collapse:collapse;margin:0.3em 0;font-size:0.92em}"
    ".steering th,.steering td{border:1px solid #ccc;padding:2px 6px;text-align:left;"
    "vertical-align:top}"
    ".steering th{background:#f3f3f3}"
    ".steering .ns{color:#888;font-style:italic}"
    ".steering .cite{color:#555;font-size:0.9em}"
    ".steering .status-decided{color:#17692b;font-weight:bold}"
    ".steering .status-not_specified{color:#8a6d00;font-weight:bold}"
    ".steering .status-nobody_available{color:#a11;font-weight:bold}"
    ".steering .status-ambiguous{color:#a60;font-weight:bold}"
    "</style>"
)


def _lang(lang: str | None) -> str:
    return display_language() if lang is None else _args.as_lang(lang)


def _e(value: object) -> str:
    return escape(text_value(str(value)), quote=True)


#: Every cell's own style: a notebook's CSS (JupyterLab right-aligns table cells) and its
#: sanitiser (which drops ``<style>`` from untrusted outputs) cannot undo an inline style.
_CELL = "text-align:left;vertical-align:top;border:1px solid #ccc;padding:2px 6px"


def _wrap(body: str) -> str:
    return f'<div class="steering">{_STYLE}{body}</div>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table; cells are already-escaped HTML."""
    head = "".join(f'<th style="{_CELL};background:#f3f3f3">{_e(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_CELL}">{c}</td>' for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cites(citations: Iterable[Citation], lang: str = "vi") -> str:
    """Citations as escaped HTML: each label once, with its verbatim quotes on hover.

    Twenty-four members each cited to the annex read "Phụ lục" once, not 24 times.
    """
    quotes: dict[str, list[str]] = {}
    for c in citations:
        seen = quotes.setdefault(c.label(lang), [])
        if c.quote not in seen:
            seen.append(c.quote)
    parts = [
        f'<span class="cite" title="{_e(" | ".join(q))}">{_e(label)}</span>'
        for label, q in quotes.items()
    ]
    return "; ".join(parts)


def _quotes(citations: Iterable[Citation]) -> str:
    return "<br>".join(_e(c.shown()) for c in citations)


def _not_specified(lang: str = "vi") -> str:
    return f'<span class="ns">{label("view_not_specified", lang)}</span>'


# ----------------------------------------------------------------- regulation


def regulation_html(reg: Regulation, lang: str | None = None) -> str:
    """A regulation: its identity, posts, substitution order, seals and meeting cadences.

    Labels follow ``lang`` (default: `display_language`); the regulation's own
    words (titles, offices, quotes) stay as written.
    """
    from steering.compare import aspect_label, facts  # noqa: PLC0415 - avoid an import cycle

    lang = _lang(lang)
    vi = lang == "vi"
    idn = reg.identity
    number = idn.number_text("vi" if vi else "en")
    signed_on = idn.signed_text("vi" if vi else "en")
    level = word(idn.level, lang)
    signed, level_word = label("view_signed", lang), label("view_level", lang)
    head = (
        f"<h4>{_e(reg.committee.name or idn.title)}</h4>"
        f"<p><b>{_e(reg.id)}</b> · Quyết định {_e(number)} · {signed} {_e(signed_on)} · "
        f"{_e(idn.locality)} ({level_word} {_e(level)})</p>"
    )
    several, also = label("view_several", lang), label("view_also_holds", lang)
    posts = _table(
        [label(f"view_{k}", lang) for k in ("id", "role", "title", "holder", "cited")],
        (
            [
                _e(p.id),
                _e(word(p.role, lang)),
                _e(p.title) + (f" <i>({p.count if p.count else several})</i>" if p.plural
                               else "") + (f" <i>[{_e(p.note)}]</i>" if p.note else ""),
                (_e(p.holder_text(lang)) if p.holder_text(lang) else _not_specified(lang))
                + (f" <i>({also} {_e(', '.join(p.concurrent_with))})</i>"
                   if p.concurrent_with else ""),
                _cites([p.citation], lang),
            ]
            for p in reg.posts
        ),
    )
    wanted = ("substitution", "seals", "meetings", "conveners", "reports", "standing_agency",
              "monitoring", "funding")
    rows = [
        [_e(aspect_label(aspect, lang)), _e(subject_vi if vi else subject_en),
         _e(side.text(lang)), _cites(side.citations, lang)]
        for key, (aspect, subject_vi, subject_en, side) in facts(reg).items()
        if aspect in wanted and not key.endswith(":depth")
        and not (aspect == "monitoring" and key != "monitoring:annex")
    ]
    rules = _table([label(f"view_{k}", lang) for k in ("aspect", "subject", "rule", "cited")],
                   rows)
    from steering import world  # noqa: PLC0415 - with the rest

    later = "".join(f"<li>{_e(k.explain(lang))}</li>" for k in world.known_changes(reg))
    after_word = label("view_since", lang)
    after = f"<b>{after_word}</b><ul>{later}</ul>" if later else ""
    posts_word, rules_word = label("view_posts", lang), label("view_rules", lang)
    return _wrap(f"{head}<b>{posts_word}</b>{posts}<b>{rules_word}</b>{rules}{after}")


# ----------------------------------------------------------------- ruling


def ruling_html(ruling: Any, lang: str | None = None) -> str:
    """A ruling: status, answer, explanation, the chain tried, and every citation with its quote."""
    lang = _lang(lang)
    status = str(getattr(ruling, "status", ""))
    status = getattr(getattr(ruling, "status", None), "value", status)
    answer = ", ".join(str(a) for a in getattr(ruling, "answer", ()))
    explain = ruling.explain(lang) if hasattr(ruling, "explain") else str(ruling)
    rows = [
        ["question", _e(getattr(getattr(ruling, "question", ""), "value",
                                getattr(ruling, "question", "")))],
        ["subject", _e(getattr(ruling, "subject", ""))],
        ["status", f'<span class="status-{_e(status)}">{_e(status)}</span>'],
        ["answer", _e(answer) if answer else _not_specified(lang) if status == "not_specified"
         else "—"],
    ]
    candidates = getattr(ruling, "candidates", ())
    if candidates:
        # An ambiguous name: what it may mean, never an answer.
        rows.append(["candidates", _e(", ".join(str(c) for c in candidates))])
    chain = getattr(ruling, "chain", ())
    if chain:
        rows.append(["chain", _e(" → ".join(chain))])
    absent = getattr(ruling, "absent", ())
    if absent:
        rows.append(["absent", _e(", ".join(sorted(absent)))])
    on = getattr(ruling, "on", None)
    if on is not None:
        rows.append(["on", _e(on)])
    rows.append(["explain", _e(explain)])
    table = "<table><tbody>" + "".join(
        f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in rows
    ) + "</tbody></table>"
    citations = tuple(getattr(ruling, "citations", ()))
    cites = _table(
        ["#", "cited", "quote"],
        ([str(i), _e(c.label(lang)), _e(c.shown(lang))] for i, c in enumerate(citations, 1)),
    ) if citations else ""
    return _wrap(table + cites)


# ----------------------------------------------------------------- calendar


def _date(value: Any) -> str:
    if value is None:
        return "—"
    iso = getattr(value, "isoformat", None)
    return _e(iso() if callable(iso) else value)


def occurrences_html(occurrences: Iterable[Any], lang: str | None = None) -> str:
    """Occurrences (meetings, report deadlines) as a table: body, kind, opens, closes, cited."""
    lang = _lang(lang)
    items = list(occurrences)
    rows = [
        [
            _e(getattr(o, "body", "")),
            _e(getattr(getattr(o, "kind", ""), "value", getattr(o, "kind", ""))),
            _date(getattr(o, "opens", None)),
            _date(getattr(o, "closes", None)),
            _cites(getattr(o, "citations", ()), lang),
        ]
        for o in items
    ]
    n = len(items)
    head = f"<p>{n} {label('view_occurrence' if n == 1 else 'view_occurrences', lang)}</p>"
    return _wrap(head + _table(["body", "kind", "opens", "closes", "cited"], rows))


# ----------------------------------------------------------------- comparison


def comparison_html(comparison: Comparison, lang: str | None = None) -> str:
    """A comparison: one row per difference, each side with its citations and quotes."""
    lang = _lang(lang)
    n = len(comparison)
    head = (
        f"<p><b>{_e(comparison.a_title)}</b> ↔ <b>{_e(comparison.b_title)}</b>: "
        f"{n} {label('view_differences', lang)}</p>"
    )

    def side(s: Any) -> str:
        if not s.specified:
            return _not_specified(lang)
        cites = _cites(s.citations, lang)
        return _e(s.text(lang)) + (f"<br>{cites}" if cites else "")

    rows = [[_e(d.label(lang)), side(d.a), side(d.b)] for d in comparison.differences]
    return _wrap(head + _table(["", comparison.a, comparison.b], rows))


# ----------------------------------------------------------------- dispatch


def _is_occurrence(value: Any) -> bool:
    return all(hasattr(value, a) for a in ("body", "kind", "opens", "closes", "citations"))


def _is_ruling(value: Any) -> bool:
    return all(hasattr(value, a) for a in ("status", "answer", "citations", "explain"))


def html(value: Any, lang: str | None = None) -> str | None:
    """HTML for any steering value that has a table form, else ``None``.

    Handles regulations, rulings, comparisons and sequences of occurrences
    (what ``reg.calendar(start, end)`` returns).
    """
    lang = _lang(lang)
    from steering.compare import Comparison  # noqa: PLC0415 - avoid an import cycle
    from steering.regulation import Regulation  # noqa: PLC0415 - avoid an import cycle

    if isinstance(value, Regulation):
        return regulation_html(value)
    if isinstance(value, Comparison):
        return comparison_html(value, lang)
    if isinstance(value, list | tuple):
        if value and all(_is_occurrence(v) for v in value):
            return occurrences_html(value, lang)
        return None
    if _is_ruling(value):
        return ruling_html(value, lang)
    return None


def graph_markdown(graph: Any) -> str:
    """An authority graph as a Markdown Mermaid block, which JupyterLab 4.1+ draws as a picture.

    The fence is longer than any run of backticks in the diagram, so nothing in
    a name can close it and turn what follows into live Markdown or HTML.
    """
    return markdown_fence(str(graph.to_mermaid()), "mermaid")


class Picture:
    """Wraps an authority graph so a notebook draws it: ``Picture(reg.authority(), "en")``.

    Jupyter shows the self-contained SVG of
    [`AuthorityGraph.to_svg`][steering.authority.AuthorityGraph.to_svg] (no
    network needed); elsewhere the Mermaid text shows (``graph_markdown`` gives
    it as a Markdown block for renderers that draw Mermaid).
    """

    def __init__(self, graph: Any, lang: str | None = None) -> None:
        self.graph = graph
        self.lang = lang

    def _repr_svg_(self) -> str:
        from steering._svg import graph_svg  # noqa: PLC0415 - only when drawn

        return graph_svg(self.graph, _lang(self.lang))

    def __repr__(self) -> str:
        return str(self.graph.to_mermaid())


class HTMLView:
    """Wraps a value so a notebook shows it as an HTML table: ``HTMLView(reg.calendar(a, b))``."""

    def __init__(self, value: Any, lang: str | None = None) -> None:
        self.value = value
        self.lang = lang

    def _repr_html_(self) -> str | None:
        return html(self.value, self.lang)

    def __repr__(self) -> str:
        return repr(self.value)


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext steering._display``: rulings and calendars as HTML tables, graphs as pictures.

    Regulations, rulings, comparisons and authority graphs (an SVG picture)
    render without it. Tuples and lists that are not calendars keep their usual
    display (the formatter returns ``None`` for them).
    """
    from steering.ruling import Ruling  # noqa: PLC0415 - only when IPython asks

    formatters = ipython.display_formatter.formatters
    html_formatter = formatters["text/html"]
    html_formatter.for_type(Ruling, ruling_html)
    html_formatter.for_type(tuple, html)
    html_formatter.for_type(list, html)
