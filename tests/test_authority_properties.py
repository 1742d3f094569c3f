"""Property-based tests of the authority invariants (design notes §7) over generated regulations.

Regulations come from ``strategies.regulations()`` (valid by construction);
the composite strategies below add what the authority queries need: a
regulation together with one of its posts and a set of absent posts.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from steering.authority import AuthorityGraph
from steering.regulation import Regulation
from steering.roles import Role
from steering.rules import Substitution
from steering.ruling import Status
from strategies import regulations
from test_concurrency import held


@st.composite
def absence_cases(draw: st.DrawFn) -> tuple[Regulation, str, frozenset[str]]:
    """A regulation, a principal (one with substitution rules when there is one), and absences."""
    reg = draw(regulations())
    ids = [p.id for p in reg.posts]
    principals = sorted({s.principal for s in reg.substitutions})
    post = draw(st.sampled_from(principals or ids))
    others = draw(st.sets(st.sampled_from(ids), max_size=len(ids)))
    absent = frozenset(others | ({post} if draw(st.booleans()) or principals else set()))
    return reg, post, absent


def _tiers(reg: Regulation, post: str) -> list[Substitution]:
    return sorted((s for s in reg.substitutions if s.principal == post), key=lambda s: s.rank)


def _applies(rule: Substitution, absent: frozenset[str]) -> bool:
    return all(p in absent for p in rule.also_absent)


def _rank_of(reg: Regulation, post: str, acting: tuple[str, ...]) -> int:
    for rule in _tiers(reg, post):
        if acting and set(acting) <= set(rule.substitutes):
            return rule.rank
    return 0  # the principal itself


@given(regulations())
def test_one_head_and_graph_builds_without_cycles(reg: Regulation) -> None:
    assert len(reg.posts_with_role(Role.HEAD)) == 1
    g = AuthorityGraph.from_regulation(reg)
    nxg = g.to_networkx()
    assert set(g.post_ids) <= set(nxg.nodes)


@given(absence_cases())
def test_acting_for_never_names_an_absent_post(
    case: tuple[Regulation, str, frozenset[str]],
) -> None:
    reg, post, given_absent = case
    r = reg.authority().acting_for(post, absent=given_absent)
    absent = held(reg, given_absent)  # a person away from one post is away from all they hold
    assert not set(r.answer) & absent
    if post not in absent:
        assert r.answer == (post,)
    if r.status is Status.DECIDED:
        assert r.answer
    else:
        assert r.answer == ()


@given(absence_cases())
def test_nobody_available_only_when_every_eligible_post_is_absent(
    case: tuple[Regulation, str, frozenset[str]],
) -> None:
    reg, post, given_absent = case
    r = reg.authority().acting_for(post, absent=given_absent)
    absent = held(reg, given_absent)
    applicable = [t for t in _tiers(reg, post) if _applies(t, absent)]
    eligible = {s for t in applicable for s in t.substitutes}
    if r.status is Status.NOBODY_AVAILABLE:
        assert applicable
        assert eligible <= absent
    if r.status is Status.NOT_SPECIFIED:
        assert post in absent
        assert not applicable


@given(absence_cases())
def test_no_lower_tier_acts_while_a_higher_applicable_tier_has_someone_present(
    case: tuple[Regulation, str, frozenset[str]],
) -> None:
    reg, post, given_absent = case
    r = reg.authority().acting_for(post, absent=given_absent)
    absent = held(reg, given_absent)
    if r.status is not Status.DECIDED or r.answer == (post,):
        return
    rank = _rank_of(reg, post, r.answer)
    for tier in _tiers(reg, post):
        if tier.rank < rank and _applies(tier, absent):
            assert set(tier.substitutes) <= absent


@given(absence_cases(), st.data())
def test_one_more_absence_never_promotes_a_lower_tier(
    case: tuple[Regulation, str, frozenset[str]], data: st.DataObject
) -> None:
    reg, post, absent = case
    g = reg.authority()
    before = g.acting_for(post, absent=absent)
    extra = data.draw(st.sampled_from([p.id for p in reg.posts]))
    after = g.acting_for(post, absent=absent | {extra})
    still_present = set(before.answer) - held(reg, absent | {extra})
    if before.status is Status.DECIDED and before.answer != (post,) and still_present:
        assert after.status is Status.DECIDED
        assert _rank_of(reg, post, after.answer) <= _rank_of(reg, post, before.answer)
        if _rank_of(reg, post, after.answer) == _rank_of(reg, post, before.answer):
            assert set(after.answer) == still_present


@given(regulations())
def test_seal_and_signing_queries_are_total(reg: Regulation) -> None:
    g = reg.authority()
    documents = [None, *{d for s in reg.seals for d in s.documents}]
    for post in g.post_ids:
        for doc in documents:
            r = g.seal_for(post, document=doc)
            assert r.status in (Status.DECIDED, Status.NOT_SPECIFIED)
            assert (r.seal is not None) == (r.status is Status.DECIDED)
            assert r.explain("vi")
            assert r.explain("en")
            if r.signing_form is not None:
                assert r.lines


@given(regulations())
def test_accountability_is_acyclic_and_transitive_contains_direct(reg: Regulation) -> None:
    g = reg.authority()
    for post in g.post_ids:
        direct = g.accountable_to(post)
        closure = g.accountable_to(post, transitive=True)
        assert post not in closure.answer
        assert set(direct.answer) <= set(closure.answer)
        assert direct.status == closure.status


@given(absence_cases())
def test_rulings_are_deterministic_values(case: tuple[Regulation, str, frozenset[str]]) -> None:
    reg, post, absent = case
    a = AuthorityGraph(reg).acting_for(post, absent=absent)
    b = AuthorityGraph(reg).acting_for(post, absent=set(absent))
    assert a == b
    assert hash(a) == hash(b)
    assert a.explain("vi") == b.explain("vi")
