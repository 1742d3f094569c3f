"""Facts about the regulation, its posts and who acts, answers, directs, seals and signs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from steering._text import fold, vi_date
from steering.compare._model import (
    Aspect,
)
from steering.compare._reader import (
    _ReaderCore,
)
from steering.compare._words import (
    _LEVEL_VI,
    _unique,
    seal_words,
)
from steering.regulation import EffectiveKind
from steering.roles import Role
from steering.rules import (
    Citation,
    SealRule,
    SigningRule,
)
from steering.text import pair


class _PostsAndAuthority(_ReaderCore):
    """Facts about the regulation, its posts and who acts, answers, directs, seals and signs."""

    def identity(self) -> None:
        idn = self.reg.identity
        a = Aspect.IDENTITY
        number = idn.decision_number
        unknown_number = "decision_number" in idn.unknown
        self.add(a, "decision_number", ("số Quyết định", "decision number"),
                 (number or ("unknown" if unknown_number else ""),),
                 number or ("(chưa rõ)" if unknown_number else "(để trống)"),
                 number or ("(unknown)" if unknown_number else "(left blank)"), ())
        cites = (idn.signed_citation,) if idn.signed_citation is not None else ()
        if idn.signed is None:
            self.add(a, "signed", ("ngày ký", "signed"), ("unknown",), idn.signed_text("vi"),
                     idn.signed_text("en"), cites)
        else:
            signed = str(idn.signed)
            partial_vi = "" if idn.signed.complete else " (chưa đủ ngày tháng)"
            partial_en = "" if idn.signed.complete else " (incomplete date)"
            self.add(a, "signed", ("ngày ký", "signed"), (signed,),
                     vi_date(idn.signed) + partial_vi, signed + partial_en, cites)
        eff = idn.effective
        if eff.kind is not EffectiveKind.NOT_SPECIFIED:
            date = str(eff.date) if eff.date else ""
            if eff.kind is EffectiveKind.ON_SIGNING:
                date = ""  # the signing date is its own fact
                vi, en = "có hiệu lực kể từ ngày ký", "in force from signing"
            else:
                vi, en = f"có hiệu lực từ {vi_date(eff.date)}", f"in force from {date}"
            self.add(a, "effective", ("hiệu lực", "effective"), (eff.kind.value, date), vi, en,
                     (eff.citation,) if eff.citation else ())
        if idn.replaces:
            numbers = tuple(r.number for r in idn.replaces)
            words = "; ".join(
                f"{r.number}" + (f" ngày {vi_date(r.date)}" if r.date else "") for r in idn.replaces
            )
            words_en = "; ".join(
                f"{r.number}" + (f" of {r.date}" if r.date else "") for r in idn.replaces
            )
            self.add(a, "replaces", ("thay thế", "replaces"), numbers, words, words_en,
                     (r.citation for r in idn.replaces))
        self.add(a, "level", ("cấp", "level"), (idn.level.value,),
                 _LEVEL_VI.get(idn.level.value, idn.level.value), idn.level.value, ())
        self.add(a, "locality", ("địa phương", "locality"), (fold(idn.locality),),
                 idn.locality, idn.locality, ())
        if idn.issuer:
            self.add(a, "issuer", ("cơ quan ban hành", "issuer"), (fold(idn.issuer),),
                     idn.issuer, idn.issuer, ())
        name = self.reg.committee.name
        if name:
            self.add(a, "committee", ("tên Ban Chỉ đạo", "committee name"), (fold(name),),
                     name, name, ())
        sig = idn.signature
        if sig is not None:
            # The block as printed: its capacity lines, then the signer's office line
            # ("TRƯỞNG BAN / CHỦ TỊCH UBND TỈNH"), which the model keeps apart.
            printed = sig.lines
            if sig.office and (not printed or fold(printed[-1]) != fold(sig.office)):
                printed = (*printed, sig.office)
            lines = " / ".join(printed)
            self.add(a, "signature", ("khối chữ ký", "signature block"),
                     (*(fold(x) for x in printed), sig.form.value), lines, lines,
                     (sig.citation,))

    def posts(self) -> None:
        for role in Role:
            posts = self._by_role.get(role, [])
            if not posts:
                continue
            # One person holding two posts (concurrent_with) is a fact of the post too.
            also = {p.id: sorted(self.reg.post(c).role.value for c in p.concurrent_with)
                    for p in posts}
            value = tuple(sorted(
                f"{fold(p.title)}|{fold(p.office or p.agency)}|{'*' if p.plural else ''}"
                + (f"|#{p.count}" if p.count is not None else "")
                + (f"|={'+'.join(also[p.id])}" if also[p.id] else "")
                for p in posts
            ))
            vi_items, en_items = [], []
            for p in posts:
                extra = p.office or p.agency
                shown = extra and fold(extra) not in fold(p.title)
                vi = p.title + (f" ({extra})" if shown else "")
                en = vi
                if p.plural and not p.count and "count" in p.unknown:
                    vi += " [số người chưa rõ]"
                    en += " [number unknown]"
                elif p.plural:
                    vi += f" [{p.count} người]" if p.count else " [nhiều người]"
                    en += f" [{p.count} people]" if p.count else " [several people]"
                if p.concurrent_with:
                    titles = "; ".join(self.reg.post(c).title for c in p.concurrent_with)
                    vi += f" [đồng thời là {titles}]"
                    en += f" [also {titles}]"
                vi_items.append(vi)
                en_items.append(en)
            cites = [p.citation for p in posts]
            cites += [p.holder.citation for p in posts if p.holder]
            n = len(posts)
            self.add(Aspect.POSTS, role.value, pair(role), value,
                     f"{n}: " + "; ".join(vi_items), f"{n}: " + "; ".join(en_items), cites)

    def substitution(self) -> None:
        principals: dict[str, list[Any]] = {}
        for s in self.reg.substitutions:
            principals.setdefault(s.principal, []).append(s)
        for principal, rules in principals.items():
            rules.sort(key=lambda s: s.rank)
            order = tuple(
                f"{'+'.join(self.keys(s.also_absent))}>{'+'.join(self.keys(s.substitutes))}"
                for s in rules
            )
            vi_parts, en_parts = [], []
            for i, s in enumerate(rules, 1):
                subs = self.names(s.substitutes)
                if s.also_absent:
                    vi_parts.append(f"{i}) khi {self.names(s.also_absent)} cũng vắng: {subs}")
                    en_parts.append(f"{i}) if {self.names(s.also_absent)} is also absent: {subs}")
                else:
                    vi_parts.append(f"{i}) {subs}")
                    en_parts.append(f"{i}) {subs}")
            key = self.key(principal)
            subject = self.subject(principal)
            cites = [s.citation for s in rules]
            self.add(Aspect.SUBSTITUTION, f"{key}:order", subject, order,
                     "; ".join(vi_parts), "; ".join(en_parts), cites)
            depth = len(rules)
            self.add(Aspect.SUBSTITUTION, f"{key}:depth",
                     (f"{subject[0]} (số bậc thay thế)", f"{subject[1]} (substitution depth)"),
                     (str(depth),), f"{depth} bậc", f"{depth} tier{'s' if depth != 1 else ''}",
                     cites)

    def _relation(
        self,
        aspect: Aspect,
        pairs: Iterable[tuple[str, tuple[str, ...], Citation]],
    ) -> None:
        grouped: dict[str, tuple[str, set[str], list[Citation]]] = {}
        for subject, targets, cite in pairs:
            k = self.key(subject)
            _, tset, cites = grouped.setdefault(k, (subject, set(), []))
            tset.update(targets)
            cites.append(cite)
        for k, (subject, tset, cites) in sorted(grouped.items(), key=self._in_rank):
            words = self.names(tset)
            self.add(aspect, k, self.subject(subject), self.keys(tset), words, words, cites)

    def accountability(self) -> None:
        self._relation(
            Aspect.ACCOUNTABILITY, ((a.subject, a.to, a.citation) for a in self.reg.accountability)
        )

    def direction(self) -> None:
        self._relation(
            Aspect.DIRECTION,
            ((s, d.objects, d.citation) for d in self.reg.directions for s in d.subjects),
        )

    def seals(self) -> None:
        grouped: dict[str, tuple[str, list[SealRule]]] = {}
        for rule in self.reg.seals:
            for post in rule.posts:
                grouped.setdefault(self.key(post), (post, []))[1].append(rule)
        for k, (post, rules) in sorted(grouped.items(), key=self._in_rank):
            value = tuple(sorted({
                f"{r.seal.kind.value}:{fold(r.seal.agency)}:"
                f"{'+'.join(sorted(fold(d) for d in r.documents))}"
                + (f"+{fold(r.scope)}" if r.scope else "") + (":may" if r.permitted else "")
                for r in rules
            }))
            # The kinds as the clause lists them, then its open tail (Vũng Tàu Điều 7 khoản 8).
            vi = "; ".join(_unique(
                ("được sử dụng " if r.permitted else "") + seal_words(r.seal, "vi") + (
                    f" (cho {', '.join(r.documents)}{' và ' + r.scope if r.scope else ''})"
                    if r.documents else "")
                for r in rules
            ))
            en = "; ".join(_unique(
                ("may use " if r.permitted else "") + seal_words(r.seal, "en") + (
                    f" (for {', '.join(r.documents)}{' and «' + r.scope + '»' if r.scope else ''})"
                    if r.documents else "")
                for r in rules
            ))
            self.add(Aspect.SEALS, k, self.subject(post), value, vi, en,
                     (r.citation for r in rules))

    def signing(self) -> None:
        grouped: dict[str, tuple[str, list[SigningRule]]] = {}
        for rule in self.reg.signing:
            for post in rule.posts:
                grouped.setdefault(self.key(post), (post, []))[1].append(rule)
        for k, (post, rules) in sorted(grouped.items(), key=self._in_rank):
            # The kinds in the text's order (Vũng Tàu Điều 7 khoản 8 numbers them 1-4),
            # then an open-ended tail ("và các trường hợp khác ...") if the clause has one.
            docs = _unique(d for r in rules for d in r.documents)
            scopes = _unique(r.scope for r in rules if r.scope)
            value: tuple[str, ...]
            if any(not r.documents for r in rules):
                vi, en, value = "mọi văn bản thuộc thẩm quyền", "all documents of its remit", ("*",)
            else:
                vi = en = ", ".join(docs)
                if scopes:
                    vi += " và " + " và ".join(scopes)
                    en += " and «" + "», «".join(scopes) + "»"
                value = (*sorted(fold(d) for d in docs), *(f"+{fold(x)}" for x in scopes))
            self.add(Aspect.SIGNING, k, self.subject(post), value, vi, en,
                     (r.citation for r in rules))
