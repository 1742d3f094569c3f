"""One person, several posts: absent from one, absent from all (issue #13, item 1).

A post listed in ``concurrent_with`` is held by the same person as the post that
lists it, so when that person is away every post they hold is away. Before this,
``acting_for("head", absent={..., "wg_lead"})`` on the Minh Sơn example answered
``deputy_skhcn``, decided: the very person who was away as ``wg_lead``.
"""

from __future__ import annotations

from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import steering
from steering.regulation import Regulation
from steering.roles import Post, Role
from steering.ruling import Status
from strategies import citations, regulations

EXAMPLE = Path(__file__).parent.parent / "docs" / "examples" / "minh-son-2025.toml"


def held(reg: Regulation, absent: frozenset[str]) -> frozenset[str]:
    """Every post whose holder is absent (the test's own closure, independent of the library)."""
    out = set(absent)
    changed = True
    while changed:
        changed = False
        for p in reg.posts:
            if p.id in out and not set(p.concurrent_with) <= out:
                out |= set(p.concurrent_with)
                changed = True
    return frozenset(out)


@st.composite
def concurrent_cases(draw: st.DrawFn) -> tuple[Regulation, str, frozenset[str]]:
    """A regulation where two posts share a holder, one of them absent, and a post to ask of."""
    reg = draw(regulations())
    if len(reg.posts) < 2:  # a committee of one: give the head a member to share a holder with
        cite = draw(citations())
        extra = Post(id="member_extra", role=Role.MEMBER, title="Ủy viên", citation=cite)
        reg = attrs.evolve(reg, posts=(*reg.posts, extra))
    ids = [p.id for p in reg.posts]
    a, b = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
    pairs = {a: (b,), b: (a,)}
    posts = tuple(attrs.evolve(p, concurrent_with=pairs.get(p.id, ())) for p in reg.posts)
    reg = attrs.evolve(reg, posts=posts)
    principals = sorted({s.principal for s in reg.substitutions}) or ids
    post = draw(st.sampled_from(principals))
    others = draw(st.sets(st.sampled_from(ids), max_size=3))
    return reg, post, frozenset({a} | others)


@given(concurrent_cases())
def test_no_answer_names_a_post_whose_holder_is_absent(
    case: tuple[Regulation, str, frozenset[str]],
) -> None:
    reg, post, absent = case
    assert steering.validate(reg) == ()
    away = held(reg, absent)
    g = reg.authority()
    acting = g.acting_for(post, absent=absent)
    assert not set(acting.answer) & away
    assert acting.absent == away
    block = g.signature_block(post, absent=absent)
    assert not set(block.answer) & away
    if post in away and acting.status is Status.DECIDED:
        assert block.answer == acting.answer or block.status is not Status.DECIDED


@given(concurrent_cases())
def test_the_answer_says_why_a_concurrent_post_counts_as_absent(
    case: tuple[Regulation, str, frozenset[str]],
) -> None:
    reg, post, absent = case
    r = reg.authority().acting_for(post, absent=absent)
    if post in held(reg, absent) - absent:
        # Absent only because its holder is away from the other post: said, in both languages.
        assert "đồng thời là" in r.text_vi
        assert "its holder is also" in r.text_en


def test_minh_son_deputy_who_leads_the_working_group_is_not_named_when_away() -> None:
    # Điều 4 khoản 3: "Phó Trưởng Ban là Giám đốc Sở Khoa học và Công nghệ, đồng thời là Tổ
    # trưởng Tổ giúp việc." Away as wg_lead, the same person cannot act for the head.
    reg = steering.load(EXAMPLE)
    r = reg.authority().acting_for(
        "head", absent={"head", "standing_deputy", "deputy_pct", "wg_lead"}
    )
    assert "deputy_skhcn" not in r.answer
    assert r.status is Status.NOBODY_AVAILABLE
    assert "deputy_skhcn" in r.absent
    assert "đồng thời là Tổ trưởng Tổ giúp việc" in r.text_vi
    assert any("đồng thời là Tổ trưởng Tổ giúp việc" in c.quote for c in r.citations)


def test_minh_son_working_group_lead_is_absent_with_the_deputy() -> None:
    reg = steering.load(EXAMPLE)
    r = reg.authority().signature_block("wg_lead", absent={"deputy_skhcn"})
    assert "wg_lead" in r.absent
    assert r.answer == ()
    assert "its holder is also Phó Trưởng Ban" in r.text_en
