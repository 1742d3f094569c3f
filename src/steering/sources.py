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
import re
from collections.abc import Iterator
from typing import Literal

import attrs

from steering._text import nfc
from steering.rules import OWN_PARTS, Citation

__all__ = [
    "QuoteCheck",
    "SourceText",
    "SourceUnit",
    "check_quote",
    "normalize_for_match",
    "quote_status",
]

_WS = re.compile(r"\s+")
# Each pattern runs on one line with its leading markup stripped, anchored with .match().
_ARTICLE = re.compile(r"Điều\s{1,8}(\d{1,4})\s{0,8}\.")
_CHAPTER = re.compile(r"(?i:chương)\s{1,8}([IVXLC]{1,8}|\d{1,3})\b")
_CLAUSE = re.compile(r"(\d{1,3})\s{0,4}\.(?:\s|$)")
_POINT = re.compile(r"([a-zđ])\s{0,4}\)(?:\s|$)")
_ROW = re.compile(r"\s{0,8}\|?\s{0,8}(\d{1,4})\s{0,4}(?:\.|\t|\|)")
_GAP_LINES = frozenset({"...", "…", "[...]", "[…]", "(...)", "(…)", ". . ."})
_BULLETS = ("- ", "– ", "• ", "+ ")
_PART_DIRECTIVES = ("decision", "regulation", "annex")
_DIRECTIVES = ("decision", "regulation", "annex", "document", "excerpt", "gap", "note")
_LEAD = " \t\u00a0*#>_"
_SIGNATURE_STARTS = ("Nơi nhận", "NƠI NHẬN", "TM. ", "KT. ", "TL. ", "Q. ")


def normalize_for_match(text: str) -> str:
    """NFC, drop Markdown emphasis and table marks, collapse whitespace: how quotes are compared."""
    text = nfc(text).replace("*", "").replace("#", "").replace("|", " ")
    return _WS.sub(" ", text).strip()


def _bare(line: str) -> str:
    return line.lstrip(_LEAD)


def _name_key(name: str) -> str:
    return _WS.sub(" ", nfc(name)).strip()


@attrs.frozen
class SourceUnit:
    """One citable unit of a source text: a part, chapter, article, clause, point or row.

    Attributes:
        kind: ``"part"``, ``"chapter"``, ``"article"``, ``"clause"``,
            ``"point"``, ``"row"`` (an annex table row) or ``"signature"`` (the
            decision's signature block and recipients, from ``Nơi nhận``,
            ``TM.``, ``KT.``, ``TL.`` or ``Q.`` on).
        document: The part (``decision``, ``regulation``, ``annex``) or the
            other instrument's name.
        article: Article number, or ``None``.
        clause: Clause number (or bullet number where an article has only
            bullets), or ``None``; for an annex row, its number.
        point: Point letter, or ``""``.
        label: The unit's number or name as written (``"II"`` for a chapter).
        line: First line, 1-based.
        text: The unit's text.

    """

    kind: str
    document: str
    article: int | None
    clause: int | None
    point: str
    label: str
    line: int
    text: str

    def where(self) -> str:
        """The unit in words: ``"regulation Điều 7 khoản 1 điểm a"``."""
        out = self.document
        if self.kind == "chapter":
            return f"{out} Chương {self.label}"
        if self.kind == "row":
            return f"{out} row {self.clause}"
        if self.kind == "signature":
            return f"{out} signature block"
        if self.article is not None:
            out += f" Điều {self.article}"
        if self.clause is not None:
            out += f" khoản {self.clause}"
        if self.point:
            out += f" điểm {self.point}"
        return out


@attrs.frozen
class _Article:
    number: int
    line: int  # 1-based
    lines: tuple[str, ...]
    numbers: tuple[int, ...]
    excerpt: bool
    index: int  # first virtual line, counted from the part's start


@attrs.frozen
class _Piece:
    """A numbered piece (clause, point, bullet, row) of a text: number, first line, text."""

    key: str
    line: int
    text: str
    numbers: tuple[int, ...]


def _starts(lines: tuple[str, ...], kind: str, excerpt: bool) -> list[tuple[str, int]]:
    """Where numbered pieces start: (key, line index).

    Clauses are numbered 1, 2, 3 in order (a number out of order is text of
    the clause before, unless the text is an excerpt or a gap line precedes
    it); points are keyed by their letter (a letter seen again is text);
    bullets are numbered by position; annex rows 1, 2, 3 in order.
    """
    starts: list[tuple[str, int]] = []
    if kind == "bullet":
        return [
            (str(k + 1), i)
            for k, i in enumerate(
                i for i, line in enumerate(lines) if line.lstrip().startswith(_BULLETS)
            )
        ]
    if kind == "point":
        seen: set[str] = set()
        for i, line in enumerate(lines):
            m = _POINT.match(_bare(line))
            if m and m.group(1) not in seen:
                seen.add(m.group(1))
                starts.append((m.group(1), i))
        return starts
    expected, gap = 1, excerpt
    for i, line in enumerate(lines):
        bare = _bare(line)
        if kind == "clause" and bare.strip() in _GAP_LINES:
            gap = True
            continue
        m = (_CLAUSE if kind == "clause" else _ROW).match(bare if kind == "clause" else line)
        if m is None:
            continue
        n = int(m.group(1))
        if n == expected or (gap and n > expected):
            starts.append((str(n), i))
            expected, gap = n + 1, excerpt
    return starts


def _split(
    lines: tuple[str, ...],
    numbers: tuple[int, ...],
    kind: Literal["clause", "point", "bullet", "row"],
    excerpt: bool,
) -> list[_Piece]:
    """Numbered pieces of a run of lines, in order; text before the first piece is dropped."""
    starts = _starts(lines, kind, excerpt)
    pieces: list[_Piece] = []
    for j, (key, i) in enumerate(starts):
        end = starts[j + 1][1] if j + 1 < len(starts) else len(lines)
        pieces.append(_Piece(key, numbers[i], "\n".join(lines[i:end]), numbers[i:end]))
    return pieces


@attrs.frozen
class _Part:
    name: str
    line: int  # 1-based first line of the part (0 when empty)
    lines: tuple[str, ...]
    numbers: tuple[int, ...]
    articles: dict[int, _Article]
    chapters: tuple[tuple[str, int], ...]  # (label, 1-based line)
    excerpt: bool
    signature: int = -1  # index (from the part's start) of the signature block, or -1

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


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
        return _Parser(text).run()

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


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 8, 9]`` -> ``"Điều 1-3, 8-9"``."""
    if not numbers:
        return "none"
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(f"{start}-{prev}" if prev != start else f"{start}")
        if n is not None:
            start = prev = n
    return "Điều " + ", ".join(spans)


def _split_run_in_heads(line: str) -> list[str]:
    """A line holding a bold article head after other text (``Chương I**...****Điều 1.**``).

    Converted documents run a chapter title and the first article's head into
    one line; the head starts a new (virtual) line with the same line number.
    Only a head in bold (``**Điều N.``) is split off: a plain ``Điều N.`` in a
    sentence is a reference, not a head.
    """
    out: list[str] = []
    start = 0
    pos = line.find("**Điều", 1)
    while pos != -1:
        if line[start:pos].strip(_LEAD) and _ARTICLE.match(line[pos:].lstrip("*")):
            out.append(line[start:pos])
            start = pos
        pos = line.find("**Điều", pos + 2)
    out.append(line[start:])
    return out


class _Parser:
    """One pass over the lines: directives, part boundaries, article heads, problems."""

    def __init__(self, text: str) -> None:
        text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
        self.lines: list[str] = []
        self.numbers: list[int] = []  # 1-based physical line of each (virtual) line
        for number, line in enumerate(text.split("\n"), start=1):
            for piece in _split_run_in_heads(line):
                self.lines.append(piece)
                self.numbers.append(number)
        self.problems: list[str] = []

    def run(self) -> SourceText:
        self._scan()
        bounds = self._bounds()
        parts: dict[str, _Part] = {}
        head_at = [i for i, _ in self.heads]
        chapter_at = [j for j, _ in self.chapters]
        for k, (start, given, excerpt) in enumerate(bounds):
            end = bounds[k + 1][0] if k + 1 < len(bounds) else len(self.lines)
            name = given
            if name in parts:
                name = f"{given} (line {self.ln(start)})"
                self.problems.append(
                    f"line {self.ln(start)}: a second {given} part starts here (the first at "
                    f"line {parts[given].line}); its text is kept as {name!r}, which no "
                    "citation can name; allowed: one of each"
                )
            lo, hi = bisect.bisect_left(head_at, start), bisect.bisect_left(head_at, end)
            c_lo, c_hi = bisect.bisect_left(chapter_at, start), bisect.bisect_left(chapter_at, end)
            part_chapters = tuple((lab, self.ln(j)) for j, lab in self.chapters[c_lo:c_hi])
            parts[name] = self._build(
                name, start, end, heads=self.heads[lo:hi], chapters=part_chapters, excerpt=excerpt
            )
        for name in OWN_PARTS:
            parts.setdefault(name, _Part(name, 0, (), (), {}, (), False))
        ordered = {n: parts[n] for n in OWN_PARTS}
        ordered.update({n: p for n, p in parts.items() if n not in OWN_PARTS})
        return SourceText(
            parts={n: p.text for n, p in ordered.items()},
            articles={
                n: {a.number: "\n".join(a.lines) for a in p.articles.values()}
                for n, p in ordered.items()
            },
            problems=tuple(self.problems),
            layout=ordered,
        )

    def _scan(self) -> None:
        """Pass 1: editor lines, gap lines, article heads, chapters, titles, annex heads."""
        self.marks: list[tuple[int, str, str]] = []  # (index, directive, argument)
        self.heads: list[tuple[int, int]] = []  # (index, article number)
        self.titles: list[int] = []  # "QUY CHẾ" title or chapter lines
        self.reg_titles: list[int] = []  # "QUY CHẾ" title lines
        self.chapters: list[tuple[int, str]] = []
        self.gaps: list[int] = []
        self.annexes: list[int] = []
        self.text_lines = list(self.lines)
        self.excerpt = False
        for i, line in enumerate(self.lines):
            stripped = line.strip()
            if stripped.startswith("#:"):
                self.text_lines[i] = ""
                self._directive(i, stripped)
                continue
            bare = _bare(line)
            if bare.rstrip(" *").strip() in _GAP_LINES:
                self.gaps.append(i)
            elif m := _ARTICLE.match(bare):
                self.heads.append((i, int(m.group(1))))
            elif m := _CHAPTER.match(bare):
                self.chapters.append((i, m.group(1).upper()))
                self.titles.append(i)
            elif bare.startswith("QUY CHẾ"):
                self.titles.append(i)
                self.reg_titles.append(i)
            elif bare[:7].casefold() == "phụ lục":
                self.annexes.append(i)

    def _directive(self, i: int, stripped: str) -> None:
        word, _, arg = stripped[2:].strip().partition(" ")
        word, arg = word.casefold(), arg.strip()
        if word not in _DIRECTIVES:
            allowed = ", ".join(f"'#: {d}'" for d in _DIRECTIVES)
            self.problems.append(
                f"line {self.ln(i)}: found editor line {stripped[:60]!r}; allowed: {allowed}"
            )
        elif word == "document" and (not arg or _name_key(arg) in OWN_PARTS):
            self.problems.append(
                f"line {self.ln(i)}: found {stripped[:60]!r}; allowed: '#: document NAME' with "
                "NAME the other instrument as citations write it (for the regulation's own "
                "parts: '#: decision', '#: regulation', '#: annex')"
            )
        elif word == "excerpt":
            if not self.marks:
                self.excerpt = True
        elif word == "gap":
            self.gaps.append(i)
        elif word != "note":
            self.marks.append((i, word, arg))

    def _bounds(self) -> list[tuple[int, str, bool]]:
        """Pass 2: where each part starts: (line index, name, excerpt), in text order."""
        bounds: list[tuple[int, str, bool]] = []
        first_mark = self.marks[0][0] if self.marks else len(self.lines)
        if any(w == "regulation" for _, w, _ in self.marks):
            if any(s.strip() for s in self.text_lines[:first_mark]):
                bounds.append((0, "decision", self.excerpt))
        else:
            auto = [h for h in self.heads if h[0] < first_mark]
            bounds += self._auto(auto, first_mark)
        for i, word, arg in self.marks:
            name = _name_key(arg) if word == "document" else word
            bounds.append((i + 1, name, self.excerpt or self._excerpt_after(i + 1)))
        return bounds

    def _excerpt_after(self, start: int) -> bool:
        for j in range(start, min(start + 3, len(self.lines))):
            s = self.lines[j].strip()
            if s.startswith("#:") and s[2:].strip().casefold() == "excerpt":
                return True
            if s and not s.startswith("#:"):
                return False
        return False

    def _auto(self, heads: list[tuple[int, int]], stop: int) -> list[tuple[int, str, bool]]:
        """Parts of unmarked text: the numbering restarting at 1 starts the regulation."""
        restarts = [k for k, (_, n) in enumerate(heads) if n == 1 and k > 0]
        bounds: list[tuple[int, str, bool]] = []
        if restarts:
            k = restarts[0]
            last_decision = heads[k - 1][0]
            reg_head = heads[k][0]
            lo = bisect.bisect_right(self.titles, last_decision)
            before = [t for t in self.titles[lo : lo + 1] if t < reg_head]
            reg_start = before[0] if before else reg_head
            bounds = [(0, "decision", self.excerpt), (reg_start, "regulation", self.excerpt)]
        else:
            reg_head = heads[0][0] if heads else 0
            bounds = [(0, "regulation", self.excerpt)]
            inside = [t for t in self.reg_titles if heads and heads[0][0] < t < stop]
            if inside:
                self.problems.append(
                    f"line {self.ln(inside[0])}: a title 'QUY CHẾ' follows 'Điều 1.' (line "
                    f"{self.ln(heads[0][0])}) in one numbering: if the regulation starts here "
                    "(its articles continuing the decision's numbers), put a line "
                    "'#: regulation' before the title"
                )
        k = bisect.bisect_right(self.annexes, reg_head)
        after = [a for a in self.annexes[k : k + 1] if a < stop and heads]
        if after:
            bounds.append((after[0], "annex", self.excerpt))
        return bounds

    def _build(
        self,
        name: str,
        start: int,
        end: int,
        *,
        heads: list[tuple[int, int]],
        chapters: tuple[tuple[str, int], ...],
        excerpt: bool,
    ) -> _Part:
        text_lines = self.text_lines
        registered: list[tuple[int, int]] = []
        prev: tuple[int, int] | None = None
        for i, n in heads:
            if prev is None:
                if n != 1 and not excerpt and not self._gap_between(start, i) and name != "annex":
                    self.problems.append(
                        f"line {self.ln(i)}: {name} starts at 'Điều {n}.'; "
                        f"{_missing(0, n)} missing: is this an excerpt? mark it with a line "
                        "'#: excerpt' (or '#: gap' where text is left out)"
                    )
                registered.append((i, n))
                prev = (i, n)
                continue
            pi, pn = prev
            if n == pn + 1:
                registered.append((i, n))
                prev = (i, n)
            elif n > pn + 1:
                if not excerpt and not self._gap_between(pi, i):
                    self.problems.append(
                        f"line {self.ln(i)}: 'Điều {n}.' follows 'Điều {pn}.' "
                        f"(line {self.ln(pi)}); "
                        f"{_missing(pn, n)} missing: is this an excerpt? mark the gap with a "
                        "line '#: gap' (or '#: excerpt' at the top); if the regulation starts "
                        "here, put '#: regulation' on the line before its title"
                    )
                registered.append((i, n))
                prev = (i, n)
            else:
                self.problems.append(
                    f"line {self.ln(i)}: 'Điều {n}.' follows 'Điều {pn}.' (line {self.ln(pi)}): "
                    f"the numbering {'starts again' if n == 1 else 'goes back'}, and its text "
                    f"is kept in Điều {pn}. If a new part starts here, mark it with a line "
                    "'#: regulation', '#: annex' or '#: document NAME' (another instrument)"
                )
        # The decision's signature block and recipients ("Nơi nhận") end its last article.
        sign = -1
        if name == "decision" and registered:
            sign = next(
                (
                    j
                    for j in range(registered[-1][0] + 1, end)
                    if _bare(text_lines[j]).startswith(_SIGNATURE_STARTS)
                ),
                -1,
            )
        articles: dict[int, _Article] = {}
        chapter_at = [j for j, _ in self.chapters if start <= j < end]
        for k, (i, n) in enumerate(registered):
            stop = registered[k + 1][0] if k + 1 < len(registered) else (sign if sign >= 0 else end)
            # A chapter heading (and its title) between two articles ends the first.
            c = bisect.bisect_right(chapter_at, i)
            if c < len(chapter_at) and chapter_at[c] < stop:
                stop = chapter_at[c]
            articles[n] = _Article(
                n,
                self.ln(i),
                tuple(text_lines[i:stop]),
                tuple(self.numbers[i:stop]),
                excerpt,
                i - start,
            )
        body = tuple(text_lines[start:end])
        if not any(s.strip() for s in body):
            return _Part(name, self.ln(start), (), (), articles, chapters, excerpt)
        return _Part(
            name,
            self.ln(start),
            body,
            tuple(self.numbers[start:end]),
            articles,
            chapters,
            excerpt,
            sign - start if sign >= 0 else -1,
        )

    def ln(self, i: int) -> int:
        """The 1-based line number of virtual line ``i``."""
        return self.numbers[i] if i < len(self.numbers) else len(self.numbers) + 1

    def _gap_between(self, a: int, b: int) -> bool:
        k = bisect.bisect_right(self.gaps, a)
        return k < len(self.gaps) and self.gaps[k] < b


def _missing(prev: int, n: int) -> str:
    if n - prev == 2:
        return f"article {prev + 1} is"
    return f"articles {prev + 1}-{n - 1} are"


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
