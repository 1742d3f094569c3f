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

import datetime as dt
import enum
import functools
import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Concatenate, ParamSpec

import attrs
import networkx as nx

from steering import _args, world
from steering import _authority_algo as algo
from steering import _matching as matching
from steering import _signing as signing
from steering._text import fold, nfc, vi_date
from steering._vocab import MEETING_WORDS, ROLE_WORDS
from steering.errors import (
    ArgumentTypeError,
    Problem,
    QueryError,
    RegulationFileError,
    UnknownIdError,
    UnknownPostError,
)
from steering.regulation import Regulation
from steering.roles import COMMITTEE, Post
from steering.rules import (
    OWN_PARTS,
    WORDS,
    AttendanceCondition,
    Citation,
    Delegation,
    MeetingKind,
    MonitorTarget,
    Seal,
    SealKind,
    SealRule,
    SigningForm,
    SigningRule,
    Substitution,
)
from steering.ruling import Question, Ruling, Status, sentence
from steering.validation import find_cycle

__all__ = ["AuthorityGraph", "CycleError", "Relation"]

_CACHE_LIMIT = 65_536


class Relation(enum.StrEnum):
    """The typed relations (edge kinds) of the authority graph."""

    ACTS_FOR = "acts_for"  # substitute --> principal (rank, also_absent)
    ACCOUNTABLE_TO = "accountable_to"  # subject --> post, body or committee
    REPORTS_TO = "reports_to"  # reporter --> recipient
    DIRECTS = "directs"  # subject --> object
    CONVENES = "convenes"  # post --> committee or working group (meeting kind)
    PROPOSES = "proposes"  # on whose proposal a meeting is convened
    USES_SEAL = "uses_seal"  # post --> seal:<agency>
    MAY_SIGN = "may_sign"  # post --> document:<kind>
    MONITORS = "monitors"  # member post --> target:<sector or locality>
    MEMBER_OF = "member_of"  # working-group post --> working group
    DELEGATES_TO = "delegates_to"  # delegator --> delegate (TUQ.)


class CycleError(RegulationFileError):
    """The regulation's substitution or accountability relations form a cycle.

    Attributes:
        cycle: The cycle, first node repeated last (``["head", "standing_deputy", "head"]``).

    """

    def __init__(self, file: str, path: str, cycle: Sequence[str]) -> None:
        self.cycle: tuple[str, ...] = tuple(cycle)
        shown = " --> ".join(self.cycle)
        problem = Problem(
            path=path, message=f"found a cycle {shown}; allowed: no cycles", file=file
        )
        super().__init__(file, [problem])


_CONDITION_VI = {
    AttendanceCondition.REPORT_TO_CHAIR: "báo cáo người chủ trì cuộc họp",
    AttendanceCondition.CHAIR_CONSENT: "được sự đồng ý của người chủ trì cuộc họp",
    AttendanceCondition.WRITTEN_OPINION: "tham gia ý kiến bằng văn bản",
}
_CONDITION_EN = {
    AttendanceCondition.REPORT_TO_CHAIR: "report to the chair",
    AttendanceCondition.CHAIR_CONSENT: "have the chair's consent",
    AttendanceCondition.WRITTEN_OPINION: "give a written opinion",
}
_FORM_VI = {
    SigningForm.TM: "thay mặt tập thể (TM.)",
    SigningForm.KT: "ký thay (KT.)",
    SigningForm.Q: "quyền (Q.)",
    SigningForm.TL: "thừa lệnh (TL.)",
    SigningForm.TUQ: "thừa ủy quyền (TUQ.)",
    SigningForm.DIRECT: "ký trực tiếp, không có chữ viết tắt",
}
_FORM_EN = {
    SigningForm.TM: "on behalf of the collective (TM.)",
    SigningForm.KT: "for the head (KT.)",
    SigningForm.Q: "as acting head (Q.)",
    SigningForm.TL: "by order (TL.)",
    SigningForm.TUQ: "by written authorisation (TUQ.)",
    SigningForm.DIRECT: "in their own name, with no prefix",
}


def _join(items: Sequence[str], word: str) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _cite(citations: Iterable[Citation], lang: str) -> str:
    labels: list[str] = []
    for c in citations:
        label = c.label(lang)
        if c.words != "text":  # a paraphrase or translation says so wherever it is cited
            label += f" ({WORDS[c.words][0 if lang == 'vi' else 1]})"
        if label not in labels:
            labels.append(label)
    return "; ".join(labels)


_P = ParamSpec("_P")


def _memo(
    method: Callable[Concatenate[AuthorityGraph, _P], Ruling],
) -> Callable[Concatenate[AuthorityGraph, _P], Ruling]:
    """Cache a query's rulings per graph, keyed by its (hashable) arguments.

    Rulings are frozen values, so a cached one is as good as a fresh one.
    Calls with extra written authorisations, or with unhashable arguments
    (a ``set`` of absent posts), are not cached.
    """
    name = method.__name__
    signature = inspect.signature(method)

    @functools.wraps(method)
    def wrapper(self: AuthorityGraph, /, *args: _P.args, **kwargs: _P.kwargs) -> Ruling:
        args, kwargs = _checked(name, signature, self, args, kwargs)  # type: ignore[assignment]
        if kwargs.get("delegations") is not None:
            return self._dated(method(self, *args, **kwargs))
        key = (name, args, tuple(sorted(kwargs.items())))
        cache = self._query_cache
        try:
            hit = cache.get(key)
        except TypeError:
            return self._dated(method(self, *args, **kwargs))
        if hit is not None:
            return hit
        ruling = self._dated(method(self, *args, **kwargs))
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[key] = ruling
        return ruling

    return wrapper


def _check_arg(name: str, value: Any) -> Any:  # noqa: PLR0911 - one return per kind of argument
    """One argument of a query, checked at the door by its name (see ``steering._args``)."""
    if name in ("post", "body", "locality_or_sector"):
        return _args.as_text(value, name)
    if name in ("document", "domain", "chaired_by"):
        return None if value is None else _args.as_text(value, name)
    if name == "kind":
        return value if isinstance(value, MeetingKind) else _args.as_text(value, name)
    if name == "on":
        return _args.as_date(value, name)
    if name == "absent":
        return _args.as_ids(value, name)
    if name == "transitive":
        return _args.as_flag(value, name)
    if name == "delegations" and value is not None:
        if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
            raise ArgumentTypeError(f"delegations: found {type(value).__name__}; allowed: None "
                                    "or an iterable of Delegation")
        items = tuple(value)
        for i, d in enumerate(items):
            if not isinstance(d, Delegation):
                raise ArgumentTypeError(f"delegations[{i}]: found {type(d).__name__}; allowed: "
                                        "a Delegation")
        return items
    return value


def _bind(
    name: str, signature: inspect.Signature, graph: Any, args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> inspect.BoundArguments:
    """The query's arguments, bound to its parameters and each checked at the door."""
    try:
        bound = signature.bind(graph, *args, **kwargs)
    except TypeError as e:
        raise ArgumentTypeError(f"{name.lstrip('_')}: {e}") from None
    for param, value in list(bound.arguments.items())[1:]:
        bound.arguments[param] = _check_arg(param, value)
    return bound


def _checked(
    name: str, signature: inspect.Signature, graph: Any, args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The query's positional and keyword arguments, each checked at the door."""
    bound = _bind(name, signature, graph, args, kwargs)
    return tuple(bound.args[1:]), dict(bound.kwargs)


def _noted_last(ruling: Ruling, note_vi: str, note_en: str) -> Ruling:
    """``ruling`` with a note at the end of its explanations, said once.

    A ruling built on another (signature_block on acting_for) carries the note of the
    first: it is moved last, not repeated.
    """
    if ruling.text_vi.endswith(note_vi):
        return ruling
    vi = ruling.text_vi.replace(f" {note_vi}", "")
    en = ruling.text_en.replace(f" {note_en}", "")
    return attrs.evolve(ruling, text_vi=f"{vi} {note_vi}", text_en=f"{en} {note_en}")


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _unique_cites(items: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(items))


def _lines(lines: Sequence[str]) -> str:
    # No quotation marks: the lines are composed by the decree's forms, not quoted from
    # the text (issue 12: quotation marks only around the text's own words).
    return " / ".join(lines)


def _verbatim(part: str, whole: str) -> bool:
    """Whether ``part`` stands word for word in ``whole`` (up to whitespace and case)."""
    return " ".join(part.split()).casefold() in " ".join(whole.split()).casefold()


class AuthorityGraph:
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

    __slots__ = (
        "_accountable",
        "_acting_cache",
        "_attendance",
        "_block_post",
        "_convening",
        "_delegations",
        "_graph_cache",
        "_groups",
        "_monitor_pairs",
        "_node_set",
        "_posts",
        "_query_cache",
        "_reg",
        "_reports",
        "_seal_rules",
        "_signing_rules",
        "_style",
        "_subs",
    )

    def __init__(self, regulation: Regulation) -> None:
        """Build the graph of ``regulation``; prefer `from_regulation`.

        Raises:
            CycleError: Substitution or accountability relations form a cycle.
            RegulationFileError: A rule names an id the regulation does not define,
                or a written authorisation is malformed or re-delegated.

        """
        self._reg = regulation
        self._posts: dict[str, Post] = {p.id: p for p in regulation.posts}
        self._groups = {g.id for g in regulation.working_groups}
        self._check(regulation)
        subs: dict[str, list[Substitution]] = {}
        for s in regulation.substitutions:
            subs.setdefault(s.principal, []).append(s)
        self._subs: dict[str, tuple[Substitution, ...]] = {
            k: tuple(sorted(v, key=lambda r: r.rank)) for k, v in subs.items()
        }
        acc: dict[str, list[str]] = {}
        for a in regulation.accountability:
            acc.setdefault(a.subject, []).extend(a.to)
        self._accountable = {k: _unique(v) for k, v in acc.items()}
        seal_rules: dict[str, list[SealRule]] = {}
        for sr in regulation.seals:
            for p in sr.posts:
                seal_rules.setdefault(p, []).append(sr)
        self._seal_rules = {k: tuple(v) for k, v in seal_rules.items()}
        signing_rules: dict[str, list[SigningRule]] = {}
        for sg in regulation.signing:
            for p in sg.posts:
                signing_rules.setdefault(p, []).append(sg)
        self._signing_rules = {k: tuple(v) for k, v in signing_rules.items()}
        self._reports = regulation.reports
        self._convening = regulation.convening
        self._attendance = regulation.attendance
        pairs: list[tuple[str, MonitorTarget]] = []
        if regulation.monitoring is not None:
            for asg in regulation.monitoring.assignments:
                pairs.extend((asg.post, t) for t in asg.targets)
        self._monitor_pairs = tuple(pairs)
        self._style = signing.style_from(regulation.identity.signature)
        self._delegations = regulation.delegations
        self._acting_cache: dict[tuple[str, frozenset[str], dt.date | None], Ruling] = {}
        self._query_cache: dict[tuple[Any, ...], Ruling] = {}
        self._node_set = frozenset(regulation.node_ids())
        # The networkx graph is built on first use (exports, to_networkx, repr):
        # queries answer from the indexes above, so loading a national registry
        # does not pay for a graph nobody draws.
        self._graph_cache: nx.MultiDiGraph[str] | None = None

    @classmethod
    def from_regulation(cls, regulation: Regulation) -> AuthorityGraph:
        """The authority graph of ``regulation`` (what `Regulation.authority` returns)."""
        return cls(regulation)

    # -- construction --------------------------------------------------------

    def _check(self, reg: Regulation) -> None:  # noqa: PLR0912 - one check per rule kind
        file = reg.origin or reg.id or "<regulation>"
        known = set(reg.node_ids())
        posts = set(self._posts)
        problems: list[Problem] = []

        def need(path: str, values: Iterable[str], allowed: set[str], what: str) -> None:
            for v in values:
                if v not in allowed:
                    problems.append(
                        Problem(
                            path=path,
                            message=f"found {v!r}, which names no {what}; allowed: "
                            f"{', '.join(sorted(allowed))}",
                            file=file,
                        )
                    )

        for i, s in enumerate(reg.substitutions):
            need(
                f"substitutions[{i}]", (s.principal, *s.substitutes, *s.also_absent), posts, "post"
            )
        for i, a in enumerate(reg.accountability):
            need(f"accountability[{i}]", (a.subject, *a.to), known, "post, group or body")
        for i, r in enumerate(reg.reports):
            need(f"reports[{i}]", (*r.reporters, *r.recipients, *r.through), known, "node")
        for i, c in enumerate(reg.convening):
            need(f"convening[{i}]", (c.body, *c.conveners, *c.on_proposal_of), known, "node")
        for i, sr in enumerate(reg.seals):
            need(f"seals[{i}].posts", sr.posts, known, "post, group or body")
        for i, sg in enumerate(reg.signing):
            need(f"signing[{i}].posts", sg.posts, known, "post, group or body")
        for i, at in enumerate(reg.attendance):
            need(f"attendance[{i}].posts", at.posts, posts, "post")
        if reg.monitoring is not None:
            for i, asg in enumerate(reg.monitoring.assignments):
                need(f"monitoring.assignments[{i}].post", (asg.post,), posts, "post")
        for i, dl in enumerate(reg.delegations):
            need(f"delegations[{i}]", (dl.delegator, dl.delegate), posts, "post")
            problems.extend(
                Problem(path=f"delegations[{i}]", message=msg, file=file)
                for msg in self._delegation_faults(dl)
            )
        for i, j in algo.redelegations(reg.delegations):
            problems.append(
                Problem(
                    path=f"delegations[{j}]",
                    message=f"found {reg.delegations[j].delegator!r} re-delegating authority it "
                    f"holds by delegations[{i}]; a written authorisation may not be re-delegated "
                    "(Nghị định 30/2020/NĐ-CP, Điều 13 khoản 3)",
                    file=file,
                )
            )
        if problems:
            raise RegulationFileError(file, problems)
        cyc = find_cycle((s.principal, t) for s in reg.substitutions for t in s.substitutes)
        if cyc:
            raise CycleError(file, "substitutions", cyc)
        cyc = find_cycle((a.subject, t) for a in reg.accountability for t in a.to)
        if cyc:
            raise CycleError(file, "accountability", cyc)

    @staticmethod
    def _delegation_faults(dl: Delegation) -> list[str]:
        faults: list[str] = []
        if not dl.documents:
            faults.append(
                "found no document kinds; a written authorisation is limited in content "
                "(Nghị định 30/2020/NĐ-CP, Điều 13 khoản 3)"
            )
        if dl.end < dl.start:
            faults.append(f"found end {dl.end} before start {dl.start}")
        if dl.delegator == dl.delegate:
            faults.append(f"found {dl.delegate!r} authorising itself")
        return faults

    def _build(self) -> nx.MultiDiGraph[str]:  # noqa: PLR0912 - one loop per relation reads best
        reg = self._reg
        g: nx.MultiDiGraph[str] = nx.MultiDiGraph(regulation=reg.id)
        for p in reg.posts:
            g.add_node(
                p.id,
                kind="post",
                role=p.role.value,
                label=p.title,
                office=p.office,
                agency=p.agency,
                # Other posts the same person holds: absent together (issue #13).
                concurrent_with=",".join(p.concurrent_with),
            )
        for wg in reg.working_groups:
            g.add_node(wg.id, kind="working_group", label=wg.name)
        for b in reg.bodies:
            g.add_node(b.id, kind="body", label=b.name)
        for co in reg.collectives:
            # A leadership collective: a body made of posts (issue #13).
            g.add_node(co.id, kind="collective", label=co.name, posts=",".join(co.posts))
        g.add_node(COMMITTEE, kind="committee", label=reg.name_of(COMMITTEE))

        def edge(u: str, v: str, rel: Relation, citation: Citation, **extra: Any) -> None:
            key = f"{rel.value}:{g.number_of_edges(u, v)}"
            g.add_edge(u, v, key=key, relation=rel.value, citation=citation, **extra)

        for s in reg.substitutions:
            for t in s.substitutes:
                edge(
                    t,
                    s.principal,
                    Relation.ACTS_FOR,
                    s.citation,
                    rank=s.rank,
                    also_absent=s.also_absent,
                )
        for a in reg.accountability:
            for t in a.to:
                edge(a.subject, t, Relation.ACCOUNTABLE_TO, a.citation, matter=a.matter)
        for d in reg.directions:
            for su in d.subjects:
                for ob in d.objects:
                    edge(su, ob, Relation.DIRECTS, d.citation, matter=d.matter)
        for r in reg.reports:
            for rp in r.reporters:
                for rc in r.recipients:
                    edge(rp, rc, Relation.REPORTS_TO, r.citation, report=r.id)
        for c in reg.convening:
            for cv in c.conveners:
                edge(cv, c.body, Relation.CONVENES, c.citation, meeting=c.meeting.value)
            for pr in c.on_proposal_of:
                edge(pr, c.body, Relation.PROPOSES, c.citation, meeting=c.meeting.value)
        for sr in reg.seals:
            for holder in sr.posts:
                node = self._seal_node(sr.seal, holder)
                g.add_node(node, kind="seal", label=node.removeprefix("seal:"))
                edge(holder, node, Relation.USES_SEAL, sr.citation, documents=sr.documents)
        for sg in reg.signing:
            for signer in sg.posts:
                for doc in sg.documents or ("*",):
                    node = f"document:{doc}"
                    g.add_node(node, kind="document", label=doc)
                    edge(signer, node, Relation.MAY_SIGN, sg.citation)
        if reg.monitoring is not None:
            for asg in reg.monitoring.assignments:
                for tg in asg.targets:
                    node = f"target:{tg.text}"
                    g.add_node(node, kind="target", label=tg.text, target=tg.kind.value)
                    edge(asg.post, node, Relation.MONITORS, asg.citation)
        for p in reg.posts:
            if p.group and p.group in self._groups:
                edge(p.id, p.group, Relation.MEMBER_OF, p.citation)
        for dl in reg.delegations:
            edge(
                dl.delegator,
                dl.delegate,
                Relation.DELEGATES_TO,
                dl.citation,
                documents=dl.documents,
                start=dl.start.isoformat(),
                end=dl.end.isoformat(),
            )
        return g

    @property
    def _graph(self) -> nx.MultiDiGraph[str]:
        graph = self._graph_cache
        if graph is None:
            # Building twice from two threads yields equal graphs; the last wins.
            graph = nx.freeze(self._build())
            self._graph_cache = graph
        return graph

    def _seal_node(self, seal: Seal, holder: str) -> str:
        if seal.kind is SealKind.AGENCY:
            return f"seal:{seal.agency}"
        if seal.kind is SealKind.NONE:
            return "seal:none"
        agency = self._posts[holder].agency if holder in self._posts else ""
        return f"seal:{agency}" if agency else "seal:own_agency"

    # -- public helpers --------------------------------------------------------

    @property
    def regulation(self) -> Regulation:
        """The regulation the graph was built from."""
        return self._reg

    @property
    def post_ids(self) -> tuple[str, ...]:
        """The regulation's post ids, in file order."""
        return tuple(self._posts)

    def to_networkx(self) -> nx.MultiDiGraph[str]:
        """A mutable copy of the underlying graph, for power users."""
        return nx.MultiDiGraph(self._graph)

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

    def __repr__(self) -> str:
        g = self._graph
        return (
            f"<AuthorityGraph {self._reg.id!r}: {g.number_of_nodes()} nodes, "
            f"{g.number_of_edges()} relations>"
        )

    # -- names --------------------------------------------------------------------

    def _post(self, post_id: str) -> Post:
        p = self._posts.get(post_id) if isinstance(post_id, str) else None
        if p is None:
            roles = tuple(i for i, x in self._posts.items() if x.role.value == post_id)
            raise UnknownPostError(str(post_id), self._posts, roles)
        return p

    def _node(self, node_id: str) -> str:
        if not isinstance(node_id, str) or node_id not in self._node_set:
            roles = tuple(i for i, x in self._posts.items() if x.role.value == node_id)
            raise UnknownPostError(str(node_id), self._reg.node_ids(), roles)
        return node_id

    def _name(self, node_id: str, lang: str) -> str:
        p = self._posts.get(node_id)
        if p is None:
            if node_id == "chair":
                return "người chủ trì cuộc họp" if lang == "vi" else "the chair of the meeting"
            return self._reg.name_of(node_id)
        # The office in parentheses, unless the title already says it ("Phó Trưởng
        # ban là Trưởng phòng Văn hóa và Thông tin" is held by that Trưởng phòng).
        office = p.office if p.office and fold(p.office) not in fold(p.title) else ""
        if lang == "vi":
            return f"{p.title} ({office})" if office else p.title
        gloss = ROLE_WORDS[p.role][1]
        return f"{p.title} ({gloss}; {office})" if office else f"{p.title} ({gloss})"

    def _names(self, ids: Iterable[str], lang: str, word: str | None = None) -> str:
        if word is None:
            word = "và" if lang == "vi" else "and"
        return _join([self._name(i, lang) for i in ids], word)

    def _absent_set(self, absent: Iterable[str] | str | None) -> frozenset[str]:
        if absent is None:
            return frozenset()
        values = frozenset((absent,)) if isinstance(absent, str) else frozenset(absent)
        for a in sorted(values, key=str):
            self._post(a)
        return frozenset(nfc(a) for a in values)

    # -- acting_for --------------------------------------------------------------

    def acting_for(
        self,
        post: str,
        absent: Iterable[str] | str | None = None,
        on: dt.date | None = None,
    ) -> Ruling:
        """Who acts for ``post`` when the posts in ``absent`` are absent.

        "Who acts for X" presumes X is away: with ``absent`` omitted (``None``)
        the post asked about is the one absent, as on the command line
        (`steering acting`) and in the web API. Pass ``absent=()`` to ask with
        nobody absent (the post then acts in person).

        Follows the regulation's substitution rules in rank order; a rule
        applies only when every post in its ``also_absent`` is absent too.
        Substitutes of one tier are unordered: when several are present all
        are named and the ruling says the regulation does not order them.
        Nothing is inferred transitively.

        Args:
            post: The post acted for.
            absent: The posts absent (``post`` itself must be among them for a
                substitute to act); ``None`` (the default) means ``{post}``.
            on: The date asked about (recorded on the ruling).

        Returns:
            ``decided`` with the acting posts; ``nobody_available`` when every
            substitute of every applicable rule is absent; ``not_specified``
            when no rule covers the case.

        Raises:
            UnknownPostError: ``post`` or an absent id names no post.

        """
        post = _args.as_text(post, "post")
        # Left out (None), the post asked about is the one away: "who acts for X"
        # presumes X is absent, as the CLI and the web API read it.
        fs = frozenset((post,)) if absent is None else _args.as_ids(absent, "absent")
        on = _args.as_date(on, "on")
        key = (post, fs, on)
        try:
            hit = self._acting_cache.get(key)
        except TypeError:  # an unhashable id: let validation name it
            hit = None
        if hit is not None:
            return hit
        self._post(post)
        self._absent_set(fs)
        ruling = self._dated(self._acting_for(post, fs, on))
        if len(self._acting_cache) >= _CACHE_LIMIT:
            self._acting_cache.clear()
        self._acting_cache[key] = ruling
        return ruling

    def _optional_groups(self, ruling: Ruling) -> Ruling:
        """Say so when an answer concerns a group set up only when needed."""
        optional = {g.id: g for g in self._reg.working_groups if g.optional is not None}
        if not optional:
            return ruling
        ids = {ruling.subject, *ruling.answer, *ruling.chain, *ruling.candidates}
        ids |= {self._posts[i].group for i in list(ids) if i in self._posts}
        hits = [optional[i] for i in sorted(ids & set(optional))]
        if not hits:
            return ruling
        cites = tuple(g.optional for g in hits if g.optional is not None)
        names = _join([g.name for g in hits], "và")
        names_en = _join([g.name for g in hits], "and")
        note_vi = (f"Lưu ý: {names} chỉ được thành lập khi cần thiết ({_cite(cites, 'vi')}); "
                   "câu trả lời áp dụng khi đã được thành lập.")
        note_en = (f"Note: {names_en} is set up only when needed ({_cite(cites, 'en')}); the "
                   "answer applies once it is set up.")
        if ruling.text_vi.endswith(note_vi):
            return ruling
        return attrs.evolve(ruling, citations=_unique_cites((*ruling.citations, *cites)),
                            text_vi=f"{ruling.text_vi} {note_vi}",
                            text_en=f"{ruling.text_en} {note_en}")

    def _replaced_sources(self, ruling: Ruling) -> Ruling:
        """Flag a citation of an instrument this regulation replaces ("thay thế ...").

        A rule known only from a replaced decision is still cited, but the answer says
        the decision it rests on was replaced, citing the clause that replaces it.
        """
        replaced = self._reg.identity.replaces
        hits = [(c, r) for c in ruling.citations if c.document not in OWN_PARTS
                for r in replaced if r.number and r.number in c.document]
        if not hits:
            return ruling
        vi = "; ".join(f"{c.label('vi')} thuộc {c.document}, văn bản mà quy chế này thay thế "
                       f"({r.citation.label('vi')})" for c, r in hits)
        en = "; ".join(f"{c.label('en')} rests on {c.document}, which this regulation "
                       f"replaces ({r.citation.label('en')})" for c, r in hits)
        if ruling.text_vi.endswith(f"Lưu ý: {vi}."):
            return ruling
        return attrs.evolve(ruling, text_vi=f"{ruling.text_vi} Lưu ý: {vi}.",
                            text_en=f"{ruling.text_en} Note: {en}.")

    def _dated(self, ruling: Ruling) -> Ruling:
        """Say so when the date asked about is before the regulation can be in force.

        The answer is still the regulation's (a user may ask what it would say);
        the explanation warns that it did not govern that day (Thanh Hóa 2021, in
        force from 01/2021, asked about 2020).
        """
        ruling = self._optional_groups(self._replaced_sources(ruling))
        if ruling.on is None:
            return ruling
        first, surely = self._reg.in_force_window
        if (self._reg.identity.signed is None and (first is None or ruling.on >= first)
                and (surely is None or ruling.on < surely)):
            return self._unknown_start(ruling)
        if first is None or ruling.on >= first:
            # Past a reorganisation or a successor's start: say so (steering.world).
            return world.situate(ruling, self._reg)
        note_vi = (f"Lưu ý: ngày {vi_date(ruling.on)}, quy chế này chưa có hiệu lực "
                   f"(sớm nhất từ {vi_date(first)}).")
        note_en = (f"Note: on {ruling.on.isoformat()} this regulation was not yet in force "
                   f"(at the earliest from {first.isoformat()}).")
        return _noted_last(ruling, note_vi, note_en)

    def _unknown_start(self, ruling: Ruling) -> Ruling:
        """Say that whether the regulation governed the day asked about is not known.

        The signing date is unknown (``unknown = ["signed"]``) and the day asked
        about is not past the last day the file's bounds allow.
        """
        signed_vi = self._reg.identity.signed_text("vi")
        signed_en = self._reg.identity.signed_text("en")
        note_vi = (f"Lưu ý: ngày ký quy chế {signed_vi}; không rõ quy chế đã có hiệu lực "
                   "vào ngày được hỏi chưa.")
        note_en = (f"Note: the regulation's signing date is {signed_en}; whether it was in "
                   "force on the day asked about is not known.")
        return _noted_last(ruling, note_vi, note_en)

    def _with_concurrent(
        self, absent: frozenset[str]
    ) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
        """The posts absent once every post held by an absent person is absent too.

        One person holding several posts (``concurrent_with``) is away from all of
        them at once. Returns the whole set and, for each post added, the absent post
        whose holder holds it, in a stable order.
        """
        seen = set(absent)
        added: list[tuple[str, str]] = []
        todo = sorted(absent)
        while todo:
            via = todo.pop(0)
            holder = self._posts.get(via)
            for other in holder.concurrent_with if holder is not None else ():
                if other not in seen and other in self._posts:
                    seen.add(other)
                    added.append((other, via))
                    todo.append(other)
        return frozenset(seen), tuple(added)

    def _concurrency_note(
        self, ruling: Ruling, added: tuple[tuple[str, str], ...], relevant: set[str]
    ) -> Ruling:
        """Say which posts count as absent because their holder is absent from another."""
        shown = [(x, via) for x, via in added if x in relevant]
        if not shown:
            return ruling
        cites = _unique_cites(
            c for x, via in shown for c in (self._post(via).citation, self._post(x).citation)
        )
        vi = "; ".join(
            f"{self._name(x, 'vi')} cũng vắng mặt vì người giữ chức vụ này đồng thời là "
            f"{self._name(via, 'vi')}" for x, via in shown
        )
        en = "; ".join(
            f"{self._name(x, 'en')} is absent too, as its holder is also "
            f"{self._name(via, 'en')}" for x, via in shown
        )
        return attrs.evolve(
            ruling,
            citations=_unique_cites((*ruling.citations, *cites)),
            text_vi=f"{ruling.text_vi} Lưu ý: {vi} ({_cite(cites, 'vi')}).",
            text_en=f"{ruling.text_en} Note: {en} ({_cite(cites, 'en')}).",
        )

    def _acting_for(self, post: str, absent: frozenset[str], on: dt.date | None) -> Ruling:
        eff, added = self._with_concurrent(absent)
        ruling = self._acting_core(post, eff, on)
        relevant = {post}
        for r in self._subs.get(post, ()):
            relevant.update((*r.substitutes, *r.also_absent))
        return self._concurrency_note(ruling, added, relevant)

    def _acting_core(self, post: str, absent: frozenset[str], on: dt.date | None) -> Ruling:
        rules = self._subs.get(post, ())
        res = algo.resolve_substitution(post, absent, rules)
        p = self._post(post)
        common: dict[str, Any] = {
            "question": Question.ACTING_FOR,
            "subject": post,
            "absent": absent,
            "on": on,
        }
        if res.kind == "present":
            return Ruling(
                status=Status.DECIDED,
                answer=(post,),
                chain=(post,),
                citations=(),
                **common,
                text_vi=f"{self._name(post, 'vi')} không vắng mặt nên tự mình đảm nhiệm.",
                text_en=f"{self._name(post, 'en')} is not absent, so acts in person.",
            )
        if res.kind == "no_rule":
            return Ruling(
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                **common,
                text_vi=f"Quy chế không quy định ai thay {self._name(post, 'vi')} khi vắng mặt.",
                text_en=(
                    f"The regulation does not say who acts for {self._name(post, 'en')} "
                    "when absent."
                ),
            )
        if res.kind == "no_case":
            conds = list(res.skipped)
            cites = _unique_cites(r.citation for r in conds)
            needed = _unique(x for r in conds for x in (post, *r.also_absent))
            return Ruling(
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                citations=cites,
                **common,
                text_vi=(
                    f"Quy chế chỉ quy định người thay {self._name(post, 'vi')} khi "
                    f"{self._names(needed, 'vi')} cùng vắng mặt ({_cite(cites, 'vi')}); "
                    "trường hợp này không được quy định."
                ),
                text_en=(
                    f"The regulation names a substitute for {self._name(post, 'en')} only when "
                    f"{self._names(needed, 'en')} are {'both' if len(needed) == 2 else 'all'} "
                    f"absent ({_cite(cites, 'en')}); this case is not specified."
                ),
            )
        chain = (post, *(s for r in res.used for s in r.substitutes))
        deciding_cond = set(res.used[-1].also_absent) if res.used else set()
        cites = _unique_cites(r.citation for r in res.used)
        tried = res.used[:-1] if res.kind == "decided" else res.used
        tried_ids = tuple(
            s for s in _unique(s for r in tried for s in r.substitutes) if s not in deciding_cond
        )
        tried_vi = tried_en = ""
        if tried_ids and res.kind == "decided":
            tc = _unique_cites(r.citation for r in tried)
            tried_vi = f"{self._names(tried_ids, 'vi')} cũng vắng mặt ({_cite(tc, 'vi')}), nên "
            verb = "is" if len(tried_ids) == 1 else "are"
            tried_en = f"{self._names(tried_ids, 'en')} {verb} also absent ({_cite(tc, 'en')}), so "
        if res.kind == "nobody":
            subs = _unique(s for r in res.used for s in r.substitutes)
            if len(subs) == 1:
                who_vi = f"người quy chế giao thay là {self._names(subs, 'vi')} cũng vắng mặt"
                who_en = (
                    f"so is the substitute the regulation names, {self._names(subs, 'en')}"
                )
            else:
                who_vi = (
                    f"những người quy chế giao thay là {self._names(subs, 'vi')} cũng đều "
                    "vắng mặt"
                )
                who_en = (
                    f"so are all the substitutes the regulation names: {self._names(subs, 'en')}"
                )
            return Ruling(
                status=Status.NOBODY_AVAILABLE,
                chain=chain,
                citations=cites,
                **common,
                text_vi=(
                    f"{self._name(post, 'vi')} vắng mặt và {who_vi} ({_cite(cites, 'vi')}); "
                    "quy chế không quy định ai thay tiếp, nên không có ai đảm nhiệm."
                ),
                text_en=(
                    f"{self._name(post, 'en')} is absent and {who_en} ({_cite(cites, 'en')}); "
                    "the regulation names no one further, so nobody is available."
                ),
            )
        deciding = res.used[-1]
        cond = _unique((post, *deciding.also_absent))
        acting = res.acting
        unordered = len(acting) > 1
        scope_vi = f" {deciding.scope}" if deciding.scope else f" thay {p.title}"
        verb_vi = "cùng được" if unordered else ""
        text_vi = (
            f"Khi {self._names(cond, 'vi')} vắng mặt, {tried_vi}{self._names(acting, 'vi')}"
            f"{' ' + verb_vi if verb_vi else ''}{scope_vi} ({_cite((deciding.citation,), 'vi')})."
        )
        verb_en = "act" if unordered else "acts"
        text_en = (
            f"When {self._names(cond, 'en')} {'is' if len(cond) == 1 else 'are'} absent, "
            f"{tried_en}{self._names(acting, 'en')} {verb_en} for {self._name(post, 'en')}"
            # The clause's own scope, quoted: Thanh Hóa 2021 Điều 4 khoản 1 lets the standing
            # deputy act "chỉ đạo hoạt động của Ban Chỉ đạo" only.
            f"{f': «{deciding.scope}»' if deciding.scope else ''} "
            f"({_cite((deciding.citation,), 'en')})."
        )
        if unordered:
            text_vi += f" Quy chế không quy định thứ tự giữa {self._names(acting, 'vi')}."
            text_en += f" The regulation does not order {self._names(acting, 'en')}."
        return Ruling(
            status=Status.DECIDED,
            answer=acting,
            chain=chain,
            citations=cites,
            unordered=unordered,
            **common,
            text_vi=text_vi,
            text_en=text_en,
        )

    # -- delegations --------------------------------------------------------------

    def _delegations_for(self, extra: Iterable[Delegation] | None) -> tuple[Delegation, ...]:
        if not extra:
            return self._delegations
        added = tuple(extra)
        for i, dl in enumerate(added):
            if not isinstance(dl, Delegation):
                raise QueryError(
                    f"delegations[{i}]: found {type(dl).__name__}; allowed: steering.Delegation"
                )
            self._post(dl.delegator)
            self._post(dl.delegate)
            faults = self._delegation_faults(dl)
            if faults:
                raise QueryError(f"delegations[{i}]: {'; '.join(faults)}")
        every = (*self._delegations, *added)
        bad = algo.redelegations(every)
        if bad:
            i, j = bad[0]
            raise QueryError(
                f"delegation {every[j].delegator!r} --> {every[j].delegate!r} re-delegates "
                f"authority received from {every[i].delegator!r}; a written authorisation may "
                "not be re-delegated (Nghị định 30/2020/NĐ-CP, Điều 13 khoản 3)"
            )
        return every

    def _delegation(
        self,
        post: str,
        on: dt.date | None,
        document: str | None,
        delegations: Iterable[Delegation] | None,
    ) -> Delegation | None:
        for dl in self._delegations_for(delegations):
            if dl.delegate == post and algo.delegation_in_force(dl, on, document):
                return dl
        return None

    def _delegation_unsure(
        self,
        post: str,
        on: dt.date | None,
        document: str | None,
        delegations: Iterable[Delegation] | None,
        *,
        question: Question,
        absent: frozenset[str] = frozenset(),
    ) -> Ruling | None:
        """An ``ambiguous`` ruling where an authorisation names ``document``'s kind only partly.

        "Báo cáo" against an authorisation for "Báo cáo tháng"; ``None`` otherwise.
        """
        asked: dict[str, Any] = {"absent": absent}  # the converter's type is beyond mypy
        for dl in self._delegations_for(delegations):
            kinds = algo.delegation_partial(dl, on, document) if dl.delegate == post else ()
            if kinds:
                docs = ", ".join(f"“{d}”" for d in kinds)
                cite_vi, cite_en = _cite((dl.citation,), "vi"), _cite((dl.citation,), "en")
                return Ruling(
                    question=question,
                    subject=post,
                    status=Status.AMBIGUOUS,
                    candidates=kinds,
                    documents=kinds,
                    citations=(dl.citation,),
                    on=on,
                    delegation=dl,
                    **asked,
                    text_vi=(
                        f"{self._name(post, 'vi')} được {self._name(dl.delegator, 'vi')} ủy "
                        f"quyền ký {docs} ({cite_vi}); “{document}” không trùng văn bản nào được "
                        "liệt kê mà chỉ cùng loại, nên chưa xác định được văn bản này có thuộc "
                        "phạm vi ủy quyền hay không."
                    ),
                    text_en=(
                        f"{self._name(post, 'en')} holds a written authorisation from "
                        f"{self._name(dl.delegator, 'en')} for {docs} ({cite_en}); “{document}” "
                        "is none of the documents listed, only of the same kind, so whether the "
                        "authorisation covers it is not decided."
                    ),
                )
        return None

    # -- seals and signing ----------------------------------------------------------

    def _seal_answer(self, seal: Seal, holder: str) -> str:
        if seal.kind is SealKind.AGENCY:
            return seal.agency
        if seal.kind is SealKind.NONE:
            return "none"
        p = self._posts.get(holder)
        return p.agency if p is not None and p.agency else "own_agency"

    def _seal_words(self, seal: Seal, holder: str, lang: str, *, permitted: bool = False) -> str:
        answer = self._seal_answer(seal, holder)
        if seal.kind is SealKind.NONE:
            return "không sử dụng con dấu riêng" if lang == "vi" else "uses no seal of its own"
        # "được sử dụng" grants a permission (Thanh Hóa 2021 Điều 2 khoản 6): say "may use".
        verb_vi = "được sử dụng" if permitted else "sử dụng"
        verb_en = "may use" if permitted else "uses"
        if seal.kind is SealKind.OWN_AGENCY:
            named = f" ({answer})" if answer != "own_agency" else ""
            if lang == "vi":
                return f"{verb_vi} con dấu của cơ quan mình{named}"
            return f"{verb_en} the seal of the agency where the holder works{named}"
        if lang == "vi":
            return f"{verb_vi} con dấu của {answer}"
        return f"{verb_en} the seal of {answer}"

    def _own_seal(
        self, holder: str, document: str | None
    ) -> tuple[Status, tuple[SealRule, ...], tuple[SealRule, ...]]:
        """Status, the matching seal rules, and every rule naming ``holder``."""
        rules = self._seal_rules.get(holder, ())
        if document is None:
            matching = rules
        else:
            matching = tuple(
                r for r in rules if not r.documents or algo.document_matches(document, r.documents)
            )
        if matching:
            return Status.DECIDED, matching, rules
        partial = document is not None and any(
            algo.document_partial(document, r.documents) for r in rules
        )
        if partial:
            # "Báo cáo" names a kind; the clause lists one report of that kind (Vũng Tàu
            # Điều 7 khoản 8): which report is meant is not decided.
            return Status.AMBIGUOUS, (), rules
        return Status.NOT_SPECIFIED, (), rules

    def _signing(self, post: str, delegation: Delegation | None) -> signing.Signing:
        p = self._posts.get(post)
        if p is None:
            return signing.Signing(form=None, basis="no_standing")
        if delegation is not None:
            return signing.delegated_signing(self._style, self._post(delegation.delegator), p)
        return signing.own_signing(self._style, p)

    def _signing_scope(  # noqa: PLR0911 - one sentence per case and language
        self, name: str, rules: Sequence[SigningRule], lang: str, document: str | None
    ) -> tuple[str, tuple[Citation, ...]]:
        """What the post may sign, by its signing clauses ("" when it has none)."""
        if not rules:
            return "", ()
        every = _unique(d for r in rules for d in r.documents)
        scopes = _unique(r.scope for r in rules if r.scope)
        docs = _asked(every, document)
        cites = _unique_cites(r.citation for r in rules)
        listed = ", ".join(f"“{d}”" for d in every)
        scope = " và ".join(scopes) if lang == "vi" else " and ".join(scopes)
        if document is not None and every and not docs:
            if scopes:
                # Vũng Tàu Điều 7 khoản 8: four kinds "và các trường hợp khác trong phạm vi
                # chức năng, nhiệm vụ của Tổ giúp việc": an unlisted kind may fall within it.
                if lang == "vi":
                    return sentence(
                        f"{name} được ký {listed} và {scope} ({_cite(cites, 'vi')}); "
                        f"“{document}” có thuộc {scope} hay không thì quy chế không quy định."
                    ), cites
                return sentence(
                    f"{name} may sign {listed} and «{scope}» ({_cite(cites, 'en')}); whether "
                    f"“{document}” falls within that the regulation does not say."
                ), cites
            if lang == "vi":
                return sentence(
                    f"{name} chỉ được ký {listed} ({_cite(cites, 'vi')}); với “{document}” thì "
                    "quy chế không quy định."
                ), cites
            return sentence(
                f"{name} may sign only {listed} ({_cite(cites, 'en')}); for “{document}” the "
                "regulation does not say."
            ), cites
        quoted = ", ".join(f"“{d}”" for d in docs)
        tail = scope if scopes and document is None else ""
        if lang == "vi":
            what = " và ".join(x for x in (quoted, tail) if x) or "văn bản"
            return sentence(f"{name} được ký {what} ({_cite(cites, 'vi')})."), cites
        what = " and ".join(x for x in (quoted, f"«{tail}»" if tail else "") if x) or "documents"
        return sentence(f"{name} may sign {what} ({_cite(cites, 'en')})."), cites

    def _signing_text(
        self, post: str, sg: signing.Signing, lang: str, document: str | None = None
    ) -> tuple[str, tuple[Citation, ...]]:
        name = self._name(post, lang)
        rules = self._signing_rules.get(post, ())
        scope, scope_cites = self._signing_scope(name, rules, lang, document)
        if sg.form is not None:
            forms = _FORM_VI if lang == "vi" else _FORM_EN
            cites = sg.citations
            if sg.basis == "deputy":
                # The regulation says nothing of a deputy signing: the form follows from the
                # regime its signature block shows and Nghị định 30/2020 Điều 13, under which a
                # deputy signs what the head assigns (khoản 1) or its own field (khoản 2).
                if lang == "vi":
                    silent = "" if rules else f"Quy chế không quy định riêng việc {name} ký; "
                    text = sentence(
                        f"{silent}theo chế độ ký mà khối chữ ký của quyết định ban hành cho "
                        f"thấy, {name} ký những văn bản được giao theo hình thức "
                        f"{forms[sg.form]}: {_lines(sg.lines)} ({_cite(cites, 'vi')})."
                    )
                else:
                    silent = "" if rules else (
                        f"The regulation says nothing of {name} signing as such; ")
                    text = sentence(
                        f"{silent}under the signing regime its issuing decision's signature "
                        f"block shows, {name} signs what is assigned {forms[sg.form]}: "
                        f"{_lines(sg.lines)} ({_cite(cites, 'en')})."
                    )
            elif lang == "vi":
                text = (f"Khi ký văn bản, {name} ký theo hình thức {forms[sg.form]}: "
                        f"{_lines(sg.lines)} ({_cite(cites, 'vi')}).")
            else:
                text = (f"When signing, {name} signs {forms[sg.form]}: {_lines(sg.lines)} "
                        f"({_cite(cites, 'en')}).")
            if sg.form is SigningForm.DIRECT and any(c.quote.startswith("KT.") for c in cites):
                # Thanh Hóa 2024: the evidence is a deputy's «KT. TRƯỞNG BAN» block, which shows
                # the head's regime; it is not the head's own form (issue #17 item 10).
                text += (" Khối chữ ký KT. của quyết định ban hành là của cấp phó ký thay "
                         "người đứng đầu; nó cho thấy chế độ thủ trưởng, theo đó người đứng đầu "
                         "ký trực tiếp." if lang == "vi" else
                         " The issuing decision's KT. block is a deputy's, signing for the "
                         "head; it shows the head's regime, under which the head signs directly.")
            # The form does not replace what the post may sign (Vũng Tàu Điều 5).
            return " ".join(x for x in (text, scope) if x), _unique_cites((*cites, *scope_cites))
        if sg.basis == "unknown_regime":
            cites = (signing.ND30_HEAD_REGIME, signing.ND30_COLLECTIVE_HEAD)
            if lang == "vi":
                text = (
                    "Văn bản không có khối chữ ký của quyết định ban hành cho biết "
                    f"{self._reg.committee.kind.word('vi')} ký "
                    f"theo chế độ thủ trưởng hay chế độ tập thể ({_cite(cites, 'vi')}), nên hình "
                    "thức ký không được quy định."
                )
            else:
                text = (
                    "The text has no signature block of the issuing decision showing whether the "
                    f"committee signs under a head or as a collective ({_cite(cites, 'en')}), so "
                    "the signing form is not specified."
                )
            return " ".join(x for x in (text, scope) if x), _unique_cites((*cites, *scope_cites))
        if scope:
            unstated = (" Quy chế không quy định hình thức ký." if lang == "vi"
                        else " The regulation does not state the signing form.")
            return scope + unstated, scope_cites
        if lang == "vi":
            word = self._reg.committee.kind.word("vi")
            return f"Quy chế không quy định {name} ký văn bản của {word}.", ()
        word = self._reg.committee.kind.word("en")
        return f"The regulation does not say that {name} signs the {word}'s documents.", ()

    def _signing_texts(
        self, post: str, sg: signing.Signing, document: str | None
    ) -> tuple[str, str, tuple[Citation, ...]]:
        """The signing sentence in Vietnamese and English, and its citations ("" if no post)."""
        if post not in self._posts:
            return "", "", ()
        vi, cites = self._signing_text(post, sg, "vi", document)
        en, _ = self._signing_text(post, sg, "en", document)
        return vi, en, cites

    def _seal_sentences(
        self,
        holder: str,
        *,
        subj: tuple[str, str],
        status: Status,
        matching: tuple[SealRule, ...],
        rules: tuple[SealRule, ...],
        document: str | None,
    ) -> tuple[str, str, list[Citation], Seal | None, tuple[str, ...], tuple[str, ...]]:
        """The seal sentence (vi, en), its citations, the seal, the answer and the kinds."""
        subj_vi, subj_en = subj
        cites: list[Citation] = []
        seal: Seal | None = None
        answer: tuple[str, ...] = ()
        documents: tuple[str, ...] = ()
        if status is Status.DECIDED:
            seal = matching[0].seal
            answer = _unique(self._seal_answer(r.seal, holder) for r in matching)
            documents = _unique(d for r in matching for d in _asked(r.documents, document))
            cites.extend(r.citation for r in matching)
            parts_vi, parts_en = [], []
            for r in matching:
                docs = ", ".join(f"“{d}”" for d in _asked(r.documents, document))
                tail_vi = f" và {r.scope}" if docs and r.scope and document is None else ""
                tail_en = f" and «{r.scope}»" if docs and r.scope and document is None else ""
                parts_vi.append(
                    self._seal_words(r.seal, holder, "vi", permitted=r.permitted)
                    + (f" khi ký {docs}{tail_vi}" if docs else "")
                    + f" ({_cite((r.citation,), 'vi')})"
                )
                parts_en.append(
                    self._seal_words(r.seal, holder, "en", permitted=r.permitted)
                    + (f" when signing {docs}{tail_en}" if docs else "")
                    + f" ({_cite((r.citation,), 'en')})"
                )
            seal_vi = f"{subj_vi} {'; '.join(parts_vi)}."
            seal_en = f"{subj_en} {'; '.join(parts_en)}."
        elif status is Status.AMBIGUOUS:
            asked = document or ""  # _own_seal is ambiguous only when a document is asked
            documents = _unique(d for r in rules for d in algo.document_partial(asked, r.documents))
            cites.extend(r.citation for r in rules if algo.document_partial(asked, r.documents))
            docs = ", ".join(f"“{d}”" for d in documents)
            seal_vi = (
                f"“{document}” không trùng văn bản nào được liệt kê; quy chế quy định con dấu "
                f"của {subj_vi} khi ký {docs} ({_cite(cites, 'vi')}), cùng loại nhưng không phải "
                "mọi văn bản loại này, nên chưa xác định được con dấu."
            )
            seal_en = (
                f"“{document}” is none of the documents listed; the regulation states the seal "
                f"of {subj_en} for {docs} ({_cite(cites, 'en')}), of that kind but not every "
                "document of it, so the seal is not decided."
            )
        elif rules:
            documents = _unique(d for r in rules for d in r.documents)
            cites.extend(r.citation for r in rules)
            docs = ", ".join(f"“{d}”" for d in documents)
            scopes = _unique(r.scope for r in rules if r.scope)
            rule_cites = [r.citation for r in rules]
            if scopes:
                # Vũng Tàu Điều 7 khoản 8: listed kinds "và các trường hợp khác trong phạm vi
                # chức năng, nhiệm vụ của Tổ giúp việc": an unlisted kind may fall within it.
                scope_vi, scope_en = " và ".join(scopes), " and ".join(scopes)
                seal_vi = (
                    f"Quy chế quy định con dấu của {subj_vi} khi ký {docs} và {scope_vi} "
                    f"({_cite(rule_cites, 'vi')}); “{document}” có thuộc {scope_vi} hay "
                    "không thì quy chế không quy định, nên con dấu cho nó không được quy định."
                )
                seal_en = (
                    f"The regulation states the seal of {subj_en} for {docs} and «{scope_en}» "
                    f"({_cite(rule_cites, 'en')}); whether “{document}” falls within that it "
                    "does not say, so the seal for it is not specified."
                )
            else:
                seal_vi = (
                    f"Quy chế chỉ quy định con dấu của {subj_vi} khi ký {docs} "
                    f"({_cite(rule_cites, 'vi')}); với “{document}” thì không được quy định."
                )
                seal_en = (
                    f"The regulation states the seal of {subj_en} only for {docs} "
                    f"({_cite(rule_cites, 'en')}); for “{document}” it is not specified."
                )
        else:
            seal_vi = f"Quy chế không quy định {subj_vi} sử dụng con dấu nào."
            seal_en = f"The regulation does not say which seal {subj_en} uses."
            committee_rules = self._seal_rules.get(COMMITTEE, ()) if holder != COMMITTEE else ()
            for r in committee_rules:
                cites.append(r.citation)
                seal_vi += (
                    f" {self._name(COMMITTEE, 'vi')} {self._seal_words(r.seal, COMMITTEE, 'vi')}"
                    f" ({_cite((r.citation,), 'vi')})."
                )
                seal_en += (
                    f" {self._name(COMMITTEE, 'en')} {self._seal_words(r.seal, COMMITTEE, 'en')}"
                    f" ({_cite((r.citation,), 'en')})."
                )
        return seal_vi, seal_en, cites, seal, answer, documents

    @_memo
    def seal_for(
        self,
        post: str,
        document: str | None = None,
        *,
        on: dt.date | None = None,
        delegations: Iterable[Delegation] | None = None,
    ) -> Ruling:
        """Which seal ``post`` uses, and which signing form applies.

        The seal comes from the regulation's seal clauses (restricted to
        ``document`` where a clause names document kinds); the signing form
        from Nghị định 30/2020/NĐ-CP Điều 13 read with the regulation's own
        signature block. A post signing by written authorisation (TUQ.) on
        ``on`` for ``document`` uses the delegator's seal (Điều 13 khoản 3).
        Total: every post gets an answer, ``not_specified`` where the
        regulation is silent.

        Args:
            post: A post id, a working group id, or ``"committee"``.
            document: The document kind to be sealed, if it matters.
            on: The date, for written authorisations.
            delegations: Written authorisations besides the regulation's own.

        Raises:
            UnknownPostError: ``post`` names nothing sealable.
            QueryError: A delegation is malformed or re-delegated.

        """
        allowed = (*self._posts, *sorted(self._groups), COMMITTEE)
        if not isinstance(post, str) or post not in allowed:
            raise UnknownPostError(str(post), allowed)
        dl = self._delegation(post, on, document, delegations)
        if dl is None:
            unsure = self._delegation_unsure(
                post, on, document, delegations, question=Question.SEAL_FOR
            )
            if unsure is not None:
                return unsure
        holder = dl.delegator if dl is not None else post
        status, matching, rules = self._own_seal(holder, document)
        sg = self._signing(post, dl)
        name_vi, name_en = self._name(post, "vi"), self._name(post, "en")
        cites: list[Citation] = []
        if dl is not None:
            cites.append(dl.citation)
            pre_vi = (
                f"{name_vi} ký thừa ủy quyền của {self._name(holder, 'vi')} "
                f"({_cite((dl.citation,), 'vi')}), nên dùng con dấu của cơ quan ủy quyền "
                f"({_cite((signing.ND30_TUQ,), 'vi')}): "
            )
            pre_en = (
                f"{name_en} signs by written authorisation of {self._name(holder, 'en')} "
                f"({_cite((dl.citation,), 'en')}), so uses the delegator's seal "
                f"({_cite((signing.ND30_TUQ,), 'en')}): "
            )
            subj_vi, subj_en = self._name(holder, "vi"), self._name(holder, "en")
        else:
            pre_vi = pre_en = ""
            subj_vi, subj_en = name_vi, name_en
        seal_vi, seal_en, seal_cites, seal, answer, documents = self._seal_sentences(
            holder, subj=(subj_vi, subj_en), status=status, matching=matching, rules=rules,
            document=document,
        )
        cites.extend(seal_cites)
        if dl is not None:
            cites.append(signing.ND30_TUQ)
        if not documents:
            # No seal clause names kinds: the kinds the post may sign, if a clause lists them.
            signable = _unique(d for r in self._signing_rules.get(post, ()) for d in r.documents)
            documents = _asked(signable, document)
        sign_vi, sign_en, sc = self._signing_texts(post, sg, document)
        cites.extend(sc)
        return Ruling(
            question=Question.SEAL_FOR,
            subject=post,
            status=status,
            answer=answer,
            candidates=documents if status is Status.AMBIGUOUS else (),
            citations=_unique_cites(cites),
            on=on,
            seal=seal,
            signing_form=sg.form,
            documents=documents,
            lines=sg.lines,
            delegation=dl,
            text_vi=" ".join(x for x in (pre_vi + seal_vi, sign_vi) if x),
            text_en=" ".join(x for x in (pre_en + seal_en, sign_en) if x),
        )

    def signature_block(
        self,
        post: str,
        absent: Iterable[str] | str = frozenset(),
        on: dt.date | None = None,
        *,
        document: str | None = None,
        delegations: Iterable[Delegation] | None = None,
    ) -> Ruling:
        """The lines a document signed by ``post`` carries, as e-office apps print them.

        The head signs "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN" or plain "TRƯỞNG BAN",
        a deputy "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN", as the regulation's own
        signature block shows, followed by the holder's office where that block
        prints an office line.
        When ``post`` is absent, its acting substitute signs "KT." for it
        (Nghị định 30/2020/NĐ-CP Điều 13 khoản 1). A post holding a written
        authorisation in force on ``on`` for ``document`` signs "TUQ.".

        Returns:
            ``decided`` with ``lines`` and ``signing_form`` (``answer`` is the
            signer); ``nobody_available`` when ``post`` is absent and every
            substitute too; ``not_specified`` when the regulation settles no form.

        Raises:
            UnknownPostError: ``post`` or an absent id names no post.
            QueryError: A delegation is malformed or re-delegated.

        """
        checked = _bind("signature_block", _SIGNATURE_BLOCK, self, (), {
            "post": post, "absent": absent, "on": on, "document": document,
            "delegations": delegations}).arguments
        post, absent, on = checked["post"], checked["absent"], checked["on"]
        document, delegations = checked["document"], checked["delegations"]
        return self._dated(self._signature_block(
            post, absent, on, document=document, delegations=delegations
        ))

    def _signature_block(
        self,
        post: str,
        absent: Iterable[str] | str,
        on: dt.date | None,
        *,
        document: str | None,
        delegations: Iterable[Delegation] | None,
    ) -> Ruling:
        p = self._post(post)
        # A person away from one post is away from every post they hold.
        given = self._absent_set(absent)
        fs, _ = self._with_concurrent(given)
        common: dict[str, Any] = {
            "question": Question.SIGNATURE_BLOCK,
            "subject": post,
            "absent": fs,
            "on": on,
        }
        if post in fs:
            acting = self.acting_for(post, given, on)
            if not acting.decided:
                return Ruling(
                    status=acting.status,
                    chain=acting.chain,
                    citations=acting.citations,
                    **common,
                    text_vi=acting.text_vi,
                    text_en=acting.text_en,
                )
            signer = acting.answer[0]
            sg = signing.acting_signing(self._style, p, self._post(signer))
            if sg.form is None:
                text_vi, sc = self._signing_text(signer, sg, "vi")
                text_en, _ = self._signing_text(signer, sg, "en")
                return Ruling(
                    status=Status.NOT_SPECIFIED,
                    answer=(),
                    chain=acting.chain,
                    citations=_unique_cites((*acting.citations, *sc)),
                    **common,
                    text_vi=f"{acting.text_vi} {text_vi}",
                    text_en=f"{acting.text_en} {text_en}",
                )
            others = acting.answer[1:]
            more_vi = more_en = ""
            if others:
                more_vi = (
                    f" Mỗi người trong {self._names(acting.answer, 'vi')} đều có thể ký như vậy "
                    "với dòng chức vụ và cơ quan của mình."
                )
                more_en = (
                    f" Any of {self._names(acting.answer, 'en')} may sign so, with their own "
                    "title and office lines."
                )
            forms_vi, forms_en = _FORM_VI[SigningForm.KT], _FORM_EN[SigningForm.KT]
            return Ruling(
                status=Status.DECIDED,
                answer=acting.answer,
                chain=acting.chain,
                citations=_unique_cites((*acting.citations, *sg.citations)),
                signing_form=sg.form,
                lines=sg.lines,
                unordered=acting.unordered,
                **common,
                text_vi=(
                    f"{acting.text_vi} Người thay ký theo hình thức {forms_vi}: {_lines(sg.lines)} "
                    f"({_cite(sg.citations, 'vi')}).{more_vi}"
                ),
                text_en=(
                    f"{acting.text_en} The substitute signs {forms_en}: {_lines(sg.lines)} "
                    f"({_cite(sg.citations, 'en')}).{more_en}"
                ),
            )
        dl = self._delegation(post, on, document, delegations)
        if dl is None:
            unsure = self._delegation_unsure(
                post, on, document, delegations, question=Question.SIGNATURE_BLOCK, absent=fs
            )
            if unsure is not None:
                return unsure
        sg = self._signing(post, dl)
        text_vi, sc = self._signing_text(post, sg, "vi", document)
        text_en, _ = self._signing_text(post, sg, "en", document)
        cites = (dl.citation, *sc) if dl is not None else sc
        if sg.form is None:
            rules = self._signing_rules.get(post, ())
            return Ruling(
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                citations=_unique_cites(cites),
                documents=_unique(d for r in rules for d in r.documents),
                **common,
                text_vi=text_vi,
                text_en=text_en,
            )
        if dl is not None:
            text_vi = (
                f"{self._name(post, 'vi')} được {self._name(dl.delegator, 'vi')} ủy quyền "
                f"bằng văn bản từ {dl.start:%d/%m/%Y} đến {dl.end:%d/%m/%Y} "
                f"({_cite((dl.citation,), 'vi')}). {text_vi}"
            )
            text_en = (
                f"{self._name(post, 'en')} holds a written authorisation from "
                f"{self._name(dl.delegator, 'en')} from {dl.start.isoformat()} to "
                f"{dl.end.isoformat()} ({_cite((dl.citation,), 'en')}). {text_en}"
            )
        return Ruling(
            status=Status.DECIDED,
            answer=(post,),
            chain=(post,),
            citations=_unique_cites(cites),
            signing_form=sg.form,
            lines=sg.lines,
            delegation=dl,
            documents=dl.documents if dl is not None else (),
            **common,
            text_vi=text_vi,
            text_en=text_en,
        )

    # -- accountability and reports -------------------------------------------------

    @_memo
    def accountable_to(self, post: str, *, transitive: bool = False) -> Ruling:
        """To whom ``post`` answers ("chịu trách nhiệm trước"), directly or transitively.

        Args:
            post: A post, working group or body id.
            transitive: Follow the relation upward (whom they answer to, and so on).

        Raises:
            UnknownPostError: ``post`` names nothing in the regulation.

        """
        self._node(post)
        rules = [a for a in self._reg.accountability if a.subject == post]
        if not rules:
            return Ruling(
                question=Question.ACCOUNTABLE_TO,
                subject=post,
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                text_vi=(
                    f"Quy chế không quy định {self._name(post, 'vi')} chịu trách nhiệm trước ai."
                ),
                text_en=f"The regulation does not say to whom {self._name(post, 'en')} answers.",
            )
        direct = self._accountable.get(post, ())
        parts_vi, parts_en = [], []
        for a in rules:
            about_vi = f" về {a.matter}" if a.matter else ""
            # The matter is often condensed from the clause ("hoàn thành các chỉ tiêu ...",
            # Thanh Hóa 2024 Điều 5 khoản 5): quoted only where it is the clause's own words.
            if a.matter and _verbatim(a.matter, a.citation.quote):
                about_en = f" for “{a.matter}”"
            else:
                about_en = f" for {a.matter} (condensed from the clause)" if a.matter else ""
            parts_vi.append(f"{self._names(a.to, 'vi')}{about_vi} ({_cite((a.citation,), 'vi')})")
            parts_en.append(f"{self._names(a.to, 'en')}{about_en} ({_cite((a.citation,), 'en')})")
        cites = [a.citation for a in rules]
        who_vi, who_en = self._name(post, "vi"), self._name(post, "en")
        holder = self._posts.get(post)
        clauses = {(c.document, c.article, c.clause) for c in cites}
        same = tuple(
            c for c in (holder.concurrent_with if holder is not None else ())
            if any(b.subject == c and (b.citation.document, b.citation.article, b.citation.clause)
                   in clauses for b in self._reg.accountability)
        )
        if holder is not None and same:
            # One person holds both posts (Đắk Nông Điều 7: "Thành viên thường trực, Tổ
            # trưởng Tổ Giúp việc"): the clause on the other post binds this one.
            cites.insert(0, holder.citation)
            held = _cite((holder.citation,), "vi"), _cite((holder.citation,), "en")
            who_vi += f", cũng là {self._names(same, 'vi')} ({held[0]}),"
            who_en += f", who is also {self._names(same, 'en')} ({held[1]}),"
        text_vi = f"{who_vi} chịu trách nhiệm trước {'; trước '.join(parts_vi)}."
        text_en = f"{who_en} answers to {'; to '.join(parts_en)}."
        answer = direct
        chain: tuple[str, ...] = (post, *direct)
        if transitive:
            reach = algo.reachable(post, self._accountable)
            further = tuple(x for x in reach if x not in direct)
            answer = reach
            chain = (post, *reach)
            if further:
                via = [a for a in self._reg.accountability if a.subject in reach]
                vc = _unique_cites(a.citation for a in via)
                cites.extend(vc)
                text_vi += (
                    f" Qua đó, {self._name(post, 'vi')} gián tiếp chịu trách nhiệm trước "
                    f"{self._names(further, 'vi')} ({_cite(vc, 'vi')})."
                )
                text_en += (
                    f" Through them, {self._name(post, 'en')} answers indirectly to "
                    f"{self._names(further, 'en')} ({_cite(vc, 'en')})."
                )
        return Ruling(
            question=Question.ACCOUNTABLE_TO,
            subject=post,
            status=Status.DECIDED,
            answer=answer,
            chain=chain,
            citations=_unique_cites(cites),
            text_vi=text_vi,
            text_en=text_en,
        )

    @_memo
    def reports_to(self, post: str) -> Ruling:
        """To whom ``post`` reports, through whom, and how often, per the report rules.

        Raises:
            UnknownPostError: ``post`` names nothing in the regulation.

        """
        self._node(post)
        rules = [r for r in self._reports if post in r.reporters]
        if not rules:
            return Ruling(
                question=Question.REPORTS_TO,
                subject=post,
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                text_vi=f"Quy chế không quy định {self._name(post, 'vi')} báo cáo ai.",
                text_en=f"The regulation does not say to whom {self._name(post, 'en')} reports.",
            )
        per = {
            "month": ("hàng tháng", "monthly"),
            "quarter": ("hàng quý", "quarterly"),
            "half_year": ("6 tháng", "half-yearly"),
            "year": ("hàng năm", "yearly"),
        }
        # Rules saying the same thing (same recipients, route and cadence) make one
        # statement citing every clause, in the order the rules come.
        said: dict[tuple[str, str], list[Citation]] = {}
        for r in rules:
            how_vi = how_en = ""
            if r.cadences:
                how_vi = " định kỳ " + ", ".join(per[c.period.value][0] for c in r.cadences)
                how_en = " " + ", ".join(per[c.period.value][1] for c in r.cadences)
            elif r.periodic:
                how_vi, how_en = " định kỳ", " periodically"
            if r.ad_hoc and r.occasion:
                # "báo cáo đột xuất khi Trưởng ban, các Phó Trưởng ban yêu cầu" (Vũng Tàu
                # Điều 6 khoản 4): on request, in the text's own words, not "khi phát sinh".
                how_vi += f"{' hoặc' if how_vi else ''} {r.occasion}"
                how_en += f"{' or' if how_en else ''} as the text says, «{r.occasion}»"
            elif r.ad_hoc:
                # "định kỳ ... hoặc đột xuất" (Vũng Tàu Điều 11 khoản 2): both are said.
                how_vi += " hoặc đột xuất" if how_vi else " khi phát sinh"
                how_en += " or as needed" if how_en else " as needed"
            via_vi = f" thông qua {self._names(r.through, 'vi')}" if r.through else ""
            via_en = f" through {self._names(r.through, 'en')}" if r.through else ""
            key = (
                f"báo cáo {self._names(r.recipients, 'vi')}{via_vi}{how_vi}",
                f"reports to {self._names(r.recipients, 'en')}{via_en}{how_en}",
            )
            said.setdefault(key, []).append(r.citation)
        parts_vi = [f"{vi} ({_cite(cs, 'vi')})" for (vi, _), cs in said.items()]
        parts_en = [f"{en} ({_cite(cs, 'en')})" for (_, en), cs in said.items()]
        return Ruling(
            question=Question.REPORTS_TO,
            subject=post,
            status=Status.DECIDED,
            answer=_unique(x for r in rules for x in r.recipients),
            chain=(post, *_unique(x for r in rules for x in r.through)),
            citations=_unique_cites(r.citation for r in rules),
            text_vi=f"{self._name(post, 'vi')} {'; '.join(parts_vi)}.",
            text_en=f"{self._name(post, 'en')} {'; '.join(parts_en)}.",
        )

    # -- meetings ---------------------------------------------------------------------

    @_memo
    def conveners(self, kind: str | MeetingKind, body: str = COMMITTEE) -> Ruling:
        """Who may convene a meeting of ``kind`` of ``body``, and on whose proposal.

        Args:
            kind: ``"regular"``, ``"extraordinary"`` or ``"expanded"``.
            body: ``"committee"`` (the default) or a working group id.

        Raises:
            QueryError: ``kind`` is not a meeting kind.
            UnknownIdError: ``body`` is neither the committee nor a working group.

        """
        try:
            mk = MeetingKind(kind)
        except ValueError:
            allowed = ", ".join(m.value for m in MeetingKind)
            raise QueryError(f"unknown meeting kind {kind!r}; allowed: {allowed}") from None
        bodies = (COMMITTEE, *sorted(self._groups))
        if body not in bodies:
            raise UnknownIdError("committee or working group", str(body), bodies)
        rules = [c for c in self._convening if c.body == body and c.meeting is mk]
        body_vi, body_en = self._name(body, "vi"), self._name(body, "en")
        kind_vi = MEETING_WORDS[mk][0].removeprefix("họp ")
        if not rules:
            return Ruling(
                question=Question.CONVENERS,
                subject=mk.value,
                status=Status.NOT_SPECIFIED,
                text_vi=f"Quy chế không quy định ai triệu tập cuộc họp {kind_vi} của {body_vi}.",
                text_en=f"The regulation does not say who convenes {mk.value} meetings of "
                f"{body_en}.",
            )
        # Two clauses naming the same conveners (Điều 3 khoản 3 "Triệu tập và chủ trì ...
        # họp ... đột xuất" and Điều 7 khoản 1 "họp đột xuất theo chỉ đạo của Trưởng Ban")
        # make one statement citing both, not the same sentence twice.
        groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Any]] = {}
        for c in rules:
            groups.setdefault((c.conveners, c.on_proposal_of), []).append(c)
        parts_vi, parts_en = [], []
        for group in groups.values():
            c = group[0]
            chairs = any(x.chairs for x in group)
            cites = tuple(x.citation for x in group)
            verb_vi = "triệu tập và chủ trì" if chairs else "triệu tập"
            verb_en = "convene and chair" if chairs else "convene"
            lead_vi = lead_en = ""
            if c.conveners:
                lead_vi = f"{self._names(c.conveners, 'vi', 'hoặc')} {verb_vi} cuộc họp {kind_vi}"
                lead_en = (
                    f"{self._names(c.conveners, 'en', 'or')} may {verb_en} {mk.value} meetings"
                )
            prop_vi = prop_en = ""
            if c.on_proposal_of:
                lead = (
                    "; cuộc họp cũng có thể được triệu tập"
                    if c.conveners
                    else (f"Cuộc họp {kind_vi} được triệu tập")
                )
                prop_vi = f"{lead} theo đề nghị của {self._names(c.on_proposal_of, 'vi', 'hoặc')}"
                lead = ", also" if c.conveners else f"{mk.value.capitalize()} meetings are convened"
                prop_en = f"{lead} on the proposal of {self._names(c.on_proposal_of, 'en', 'or')}"
            parts_vi.append(f"{lead_vi}{prop_vi} ({_cite(cites, 'vi')})")
            parts_en.append(f"{lead_en}{prop_en} ({_cite(cites, 'en')})")
        return Ruling(
            question=Question.CONVENERS,
            subject=mk.value,
            status=Status.DECIDED,
            answer=_unique(x for c in rules for x in c.conveners),
            on_proposal_of=_unique(x for c in rules for x in c.on_proposal_of),
            citations=_unique_cites(c.citation for c in rules),
            chain=(body,),
            text_vi=f"Với {body_vi}: {'; '.join(parts_vi)}.",
            text_en=f"For {body_en}: {'; '.join(parts_en)}.",
        )

    @_memo
    def proxy(self, post: str, body: str = COMMITTEE) -> Ruling:
        """Whether ``post`` may send a proxy to ``body``'s meetings, and on what conditions.

        ``allowed`` is ``True``/``False``, or ``None`` when not specified;
        ``conditions`` are what sending a proxy requires and
        ``absence_conditions`` what an absence requires.

        Raises:
            UnknownPostError: ``post`` names no post.
            UnknownIdError: ``body`` is neither the committee nor a working group
                (as for [`conveners`][steering.authority.AuthorityGraph.conveners]).

        """
        self._post(post)
        bodies = (COMMITTEE, *sorted(self._groups))
        if body not in bodies:
            raise UnknownIdError("committee or working group", str(body), bodies)
        rules = [a for a in self._attendance if post in a.posts and a.body == body]
        name_vi, name_en = self._name(post, "vi"), self._name(post, "en")
        decided = [a for a in rules if a.proxy_allowed is not None]
        if not decided:
            cites = _unique_cites(a.citation for a in rules)
            return Ruling(
                question=Question.PROXY,
                subject=post,
                status=Status.NOT_SPECIFIED,
                citations=cites,
                absence_conditions=_unique_conds(c for a in rules for c in a.absence_conditions),
                text_vi=f"Quy chế không quy định {name_vi} có được cử người dự họp thay hay không"
                + (f" ({_cite(cites, 'vi')} chỉ quy định việc tham dự)." if cites else "."),
                text_en=f"The regulation does not say whether {name_en} may send a proxy"
                + (f" ({_cite(cites, 'en')} covers attendance only)." if cites else "."),
            )
        a = decided[0]
        conds = tuple(a.proxy_conditions)
        absent_conds = tuple(a.absence_conditions)
        cite_vi, cite_en = _cite((a.citation,), "vi"), _cite((a.citation,), "en")
        if a.proxy_allowed:
            req_vi = (
                f", với điều kiện {_join([_CONDITION_VI[c] for c in conds], 'và')}" if conds else ""
            )
            req_en = (
                f", provided they {_join([_CONDITION_EN[c] for c in conds], 'and')}"
                if conds
                else ""
            )
            text_vi = f"{name_vi} được ủy quyền cho người dự họp thay{req_vi} ({cite_vi})."
            text_en = f"{name_en} may send a proxy{req_en} ({cite_en})."
        else:
            text_vi = f"{name_vi} không được ủy quyền cho người dự họp thay ({cite_vi})."
            text_en = f"{name_en} may not send a proxy ({cite_en})."
        if absent_conds:
            text_vi += (
                f" Nếu vắng mặt phải {_join([_CONDITION_VI[c] for c in absent_conds], 'và')}."
            )
            text_en += (
                f" An absence requires that they "
                f"{_join([_CONDITION_EN[c] for c in absent_conds], 'and')}."
            )
        return Ruling(
            question=Question.PROXY,
            subject=post,
            status=Status.DECIDED,
            answer=("allowed" if a.proxy_allowed else "not_allowed",),
            allowed=a.proxy_allowed,
            conditions=conds,
            absence_conditions=absent_conds,
            citations=(a.citation,),
            text_vi=text_vi,
            text_en=text_en,
        )

    # -- monitoring ----------------------------------------------------------------------

    def monitor_of(self, locality_or_sector: str, on: dt.date | None = None) -> Ruling:
        """Which member monitors a locality or sector (see `_monitor_of`).

        With ``on``, the ruling carries the world's caveats for that date
        ([`steering.world.situate_monitor`][steering.world.situate_monitor]): a district-level unit
        asked
        about after 01/07/2025 no longer exists, and the answer is not decided.

        Raises:
            QueryError: ``locality_or_sector`` is not a string, or ``on`` not a date.

        """
        ruling = self._monitor_of(locality_or_sector)
        on = _args.as_date(on, "on")
        if on is None:
            return ruling
        return world.situate_monitor(attrs.evolve(ruling, on=on), self._reg)

    @_memo
    def _monitor_of(self, locality_or_sector: str) -> Ruling:
        """Which member monitors a locality or sector, matching names forgivingly.

        Diacritics and case are ignored, "TP"/"Thành phố", "TX"/"Thị xã",
        "H."/"Huyện" are equivalent, and the seeds' own misspellings
        ("Bim Sơn" for "Bỉm Sơn") match.
        """
        if not isinstance(locality_or_sector, str):
            raise QueryError(
                f"found {type(locality_or_sector).__name__}; allowed: a locality or sector name"
            )
        query = nfc(locality_or_sector)
        mon = self._reg.monitoring
        if mon is None:
            return Ruling(
                question=Question.MONITOR_OF,
                subject=query,
                status=Status.NOT_SPECIFIED,
                text_vi="Quy chế không phân công thành viên theo dõi địa bàn, lĩnh vực.",
                text_en="The regulation assigns no member to follow localities or sectors.",
            )
        found = matching.match_locality(query, self._monitor_pairs, self._reg.identity.province)
        hits = found.hits
        if not hits:
            where_vi = where_en = ""
            if found.province and not found.own_province:
                where_vi = f" (“{query}” không thuộc tỉnh {self._reg.identity.province})"
                where_en = f" (“{query}” is outside tỉnh {self._reg.identity.province})"
            elif found.province:
                where_vi = " (phân công theo dõi từng đơn vị, ngành trong tỉnh, không giao cả tỉnh)"
                where_en = " (it assigns units and sectors within the province, not the province)"
            return Ruling(
                question=Question.MONITOR_OF,
                subject=query,
                status=Status.NOT_SPECIFIED,
                citations=(mon.basis,),
                text_vi=(
                    f"Phân công theo dõi ({_cite((mon.basis,), 'vi')}) không giao “{query}” "
                    f"cho thành viên nào{where_vi}."
                ),
                text_en=(
                    f"The monitoring assignment ({_cite((mon.basis,), 'en')}) gives “{query}” "
                    f"to no member{where_en}."
                ),
            )
        posts = _unique(p for p, _ in hits)
        targets = _unique(t.text for _, t in hits)
        by_post = {asg.post: asg.citation for asg in mon.assignments if asg.post in posts}
        cites = _unique_cites((mon.basis, *by_post.values()))
        quoted = ", ".join(f"“{t}”" for t in targets)
        pairs: dict[str, list[str]] = {}
        for p, t in hits:
            pairs.setdefault(p, [])
            if t.text not in pairs[p]:
                pairs[p].append(t.text)
        each_vi = "; ".join(
            f"{self._name(p, 'vi')} theo dõi, đôn đốc " + ", ".join(f"“{t}”" for t in ts)
            for p, ts in pairs.items()
        )
        each_en = "; ".join(
            f"{self._name(p, 'en')} monitors " + ", ".join(f"“{t}”" for t in ts)
            for p, ts in pairs.items()
        )
        if not found.decisive:
            why_vi, why_en = _loose_words(found, self._reg.identity.province)
            return Ruling(
                question=Question.MONITOR_OF,
                subject=query,
                status=Status.AMBIGUOUS,
                candidates=posts,
                targets=targets,
                citations=cites,
                text_vi=sentence(
                    f"“{query}” không trùng tên mục nào của phân công ({why_vi}), nên không "
                    f"xác định được người theo dõi; có thể là: {each_vi} ({_cite(cites, 'vi')})."
                ),
                text_en=sentence(
                    f"“{query}” is not the name of any entry of the assignment ({why_en}), so "
                    f"who monitors it is not decided; it may mean: {each_en} "
                    f"({_cite(cites, 'en')})."
                ),
            )
        read_vi = read_en = ""
        if not found.exact:
            read_vi = f"“{query}” được hiểu là {quoted}, mục duy nhất mang tên này: "
            read_en = f"“{query}” is read as {quoted}, the only entry of that name: "
        if len(posts) > 1:
            # Several annex entries bear the name and several members hold them: say
            # which member follows which, not one list of each.
            text_vi = (f"“{query}” ứng với {len(targets)} mục của phân công: {each_vi} "
                       f"({_cite(cites, 'vi')}).")
            text_en = (f"“{query}” matches {len(targets)} entries of the assignment: {each_en} "
                       f"({_cite(cites, 'en')}).")
        else:
            text_vi = (f"{read_vi}{self._names(posts, 'vi')} theo dõi, đôn đốc {quoted} "
                       f"({_cite(cites, 'vi')}).")
            text_en = (f"{read_en}{self._names(posts, 'en')} monitors {quoted} "
                       f"({_cite(cites, 'en')}).")
        return Ruling(
            question=Question.MONITOR_OF,
            subject=query,
            status=Status.DECIDED,
            answer=posts,
            targets=targets,
            citations=cites,
            unordered=len(posts) > 1,
            text_vi=sentence(text_vi),
            text_en=sentence(text_en),
        )

    @_memo
    def notice_for(self, meeting_day: dt.date | str, body: str = COMMITTEE,
                   kind: MeetingKind | str = MeetingKind.REGULAR) -> Ruling:
        """The last day the notice of a meeting on ``meeting_day`` may go out.

        See [`steering.procedure.notice_for`][steering.procedure.notice_for].
        """
        from steering.procedure import notice_for  # noqa: PLC0415 - its own module

        return notice_for(self._reg, meeting_day, body=body, kind=kind)

    @_memo
    def procedure(self, kind: str, body: str = COMMITTEE,
                  chaired_by: str | None = None) -> Ruling:
        """Who carries out a procedure of a body's meetings, when, and who decides.

        Written opinions, the conclusion notice, referral of differing opinions, a
        report before each meeting.
        See [`steering.procedure.procedure`][steering.procedure.procedure].
        """
        from steering.procedure import procedure  # noqa: PLC0415 - its own module

        return procedure(self._reg, kind, body=body, chaired_by=chaired_by)

    @_memo
    def collective(
        self, collective: str, *, absent: Iterable[str] = (), on: dt.date | None = None
    ) -> Ruling:
        """Who a leadership collective is made of, and who of them is present.

        "Thường trực Ban Chỉ đạo" is its posts; a member absent (or absent through a
        post the same person holds) is named as absent; see
        [`steering.collectives`][steering.collectives].

        Raises:
            UnknownIdError: ``collective`` names no collective (the message lists them).

        """
        from steering.collectives import collective as members  # noqa: PLC0415 - own module

        gone, _ = self._with_concurrent(self._absent_set(absent))
        return self._dated(attrs.evolve(members(self._reg, collective, gone), on=on))

    def standing_agency(self, domain: str | None = None) -> Ruling:
        """The standing agency (cơ quan thường trực) for ``domain``, or the only one.

        A committee with several standing agencies, one per domain, answers
        ``ambiguous`` with the candidates when no domain is given or the words fit
        several; see [`steering.agencies`][steering.agencies].
        """
        from steering.agencies import standing_agency  # noqa: PLC0415 - its own module

        return standing_agency(self._reg, domain)

    @_memo
    def monitored_by(self, post: str) -> Ruling:
        """The sectors and localities ``post`` follows, in the annex's own words.

        Raises:
            UnknownPostError: ``post`` names no post.

        """
        self._post(post)
        mon = self._reg.monitoring
        rows = [a for a in mon.assignments if a.post == post] if mon is not None else []
        if mon is None or not rows:
            return Ruling(
                question=Question.MONITORED_BY,
                subject=post,
                status=Status.NOT_SPECIFIED,
                text_vi=(
                    f"Quy chế không giao {self._name(post, 'vi')} theo dõi địa bàn, lĩnh vực nào."
                ),
                text_en=(
                    f"The regulation assigns no locality or sector to {self._name(post, 'en')}."
                ),
            )
        targets = _unique(t.text for a in rows for t in a.targets)
        cites = _unique_cites((mon.basis, *(a.citation for a in rows)))
        quoted = ", ".join(f"“{t}”" for t in targets)
        return Ruling(
            question=Question.MONITORED_BY,
            subject=post,
            status=Status.DECIDED,
            answer=targets,
            targets=targets,
            citations=cites,
            text_vi=f"{self._name(post, 'vi')} theo dõi, đôn đốc {quoted} ({_cite(cites, 'vi')}).",
            text_en=f"{self._name(post, 'en')} monitors {quoted} ({_cite(cites, 'en')}).",
        )


def _unique_conds(items: Iterable[AttendanceCondition]) -> tuple[AttendanceCondition, ...]:
    return tuple(dict.fromkeys(items))


_LOOSE_VI = {
    matching.Looseness.NO_UNIT: "thiếu từ chỉ đơn vị hành chính",
    matching.Looseness.SPELLING: "khác dấu",
    matching.Looseness.UNIT_DIFFERS: "từ chỉ đơn vị hành chính khác với phụ lục",
    matching.Looseness.FRAGMENT: "chỉ là một phần của tên",
    matching.Looseness.EXTRA_WORDS: "có thêm từ ngoài tên",
}
_LOOSE_EN = {
    matching.Looseness.NO_UNIT: "no unit word",
    matching.Looseness.SPELLING: "other diacritics",
    matching.Looseness.UNIT_DIFFERS: "a unit word the annex does not use",
    matching.Looseness.FRAGMENT: "only part of a name",
    matching.Looseness.EXTRA_WORDS: "words besides a name",
}


def _loose_words(found: matching.LocalityMatch, province: str) -> tuple[str, str]:
    """Why a locality match is loose, in Vietnamese and English."""
    order = list(matching.Looseness)
    reasons = sorted(found.reasons, key=order.index)
    vi = [_LOOSE_VI[r] for r in reasons if r in _LOOSE_VI]
    en = [_LOOSE_EN[r] for r in reasons if r in _LOOSE_EN]
    if matching.Looseness.PROVINCE in found.reasons:
        vi.append(f"cũng là tên tỉnh {province}, mà phân công không giao cả tỉnh")
        en.append(f"also the name of tỉnh {province}, which the assignment gives to no one")
    return "; ".join(vi), "; ".join(en)


def _asked(kinds: Sequence[str], document: str | None) -> tuple[str, ...]:
    """The document kinds a question is about: those matching ``document``, or all of them."""
    if document is None:
        return tuple(kinds)
    return tuple(k for k in kinds if algo.document_matches(document, (k,)))


_SIGNATURE_BLOCK = inspect.signature(AuthorityGraph.signature_block)
