"""Assertions shared by the per-preset tests, so each test reads like its regulation.

``cites(rule, "Điều 7 khoản 1")`` checks that a rule (or a citation) points at
that article and clause of the Quy chế; ``only(rules, ...)`` picks the one
rule a clause creates and fails if there are none or several.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

import steering
from steering.regulation import Regulation
from steering.rules import Citation, ReportRule

__all__ = ["assert_loads_clean", "cites", "only", "quotes", "timing_not_specified", "where"]

T = TypeVar("T")

_WHERE = re.compile(r"^Điều (\d+)(?: khoản (\d+))?(?: điểm ([a-zđ]))?$")


class _Cited(Protocol):
    @property
    def citation(self) -> Citation: ...


def where(text: str) -> tuple[int, int | None, str]:
    """``"Điều 7 khoản 1"`` as ``(7, 1, "")``; ``"Điều 5"`` as ``(5, None, "")``."""
    m = _WHERE.match(text)
    assert m, f"{text!r} is not of the form 'Điều N [khoản M [điểm x]]'"
    article, clause, point = m.groups()
    return int(article), int(clause) if clause else None, point or ""


def cites(rule: _Cited | Citation, at: str | None, *, document: str = "regulation") -> None:
    """Assert the rule's citation points at ``at`` ("Điều 7 khoản 1") of ``document``.

    ``at=None`` means an unnumbered part (the header line, the signature block).
    """
    c = rule if isinstance(rule, Citation) else rule.citation
    assert c.document == document, f"cited in {c.document!r}, expected {document!r}"
    if at is None:
        assert c.article is None, f"cites {c.label()}, expected an unnumbered part"
        return
    article, clause, point = where(at)
    assert (c.article, c.clause, c.point) == (article, clause, point), (
        f"cites {c.label()}, expected {at}"
    )
    assert c.quote.strip(), f"the citation of {at} has no quote"


def only(items: Iterable[T], pred: Callable[[T], bool], what: str = "rule") -> T:
    """The single item satisfying ``pred``; fails when there are none or several."""
    found = [x for x in items if pred(x)]
    assert len(found) == 1, f"expected exactly one {what}, found {len(found)}"
    return found[0]


def quotes(rule: _Cited | Citation, text: str) -> None:
    """Assert the rule's quote contains ``text`` (the regulation's own words)."""
    c = rule if isinstance(rule, Citation) else rule.citation
    assert " ".join(text.split()) in " ".join(c.quote.split()), (
        f"{c.label()} quotes {c.quote!r}, which does not contain {text!r}"
    )


def timing_not_specified(rule: ReportRule) -> None:
    """Assert a report names no period, no cadence and no occasion ("kịp thời", "đột xuất")."""
    assert not rule.periodic, f"{rule.id} is marked periodic"
    assert not rule.ad_hoc, f"{rule.id} is marked ad hoc"
    assert rule.cadences == (), f"{rule.id} has cadences"
    assert rule.deadline is None, f"{rule.id} has a deadline"


def assert_loads_clean(preset_id: str) -> Regulation:
    """Load a preset, check it validates with no problem (quotes included), and return it."""
    reg = steering.presets.load(preset_id)
    assert reg.id == preset_id
    problems = steering.validate(reg)
    assert problems == (), "\n".join(str(p) for p in problems)
    assert reg.source == f"sources/{preset_id}.txt"
    return reg
