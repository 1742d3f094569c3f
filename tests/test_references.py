"""One reference checker (issue #11, item 2): ``validate()`` and the authority graph accept
the same ids and refuse the others in the same words.

Every reference of ``validation.RULE_REFERENCES`` is tried, on a shipped regulation that
has a rule of its table, with an unknown id, with a body (which only some references may
name) and with a working group (which a seal rule may name, a signing rule not).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest

import steering
from steering.authority import AuthorityGraph
from steering.errors import Problem, RegulationFileError
from steering.regulation import Regulation
from steering.rules import Citation, Delegation
from steering.validation import RULE_REFERENCES, validate

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
#: A written authorisation (no shipped file has one) for Đắk Nông 2021: Trưởng ban to
#: the Tổ trưởng, for meeting invitations, January 2025.
AUTHORISATION = Delegation(
    delegator="head",
    delegate="wg_lead",
    documents=("giấy mời họp",),
    start=dt.date(2025, 1, 1),
    end=dt.date(2025, 1, 31),
    reference="01/GUQ-BCĐ",
    citation=Citation(document="Giấy ủy quyền 01/GUQ-BCĐ", quote="ủy quyền ký giấy mời họp"),
)
REGS = [steering.presets.load(p) for p in steering.presets.names()] + [
    steering.load(p) for p in sorted(EXAMPLES.glob("*.toml"))
]
REGS.append(attrs.evolve(steering.presets.load("dak-nong-2021"), delegations=(AUTHORISATION,)))


def _items(reg: Regulation, table: str) -> tuple[Any, ...]:
    if table == "monitoring.assignments":
        return reg.monitoring.assignments if reg.monitoring is not None else ()
    return tuple(getattr(reg, table))


def _first_with(table: str) -> Regulation:
    return next(r for r in REGS if _items(r, table))


def _set(reg: Regulation, table: str, field: str, value: str) -> tuple[Regulation, str]:
    """``reg`` with the first rule's ``field`` naming ``value``, and that value's path."""
    item = _items(reg, table)[0]
    single = isinstance(getattr(item, field), str)
    new = attrs.evolve(item, **{field: value if single else (value,)})
    rest = _items(reg, table)[1:]
    if table == "monitoring.assignments":
        assert reg.monitoring is not None
        reg = attrs.evolve(reg, monitoring=attrs.evolve(reg.monitoring,
                                                        assignments=(new, *rest)))
    else:
        changes: dict[str, Any] = {table: (new, *rest)}
        reg = attrs.evolve(reg, **changes)
    return reg, f"{table}[0].{field}" + ("" if single else "[0]")


def _graph_problems(reg: Regulation) -> tuple[Problem, ...]:
    try:
        AuthorityGraph(reg)
    except RegulationFileError as e:
        return e.problems
    return ()


def _at(problems: tuple[Problem, ...], path: str) -> list[str]:
    return [p.message for p in problems if p.path == path]


@pytest.mark.parametrize(("table", "field", "kind"), RULE_REFERENCES)
def test_an_unknown_id_is_refused_by_both_in_the_same_words(
    table: str, field: str, kind: str
) -> None:
    reg, path = _set(_first_with(table), table, field, "nobody_here")
    said = _at(validate(reg), path)
    assert said
    assert said[0].startswith("found 'nobody_here', which names no ")
    assert _at(_graph_problems(reg), path) == said


@pytest.mark.parametrize(("table", "field", "kind"), RULE_REFERENCES)
def test_a_body_is_accepted_or_refused_by_both_as_its_kind_says(
    table: str, field: str, kind: str
) -> None:
    reg = _first_with(table)
    body = next((r.bodies[0].id for r in REGS if r.bodies), None)
    assert body is not None
    if not reg.bodies:  # a body of another regulation: lend it
        lender = next(r for r in REGS if r.bodies)
        reg = attrs.evolve(reg, bodies=lender.bodies[:1])
    changed, path = _set(reg, table, field, body)
    by_validate = _at(validate(changed), path)
    by_graph = _at(_graph_problems(changed), path)
    assert by_graph == by_validate
    assert bool(by_validate) == (kind != "node")


def test_a_working_group_may_hold_a_seal_and_may_not_sign() -> None:
    reg = next(r for r in REGS if r.working_groups and r.seals and r.signing)
    group = reg.working_groups[0].id
    sealed, path = _set(reg, "seals", "posts", group)
    assert _at(validate(sealed), path) == _at(_graph_problems(sealed), path) == []
    signed, path = _set(reg, "signing", "posts", group)
    said = _at(validate(signed), path)
    assert said
    assert _at(_graph_problems(signed), path) == said
