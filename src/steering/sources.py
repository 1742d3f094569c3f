"""Source texts of regulations: split into parts, articles, clauses and points, and check quotes.

A citation's quote must appear, verbatim up to whitespace and Markdown emphasis
(``**``, ``#``), in the part, article, clause and point it cites. The splitter
knows the genre's layout: an issuing decision (Quyết định) whose articles are
numbered from 1, then the regulation (Quy chế) numbered from 1 again, then an
optional annex (Phụ lục). A text with a single numbering run is the regulation
alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from steering._text import nfc
from steering.rules import OWN_PARTS, Citation

__all__ = ["SourceText", "check_quote", "normalize_for_match"]

_HEADING = re.compile(r"Điều\s+(\d+)\s*\.")
_ANNEX = re.compile(r"(?m)^[\s*#]*Phụ lục")
_CLAUSE = re.compile(r"(?m)^[\s*#]*(\d+)\.\s")
_BULLET = re.compile(r"(?m)^\s*-\s")
_POINT = re.compile(r"(?m)^[\s*#]*([a-zđ])\)\s")
_WS = re.compile(r"\s+")


def normalize_for_match(text: str) -> str:
    """NFC, drop Markdown emphasis marks, collapse whitespace: the form quotes are compared in."""
    text = nfc(text).replace("*", "").replace("#", "")
    return _WS.sub(" ", text).strip()


def _numbered(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Start offsets of markers numbered 1, 2, 3 ... in order; stray numbers are skipped."""
    found: list[tuple[int, int]] = []
    expected = 1
    for m in pattern.finditer(text):
        if int(m.group(1)) == expected:
            found.append((expected, m.start()))
            expected += 1
    return found


def _slices(starts: list[tuple[int, int]], text: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for i, (n, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
        out[n] = text[start:end]
    return out


@attrs.frozen
class SourceText:
    """A regulation's text, split into its parts.

    Attributes:
        parts: ``decision``, ``regulation`` and ``annex`` text (absent parts are ``""``).
        articles: For each part, its articles by number.

    """

    parts: dict[str, str]
    articles: dict[str, dict[int, str]]

    @classmethod
    def parse(cls, text: str) -> SourceText:
        """Split a regulation text (decision, regulation, annex) into articles."""
        text = nfc(text)
        annex_match = _ANNEX.search(text)
        annex = text[annex_match.start() :] if annex_match else ""
        body = text[: annex_match.start()] if annex_match else text
        heads = [(int(m.group(1)), m.start()) for m in _HEADING.finditer(body)]
        # Find where numbering restarts at 1: that is the regulation's Điều 1.
        runs: list[list[tuple[int, int]]] = []
        for n, start in heads:
            if n == 1 or not runs:
                runs.append([])
            if n == len(runs[-1]) + 1:
                runs[-1].append((n, start))
        runs = [r for r in runs if r]
        if len(runs) >= 2:
            decision_heads, reg_heads = runs[0], runs[-1]
            split_at = reg_heads[0][1]
            decision, regulation = body[:split_at], body[split_at:]
            reg_heads = [(n, s - split_at) for n, s in reg_heads]
        else:
            decision_heads, reg_heads = [], runs[0] if runs else []
            decision, regulation = "", body
        return cls(
            parts={"decision": decision, "regulation": regulation, "annex": annex},
            articles={
                "decision": _slices(decision_heads, decision),
                "regulation": _slices(reg_heads, regulation),
                "annex": {},
            },
        )

    def segment(self, citation: Citation) -> tuple[str, str]:
        """The text a citation points into, and a description of where that is.

        Falls back to the enclosing article when the article has no numbered
        clauses (or points) to split on.

        Raises:
            LookupError: The part or article does not exist in the text.

        """
        part = citation.document
        if part not in OWN_PARTS:
            raise LookupError(f"document {part!r} is not part of this regulation's text")
        if not self.parts[part]:
            raise LookupError(f"the source text has no {part} part")
        if citation.article is None:
            return self.parts[part], part
        article = self.articles[part].get(citation.article)
        if article is None:
            have = sorted(self.articles[part])
            raise LookupError(
                f"{part} has no Điều {citation.article}; it has Điều {have[0]}-{have[-1]}"
                if have
                else f"{part} has no numbered articles"
            )
        where = f"{part} Điều {citation.article}"
        if citation.clause is None:
            return article, where
        clauses = _slices(_numbered(_CLAUSE, article), article)
        if not clauses:
            bullets = [(i + 1, m.start()) for i, m in enumerate(_BULLET.finditer(article))]
            clauses = _slices(bullets, article)
        if not clauses:
            return article, where
        clause = clauses.get(citation.clause)
        if clause is None:
            raise LookupError(f"{where} has no khoản {citation.clause}; it has 1-{max(clauses)}")
        where += f" khoản {citation.clause}"
        if not citation.point:
            return clause, where
        points = {m.group(1): m.start() for m in _POINT.finditer(clause)}
        if citation.point not in points:
            return clause, where
        starts = sorted(points.values())
        begin = points[citation.point]
        later = [s for s in starts if s > begin]
        return clause[begin : later[0] if later else len(clause)], f"{where} điểm {citation.point}"

    def articles_of(self, part: str) -> Iterator[tuple[int, str]]:
        """The articles of one part, in order."""
        yield from sorted(self.articles.get(part, {}).items())


def check_quote(citation: Citation, source: SourceText) -> str | None:
    """Check a citation's quote: ``None`` if it is where it says, else why not."""
    if citation.document not in OWN_PARTS:
        return None
    try:
        text, where = source.segment(citation)
    except LookupError as e:
        return str(e)
    quote = normalize_for_match(citation.quote)
    if not quote:
        return "the quote is empty"
    if quote in normalize_for_match(text):
        return None
    elsewhere = [
        f"{part} Điều {n}"
        for part in OWN_PARTS
        for n, art in source.articles_of(part)
        if quote in normalize_for_match(art)
    ]
    hint = f" (it is in {', '.join(elsewhere)})" if elsewhere else ""
    return f"quote {citation.quote[:60]!r} not found in {where}{hint}"
