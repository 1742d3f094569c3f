"""To whom a post answers, and to whom it reports."""

from __future__ import annotations

import attrs

from steering import _authority_algo as algo
from steering import reasons
from steering.authority._core import (
    _memo,
)
from steering.authority._helpers import (
    _unique,
    _unique_cites,
    _verbatim,
)
from steering.authority.seals import _Seals
from steering.rules import Accountability, Citation
from steering.ruling import Question, Ruling, Status


class _Accountability(_Seals):
    """To whom a post answers, and to whom it reports."""

    __slots__ = ()

    # -- accountability and reports -------------------------------------------------

    @_memo
    def accountable_to(self, post: str, *, transitive: bool = False) -> Ruling:
        """To whom ``post`` answers ("chịu trách nhiệm trước"), directly or transitively.

        Args:
            post: A post, working group or body id.
            transitive: Follow the relation upward (whom they answer to, and so on).

        Raises:
            UnknownPostError: ``post`` names nothing in the regulation.

        """
        self._node(post)
        rules = [a for a in self._reg.accountability if a.subject == post]
        if not rules:
            return Ruling(
                question=Question.ACCOUNTABLE_TO,
                subject=post,
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                reasons=(reasons.AnswersToNobody(self._named(post)),),
            )
        direct = self._accountable.get(post, ())
        answers = self._answers_to(post, rules)
        said: list[reasons.Reason] = [answers]
        cites = [*answers.also_citations, *(line.citation for line in answers.lines)]
        answer = direct
        chain: tuple[str, ...] = (post, *direct)
        if transitive:
            reach = algo.reachable(post, self._accountable)
            further = tuple(x for x in reach if x not in direct)
            answer = reach
            chain = (post, *reach)
            if further:
                via = [a for a in self._reg.accountability if a.subject in reach]
                vc = _unique_cites(a.citation for a in via)
                cites.extend(vc)
                said.append(reasons.AnswersIndirectly(self._named(post), self._nameds(further), vc))
        return Ruling(
            question=Question.ACCOUNTABLE_TO,
            subject=post,
            status=Status.DECIDED,
            answer=answer,
            chain=chain,
            citations=_unique_cites(cites),
            reasons=tuple(said),
        )

    def _answers_to(self, post: str, rules: list[Accountability]) -> reasons.AnswersTo:
        """To whom ``post`` answers, clause by clause, and whose clause binds it too."""
        lines = tuple(
            reasons.AnswerLine(
                to=self._nameds(a.to),
                matter=a.matter or "",
                # The matter is often condensed from the clause ("hoàn thành các chỉ tiêu
                # ...", Thanh Hóa 2024 Điều 5 khoản 5): quoted only where it is the clause's
                # own words.
                verbatim=bool(a.matter) and _verbatim(a.matter, a.citation.quote),
                citation=a.citation,
            )
            for a in rules
        )
        holder = self._posts.get(post)
        clauses = {(a.citation.document, a.citation.article, a.citation.clause) for a in rules}
        same = tuple(
            c for c in (holder.concurrent_with if holder is not None else ())
            if any(b.subject == c and (b.citation.document, b.citation.article, b.citation.clause)
                   in clauses for b in self._reg.accountability)
        )
        if holder is None or not same:
            return reasons.AnswersTo(post=self._named(post), lines=lines)
        # One person holds both posts (Đắk Nông Điều 7: "Thành viên thường trực, Tổ trưởng Tổ
        # Giúp việc"): the clause on the other post binds this one.
        return reasons.AnswersTo(post=self._named(post), lines=lines, also=self._nameds(same),
                                 also_citations=(holder.citation,))

    @_memo
    def reports_to(self, post: str) -> Ruling:
        """To whom ``post`` reports, through whom, and how often, per the report rules.

        Raises:
            UnknownPostError: ``post`` names nothing in the regulation.

        """
        self._node(post)
        rules = [r for r in self._reports if post in r.reporters]
        if not rules:
            return Ruling(
                question=Question.REPORTS_TO,
                subject=post,
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                reasons=(reasons.ReportsToNobody(self._named(post)),),
            )
        # Rules saying the same thing (same recipients, route and cadence) make one
        # statement citing every clause, in the order the rules come.
        said: dict[reasons.ReportLine, list[Citation]] = {}
        for r in rules:
            line = reasons.ReportLine(
                recipients=self._nameds(r.recipients),
                through=self._nameds(r.through),
                periods=tuple(c.period for c in r.cadences),
                periodic=r.periodic and not r.cadences,  # cadences say it already
                ad_hoc=r.ad_hoc,
                occasion=(r.occasion or "") if r.ad_hoc else "",
            )
            said.setdefault(line, []).append(r.citation)
        return Ruling(
            question=Question.REPORTS_TO,
            subject=post,
            status=Status.DECIDED,
            answer=_unique(x for r in rules for x in r.recipients),
            chain=(post, *_unique(x for r in rules for x in r.through)),
            citations=_unique_cites(r.citation for r in rules),
            reasons=(reasons.ReportsTo(
                self._named(post),
                tuple(attrs.evolve(line, citations=tuple(cs)) for line, cs in said.items()),
            ),),
        )
