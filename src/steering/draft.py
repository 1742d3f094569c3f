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
from collections.abc import Callable, Iterator

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
        "acts-when-absent",
        "substitutions",
        tuple(
            f"(<B>) {b} <A> điều hành / lãnh đạo / giải quyết ... khi <A> {a}"
            for b in ("thay mặt",)
            for a in ("vắng mặt", "đi công tác")
        ),
        "the other word order, in <B>'s article (or with <B> named first): the post acted "
        "for, named twice, is the principal",
        "Thay mặt Trưởng ban điều hành hoạt động của Ban Chỉ đạo khi Trưởng ban vắng mặt.",
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
        "post-named",
        "",
        (
            "Điều N. (Nhiệm vụ của) <A>",
            "Điều N. Nhiệm vụ và quyền hạn <A>, <B> (duties the posts share)",
            "<A> là <person>",
            "<A> đồng thời là <B>",
            "a clause of <A>'s article opening with <B>",
            "Cơ quan thường trực ..., thành viên của Tổ ..., tổ viên (anywhere)",
        ),
        "the posts the draft has: one per role, cited where the text first names it; an "
        "article whose title names several posts sets out duties all of them share",
        "1. Trưởng Ban là Bí thư Tỉnh ủy.",
    ),
    Pattern(
        "every-deputy",
        "",
        (
            "các Phó Trưởng ban",
            "các Phó Trưởng ban khác",
            "Điều N. Phó Trưởng ban (its clause: Phó Trưởng ban Thường trực ...)",
        ),
        "where no definition says otherwise, 'các Phó Trưởng ban' is every deputy, the "
        "standing one too, and so is the bare title in a text whose deputies' article "
        "also sets out the standing deputy's duties; 'các Phó Trưởng ban khác' is the others",
        "Thực hiện các nhiệm vụ khác do Trưởng ban, các Phó Trưởng ban giao.",
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
        "hears-reports",
        "reports",
        (
            "<A> (định kỳ hoặc đột xuất) làm việc với <B> để nghe báo cáo (tình hình)",
            "... để nghe báo cáo tình hình và chỉ đạo việc thực hiện ...",
        ),
        "<B> (posts, the working group) report to <A> (posts, or Ban Chỉ đạo); with 'và "
        "chỉ đạo', <A> also directs <B> (a direction); periodic and ad hoc as the sentence says",
        "Trưởng ban, Phó Trưởng ban định kỳ hoặc đột xuất làm việc với Ủy viên Ban Chỉ đạo, "
        "Tổ công tác để nghe báo cáo tình hình và chỉ đạo việc thực hiện chương trình.",
    ),
    Pattern(
        "submits-to",
        "reports",
        (
            "(xây dựng,) trình <posts> ban hành / xem xét / phê duyệt / quyết định",
            "(có trách nhiệm) xây dựng báo cáo hàng quý, 06 tháng và báo cáo năm ... trình <posts>",
            "tham mưu, trình Ban Chỉ đạo và đồng chí <post> ...",
        ),
        "a submission is a report: the submitter is the post or group whose article it is, or "
        "the one the sentence opens with; recipients are the posts after 'trình'; the "
        "cadences of a report named before 'trình' ('báo cáo 06 tháng', 'báo cáo năm')",
        "Xây dựng, trình Trưởng ban ban hành chương trình, kế hoạch công tác hằng năm.",
    ),
    Pattern(
        "directs",
        "directions",
        (
            "<A> có trách nhiệm (tổ chức,) chỉ đạo <B> thực hiện ...",
            "chỉ đạo hoạt động (của) <working group> (a post's article)",
        ),
        "<A> direct <B>: posts, the standing agency, the working group, all named",
        "Trưởng ban, Phó Trưởng ban có trách nhiệm tổ chức, chỉ đạo các Ủy viên Ban Chỉ đạo, "
        "Cơ quan thường trực, Tổ công tác thực hiện Quy chế này.",
    ),
    Pattern(
        "lead-assigns",
        "directions",
        (
            "Tổ trưởng ... được (quyền) trưng tập / triệu tập các thành viên của Tổ ...",
            "... các nhóm công tác do Tổ trưởng ... quyết định và phân công nhiệm vụ",
            "Tổ trưởng phân công nhiệm vụ cho các tổ viên / thành viên",
        ),
        "the working group's lead directs its members (a 'Thành viên Tổ ...' post, drafted "
        "where the text names them)",
        "Tổ trưởng Tổ công tác được trưng tập các thành viên của Tổ công tác.",
    ),
    Pattern(
        "chair-decides-attendance",
        "compositions",
        ("thành phần tham dự (cuộc họp) do người chủ trì (cuộc họp) quyết định",),
        "the chair decides who attends the meetings of the body the article is about (a guess "
        "where its title names both the Ban Chỉ đạo and the working group)",
        "Thành phần tham dự cuộc họp do người chủ trì cuộc họp quyết định.",
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
        (
            "<posts> (được) sử dụng con dấu của <agency>",
            "<posts> sử dụng con dấu của cơ quan mình / cơ quan đang công tác",
            "<post> là <person> sử dụng con dấu của <agency>",
            "Ban Chỉ đạo sử dụng con dấu của <agency> khi <post> ký",
        ),
        "the posts (named before, or the signer after 'khi') and the agency (named after, up "
        "to the punctuation)",
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
    ("thành viên của tổ giúp việc", "wg_member"),
    ("thành viên của tổ công tác", "wg_member"),
    ("thành viên tổ giúp việc", "wg_member"),
    ("thành viên tổ công tác", "wg_member"),
    ("tổ viên", "wg_member"),
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
        # Articles whose title names several posts that share its duties ("Điều 7. Nhiệm vụ
        # và quyền hạn Thành viên thường trực, Tổ trưởng Tổ Giúp việc").
        self.article_roles: dict[int, list[str]] = {}
        self.collective: dict[str, tuple[int, list[str]]] = {}  # role -> (line, roles it covers)
        self.group: tuple[str, str, SourceUnit] | None = None  # (id, name, unit)
        self.monitored: list[tuple[SourceUnit, str, list[dict[str, str]], bool]] = []
        self.basis: SourceUnit | None = None
        low = self.text.lower()
        self.standing_members = "ủy viên thường trực" in low or "thành viên thường trực" in low

    # -- posts -------------------------------------------------------

    def find_posts(self) -> None:
        """The posts the text names, and which article sets out whose duties."""
        self.posts_from_titles()
        self.posts_from_openings()
        # An article titled with the bare deputy title that also sets out the standing
        # deputy's duties ("Điều 4. Phó Trưởng Ban Chỉ đạo", its clause 1 "Phó Trưởng Ban
        # Thường trực ..."): the text uses the title for every deputy, as a definition
        # "gọi chung là Phó Trưởng Ban" would.
        deputies = [a for a, r in self.article_role.items() if r == "deputy"]
        standing = self.posts.get("standing_deputy")
        if deputies and standing is not None and standing[1].article in deputies:
            self.collective.setdefault("deputy", (-1, ["standing_deputy"]))
        # The standing agency ("Cơ quan Thường trực của Ban Chỉ đạo"): the genre has one,
        # and no other body goes by that name.
        self.post_named_anywhere("standing_agency")
        if self.group is not None:
            self.post_named_anywhere("wg_lead", lambda w: "tổ trưởng" in w.lower())
            # Its members, where the text names them ("các thành viên của Tổ công tác",
            # "các tổ viên"): the post that the lead's directions go to.
            self.post_named_anywhere("wg_member")

    def add_post(self, role: str, unit: SourceUnit, wording: str) -> None:
        """A post, titled as the text writes it, cited to the unit that names it."""
        if role in self.posts:
            return
        title = wording[0].upper() + wording[1:]
        if role == "wg_member":
            group = re.sub(r"(?i)^thành viên (?:của )?", "", wording)
            title = "Tổ viên" if group.lower() == "tổ viên" else f"Thành viên {group}"
        self.posts[role] = (title, unit, wording)

    def posts_from_titles(self) -> None:
        """Articles titled with a post ("Điều 3. Trưởng Ban Chỉ đạo"), or several."""
        for u in self.units:
            if u.kind != "article" or u.document != "regulation" or u.article is None:
                continue
            head = normalize_for_match(u.text.split("\n", 1)[0])
            self.define(u, head, head.lower())
            title = re.sub(r"^Điều\s+\d+\s*\.\s*", "", head)
            mentions = _mentions(title)
            roles = list(dict.fromkeys(r for _, r, _ in mentions))
            if len(roles) < 2 and self.group_article(title, u):
                continue
            # "Nhiệm vụ của Trưởng ban" is the post's; "Thành viên thường trực, Tổ trưởng
            # Tổ Giúp việc" is the duties the two posts share.
            if len(roles) > 1:
                self.article_roles[u.article] = roles
            elif roles:
                self.article_role[u.article] = roles[0]
            for _, role, wording in mentions:
                self.add_post(role, u, wording)

    def posts_from_openings(self) -> None:
        """Clauses that open with a post's title.

        In a post's article, the clause names that post (Điều 4 khoản 1 "Phó Trưởng ban
        Thường trực giúp Trưởng ban ..."). Anywhere, "<title> là <person>" names a post
        ("1. Trưởng Ban là Bí thư Tỉnh ủy."): the composition of texts that give no post
        an article of its own.
        """
        has_clause = {u.article for u in self.units if u.kind == "clause"}
        for u in self.units:
            if u.document != "regulation" or u.kind not in {"article", "clause", "point"}:
                continue
            if u.kind == "article" and u.article in has_clause:
                continue  # its clauses are read one by one
            first = _sentences(u.text, heading=u.kind == "article")[:1]
            opening = _mentions(first[0]) if first else []
            if not opening or opening[0][0] != 0:
                continue
            _, role, wording = opening[0]
            own_article = u.kind == "clause" and u.article in self.article_role
            names = re.match(r"\s+(?:đồng thời )?là\s", first[0][len(wording) :])
            if own_article or (names and role not in {"wg_lead", "wg_member"}):
                self.add_post(role, u, wording)

    def post_named_anywhere(self, role: str, accept: Callable[[str], bool] = bool) -> None:
        """The first unit of the regulation that names a role's title, as its post."""
        for u in self.leaves():
            named = [m for m in _mentions(normalize_for_match(u.text)) if m[1] == role]
            if named and accept(named[0][2]):
                self.add_post(role, u, named[0][2])
                return

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
                heard = self.hearing(unit, sentence, low)
                submitted = self.submits(unit, sentence, low)
                if not (heard or submitted):
                    self.report(unit, sentence, low)
                self.direction(unit, sentence, low)
                self.orders(unit, sentence, low)
                self.leads_group(unit, sentence, low)
                self.composition(unit, sentence, low)

    def roles_in(self, text: str, unit: SourceUnit) -> list[str]:
        """Roles a phrase names, in order, a collective term read as its definition says."""
        out: list[str] = []
        low = text.lower()
        for at, role, wording in _mentions(text):
            group = self.collective.get(role)
            if low[at + len(wording) :].startswith(" khác"):
                pass  # "các Phó Trưởng Ban khác": the others, whatever a definition says
            elif group is not None and unit.line > group[0]:
                out += group[1]
            elif (
                role == "deputy"
                and group is None
                and "standing_deputy" in self.posts
                and low[:at].endswith("các ")
            ):
                # "các Phó Trưởng ban": every deputy, the standing one too (Vũng Tàu 2024
                # Điều 6 khoản 5, where no definition sets the standing deputy apart).
                out.append("standing_deputy")
            out.append(role)
        return list(dict.fromkeys(out))

    def ambiguous(self, roles: list[str], text: str = "") -> bool:
        """Whether the roles read may be too narrow.

        A bare 'Phó Trưởng ban' beside a standing deputy that no definition sets
        apart (not 'các Phó Trưởng ban khác', the others), or 'Ủy viên' / 'thành viên'
        in a text that also has standing members.
        """
        deputy = (
            "deputy" in roles
            and "standing_deputy" in self.posts
            and "standing_deputy" not in roles
            and not re.search(r"phó trưởng ban khác", text.lower())
        )
        member = "member" in roles and self.standing_members
        return (deputy and "deputy" not in self.collective) or member

    def parties(self, text: str, unit: SourceUnit) -> tuple[list[str], bool]:
        """The posts, the working group and the committee a phrase names, in order.

        The second value says whether the phrase names only them (nothing left over but
        'và', 'hoặc', 'các', 'đồng chí' and punctuation), every one a post of the draft,
        none read too narrowly: only then is a rule built from it decided.
        """
        if normalize_for_match(text).strip(" ,.;").lower() == "ban chỉ đạo":
            return ["committee"], True
        named = self.roles_in(text, unit)
        rest = re.sub("|".join(re.escape(m[2]) for m in _mentions(text)) or "$^", " ", text)
        if self.group is not None:
            words = r"tổ giúp việc|tổ công tác"
            if re.search(words, rest, re.IGNORECASE):
                named.append(self.group[0])
                rest = re.sub(words, " ", rest, flags=re.IGNORECASE)
        rest = re.sub(
            r"\b(?:và|hoặc|các|khác|đồng chí|Ban Chỉ đạo|Chỉ đạo)\b", " ", rest, flags=re.IGNORECASE
        )
        group = self.group[0] if self.group is not None else None
        clean = (
            bool(named)
            and not rest.strip(" ,-–")
            and all(r == group or self.post_id(r) for r in named)
            and not self.ambiguous(named, text)
        )
        return named, clean

    def opener(self, sentence: str) -> str | None:
        """The post or working group a sentence opens with ('Các Ủy viên ... báo cáo')."""
        text = re.sub(r"^(?:Các|Những) ", "", sentence)
        if self.group is not None and re.match(r"(?i)tổ giúp việc|tổ công tác", text):
            return self.group[0]
        opening = _mentions(text)
        if opening and opening[0][0] == 0 and not self.ambiguous([opening[0][1]]):
            return self.post_id(opening[0][1])
        return None

    def owners(self, unit: SourceUnit) -> list[str]:
        """Whose duties a unit sets out.

        The article's post (or posts), the post its clause opens with, or the working
        group whose article it is.
        """
        if unit.article is None:
            return []
        if unit.article in self.article_role:
            return [self.article_role[unit.article]]
        if unit.article in self.article_roles:
            roles = self.article_roles[unit.article]
            return roles if all(self.post_id(r) for r in roles) else []
        subject = self.unit_subject(unit)
        if subject:
            return [subject]
        if self.group is not None and self.group[2].article == unit.article:
            return [self.group[0]]
        return []

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
        # "Tổ giúp việc báo cáo Trưởng Ban ...": the sentence's own subject comes first.
        opener = self.opener(sentence) if self.opener(sentence[:at]) else None
        reporters = [opener] if opener else self.owners(unit)
        tail = re.split(
            r" về | xem xét| quyết định| để | theo | tình hình| kết quả| định kỳ| (?:hằng|hàng) "
            r"|, trước ngày|[.;:(]",
            sentence[at + 8 :],
        )[0]
        recipients = self.roles_in(tail, unit)
        if not recipients and tail.strip().lower() == "ban chỉ đạo":
            recipients = ["committee"]
        rest = re.sub("|".join(re.escape(m[2]) for m in _mentions(tail)) or "$^", "", tail)
        rest = re.sub(r"\b(?:và|các|Ban Chỉ đạo|Chỉ đạo)\b", "", rest, flags=re.IGNORECASE)
        cadences = [c for w, c in _CADENCES if w in low]
        fields: dict[str, object] = {
            "id": self.report_id(unit),
            "reporters": reporters or [""],
            "recipients": recipients,
        }
        if cadences or "định kỳ" in low:
            fields["periodic"] = True
        if cadences:
            fields["cadences"] = list(dict.fromkeys(cadences))
        if "kịp thời" in low or "đột xuất" in low:
            fields["ad_hoc"] = True
        if (
            reporters
            and recipients
            and not rest.strip(" ,-–")
            and all(r == "committee" or self.post_id(r) for r in recipients)
            and not set(reporters) & set(recipients)
            and not self.ambiguous(recipients)
        ):
            self.add("reports", fields, unit, sentence, "pattern:reports-to")
        else:
            why = "whose report is not clear" if not reporters else f"reports to {tail[:40]!r}"
            self.add("reports", fields, unit, sentence, f"guess:reports-to: {why}")

    def hearing(self, unit: SourceUnit, sentence: str, low: str) -> bool:
        """'<A> (định kỳ hoặc đột xuất) làm việc với <B> để nghe báo cáo ... và chỉ đạo ...'.

        <B> reports to <A>; with 'và chỉ đạo', <A> directs <B>.
        """
        m = re.search(r" làm việc với (.+?) để nghe báo cáo", sentence, re.IGNORECASE)
        if m is None:
            return False
        cut = re.search(r" (?:định kỳ|thường xuyên|hoặc|có trách nhiệm)\b", sentence[: m.start()])
        hosts, hosts_clean = self.parties(sentence[: cut.start() if cut else m.start()], unit)
        guests, guests_clean = self.parties(m.group(1), unit)
        clean = hosts_clean and guests_clean and not set(hosts) & set(guests)
        before = low[: m.start()]
        fields: dict[str, object] = {
            "id": self.report_id(unit),
            "reporters": guests,
            "recipients": hosts,
        }
        if "định kỳ" in before:
            fields["periodic"] = True
        if "đột xuất" in before:
            fields["ad_hoc"] = True
        how = "pattern:hears-reports" if clean else "guess:hears-reports: who is not clear"
        self.add("reports", fields, unit, sentence, how)
        if re.match(r"[^.;]{0,40}? và chỉ đạo", low[m.end() :]):
            how = "pattern:hears-reports" if clean else "guess:hears-reports: who is not clear"
            self.add("directions", {"subjects": hosts, "objects": guests}, unit, sentence, how)
        return True

    def submits(self, unit: SourceUnit, sentence: str, low: str) -> bool:
        """'(Xây dựng,) trình <posts> ban hành / xem xét / phê duyệt ...'.

        Also 'có trách nhiệm xây dựng báo cáo 06 tháng và báo cáo năm ... trước khi
        trình <posts>', the report's cadences read from it. The submitter is the post or
        working group whose article it is, or the one the sentence opens with.
        """
        m = re.search(
            r"(?<!\w)(?<!quá )trình (.+?)(?= ban hành| xem xét| phê duyệt| quyết định|[.;]|$)",
            sentence,
            re.IGNORECASE,
        )
        if m is None or unit.article is None:
            return False
        recipients, clean = self.parties(m.group(1), unit)
        if not recipients:
            return False
        opener = self.opener(sentence)
        reporters = [opener] if opener else self.owners(unit)
        fields: dict[str, object] = {
            "id": self.report_id(unit),
            "reporters": reporters or [""],
            "recipients": recipients,
        }
        # The report's cadences, where the sentence names a report before 'trình'
        # ("xây dựng báo cáo hàng quý, 06 tháng và báo cáo năm").
        built = low[: m.start()]
        if "báo cáo" in built:
            said = built[built.find("báo cáo") :]
            cadences = [
                c
                for w, c in (
                    (r"(?:hằng|hàng) tháng", "monthly"),
                    (r"(?:hằng|hàng|mỗi) quý", "quarterly"),
                    (r"\b0?6 tháng|sáu tháng", "half_yearly"),
                    (r"báo cáo năm|(?:hằng|hàng) năm", "yearly"),
                )
                if re.search(w, said)
            ]
            if cadences:
                fields["periodic"] = True
                fields["cadences"] = cadences
        if reporters and clean and not set(reporters) & set(recipients):
            self.add("reports", fields, unit, sentence, "pattern:submits-to")
        else:
            why = "whose submission is not clear" if not reporters else "to whom is not clear"
            self.add("reports", fields, unit, sentence, f"guess:submits-to: {why}")
        return True

    def orders(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'<A> có trách nhiệm (tổ chức,) chỉ đạo <B> thực hiện ...'.

        And, in a post's article, 'Chỉ đạo hoạt động (của) <the working group>'.
        """
        m = re.search(r" có trách nhiệm (?:tổ chức, )?chỉ đạo (.+?) thực hiện", sentence)
        if m is not None:
            subjects, s_clean = self.parties(sentence[: m.start()], unit)
            objects, o_clean = self.parties(m.group(1), unit)
            fields: dict[str, object] = {"subjects": subjects, "objects": objects}
            if s_clean and o_clean and not set(subjects) & set(objects):
                self.add("directions", fields, unit, sentence, "pattern:directs")
            else:
                self.add("directions", fields, unit, sentence, "guess:directs: who is not clear")
            return
        post = self.article_role.get(unit.article) if unit.article is not None else None
        if (
            post
            and self.group is not None
            and re.fullmatch(r"chỉ đạo hoạt động (?:của )?(?:tổ giúp việc|tổ công tác)[.;]?", low)
        ):
            fields = {"subjects": [post], "objects": [self.group[0]]}
            self.add("directions", fields, unit, sentence, "pattern:directs")

    def leads_group(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """The working group's lead over its members.

        'Tổ trưởng ... được (quyền) trưng tập / triệu tập các thành viên của Tổ', '...
        do Tổ trưởng quyết định và phân công nhiệm vụ', 'Tổ trưởng phân công nhiệm vụ
        cho các tổ viên'.
        """
        if self.group is None:
            return
        forms = (
            r"tổ trưởng[^.;]{0,30}? được (?:quyền )?(?:trưng|trung|triệu) tập "
            r"(?:các )?(?:thành viên|tổ viên)",
            r"do tổ trưởng[^.;]{0,30}? quyết định và phân công nhiệm vụ",
            r"tổ trưởng[^.;]{0,30}? phân công nhiệm vụ cho (?:các )?(?:thành viên|tổ viên)",
        )
        if not any(re.search(f, low) for f in forms):
            return
        fields: dict[str, object] = {"subjects": ["wg_lead"], "objects": ["wg_member"]}
        if self.post_id("wg_lead") and self.post_id("wg_member"):
            self.add("directions", fields, unit, sentence, "pattern:lead-assigns")
        else:
            self.add("directions", fields, unit, sentence, "guess:lead-assigns: the group's posts")

    def composition(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'Thành phần tham dự (cuộc họp) do người chủ trì (cuộc họp) quyết định'."""
        if not re.match(
            r"thành phần (?:tham dự|tham gia|dự họp)(?: các| cuộc| phiên)?(?: họp)? do người "
            r"chủ trì(?: cuộc họp| phiên họp)? quyết định",
            low,
        ):
            return
        title = next(
            (
                u.text.split("\n", 1)[0].lower()
                for u in self.units
                if u.kind == "article" and u.document == unit.document and u.article == unit.article
            ),
            "",
        )
        group = re.search(r"tổ giúp việc|tổ công tác", title)
        committee = "ban chỉ đạo" in title
        if group and not committee and self.group is not None:
            body = self.group[0]
        elif group or not (committee or "cuộc họp" in title):
            # "Điều 9. Các cuộc họp của Ban Chỉ đạo và Tổ giúp việc": which body's meetings.
            self.add(
                "compositions",
                {"body": "committee", "decided_by": "chair"},
                unit,
                sentence,
                "guess:chair-decides-attendance: whose meetings the clause is about",
            )
            return
        else:
            body = "committee"
        fields: dict[str, object] = {"body": body, "decided_by": "chair"}
        self.add("compositions", fields, unit, sentence, "pattern:chair-decides-attendance")

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
        end = re.search(
            r" giao\b| phân công\b|[.;:(]| về | trong | để | và (?!(?:các )?(?:phó |trưởng |ủy viên"
            r"|uỷ viên|thành viên|tổ trưởng|cơ quan))",
            tail,
            re.IGNORECASE,
        )
        tail = tail[: end.start()] if end else tail
        subjects = self.roles_in(tail, unit)
        if not subjects:  # "nhiệm vụ được giao": nobody named, nothing to propose
            return
        rest = re.sub("|".join(re.escape(x[2]) for x in _mentions(tail)) or "$^", "", tail)
        rest = re.sub(r"\b(?:và|hoặc|các|Ban Chỉ đạo|Chỉ đạo)\b", "", rest, flags=re.IGNORECASE)
        opener = self.opener(sentence)
        objects = [opener] if opener else self.owners(unit)
        # "tạo điều kiện cho những cán bộ này hoàn thành nhiệm vụ được ... giao": the task
        # is the staff's, not the article's post's.
        if re.search(
            r"(?:cho|để) (?:những |các )?(?:cán bộ|chuyên gia|công chức)", low[: m.start()]
        ):
            objects = []
        fields: dict[str, object] = {"subjects": subjects, "objects": objects or [""]}
        if (
            objects
            and subjects
            and not rest.strip(" ,-–")
            and all(self.post_id(r) for r in subjects)
            and not set(objects) & set(subjects)
            and not self.ambiguous(subjects)
        ):
            self.add("directions", fields, unit, sentence, "pattern:tasked-by")
        else:
            why = "whose task is not clear" if not objects else f"tasked by {tail[:40]!r}"
            self.add("directions", fields, unit, sentence, f"guess:tasked-by: {why}")

    def post_id(self, role: str) -> str | None:
        return role if role in self.posts else None

    def substitution(self, unit: SourceUnit, sentence: str, low: str) -> None:
        absent = next((a for a in _ABSENT if a in low), None)
        act = next((a for a in _ACT if a in low), None)
        if absent is None or act is None:
            return
        if low.find(absent) > low.find(act):
            self.acts_when_absent(unit, sentence)
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
        # "Khi Trưởng ban, Phó Trưởng ban Thường trực vắng mặt, Phó Trưởng ban thay mặt
        # Trưởng ban, Phó Trưởng ban Thường trực ...": the substitute acts for each of them.
        act_at = low.find(act)
        acted_for = re.split(r" (?:điều hành|lãnh đạo|chỉ đạo|giải quyết|ký)\b", sentence[act_at:])[
            0
        ]
        named = {m[1] for m in _mentions(acted_for)}
        absent_roles = {m[1] for m in before}
        if len(named) > 1 and named == absent_roles and all(self.post_id(r) for r in named):
            for other in dict.fromkeys(m[1] for m in before[1:]):
                if other in {principal, substitute}:
                    continue
                rest = [r for r in dict.fromkeys(m[1] for m in before) if r != other]
                more: dict[str, object] = {
                    "principal": other,
                    "substitutes": [substitute],
                    "rank": 1,
                    "also_absent": rest,
                }
                self.add("substitutions", more, unit, sentence, "pattern:absent-acts")

    def acts_when_absent(self, unit: SourceUnit, sentence: str) -> None:
        """'(<B>) thay mặt <A> điều hành ... khi <A> vắng mặt', in <B>'s article."""
        m = re.match(
            r"(.*?)thay mặt (.+?) (?:điều hành|lãnh đạo|chỉ đạo|giải quyết)[^;]*? khi (.+?) "
            r"(?:vắng mặt|đi công tác)",
            sentence,
            re.IGNORECASE,
        )
        if m is None or unit.article is None:
            return
        acted_for = [r for _, r, _ in _mentions(m.group(2))]
        absent = [r for _, r, _ in _mentions(m.group(3))]
        lead = _mentions(m.group(1))
        substitute = lead[0][1] if lead else self.article_role.get(unit.article)
        if len(acted_for) != 1 or absent != acted_for or substitute is None:
            return
        fields: dict[str, object] = {
            "principal": acted_for[0],
            "substitutes": [substitute],
            "rank": 1,
        }
        if (
            self.post_id(acted_for[0])
            and self.post_id(substitute)
            and substitute != acted_for[0]
            and not self.ambiguous([substitute])
        ):
            self.add("substitutions", fields, unit, sentence, "pattern:acts-when-absent")
        else:
            self.add("substitutions", fields, unit, sentence, "guess:acts-when-absent: whose post")

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
        # "Ban Chỉ đạo sử dụng con dấu của Tỉnh ủy khi Trưởng Ban ký": the signer's seal.
        signer = re.match(r"[^.;]*? khi (.+?) ký\b", sentence[at + len(_AGENCY_SEAL) :])
        if low.startswith("ban chỉ đạo ") and signer:
            roles, clean = self.parties(signer.group(1), unit)
        else:
            who = re.sub(r"(?i)^trong quá trình làm việc, ", "", sentence[:at])
            who = re.sub(r"\s+được(?: quyền)?(?: ký và)?\s*$", "", who)
            roles, clean = self.parties(who, unit)
            # "Trưởng ban là Chủ tịch UBND tỉnh", "Giám đốc Sở ... là Phó Trưởng ban": the
            # post is the side of 'là' that is a title.
            for side in who.split(" là ", 1) if not clean and " là " in who else ():
                if self.parties(side, unit)[1]:
                    roles, clean = self.parties(side, unit)
        own = re.fullmatch(
            r"(?:cơ quan|đơn vị|cơ quan, đơn vị)(?: nơi)? (?:mình|mình công tác|đang công tác)",
            agency,
        )
        seal: dict[str, object] = (
            {"kind": "own_agency"} if own else {"kind": "agency", "agency": agency}
        )
        fields: dict[str, object] = {"seal": seal}
        if clean and agency and "committee" not in roles:
            fields = {"posts": roles, **fields}
            self.add("seals", fields, unit, sentence, "pattern:agency-seal")
        else:
            self.add("seals", fields, unit, sentence, "guess:agency-seal: which post is not clear")

    def accountability(self, unit: SourceUnit, sentence: str, low: str) -> None:
        at = low.find(_ANSWER[0])
        if at == -1 or unit.article is None:
            return
        # "Tổ trưởng Tổ giúp việc chịu trách nhiệm trước ...": the sentence names its subject.
        named, clean = self.parties(re.sub(r"^(?:Các|Những) ", "", sentence[:at]), unit)
        own = named[0] if clean and len(named) == 1 and named[0] != "committee" else None
        subject = own or self.article_role.get(unit.article) or self.unit_subject(unit)
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
        cited |= {
            (u.article, u.clause if u.kind in {"clause", "point"} else None)
            for _, u, _ in self.posts.values()
        }
        if self.basis is not None:
            cited.add((self.basis.article, self.basis.clause))
        return tuple(
            u
            for u in self.leaves()
            if u.kind in {"clause", "article", "point"} and (u.article, u.clause) not in cited
        )

    def post_lines(self, role: str, title: str, unit: SourceUnit, quote: str) -> list[str]:
        """A ``[[posts]]`` table: one post per role, cited where the text names it."""
        cite: dict[str, object] = {"document": "regulation", "article": unit.article}
        if unit.kind in {"clause", "point"}:
            cite["clause"] = unit.clause
        if unit.kind == "point":
            cite["point"] = unit.point
        cite["quote"] = quote
        out = [
            "",
            "[[posts]]",
            f"id = {_q(role)}",
            f"role = {_q(role)}",
            f"title = {_q(title)}",
            f"citation = {_q(cite)}",
        ]
        if role in {"wg_lead", "wg_member"} and self.group is not None:
            out.append(f"group = {_q(self.group[0])}")
        if role == "wg_member":
            out.append("plural = true")
        return out

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
            out += self.post_lines(role, title, unit, quote)
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
