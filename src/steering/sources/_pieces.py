"""The pieces of a text: patterns, units, articles, clauses and points, parts."""

from __future__ import annotations

import re
from typing import Literal

import attrs

from steering._text import nfc

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
