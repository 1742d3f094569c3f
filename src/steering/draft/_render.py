"""The draft as a file.

The scan of every clause, the identity, the monitoring annex, and the TOML text.
"""

from __future__ import annotations

import re

from steering.draft._authority import _Authority
from steering.draft._candidates import (
    Candidate,
    Draft,
    _locality,
    _q,
    _sentences,
    _targets,
)
from steering.draft._catalogue import (
    _UNITS,
)
from steering.sources import SourceUnit, normalize_for_match


class _Render(_Authority):
    """The draft as a file: the scan of every clause, identity, the monitoring annex, and."""

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

    def title(self) -> str:
        """The regulation's title: "Quy chế hoạt động của <body> ...", as the text writes it."""
        for line in self.text.split("\n"):
            bare = normalize_for_match(line)
            at = bare.lower().find(f"quy chế hoạt động của {self.body}")
            if at != -1:
                return bare[at:].rstrip(".;)")
            if bare.lower().startswith(f"hoạt động của {self.body}"):
                return "Quy chế " + bare.rstrip(".;)")
        return ""

    def whose(self, title: str) -> tuple[str, str, str, str, str]:
        """The body's name, kind, level, locality and unit word.

        A Ban Chỉ đạo by the first line that names it with its place; an Ủy ban, Hội đồng
        or Tiểu ban by its regulation's title (a "Ban Chỉ đạo ..." line there names the
        committee it belongs to), the level by the place its name ends with, or national
        for an "Ủy ban Quốc gia".
        """
        found = next((f for line in self.text.split("\n") if (f := _locality(line))), None)
        name, unit_word, place_name = found or ("", "", "")
        kind = ""
        if self.body != "ban chỉ đạo" and title:
            name = title.removeprefix("Quy chế ").removeprefix("hoạt động của ")
            name = name.removeprefix("Hoạt động của ")
            kinds = {"ủy ban": "uy_ban", "uỷ ban": "uy_ban", "hội đồng": "hoi_dong"}
            kind = kinds.get(self.body, "")
            if "quốc gia" in name.lower():
                return name, kind, "national", "", ""
            place = re.search(
                r"\s(tỉnh|thành phố|thị xã|huyện|quận|thị trấn|phường|xã)\s+"
                r"((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\s,;.()]*\s?){1,4})$",
                name,
            )
            if place is not None and not found:
                unit_word, place_name = place.group(1), place.group(2).strip()
        level = dict(_UNITS).get(unit_word, "")
        locality = place_name if level == "province" else f"{unit_word} {place_name}".strip()
        return name, kind, level, locality, unit_word

    def identity(self) -> tuple[list[str], list[str]]:
        """TOML lines of [identity] and [committee], and what is missing."""
        missing: list[str] = []
        title = self.title()
        name, kind, level, locality, unit_word = self.whose(title)
        number, signed, signed_cite = self.signed(normalize_for_match(self.text))
        lines = [
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
            check = "  # 'thành phố' read as a district-level city: check"
            lines.append(f"level = {_q(level)}" + (check if unit_word == "thành phố" else ""))
        else:
            missing.append("the level: the committee's name was not found")
            lines.append('# level = "province"  # not found')
        lines.append(f"locality = {_q(locality)}")
        lines += self.effective()
        lines += self.replaces()
        lines += ["", "[committee]", f"name = {_q(name)}"]
        if kind:
            lines.append(f"kind = {_q(kind)}")
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
