"""English: every reason in English, the posts and bodies in the regulation's words.

One entry per kind of reason ([`steering.reasons`][steering.reasons]); changing a word
is changing one line here.
"""

from __future__ import annotations

from collections.abc import Iterable

from steering import reasons as r
from steering.rules import Citation
from steering.text import Catalogue
from steering.text._common import cite as _cite
from steering.text._common import join, quoted
from steering.text._common import names as _names

SAY = Catalogue("en")


def name(named: r.Named) -> str:
    """A post's or body's name."""
    return named.en


def names(items: Iterable[r.Named], word: str = "and") -> str:
    """Names joined: "A, B and C"."""
    return _names(items, "en", word)


def cite(citations: Iterable[Citation]) -> str:
    """The clauses' labels: "Article 3(2); Article 4"."""
    return _cite(citations, "en")


def _is(items: tuple[object, ...]) -> str:
    return "is" if len(items) == 1 else "are"


# -- who acts for an absent post ---------------------------------------------------


@SAY.on(r.ActsInPerson)
def _(x: r.ActsInPerson) -> str:
    return f"{name(x.post)} is not absent, so acts in person."


@SAY.on(r.NoSubstitute)
def _(x: r.NoSubstitute) -> str:
    return f"The regulation does not say who acts for {name(x.post)} when absent."


@SAY.on(r.SubstituteOnlyWhen)
def _(x: r.SubstituteOnlyWhen) -> str:
    every = "both" if len(x.needed) == 2 else "all"
    return (f"The regulation names a substitute for {name(x.post)} only when {names(x.needed)} are "
            f"{every} absent ({cite(x.citations)}); this case is not specified.")


@SAY.on(r.NoSubstituteLeft)
def _(x: r.NoSubstituteLeft) -> str:
    if len(x.substitutes) == 1:
        who = f"so is the substitute the regulation names, {names(x.substitutes)}"
    else:
        who = f"so are all the substitutes the regulation names: {names(x.substitutes)}"
    return (f"{name(x.post)} is absent and {who} ({cite(x.citations)}); the regulation names no "
            "one further, so nobody is available.")


@SAY.on(r.SubstituteActs)
def _(x: r.SubstituteActs) -> str:
    tried = (f"{names(x.tried)} {_is(x.tried)} also absent ({cite(x.tried_citations)}), so "
             if x.tried else "")
    verb = "act" if len(x.acting) > 1 else "acts"
    # The clause's own scope, quoted: Thanh Hóa 2021 Điều 4 khoản 1 lets the standing
    # deputy act "chỉ đạo hoạt động của Ban Chỉ đạo" only.
    scope = f": «{x.scope}»" if x.scope else ""
    return (f"When {names(x.when_absent)} {_is(x.when_absent)} absent, {tried}{names(x.acting)} "
            f"{verb} for {name(x.post)}{scope} ({cite((x.citation,))}).")


@SAY.on(r.NotOrdered)
def _(x: r.NotOrdered) -> str:
    return f"The regulation does not order {names(x.posts)}."


@SAY.on(r.AbsentWithHolder)
def _(x: r.AbsentWithHolder) -> str:
    said = "; ".join(f"{name(post)} is absent too, as its holder is also {name(via)}"
                     for post, via in x.pairs)
    return f"Note: {said} ({cite(x.citations)})."


@SAY.on(r.AuthorisationPartial)
def _(x: r.AuthorisationPartial) -> str:
    return (f"{name(x.post)} holds a written authorisation from {name(x.delegator)} for "
            f"{quoted(x.kinds)} ({cite((x.citation,))}); “{x.document}” is none of the "
            "documents listed, only of the same kind, so whether the authorisation covers it "
            "is not decided.")


# -- notes every ruling may carry ----------------------------------------------------


@SAY.on(r.OnlyWhenSetUp)
def _(x: r.OnlyWhenSetUp) -> str:
    return (f"Note: {join(x.groups, 'and')} is set up only when needed ({cite(x.citations)}); "
            "the answer applies once it is set up.")


@SAY.on(r.RestsOnReplaced)
def _(x: r.RestsOnReplaced) -> str:
    said = "; ".join(f"{c.label('en')} rests on {c.document}, which this regulation replaces "
                     f"({by.label('en')})" for c, by in x.hits)
    return f"Note: {said}."


@SAY.on(r.NotYetInForce)
def _(x: r.NotYetInForce) -> str:
    return (f"Note: on {x.on.isoformat()} this regulation was not yet in force "
            f"(at the earliest from {x.first.isoformat()}).")


@SAY.on(r.StartUnknown)
def _(x: r.StartUnknown) -> str:
    bounds = [f"not before {x.not_before.isoformat()}"] if x.not_before else []
    bounds += [f"not after {x.not_after.isoformat()}"] if x.not_after else []
    signed = "unknown" + (f" ({', '.join(bounds)})" if bounds else "")
    return (f"Note: the regulation's signing date is {signed}; whether it was in force on the "
            "day asked about is not known.")


@SAY.on(r.AsWritten)
def _(x: r.AsWritten) -> str:
    answer = f" (answer: {', '.join(x.answer)})" if x.answer else ""
    return f"As written: {SAY.render(x.reasons)}{answer}"


@SAY.on(r.Worded)
def _(x: r.Worded) -> str:
    return x.en
