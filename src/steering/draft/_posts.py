"""The draft's posts, and how a phrase names them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from steering._text import fold, nfc
from steering.draft._candidates import (
    Candidate,
    _mentions,
    _sentences,
)
from steering.draft._catalogue import titles_for
from steering.sources import SourceText, SourceUnit, normalize_for_match


class _Posts:
    """The draft's posts, and how a phrase names them."""

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
        # The word the regulation calls its body by, from its title ("Quy chế hoạt động
        # của Ủy ban ...", "Hoạt động của Tiểu ban ..."), not from a "Căn cứ" line citing
        # another body's: the posts' titles follow it.
        self.body = "ban chỉ đạo"
        for said in re.finditer(
            r"(?:quy chế hoạt động của|^\W*hoạt động của) (ban chỉ đạo|ủy ban|uỷ ban|hội đồng|"
            r"tiểu ban)(?! nhân dân)",
            low,
            re.MULTILINE,
        ):
            if "căn cứ" not in low[max(low.rfind(";", 0, said.start()), 0) : said.start()]:
                self.body = said.group(1)
                break
        self.titles = titles_for(self.body)

    def mentions(self, text: str) -> list[tuple[int, str, str]]:
        """Post titles in ``text``, as this body titles them (see `_mentions`)."""
        return _mentions(text, self.titles)

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
            mentions = self.mentions(title)
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
            opening = self.mentions(first[0]) if first else []
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
            named = [m for m in self.mentions(normalize_for_match(u.text)) if m[1] == role]
            if named and accept(named[0][2]):
                self.add_post(role, u, named[0][2])
                return

    def body_of(self, subject: str) -> str | None:
        """The body a sentence's subject names: the committee or the working group."""
        if subject in {self.body, f"{self.body} có thể"}:
            return "committee"
        if self.group is not None and fold(subject).startswith(self.group[0].replace("_", " ")):
            return self.group[0]
        return None

    def group_article(self, title: str, u: SourceUnit) -> bool:
        """Whether an article is the working group's (or funds, or seals): no post of its own."""
        low = title.lower()
        group = next((w for w in ("tổ công tác", "tổ giúp việc") if w in low), None)
        if group and self.group is None and not self.mentions(title):
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
        note = self.reading(fields, quote)
        if note and how.startswith("pattern:"):
            fields = {**fields, "note": note}
        self.candidates.append(Candidate(kind, fields, unit, quote, how))

    def reading(self, fields: dict[str, object], quote: str) -> str:
        """The note a candidate carries when it rests on the `every-deputy` reading.

        The sentence names a bare "Phó Trưởng ban" and the candidate counts the standing
        deputy among them: not the text's own words, unless a definition in it says so
        ("... gọi chung là Phó Trưởng ban").
        """
        named: set[object] = set()
        for value in fields.values():
            if isinstance(value, list):
                named.update(value)
        defined = self.collective.get("deputy")
        if (
            {"deputy", "standing_deputy"} <= named
            and "thường trực" not in quote.lower()
            and (defined is None or defined[0] < 0)
        ):
            return (
                "Reading: 'Phó Trưởng ban' here is read as every deputy, the standing "
                "deputy too: no definition in the text sets them apart (the drafter's "
                "every-deputy reading; check it)."
            )
        return ""

    def propose(
        self,
        kind: str,
        fields: dict[str, object],
        unit: SourceUnit,
        quote: str,
        *,
        pattern: str,
        why: str | None,
    ) -> None:
        """A candidate found by ``pattern``: decided when ``why`` is ``None``, else a guess."""
        how = f"pattern:{pattern}" if why is None else f"guess:{pattern}: {why}"
        self.add(kind, fields, unit, quote, how)

    def all_posts(self, roles: list[str]) -> bool:
        """Whether ``roles`` names posts, each one the draft has, none read too narrowly."""
        return bool(roles) and all(self.post_id(r) for r in roles) and not self.ambiguous(roles)

    def roles_in(self, text: str, unit: SourceUnit) -> list[str]:
        """Roles a phrase names, in order, a collective term read as its definition says."""
        out: list[str] = []
        low = text.lower()
        for at, role, wording in self.mentions(text):
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
        if normalize_for_match(text).strip(" ,.;").lower() == self.body:
            return ["committee"], True
        named = self.roles_in(text, unit)
        rest = re.sub("|".join(re.escape(m[2]) for m in self.mentions(text)) or "$^", " ", text)
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
        opening = self.mentions(text)
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
        if short != -1 and [m[1] for m in self.mentions(sentence[:short])][:1] == ["deputy"]:
            self.collective["deputy"] = (unit.line, [])  # "các Phó Trưởng ban (gọi tắt là ...)"
            return
        at = low.find("gọi chung là ")
        if at == -1:
            return
        before = [m[1] for m in self.mentions(sentence[:at])]
        after = self.mentions(sentence[at:])
        if before and after:
            self.collective[after[0][1]] = (unit.line, [r for r in before if r != after[0][1]])

    def unit_subject(self, unit: SourceUnit) -> str | None:
        """The post a clause opens with ('Các Ủy viên Ban Chỉ đạo báo cáo ...'), if any."""
        first = _sentences(unit.text, heading=unit.kind == "article")[:1]
        if not first:
            return None
        text = re.sub(r"^(?:Các|Những) ", "", first[0])
        opening = self.mentions(text)
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

    def post_id(self, role: str) -> str | None:
        return role if role in self.posts else None
