"""The text layer: every reason a ruling carries, in words, one catalogue per language.

The engines decide and return typed reasons ([`steering.reasons`][steering.reasons]);
this layer words them. Each language is one module holding a
[`Catalogue`][steering.text.Catalogue] with one entry per kind of reason: `vi` (the
regulations' own words) and `en`. Adding a language is one new module registered in
`CATALOGUES`; changing a word is one line of a catalogue.
[`Ruling.explain`][steering.ruling.Ruling.explain] delegates here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from steering.errors import QueryError
from steering.reasons import Reason
from steering.statements import Statement, Subject

__all__ = [
    "CATALOGUES",
    "Catalogue",
    "Worded",
    "catalogue",
    "label",
    "pair",
    "render",
    "say",
    "sentence",
    "word",
]

R = TypeVar("R")


def sentence(text: str) -> str:
    """``text`` with its first letter capitalised, as a sentence starts.

    Posts keep the regulation's own words, and some regulations write them in
    lower case ("thành viên Ban Chỉ đạo", Vũng Tàu 2024); an explanation that
    opens with one still starts with a capital.
    """
    return text[:1].upper() + text[1:] if text[:1].islower() else text


class Catalogue:
    """One language's words for every kind of reason."""

    def __init__(self, lang: str, words: Mapping[enum.Enum, str] | None = None,
                 labels: Mapping[str, str] | None = None) -> None:
        self.lang = lang
        self.words: Mapping[enum.Enum, str] = words or {}
        self.labels: Mapping[str, str] = labels or {}
        self._say: dict[type, Callable[[Any], str]] = {}

    def on(self, kind: type[R]) -> Callable[[Callable[[R], str]], Callable[[R], str]]:
        """Register the words for ``kind`` (a decorator): a reason, a statement, a subject."""

        def register(say: Callable[[R], str]) -> Callable[[R], str]:
            if kind in self._say:
                raise ValueError(f"{self.lang}: {kind.__name__} is worded twice")
            self._say[kind] = say
            return say

        return register

    def kinds(self) -> frozenset[type]:
        """The kinds this catalogue words: reasons, statements, a fact's subject."""
        return frozenset(self._say)

    def word(self, member: enum.Enum) -> str:
        """The word for a member of the library's vocabularies (a role, a cadence ...)."""
        return self.words[member]

    def say(self, item: object) -> str:
        """One reason, statement or subject in words."""
        return self._say[type(item)](item)

    def render(self, reasons: Iterable[Reason]) -> str:
        """Reasons in words, one after another, as one capitalised text."""
        return sentence(" ".join(self.say(r) for r in reasons))


class Worded:
    """A value that says why by its typed ``reasons``; `text_vi` and `text_en` word them.

    A mixin of [`Ruling`][steering.ruling.Ruling] and [`Caveat`][steering.world.Caveat]:
    the text is rendered when asked, never stored.
    """

    __slots__ = ()
    reasons: tuple[Reason, ...]

    @property
    def text_vi(self) -> str:
        """The reasons in Vietnamese (a ruling's caveats are not among them: see ``explain``)."""
        return render(self.reasons, "vi")

    @property
    def text_en(self) -> str:
        """The reasons in English (a ruling's caveats are not among them: see ``explain``)."""
        return render(self.reasons, "en")


def _catalogues() -> dict[str, Catalogue]:
    from steering.text import en, vi  # noqa: PLC0415 - the catalogues import this module

    return {"vi": vi.SAY, "en": en.SAY}


#: The languages, each with its catalogue (filled on first use).
CATALOGUES: dict[str, Catalogue] = {}


def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``lang``.

    Raises:
        QueryError: ``lang`` is not a language of `CATALOGUES`.

    """
    if not CATALOGUES:
        CATALOGUES.update(_catalogues())
    try:
        return CATALOGUES[lang]
    except (KeyError, TypeError):  # TypeError: an unhashable stranger (a list)
        allowed = ", ".join(CATALOGUES)
        raise QueryError(f"unknown language {lang!r}; allowed: {allowed}") from None


def word(member: enum.Enum, lang: str) -> str:
    """The word ``lang`` has for a role, kind of meeting, level, cadence, condition or group.

    ``word(Role.HEAD, "vi") == "Trưởng ban"``; ``word(Period.HALF_YEAR, "en") ==
    "half-yearly"``. Every explanation, comparison, table and calendar title names them so.
    """
    return catalogue(lang).word(member)


def label(key: str, lang: str) -> str:
    """A label of the command line and the views ("posts", "due", "no_occurrences" ...)."""
    return catalogue(lang).labels[key]


def pair(member: enum.Enum) -> tuple[str, str]:
    """``member``'s words in Vietnamese and English, for the engines that keep both."""
    return word(member, "vi"), word(member, "en")


def say(item: Reason | Statement | Subject, lang: str) -> str:
    """One reason, statement or subject in words in ``lang``, as it stands in a sentence.

    Raises:
        QueryError: ``lang`` is not a language of `CATALOGUES`.

    """
    return catalogue(lang).say(item)


def render(reasons: Iterable[Reason], lang: str) -> str:
    """``reasons`` in words in ``lang``.

    Raises:
        QueryError: ``lang`` is not a language of `CATALOGUES`.

    """
    return catalogue(lang).render(reasons)
