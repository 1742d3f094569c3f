"""Whole-committee invariants: a state machine that edits a committee, and engine laws.

Design notes section 7, checked after every edit of a committee (add or remove
posts, substitution tiers, accountability, seal and convening rules, absences,
written authorisations) and on generated regulations:

- exactly one head post; substitution and accountability form no cycle;
  every substitution chain ends;
- ``acting_for`` never names an absent post, and names nobody only when every
  eligible post is absent (and then says ``nobody_available``);
- marking one more post absent never lets a lower-priority substitute act
  while a higher one is present;
- seal and signing-form queries are total;
- a quarterly rule yields exactly 4 meetings a year; occurrences are sorted,
  unique and inside the asked window; ``occ(a, c) == occ(a, b) + occ(b', c)``
  with ``b'`` the day after ``b`` (both ends are included); no deadline falls on
  a day off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs
import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

import steering
from steering.authority import AuthorityGraph, Relation
from steering.regulation import (
    Committee,
    Effective,
    EffectiveKind,
    Identity,
    Level,
    PartialDate,
    Regulation,
)
from steering.roles import COMMITTEE, Post, Role
from steering.rules import (
    Accountability,
    Cadence,
    Citation,
    ConveneRule,
    Delegation,
    MeetingKind,
    MeetingRule,
    Period,
    Seal,
    SealRule,
    Substitution,
)
from steering.ruling import Status
from steering.validation import find_cycle
from steering.workdays import VIETNAM
from strategies import PHRASES, TITLES, regulations
from test_concurrency import held

# -- the specification of acting_for, written independently of the engine ---------------------


@attrs.frozen
class Expected:
    """Who must act, per design notes section 5 and the Substitution docstring."""

    status: Status
    acting: frozenset[str]
    rank: int | None  # rank of the deciding tier


def expected_acting(reg: Regulation, post: str, absent: frozenset[str]) -> Expected:
    """Rules tried by ascending rank; a rule applies when its ``also_absent`` are all absent;
    the first applicable rule with a present substitute decides; never transitive."""
    if post not in absent:
        return Expected(Status.DECIDED, frozenset({post}), None)
    rules = sorted((s for s in reg.substitutions if s.principal == post), key=lambda s: s.rank)
    applicable = [s for s in rules if set(s.also_absent) <= absent]
    for s in applicable:
        present = frozenset(s.substitutes) - absent
        if present:
            return Expected(Status.DECIDED, present, s.rank)
    if applicable:
        return Expected(Status.NOBODY_AVAILABLE, frozenset(), None)
    return Expected(Status.NOT_SPECIFIED, frozenset(), None)


def check_acting(reg: Regulation, g: AuthorityGraph, post: str, absent: frozenset[str]) -> None:
    """``acting_for`` agrees with the specification and never names an absent post."""
    ruling = g.acting_for(post, absent=absent)
    absent = held(reg, absent)  # a person away from one post is away from every post they hold
    want = expected_acting(reg, post, absent)
    assert not set(ruling.answer) & absent, (post, absent, ruling.answer)
    assert ruling.status == want.status, (post, absent, ruling.status, want)
    assert frozenset(ruling.answer) == want.acting, (post, absent, ruling.answer, want)
    if not ruling.answer:
        # Names nobody only when every eligible post is absent, and says why.
        assert ruling.status in (Status.NOBODY_AVAILABLE, Status.NOT_SPECIFIED)
        eligible = {
            t
            for s in reg.substitutions
            if s.principal == post and set(s.also_absent) <= absent
            for t in s.substitutes
        }
        assert eligible <= absent
    if ruling.status == Status.DECIDED and post in absent:
        assert ruling.citations, "a substitute's ruling cites the clause"
    assert ruling.explain("vi")
    assert ruling.explain("en")


def check_one_more_absent(
    reg: Regulation, g: AuthorityGraph, post: str, absent: frozenset[str], extra: str
) -> None:
    """Marking ``extra`` absent never lets a lower-priority substitute act while a higher
    one is present: the deciding tier only moves down when an acting post left."""
    after_ruling = g.acting_for(post, absent=absent | {extra})
    gone = held(reg, absent | {extra})
    absent = held(reg, absent)
    before = expected_acting(reg, post, absent)
    after = expected_acting(reg, post, gone)
    assert frozenset(after_ruling.answer) == after.acting
    if before.rank is not None and after.rank is not None and not before.acting & gone:
        assert after.rank <= before.rank
    # Whatever acts, no present substitute of an earlier applicable tier is passed over.
    if after.rank is not None:
        for s in reg.substitutions:
            if s.principal == post and s.rank < after.rank and set(s.also_absent) <= gone:
                assert set(s.substitutes) <= gone


def chain_length(reg: Regulation, start: str) -> int:
    """Length of the longest substitution chain from ``start``; finite on a valid regulation."""
    succ: dict[str, set[str]] = {}
    for s in reg.substitutions:
        succ.setdefault(s.principal, set()).update(s.substitutes)
    longest = 0
    stack: list[tuple[str, int, frozenset[str]]] = [(start, 0, frozenset({start}))]
    while stack:
        node, depth, seen = stack.pop()
        longest = max(longest, depth)
        for nxt in sorted(succ.get(node, ())):
            assert nxt not in seen, f"substitution chain loops at {nxt}"
            stack.append((nxt, depth + 1, seen | {nxt}))
    return longest


def check_graph(reg: Regulation, g: AuthorityGraph, absent: Iterable[str] = ()) -> None:
    """Every invariant of design section 7 that concerns the authority graph."""
    absent = frozenset(absent)
    post_ids = [p.id for p in reg.posts]
    assert steering.validate(reg) == ()
    assert len(reg.posts_with_role(Role.HEAD)) == 1
    graph = g.to_networkx()
    for rel in (Relation.ACTS_FOR, Relation.ACCOUNTABLE_TO):
        sub = nx.DiGraph(
            (u, v) for u, v, d in graph.edges(data=True) if d.get("relation") == rel.value
        )
        assert nx.is_directed_acyclic_graph(sub), rel
    assert find_cycle((s.principal, t) for s in reg.substitutions for t in s.substitutes) is None
    for p in post_ids:
        assert chain_length(reg, p) <= len(post_ids)
        check_acting(reg, g, p, absent)
        check_acting(reg, g, p, absent | {p})
        # Seal and signing form: total.
        seal = g.seal_for(p)
        assert seal.status in (Status.DECIDED, Status.NOT_SPECIFIED)
        assert (seal.seal is not None) == (seal.status == Status.DECIDED)
        assert seal.explain("vi")
        acc = g.accountable_to(p, transitive=True)
        assert p not in acc.answer
    for target in (COMMITTEE, *(w.id for w in reg.working_groups)):
        assert g.seal_for(target).status in (Status.DECIDED, Status.NOT_SPECIFIED)
    for kind in MeetingKind:
        conv = g.conveners(kind)
        assert set(conv.answer) <= set(post_ids) | set(reg.node_ids())


# -- generated regulations -----------------------------------------------------------


@given(regulations(), st.data())
def test_authority_invariants_on_generated_regulations(
    reg: Regulation, data: st.DataObject
) -> None:
    g = reg.authority()
    ids = [p.id for p in reg.posts]
    absent = frozenset(data.draw(st.lists(st.sampled_from(ids), max_size=len(ids))))
    check_graph(reg, g, absent)
    extra = data.draw(st.sampled_from(ids))
    for p in ids:
        check_one_more_absent(reg, g, p, absent | {p}, extra)


@given(regulations(), st.data())
def test_absences_only_ever_grow_monotonically_along_a_chain(
    reg: Regulation, data: st.DataObject
) -> None:
    """Absences added one at a time: at every step the law holds for the head."""
    g = reg.authority()
    ids = [p.id for p in reg.posts]
    order = data.draw(st.permutations(ids))
    absent: frozenset[str] = frozenset({"head"})
    for extra in order:
        check_one_more_absent(reg, g, "head", absent, extra)
        absent |= {extra}
    assert g.acting_for("head", absent=absent).answer == ()


_PER_YEAR = {Period.MONTH: 12, Period.QUARTER: 4, Period.HALF_YEAR: 2, Period.YEAR: 1}


@given(regulations(), st.integers(2021, 2029))
def test_each_regular_meeting_cadence_yields_its_count_per_year(reg: Regulation,
                                                                 year: int) -> None:
    # The rules' full pattern; the regulation's own start is tested in test_schedule_properties.
    span = (dt.date(year, 1, 1), dt.date(year, 12, 31))
    occ = reg.calendar(*span, in_force_only=False, reviews="separate")
    combined = reg.calendar(*span, in_force_only=False)
    for i, m in enumerate(reg.meetings):
        cadences = set(m.cadences)
        if len(cadences) > 1 and all(c.times == 1 for c in cadences):
            # Read together ("theo quý, 6 tháng, năm"): one sitting per finest period.
            finest = max(_PER_YEAR[c.period] for c in cadences)
            assert len([o for o in combined if o.rule == f"meetings[{i}]"]) == finest
        else:
            assert [o for o in combined if o.rule == f"meetings[{i}]"] == [
                o for o in occ if o.rule == f"meetings[{i}]"]
        for period in {c.period for c in m.cadences}:
            mine = [o for o in occ if o.rule == f"meetings[{i}]" and o.cadence is period]
            # Each distinct cadence is listed; "times" per period numbers 1..times.
            times = sum({c.times for c in m.cadences if c.period is period})
            assert len(mine) == _PER_YEAR[period] * times, (period, len(mine))
            assert all(o.closes.year == year for o in mine)


def test_a_quarterly_rule_yields_exactly_four_meetings_a_year() -> None:
    cite = Citation(document="regulation", article=11, clause=1,
                    quote="họp định kỳ một quý một lần")
    reg = attrs.evolve(
        _base(),
        meetings=(MeetingRule(body=COMMITTEE, cadences=(Cadence.quarterly(),), citation=cite),),
    )
    for year in range(2026, 2035):
        occ = reg.calendar(dt.date(year, 1, 1), dt.date(year, 12, 31))
        assert [o.period for o in occ] == [f"{year}-Q{q}" for q in range(1, 5)]
    # Signed (and in force) on 01/7/2025: its first year holds the quarters closing after.
    occ = reg.calendar(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert [o.period for o in occ] == ["2025-Q3", "2025-Q4"]


@given(regulations(), st.dates(dt.date(2021, 1, 1), dt.date(2029, 6, 30)),
       st.integers(0, 500), st.integers(0, 500))
def test_calendar_laws(reg: Regulation, a: dt.date, gap1: int, gap2: int) -> None:
    b = a + dt.timedelta(days=gap1)
    c = b + dt.timedelta(days=1 + gap2)
    whole = reg.calendar(a, c)
    keys = [o.sort_key for o in whole]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert all(a <= o.closes <= c for o in whole)
    assert all(o.opens <= o.closes for o in whole)
    assert whole == reg.calendar(a, b) + reg.calendar(b + dt.timedelta(days=1), c)
    for o in whole:
        if o.due is not None:
            assert VIETNAM.is_working_day(o.due), (o.due, o.rule)
        assert o.citations


# -- the state machine ---------------------------------------------------------------------

_CITE = Citation(document="regulation", article=1, clause=1, quote="Quy chế hoạt động")


def _base() -> Regulation:
    return Regulation(
        id="state-machine",
        identity=Identity(
            signed=PartialDate(2025, 7, 1),
            signed_citation=Citation(document="decision", quote="ngày 01 tháng 7 năm 2025"),
            effective=Effective(kind=EffectiveKind.ON_SIGNING),
            level=Level.COMMUNE,
        ),
        committee=Committee(name="Ban Chỉ đạo chuyển đổi số xã"),
        posts=(Post(id="head", role=Role.HEAD, title="Trưởng ban", citation=_CITE),),
    )


class CommitteeEditor(RuleBasedStateMachine):
    """Edits one committee step by step and checks every invariant after each step.

    Posts keep their creation order as precedence: substitutes are always
    later posts, and accountable subjects answer to earlier ones, so every edit
    keeps the regulation valid by construction.
    """

    def __init__(self) -> None:
        super().__init__()
        self.reg = _base()
        self.absent: frozenset[str] = frozenset()
        self.serial = 0
        self.graph = self.reg.authority()

    # -- helpers ------------------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.reg.posts]

    def commit(self, reg: Regulation) -> None:
        self.reg = reg
        self.absent = frozenset(a for a in self.absent if a in set(self.ids))
        self.graph = reg.authority()

    @initialize()
    def start(self) -> None:
        self.commit(_base())

    # -- edits -----------------------------------------------------------------------------

    @rule(role=st.sampled_from([Role.STANDING_DEPUTY, Role.DEPUTY, Role.STANDING_MEMBER,
                                Role.MEMBER]),
          title=st.sampled_from(TITLES))
    def add_post(self, role: Role, title: str) -> None:
        self.serial += 1
        post = Post(id=f"{role.value}_{self.serial}", role=role, title=title, citation=_CITE)
        self.commit(attrs.evolve(self.reg, posts=(*self.reg.posts, post)))

    @precondition(lambda self: len(self.reg.posts) > 1)
    @rule(data=st.data())
    def remove_post(self, data: st.DataObject) -> None:
        gone = data.draw(st.sampled_from(self.ids[1:]))
        reg = self.reg

        def keep(ids: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(i for i in ids if i != gone)

        subs = tuple(
            attrs.evolve(s, substitutes=keep(s.substitutes), also_absent=keep(s.also_absent))
            for s in reg.substitutions
            if s.principal != gone and keep(s.substitutes)
        )
        # Dropping a post from also_absent can make two tiers' conditions equal; ranks
        # stay distinct per principal, so (principal, rank, also_absent) stays unique.
        acc = tuple(
            attrs.evolve(a, to=keep(a.to))
            for a in reg.accountability
            if a.subject != gone and keep(a.to)
        )
        seals = tuple(
            attrs.evolve(s, posts=keep(s.posts)) for s in reg.seals if keep(s.posts)
        )
        conv = tuple(
            attrs.evolve(c, conveners=keep(c.conveners), on_proposal_of=keep(c.on_proposal_of))
            for c in reg.convening
            if keep(c.conveners)
        )
        dls = tuple(d for d in reg.delegations if gone not in (d.delegator, d.delegate))
        self.commit(
            attrs.evolve(
                reg,
                posts=tuple(p for p in reg.posts if p.id != gone),
                substitutions=subs,
                accountability=acc,
                seals=seals,
                convening=conv,
                delegations=dls,
            )
        )

    @precondition(lambda self: len(self.reg.posts) > 1)
    @rule(data=st.data())
    def add_substitution(self, data: st.DataObject) -> None:
        ids = self.ids
        i = data.draw(st.integers(0, len(ids) - 2))
        principal = ids[i]
        later = ids[i + 1 :]
        tier = data.draw(st.lists(st.sampled_from(later), min_size=1, max_size=3, unique=True))
        mine = [s for s in self.reg.substitutions if s.principal == principal]
        # A rule's own substitutes cannot be among the posts it needs absent (validation).
        earlier = sorted({t for s in mine for t in s.substitutes} - set(tier))
        also = data.draw(st.lists(st.sampled_from(earlier), unique=True)) if earlier else []
        rank = max((s.rank for s in mine), default=0) + 1
        sub = Substitution(principal=principal, substitutes=tuple(tier), rank=rank,
                           also_absent=tuple(also), scope=data.draw(st.sampled_from(PHRASES)),
                           citation=_CITE)
        self.commit(attrs.evolve(self.reg, substitutions=(*self.reg.substitutions, sub)))

    @precondition(lambda self: bool(self.reg.substitutions))
    @rule(data=st.data())
    def remove_substitution(self, data: st.DataObject) -> None:
        i = data.draw(st.integers(0, len(self.reg.substitutions) - 1))
        subs = self.reg.substitutions
        self.commit(attrs.evolve(self.reg, substitutions=(*subs[:i], *subs[i + 1 :])))

    @precondition(lambda self: len(self.reg.posts) > 1)
    @rule(data=st.data())
    def add_accountability(self, data: st.DataObject) -> None:
        ids = self.ids
        i = data.draw(st.integers(1, len(ids) - 1))
        to = data.draw(st.lists(st.sampled_from([*ids[:i], COMMITTEE]), min_size=1,
                                max_size=2, unique=True))
        acc = Accountability(subject=ids[i], to=tuple(to), citation=_CITE)
        self.commit(attrs.evolve(self.reg, accountability=(*self.reg.accountability, acc)))

    @rule(data=st.data(), kind=st.sampled_from(["none", "own", "agency"]))
    def add_seal_rule(self, data: st.DataObject, kind: str) -> None:
        posts = data.draw(st.lists(st.sampled_from([*self.ids, COMMITTEE]), min_size=1,
                                   max_size=3, unique=True))
        seal = {"none": Seal.none(), "own": Seal.own_agency(),
                "agency": Seal.of("UBND xã")}[kind]
        docs = data.draw(st.sampled_from([(), ("công văn",), ("giấy mời", "thông báo")]))
        sr = SealRule(posts=tuple(posts), seal=seal, documents=docs, citation=_CITE)
        self.commit(attrs.evolve(self.reg, seals=(*self.reg.seals, sr)))

    @rule(data=st.data(), kind=st.sampled_from(MeetingKind))
    def add_convening(self, data: st.DataObject, kind: MeetingKind) -> None:
        conveners = data.draw(st.lists(st.sampled_from(self.ids), min_size=1, max_size=3,
                                       unique=True))
        cr = ConveneRule(body=COMMITTEE, meeting=kind, conveners=tuple(conveners),
                         citation=_CITE)
        self.commit(attrs.evolve(self.reg, convening=(*self.reg.convening, cr)))

    @rule(data=st.data())
    def mark_absent(self, data: st.DataObject) -> None:
        post = data.draw(st.sampled_from(self.ids))
        before = self.absent
        self.absent = before | {post}
        for p in self.ids:
            check_one_more_absent(self.reg, self.graph, p, before | {p}, post)

    @precondition(lambda self: bool(self.absent))
    @rule(data=st.data())
    def mark_present(self, data: st.DataObject) -> None:
        post = data.draw(st.sampled_from(sorted(self.absent)))
        self.absent = self.absent - {post}

    @precondition(lambda self: len(self.reg.posts) > 1)
    @rule(data=st.data(), start=st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)),
          days=st.integers(0, 90))
    def add_delegation(self, data: st.DataObject, start: dt.date, days: int) -> None:
        """A written authorisation; delegates never delegate, so nothing is re-delegated."""
        delegates = {d.delegate for d in self.reg.delegations}
        delegators = {d.delegator for d in self.reg.delegations}
        can_give = [p for p in self.ids if p not in delegates]
        giver = data.draw(st.sampled_from(can_give))
        can_take = [p for p in self.ids if p != giver and p not in delegators | {giver}]
        if not can_take:
            return
        taker = data.draw(st.sampled_from(can_take))
        dl = Delegation(delegator=giver, delegate=taker, documents=("công văn",), start=start,
                        end=start + dt.timedelta(days=days), citation=_CITE)
        self.commit(attrs.evolve(self.reg, delegations=(*self.reg.delegations, dl)))

    # -- invariants --------------------------------------------------------------------

    @invariant()
    def committee_invariants_hold(self) -> None:
        check_graph(self.reg, self.graph, self.absent)

    @invariant()
    def delegates_use_the_delegators_seal(self) -> None:
        for dl in self.reg.delegations:
            r = self.graph.seal_for(dl.delegate, "công văn", on=dl.start)
            used = r.delegation
            assert used is not None
            assert used in self.reg.delegations
            assert used.delegate == dl.delegate
            assert used.start <= dl.start <= used.end
            own = self.graph.seal_for(used.delegator, "công văn")
            assert r.seal == own.seal
            assert r.status == own.status

    @invariant()
    def the_file_round_trips(self) -> None:
        from strategies import to_toml

        assert steering.loads(to_toml(self.reg), file="editor.toml") == self.reg


TestCommitteeEditor = CommitteeEditor.TestCase
# Each example runs up to 30 edits with every invariant checked after each one.
_profile = settings.get_profile(settings.get_current_profile_name())
TestCommitteeEditor.settings = settings(
    _profile, max_examples=max(10, _profile.max_examples // 4), stateful_step_count=30
)
