"""Matching a name asked about against a regulation's own names, saying how sure it is.

Two matchers live here, both pure (no graph, no text layer):

* [`match_document`][steering._matching.match_document] compares a document kind asked about with a
kind a
  clause lists, *as kinds*: a document name is read as one or more kind words
  from [`DOCUMENT_KINDS`][steering._matching.DOCUMENT_KINDS] ("báo cáo", "giấy mời", ...) followed
  by what
  qualifies them ("tình hình, hoạt động của Tổ giúp việc"). Substrings never
  match: "Báo cáo" is a kind, and a clause listing "Báo cáo tình hình, hoạt
  động của Tổ giúp việc" covers one report of that kind, not every report.
* [`match_locality`][steering._matching.match_locality] compares a locality or sector name with the
  monitoring annex's entries. Exact names decide; a loose match (a fragment, a
  missing unit word, missing diacritics) is reported with its candidates and
  the reason it is loose, so that the caller answers *decided* only where
  exactly one entry bears that whole name.

"Exact" keeps diacritics but not the position of a tone mark ("Thanh Hoá" is
"Thanh Hóa", the old and the new placement of the same mark).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

import attrs

from steering._text import fold, nfc
from steering.rules import MonitorTarget, TargetKind

__all__ = [
    "DOCUMENT_KINDS",
    "DocumentKey",
    "DocumentMatch",
    "LocalityMatch",
    "Looseness",
    "document_key",
    "documents_overlap",
    "match_document",
    "match_locality",
]

_T = TypeVar("_T")

# -- document kinds --------------------------------------------------------------

#: The kind words a document name is read with (Nghị định 30/2020/NĐ-CP, Điều 7 and
#: Phụ lục III name the administrative kinds; the seeds add "giấy mời", "biên bản
#: họp", "đề xuất"). Longer words are tried first ("giấy triệu tập" before "giấy"); what
#: follows a kind qualifies it ("họp" in "biên bản họp").
DOCUMENT_KINDS: tuple[str, ...] = (
    "báo cáo",
    "biên bản",
    "chương trình",
    "công điện",
    "công văn",
    "dự án",
    "đề án",
    "đề xuất",
    "giấy giới thiệu",
    "giấy mời",
    "giấy triệu tập",
    "hướng dẫn",
    "kế hoạch",
    "kết luận",
    "nghị quyết",
    "phương án",
    "quy chế",
    "quy định",
    "quyết định",
    "thông báo",
    "tờ trình",
    "văn bản",
)

_FOLDED_KINDS = sorted(
    ((tuple(fold(k).split()), k) for k in DOCUMENT_KINDS), key=lambda x: -len(x[0])
)
_NUMBERING = re.compile(r"^\s*(?:\(\s*\w{1,3}\s*\)|\w{1,3}[.)])\s+")
_JOINERS = frozenset({"va", "hoac"})


@attrs.frozen
class DocumentKey:
    """A document name read as kinds and what qualifies them.

    Attributes:
        kinds: The kind words it opens with, in order ("tờ trình", "đề xuất"),
            empty when it opens with none.
        rest: The qualifying words after the kinds, folded ("cua to giup viec").
        words: Every word of the name, folded.

    """

    kinds: tuple[str, ...]
    rest: tuple[str, ...]
    words: tuple[str, ...]


def document_key(text: str) -> DocumentKey:
    """Read ``text`` as document kinds and qualifiers (the normaliser of `match_document`).

    NFC, list numbering ("(3)", "a)", "3.") dropped, diacritics and case folded,
    punctuation ignored. "Tờ trình, đề xuất của Tổ giúp việc" reads as the kinds
    ("tờ trình", "đề xuất") qualified by "của Tổ giúp việc".
    """
    tokens = re.findall(r"\w+|[,;/]", fold(_NUMBERING.sub("", nfc(text))))
    words = tuple(t for t in tokens if t[0].isalnum() or t[0] == "_")
    kinds: list[str] = []
    i = 0
    # A further kind follows a comma or "và"/"hoặc" ("Tờ trình, đề xuất của ..."); a kind
    # word right after a kind qualifies it ("Thông báo kết luận cuộc họp").
    joined = True
    while i < len(tokens):
        tok = tokens[i]
        if kinds and (tok in _JOINERS or not tok[0].isalnum()):
            joined = True
            i += 1
            continue
        if not joined:
            break
        for fk, kind in _FOLDED_KINDS:
            if tuple(tokens[i : i + len(fk)]) == fk:
                kinds.append(kind)
                i += len(fk)
                joined = False
                break
        else:
            break
    rest = tuple(t for t in tokens[i:] if t[0].isalnum() or t[0] == "_")
    return DocumentKey(tuple(kinds), rest, words)


class DocumentMatch(enum.Enum):
    """How a document asked about stands to a listed kind."""

    MATCH = "match"  # the same document kind (or the listed kind covers every one of it)
    PARTIAL = "partial"  # the same kind word, but the list covers only some of that kind
    NONE = "none"  # another kind, or no kind word at all


def match_document(query: str, listed: str) -> DocumentMatch:
    """Whether a document kind asked about falls under one a clause lists.

    * The same name (folded) matches.
    * A query naming a kind with qualifiers matches a listed bare kind
      ("Thông báo kết luận cuộc họp" is one of "thông báo").
    * A query whose kind words are among the listed item's, but whose
      qualifiers differ (or are missing: "Báo cáo" against "Báo cáo tình hình,
      hoạt động của Tổ giúp việc") is ``PARTIAL``: the list covers only some
      documents of that kind, and whether this one is among them is not said.
    * Anything else, including a query that is no kind at all ("a", "giấy"),
      does not match.
    """
    q, k = document_key(query), document_key(listed)
    if not q.words or not k.words:
        return DocumentMatch.NONE
    if q.words == k.words:
        return DocumentMatch.MATCH
    if not q.kinds or not k.kinds:
        return DocumentMatch.NONE
    if set(q.kinds) <= set(k.kinds) and (not k.rest or q.rest == k.rest):
        # "Tờ trình của Tổ giúp việc" is one of "Tờ trình, đề xuất của Tổ giúp việc".
        return DocumentMatch.MATCH
    if set(q.kinds) <= set(k.kinds) or (not q.rest and set(q.kinds) & set(k.kinds)):
        return DocumentMatch.PARTIAL
    return DocumentMatch.NONE


def documents_overlap(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two lists of kinds may name a common document (match or partial, either way)."""
    return any(
        match_document(x, y) is not DocumentMatch.NONE
        or match_document(y, x) is not DocumentMatch.NONE
        for x in a
        for y in b
    )


# -- localities and sectors -----------------------------------------------------------

_UNIT_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("thanh", "pho"), "thành phố"),
    (("thi", "xa"), "thị xã"),
    (("thi", "tran"), "thị trấn"),
    (("huyen",), "huyện"),
    (("phuong",), "phường"),
    (("xa",), "xã"),
    (("tinh",), "tỉnh"),
    (("tp",), "thành phố"),
    (("tx",), "thị xã"),
    (("tt",), "thị trấn"),
    (("h",), "huyện"),
    (("p",), "phường"),
)
_UNIT_NAMES = {fold(u): u for _, u in _UNIT_WORDS}
_LEAD_WORDS: tuple[tuple[str, ...], ...] = (("cac", "huyen"), ("linh", "vuc"), ("nganh",), ("cac",))
#: Fewer letters than this make no fragment ("Hà" alone finds nothing loosely).
_MIN_FRAGMENT = 3
_QUALIFIER = re.compile(r"^(?P<head>.+?)\s*[,-]\s*(?:tỉnh|tinh)\s+(?P<province>.+)$", re.IGNORECASE)


def canonical_unit(unit: str) -> str:
    """A unit word in one spelling ("h", "H.", "huyen", "Huyện" -> "huyện"); others folded."""
    words = tuple(fold(w) for w in re.findall(r"\w+", nfc(unit).casefold()))
    for spelled, name in _UNIT_WORDS:
        if words == spelled:
            return name
    return " ".join(words)


@attrs.frozen
class _Name:
    """A name split into unit and bare words, folded and with marks kept."""

    unit: str
    folded: tuple[str, ...]
    marked: tuple[tuple[str, tuple[str, ...]], ...]


def _mark_key(word: str) -> tuple[str, tuple[str, ...]]:
    """A word with its marks but not where a tone mark sits ("hoá" == "hóa")."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d\u0111"))
    marks = tuple(sorted(ch for ch in decomposed if unicodedata.combining(ch) or ch == "\u0111"))
    return fold(word), marks


def _split(text: str, *, units: bool = True) -> _Name:
    raw = re.findall(r"\w+", nfc(text).casefold())
    folded = [fold(w) for w in raw]
    i = 0
    for lead in _LEAD_WORDS:
        if tuple(folded[: len(lead)]) == lead and len(folded) > len(lead):
            i = len(lead)
            break
    unit = ""
    if units:
        for words, name in _UNIT_WORDS:
            if tuple(folded[i : i + len(words)]) == words and len(folded) > i + len(words):
                unit = name
                i += len(words)
                break
    return _Name(unit, tuple(folded[i:]), tuple(_mark_key(w) for w in raw[i:]))


class Looseness(enum.Enum):
    """Why a locality or sector match is not exact."""

    NO_UNIT = "no_unit"  # the query omits the unit word the annex writes ("Đông Sơn")
    SPELLING = "spelling"  # the same name once diacritics are dropped ("Bỉm Sơn", "dong son")
    UNIT_DIFFERS = "unit_differs"  # the query's unit word is not the annex's ("thị xã Đông Sơn")
    FRAGMENT = "fragment"  # the query is part of a name ("Sơn")
    EXTRA_WORDS = "extra_words"  # the query says more than a name ("không phải Đông Sơn")
    PROVINCE = "province"  # the bare name is also the province's ("Thanh Hóa")


@attrs.frozen
class LocalityMatch:
    """What a locality or sector name designates in a monitoring annex.

    Attributes:
        hits: The ``(post, target)`` pairs matched, in annex order.
        exact: Whether every hit bears the asked name exactly.
        reasons: Why the match is loose (empty when exact or when nothing matched).
        province: The province the query names, where it names one ("tỉnh ...").
        own_province: The named province is the regulation's own.

    """

    hits: tuple[tuple[str, MonitorTarget], ...] = ()
    exact: bool = False
    reasons: frozenset[Looseness] = frozenset()
    province: str = ""
    own_province: bool = False

    @property
    def entries(self) -> tuple[MonitorTarget, ...]:
        """The distinct annex entries matched."""
        return tuple(dict.fromkeys(t for _, t in self.hits))

    @property
    def decisive(self) -> bool:
        """Whether the match may decide: exact, or one entry bearing the whole name loosely.

        A fragment, a query with extra words, a unit word other than the
        annex's, or a bare name that is also the province's never decides.
        """
        if not self.hits:
            return False
        if self.exact:
            return True
        undecisive = {
            Looseness.FRAGMENT,
            Looseness.EXTRA_WORDS,
            Looseness.UNIT_DIFFERS,
            Looseness.PROVINCE,
        }
        return len(self.entries) == 1 and not (self.reasons & undecisive)


def _target_names(t: MonitorTarget) -> tuple[_Name, ...]:
    """The names an annex entry answers to: its clean name and its text, with its unit.

    A locality always carries its unit (the annex's "Các huyện: Quảng Xương, Hà
    Trung" gives "Quảng Xương" the unit huyện); a sector or agency is also
    compared word for word, unit-like words included ("Tỉnh đoàn").
    """
    from_text = _split(t.text)
    unit = _UNIT_NAMES.get(fold(t.unit), t.unit) if t.unit else from_text.unit
    from_name = _split(t.name, units=False)
    names = (
        _Name(unit, from_name.folded, from_name.marked),
        _Name(unit, from_text.folded, from_text.marked),
    )
    if t.kind is TargetKind.LOCALITY:
        return names
    return (*names, _split(t.name, units=False), _split(t.text, units=False))


def _run(part: tuple[_T, ...], whole: tuple[_T, ...]) -> bool:
    """Whether ``part`` occurs in ``whole`` as a contiguous run."""
    n = len(part)
    return 0 < n <= len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _looseness(q: _Name, n: _Name) -> set[Looseness]:
    """How the query ``q`` loosely names ``n`` (empty: it does not)."""
    found: set[Looseness] = set()
    if n.folded == q.folded:
        if q.unit and n.unit and q.unit != n.unit:
            found.add(Looseness.UNIT_DIFFERS)
        elif n.unit and not q.unit:
            found.add(Looseness.NO_UNIT)
        if n.marked != q.marked or not found:
            found.add(Looseness.SPELLING)
    elif len("".join(q.folded)) >= _MIN_FRAGMENT and _run(q.folded, n.folded):
        found.add(Looseness.FRAGMENT)
    elif _run(n.folded, q.folded):
        found.add(Looseness.EXTRA_WORDS)
    return found


def _loose(
    q: _Name, targets: Sequence[tuple[str, MonitorTarget]]
) -> tuple[list[tuple[str, MonitorTarget]], set[Looseness]]:
    """The entries ``q`` names loosely, and why."""
    loose: list[tuple[str, MonitorTarget]] = []
    reasons: set[Looseness] = set()
    for post, t in targets:
        found: set[Looseness] = set()
        for n in _target_names(t):
            found |= _looseness(q, n)
        if found:
            loose.append((post, t))
            reasons |= found
    return loose, reasons


def match_locality(  # noqa: PLR0911, PLR0912 - one early answer per kind of name, tried in order
    query: str, targets: Sequence[tuple[str, MonitorTarget]], province: str = ""
) -> LocalityMatch:
    """The annex entries a locality or sector name designates, and how surely.

    Args:
        query: The name asked about, as a user writes it.
        targets: ``(post, target)`` pairs of the monitoring annex, in annex order.
        province: The regulation's own province ("Thanh Hóa"), if any: a query
            qualified by another province (", tỉnh Nghệ An") matches nothing, and
            a bare name equal to the province's is never read as a unit inside it.

    """
    text = nfc(query).strip()
    literal = _split(text, units=False)
    if not literal.folded:
        return LocalityMatch()
    named = [(p, t) for p, t in targets
             if any(n.unit == "" and n.marked == literal.marked for n in _target_names(t))]
    if named:
        # A sector or agency written word for word ("Tỉnh đoàn", "Thanh tra tỉnh").
        return LocalityMatch(tuple(named), exact=True)
    named_province = ""
    m = _QUALIFIER.match(text)
    if m and _split(m.group("head")).folded:
        named_province = m.group("province").strip()
        text = m.group("head")
    q = _split(text)
    if q.unit == "tỉnh" and not named_province:
        named_province = re.sub(r"^\w+\s+", "", text)
    own = bool(province) and fold(named_province) == fold(province)
    if named_province and not own:
        # Another province: this annex assigns nothing there.
        return LocalityMatch(province=named_province)
    if q.unit == "tỉnh":
        # The province itself: not a unit inside it, nor its capital city.
        return LocalityMatch(province=named_province, own_province=own)
    if not q.folded:
        return LocalityMatch()
    exact: list[tuple[str, MonitorTarget]] = []
    for post, t in targets:
        if any((n.unit, n.marked) == (q.unit, q.marked) for n in _target_names(t)):
            exact.append((post, t))
    if exact:
        return LocalityMatch(tuple(exact), exact=True, province=named_province, own_province=own)
    loose, reasons = _loose(q, targets)
    if not loose:
        return LocalityMatch(province=named_province, own_province=own)
    if Looseness.FRAGMENT in reasons:
        # Where some fragments keep the query's own diacritics, they are the ones meant:
        # "Quan" finds "Huyện Quan Hóa" and "Huyện Quan Sơn", not "Ban Quản lý ...".
        strict = [
            (p, t) for p, t in loose if any(_run(q.marked, n.marked) for n in _target_names(t))
        ]
        loose = strict or loose
    if province and not q.unit and q.folded == tuple(fold(province).split()):
        reasons.add(Looseness.PROVINCE)
    return LocalityMatch(tuple(loose), reasons=frozenset(reasons),
                         province=named_province, own_province=own)
