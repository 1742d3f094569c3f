"""An authority graph as a self-contained SVG picture: posts by rank, edges by relation.

Notebooks show it offline (no script, no font or chart library fetched from the
web), and a forge shows it in a stored notebook. The layout is the committee's
order, top to bottom: the committee and outside bodies, the head, the standing
deputy, the deputies, the standing member, the members, the standing agency and
the working groups, their leads and members. Within a rank, nodes keep file order.
Only relations between people and bodies are drawn (who acts for, answers to,
reports to, directs, authorises whom; who belongs to which group); seals,
document kinds and monitored localities are left to the tables and exports.

Every text is escaped for XML (``steering._escape.xml_text`` then
``html.escape``): a name from a file is shown, never obeyed.
"""

from __future__ import annotations

from html import escape
from typing import Any

from steering._escape import xml_text
from steering.roles import Role

__all__ = ["graph_svg"]

#: Rows, top to bottom; a node's row is the first whose test it passes.
_ROWS: tuple[tuple[str, ...], ...] = (
    ("committee", "body"),
    (Role.HEAD.value,),
    (Role.STANDING_DEPUTY.value,),
    (Role.DEPUTY.value,),
    (Role.STANDING_MEMBER.value,),
    (Role.MEMBER.value,),
    (Role.STANDING_AGENCY.value, "working_group"),
    (Role.WG_LEAD.value,),
    (Role.WG_MEMBER.value,),
)

#: Relations drawn, their colour and their words.
_DRAWN: dict[str, tuple[str, str, str]] = {
    "acts_for": ("#1f6feb", "thay khi vắng mặt", "acts for"),
    "accountable_to": ("#8250df", "chịu trách nhiệm trước", "answers to"),
    "reports_to": ("#1a7f37", "báo cáo", "reports to"),
    "directs": ("#bf3989", "chỉ đạo", "directs"),
    "delegates_to": ("#d1242f", "ủy quyền", "authorises"),
    "member_of": ("#6e7781", "thuộc", "belongs to"),
}

_W, _H, _GAP_X, _GAP_Y, _MARGIN = 170, 46, 24, 56, 16


def _t(text: object) -> str:
    return escape(xml_text(str(text)), quote=True)


def _row(kind: str, role: str) -> int:
    for i, row in enumerate(_ROWS):
        if kind in row or role in row:
            return i
    return len(_ROWS) - 1


def _lines(label: str, width: int = 26) -> list[str]:
    """The label in at most two lines of about ``width`` characters."""
    words, lines, cur = label.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    if len(lines) > 2:
        lines = [lines[0], (lines[1] + " …")[: width + 2]]
    return lines


def graph_svg(graph: Any, lang: str = "vi") -> str:
    """The authority graph (an `AuthorityGraph`) as SVG text."""
    g = graph.to_networkx()
    nodes = [(str(n), d) for n, d in g.nodes(data=True)
             if d.get("kind") in ("post", "committee", "body", "working_group")]
    rows: dict[int, list[tuple[str, dict[str, Any]]]] = {}
    for n, d in nodes:
        rows.setdefault(_row(str(d.get("kind")), str(d.get("role", ""))), []).append((n, d))
    widest = max((len(r) for r in rows.values()), default=1)
    width = 2 * _MARGIN + widest * _W + (widest - 1) * _GAP_X
    pos: dict[str, tuple[float, float]] = {}
    out: list[str] = []
    for y_index, r in enumerate(sorted(rows)):
        items = rows[r]
        span = len(items) * _W + (len(items) - 1) * _GAP_X
        x0 = (width - span) / 2
        y = _MARGIN + y_index * (_H + _GAP_Y)
        for i, (n, d) in enumerate(items):
            x = x0 + i * (_W + _GAP_X)
            pos[n] = (x, y)
            fill = "#f6f8fa" if d.get("kind") == "post" else "#fff8c5"
            out.append(f'<g><title>{_t(n)}</title><rect x="{x:.0f}" y="{y:.0f}" width="{_W}" '
                       f'height="{_H}" rx="6" fill="{fill}" stroke="#57606a"/>')
            lines = _lines(str(d.get("label", n)))
            for j, line in enumerate(lines):
                out.append(f'<text x="{x + _W / 2:.0f}" y="{y + 15 + j * 13:.0f}" '
                           f'text-anchor="middle" font-size="11">{_t(line)}</text>')
            out.append(f'<text x="{x + _W / 2:.0f}" y="{y + _H - 5:.0f}" text-anchor="middle" '
                       f'font-size="9" fill="#57606a">{_t(n)}</text></g>')
    height = _MARGIN * 2 + len(rows) * (_H + _GAP_Y)
    drawn = _edges(g, pos)
    legend = _legend(height, lang)
    markers = "".join(
        f'<marker id="a-{rel}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
        f'fill="{colour}"/></marker>'
        for rel, (colour, _, _) in _DRAWN.items()
    )
    total = height + 40
    title = _t(g.graph.get("regulation", "authority"))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{total:.0f}" '
        f'viewBox="0 0 {width:.0f} {total:.0f}" font-family="sans-serif" role="img">'
        f"<title>{title}</title><defs>{markers}</defs>"
        + "".join(drawn) + "".join(out) + "".join(legend) + "</svg>"
    )


def _edges(g: Any, pos: dict[str, tuple[float, float]]) -> list[str]:
    """The drawn relations between placed boxes, parallel ones side by side."""
    edges = sorted(
        (str(u), str(v), str(d.get("relation"))) for u, v, d in g.edges(data=True)
        if str(u) in pos and str(v) in pos and d.get("relation") in _DRAWN
    )
    drawn: list[str] = []
    for k, (u, v, rel) in enumerate(dict.fromkeys(edges)):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        colour = _DRAWN[rel][0]
        shift = (k % 5 - 2) * 6  # parallel edges side by side
        sx, ex = x1 + _W / 2 + shift, x2 + _W / 2 + shift
        sy = y1 if y2 < y1 else y1 + _H
        ey = y2 + _H if y2 < y1 else y2
        if y1 == y2:  # same row: from side to side
            sy = ey = y1 + _H / 2
            sx, ex = (x1 + _W, x2) if x1 < x2 else (x1, x2 + _W)
        drawn.append(f'<line x1="{sx:.0f}" y1="{sy:.0f}" x2="{ex:.0f}" y2="{ey:.0f}" '
                     f'stroke="{colour}" stroke-width="1.4" marker-end="url(#a-{rel})">'
                     f"<title>{_t(u)} {_t(rel)} {_t(v)}</title></line>")
    return drawn


def _legend(height: float, lang: str) -> list[str]:
    """One sample line per drawn relation, three to a row, under the boxes."""
    legend: list[str] = []
    for i, (rel, (colour, vi, en)) in enumerate(_DRAWN.items()):
        lx, ly = _MARGIN + (i % 3) * 210, height + 4 + (i // 3) * 16
        legend.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 26}" y2="{ly}" stroke="{colour}" '
                      f'stroke-width="2" marker-end="url(#a-{rel})"/>'
                      f'<text x="{lx + 32}" y="{ly + 4}" font-size="11">'
                      f"{_t(vi if lang == 'vi' else en)}</text>")
    return legend
