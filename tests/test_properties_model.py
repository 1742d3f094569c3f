"""Properties of the model: round trips, NFC text, and validate() on generated regulations.

Design notes section 7: ``structure(unstructure(x)) == x`` for every model
value; Vietnamese text survives byte for byte (normalised to NFC on input);
exactly one head; no cycle in substitution or accountability; each annex
locality assigned to exactly one member. Each injected problem is found, at
its path.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import steering
from steering._convert import structure, unstructure
from steering.regulation import Regulation
from steering.roles import Post, Role
from steering.rules import Accountability, Citation, Delegation, MonitorTarget, Substitution
from steering.validation import find_cycle
from strategies import any_text, model_values, nfd, regulations, to_toml, vi_text

# -- round trips ---------------------------------------------------------------------


@given(model_values())
def test_structure_unstructure_round_trip_for_every_model_value(value: Any) -> None:
    assert structure(unstructure(value), type(value)) == value


@given(regulations())
def test_toml_round_trip_through_the_real_loader(reg: Regulation) -> None:
    text = to_toml(reg)
    assert steering.loads(text, file="generated.toml") == reg
    assert steering.loads(text.encode("utf-8"), file="generated.toml") == reg


@given(regulations())
def test_unstructure_is_plain_data(reg: Regulation) -> None:
    def plain(v: Any) -> bool:
        if isinstance(v, dict):
            return all(isinstance(k, str) and plain(x) for k, x in v.items())
        if isinstance(v, list):
            return all(plain(x) for x in v)
        return v is None or isinstance(v, str | int | bool)

    assert plain(unstructure(reg))


@given(vi_text(max_words=12))
def test_vietnamese_text_survives_byte_for_byte(text: str) -> None:
    cite = Citation(document="regulation", article=1, quote=text)
    again = structure(unstructure(cite), Citation)
    assert again.quote.encode("utf-8") == text.encode("utf-8")
    assert unicodedata.is_normalized("NFC", again.quote)


@given(vi_text(max_words=12))
def test_decomposed_text_is_stored_composed(text: str) -> None:
    post = Post(id="head", role=Role.HEAD, title=nfd(text),
                citation=Citation(document="regulation", article=1, quote=nfd(text)))
    assert post.title.encode("utf-8") == unicodedata.normalize("NFC", text).encode("utf-8")
    assert post.citation.quote == post.title


@given(regulations(), vi_text(max_words=6))
def test_decomposed_toml_file_loads_as_composed_text(reg: Regulation, title: str) -> None:
    head = attrs.evolve(reg.posts[0], title=title)
    reg = attrs.evolve(reg, posts=(head, *reg.posts[1:]))
    loaded = steering.loads(nfd(to_toml(reg)).encode("utf-8"), file="nfd.toml")
    assert loaded.posts[0].title.encode("utf-8") == title.encode("utf-8")
    assert loaded == reg


@given(any_text.filter(str.strip))
def test_any_text_round_trips_through_toml(text: str) -> None:
    """Whatever the characters (controls, combining marks, emoji), a quote survives a file."""
    cite = Citation(document="regulation", article=1, quote=text)
    post = Post(id="head", role=Role.HEAD, title=text, citation=cite)
    reg = Regulation(
        id="x",
        identity=_identity(),
        committee=_committee(),
        posts=(post,),
    )
    assert steering.loads(to_toml(reg), file="any.toml") == reg


def _identity() -> Any:
    from steering.regulation import Effective, EffectiveKind, Identity, Level, PartialDate

    return Identity(
        signed=PartialDate(2024),
        signed_citation=Citation(document="decision", quote="ngày"),
        effective=Effective(kind=EffectiveKind.NOT_SPECIFIED),
        level=Level.COMMUNE,
    )


def _committee() -> Any:
    from steering.regulation import Committee

    return Committee(name="Ban Chỉ đạo")


# -- validate() on generated regulations ---------------------------------------------------


@given(regulations())
def test_generated_regulations_are_valid(reg: Regulation) -> None:
    assert steering.validate(reg) == ()


@given(regulations())
def test_exactly_one_head(reg: Regulation) -> None:
    assert len(reg.posts_with_role(Role.HEAD)) == 1
    assert reg.head.role is Role.HEAD


@given(regulations())
def test_substitution_and_accountability_form_no_cycle(reg: Regulation) -> None:
    assert find_cycle((s.principal, t) for s in reg.substitutions for t in s.substitutes) is None
    assert find_cycle((a.subject, t) for a in reg.accountability for t in a.to) is None


@given(regulations())
def test_every_annex_locality_has_exactly_one_member(reg: Regulation) -> None:
    if reg.monitoring is None:
        return
    owners: dict[tuple[str, str], list[str]] = {}
    for a in reg.monitoring.assignments:
        for t in a.targets:
            if t.kind.value == "locality":
                owners.setdefault((t.unit, t.name), []).append(a.post)
    assert all(len(v) == 1 for v in owners.values())


# -- injected problems are found, at their path ------------------------------------------


def _paths(reg: Regulation) -> list[str]:
    return [p.path for p in steering.validate(reg)]


@given(regulations())
def test_a_second_head_is_found(reg: Regulation) -> None:
    extra = attrs.evolve(reg.posts[0], id="second_head")
    bad = attrs.evolve(reg, posts=(*reg.posts, extra))
    problems = steering.validate(bad)
    assert any(p.path == "posts" and "2 head posts" in p.message for p in problems)


@given(regulations())
def test_no_head_is_found(reg: Regulation) -> None:
    bad = attrs.evolve(reg, posts=reg.posts[1:])
    problems = steering.validate(bad)
    assert any(p.path == "posts" and "0 head posts" in p.message for p in problems)


@given(regulations(), st.data())
def test_a_duplicate_post_id_is_found(reg: Regulation, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(reg.posts) - 1))
    dup = attrs.evolve(reg.posts[i], role=Role.MEMBER, group="", concurrent_with=())
    bad = attrs.evolve(reg, posts=(*reg.posts, dup))
    n = len(reg.posts)
    assert f"posts[{n}].id" in _paths(bad)


@given(regulations())
def test_a_substitution_cycle_is_found(reg: Regulation) -> None:
    cite = Citation(document="regulation", article=1, quote="vắng mặt")
    if len(reg.posts) < 2:
        other = Post(id="member_x", role=Role.MEMBER, title="Ủy viên", citation=cite)
        reg = attrs.evolve(reg, posts=(*reg.posts, other))
    a, b = reg.posts[0].id, reg.posts[1].id
    loop = (
        Substitution(principal=a, substitutes=(b,), rank=50, citation=cite),
        Substitution(principal=b, substitutes=(a,), rank=50, citation=cite),
    )
    bad = attrs.evolve(reg, substitutions=(*reg.substitutions, *loop))
    problems = [p for p in steering.validate(bad) if p.path == "substitutions"]
    assert problems
    assert "-->" in problems[0].message


@given(regulations())
def test_an_accountability_cycle_is_found(reg: Regulation) -> None:
    cite = Citation(document="regulation", article=1, quote="chịu trách nhiệm trước")
    head = reg.posts[0].id
    loop = (
        Accountability(subject=head, to=("committee",), citation=cite),
        Accountability(subject="committee", to=(head,), citation=cite),
    )
    bad = attrs.evolve(reg, accountability=(*reg.accountability, *loop))
    assert "accountability" in _paths(bad)


@given(regulations(), st.text(alphabet="xyz", min_size=3, max_size=6))
def test_a_dangling_substitute_is_found(reg: Regulation, ghost: str) -> None:
    cite = Citation(document="regulation", article=2, quote="thay mặt")
    rule = Substitution(principal="head", substitutes=(ghost,), rank=99, citation=cite)
    bad = attrs.evolve(reg, substitutions=(*reg.substitutions, rule))
    n = len(reg.substitutions)
    assert f"substitutions[{n}].substitutes[0]" in _paths(bad)


@given(regulations())
def test_a_locality_assigned_twice_is_found(reg: Regulation) -> None:
    cite = Citation(document="annex", quote="Đông Sơn")
    target = MonitorTarget(text="Huyện Đông Sơn", kind=steering.rules.TargetKind.LOCALITY,
                           name="Đông Sơn", unit="huyện")
    from steering.rules import Monitoring, MonitoringAssignment

    rows = (
        MonitoringAssignment(post="head", targets=(target,), citation=cite),
        MonitoringAssignment(post="head", targets=(target,), citation=cite),
    )
    bad = attrs.evolve(reg, monitoring=Monitoring(assignments=rows, basis=cite))
    assert "monitoring.assignments[1].targets[0]" in _paths(bad)


@given(regulations())
def test_an_empty_quote_is_found(reg: Regulation) -> None:
    head = attrs.evolve(reg.posts[0], citation=Citation(document="regulation", article=3,
                                                        quote="   "))
    bad = attrs.evolve(reg, posts=(head, *reg.posts[1:]))
    assert "posts[0].citation.quote" in _paths(bad)


@given(regulations())
def test_a_re_delegation_is_found(reg: Regulation) -> None:
    import datetime as dt

    cite = Citation(document="regulation", article=1, quote="ủy quyền")
    posts = [p.id for p in reg.posts]
    if len(posts) < 3:
        extra = tuple(
            Post(id=f"member_z{i}", role=Role.MEMBER, title="Ủy viên", citation=cite)
            for i in range(3 - len(posts))
        )
        reg = attrs.evolve(reg, posts=(*reg.posts, *extra))
        posts = [p.id for p in reg.posts]
    a, b, c = posts[:3]
    day = dt.date(2025, 1, 1)
    chain = (
        Delegation(delegator=a, delegate=b, documents=("công văn",), start=day, end=day,
                   citation=cite),
        Delegation(delegator=b, delegate=c, documents=("công văn",), start=day, end=day,
                   citation=cite),
    )
    bad = attrs.evolve(reg, delegations=chain)
    problems = steering.validate(bad)
    assert any(p.path == "delegations[1]" and "re-delegat" in p.message for p in problems)


@pytest.mark.parametrize("bad_id", ["Head", "1head", "head-x", "", "committee"])
def test_a_malformed_post_id_is_found(bad_id: str) -> None:
    cite = Citation(document="regulation", article=1, quote="Trưởng ban")
    reg = Regulation(
        id="x",
        identity=_identity(),
        committee=_committee(),
        posts=(
            Post(id="head", role=Role.HEAD, title="Trưởng ban", citation=cite),
            Post(id=bad_id, role=Role.MEMBER, title="Ủy viên", citation=cite),
        ),
    )
    assert "posts[1].id" in _paths(reg)
