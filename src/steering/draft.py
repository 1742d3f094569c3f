"""Draft a regulation file from a regulation's text: identity, posts and candidate rules.

[`draft`][steering.draft.draft] reads a text in the genre's layout (see
[`steering.sources`][steering.sources])
and proposes what it can find with the genre's phrasing, each candidate with
its verbatim quote, its exact citation and how it was found:

- ``pattern``: a pattern of the catalogue (`PATTERNS`) matched exactly,
  every field read off the sentence: written into the draft as a rule;
- ``guess``: a pattern matched but a field could not be read (a post not
  named, a body not known): written as a commented-out rule for the author.

What it cannot decide is left out (not specified), never invented; every
clause no candidate cites is listed at the end of the draft, as a comment with
its text. The draft loads with [`steering.load`][steering.loader.load] when the text names its
head and a signing date; otherwise the comment at its top says what is missing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import attrs

from steering._text import fold, nfc
from steering.sources import SourceText, SourceUnit, normalize_for_match

__all__ = ["PATTERNS", "Candidate", "Draft", "Pattern", "draft"]


@attrs.frozen
class Pattern:
    """One phrasing of the genre the drafter recognises.

    Attributes:
        name: Short name, shown in each candidate's ``how``.
        kind: The rule table it proposes (``meetings``, ``substitutions`` ...).
        variants: The wordings recognised (lower case, as written in texts).
        reads: What the drafter reads off the sentence.
        example: A sentence of the genre it matches.

    """

    name: str
    kind: str
    variants: tuple[str, ...]
    reads: str
    example: str


_ABSENT = ("vắng mặt", "đi công tác", "vắng", "không thể tham dự", "bận công tác")
_ACT = ("thay mặt", "được ủy quyền", "được uỷ quyền", "ủy quyền cho", "uỷ quyền cho", "ký thay")
_CADENCES: tuple[tuple[str, str], ...] = (
    # (wording, cadence) — longest first within each period so "06 tháng" is not read as "tháng"
    ("mỗi quý một lần", "quarterly"),
    ("một quý một lần", "quarterly"),
    ("quý một lần", "quarterly"),
    ("hằng quý", "quarterly"),
    ("hàng quý", "quarterly"),
    ("03 tháng một lần", "quarterly"),
    ("3 tháng một lần", "quarterly"),
    ("ba tháng một lần", "quarterly"),
    ("sáu tháng một lần", "half_yearly"),
    ("06 tháng một lần", "half_yearly"),
    ("6 tháng một lần", "half_yearly"),
    ("6 tháng/lần", "half_yearly"),
    ("06 tháng/lần", "half_yearly"),
    ("định kỳ 6 tháng", "half_yearly"),
    ("định kỳ 06 tháng", "half_yearly"),
    ("định kỳ sáu tháng", "half_yearly"),
    ("mỗi tháng một lần", "monthly"),
    ("một tháng một lần", "monthly"),
    ("hằng tháng", "monthly"),
    ("hàng tháng", "monthly"),
    ("mỗi năm một lần", "yearly"),
    ("một năm một lần", "yearly"),
    ("hằng năm", "yearly"),
    ("hàng năm", "yearly"),
)
_REGULAR = ("họp định kỳ", "họp thường kỳ", "họp thường lệ")
_EXTRA = ("họp đột xuất", "họp bất thường")
_NO_SEAL = ("không có con dấu riêng", "không sử dụng con dấu riêng", "không có con dấu")
_AGENCY_SEAL = "sử dụng con dấu của "
_ANSWER = ("chịu trách nhiệm trước ",)
_CONVENE = ("triệu tập và chủ trì", "triệu tập, chủ trì", "chủ trì và triệu tập")

PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "absent-acts",
        "substitutions",
        (
            *(
                f"{o} <A> {a}, <B> {b}"
                for o in ("khi", "trường hợp")
                for a in _ABSENT
                for b in _ACT
            ),
            "khi vắng mặt, <A> ủy quyền cho <B>",
        ),
        "principal <A> (and any post absent with it) and substitute <B>, posts named in the "
        "sentence; a bare 'Phó Trưởng ban' beside a standing deputy, with no definition, is a "
        "guess",
        "Khi Trưởng ban vắng mặt, Phó Trưởng ban Thường trực thay mặt Trưởng ban điều hành.",
    ),
    Pattern(
        "regular-meeting",
        "meetings",
        (
            *(f"<body> {r} <cadence>" for r in _REGULAR),
            *(c for c, _ in _CADENCES),
            "<body> họp định kỳ theo quý, 6 tháng, năm",
            "<body> họp định kỳ hoặc đột xuất",
        ),
        "the body (Ban Chỉ đạo, or the working group by its name) and every cadence stated",
        "Ban Chỉ đạo họp định kỳ mỗi quý một lần.",
    ),
    Pattern(
        "group-convened-by",
        "convening",
        ("<working group> họp định kỳ ... hoặc đột xuất theo yêu cầu của <lead>",),
        "extraordinary meetings of the working group, convened by its lead (Tổ trưởng)",
        "Tổ giúp việc họp định kỳ hằng tháng hoặc đột xuất theo yêu cầu của Tổ trưởng.",
    ),
    Pattern(
        "extraordinary-convened-by",
        "convening",
        tuple(
            f"ban chỉ đạo (có thể) {e} theo {v} của <posts>"
            for e in _EXTRA
            for v in ("triệu tập", "chỉ đạo", "yêu cầu")
        ),
        "the conveners: the posts named after 'của', up to 'hoặc theo đề nghị'",
        "Ban Chỉ đạo có thể họp đột xuất theo triệu tập của Trưởng ban.",
    ),
    Pattern(
        "expanded-meeting",
        "meetings",
        ("<posts> quyết định triệu tập cuộc họp mở rộng",),
        "an expanded meeting of the committee, and its conveners (a convening rule)",
        "Trưởng ban quyết định triệu tập cuộc họp mở rộng có sự tham gia của ...",
    ),
    Pattern(
        "collective-term",
        "",
        ("<A> và <B> sau đây (được) gọi chung là <B>",),
        "a collective term: later mentions of <B> are read as <A> and <B>",
        "Phó Trưởng ban Thường trực và Phó Trưởng ban sau đây được gọi chung là Phó Trưởng ban.",
    ),
    Pattern(
        "reports-to",
        "reports",
        (
            "(định kỳ <cadence> / kịp thời) báo cáo <posts> về ...",
            "báo cáo <posts> xem xét, quyết định",
        ),
        "reporter (the post or working group whose article it is), recipients (posts named "
        "after 'báo cáo', up to 'về' / 'xem xét' / 'để'), cadences, periodic, ad hoc",
        "Định kỳ hằng quý báo cáo Trưởng ban, Phó Trưởng ban về tình hình hoạt động.",
    ),
    Pattern(
        "tasked-by",
        "directions",
        (
            "(thực hiện các) nhiệm vụ (khác) do <posts> giao",
            "nhiệm vụ được <posts> giao",
            "theo (sự) phân công của <posts>",
            "theo chỉ đạo của <posts>",
        ),
        "subjects (the posts named) direct the object (the post or working group whose "
        "article it is)",
        "Thực hiện các nhiệm vụ khác do Trưởng ban, Phó Trưởng ban giao.",
    ),
    Pattern(
        "monitoring-annex",
        "monitoring",
        (
            "<n> | Thành viên <agency> | - Ngành X - Lĩnh vực Y - <agency> - Huyện A và TP B",
            "Các huyện: A, B",
            "a clause naming the annex ('... theo Phụ lục kèm theo') as the basis",
        ),
        "one member post per row and its targets: sectors (Ngành, Lĩnh vực), localities "
        "(Huyện, Thị xã, Thành phố, TP, Xã, Phường, Thị trấn, Thôn) and agencies (Sở, Văn "
        "phòng, Ban, ...); a row with a cell not read is a guess",
        "1.	Thành viên Sở Tư pháp	- Ngành Tư pháp - Huyện Thường Xuân",
    ),
    Pattern(
        "head-directs",
        "directions",
        (
            "chỉ đạo (, điều hành) toàn diện / chung ... của Ban Chỉ đạo",
            "phân công nhiệm vụ (cho) các thành viên Ban Chỉ đạo",
        ),
        "in the head's article: the head directs the committee; the head assigns tasks to "
        "every member post (a guess where the text also has standing members)",
        "Chỉ đạo toàn diện về tổ chức, chức năng, nhiệm vụ của Ban Chỉ đạo.",
    ),
    Pattern(
        "attends",
        "attendance",
        (
            "tham dự đầy đủ các cuộc họp (của) Ban Chỉ đạo / các phiên họp",
            "(trường hợp) không thể tham dự / vắng mặt phải báo cáo và được (sự) đồng ý",
            "ủy quyền cho người dự họp thay phải tham gia ý kiến bằng văn bản",
            "cử người dự thay",
        ),
        "the post (the article's, or the clause's opening) must attend; absence conditions "
        "(report to the chair, the chair's consent); whether a proxy may attend and on "
        "what terms",
        "Tham dự đầy đủ các cuộc họp Ban Chỉ đạo; trường hợp vắng mặt phải báo cáo.",
    ),
    Pattern(
        "no-seal",
        "seals",
        _NO_SEAL,
        "the committee has no seal of its own",
        "Ban Chỉ đạo không có con dấu riêng.",
    ),
    Pattern(
        "agency-seal",
        "seals",
        ("<post> sử dụng con dấu của <agency>", "<post> sử dụng con dấu của cơ quan mình"),
        "the post (named before) and the agency (named after, up to the punctuation)",
        "Trưởng ban sử dụng con dấu của Ủy ban nhân dân tỉnh.",
    ),
    Pattern(
        "answers-to",
        "accountability",
        tuple(_ANSWER),
        "the subject (the post whose article it is) and whom it answers to (posts named next)",
        "Điều 4 (Phó Trưởng ban): Chịu trách nhiệm trước Trưởng ban về ...",
    ),
    Pattern(
        "convenes-and-chairs",
        "convening",
        _CONVENE,
        "the convener (the post whose article it is) and the kinds (định kỳ, đột xuất)",
        "Điều 3 (Trưởng ban): Triệu tập và chủ trì các cuộc họp định kỳ, đột xuất của Ban Chỉ đạo.",
    ),
)

# Post titles, longest first: (lower-case wording, role).
_TITLES: tuple[tuple[str, str], ...] = (
    ("tổ trưởng tổ công tác", "wg_lead"),
    ("tổ trưởng tổ giúp việc", "wg_lead"),
    ("lãnh đạo tổ công tác", "wg_lead"),
    ("lãnh đạo tổ giúp việc", "wg_lead"),
    ("tổ trưởng", "wg_lead"),
    ("phó trưởng ban thường trực", "standing_deputy"),
    ("phó trưởng ban", "deputy"),
    ("trưởng ban", "head"),
    ("ủy viên thường trực", "standing_member"),
    ("uỷ viên thường trực", "standing_member"),
    ("thành viên thường trực", "standing_member"),
    ("cơ quan thường trực", "standing_agency"),
    ("ủy viên", "member"),
    ("uỷ viên", "member"),
    ("thành viên ban chỉ đạo", "member"),
)
_UNITS = (
    ("thành phố", "district"),
    ("thị xã", "district"),
    ("huyện", "district"),
    ("quận", "district"),
    ("tỉnh", "province"),
    ("thị trấn", "commune"),
    ("phường", "commune"),
    ("xã", "commune"),
)


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


def _mentions(text: str) -> list[tuple[int, str, str]]:
    """Post titles in a sentence: (position, role, wording as written), left to right."""
    low = text.lower()
    found: list[tuple[int, str, str]] = []
    taken = [False] * len(low)
    for wording, role in _TITLES:
        start = low.find(wording)
        while start != -1:
            end = start + len(wording)
            if not any(taken[start:end]):
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


class _Drafter:
    def __init__(self, text: str) -> None:
        self.text = nfc(text)
        self.src = SourceText.parse(self.text)
        self.units = self.src.units()
        self.candidates: list[Candidate] = []
        self.posts: dict[str, tuple[str, SourceUnit, str]] = {}  # role -> (title, unit, quote)
        self.article_role: dict[int, str] = {}
        self.collective: dict[str, tuple[int, list[str]]] = {}  # role -> (line, roles it covers)
        self.group: tuple[str, str, SourceUnit] | None = None  # (id, name, unit)
        self.monitored: list[tuple[SourceUnit, str, list[dict[str, str]], bool]] = []
        self.basis: SourceUnit | None = None
        low = self.text.lower()
        self.standing_members = "ủy viên thường trực" in low or "thành viên thường trực" in low

    # -- posts -------------------------------------------------------

    def find_posts(self) -> None:
        for u in self.units:
            if u.kind != "article" or u.document != "regulation" or u.article is None:
                continue
            head = normalize_for_match(u.text.split("\n", 1)[0])
            self.define(u, head, head.lower())
            title = re.sub(r"^Điều\s+\d+\s*\.\s*", "", head)
            if self.group_article(title, u):
                continue
            mentions = _mentions(title)
            # "Nhiệm vụ của Trưởng ban" is the post's; "Trưởng ban và ..." is not one post's.
            if not mentions or len({r for _, r, _ in mentions}) > 1:
                continue
            _, role, wording = mentions[0]
            self.article_role[u.article] = role
            if role not in self.posts:
                self.posts[role] = (wording[0].upper() + wording[1:], u, wording)

        # A clause that opens with a post's title names that post (Điều 4 khoản 1
        # "Phó Trưởng ban Thường trực giúp Trưởng ban ...").
        for u in self.units:
            if (
                u.kind != "clause"
                or u.document != "regulation"
                or u.article not in self.article_role
            ):
                continue
            first = _sentences(u.text)[:1]
            opening = _mentions(first[0]) if first else []
            if opening and opening[0][0] == 0 and opening[0][1] not in self.posts:
                _, role, wording = opening[0]
                self.posts[role] = (wording[0].upper() + wording[1:], u, wording)

        if self.group is not None and "wg_lead" not in self.posts:
            for u in self.leaves():
                lead = [m for m in _mentions(normalize_for_match(u.text)) if m[1] == "wg_lead"]
                if lead and "tổ trưởng" in lead[0][2].lower():
                    self.posts["wg_lead"] = (lead[0][2][0].upper() + lead[0][2][1:], u, lead[0][2])
                    break

    def body_of(self, subject: str) -> str | None:
        """The body a sentence's subject names: the committee or the working group."""
        if subject in {"ban chỉ đạo", "ban chỉ đạo có thể"}:
            return "committee"
        if self.group is not None and fold(subject).startswith(self.group[0].replace("_", " ")):
            return self.group[0]
        return None

    def group_article(self, title: str, u: SourceUnit) -> bool:
        """Whether an article is the working group's (or funds, or seals): no post of its own."""
        low = title.lower()
        group = next((w for w in ("tổ công tác", "tổ giúp việc") if w in low), None)
        if group and self.group is None and not _mentions(title):
            self.group = (fold(group).replace(" ", "_"), title[low.find(group) :], u)
        return bool(group) or any(w in low for w in ("kinh phí", "con dấu"))

    # -- rules -------------------------------------------------------

    def leaves(self) -> Iterator[SourceUnit]:
        """Clauses without points, points, and articles without clauses, of the regulation."""
        has_clause = {u.article for u in self.units if u.kind == "clause"}
        has_point = {(u.article, u.clause) for u in self.units if u.kind == "point"}
        for u in self.units:
            if u.document != "regulation":
                continue
            if (
                u.kind == "point"
                or (u.kind == "clause" and (u.article, u.clause) not in has_point)
                or (u.kind == "article" and u.article not in has_clause)
            ):
                yield u

    def add(
        self, kind: str, fields: dict[str, object], unit: SourceUnit, quote: str, how: str
    ) -> None:
        self.candidates.append(Candidate(kind, fields, unit, quote, how))

    def scan(self) -> None:
        for unit in self.leaves():
            self.attendance(unit)
            for sentence in _sentences(unit.text, heading=unit.kind == "article"):
                low = sentence.lower()
                self.define(unit, sentence, low)
                self.extraordinary(unit, sentence, low)
                self.expanded(unit, sentence, low)
                self.substitution(unit, sentence, low)
                self.meeting(unit, sentence, low)
                self.seal(unit, sentence, low)
                self.accountability(unit, sentence, low)
                self.convening(unit, sentence, low)
                self.report(unit, sentence, low)
                self.direction(unit, sentence, low)

    def roles_in(self, text: str, unit: SourceUnit) -> list[str]:
        """Roles a phrase names, in order, a collective term read as its definition says."""
        out: list[str] = []
        for _, role, _ in _mentions(text):
            group = self.collective.get(role)
            if group is not None and unit.line > group[0]:
                out += group[1]
            out.append(role)
        return list(dict.fromkeys(out))

    def ambiguous(self, roles: list[str]) -> bool:
        """Whether the roles read may be too narrow.

        A bare 'Phó Trưởng ban' beside a standing deputy that no definition sets
        apart, or 'Ủy viên' / 'thành viên' in a text that also has standing members.
        """
        deputy = "deputy" in roles and "standing_deputy" in self.posts
        member = "member" in roles and self.standing_members
        return (deputy and "deputy" not in self.collective) or member

    def define(self, unit: SourceUnit, sentence: str, low: str) -> None:
        short = low.find("gọi tắt là phó trưởng ban)")
        if short != -1 and [m[1] for m in _mentions(sentence[:short])][:1] == ["deputy"]:
            self.collective["deputy"] = (unit.line, [])  # "các Phó Trưởng ban (gọi tắt là ...)"
            return
        at = low.find("gọi chung là ")
        if at == -1:
            return
        before = [m[1] for m in _mentions(sentence[:at])]
        after = _mentions(sentence[at:])
        if before and after:
            self.collective[after[0][1]] = (unit.line, [r for r in before if r != after[0][1]])

    def extraordinary(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'Ban Chỉ đạo (có thể) họp đột xuất theo triệu tập/chỉ đạo của <posts>'."""
        word = next((w for w in (*_EXTRA, "hoặc đột xuất") if w in low), None)
        if word is None or not low.startswith("ban chỉ đạo"):
            return
        m = re.search(r"theo (?:triệu tập|chỉ đạo|yêu cầu|quyết định) của ", low[low.find(word) :])
        if m is None:
            return
        start = low.find(word) + m.end()
        tail = re.split(r" hoặc theo | theo đề nghị|[.;(]", sentence[start:])[0]
        conveners = self.roles_in(tail, unit)
        fields: dict[str, object] = {
            "body": "committee",
            "meeting": "extraordinary",
            "conveners": conveners,
        }
        if conveners and all(self.post_id(r) for r in conveners) and not self.ambiguous(conveners):
            self.add("convening", fields, unit, sentence, "pattern:extraordinary-convened-by")
        else:
            self.add(
                "convening",
                fields,
                unit,
                sentence,
                f"guess:extraordinary-convened-by: convened by {tail[:40]!r}",
            )

    def group_extraordinary(self, unit: SourceUnit, sentence: str, low: str, body: str) -> None:
        """'Tổ công tác họp định kỳ ... và/hoặc (đột xuất) theo yêu cầu của <lead>'."""
        m = re.search(r"theo (?:yêu cầu|triệu tập|chỉ đạo) của ", low)
        if m is None:
            return
        tail = re.split(r"[.;(]", sentence[m.end() :])[0]
        conveners = self.roles_in(tail, unit)
        fields: dict[str, object] = {
            "body": body,
            "meeting": "extraordinary",
            "conveners": conveners,
        }
        if conveners == ["wg_lead"] and self.post_id("wg_lead"):
            self.add("convening", fields, unit, sentence, "pattern:group-convened-by")
        else:
            self.add(
                "convening",
                fields,
                unit,
                sentence,
                f"guess:group-convened-by: convened by {tail[:40]!r}",
            )

    def expanded(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'<posts> quyết định triệu tập cuộc họp mở rộng ...'."""
        at = low.find("triệu tập cuộc họp mở rộng")
        if at == -1:
            return
        conveners = self.roles_in(sentence[:at], unit)
        self.add(
            "meetings",
            {"body": "committee", "kind": "expanded"},
            unit,
            sentence,
            "pattern:expanded-meeting",
        )
        fields: dict[str, object] = {
            "body": "committee",
            "meeting": "expanded",
            "conveners": conveners,
        }
        if conveners and all(self.post_id(r) for r in conveners) and not self.ambiguous(conveners):
            self.add("convening", fields, unit, sentence, "pattern:expanded-meeting")
        else:
            self.add("convening", fields, unit, sentence, "guess:expanded-meeting: who convenes")

    def attendance(self, unit: SourceUnit) -> None:
        """A duty to attend, with its conditions for absence and for a proxy.

        'Tham dự đầy đủ các cuộc họp ...; (trường hợp) không thể tham dự / vắng mặt phải
        báo cáo và được (sự) đồng ý của người chủ trì; ủy quyền / cử người dự (họp) thay'.
        """
        sentences = _sentences(unit.text, heading=unit.kind == "article")
        low = " ".join(sentences).lower()
        start = next((x for x in sentences if "tham dự đầy đủ" in x.lower()), None)
        if start is None or unit.article is None:
            return
        post = self.article_role.get(unit.article) or self.unit_subject(unit)
        absence: list[str] = []
        absent_at = max(low.find("không thể tham dự"), low.find("vắng mặt"))
        if absent_at != -1 and "phải báo cáo" in low[absent_at:]:
            absence.append("report_to_chair")
        if absent_at != -1 and re.search(r"(?:sự )?đồng ý", low[absent_at:]):
            absence.append("chair_consent")
        fields: dict[str, object] = {
            "posts": [post or ""],
            "body": "committee",
            "must_attend": True,
            "absence_conditions": absence,
        }
        proxy = re.search(r"ủy quyền cho người dự|dự họp thay|dự thay", low)
        if proxy:
            fields["proxy_allowed"] = True
            must = low.find("phải báo cáo", absent_at) if absent_at != -1 else -1
            if absent_at < proxy.start() < must:
                # "không thể tham dự hoặc ủy quyền cho người dự họp thay phải báo cáo và
                # được sự đồng ý": the same conditions for both.
                fields["proxy_conditions"] = list(absence)
            elif "ý kiến bằng văn bản" in low[proxy.start() :]:
                fields["proxy_conditions"] = ["written_opinion"]
        if post and ("ban chỉ đạo" in start.lower() or "các phiên họp" in start.lower()):
            self.add("attendance", fields, unit, start, "pattern:attends")
        else:
            self.add("attendance", fields, unit, start, "guess:attends: whose duty is not clear")

    def unit_subject(self, unit: SourceUnit) -> str | None:
        """The post a clause opens with ('Các Ủy viên Ban Chỉ đạo báo cáo ...'), if any."""
        first = _sentences(unit.text, heading=unit.kind == "article")[:1]
        if not first:
            return None
        text = re.sub(r"^(?:Các|Những) ", "", first[0])
        opening = _mentions(text)
        if opening and opening[0][0] == 0 and not self.ambiguous([opening[0][1]]):
            return opening[0][1] if self.post_id(opening[0][1]) else None
        return None

    def report_id(self, unit: SourceUnit) -> str:
        """``report_<article>_<clause>``, with ``_2``, ``_3`` ... for more in one clause."""
        base = f"report_{unit.article}_{unit.clause or 0}"
        taken = {c.fields.get("id") for c in self.candidates if c.kind == "reports"}
        n, rid = 1, base
        while rid in taken:
            n += 1
            rid = f"{base}_{n}"
        return rid

    def report(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'(Định kỳ / Kịp thời) báo cáo <posts> (về ...)' in a post's or group's article."""
        at = low.find("báo cáo ")
        if at == -1 or unit.article is None or low[at + 8 :].startswith(("định kỳ", "kết quả")):
            return
        reporter = self.article_role.get(unit.article) or self.unit_subject(unit)
        if reporter is None and self.group is not None and self.group[2].article == unit.article:
            reporter = self.group[0]
        tail = re.split(
            r" về | xem xét| quyết định| để | theo | tình hình|[.;:(]", sentence[at + 8 :]
        )[0]
        recipients = self.roles_in(tail, unit)
        if not recipients and tail.strip().lower() == "ban chỉ đạo":
            recipients = ["committee"]
        rest = re.sub("|".join(re.escape(m[2]) for m in _mentions(tail)) or "$^", "", tail)
        rest = re.sub(r"\b(?:và|các|Ban Chỉ đạo|Chỉ đạo)\b", "", rest, flags=re.IGNORECASE)
        cadences = [c for w, c in _CADENCES if w in low]
        fields: dict[str, object] = {
            "id": self.report_id(unit),
            "reporters": [reporter or ""],
            "recipients": recipients,
        }
        if cadences or "định kỳ" in low:
            fields["periodic"] = True
        if cadences:
            fields["cadences"] = list(dict.fromkeys(cadences))
        if "kịp thời" in low or "đột xuất" in low:
            fields["ad_hoc"] = True
        if (
            reporter
            and recipients
            and not rest.strip(" ,-–")
            and all(r == "committee" or self.post_id(r) for r in recipients)
            and reporter not in recipients
            and not self.ambiguous(recipients)
        ):
            self.add("reports", fields, unit, sentence, "pattern:reports-to")
        else:
            why = "whose report is not clear" if not reporter else f"reports to {tail[:40]!r}"
            self.add("reports", fields, unit, sentence, f"guess:reports-to: {why}")

    def head_directs(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """The head's general direction and assignment of tasks, in the head's article.

        'Chỉ đạo (, điều hành) toàn diện ... của Ban Chỉ đạo' and 'phân công nhiệm vụ
        các thành viên Ban Chỉ đạo'.
        """
        if unit.article is None or self.article_role.get(unit.article) != "head":
            return
        if re.match(r"(?:lãnh đạo, )?chỉ đạo(?:, điều hành)? (?:toàn diện|chung)", low) and (
            "ban chỉ đạo" in low
        ):
            self.add(
                "directions",
                {"subjects": ["head"], "objects": ["committee"]},
                unit,
                sentence,
                "pattern:head-directs",
            )
        if re.match(r"phân công nhiệm vụ (?:cho )?(?:các )?thành viên ban chỉ đạo", low):
            members = [r for r in ("standing_deputy", "deputy", "member") if r in self.posts]
            fields: dict[str, object] = {"subjects": ["head"], "objects": members}
            how = "pattern:head-directs"
            if self.standing_members or "member" not in members:
                how = "guess:head-directs: which posts 'các thành viên' covers"
            self.add("directions", fields, unit, sentence, how)

    def direction(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'(nhiệm vụ) do / được <posts> giao', 'theo (sự) phân công / chỉ đạo của <posts>'."""
        if unit.article is None:
            return
        self.head_directs(unit, sentence, low)
        m = re.search(
            r"(?:nhiệm vụ[^.;]{0,80}? (?:do|được) )|(?:theo (?:sự )?(?:phân công|chỉ đạo) của )",
            low,
        )
        if m is None:
            return
        tail = sentence[m.end() :]
        end = re.search(r" giao\b|[.;:(]| về | trong | để ", tail)
        tail = tail[: end.start()] if end else tail
        subjects = self.roles_in(tail, unit)
        if not subjects:  # "nhiệm vụ được giao": nobody named, nothing to propose
            return
        rest = re.sub("|".join(re.escape(x[2]) for x in _mentions(tail)) or "$^", "", tail)
        rest = re.sub(r"\b(?:và|các|Ban Chỉ đạo|Chỉ đạo)\b", "", rest, flags=re.IGNORECASE)
        obj = self.article_role.get(unit.article) or self.unit_subject(unit)
        if obj is None and self.group is not None and self.group[2].article == unit.article:
            obj = self.group[0]
        # "tạo điều kiện cho những cán bộ này hoàn thành nhiệm vụ được ... giao": the task
        # is the staff's, not the article's post's.
        if re.search(r"cán bộ|chuyên gia|công chức", low[: m.start()]):
            obj = None
        fields: dict[str, object] = {"subjects": subjects, "objects": [obj or ""]}
        if (
            obj
            and subjects
            and not rest.strip(" ,-–")
            and all(self.post_id(r) for r in subjects)
            and obj not in subjects
            and not self.ambiguous(subjects)
        ):
            self.add("directions", fields, unit, sentence, "pattern:tasked-by")
        else:
            why = "whose task is not clear" if not obj else f"tasked by {tail[:40]!r}"
            self.add("directions", fields, unit, sentence, f"guess:tasked-by: {why}")

    def post_id(self, role: str) -> str | None:
        return role if role in self.posts else None

    def substitution(self, unit: SourceUnit, sentence: str, low: str) -> None:
        absent = next((a for a in _ABSENT if a in low), None)
        act = next((a for a in _ACT if a in low), None)
        if absent is None or act is None or low.find(absent) > low.find(act):
            return
        if not low.startswith(("khi ", "trường hợp ", "trong trường hợp ")):
            return
        cut = low.find(absent)
        before = [m for m in _mentions(sentence) if m[0] < cut]
        after = [m for m in _mentions(sentence) if m[0] > cut]
        if not before and "ủy quyền cho" in low:  # "Khi vắng mặt, <A> ủy quyền cho <B>"
            act_at = low.find("ủy quyền cho")
            before = [m for m in after if m[0] < act_at][:1]
            after = [m for m in after if m[0] > act_at]
        if not before or not after:
            self.add("substitutions", {}, unit, sentence, "guess:absent-acts: a post not named")
            return
        principal, substitute = before[0][1], after[0][1]
        pid, sid = self.post_id(principal), self.post_id(substitute)
        fields: dict[str, object] = {"principal": principal, "substitutes": [substitute], "rank": 1}
        also = list(dict.fromkeys(m[1] for m in before[1:] if m[1] != principal))
        if also:
            fields["also_absent"] = also
        if pid is None or sid is None or pid == sid or self.ambiguous([substitute]):
            self.add(
                "substitutions",
                fields,
                unit,
                sentence,
                "guess:absent-acts: a post has no article of its own",
            )
            return
        self.add("substitutions", fields, unit, sentence, "pattern:absent-acts")

    def meeting(self, unit: SourceUnit, sentence: str, low: str) -> None:
        regular = next((r for r in _REGULAR if r in low), None)
        if regular is None:
            return
        cadences: list[str] = []
        rest = low[low.find(regular) :]
        for wording, cadence in _CADENCES:
            at = rest.find(wording)
            if at != -1 and cadence not in cadences:
                cadences.append(cadence)
                rest = rest[:at] + " " * len(wording) + rest[at + len(wording) :]
        item = r"(?:quý|tháng|năm|0?6 tháng|sáu tháng)"
        listed = re.match(rf"\s*theo ({item}(?:,\s*{item})*)", rest[len(regular) :])
        if listed:
            names = {"quý": "quarterly", "tháng": "monthly", "năm": "yearly"}
            for item in re.split(r",\s*", listed.group(1)):
                cadence = "half_yearly" if item.endswith(" tháng") else names[item]
                if cadence not in cadences:
                    cadences.append(cadence)
        subject = low[: low.find(regular)].strip()
        if not cadences and not re.match(
            r"\s*(?:hoặc|và) (?:đột xuất|bất thường)", rest[len(regular) :]
        ):
            return
        body = self.body_of(subject)
        fields: dict[str, object] = {
            "body": body or "committee",
            "kind": "regular",
            "cadences": cadences,
        }
        if body is not None:
            self.add("meetings", fields, unit, sentence, "pattern:regular-meeting")
            if body != "committee":
                self.group_extraordinary(unit, sentence, low, body)
        else:
            self.add(
                "meetings",
                fields,
                unit,
                sentence,
                f"guess:regular-meeting: the body is {subject[:40]!r}, not the Ban Chỉ đạo",
            )

    def seal(self, unit: SourceUnit, sentence: str, low: str) -> None:
        if any(w in low for w in _NO_SEAL):
            if low.startswith("ban chỉ đạo "):
                self.add(
                    "seals",
                    {"posts": ["committee"], "seal": {"kind": "none"}},
                    unit,
                    sentence,
                    "pattern:no-seal",
                )
            else:
                self.add(
                    "seals",
                    {"posts": ["committee"], "seal": {"kind": "none"}},
                    unit,
                    sentence,
                    "guess:no-seal: the sentence does not start with the committee",
                )
            return
        at = low.find(_AGENCY_SEAL)
        if at == -1:
            return
        agency = re.split(r"[.;,(]| để | khi | trong ", sentence[at + len(_AGENCY_SEAL) :])[0]
        agency = agency.strip()
        before = [m for m in _mentions(sentence) if m[0] < at]
        roles = {m[1] for m in before}
        own = re.fullmatch(
            r"(?:cơ quan|đơn vị|cơ quan, đơn vị)(?: nơi)? (?:mình|mình công tác|đang công tác)",
            agency,
        )
        seal: dict[str, object] = (
            {"kind": "own_agency"} if own else {"kind": "agency", "agency": agency}
        )
        fields: dict[str, object] = {"seal": seal}
        if len(roles) == 1 and agency and self.post_id(next(iter(roles))):
            fields = {"posts": [next(iter(roles))], **fields}
            self.add("seals", fields, unit, sentence, "pattern:agency-seal")
        else:
            self.add("seals", fields, unit, sentence, "guess:agency-seal: which post is not clear")

    def accountability(self, unit: SourceUnit, sentence: str, low: str) -> None:
        at = low.find(_ANSWER[0])
        if at == -1 or unit.article is None:
            return
        subject = self.article_role.get(unit.article) or self.unit_subject(unit)
        tail = sentence[at + len(_ANSWER[0]) :]
        tail = re.split(r" về | trong | đối với |[.;(]", tail)[0]
        to = self.roles_in(tail, unit)
        rest = re.sub("|".join(re.escape(m[2]) for m in _mentions(tail)) or "$^", "", tail).strip(
            " ,-–"
        )
        rest = re.sub(r"\b(?:và|các|Ban Chỉ đạo|Chỉ đạo)\b", "", rest, flags=re.IGNORECASE)
        rest = rest.strip(" ,-–")
        fields: dict[str, object] = {"subject": subject or "", "to": to}
        if (
            subject
            and to
            and not rest
            and all(self.post_id(t) for t in to)
            and subject not in to
            and not self.ambiguous(to)
        ):
            self.add("accountability", fields, unit, sentence, "pattern:answers-to")
        else:
            why = "the article is not one post's" if not subject else f"answers to {tail[:40]!r}"
            self.add("accountability", fields, unit, sentence, f"guess:answers-to: {why}")

    def convening(self, unit: SourceUnit, sentence: str, low: str) -> None:
        verb = next((v for v in _CONVENE if v in low), None)
        if verb is None or unit.article is None:
            return
        convener = self.article_role.get(unit.article)
        words = (
            ("định kỳ", "regular"),
            ("đột xuất", "extraordinary"),
            ("bất thường", "extraordinary"),
            ("thường kỳ", "regular"),
        )
        # In the order the sentence names them.
        kinds = list(
            dict.fromkeys(
                k for _, w, k in sorted((low.find(w), w, k) for w, k in words if w in low)
            )
        )
        if convener is None or not kinds or "ban chỉ đạo" not in low[low.find(verb) :]:
            self.add(
                "convening",
                {},
                unit,
                sentence,
                "guess:convenes-and-chairs: who or which meetings is not clear",
            )
            return
        for kind in kinds:
            self.add(
                "convening",
                {"body": "committee", "meeting": kind, "conveners": [convener], "chairs": True},
                unit,
                sentence,
                "pattern:convenes-and-chairs",
            )

    # -- the monitoring annex ----------------------------------------

    def monitoring(self) -> tuple[list[str], list[str]]:
        """TOML lines of one member post per annex row, and of [monitoring].

        Rows whose cells are not all read are commented out.
        """
        rows = [u for u in self.units if u.kind == "row" and u.document == "annex"]
        if not rows:
            return [], []
        basis = next(
            (
                (u, sentence)
                for u in self.leaves()
                for sentence in _sentences(u.text, heading=u.kind == "article")
                if "phụ lục" in sentence.lower()
            ),
            None,
        )
        posts: list[str] = []
        out = ["", "# how: pattern:monitoring-annex (one member post per row of the annex table)"]
        prefix = "" if basis else "# "
        if basis is None:
            out.append("# how: guess:monitoring-annex: no clause refers to the annex")
        out.append(prefix + "[monitoring]")
        out.append(prefix + "exclusive_localities = false  # true if each locality has one monitor")
        if basis is not None:
            self.basis = basis[0]
            out.append(
                f"basis = {_q(Candidate('monitoring', {}, basis[0], basis[1], '').citation())}"
            )
        for row in rows:
            cells = [c.strip() for c in row.text.replace("|", "\t").split("\t") if c.strip()]
            quote = normalize_for_match(row.text)
            targets = _targets(cells[2]) if len(cells) >= 3 else None
            member = cells[1] if len(cells) >= 3 else ""
            ok = (
                basis is not None
                and targets is not None
                and member.startswith(("Thành viên", "Ủy viên", "Uỷ viên"))
            )
            mark = "" if ok else "# "
            pid = f"member_row_{row.clause}"
            cite = {"document": "annex", "quote": quote}
            posts += ["", f"# how: {'pattern' if ok else 'guess'}:monitoring-annex"]
            posts += [
                mark + line
                for line in (
                    "[[posts]]",
                    f"id = {_q(pid)}",
                    'role = "member"',
                    f"title = {_q(member)}",
                    f"citation = {_q(cite)}",
                )
            ]
            out += [
                "",
                mark + "[[monitoring.assignments]]",
                mark + f"post = {_q(pid)}",
                mark + f"citation = {_q(cite)}",
                mark + f"targets = {_q(targets or [])}",
            ]
            self.monitored.append((row, pid, targets or [], ok))
        return posts, out

    # -- identity ----------------------------------------------------

    def identity(self) -> tuple[list[str], list[str]]:
        """TOML lines of [identity] and [committee], and what is missing."""
        missing: list[str] = []
        flat = normalize_for_match(self.text)
        found = next((f for line in self.text.split("\n") if (f := _locality(line))), None)
        name, unit_word, locality_name = found or ("", "", "")
        lines: list[str] = []
        level = dict(_UNITS).get(unit_word, "")
        locality = locality_name if level == "province" else f"{unit_word} {locality_name}".strip()
        title = ""
        for line in self.text.split("\n"):
            bare = normalize_for_match(line)
            at = bare.lower().find("quy chế hoạt động của ban chỉ đạo")
            if at != -1:
                title = bare[at:].rstrip(".;)")
                break
            if bare.lower().startswith("hoạt động của ban chỉ đạo"):
                title = "Quy chế " + bare.rstrip(".;)")
                break
        number, signed, signed_cite = self.signed(flat)
        lines += [
            "[identity]",
            f"title = {_q(title)}",
            f"decision_number = {_q(number)}",
            f"issuer = {_q(name)}",
        ]
        if signed:
            lines += [f"signed = {_q(signed)}", f"signed_citation = {_q(signed_cite)}"]
        else:
            missing.append(
                "the signing date: no 'ngày .. tháng .. năm ....' line was found; add "
                "signed and signed_citation"
            )
            lines += [
                '# signed = "YYYY-MM-DD"  # not found in the text',
                '# signed_citation = { document = "decision", quote = "..." }',
            ]
        if level:
            lines.append(
                f"level = {_q(level)}"
                + (
                    "  # 'thành phố' read as a district-level city: check"
                    if unit_word == "thành phố"
                    else ""
                )
            )
        else:
            missing.append("the level: the committee's name was not found")
            lines.append('# level = "province"  # not found')
        lines.append(f"locality = {_q(locality)}")
        lines += self.effective()
        lines += self.replaces()
        lines += ["", "[committee]", f"name = {_q(name)}"]
        return lines, missing

    def signed(self, flat: str) -> tuple[str, str, dict[str, object]]:
        dec = normalize_for_match(self.src.parts["decision"])
        number = ""
        m = re.search(r"Số:\s*(\d*)\s*/\s*([^\s,]+)", dec)
        if m and m.group(1):
            number = f"{m.group(1)}/{m.group(2)}"
        d = next(
            (
                m
                for line in self.src.parts["decision"].split("\n")
                if (
                    m := re.search(
                        r"[^\s,*]{1,30}(?: [^\s,*]{1,30}){0,3}, ngày\s*(\d{1,2})?"
                        r"\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})",
                        normalize_for_match(line),
                    )
                )
            ),
            None,
        )
        if d:
            y, mo, day = d.group(3), d.group(2), d.group(1)
            signed = (
                y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(day):02d}" if mo and day else "")
            )
            return number, signed, {"document": "decision", "part": "heading", "quote": d.group(0)}
        h = re.search(
            r"Ban hành kèm theo Quyết định số:?\s*(\d+)\s*/\s*([^\s]+)\s+ngày\s*(\d{1,2})\s*/\s*"
            r"(\d{1,2})\s*/\s*(\d{4})",
            flat,
        )
        if h:
            number = f"{h.group(1)}/{h.group(2)}"
            signed = f"{h.group(5)}-{int(h.group(4)):02d}-{int(h.group(3)):02d}"
            return number, signed, {"document": "regulation", "quote": h.group(0)}
        return number, "", {}

    def effective(self) -> list[str]:
        for n, art in self.src.articles_of("decision"):
            flat = normalize_for_match(art)
            m = re.search(r"Quyết định này có hiệu lực(?: thi hành)? (?:kể )?từ ngày ký", flat)
            if m:
                cite = {"document": "decision", "article": n, "quote": m.group(0)}
                return [f"effective = {_q({'kind': 'on_signing', 'citation': cite})}"]
        return ['effective = { kind = "not_specified" }  # no "có hiệu lực kể từ ngày ký" found']

    def replaces(self) -> list[str]:
        out: list[str] = []
        for n, art in self.src.articles_of("decision"):
            flat = normalize_for_match(art)
            for m in re.finditer(
                r"thay thế Quyết định số\s*(\d+)\s*/\s*([^\s,]+) ngày (\d{1,2})/(\d{1,2})/(\d{4})",
                flat,
            ):
                out += [
                    "",
                    "[[identity.replaces]]",
                    f"number = {_q(m.group(1) + '/' + m.group(2))}",
                    f"date = {_q(f'{m.group(5)}-{int(m.group(4)):02d}-{int(m.group(3)):02d}')}",
                    "citation = " + _q({"document": "decision", "article": n, "quote": m.group(0)}),
                ]
        return out

    # -- output ------------------------------------------------------

    def uncited(self) -> tuple[SourceUnit, ...]:
        """The regulation's clauses (points, clause-less articles) no candidate cites."""
        cited = {(c.unit.article, c.unit.clause) for c in self.candidates}
        cited |= {(u.article, None) for _, u, _ in self.posts.values()}
        if self.basis is not None:
            cited.add((self.basis.article, self.basis.clause))
        return tuple(
            u
            for u in self.leaves()
            if u.kind in {"clause", "article", "point"} and (u.article, u.clause) not in cited
        )

    def render(self, source_name: str, file_id: str, schema: str) -> Draft:
        self.find_posts()
        self.scan()
        ident, missing = self.identity()
        if "head" not in self.posts:
            missing.append("the head: no article is the Trưởng ban's; add a post with role 'head'")
        out = [
            f"#:schema {schema}" if schema else "# (no JSON Schema named)",
            "# Drafted by 'steering draft' from the text below. Every rule cites its clause;",
            "# rules marked '# how: guess' are commented out: read, fix and uncomment them.",
            "# What the drafter could not decide is left out (not specified): add it by hand.",
        ]
        out += [f"# MISSING: {m}" for m in missing]
        out += ["format = 1", f"id = {_q(file_id)}"]
        if source_name:
            out.append(f"source = {_q(source_name)}")
        out += [
            "# Readings you take, and 'Not encoded: <labels>: <why>' for clauses no rule",
            "# states (see 'steering coverage').",
            "notes = []",
        ]
        out += ["", *ident]
        if self.group is not None:
            gid, gname, gunit = self.group
            lead = "wg_lead" if "wg_lead" in self.posts else ""
            gcite = {"document": "regulation", "article": gunit.article, "quote": gname}
            out += [
                "",
                "[[working_groups]]",
                f"id = {_q(gid)}",
                f"name = {_q(gname)}",
                'kind = "working_group"',
                f"lead = {_q(lead)}",
                f"citation = {_q(gcite)}",
            ]
        for role, (title, unit, quote) in sorted(self.posts.items(), key=lambda kv: kv[1][1].line):
            cite: dict[str, object] = {"document": "regulation", "article": unit.article}
            if unit.kind in {"clause", "point"}:
                cite["clause"] = unit.clause
            if unit.kind == "point":
                cite["point"] = unit.point
            cite["quote"] = quote
            out += [
                "",
                "[[posts]]",
                f"id = {_q(role)}",
                f"role = {_q(role)}",
                f"title = {_q(title)}",
                f"citation = {_q(cite)}",
            ]
            if role == "wg_lead" and self.group is not None:
                out.append(f"group = {_q(self.group[0])}")
        annex_posts, annex_monitoring = self.monitoring()
        out += annex_posts
        ranks: dict[object, int] = {}
        for c in self.candidates:
            if c.kind == "substitutions" and c.decided:
                ranks[c.fields["principal"]] = ranks.get(c.fields["principal"], 0) + 1
                c.fields["rank"] = ranks[c.fields["principal"]]
            body = [f"[[{c.kind}]]"]
            body += [f"{k} = {_q(v)}" for k, v in c.fields.items()]
            body.append(f"citation = {_q(c.citation())}")
            prefix = "" if c.decided else "# "
            out += ["", f"# how: {c.how}"] + [prefix + line for line in body]
        out += annex_monitoring
        for row, pid, targets, ok in self.monitored:
            how = "pattern:monitoring-annex" if ok else "guess:monitoring-annex: a cell not read"
            fields: dict[str, object] = {"post": pid, "targets": targets}
            self.candidates.append(
                Candidate("monitoring", fields, row, normalize_for_match(row.text), how)
            )
        uncited = self.uncited()
        if uncited:
            out += ["", "# ---- clauses no candidate cites: read them ----"]
            for u in uncited:
                out.append(f"# {u.where()} (line {u.line}): {normalize_for_match(u.text)[:300]}")
        return Draft("\n".join(out) + "\n", tuple(self.candidates), uncited, tuple(missing))


def draft(
    text: str,
    *,
    source_name: str = "",
    file_id: str = "draft",
    schema: str = "./regulation.schema.json",
) -> Draft:
    """Draft a regulation file from a regulation's text.

    Args:
        text: The regulation's text (decision, regulation, annex), as Unicode.
        source_name: The text's file name, written as the draft's ``source``
            so that loading the draft checks every quote.
        file_id: The draft's ``id``.
        schema: Where the JSON Schema is, for the ``#:schema`` line that
            Taplo / Even Better TOML read to complete keys and flag errors
            (``steering draft -o`` writes ``regulation.schema.json`` beside
            the draft); ``""`` for none.

    """
    return _Drafter(text).render(source_name, file_id, schema)
