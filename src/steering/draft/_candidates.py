"""Candidates and drafts, and reading a text's sentences, titles and annex cells."""

from __future__ import annotations

import json
import re

import attrs

from steering.draft._catalogue import (
    _TITLES,
)
from steering.sources import SourceUnit, normalize_for_match


@attrs.frozen
class Candidate:
    """A proposed rule: its table, its fields, where it is written and how it was found.

    Attributes:
        kind: The rule table (``meetings``, ``substitutions``, ``seals`` ...).
        fields: The rule's fields (post ids, enums, strings) without its citation.
        unit: The source unit cited.
        quote: The verbatim quote (a sentence of the unit).
        how: ``"pattern:<name>"`` (decided) or ``"guess:<name>: <why>"``.

    """

    kind: str
    fields: dict[str, object]
    unit: SourceUnit
    quote: str
    how: str

    @property
    def decided(self) -> bool:
        """Whether every field was read off the text (written as a rule, not a comment)."""
        return self.how.startswith("pattern:")

    def citation(self) -> dict[str, object]:
        """The citation table of the candidate."""
        c: dict[str, object] = {"document": self.unit.document}
        if self.unit.article is not None:
            c["article"] = self.unit.article
        if self.unit.clause is not None and self.unit.kind in {"clause", "point"}:
            c["clause"] = self.unit.clause
        if self.unit.point:
            c["point"] = self.unit.point
        c["quote"] = self.quote
        return c


@attrs.frozen
class Draft:
    """A drafted regulation file.

    Attributes:
        text: The TOML text of the draft.
        candidates: Every candidate rule, decided or guessed, in text order.
        uncited: The clauses (and articles without clauses) no candidate cites.
        missing: What the draft needs before it loads (empty when it loads).

    """

    text: str
    candidates: tuple[Candidate, ...]
    uncited: tuple[SourceUnit, ...]
    missing: tuple[str, ...]


def _q(value: object) -> str:
    """A TOML value: JSON string and number syntax is TOML's."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_q(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_q(v)}" for k, v in value.items()) + " }"
    return json.dumps(str(value), ensure_ascii=False)


_MARKER = re.compile(r"\s{0,8}(?:\d{1,3}\.|[a-zđ]\)|[-–+•])\s")


def _sentences(text: str, *, heading: bool = False) -> list[str]:
    """Sentences of a unit's text, whitespace-normalised (the form quotes match in).

    A line opening with a clause number, point letter or bullet starts a new
    sentence (its marker dropped); other line breaks are only whitespace (texts
    wrap lines mid-sentence). With ``heading``, the first line (an article's
    head) is left out.
    """
    lines = text.split("\n")[1:] if heading else text.split("\n")
    chunks: list[list[str]] = []
    for line in lines:
        m = _MARKER.match(line.lstrip("*# "))
        if m or not chunks:
            chunks.append([line.lstrip("*# ")[m.end() :] if m else line])
        else:
            chunks[-1].append(line)
    out: list[str] = []
    for chunk in chunks:
        flat = normalize_for_match(" ".join(chunk))
        out += [s.strip() for s in re.split(r"(?<=[.;])\s+(?!\d)", flat) if s.strip()]
    return out


def _locality(line: str) -> tuple[str, str, str] | None:
    """The committee's name, unit word and place name in one line, or ``None``."""
    m = re.search(
        r"Ban Chỉ đạo [^()]{0,120}?(?:chuyển đổi số|Chính quyền điện tử|đổi mới sáng tạo)"
        r"[^()]{0,40}?\s(tỉnh|thành phố|thị xã|huyện|quận|thị trấn|phường|xã)\s",
        line,
        re.IGNORECASE,
    )
    if m is None:
        return None
    words: list[str] = []
    for word in re.split(r"\s+", line[m.end() :])[:4]:
        clean = word.rstrip(",.;:)")
        if not clean or not clean[0].isupper() or clean[1:] != clean[1:].lower():
            break
        words.append(clean)
        if clean != word:
            break
    if not words:
        return None
    place = " ".join(words)
    return normalize_for_match(line[m.start() : m.end()] + place), m.group(1).lower(), place


_BCD_TITLES = tuple((w, r, ()) for w, r in _TITLES)


def _mentions(
    text: str, titles: tuple[tuple[str, str, tuple[str, ...]], ...] | None = None
) -> list[tuple[int, str, str]]:
    """Post titles in a sentence: (position, role, wording as written), left to right.

    ``titles`` (see `titles_for`) default to the Ban Chỉ đạo's.
    """
    low = text.lower()
    found: list[tuple[int, str, str]] = []
    taken = [False] * len(low)
    for wording, role, not_after in titles or _BCD_TITLES:
        start = low.find(wording)
        while start != -1:
            end = start + len(wording)
            if not any(taken[start:end]) and not low.startswith(not_after, end):
                found.append((start, role, text[start:end]))
                for k in range(start, end):
                    taken[k] = True
            start = low.find(wording, end)
    return sorted(found)


_UNIT_PREFIXES = (
    ("thành phố ", "thành phố"),
    ("tp ", "thành phố"),
    ("tp. ", "thành phố"),
    ("thị xã ", "thị xã"),
    ("thị trấn ", "thị trấn"),
    ("huyện ", "huyện"),
    ("quận ", "quận"),
    ("phường ", "phường"),
    ("xã ", "xã"),
    ("thôn ", "thôn"),
    ("tổ dân phố ", "tổ dân phố"),
)


_AGENCY_PREFIXES = (
    "Sở ",
    "Văn phòng ",
    "Ban ",
    "Thanh tra ",
    "Công an ",
    "Cục ",
    "Chi cục ",
    "Phòng ",
    "Ủy ban ",
    "UBND ",
    "Trung tâm ",
    "Hội ",
    "Các Hội",
    "Bưu điện ",
)


def _targets(cell: str) -> list[dict[str, str]] | None:
    """The targets of an annex row's last cell, or ``None`` when an item is not read."""
    items = [i.strip() for i in re.split(r"(?:^|\s)-\s", cell) if i.strip()]
    out: list[dict[str, str]] = []
    for item in items:
        low = item.lower()
        if low.startswith(("ngành ", "lĩnh vực ")):
            name = item.split(" ", 1)[1] if low.startswith("ngành ") else item.split(" ", 2)[2]
            out.append({"text": item, "kind": "sector", "name": name})
            continue
        if low.startswith("các huyện:") or low.startswith("các huyện "):
            for name in re.split(r",\s*|\s+và\s+", item.split(":", 1)[-1].replace("Các huyện", "")):
                if name.strip():
                    out.append(
                        {
                            "text": name.strip(),
                            "kind": "locality",
                            "name": name.strip(),
                            "unit": "huyện",
                        }
                    )
            continue
        if any(low.startswith(p) for p, _ in _UNIT_PREFIXES):
            for part in re.split(r"\s+và\s+", item):
                pl = part.lower()
                unit = next((u for p, u in _UNIT_PREFIXES if pl.startswith(p)), None)
                if unit is None:
                    return None
                prefix = next(p for p, _ in _UNIT_PREFIXES if pl.startswith(p))
                out.append(
                    {
                        "text": part,
                        "kind": "locality",
                        "name": part[len(prefix) :].strip(),
                        "unit": unit,
                    }
                )
            continue
        if item.startswith(_AGENCY_PREFIXES):
            name = item[4:] if item.startswith("Các ") else item
            out.append({"text": item, "kind": "agency", "name": name})
            continue
        return None
    return out or None
