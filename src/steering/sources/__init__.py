"""Source texts of regulations: split into parts, articles, clauses and points, and check quotes.

The genre's layout (see ``docs/authoring.md``, "The source text"):

- an issuing decision (Quyết định) with its heading, its "Căn cứ" preamble,
  its articles ``Điều 1.`` ``Điều 2.`` ... and its signature block (from a
  line ``Nơi nhận``, ``TM.``, ``KT.``, ``TL.`` or ``Q.`` after its last
  article, which it ends);
- the regulation (Quy chế), numbered from ``Điều 1.`` again and starting at
  its title (``QUY CHẾ``) or first chapter line before that article, in
  chapters (``Chương I``; a chapter line ends the article before it), articles
  (``Điều 8.``), clauses (a line ``1.``), points (a line ``a)``) and bullets
  (a line ``-``, the clauses of an article without numbered ones);
- optional annexes (a line starting ``Phụ lục``), often a table whose rows
  start with their number (``1.``, ``1<tab>``, ``| 1 |``).

A text whose articles are numbered once is the regulation alone. Every marker
is recognised at the start of a line only, after Markdown emphasis and heading
marks (``*``, ``#``, ``>``) and spaces.

Lines starting ``#:`` are the editor's, never part of the text a quote is
matched in. They mark what the numbering cannot show:

- ``#: decision``, ``#: regulation``, ``#: annex``: that part starts on the
  next line (needed when the regulation's numbering does not restart at 1);
- ``#: document NAME``: what follows is the text of another instrument,
  against which citations with ``document = "NAME"`` are checked;
- ``#: excerpt``: the current part (or, before any part marker, the whole
  text) is an excerpt: articles and clauses may skip numbers;
- ``#: gap`` (or a line that is only ``...``, ``…``, ``[...]`` or ``(...)``):
  text is left out here; the next article or clause may skip numbers;
- ``#: note ...``: a comment.

Splitting is linear in the text's size (one pass over its lines, no
backtracking pattern runs on more than one line); each segment is normalised
once and cached, so checking many quotes costs one substring search each.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Literal

import attrs

from steering.rules import OWN_PARTS, Citation
from steering.sources._parse import _Parser, _ranges
from steering.sources._pieces import (
    SourceUnit,
    _name_key,
    _Part,
    _Piece,
    _split,
    normalize_for_match,
)

__all__ = [
    "QuoteCheck",
    "SourceText",
    "SourceUnit",
    "check_quote",
    "normalize_for_match",
    "quote_status",
]

@attrs.frozen(eq=False)
class SourceText:
    """A regulation's text, split into its parts.

    Attributes:
        parts: ``decision``, ``regulation`` and ``annex`` text (absent parts
            are ``""``), and the text of each other instrument the file gives
            (``#: document NAME``), by name.
        articles: For each part, its articles by number.
        problems: What the splitter found that the layout does not allow, each
            naming its line, what was found and how to mark it; empty when the
            layout is clean.

    """

    parts: dict[str, str]
    articles: dict[str, dict[int, str]]
    problems: tuple[str, ...] = ()
    _layout: dict[str, _Part] = attrs.field(factory=dict, repr=False)
    _cache: dict[tuple[object, ...], object] = attrs.field(factory=dict, repr=False, init=False)

    # -- parsing ---------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> SourceText:
        """Split a regulation text (decision, regulation, annex, other instruments) into articles.

        Never raises: what does not fit the layout is listed in
        `problems` and its text kept in the part it follows.
        """
        ordered, problems = _Parser(text).run()
        return SourceText(
            parts={n: p.text for n, p in ordered.items()},
            articles={
                n: {a.number: "\n".join(a.lines) for a in p.articles.values()}
                for n, p in ordered.items()
            },
            problems=problems,
            layout=ordered,
        )

    # -- lookups ---------------------------------------------------------

    def has_document(self, name: str) -> bool:
        """Whether the text gives this part or instrument (non-empty)."""
        key = name if name in OWN_PARTS else _name_key(name)
        return bool(self.parts.get(key, ""))

    def _part(self, name: str) -> _Part | None:
        return self._layout.get(name if name in OWN_PARTS else _name_key(name))

    def _pieces(self, part: str, article: int, kind: str) -> list[_Piece]:
        key: tuple[object, ...] = ("pieces", part, article, kind)
        hit = self._cache.get(key)
        if hit is None:
            p = self._layout[part]
            art = p.articles[article]
            if kind == "clause":
                hit = _split(art.lines, art.numbers, "clause", art.excerpt)
                if not hit:
                    hit = _split(art.lines, art.numbers, "bullet", art.excerpt)
            else:
                hit = _split(art.lines, art.numbers, "row", False)
            self._cache[key] = hit
        return hit  # type: ignore[return-value]

    def _points(self, part: str, article: int, clause: _Piece) -> list[_Piece]:
        key: tuple[object, ...] = ("points", part, article, clause.key)
        hit = self._cache.get(key)
        if hit is None:
            hit = _split(tuple(clause.text.split("\n")), clause.numbers, "point", False)
            self._cache[key] = hit
        return hit  # type: ignore[return-value]

    def _norm(self, key: tuple[object, ...], text: str) -> str:
        hit = self._cache.get(("norm", *key))
        if hit is None:
            hit = normalize_for_match(text)
            self._cache[("norm", *key)] = hit
        return hit  # type: ignore[return-value]

    def segment(self, citation: Citation) -> tuple[str, str]:
        """The text a citation points into, and a description of where that is.

        Falls back to the enclosing article when the article has no numbered
        clauses (or bullets), and to the clause when it has no such point.

        Raises:
            LookupError: The part, article or clause does not exist in the text.

        """
        text, where, _ = self._segment(citation)
        return text, where

    def _segment(self, citation: Citation) -> tuple[str, str, tuple[object, ...]]:
        name = citation.document if citation.document in OWN_PARTS else _name_key(citation.document)
        part = self._layout.get(name)
        if part is None or not part.lines:
            if citation.document in OWN_PARTS:
                raise LookupError(f"the source text has no {citation.document} part")
            raise LookupError(f"the source text does not give {citation.document!r}")
        if citation.article is None:
            return part.text, name, (name,)
        article = part.articles.get(citation.article)
        if article is None:
            have = sorted(part.articles)
            raise LookupError(
                f"{name} has no Điều {citation.article}; it has {_ranges(have)}"
                if have
                else f"{name} has no numbered articles"
            )
        where = f"{name} Điều {citation.article}"
        if citation.clause is None:
            return "\n".join(article.lines), where, (name, article.number)
        clauses = self._pieces(name, article.number, "clause")
        if not clauses:
            return "\n".join(article.lines), where, (name, article.number)
        clause = next((c for c in clauses if c.key == str(citation.clause)), None)
        if clause is None:
            have = sorted(int(c.key) for c in clauses)
            raise LookupError(f"{where} has no khoản {citation.clause}; it has {_ranges(have)}")
        where += f" khoản {citation.clause}"
        if not citation.point:
            return clause.text, where, (name, article.number, clause.key)
        point = next(
            (p for p in self._points(name, article.number, clause) if p.key == citation.point),
            None,
        )
        if point is None:
            return clause.text, where, (name, article.number, clause.key)
        return (
            point.text,
            f"{where} điểm {citation.point}",
            (name, article.number, clause.key, point.key),
        )

    def articles_of(self, part: str) -> Iterator[tuple[int, str]]:
        """The articles of one part, in order."""
        yield from sorted(self.articles.get(part, {}).items())

    def find(self, quote: str) -> list[str]:
        """Every article (or unnumbered part) whose text contains the quote, in text order.

        One substring search per part over its normalised text, cached.
        """
        q = normalize_for_match(quote)
        out: list[str] = []
        if not q:
            return out
        for name, part in self._layout.items():
            joined, offsets, numbers = self._joined(name, part)
            start = joined.find(q)
            seen: set[int] = set()
            while start != -1:
                i = bisect.bisect_right(offsets, start) - 1
                n = numbers[i] if i >= 0 else None
                if n is None:
                    if -1 not in seen:
                        out.append(name)
                        seen.add(-1)
                elif n not in seen:
                    out.append(f"{name} Điều {n}")
                    seen.add(n)
                start = joined.find(q, start + 1)
        return out

    def _joined(self, name: str, part: _Part) -> tuple[str, list[int], list[int | None]]:
        key: tuple[object, ...] = ("joined", name)
        hit = self._cache.get(key)
        if hit is None:
            chunks: list[str] = []
            offsets: list[int] = []
            numbers: list[int | None] = []
            pos = 0
            if part.articles:
                first = min(a.index for a in part.articles.values())
                pre = normalize_for_match("\n".join(part.lines[:first]))
                units: list[tuple[int | None, str]] = [(None, pre)]
                units += [
                    (a.number, self._norm((name, a.number), "\n".join(a.lines)))
                    for a in sorted(part.articles.values(), key=lambda a: a.index)
                ]
            else:
                units = [(None, self._norm((name,), part.text))]
            for n, t in units:
                offsets.append(pos)
                numbers.append(n)
                chunks.append(t)
                pos += len(t) + 1
            hit = ("\n".join(chunks), offsets, numbers)
            self._cache[key] = hit
        return hit  # type: ignore[return-value]

    # -- structure -------------------------------------------------------

    def units(self) -> list[SourceUnit]:
        """Every part, chapter, article, clause, point and annex row, in text order."""
        out: list[SourceUnit] = []
        for name, part in self._layout.items():
            if not part.lines:
                continue
            out.append(SourceUnit("part", name, None, None, "", name, part.line, part.text))
            chapters = part.chapters
            next_chapter = 0
            for art in sorted(part.articles.values(), key=lambda a: a.index):
                while next_chapter < len(chapters) and chapters[next_chapter][1] <= art.line:
                    label, line = chapters[next_chapter]
                    next_chapter += 1
                    out.append(SourceUnit("chapter", name, None, None, "", label, line, ""))
                out.append(
                    SourceUnit(
                        "article",
                        name,
                        art.number,
                        None,
                        "",
                        str(art.number),
                        art.line,
                        "\n".join(art.lines),
                    )
                )
                for c in self._pieces(name, art.number, "clause"):
                    out.append(
                        SourceUnit(
                            "clause", name, art.number, int(c.key), "", c.key, c.line, c.text
                        )
                    )
                    for p in self._points(name, art.number, c):
                        out.append(
                            SourceUnit(
                                "point", name, art.number, int(c.key), p.key, p.key, p.line, p.text
                            )
                        )
            if part.signature >= 0:
                i = part.signature
                sig = "\n".join(part.lines[i:])
                out.append(SourceUnit("signature", name, None, None, "", "", part.numbers[i], sig))
            for label, line in chapters[next_chapter:]:
                out.append(SourceUnit("chapter", name, None, None, "", label, line, ""))
            if name == "annex":
                for r in _split(part.lines, part.numbers, "row", False):
                    out.append(SourceUnit("row", name, None, int(r.key), "", r.key, r.line, r.text))
        return out


@attrs.frozen
class QuoteCheck:
    """The outcome of checking one quote against the source text.

    Attributes:
        status: ``"verified"`` (found where cited), ``"wrong"`` (not found
            there; `message` says why) or ``"unchecked"``
            (the cited
            instrument's text is not in the file).
        message: Why, for ``"wrong"`` and ``"unchecked"``; ``""`` otherwise.
        where: The segment the quote was looked for in.

    """

    status: Literal["verified", "wrong", "unchecked"]
    message: str = ""
    where: str = ""


def quote_status(citation: Citation, source: SourceText) -> QuoteCheck:
    """Check a citation's quote: verified, wrong (with why), or unchecked.

    A quote cited to another instrument is checked against that instrument's
    text when the source file gives it (``#: document NAME``), and is
    ``"unchecked"`` otherwise.
    """
    if citation.document not in OWN_PARTS and not source.has_document(citation.document):
        return QuoteCheck(
            "unchecked",
            f"{citation.document!r} is another instrument and the source text does not give it "
            f"(add its text after a line '#: document {citation.document}')",
        )
    try:
        text, where, key = source._segment(citation)
    except LookupError as e:
        return QuoteCheck("wrong", str(e))
    quote = normalize_for_match(citation.quote)
    if not quote:
        return QuoteCheck("wrong", "the quote is empty", where)
    if quote in source._norm(key, text):
        return QuoteCheck("verified", "", where)
    elsewhere = [w for w in source.find(citation.quote) if w != where]
    hint = f" (it is in {', '.join(elsewhere)})" if elsewhere else ""
    return QuoteCheck("wrong", f"quote {citation.quote[:60]!r} not found in {where}{hint}", where)


def check_quote(citation: Citation, source: SourceText) -> str | None:
    """Check a citation's quote: ``None`` if it is where it says (or cannot be checked), else why.

    Quotes cited to an instrument the source text does not give are not
    checked (see [`quote_status`][steering.sources.quote_status], which says ``"unchecked"``).
    """
    result = quote_status(citation, source)
    return result.message if result.status == "wrong" else None
