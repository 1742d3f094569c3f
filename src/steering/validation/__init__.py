"""Rules across objects: one head, ids resolve, no cycles, every rule cited, annex coverage.

[`validate`][steering.validation.validate] returns *every* problem found, each naming the path
inside the
regulation, what was found and what is allowed. It never raises for a problem
in the regulation.
"""

from __future__ import annotations

from steering.errors import ArgumentTypeError, Problem
from steering.regulation import Regulation
from steering.sources import SourceText
from steering.validation._checker import (
    _Checker,
    delegation_problems,
    find_cycle,
    reference_problems,
)
from steering.validation._references import RULE_REFERENCES, delegation_faults

__all__ = [
    "RULE_REFERENCES",
    "delegation_faults",
    "delegation_problems",
    "find_cycle",
    "reference_problems",
    "source_text_for",
    "validate",
]


def source_text_for(reg: Regulation) -> SourceText | None:
    """The parsed source text the loader read for ``reg`` (``None`` when none was read).

    Nothing is read here: the loader reads a regulation's ``source`` once, confined
    to the regulation file's folder ([`steering.loader.read_source`][steering.loader.read_source]).
    """
    if reg.source_text is None:
        return None
    return SourceText.parse(reg.source_text)


def validate(reg: Regulation, *, source: SourceText | None = None) -> tuple[Problem, ...]:
    """Every problem in a regulation, in a stable order; empty when it is valid.

    Checks: exactly one head; ids well formed, unique and resolving; working
    group membership; no cycle in substitution or accountability; every
    citation has a quote (and, when the source text is known, the quote is
    found in the cited article and clause); annex localities assigned once
    where the annex says so; delegations bounded and never re-delegated.

    Args:
        reg: The regulation.
        source: Its source text; by default the file named by ``reg.source``
            next to the file it was loaded from, when there is one.

    """
    if not isinstance(reg, Regulation):
        raise ArgumentTypeError(
            f"validate: found {type(reg).__name__}; allowed: a Regulation "
            "(steering.load, steering.loads or steering.presets.load make one)")
    if source is not None and not isinstance(source, SourceText):
        raise ArgumentTypeError(
            f"validate: source is {type(source).__name__}; allowed: a SourceText or None")
    checker = _Checker(reg, reg.origin or "<string>")
    checker.identity()
    checker.post_unknowns()
    checker.collectives()
    checker.purposes()
    checker.bounds()
    checker.local_days()
    checker.notices()
    checker.procedures()
    checker.ids()
    checker.posts()
    checker.rules()
    checker.cycles()
    checker.monitoring()
    checker.citations(source if source is not None else source_text_for(reg))
    return tuple(checker.problems)
