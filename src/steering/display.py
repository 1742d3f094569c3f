"""What notebooks show: the language of the library's rich views.

Regulations, rulings, comparisons and calendars render as HTML tables in a
notebook, and an authority graph as an SVG picture (``steering._display``,
``steering._svg``). Their labels, column heads and explanations speak the
language set here; the regulations' own words (titles, offices, quotes) stay as
written.
"""

from __future__ import annotations

from steering import _args

__all__ = ["display_language"]

_LANGUAGE = ["vi"]


def display_language(lang: str | None = None) -> str:
    """The language of notebook views (tables, pictures), set with ``lang``; returns it.

    Rich views (``_repr_html_`` of a regulation, ruling, comparison or calendar,
    the authority graph's picture) follow it; the default is Vietnamese, the
    regulations' own language. ``steering.display_language("en")`` at the top of an
    English notebook makes every view English.

    Raises:
        QueryError: ``lang`` is not ``"vi"`` or ``"en"``.

    """
    if lang is not None:
        _LANGUAGE[0] = _args.as_lang(lang)
    return _LANGUAGE[0]
