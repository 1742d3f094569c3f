"""The authority graph's core: its indexes, checks, the networkx graph, names and caches."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Concatenate, ParamSpec, Self, TypeVar

import attrs
import networkx as nx

from steering import _args, reasons, world
from steering import _signing as signing
from steering._text import fold, nfc
from steering.authority._helpers import (
    _unique,
    _unique_cites,
)
from steering.errors import (
    ArgumentTypeError,
    Problem,
    RegulationFileError,
    UnknownPostError,
)
from steering.regulation import Regulation
from steering.roles import COMMITTEE, Post
from steering.rules import (
    OWN_PARTS,
    Citation,
    Delegation,
    MeetingKind,
    MonitorTarget,
    Seal,
    SealKind,
    SealRule,
    SigningRule,
    Substitution,
)
from steering.ruling import Ruling, ends_with, noted_last
from steering.text import word
from steering.validation import delegation_problems, find_cycle, reference_problems

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


_P = ParamSpec("_P")
_G = TypeVar("_G", bound="_Core")


def _memo(
    method: Callable[Concatenate[_G, _P], Ruling],
) -> Callable[Concatenate[_G, _P], Ruling]:
    """Cache a query's rulings per graph, keyed by its (hashable) arguments.

    Rulings are frozen values, so a cached one is as good as a fresh one.
    Calls with extra written authorisations, or with unhashable arguments
    (a ``set`` of absent posts), are not cached.
    """
    name = method.__name__
    signature = inspect.signature(method)

    @functools.wraps(method)
    def wrapper(self: _G, /, *args: _P.args, **kwargs: _P.kwargs) -> Ruling:
        cache = self._query_cache
        # Asked again, a question is answered before its arguments are bound and checked
        # again, which costs ten times the look-up.
        asked, hit = _look_up(cache, name, args, kwargs)
        if hit is not None:
            return hit
        args, kwargs = _checked(name, signature, self, args, kwargs)  # type: ignore[assignment]
        if kwargs.get("delegations") is not None:
            return self._dated(method(self, *args, **kwargs))
        key = (name, args, tuple(sorted(kwargs.items())))
        try:
            hit = cache.get(key)
        except TypeError:
            return self._dated(method(self, *args, **kwargs))
        ruling = hit if hit is not None else self._dated(method(self, *args, **kwargs))
        return _keep(cache, ruling, key, asked)

    return wrapper


def _typed(value: Any) -> Any:
    """A value and its type, for a key; a container as its items and theirs.

    Only values that cannot change are keys (text, numbers, dates, enums, ``None``,
    and tuples and sets of them); anything else raises ``TypeError``, and the
    question is checked and answered as if new.
    """
    kind = type(value)
    if kind is tuple:
        return (kind, tuple(map(_typed, value)))
    if kind is set or kind is frozenset:
        return (kind, frozenset(map(_typed, value)))
    if value is None or isinstance(value, str | int | float | dt.date | enum.Enum):
        return (kind, value)
    raise TypeError(f"not a key: {kind.__name__}")


def _asked(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """The key of a question as asked, before its arguments are checked.

    Each value goes with its type: two questions have the same key only when their
    arguments are equal and of the same types, so they pass or fail the checks alike.
    """
    if not kwargs:
        return ("asked", name, tuple(map(_typed, args)))
    return ("asked", name, tuple(map(_typed, args)),
            tuple(sorted((k, _typed(v)) for k, v in kwargs.items())))


def _look_up(cache: dict[Any, Ruling], name: str, args: tuple[Any, ...],
             kwargs: dict[str, Any]) -> tuple[tuple[Any, ...] | None, Ruling | None]:
    """A question's key as asked (``None``: it cannot be one), and its cached ruling."""
    try:
        asked = _asked(name, args, kwargs)
        return asked, cache.get(asked)
    except TypeError:  # an argument that is no key
        return None, None


def _keep(cache: dict[Any, Ruling], ruling: Ruling, *keys: Any) -> Ruling:
    """Keep ``ruling`` under each key that is not ``None`` (the cache stays bounded)."""
    if len(cache) > _CACHE_LIMIT - len(keys):
        cache.clear()
    for key in keys:
        if key is not None:
            cache[key] = ruling
    return ruling


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


class _Core:
    """The graph and its indexes, built once per regulation; the questions are mixins."""

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
    def from_regulation(cls, regulation: Regulation) -> Self:
        """The authority graph of ``regulation`` (what `Regulation.authority` returns)."""
        return cls(regulation)

    # -- construction --------------------------------------------------------

    def _check(self, reg: Regulation) -> None:
        """Refuse a regulation the graph cannot answer from, with `validate()`'s own checks.

        The references between ids (``validation.RULE_REFERENCES``) and the written
        authorisations are checked by the checkers `validate()` uses, so a regulation
        that validates builds, and one that does not is refused with the same words.
        """
        file = reg.origin or reg.id or "<regulation>"
        problems = [*reference_problems(reg, file), *delegation_problems(reg, file)]
        if problems:
            raise RegulationFileError(file, problems)
        cyc = find_cycle((s.principal, t) for s in reg.substitutions for t in s.substitutes)
        if cyc:
            raise CycleError(file, "substitutions", cyc)
        cyc = find_cycle((a.subject, t) for a in reg.accountability for t in a.to)
        if cyc:
            raise CycleError(file, "accountability", cyc)

    def _build(self) -> nx.MultiDiGraph[str]:
        """The graph: a node per post, group, body, collective and the committee, then edges."""
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
        self._rule_edges(g)
        self._object_edges(g)
        return g

    def _rule_edges(self, g: nx.MultiDiGraph[str]) -> None:  # noqa: PLR0912 - a loop per rule
        """Who acts for, answers to, directs, reports to, convenes whom."""
        reg = self._reg
        for s in reg.substitutions:
            for t in s.substitutes:
                _edge(g, t, s.principal, Relation.ACTS_FOR, s.citation, rank=s.rank,
                      also_absent=s.also_absent)
        for a in reg.accountability:
            for t in a.to:
                _edge(g, a.subject, t, Relation.ACCOUNTABLE_TO, a.citation, matter=a.matter)
        for d in reg.directions:
            for su in d.subjects:
                for ob in d.objects:
                    _edge(g, su, ob, Relation.DIRECTS, d.citation, matter=d.matter)
        for r in reg.reports:
            for rp in r.reporters:
                for rc in r.recipients:
                    _edge(g, rp, rc, Relation.REPORTS_TO, r.citation, report=r.id)
        for c in reg.convening:
            for cv in c.conveners:
                _edge(g, cv, c.body, Relation.CONVENES, c.citation, meeting=c.meeting.value)
            for pr in c.on_proposal_of:
                _edge(g, pr, c.body, Relation.PROPOSES, c.citation, meeting=c.meeting.value)

    def _object_edges(self, g: nx.MultiDiGraph[str]) -> None:
        """Seals used, documents signed, targets monitored, groups joined, authorisations."""
        reg = self._reg
        for sr in reg.seals:
            for holder in sr.posts:
                node = self._seal_node(sr.seal, holder)
                g.add_node(node, kind="seal", label=node.removeprefix("seal:"))
                _edge(g, holder, node, Relation.USES_SEAL, sr.citation, documents=sr.documents)
        for sg in reg.signing:
            for signer in sg.posts:
                for doc in sg.documents or ("*",):
                    node = f"document:{doc}"
                    g.add_node(node, kind="document", label=doc)
                    _edge(g, signer, node, Relation.MAY_SIGN, sg.citation)
        if reg.monitoring is not None:
            for asg in reg.monitoring.assignments:
                for tg in asg.targets:
                    node = f"target:{tg.text}"
                    g.add_node(node, kind="target", label=tg.text, target=tg.kind.value)
                    _edge(g, asg.post, node, Relation.MONITORS, asg.citation)
        for p in reg.posts:
            if p.group and p.group in self._groups:
                _edge(g, p.id, p.group, Relation.MEMBER_OF, p.citation)
        for dl in reg.delegations:
            _edge(g, dl.delegator, dl.delegate, Relation.DELEGATES_TO, dl.citation,
                  documents=dl.documents, start=dl.start.isoformat(), end=dl.end.isoformat())

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
        gloss = word(p.role, "en")
        return f"{p.title} ({gloss}; {office})" if office else f"{p.title} ({gloss})"

    def _named(self, node_id: str) -> reasons.Named:
        """``node_id`` with its names, as a reason names it."""
        return reasons.Named(node_id, self._name(node_id, "vi"), self._name(node_id, "en"))

    def _nameds(self, ids: Iterable[str]) -> tuple[reasons.Named, ...]:
        return tuple(self._named(i) for i in ids)

    def _absent_set(self, absent: Iterable[str] | str | None) -> frozenset[str]:
        if absent is None:
            return frozenset()
        values = frozenset((absent,)) if isinstance(absent, str) else frozenset(absent)
        for a in sorted(values, key=str):
            self._post(a)
        return frozenset(nfc(a) for a in values)

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
        note = reasons.OnlyWhenSetUp(groups=tuple(g.name for g in hits), citations=cites)
        said = ruling.reasons
        if ends_with(said, note):
            return ruling
        return attrs.evolve(ruling, citations=_unique_cites((*ruling.citations, *cites)),
                            reasons=(*said, note))

    def _replaced_sources(self, ruling: Ruling) -> Ruling:
        """Flag a citation of an instrument this regulation replaces ("thay thế ...").

        A rule known only from a replaced decision is still cited, but the answer says
        the decision it rests on was replaced, citing the clause that replaces it.
        """
        replaced = self._reg.identity.replaces
        hits = tuple((c, r.citation) for c in ruling.citations if c.document not in OWN_PARTS
                     for r in replaced if r.number and r.number in c.document)
        if not hits:
            return ruling
        note = reasons.RestsOnReplaced(hits)
        said = ruling.reasons
        if ends_with(said, note):
            return ruling
        return attrs.evolve(ruling, reasons=(*said, note))

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
        return noted_last(ruling, reasons.NotYetInForce(on=ruling.on, first=first))

    def _unknown_start(self, ruling: Ruling) -> Ruling:
        """Say that whether the regulation governed the day asked about is not known.

        The signing date is unknown (``unknown = ["signed"]``) and the day asked
        about is not past the last day the file's bounds allow.
        """
        lo, hi = self._reg.identity.signing_window()
        return noted_last(ruling, reasons.StartUnknown(not_before=lo, not_after=hi))


def _edge(g: nx.MultiDiGraph[str], u: str, v: str, rel: Relation, citation: Citation,
          **extra: Any) -> None:
    """One relation from ``u`` to ``v``, keyed by its kind and order, with its clause."""
    key = f"{rel.value}:{g.number_of_edges(u, v)}"
    g.add_edge(u, v, key=key, relation=rel.value, citation=citation, **extra)
