"""Facts about the regulation, its posts and who acts, answers, directs, seals and signs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from steering import statements as s
from steering._text import fold, unique
from steering.compare._model import Aspect
from steering.compare._reader import _Fact, _Reader
from steering.regulation import EffectiveKind
from steering.roles import Role
from steering.rules import Citation, SealRule, SigningRule
from steering.statements import About, Subject


def identity(rd: _Reader) -> Iterator[_Fact]:
    """The decision: number, dates, what it replaces, level, locality, issuer, name, signature."""
    idn = rd.reg.identity
    a = Aspect.IDENTITY
    number = idn.decision_number
    unknown_number = "decision_number" in idn.unknown
    yield rd.fact(a, "decision_number", Subject(about=About.DECISION_NUMBER),
                  (number or ("unknown" if unknown_number else ""),),
                  s.DecisionNumber(number, unknown=unknown_number), ())
    cites = (idn.signed_citation,) if idn.signed_citation is not None else ()
    if idn.signed is None:
        lo, hi = idn.signing_window()
        yield rd.fact(a, "signed", Subject(about=About.SIGNED), ("unknown",),
                      s.SignedOn(None, lo, hi), cites)
    else:
        yield rd.fact(a, "signed", Subject(about=About.SIGNED), (str(idn.signed),),
                      s.SignedOn(idn.signed), cites)
    eff = idn.effective
    if eff.kind is not EffectiveKind.NOT_SPECIFIED:
        on_signing = eff.kind is EffectiveKind.ON_SIGNING
        # On signing: the signing date is its own fact.
        on_date = None if on_signing else eff.date
        yield rd.fact(a, "effective", Subject(about=About.EFFECTIVE),
                      (eff.kind.value, str(on_date) if on_date else ""),
                      s.InForce(on_signing, on_date), (eff.citation,) if eff.citation else ())
    if idn.replaces:
        yield rd.fact(a, "replaces", Subject(about=About.REPLACES),
                      tuple(r.number for r in idn.replaces),
                      s.Replacing(tuple((r.number, r.date) for r in idn.replaces)),
                      (r.citation for r in idn.replaces))
    yield rd.fact(a, "level", Subject(about=About.LEVEL), (idn.level.value,),
                  s.LevelIs(idn.level), ())
    yield rd.fact(a, "locality", Subject(about=About.LOCALITY), (fold(idn.locality),),
                  s.Verbatim(idn.locality), ())
    if idn.issuer:
        yield rd.fact(a, "issuer", Subject(about=About.ISSUER), (fold(idn.issuer),),
                      s.Verbatim(idn.issuer), ())
    name = rd.reg.committee.name
    if name:
        yield rd.fact(a, "committee", Subject(about=About.COMMITTEE), (fold(name),),
                      s.Verbatim(name), ())
    sig = idn.signature
    if sig is not None:
        # The block as printed: its capacity lines, then the signer's office line
        # ("TRƯỞNG BAN / CHỦ TỊCH UBND TỈNH"), which the model keeps apart.
        printed = sig.lines
        if sig.office and (not printed or fold(printed[-1]) != fold(sig.office)):
            printed = (*printed, sig.office)
        yield rd.fact(a, "signature", Subject(about=About.SIGNATURE),
                      (*(fold(x) for x in printed), sig.form.value),
                      s.Verbatim(" / ".join(printed)), (sig.citation,))


def posts(rd: _Reader) -> Iterator[_Fact]:
    """The posts of each role: titles, offices, how many hold them, what else they hold."""
    for role in Role:
        posts = rd._by_role.get(role, [])
        if not posts:
            continue
        # One person holding two posts (concurrent_with) is a fact of the post too.
        also = {p.id: sorted(rd.reg.post(c).role.value for c in p.concurrent_with)
                for p in posts}
        value = tuple(sorted(
            f"{fold(p.title)}|{fold(p.office or p.agency)}|{'*' if p.plural else ''}"
            + (f"|#{p.count}" if p.count is not None else "")
            + (f"|={'+'.join(also[p.id])}" if also[p.id] else "")
            for p in posts
        ))
        held = []
        for p in posts:
            extra = p.office or p.agency
            shown = extra and fold(extra) not in fold(p.title)
            held.append(s.PostHeld(
                title=p.title + (f" ({extra})" if shown else ""),
                plural=p.plural, count=p.count, count_unknown="count" in p.unknown,
                also=tuple(rd.reg.post(c).title for c in p.concurrent_with),
            ))
        cites = [p.citation for p in posts]
        cites += [p.holder.citation for p in posts if p.holder]
        yield rd.fact(Aspect.POSTS, role.value, Subject(member=role), value,
                      s.PostsOfRole(tuple(held)), cites)


def substitution(rd: _Reader) -> Iterator[_Fact]:
    """Who acts for each absent post, tier by tier, and how many tiers."""
    principals: dict[str, list[Any]] = {}
    for x in rd.reg.substitutions:
        principals.setdefault(x.principal, []).append(x)
    for principal, rules in principals.items():
        rules.sort(key=lambda x: x.rank)
        order = tuple(
            f"{'+'.join(rd.keys(x.also_absent))}>{'+'.join(rd.keys(x.substitutes))}"
            for x in rules
        )
        tiers = tuple(s.Tier(rd.names(x.also_absent), rd.names(x.substitutes))
                      for x in rules)
        key = rd.key(principal)
        name = rd.name(principal)
        cites = [x.citation for x in rules]
        yield rd.fact(Aspect.SUBSTITUTION, f"{key}:order", Subject(name), order,
                      s.SubstitutionOrder(tiers), cites)
        yield rd.fact(Aspect.SUBSTITUTION, f"{key}:depth", Subject(name, about=About.DEPTH),
                      (str(len(rules)),), s.Depth(len(rules)), cites)


def _relation(
    rd: _Reader, aspect: Aspect, pairs: Iterable[tuple[str, tuple[str, ...], Citation]]
) -> Iterator[_Fact]:
    """Who answers to, or directs, whom: one fact per subject, its targets merged."""
    grouped: dict[str, tuple[str, set[str], list[Citation]]] = {}
    for subject, targets, cite in pairs:
        k = rd.key(subject)
        _, tset, cites = grouped.setdefault(k, (subject, set(), []))
        tset.update(targets)
        cites.append(cite)
    for k, (subject, tset, cites) in sorted(grouped.items(), key=rd.in_rank):
        yield rd.fact(aspect, k, rd.subject(subject), rd.keys(tset),
                      s.Verbatim(rd.names(tset)), cites)


def accountability(rd: _Reader) -> Iterator[_Fact]:
    """Whom each post answers to."""
    yield from _relation(rd,
        Aspect.ACCOUNTABILITY, ((a.subject, a.to, a.citation) for a in rd.reg.accountability)
    )


def direction(rd: _Reader) -> Iterator[_Fact]:
    """Whom each post directs."""
    yield from _relation(rd,
        Aspect.DIRECTION,
        ((x, d.objects, d.citation) for d in rd.reg.directions for x in d.subjects),
    )


def seals(rd: _Reader) -> Iterator[_Fact]:
    """Which seal each post uses, for which documents."""
    grouped: dict[str, tuple[str, list[SealRule]]] = {}
    for rule in rd.reg.seals:
        for post in rule.posts:
            grouped.setdefault(rd.key(post), (post, []))[1].append(rule)
    for k, (post, rules) in sorted(grouped.items(), key=rd.in_rank):
        value = tuple(sorted({
            f"{r.seal.kind.value}:{fold(r.seal.agency)}:"
            f"{'+'.join(sorted(fold(d) for d in r.documents))}"
            + (f"+{fold(r.scope)}" if r.scope else "") + (":may" if r.permitted else "")
            for r in rules
        }))
        # The kinds as the clause lists them, then its open tail (Vũng Tàu Điều 7 khoản 8).
        uses = tuple(s.SealUse(r.seal, r.permitted, r.documents, r.scope) for r in rules)
        yield rd.fact(Aspect.SEALS, k, rd.subject(post), value, s.SealsUsed(uses),
                      (r.citation for r in rules))


def signing(rd: _Reader) -> Iterator[_Fact]:
    """Which documents each post signs."""
    grouped: dict[str, tuple[str, list[SigningRule]]] = {}
    for rule in rd.reg.signing:
        for post in rule.posts:
            grouped.setdefault(rd.key(post), (post, []))[1].append(rule)
    for k, (post, rules) in sorted(grouped.items(), key=rd.in_rank):
        # The kinds in the text's order (Vũng Tàu Điều 7 khoản 8 numbers them 1-4),
        # then an open-ended tail ("và các trường hợp khác ...") if the clause has one.
        docs = unique(d for r in rules for d in r.documents)
        scopes = unique(r.scope for r in rules if r.scope)
        says: s.Statement
        value: tuple[str, ...]
        if any(not r.documents for r in rules):
            says, value = s.SignsEverything(), ("*",)
        else:
            says = s.SignsDocuments(documents=tuple(docs), scopes=tuple(scopes))
            value = (*sorted(fold(d) for d in docs), *(f"+{fold(x)}" for x in scopes))
        yield rd.fact(Aspect.SIGNING, k, rd.subject(post), value, says,
                      (r.citation for r in rules))
