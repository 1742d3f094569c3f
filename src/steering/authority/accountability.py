"""To whom a post answers, and to whom it reports."""

from __future__ import annotations

from steering import _authority_algo as algo
from steering._vocab import PERIOD_WORDS
from steering.authority._core import (
    _memo,
)
from steering.authority._words import (
    _cite,
    _unique,
    _unique_cites,
    _verbatim,
)
from steering.authority.seals import _Seals
from steering.rules import (
    Citation,
)
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
                text_vi=(
                    f"Quy chế không quy định {self._name(post, 'vi')} chịu trách nhiệm trước ai."
                ),
                text_en=f"The regulation does not say to whom {self._name(post, 'en')} answers.",
            )
        direct = self._accountable.get(post, ())
        parts_vi, parts_en = [], []
        for a in rules:
            about_vi = f" về {a.matter}" if a.matter else ""
            # The matter is often condensed from the clause ("hoàn thành các chỉ tiêu ...",
            # Thanh Hóa 2024 Điều 5 khoản 5): quoted only where it is the clause's own words.
            if a.matter and _verbatim(a.matter, a.citation.quote):
                about_en = f" for “{a.matter}”"
            else:
                about_en = f" for {a.matter} (condensed from the clause)" if a.matter else ""
            parts_vi.append(f"{self._names(a.to, 'vi')}{about_vi} ({_cite((a.citation,), 'vi')})")
            parts_en.append(f"{self._names(a.to, 'en')}{about_en} ({_cite((a.citation,), 'en')})")
        cites = [a.citation for a in rules]
        who_vi, who_en = self._name(post, "vi"), self._name(post, "en")
        holder = self._posts.get(post)
        clauses = {(c.document, c.article, c.clause) for c in cites}
        same = tuple(
            c for c in (holder.concurrent_with if holder is not None else ())
            if any(b.subject == c and (b.citation.document, b.citation.article, b.citation.clause)
                   in clauses for b in self._reg.accountability)
        )
        if holder is not None and same:
            # One person holds both posts (Đắk Nông Điều 7: "Thành viên thường trực, Tổ
            # trưởng Tổ Giúp việc"): the clause on the other post binds this one.
            cites.insert(0, holder.citation)
            held = _cite((holder.citation,), "vi"), _cite((holder.citation,), "en")
            who_vi += f", cũng là {self._names(same, 'vi')} ({held[0]}),"
            who_en += f", who is also {self._names(same, 'en')} ({held[1]}),"
        text_vi = f"{who_vi} chịu trách nhiệm trước {'; trước '.join(parts_vi)}."
        text_en = f"{who_en} answers to {'; to '.join(parts_en)}."
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
                text_vi += (
                    f" Qua đó, {self._name(post, 'vi')} gián tiếp chịu trách nhiệm trước "
                    f"{self._names(further, 'vi')} ({_cite(vc, 'vi')})."
                )
                text_en += (
                    f" Through them, {self._name(post, 'en')} answers indirectly to "
                    f"{self._names(further, 'en')} ({_cite(vc, 'en')})."
                )
        return Ruling(
            question=Question.ACCOUNTABLE_TO,
            subject=post,
            status=Status.DECIDED,
            answer=answer,
            chain=chain,
            citations=_unique_cites(cites),
            text_vi=text_vi,
            text_en=text_en,
        )

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
                text_vi=f"Quy chế không quy định {self._name(post, 'vi')} báo cáo ai.",
                text_en=f"The regulation does not say to whom {self._name(post, 'en')} reports.",
            )
        # Rules saying the same thing (same recipients, route and cadence) make one
        # statement citing every clause, in the order the rules come.
        said: dict[tuple[str, str], list[Citation]] = {}
        for r in rules:
            how_vi = how_en = ""
            if r.cadences:
                how_vi = " định kỳ " + ", ".join(PERIOD_WORDS[c.period][0] for c in r.cadences)
                how_en = " " + ", ".join(PERIOD_WORDS[c.period][1] for c in r.cadences)
            elif r.periodic:
                how_vi, how_en = " định kỳ", " periodically"
            if r.ad_hoc and r.occasion:
                # "báo cáo đột xuất khi Trưởng ban, các Phó Trưởng ban yêu cầu" (Vũng Tàu
                # Điều 6 khoản 4): on request, in the text's own words, not "khi phát sinh".
                how_vi += f"{' hoặc' if how_vi else ''} {r.occasion}"
                how_en += f"{' or' if how_en else ''} as the text says, «{r.occasion}»"
            elif r.ad_hoc:
                # "định kỳ ... hoặc đột xuất" (Vũng Tàu Điều 11 khoản 2): both are said.
                how_vi += " hoặc đột xuất" if how_vi else " khi phát sinh"
                how_en += " or as needed" if how_en else " as needed"
            via_vi = f" thông qua {self._names(r.through, 'vi')}" if r.through else ""
            via_en = f" through {self._names(r.through, 'en')}" if r.through else ""
            key = (
                f"báo cáo {self._names(r.recipients, 'vi')}{via_vi}{how_vi}",
                f"reports to {self._names(r.recipients, 'en')}{via_en}{how_en}",
            )
            said.setdefault(key, []).append(r.citation)
        parts_vi = [f"{vi} ({_cite(cs, 'vi')})" for (vi, _), cs in said.items()]
        parts_en = [f"{en} ({_cite(cs, 'en')})" for (_, en), cs in said.items()]
        return Ruling(
            question=Question.REPORTS_TO,
            subject=post,
            status=Status.DECIDED,
            answer=_unique(x for r in rules for x in r.recipients),
            chain=(post, *_unique(x for r in rules for x in r.through)),
            citations=_unique_cites(r.citation for r in rules),
            text_vi=f"{self._name(post, 'vi')} {'; '.join(parts_vi)}.",
            text_en=f"{self._name(post, 'en')} {'; '.join(parts_en)}.",
        )
