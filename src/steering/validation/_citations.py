"""The citation walk: every citation a regulation holds, with its path, and its checks."""

from __future__ import annotations

import datetime as dt
import enum
import typing

import attrs

from steering.rules import OWN_PARTS, Citation
from steering.sources import SourceText, check_quote

_SCALARS = (str, int, float, bool, type(None), enum.Enum, dt.date)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _may_hold_citation(hint: object, seen: set[type]) -> bool:
    """Whether a value of this type hint can contain a `Citation` (unknown: yes)."""
    if hint is Citation:
        return True
    if isinstance(hint, type) and attrs.has(hint):
        return bool(_field_names(hint, seen))
    if isinstance(hint, type) and issubclass(hint, _SCALARS):
        return False
    args = typing.get_args(hint)
    if args:
        return any(_may_hold_citation(a, seen) for a in args if a is not Ellipsis)
    return hint is not type(None) and not isinstance(hint, type)


def _field_names(cls: type, seen: set[type] | None = None) -> tuple[str, ...]:
    """The compared fields of an attrs class whose values can hold a citation.

    Read once per class from the type hints: the walk of `_citations` then skips
    fields that can only hold names, numbers, dates and enums. A hint that cannot
    be resolved counts as "can hold one", so nothing is skipped by mistake.
    """
    names = _FIELDS.get(cls)
    if names is not None:
        return names
    seen = set() if seen is None else seen
    if cls in seen:  # a type that contains itself: walked when it is met
        return tuple(f.name for f in attrs.fields(cls) if f.eq)
    seen.add(cls)
    try:
        hints = typing.get_type_hints(cls)
    except Exception:
        hints = {}
    names = tuple(f.name for f in attrs.fields(cls) if f.eq and (
        f.name not in hints or _may_hold_citation(hints[f.name], seen)))
    _FIELDS[cls] = names
    return names


def _citations(value: object, path: str) -> list[tuple[str, Citation]]:
    """Every citation inside a model value, with its path, in field order.

    Iterative, and skipping plain scalars before formatting a path: validation
    runs on every load, and a regulation holds hundreds of values.
    """
    found: list[tuple[str, Citation]] = []
    stack: list[tuple[object, str]] = [(value, path)]
    while stack:
        v, p = stack.pop()
        if type(v) is Citation:
            found.append((p, v))
        elif type(v) is tuple:
            stack.extend(
                (x, f"{p}[{i}]") for i, x in reversed(list(enumerate(v)))
                if not isinstance(x, _SCALARS)
            )
        elif attrs.has(type(v)):
            items = [(getattr(v, n), n) for n in _field_names(type(v))]
            stack.extend(
                (x, f"{p}.{n}" if p else n) for x, n in reversed(items)
                if not isinstance(x, _SCALARS)
            )
    return found


def _citation_values(value: object) -> list[Citation]:
    """The citations `_citations` finds, in the same order, without their paths.

    Validation checks every citation of every file it loads; a path is needed only
    for one that has a problem, and formatting one for each costs more than the check.
    """
    found: list[Citation] = []
    stack: list[object] = [value]
    while stack:
        v = stack.pop()
        cls = type(v)
        if cls is Citation:
            found.append(v)  # type: ignore[arg-type]  # checked just above
        elif cls is tuple:
            stack.extend([x for x in reversed(v) if not isinstance(x, _SCALARS)])  # type: ignore[call-overload]
        elif attrs.has(cls):
            items = [getattr(v, n) for n in reversed(_field_names(cls))]
            stack.extend([x for x in items if not isinstance(x, _SCALARS)])
    return found


#: Every reference from a rule to ids, declared once: (table, field, what it may name).
#: One checker, `reference_problems`, reads it for `validate()` and for the authority
#: graph, so the two accept the same ids. What each kind may name:
#: ``post``; ``node``: a post, working group, body, collective or the committee;
#: ``meeting body``: the committee or a working group; ``seal holder``: a post, a working

def _citation_problems(c: Citation, source: SourceText | None) -> list[tuple[str, str]]:
    """What is wrong with one citation: (path suffix, message) pairs, empty when nothing."""
    out: list[tuple[str, str]] = []
    if not c.quote.strip():
        out.append((".quote", "found an empty quote; allowed: a verbatim quote"))
    if c.document in OWN_PARTS:
        if c.article is not None and c.article < 1:
            out.append((".article", f"found {c.article}; allowed: an integer >= 1"))
        if c.clause is not None and c.article is None:
            out.append((".clause", "found a clause without an article"))
    elif not c.document.strip():
        out.append((".document", "found an empty document; allowed: "
                    "'decision', 'regulation', 'annex' or an outside instrument's name"))
    # Only the text's own words are checked: a paraphrase or translation is not in it.
    if source is not None and c.quote.strip() and c.words == "text":
        why = check_quote(c, source)
        if why:
            out.append(("", why))
    return out
