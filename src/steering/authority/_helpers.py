"""Small helpers the question families share.

Order-keeping de-duplication, a verbatim check, and the document kinds a question is
about. The words of the answers are the text layer's ([`steering.text`][steering.text]).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from steering import _authority_algo as algo
from steering.rules import (
    AttendanceCondition,
    Citation,
)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _unique_cites(items: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(items))


def _verbatim(part: str, whole: str) -> bool:
    """Whether ``part`` stands word for word in ``whole`` (up to whitespace and case)."""
    return " ".join(part.split()).casefold() in " ".join(whole.split()).casefold()


def _unique_conds(items: Iterable[AttendanceCondition]) -> tuple[AttendanceCondition, ...]:
    return tuple(dict.fromkeys(items))


def _asked(kinds: Sequence[str], document: str | None) -> tuple[str, ...]:
    """The document kinds a question is about: those matching ``document``, or all of them."""
    if document is None:
        return tuple(kinds)
    return tuple(k for k in kinds if algo.document_matches(document, (k,)))
