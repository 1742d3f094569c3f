"""The authority graph: who acts, who answers to whom, which seal and signing form, who convenes.

[`AuthorityGraph`][steering.authority.AuthorityGraph] wraps a private, frozen
`networkx.MultiDiGraph`
built from a [`Regulation`][steering.regulation.Regulation]. Its nodes are the
regulation's posts, working groups, outside bodies and the committee (plus
seal, document-kind and monitoring-target nodes); its edges are typed
relations ([`Relation`][steering.authority.Relation]), each carrying the citation of the clause that
states it. Every query returns a [`Ruling`][steering.ruling.Ruling] that names
its status, its answer, the clauses it used and explains itself.

The graph says only what the regulation says. In particular substitution is
never inferred transitively: if the head's substitute is absent and the
regulation does not name who acts next, the answer is ``nobody_available``,
not the substitute's own substitute.
"""

from __future__ import annotations

from typing import Any

from steering import _args
from steering.authority._core import CycleError, Relation
from steering.authority.monitoring import _Monitoring

__all__ = ["AuthorityGraph", "CycleError", "Relation"]


# Re-exported: documented, pickled and shown under this package's public name.
for _public in (CycleError, Relation):
    _public.__module__ = __name__


class AuthorityGraph(_Monitoring):
    """The authority relations of one regulation, with queries that explain themselves.

    Build one with [`Regulation.authority`][steering.regulation.Regulation.authority] (or
    [`from_regulation`][steering.authority.AuthorityGraph.from_regulation]).
    Queries take plain ids (``"head"``, ``"standing_deputy"``) and return a
    [`Ruling`][steering.ruling.Ruling]. Unknown ids raise
    [`UnknownPostError`][steering.errors.UnknownPostError], which lists the valid ids.

    For example:

    ```python
    g = steering.presets.load("dak-nong-2021").authority()
    g.acting_for("head", absent={"head", "standing_deputy"}).answer
    # ('deputy_tttt', 'deputy_vpubnd')
    ```
    """

    __slots__ = ()

    def _repr_svg_(self) -> str:
        """Render as a self-contained SVG picture in Jupyter (offline; see ``steering._svg``)."""
        from steering._svg import graph_svg  # noqa: PLC0415 - display code loads lazily
        from steering.display import display_language  # noqa: PLC0415 - display loads lazily

        return graph_svg(self, display_language())

    def to_svg(self, lang: str = "vi") -> str:
        """The graph as a self-contained SVG picture: posts by rank, edges by relation."""
        from steering._svg import graph_svg  # noqa: PLC0415 - display code loads lazily

        return graph_svg(self, _args.as_lang(lang))

    def to_mermaid(self) -> str:
        """The graph as Mermaid flowchart text (see [`steering.exports`][steering.exports])."""
        from steering.exports import to_mermaid  # noqa: PLC0415 - avoids an import cycle

        return to_mermaid(self)

    def to_dot(self) -> str:
        """The graph as Graphviz DOT text (see [`steering.exports`][steering.exports])."""
        from steering.exports import to_dot  # noqa: PLC0415 - avoids an import cycle

        return to_dot(self)

    def to_node_link(self) -> dict[str, Any]:
        """The graph as JSON-ready node-link data (see [`steering.exports`][steering.exports])."""
        from steering.exports import to_node_link  # noqa: PLC0415 - avoids an import cycle

        return to_node_link(self)

    def to_graphml(self) -> str:
        """The graph as GraphML text (see [`steering.exports`][steering.exports])."""
        from steering.exports import to_graphml  # noqa: PLC0415 - avoids an import cycle

        return to_graphml(self)
