"""The one place that owns cattrs: (un)structuring regulations and their parts.

``make_converter()`` builds a converter with strict hooks: no silent coercion
(``5`` is not a string, ``"false"`` is not a boolean, a string is not a list),
unknown keys rejected, enums matched by value with the allowed values named.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import sys
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from steering.regulation import PartialDate, Regulation
from steering.rules import Cadence, Period

__all__ = ["converter", "describe_error", "make_converter", "structure", "unstructure"]

_CADENCE_WORDS = {
    "monthly": Period.MONTH,
    "quarterly": Period.QUARTER,
    "half_yearly": Period.HALF_YEAR,
    "yearly": Period.YEAR,
}
_PERIOD_WORDS = {v: k for k, v in _CADENCE_WORDS.items()}


def _type_name(value: Any) -> str:
    return {
        str: "string",
        int: "integer",
        float: "float",
        bool: "boolean",
        list: "array",
        dict: "table",
        dt.date: "date",
        dt.datetime: "datetime",
    }.get(type(value), type(value).__name__)


def _found(value: Any) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{_type_name(value)} {text}"


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"found {_found(value)}; allowed: a string")
    # Interned: regulations repeat the genre's words (titles, quotes, agency
    # names), so a registry of thousands shares one copy of each.
    return sys.intern(value)


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"found {_found(value)}; allowed: an integer")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"found {_found(value)}; allowed: true or false")
    return value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, str):
        try:
            return cls(value)
        except ValueError:
            pass
    # The allowed values are listed only on failure: loading stays fast.
    allowed = ", ".join(repr(str(m.value)) for m in cls)
    if not isinstance(value, str):
        raise TypeError(f"found {_found(value)}; allowed: one of {allowed}")
    raise ValueError(f"found {value!r}; allowed: one of {allowed}") from None


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return PartialDate.from_date(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    if isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except ValueError as e:
            raise ValueError(
                f"found {value!r}; allowed: a date YYYY, YYYY-MM or YYYY-MM-DD ({e})"
            ) from None
    raise TypeError(f"found {_found(value)}; allowed: a date YYYY, YYYY-MM or YYYY-MM-DD")


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"found {value!r}; allowed: a date YYYY-MM-DD") from None
    raise TypeError(f"found {_found(value)}; allowed: a date YYYY-MM-DD")


def _structure_cadence(value: Any, _: type) -> Cadence:
    words = ", ".join(repr(w) for w in _CADENCE_WORDS)
    if isinstance(value, str):
        if value not in _CADENCE_WORDS:
            raise ValueError(
                f"found {value!r}; allowed: one of {words}, or a table {{period, times}}"
            )
        return Cadence(_CADENCE_WORDS[value])
    if isinstance(value, dict):
        extra = set(value) - {"period", "times"}
        if extra or "period" not in value:
            raise ValueError(
                f"found table with keys {sorted(value)}; allowed: keys 'period' (required), 'times'"
            )
        period = _structure_enum(value["period"], Period)
        times = _structure_int(value.get("times", 1), int)
        if times < 1:
            raise ValueError(f"found times = {times}; allowed: an integer >= 1")
        assert isinstance(period, Period)
        return Cadence(period, times)
    raise TypeError(f"found {_found(value)}; allowed: one of {words}, or a table {{period, times}}")


def _unstructure_cadence(value: Cadence) -> Any:
    if value.times == 1:
        return _PERIOD_WORDS[value.period]
    return {"period": value.period.value, "times": value.times}


def _is_homogeneous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_tuple_hook(conv: cattrs.Converter, t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    (inner, _) = typing.get_args(t)
    item = conv.get_structure_hook(inner)

    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"found {_found(value)}; allowed: an array")
        out: list[Any] = []
        errors: list[Exception] = []
        for i, v in enumerate(value):
            try:
                out.append(item(v, inner))
            except Exception as e:
                e.__notes__ = [*getattr(e, "__notes__", []), f"Structuring index {i}"]
                errors.append(_with_index(e, i))
        if errors:
            raise cattrs.IterableValidationError(f"While structuring {t!r}", errors, t)
        return tuple(out)

    return hook


def _with_index(e: Exception, i: int) -> Exception:
    from cattrs.errors import IterableValidationNote  # noqa: PLC0415 - cattrs internals

    note = IterableValidationNote(f"Structuring index {i}", i, object)
    e.__notes__ = [*getattr(e, "__notes__", [])[:-1], note]
    return e


def _make_fast_tuple_hook(conv: cattrs.Converter,
                          t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    (inner, _) = typing.get_args(t)
    item = conv.get_structure_hook(inner)

    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"found {_found(value)}; allowed: an array")
        return tuple([item(v, inner) for v in value])

    return hook


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Build the converter for regulation files: strict, with every hook registered here.

    ``detailed=False`` accepts and refuses exactly what the detailed converter does,
    with the same hooks, but stops at the first problem without recording where it
    was: [`structure`][steering._convert.structure] tries it first and asks the
    detailed converter to word a failure.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=False,
                            detailed_validation=detailed)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(Cadence, _structure_cadence)
    conv.register_unstructure_hook(Cadence, _unstructure_cadence)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    tuples = _make_tuple_hook if detailed else _make_fast_tuple_hook
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: tuples(conv, t))
    conv.register_structure_hook(
        Regulation,
        make_dict_structure_fn(
            Regulation,
            conv,
            _cattrs_forbid_extra_keys=True,
            origin=override(omit=True),
            source_text=override(omit=True),
            nested=override(omit=True),
        ),
    )
    conv.register_unstructure_hook(
        Regulation,
        make_dict_unstructure_fn(
            Regulation, conv, origin=override(omit=True), source_text=override(omit=True),
            nested=override(omit=True),
        ),
    )
    return conv


@functools.cache
def converter() -> cattrs.Converter:
    """The shared converter (built once)."""
    return make_converter()


@functools.cache
def _fast_converter() -> cattrs.Converter:
    return make_converter(detailed=False)


def structure(data: Any, cls: type[Any]) -> Any:
    """Structure plain data (as parsed from TOML or JSON) into a model value.

    The fast converter first (no bookkeeping of where each value was); when it
    refuses the data, the detailed one runs again to say every problem and its path.
    """
    try:
        return _fast_converter().structure(data, cls)
    except Exception:
        return converter().structure(data, cls)


def unstructure(value: Any) -> Any:
    """Unstructure a model value into plain data (dicts, lists, strings, numbers, booleans)."""
    return converter().unstructure(value)


def describe_error(exc: BaseException, type_: Any) -> str:
    """Turn one structuring failure into "found ...; allowed ..." words."""
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = sorted(a.name for a in attrs.fields(exc.cl) if a.eq) if attrs.has(exc.cl) else []
        extra = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        return f"unknown key {extra}; allowed keys: {', '.join(allowed)}"
    if isinstance(exc, KeyError):
        return "required key missing"
    if isinstance(exc, TypeError | ValueError) and str(exc).startswith("found"):
        return str(exc)
    if isinstance(exc, TypeError | ValueError | AttributeError):
        name = getattr(type_, "__name__", str(type_))
        return f"invalid value ({exc}); allowed: {name}"
    return f"{type(exc).__name__}: {exc}"
