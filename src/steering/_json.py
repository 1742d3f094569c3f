"""The machine form of result types: one cattrs converter for every JSON output.

`JSON` turns the library's values into plain JSON data with the attribute names of the
Python API: attrs values become objects of their public fields (private fields, the
explanation caches and the typed reasons left out; a ruling's explanation is added by
its own ``to_dict``), enums their values, dates ISO strings, sets sorted lists, tuples
lists. The command line's and the web API's ``--json``, rulings, calendar items, the
iCalendar ``X-STEERING-*`` values and the columnar tables all go through it, so one
value has one machine form everywhere. A type with a form of its own registers it here
(`JSON.register_unstructure_hook`), as the coverage report does.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

import attrs
import cattrs

__all__ = ["JSON", "jsonable"]

#: Fields no machine form carries: explanations are said by ``explanation``, in a language.
_HIDDEN = frozenset({"text_vi", "text_en", "reasons"})


def _attrs_form(cls: type) -> Callable[[Any], dict[str, Any]]:
    names = tuple(
        f.name for f in attrs.fields(cls) if not f.name.startswith("_") and f.name not in _HIDDEN
    )

    def form(value: Any) -> dict[str, Any]:
        return {name: jsonable(getattr(value, name)) for name in names}

    return form


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _is_date(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, dt.date)


def _is_set(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, frozenset | set)


def _is_sequence(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, list | tuple)


def _is_mapping(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, dict)


def _is_other(cls: Any) -> bool:
    """What no other hook takes: its text (a path, a pendulum duration ...)."""
    return isinstance(cls, type) and not issubclass(cls, bool | int | float | str | type(None))


JSON = cattrs.Converter()
# Registered in reverse order of precedence: cattrs tries the last registered first.
JSON.register_unstructure_hook_func(_is_other, str)
JSON.register_unstructure_hook_factory(attrs.has, _attrs_form)
JSON.register_unstructure_hook_func(
    _is_mapping, lambda v: {str(k): jsonable(x) for k, x in v.items()})
JSON.register_unstructure_hook_func(_is_sequence, lambda v: [jsonable(x) for x in v])
JSON.register_unstructure_hook_func(_is_set, lambda v: sorted((jsonable(x) for x in v), key=str))
JSON.register_unstructure_hook_func(_is_date, lambda v: v.isoformat())
JSON.register_unstructure_hook_func(_is_enum, lambda v: v.value)


def jsonable(value: Any) -> Any:
    """A value as plain JSON data, with the attribute names of the Python API (see `JSON`).

    An enum is its value, a plain ``str`` even for a ``str`` enum (cattrs would pass
    those through as they are).
    """
    return value.value if isinstance(value, enum.Enum) else JSON.unstructure(value)
