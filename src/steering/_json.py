"""The machine form of result types: plain JSON data with the Python API's names."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

__all__ = ["jsonable"]


def jsonable(value: Any) -> Any:  # noqa: PLR0911 - one return per kind of value
    """A value as plain JSON data, with the attribute names of the Python API.

    attrs values become objects of their fields (private fields and the
    explanation caches dropped), enums their values, dates ISO strings,
    sets sorted lists.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted((jsonable(v) for v in value), key=str)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if attrs.has(type(value)):
        return {
            f.name: jsonable(getattr(value, f.name))
            for f in attrs.fields(type(value))
            if not f.name.startswith("_") and f.name not in ("text_vi", "text_en", "reasons")
        }
    return str(value)
