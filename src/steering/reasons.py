"""Why a ruling decides as it does: typed reasons, no prose.

A [`Ruling`][steering.ruling.Ruling] carries its reasons: each one a fact the engine
found (who is absent, which clause names a substitute, which reading it applied), with
the clauses it rests on. The words are the text layer's
([`steering.text`][steering.text]): one catalogue per language turns each kind of
reason into a sentence, so the engines decide and never word.

A reason names posts and bodies by [`Named`][steering.reasons.Named]: the id with the
regulation's own words for it, in each language, since a ruling does not hold its
regulation. Quoted strings (a clause's scope, a document kind) are the regulation's
words, kept verbatim.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from steering.rules import Citation

__all__ = ["Named", "Reason"]


@attrs.frozen
class Named:
    """A post, body or working group: its id and the regulation's words for it.

    Attributes:
        id: The id in the regulation's file.
        vi: Its name in Vietnamese (the title, with the office where the title lacks it).
        en: Its name in English (the title, then a gloss of its role).

    """

    id: str
    vi: str
    en: str


@attrs.frozen
class Reason:
    """A fact a ruling rests on; each kind is a subclass, worded by the text layer."""


def _names() -> Any:
    return attrs.field(default=(), converter=tuple)


def _cites() -> Any:
    return attrs.field(default=(), converter=tuple)


# -- who acts for an absent post ---------------------------------------------------


@attrs.frozen
class ActsInPerson(Reason):
    """The post asked about is not absent, so it acts itself."""

    post: Named


@attrs.frozen
class NoSubstitute(Reason):
    """The regulation names no substitute for the post."""

    post: Named


@attrs.frozen
class SubstituteOnlyWhen(Reason):
    """A substitute is named only when other posts are absent too, and they are not."""

    post: Named
    needed: tuple[Named, ...] = _names()
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class NoSubstituteLeft(Reason):
    """Every substitute the regulation names is absent too."""

    post: Named
    substitutes: tuple[Named, ...] = _names()
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class SubstituteActs(Reason):
    """Who acts, under which clause, after the absent substitutes tried before.

    ``scope`` is the clause's own words for what the substitute does, if it says;
    ``title`` the absent post's title, said where the clause gives no scope.
    """

    post: Named
    title: str
    when_absent: tuple[Named, ...]
    acting: tuple[Named, ...]
    citation: Citation
    scope: str = ""
    tried: tuple[Named, ...] = _names()
    tried_citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class NotOrdered(Reason):
    """Several posts answer and the regulation does not order them."""

    posts: tuple[Named, ...] = _names()


@attrs.frozen
class AbsentWithHolder(Reason):
    """Posts absent because their holder is absent from another post they hold.

    ``pairs`` are (the post counted absent, the absent post its holder also holds).
    """

    pairs: tuple[tuple[Named, Named], ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class AuthorisationPartial(Reason):
    """A written authorisation lists documents of the asked kind, but not the one asked."""

    post: Named
    delegator: Named
    kinds: tuple[str, ...]
    document: str
    citation: Citation


# -- notes every ruling may carry -----------------------------------------------------


@attrs.frozen
class OnlyWhenSetUp(Reason):
    """The answer concerns groups set up only when needed."""

    groups: tuple[str, ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class RestsOnReplaced(Reason):
    """Cited clauses belong to an instrument this regulation replaces.

    ``hits`` are (the clause cited, the clause that replaces its instrument).
    """

    hits: tuple[tuple[Citation, Citation], ...]


@attrs.frozen
class NotYetInForce(Reason):
    """The day asked about is before the regulation can be in force."""

    on: dt.date
    first: dt.date


@attrs.frozen
class StartUnknown(Reason):
    """The signing date is unknown, so whether the regulation governed the day is not known.

    ``not_before`` and ``not_after`` are the bounds the file gives for the signing date.
    """

    not_before: dt.date | None = None
    not_after: dt.date | None = None


@attrs.frozen
class AsWritten(Reason):
    """What the text decides, said as the text's only: a later change leaves it unknown."""

    reasons: tuple[Reason, ...]
    answer: tuple[str, ...] = ()


@attrs.frozen
class Worded(Reason):
    """A reason still worded by its engine (to be made a typed reason, issue #11)."""

    vi: str
    en: str
