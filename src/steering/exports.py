r"""Exports of an authority graph: Mermaid, Graphviz DOT, node-link JSON and GraphML.

For people who would rather look than query.

Every export is deterministic (nodes and edges sorted) and keeps Vietnamese
text as is. Edges carry their relation and the citation label
("Điều 5 khoản 1") of the clause that states them.

Names come from a regulation file, that is from a stranger, so each export
escapes them for its own syntax and none lets a name change its structure:

- Mermaid: node ids are generated (``n0``, ``n1`` ...), never taken from the
  file; every label is one line with Mermaid's entity codes for ``"``, ``%``,
  ``#``, ``<``, ``>``, ``&``, ``|``, backticks and brackets, so
  ``%%{init: ...}%%`` in a name is shown, not obeyed;
- DOT: every id and label double-quoted with ``\\``, ``\"`` and ``\n`` escaped;
- GraphML: characters XML 1.0 forbids (NUL, ESC, vertical tab, lone
  surrogates ...), CR, and C1 and bidirectional controls are written as their
  visible escape (``\x1b``), so the document is always well-formed XML (two
  names that differ only in that one holds a control and the other its
  escape text would name one node);
- node-link JSON: ``json.dumps`` escapes, plus ``\uXXXX`` for C1 and
  bidirectional controls.

Other invisible controls are written visibly (``\x1b``) in Mermaid and DOT
(see `steering._escape`).
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

import networkx as nx

from steering._escape import json_text, mermaid_label, text_value, xml_text
from steering.errors import ArgumentTypeError
from steering.rules import Citation

if TYPE_CHECKING:  # pragma: no cover
    from steering.authority import AuthorityGraph

__all__ = ["to_dot", "to_graphml", "to_mermaid", "to_node_link", "to_node_link_json"]

_ARROWS = {
    "acts_for": "thay",
    "accountable_to": "chịu trách nhiệm trước",
    "reports_to": "báo cáo",
    "directs": "chỉ đạo",
    "convenes": "triệu tập",
    "proposes": "đề nghị triệu tập",
    "uses_seal": "dùng dấu",
    "may_sign": "được ký",
    "monitors": "theo dõi",
    "member_of": "thuộc",
    "delegates_to": "ủy quyền",
}


def _nodes(g: nx.MultiDiGraph[str]) -> list[tuple[str, dict[str, Any]]]:
    return sorted(((str(n), dict(d)) for n, d in g.nodes(data=True)), key=lambda n: n[0])


def _edges(g: nx.MultiDiGraph[str]) -> list[tuple[str, str, str, dict[str, Any]]]:
    return sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))


def _edge_label(data: dict[str, Any]) -> str:
    rel = str(data.get("relation", ""))
    word = _ARROWS.get(rel, rel)
    if rel == "acts_for":
        word = f"{word} (thứ tự {data.get('rank', 1)})"
    if "meeting" in data:
        word = f"{word} ({data['meeting']})"
    cit = data.get("citation")
    if isinstance(cit, Citation):
        word = f"{word} · {cit.label('vi')}"
    return word


def _graph(graph: object, door: str) -> nx.MultiDiGraph[str]:
    """The networkx copy of an `AuthorityGraph`, or the error naming the wrong type."""
    from steering.authority import AuthorityGraph  # noqa: PLC0415 - the engine imports us

    if not isinstance(graph, AuthorityGraph):
        raise ArgumentTypeError(f"{door}: found {type(graph).__name__}; allowed: an "
                                "AuthorityGraph (reg.authority())")
    return graph.to_networkx()


def to_mermaid(graph: AuthorityGraph) -> str:
    """The graph as a Mermaid ``flowchart`` (paste into Markdown that renders Mermaid)."""
    g = _graph(graph, "to_mermaid")
    ids = {n: f"n{i}" for i, (n, _) in enumerate(_nodes(g))}
    out = ["flowchart BT"]
    for n, data in _nodes(g):
        # The only markup is ours; the texts around it are escaped.
        label = f"{mermaid_label(str(data.get('label', n)))}<br/><small>{mermaid_label(n)}</small>"
        out.append(f'    {ids[n]}["{label}"]')
    for u, v, _k, data in _edges(g):
        out.append(f'    {ids[u]} -->|"{mermaid_label(_edge_label(data))}"| {ids[v]}')
    return "\n".join(out) + "\n"


def _dot_quote(text: str) -> str:
    # Controls other than the newline are made visible first, then escaped like
    # any backslash; a CR would otherwise be written raw.
    plain = text_value(text).replace("\r\n", "\n").replace("\r", "\n")
    return '"' + plain.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: AuthorityGraph) -> str:
    """The graph as Graphviz DOT text (``dot -Tsvg``)."""
    g = _graph(graph, "to_dot")
    out = [f"digraph {_dot_quote(str(g.graph.get('regulation', 'authority')))} {{"]
    out.append("    rankdir=BT;")
    out.append('    node [shape=box, fontname="Noto Sans"];')
    for n, data in _nodes(g):
        shape = {"post": "box", "body": "ellipse", "committee": "doubleoctagon"}.get(
            str(data.get("kind")), "note"
        )
        label = f"{data.get('label', n)}\n({n})"
        out.append(f"    {_dot_quote(n)} [label={_dot_quote(label)}, shape={shape}];")
    for u, v, _k, data in _edges(g):
        out.append(
            f"    {_dot_quote(u)} -> {_dot_quote(v)} [label={_dot_quote(_edge_label(data))}];"
        )
    out.append("}")
    return "\n".join(out) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, Citation):
        return {
            "document": value.document,
            "article": value.article,
            "clause": value.clause,
            "point": value.point,
            "quote": value.quote,
            "label": value.label("vi"),
        }
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def to_node_link(graph: AuthorityGraph) -> dict[str, Any]:
    """JSON-ready node-link data: ``{"directed", "multigraph", "graph", "nodes", "edges"}``."""
    g = _graph(graph, "to_node_link")
    return {
        "directed": True,
        "multigraph": True,
        "graph": {k: _plain(v) for k, v in sorted(g.graph.items())},
        "nodes": [{"id": n, **{k: _plain(v) for k, v in sorted(d.items())}} for n, d in _nodes(g)],
        "edges": [
            {"source": u, "target": v, "key": k, **{a: _plain(b) for a, b in sorted(d.items())}}
            for u, v, k, d in _edges(g)
        ],
    }


def to_node_link_json(graph: AuthorityGraph, *, indent: int | None = 2) -> str:
    """`to_node_link` as JSON text, Vietnamese kept as is (no escapes)."""
    return json_text(json.dumps(to_node_link(graph), ensure_ascii=False, indent=indent))


def _scalar(value: Any) -> str | int | bool:
    if isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, Citation):
        return xml_text(f"{value.label('vi')}: {value.quote}")
    if isinstance(value, tuple | list):
        return xml_text("; ".join(str(v) for v in value))
    return xml_text(str(value))


def to_graphml(graph: AuthorityGraph) -> str:
    """The graph as GraphML text (yEd, Gephi, Cytoscape)."""
    g = _graph(graph, "to_graphml")
    h: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    h.graph.update({k: _scalar(v) for k, v in g.graph.items()})
    for n, d in _nodes(g):
        h.add_node(xml_text(n), **{k: _scalar(v) for k, v in d.items()})
    for u, v, k, d in _edges(g):
        h.add_edge(xml_text(u), xml_text(v), key=xml_text(k),
                   **{a: _scalar(b) for a, b in d.items()})
    buf = io.BytesIO()
    nx.write_graphml(h, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")
