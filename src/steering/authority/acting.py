"""Who acts for an absent post: substitutions, written authorisations, concurrent posts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from steering import _args, reasons
from steering import _authority_algo as algo
from steering.authority._core import (
    _Core,
    _keep,
    _look_up,
)
from steering.authority._helpers import (
    _unique,
    _unique_cites,
)
from steering.errors import (
    QueryError,
)
from steering.rules import (
    Delegation,
)
from steering.ruling import Question, Ruling, Status
from steering.validation import delegation_faults


class _Acting(_Core):
    """Who acts for an absent post: substitutions, written authorisations, concurrent posts."""

    __slots__ = ()

    # -- acting_for --------------------------------------------------------------

    def acting_for(
        self,
        post: str,
        absent: Iterable[str] | str | None = None,
        on: dt.date | None = None,
    ) -> Ruling:
        """Who acts for ``post`` when the posts in ``absent`` are absent.

        "Who acts for X" presumes X is away: with ``absent`` omitted (``None``)
        the post asked about is the one absent, as on the command line
        (`steering acting`) and in the web API. Pass ``absent=()`` to ask with
        nobody absent (the post then acts in person).

        Follows the regulation's substitution rules in rank order; a rule
        applies only when every post in its ``also_absent`` is absent too.
        Substitutes of one tier are unordered: when several are present all
        are named and the ruling says the regulation does not order them.
        Nothing is inferred transitively.

        Args:
            post: The post acted for.
            absent: The posts absent (``post`` itself must be among them for a
                substitute to act); ``None`` (the default) means ``{post}``.
            on: The date asked about (recorded on the ruling).

        Returns:
            ``decided`` with the acting posts; ``nobody_available`` when every
            substitute of every applicable rule is absent; ``not_specified``
            when no rule covers the case.

        Raises:
            UnknownPostError: ``post`` or an absent id names no post.

        """
        # Asked again, the same question (each value of the same type) is answered
        # before its arguments are checked again (see `_asked`).
        asked, hit = _look_up(self._acting_cache, "acting_for", (post, absent, on), {})
        if hit is not None:
            return hit
        post = _args.as_text(post, "post")
        # Left out (None), the post asked about is the one away: "who acts for X"
        # presumes X is absent, as the CLI and the web API read it.
        fs = frozenset((post,)) if absent is None else _args.as_ids(absent, "absent")
        on = _args.as_date(on, "on")
        key = (post, fs, on)
        try:
            hit = self._acting_cache.get(key)
        except TypeError:  # an unhashable id: let validation name it
            hit = None
        if hit is None:
            self._post(post)
            self._absent_set(fs)
            hit = self._dated(self._acting_for(post, fs, on))
        return _keep(self._acting_cache, hit, key, asked)

    def _with_concurrent(
        self, absent: frozenset[str]
    ) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
        """The posts absent once every post held by an absent person is absent too.

        One person holding several posts (``concurrent_with``) is away from all of
        them at once. Returns the whole set and, for each post added, the absent post
        whose holder holds it, in a stable order.
        """
        seen = set(absent)
        added: list[tuple[str, str]] = []
        todo = sorted(absent)
        while todo:
            via = todo.pop(0)
            holder = self._posts.get(via)
            for other in holder.concurrent_with if holder is not None else ():
                if other not in seen and other in self._posts:
                    seen.add(other)
                    added.append((other, via))
                    todo.append(other)
        return frozenset(seen), tuple(added)

    def _concurrency_note(
        self, ruling: Ruling, added: tuple[tuple[str, str], ...], relevant: set[str]
    ) -> Ruling:
        """Say which posts count as absent because their holder is absent from another."""
        shown = [(x, via) for x, via in added if x in relevant]
        if not shown:
            return ruling
        cites = _unique_cites(
            c for x, via in shown for c in (self._post(via).citation, self._post(x).citation)
        )
        note = reasons.AbsentWithHolder(
            pairs=tuple((self._named(x), self._named(via)) for x, via in shown), citations=cites
        )
        return attrs.evolve(
            ruling,
            citations=_unique_cites((*ruling.citations, *cites)),
            reasons=(*ruling.reasons, note),
        )

    def _acting_for(self, post: str, absent: frozenset[str], on: dt.date | None) -> Ruling:
        eff, added = self._with_concurrent(absent)
        ruling = self._acting_core(post, eff, on)
        relevant = {post}
        for r in self._subs.get(post, ()):
            relevant.update((*r.substitutes, *r.also_absent))
        return self._concurrency_note(ruling, added, relevant)

    def _acting_core(self, post: str, absent: frozenset[str], on: dt.date | None) -> Ruling:
        rules = self._subs.get(post, ())
        res = algo.resolve_substitution(post, absent, rules)
        common: dict[str, Any] = {
            "question": Question.ACTING_FOR,
            "subject": post,
            "absent": absent,
            "on": on,
        }
        named = self._named(post)
        if res.kind == "present":
            return Ruling(
                status=Status.DECIDED,
                answer=(post,),
                chain=(post,),
                citations=(),
                **common,
                reasons=(reasons.ActsInPerson(named),),
            )
        if res.kind == "no_rule":
            return Ruling(
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                **common,
                reasons=(reasons.NoSubstitute(named),),
            )
        if res.kind == "no_case":
            conds = list(res.skipped)
            cites = _unique_cites(r.citation for r in conds)
            needed = _unique(x for r in conds for x in (post, *r.also_absent))
            return Ruling(
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                citations=cites,
                **common,
                reasons=(reasons.SubstituteOnlyWhen(named, self._nameds(needed), cites),),
            )
        chain = (post, *(s for r in res.used for s in r.substitutes))
        cites = _unique_cites(r.citation for r in res.used)
        if res.kind == "nobody":
            subs = _unique(s for r in res.used for s in r.substitutes)
            return Ruling(
                status=Status.NOBODY_AVAILABLE,
                chain=chain,
                citations=cites,
                **common,
                reasons=(reasons.NoSubstituteLeft(named, self._nameds(subs), cites),),
            )
        return Ruling(
            status=Status.DECIDED,
            answer=res.acting,
            chain=chain,
            citations=cites,
            unordered=len(res.acting) > 1,
            **common,
            reasons=self._substitutes_act(post, res),
        )

    def _substitutes_act(self, post: str, res: algo.Resolution) -> tuple[reasons.Reason, ...]:
        """Who acts for ``post`` under the deciding clause, after the absent ones tried."""
        deciding = res.used[-1]
        tried = res.used[:-1] if res.kind == "decided" else ()
        tried_ids = tuple(
            s for s in _unique(s for r in tried for s in r.substitutes)
            if s not in deciding.also_absent
        )
        said: tuple[reasons.Reason, ...] = (reasons.SubstituteActs(
            post=self._named(post),
            title=self._post(post).title,
            when_absent=self._nameds(_unique((post, *deciding.also_absent))),
            acting=self._nameds(res.acting),
            citation=deciding.citation,
            scope=deciding.scope or "",
            tried=self._nameds(tried_ids),
            tried_citations=_unique_cites(r.citation for r in tried) if tried_ids else (),
        ),)
        if len(res.acting) > 1:
            said += (reasons.NotOrdered(self._nameds(res.acting)),)
        return said

    # -- delegations --------------------------------------------------------------

    def _delegations_for(self, extra: Iterable[Delegation] | None) -> tuple[Delegation, ...]:
        if not extra:
            return self._delegations
        added = tuple(extra)
        for i, dl in enumerate(added):
            if not isinstance(dl, Delegation):
                raise QueryError(
                    f"delegations[{i}]: found {type(dl).__name__}; allowed: steering.Delegation"
                )
            self._post(dl.delegator)
            self._post(dl.delegate)
            faults = delegation_faults(dl)
            if faults:
                said = "; ".join(f"{field}: {message}" for field, message in faults)
                raise QueryError(f"delegations[{i}]: {said}")
        every = (*self._delegations, *added)
        bad = algo.redelegations(every)
        if bad:
            i, j = bad[0]
            raise QueryError(
                f"delegation {every[j].delegator!r} --> {every[j].delegate!r} re-delegates "
                f"authority received from {every[i].delegator!r}; a written authorisation may "
                "not be re-delegated (Nghị định 30/2020/NĐ-CP, Điều 13 khoản 3)"
            )
        return every

    def _delegation(
        self,
        post: str,
        on: dt.date | None,
        document: str | None,
        delegations: Iterable[Delegation] | None,
    ) -> Delegation | None:
        for dl in self._delegations_for(delegations):
            if dl.delegate == post and algo.delegation_in_force(dl, on, document):
                return dl
        return None

    def _delegation_unsure(
        self,
        post: str,
        on: dt.date | None,
        document: str | None,
        delegations: Iterable[Delegation] | None,
        *,
        question: Question,
        absent: frozenset[str] = frozenset(),
    ) -> Ruling | None:
        """An ``ambiguous`` ruling where an authorisation names ``document``'s kind only partly.

        "Báo cáo" against an authorisation for "Báo cáo tháng"; ``None`` otherwise.
        """
        asked: dict[str, Any] = {"absent": absent}  # the converter's type is beyond mypy
        for dl in self._delegations_for(delegations):
            kinds = algo.delegation_partial(dl, on, document) if dl.delegate == post else ()
            if kinds:
                return Ruling(
                    question=question,
                    subject=post,
                    status=Status.AMBIGUOUS,
                    candidates=kinds,
                    documents=kinds,
                    citations=(dl.citation,),
                    on=on,
                    delegation=dl,
                    **asked,
                    reasons=(reasons.AuthorisationPartial(
                        post=self._named(post), delegator=self._named(dl.delegator),
                        kinds=kinds, document=document or "", citation=dl.citation,
                    ),),
                )
        return None
