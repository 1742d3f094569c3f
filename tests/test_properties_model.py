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
from steering._escape import CONTROLS
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


_NO_CONTROLS = {p: None for p in CONTROLS if chr(p) not in "\t\n\r"}


@given(any_text.map(lambda t: t.translate(_NO_CONTROLS)).filter(str.strip))
def test_any_text_round_trips_through_toml(text: str) -> None:
    """Whatever the characters (combining marks, emoji, tabs, newlines), a quote survives a file.

    Other control characters are refused at load (tests/test_untrusted_load.py).
    """
    cite = Citation(document="regulation", article=1, quote=text)
    post = Post(id="head", role=Role.HEAD, title=text, citation=cite)
    reg = Regulation(
        id="x",
        identity=_identity(),
        committee=_committee(),
        posts=(post,),
    )
    assert steering.loads(to_toml(reg), file="any.toml") == reg


@pytest.mark.parametrize("text", ["x\n\u0303y", "a\t\u0301", "\\\u0308", "\"\u0338"])
def test_an_escape_followed_by_a_combining_mark_survives_a_file(text: str) -> None:
    """TOML escapes ("\\n") next to combining marks are not merged by normalisation."""
    post = Post(id="head", role=Role.HEAD, title=text,
                citation=Citation(document="regulation", article=1, quote=text))
    reg = Regulation(id="x", identity=_identity(), committee=_committee(), posts=(post,))
    loaded = steering.loads(to_toml(reg), file="escapes.toml")
    assert loaded == reg
    assert loaded.posts[0].title == unicodedata.normalize("NFC", text)


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
def test_generated_regulations_are_valid_and_keep_the_model_invariants(reg: Regulation) -> None:
    assert steering.validate(reg) == ()
    # Exactly one head.
    assert len(reg.posts_with_role(Role.HEAD)) == 1
    assert reg.head.role is Role.HEAD
    # Substitution and accountability form no cycle.
    assert find_cycle((s.principal, t) for s in reg.substitutions for t in s.substitutes) is None
    assert find_cycle((a.subject, t) for a in reg.accountability for t in a.to) is None
    # Every annex locality is assigned to exactly one member.
    if reg.monitoring is not None:
        owners: dict[tuple[str, str], list[str]] = {}
        for a in reg.monitoring.assignments:
            for t in a.targets:
                if t.kind.value == "locality":
                    owners.setdefault((t.unit, t.name), []).append(a.post)
        assert all(len(v) == 1 for v in owners.values())


# -- injected problems are found, at their path ------------------------------------------

_CITE = Citation(document="regulation", article=1, quote="vắng mặt")


def _with_posts(reg: Regulation, n: int) -> Regulation:
    """``reg`` with at least ``n`` posts (members added at the end)."""
    extra = tuple(
        Post(id=f"member_z{i}", role=Role.MEMBER, title="Ủy viên", citation=_CITE)
        for i in range(max(0, n - len(reg.posts)))
    )
    return attrs.evolve(reg, posts=(*reg.posts, *extra))


def _second_head(reg: Regulation) -> tuple[Regulation, str, str]:
    extra = attrs.evolve(reg.posts[0], id="second_head")
    return attrs.evolve(reg, posts=(*reg.posts, extra)), "posts", "2 head posts"


def _no_head(reg: Regulation) -> tuple[Regulation, str, str]:
    return attrs.evolve(reg, posts=reg.posts[1:]), "posts", "0 head posts"


def _duplicate_id(reg: Regulation) -> tuple[Regulation, str, str]:
    dup = attrs.evolve(reg.posts[-1], role=Role.MEMBER, group="", concurrent_with=())
    return (attrs.evolve(reg, posts=(*reg.posts, dup)), f"posts[{len(reg.posts)}].id",
            "duplicate id")


def _substitution_cycle(reg: Regulation) -> tuple[Regulation, str, str]:
    reg = _with_posts(reg, 2)
    a, b = reg.posts[0].id, reg.posts[1].id
    loop = (
        Substitution(principal=a, substitutes=(b,), rank=50, citation=_CITE),
        Substitution(principal=b, substitutes=(a,), rank=50, citation=_CITE),
    )
    return attrs.evolve(reg, substitutions=(*reg.substitutions, *loop)), "substitutions", "-->"


def _accountability_cycle(reg: Regulation) -> tuple[Regulation, str, str]:
    loop = (
        Accountability(subject="head", to=("committee",), citation=_CITE),
        Accountability(subject="committee", to=("head",), citation=_CITE),
    )
    return (attrs.evolve(reg, accountability=(*reg.accountability, *loop)), "accountability",
            "cycle")


def _dangling_substitute(reg: Regulation) -> tuple[Regulation, str, str]:
    rule = Substitution(principal="head", substitutes=("ghost",), rank=99, citation=_CITE)
    n = len(reg.substitutions)
    return (attrs.evolve(reg, substitutions=(*reg.substitutions, rule)),
            f"substitutions[{n}].substitutes[0]", "'ghost'")


def _locality_twice(reg: Regulation) -> tuple[Regulation, str, str]:
    from steering.rules import Monitoring, MonitoringAssignment, TargetKind

    cite = Citation(document="annex", quote="Đông Sơn")
    target = MonitorTarget(text="Huyện Đông Sơn", kind=TargetKind.LOCALITY, name="Đông Sơn",
                           unit="huyện")
    rows = (
        MonitoringAssignment(post="head", targets=(target,), citation=cite),
        MonitoringAssignment(post="head", targets=(target,), citation=cite),
    )
    return (attrs.evolve(reg, monitoring=Monitoring(assignments=rows, basis=cite)),
            "monitoring.assignments[1].targets[0]", "exactly one member")


def _empty_quote(reg: Regulation) -> tuple[Regulation, str, str]:
    head = attrs.evolve(reg.posts[0],
                        citation=Citation(document="regulation", article=3, quote="   "))
    return attrs.evolve(reg, posts=(head, *reg.posts[1:])), "posts[0].citation.quote", "quote"


def _re_delegation(reg: Regulation) -> tuple[Regulation, str, str]:
    import datetime as dt

    reg = _with_posts(reg, 3)
    a, b, c = (p.id for p in reg.posts[:3])
    day = dt.date(2025, 1, 1)
    chain = (
        Delegation(delegator=a, delegate=b, documents=("công văn",), start=day, end=day,
                   citation=_CITE),
        Delegation(delegator=b, delegate=c, documents=("công văn",), start=day, end=day,
                   citation=_CITE),
    )
    return attrs.evolve(reg, delegations=chain), "delegations[1]", "re-delegat"


def _bad_rank(reg: Regulation) -> tuple[Regulation, str, str]:
    reg = _with_posts(reg, 2)
    rule = Substitution(principal="head", substitutes=(reg.posts[1].id,), rank=0,
                        citation=_CITE)
    n = len(reg.substitutions)
    return (attrs.evolve(reg, substitutions=(*reg.substitutions, rule)),
            f"substitutions[{n}].rank", ">= 1")


INJECTIONS = (
    _second_head,
    _no_head,
    _duplicate_id,
    _substitution_cycle,
    _accountability_cycle,
    _dangling_substitute,
    _locality_twice,
    _empty_quote,
    _re_delegation,
    _bad_rank,
)


@given(regulations(), st.sampled_from(INJECTIONS))
def test_an_injected_problem_is_found_at_its_path(reg: Regulation, inject: Any) -> None:
    bad, path, words = inject(reg)
    problems = steering.validate(bad)
    assert any(p.path == path and words in p.message for p in problems), (path, problems)
    with pytest.raises(steering.RegulationFileError) as info:
        steering.loads(to_toml(bad), file="injected.toml")
    assert str(info.value).startswith("injected.toml: ")
    assert any(p.path == path for p in info.value.problems)


@pytest.mark.parametrize("inject", INJECTIONS, ids=lambda f: f.__name__.strip("_"))
def test_each_injection_is_found_on_a_small_committee(inject: Any) -> None:
    bad, path, words = inject(_small())
    assert any(p.path == path and words in p.message for p in steering.validate(bad))


def _small() -> Regulation:
    return Regulation(
        id="x",
        identity=_identity(),
        committee=_committee(),
        posts=(Post(id="head", role=Role.HEAD, title="Trưởng ban", citation=_CITE),),
    )


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
    assert "posts[1].id" in [p.path for p in steering.validate(reg)]
