"""The text layer (issue #11, item 1): typed reasons, one catalogue per language.

- every kind of reason is worded by every catalogue, and nothing else is;
- any reason, built from any values of its fields, is said in each language as one
  capitalised text that names every post it holds and cites every clause it rests on;
- a ruling's explanation is its reasons rendered, its caveats after.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import types
import typing
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from steering import reasons, statements, text
from steering.errors import QueryError
from steering.reasons import Named, Reason
from steering.regulation import Level, PartialDate
from steering.roles import GroupKind, Role
from steering.rules import AttendanceCondition, ChannelKind, Citation, MeetingKind, Period, Seal
from steering.statements import About, Statement, Subject
from steering.text import en, vi
from strategies import citations

KINDS = sorted(
    (c for c in vars(reasons).values()
     if inspect.isclass(c) and issubclass(c, Reason) and c is not Reason),
    key=lambda c: c.__name__,
)
STATEMENTS = sorted(
    (c for c in vars(statements).values()
     if inspect.isclass(c) and issubclass(c, Statement) and c is not Statement),
    key=lambda c: c.__name__,
)
CATALOGUES = {"vi": vi.SAY, "en": en.SAY}

#: Fields a reason holds but need not say in every case, and why.
UNSAID = {
    # A conclusion notice has no decider to name (says_decider is False).
    (reasons.ProcedureBy, "decider"),
    # The absent post's title is said only where the clause gives no scope; the post
    # itself is said among those absent (the engine puts it first in when_absent).
    (reasons.SubstituteActs, "title"),
    (reasons.SubstituteActs, "post"),
    # What is in force on the day is said only where the successor's start is sure.
    (reasons.Replaced, "now"),
}


def test_every_reason_is_worded_in_every_language() -> None:
    assert KINDS, "no kinds of reason found"
    for lang, catalogue in CATALOGUES.items():
        missing = sorted(k.__name__ for k in KINDS if k not in catalogue.kinds())
        assert missing == [], f"{lang} does not word {missing}"
        missing = sorted(k.__name__ for k in STATEMENTS if k not in catalogue.kinds())
        assert missing == [], f"{lang} does not word {missing}"
        assert catalogue.kinds() == frozenset(KINDS) | frozenset(STATEMENTS) | {Subject}, (
            f"{lang} words something that is neither a reason, a statement nor a subject")
    assert set(text.CATALOGUES or CATALOGUES) == {"vi", "en"}


VOCABULARIES = (Role, MeetingKind, Level, Period, AttendanceCondition, GroupKind, ChannelKind,
                About)


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_every_member_of_every_vocabulary_has_a_word(lang: str) -> None:
    words = CATALOGUES[lang].words
    members = {m for vocabulary in VOCABULARIES for m in vocabulary}
    assert set(words) == members
    assert all(w.strip() == w and w for w in words.values())
    assert text.word(Role.HEAD, "vi") == "Trưởng ban"
    assert text.word(Period.HALF_YEAR, "en") == "half-yearly"


def test_every_label_is_in_every_language() -> None:
    keys = {lang: set(c.labels) for lang, c in CATALOGUES.items()}
    assert keys["vi"] == keys["en"]
    assert "posts" in keys["vi"]
    assert text.label("no_occurrences", "en") == "No occurrences in this range."
    with pytest.raises(QueryError):
        text.label("posts", "fr")


def test_a_kind_worded_twice_is_refused() -> None:
    catalogue = text.Catalogue("xx")
    catalogue.on(reasons.FormUnstated)(lambda x: "a")
    with pytest.raises(ValueError, match="worded twice"):
        catalogue.on(reasons.FormUnstated)(lambda x: "b")


def test_an_unknown_language_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="allowed: vi, en"):
        text.render((reasons.FormUnstated(),), "fr")


# -- any reason, any values ----------------------------------------------------------

_words = st.text(
    alphabet="abcdeghiklmnoprstuvyàáâãèéêìíòóôõùúăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
    min_size=2, max_size=8,
).map(lambda w: w.capitalize()).filter(lambda w: w != "None")
_phrase = st.lists(_words, min_size=1, max_size=3).map(" ".join)
# Each Named gets a name no other can contain, so "is it said" is a plain substring test.
_counter = iter(range(10**9))
_named = st.builds(lambda _: (n := next(_counter), Named(f"p{n}", f"Chức danh {n}Q",
                                                         f"Post {n}Q"))[1], st.none())
_dates = st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))


def _strategy(tp: Any) -> st.SearchStrategy[Any]:  # noqa: PLR0911, PLR0912 - one per type
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Named:
        return _named
    if tp is Citation:
        return citations()
    if tp is PartialDate:
        return st.one_of(_dates.map(PartialDate.from_date),
                         st.builds(PartialDate, year=st.integers(2000, 2040),
                                   month=st.none() | st.integers(1, 12)))
    if tp is Seal:
        return st.one_of(st.just(Seal.none()), st.just(Seal.own_agency()), _phrase.map(Seal.of))
    if tp is str:
        return _phrase
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(1, 30)
    if tp is dt.date:
        return _dates
    if inspect.isclass(tp) and issubclass(tp, enum.Enum):
        return st.sampled_from(tp)
    if inspect.isclass(tp) and issubclass(tp, Reason):
        return st.deferred(lambda: _reasons_of(tp))
    if inspect.isclass(tp) and attrs.has(tp):
        return _build(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(_strategy(args[0]), min_size=1, max_size=3).map(tuple)
    if origin is tuple:
        return st.tuples(*(_strategy(a) for a in args))
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(_strategy(a) for a in args))
    if tp is type(None):
        return st.none()
    raise AssertionError(f"no strategy for {tp!r}")


def _build(cls: type) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: _strategy(hints[f.name]) for f in attrs.fields(cls)}
    return st.builds(cls, **fields)


def _reasons_of(tp: type) -> st.SearchStrategy[Any]:
    # A reason holding reasons (AsWritten, Reorganised, Replaced) holds plain ones: no
    # unbounded nesting.
    holders = {reasons.AsWritten, reasons.Reorganised, reasons.Replaced}
    flat = [k for k in KINDS if issubclass(k, tp) and k not in holders]
    return st.one_of(*(_build(k) for k in flat))


def _held(value: Any, field: str = "") -> tuple[list[Named], list[Citation]]:
    """The Named and Citation values a reason holds, outside the fields it need not say."""
    names: list[Named] = []
    cites: list[Citation] = []
    if isinstance(value, Named):
        names.append(value)
    elif isinstance(value, Citation):
        cites.append(value)
    elif isinstance(value, tuple):
        for v in value:
            n, c = _held(v)
            names += n
            cites += c
    elif attrs.has(type(value)):
        for f in attrs.fields(type(value)):
            if (type(value), f.name) in UNSAID:
                continue
            n, c = _held(getattr(value, f.name))
            names += n
            cites += c
    return names, cites


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
@given(data=st.data())
def test_any_reason_is_said_naming_its_posts_and_citing_its_clauses(
    kind: type[Reason], data: st.DataObject
) -> None:
    reason = data.draw(_build(kind))
    names, cites = _held(reason)
    for lang, catalogue in CATALOGUES.items():
        said = catalogue.render((reason,))
        assert said, reason
        assert said == said.strip(), said
        assert not said[0].islower(), said
        assert "{" not in said, said
        assert "None" not in said, said
        for n in names:
            assert getattr(n, lang) in said, (lang, n, said)
        for c in cites:
            assert c.label(lang) in said, (lang, c.label(lang), said)


def test_a_rulings_explanation_is_its_reasons_then_its_caveats() -> None:
    import steering

    reg = steering.presets.load("thanh-hoa-2021")
    ruling = reg.authority().acting_for("head", on=dt.date(2026, 3, 1))
    assert ruling.reasons
    assert ruling.caveats
    for lang in ("vi", "en"):
        said = text.render(ruling.reasons, lang)
        assert ruling.explain(lang) == " ".join([said, *(c.explain(lang) for c in ruling.caveats)])


# -- any statement, any values ---------------------------------------------------------

#: Fields a statement holds but need not say in every case, and why.
STATEMENT_UNSAID = {
    # Who chairs is said only where it is not the conveners themselves.
    (statements.Convenes, "chairs"),
}


def _strings(value: Any) -> list[str]:
    """The regulation's words a statement holds (every ``str`` outside enums and unsaid fields)."""
    if isinstance(value, enum.Enum):
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [x for v in value for x in _strings(v)]
    if attrs.has(type(value)):
        return [x for f in attrs.fields(type(value))
                if (type(value), f.name) not in STATEMENT_UNSAID
                for x in _strings(getattr(value, f.name))]
    return []


@pytest.mark.parametrize("kind", [*STATEMENTS, Subject], ids=lambda k: k.__name__)
@given(data=st.data())
def test_any_statement_is_said_keeping_the_regulations_words(
    kind: type, data: st.DataObject
) -> None:
    """Names and quoted words are the regulation's, said verbatim in every language."""
    item = data.draw(_build(kind))
    words = _strings(item)
    for lang, catalogue in CATALOGUES.items():
        said = catalogue.say(item)
        assert said == said.strip(), said
        assert "{" not in said, said
        assert "None" not in said, said
        for w in words:
            assert w in said, (lang, w, said)
        if kind is not Subject and kind is not statements.Verbatim:
            assert said, item


def test_a_comparison_is_worded_by_the_catalogues() -> None:
    """Each side's words are its statement rendered; each row's heading its subject's."""
    import steering
    from steering.compare import compare

    a, b = steering.presets.load("thanh-hoa-2021"), steering.presets.load("dak-nong-2021")
    found = compare(a, b)
    assert len(found) > 10
    for d in found:
        for lang in ("vi", "en"):
            assert d.a.text(lang) == text.say(d.a.says, lang)
            assert d.subject(lang) == " / ".join(text.say(x, lang) for x in d.subjects)
    depth = found.get("substitution:head:depth")
    assert depth is not None
    assert isinstance(depth.a.says, statements.Depth)
    assert depth.subjects[0].about is About.DEPTH
    assert depth.subject("vi").endswith("(số bậc thay thế)")


# -- the machine form ------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
@given(data=st.data())
def test_any_reason_has_a_machine_form_naming_its_kind_and_keeping_its_fields(
    kind: type[Reason], data: st.DataObject
) -> None:
    """``--json`` and the web API give each reason as plain JSON: its kind, its fields."""
    import json

    from steering._json import jsonable

    reason = data.draw(_build(kind))
    form = jsonable(reason)
    json.dumps(form)  # plain JSON
    assert form["reason"] == reasons.kind_of(reason)
    assert set(form) == {"reason", *(f.name for f in attrs.fields(kind))}
    names, cites = _held(reason)
    text_form = json.dumps(form, ensure_ascii=False)
    for n in names:
        assert json.dumps({"id": n.id, "vi": n.vi, "en": n.en}, ensure_ascii=False)[1:-1] \
            in text_form
    for c in cites:
        assert json.dumps(c.quote, ensure_ascii=False) in text_form


def test_a_rulings_json_carries_its_typed_reasons() -> None:
    import steering

    reg = steering.presets.load("dak-nong-2021")
    ruling = reg.authority().acting_for("head", absent={"head", "standing_deputy"})
    data = ruling.to_dict("en")
    assert [r["reason"] for r in data["reasons"]] == [reasons.kind_of(r) for r in ruling.reasons]
    assert data["reasons"] == ruling.to_dict("vi")["reasons"]  # the same in every language
    assert "substitute_acts" in {r["reason"] for r in data["reasons"]}
    assert reasons.kind_of(reasons.FormUnstated()) == "form_unstated"
