"""Splitting a regulation text into its parts and articles, by headings and directives."""

from __future__ import annotations

import bisect

from steering._text import nfc
from steering.rules import OWN_PARTS
from steering.sources._pieces import (
    _ARTICLE,
    _CHAPTER,
    _DIRECTIVES,
    _GAP_LINES,
    _LEAD,
    _SIGNATURE_STARTS,
    _Article,
    _bare,
    _name_key,
    _Part,
)


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

    def run(self) -> tuple[dict[str, _Part], tuple[str, ...]]:
        """The parts in order (the regulation's own first) and the layout's problems."""
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
        return ordered, tuple(self.problems)

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
        """A part: its articles (numbering checked), the signature block, its text."""
        text_lines = self.text_lines
        registered = self._numbered(name, start, heads, excerpt=excerpt)
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

    def _numbered(
        self, name: str, start: int, heads: list[tuple[int, int]], *, excerpt: bool
    ) -> list[tuple[int, int]]:
        """The article heads that start an article, each gap and restart said in `problems`."""
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
        return registered

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
