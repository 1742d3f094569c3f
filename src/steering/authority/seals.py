"""Which seal and signing form a signer uses, and the signature block of a document."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Iterable, Sequence
from typing import Any

from steering import _authority_algo as algo
from steering import _signing as signing
from steering import reasons
from steering.authority._core import (
    _bind,
    _memo,
)
from steering.authority._helpers import (
    _asked,
    _unique,
    _unique_cites,
)
from steering.authority.acting import _Acting
from steering.errors import (
    UnknownPostError,
)
from steering.roles import COMMITTEE, Post
from steering.rules import (
    Citation,
    Delegation,
    Seal,
    SealKind,
    SealRule,
    SigningForm,
    SigningRule,
)
from steering.ruling import Question, Ruling, Status


class _Seals(_Acting):
    """Which seal and signing form a signer uses, and the signature block of a document."""

    __slots__ = ()

    # -- seals and signing ----------------------------------------------------------

    def _seal_answer(self, seal: Seal, holder: str) -> str:
        if seal.kind is SealKind.AGENCY:
            return seal.agency
        if seal.kind is SealKind.NONE:
            return "none"
        p = self._posts.get(holder)
        return p.agency if p is not None and p.agency else "own_agency"

    def _seal_use(
        self, rule: SealRule, holder: str, documents: tuple[str, ...] = (), scope: str = ""
    ) -> reasons.SealUse:
        """A seal clause as a reason states it, for ``holder``."""
        answer = self._seal_answer(rule.seal, holder)
        agency = "" if answer in ("own_agency", "none") else answer
        return reasons.SealUse(kind=rule.seal.kind, citation=rule.citation, agency=agency,
                               permitted=rule.permitted, documents=documents, scope=scope)

    def _own_seal(
        self, holder: str, document: str | None
    ) -> tuple[Status, tuple[SealRule, ...], tuple[SealRule, ...]]:
        """Status, the matching seal rules, and every rule naming ``holder``."""
        rules = self._seal_rules.get(holder, ())
        if document is None:
            matching = rules
        else:
            matching = tuple(
                r for r in rules if not r.documents or algo.document_matches(document, r.documents)
            )
        if matching:
            return Status.DECIDED, matching, rules
        partial = document is not None and any(
            algo.document_partial(document, r.documents) for r in rules
        )
        if partial:
            # "Báo cáo" names a kind; the clause lists one report of that kind (Vũng Tàu
            # Điều 7 khoản 8): which report is meant is not decided.
            return Status.AMBIGUOUS, (), rules
        return Status.NOT_SPECIFIED, (), rules

    def _signing(self, post: str, delegation: Delegation | None) -> signing.Signing:
        p = self._posts.get(post)
        if p is None:
            return signing.Signing(form=None, basis="no_standing")
        if delegation is not None:
            return signing.delegated_signing(self._style, self._post(delegation.delegator), p)
        return signing.own_signing(self._style, p)

    def _signing_scope(
        self, post: str, rules: Sequence[SigningRule], document: str | None
    ) -> tuple[tuple[reasons.Reason, ...], tuple[Citation, ...]]:
        """What the post may sign, by its signing clauses (nothing when it has none)."""
        if not rules:
            return (), ()
        every = _unique(d for r in rules for d in r.documents)
        scopes = _unique(r.scope for r in rules if r.scope)
        docs = _asked(every, document)
        cites = _unique_cites(r.citation for r in rules)
        named = self._named(post)
        if document is not None and every and not docs:
            # Vũng Tàu Điều 7 khoản 8: four kinds "và các trường hợp khác trong phạm vi chức
            # năng, nhiệm vụ của Tổ giúp việc": an unlisted kind may fall within the scope.
            return (reasons.MaySignOnly(named, document, every, scopes, cites),), cites
        tail = scopes if document is None else ()
        return (reasons.MaySign(named, docs, tail, cites),), cites

    def _signing_reasons(
        self, post: str, sg: signing.Signing, document: str | None = None
    ) -> tuple[tuple[reasons.Reason, ...], tuple[Citation, ...]]:
        """How ``post`` signs and what it may sign, and the clauses (nothing if no post)."""
        if post not in self._posts:
            return (), ()
        named = self._named(post)
        rules = self._signing_rules.get(post, ())
        scope, scope_cites = self._signing_scope(post, rules, document)
        kind = self._reg.committee.kind
        if sg.form is not None:
            cites = sg.citations
            # A deputy: the regulation says nothing of a deputy signing, so the form follows
            # from the regime its signature block shows and Nghị định 30/2020 Điều 13, under
            # which a deputy signs what the head assigns (khoản 1) or its own field (khoản 2).
            said: tuple[reasons.Reason, ...] = (reasons.SignsAs(
                named, sg.form, sg.lines, cites, regime=sg.basis == "deputy", silent=not rules
            ),)
            if sg.form is SigningForm.DIRECT and any(c.quote.startswith("KT.") for c in cites):
                # Thanh Hóa 2024: the evidence is a deputy's «KT. TRƯỞNG BAN» block, which shows
                # the head's regime; it is not the head's own form (issue #17 item 10).
                said += (reasons.HeadRegimeShown(),)
            # The form does not replace what the post may sign (Vũng Tàu Điều 5).
            return (*said, *scope), _unique_cites((*cites, *scope_cites))
        if sg.basis == "unknown_regime":
            cites = (signing.ND30_HEAD_REGIME, signing.ND30_COLLECTIVE_HEAD)
            return ((reasons.RegimeUnknown(kind, cites), *scope),
                    _unique_cites((*cites, *scope_cites)))
        if scope:
            return (*scope, reasons.FormUnstated()), scope_cites
        return (reasons.SignsNothing(named, kind),), ()

    def _seal_reasons(
        self,
        holder: str,
        *,
        status: Status,
        matching: tuple[SealRule, ...],
        rules: tuple[SealRule, ...],
        document: str | None,
    ) -> tuple[tuple[reasons.Reason, ...], list[Citation], Seal | None, tuple[str, ...],
               tuple[str, ...]]:
        """The seal's reasons, its citations, the seal, the answer and the document kinds."""
        signer = self._named(holder)
        if status is Status.DECIDED:
            uses = []
            for r in matching:
                docs = _asked(r.documents, document)
                scope = r.scope if docs and r.scope and document is None else ""
                uses.append(self._seal_use(r, holder, docs, scope))
            return (
                (reasons.SealUsed(signer, tuple(uses)),),
                [r.citation for r in matching],
                matching[0].seal,
                _unique(self._seal_answer(r.seal, holder) for r in matching),
                _unique(d for r in matching for d in _asked(r.documents, document)),
            )
        if status is Status.AMBIGUOUS:
            asked = document or ""  # _own_seal is ambiguous only when a document is asked
            documents = _unique(d for r in rules for d in algo.document_partial(asked, r.documents))
            cites = [r.citation for r in rules if algo.document_partial(asked, r.documents)]
            said = reasons.SealAmbiguous(signer, asked, documents, tuple(cites))
            return (said,), cites, None, (), documents
        if rules:
            documents = _unique(d for r in rules for d in r.documents)
            cites = [r.citation for r in rules]
            scopes = _unique(r.scope for r in rules if r.scope)
            # Vũng Tàu Điều 7 khoản 8: listed kinds "và các trường hợp khác trong phạm vi chức
            # năng, nhiệm vụ của Tổ giúp việc": an unlisted kind may fall within the scope.
            only = reasons.SealOnlyFor(signer, document or "", documents, scopes, tuple(cites))
            return (only,), cites, None, (), documents
        said_: list[reasons.Reason] = [reasons.NoSealRule(signer)]
        committee_rules = self._seal_rules.get(COMMITTEE, ()) if holder != COMMITTEE else ()
        committee = self._named(COMMITTEE)
        said_ += [reasons.CommitteeSeal(committee, self._seal_use(r, COMMITTEE))
                  for r in committee_rules]
        return tuple(said_), [r.citation for r in committee_rules], None, (), ()

    @_memo
    def seal_for(
        self,
        post: str,
        document: str | None = None,
        *,
        on: dt.date | None = None,
        delegations: Iterable[Delegation] | None = None,
    ) -> Ruling:
        """Which seal ``post`` uses, and which signing form applies.

        The seal comes from the regulation's seal clauses (restricted to
        ``document`` where a clause names document kinds); the signing form
        from Nghị định 30/2020/NĐ-CP Điều 13 read with the regulation's own
        signature block. A post signing by written authorisation (TUQ.) on
        ``on`` for ``document`` uses the delegator's seal (Điều 13 khoản 3).
        Total: every post gets an answer, ``not_specified`` where the
        regulation is silent.

        Args:
            post: A post id, a working group id, or ``"committee"``.
            document: The document kind to be sealed, if it matters.
            on: The date, for written authorisations.
            delegations: Written authorisations besides the regulation's own.

        Raises:
            UnknownPostError: ``post`` names nothing sealable.
            QueryError: A delegation is malformed or re-delegated.

        """
        allowed = (*self._posts, *sorted(self._groups), COMMITTEE)
        if not isinstance(post, str) or post not in allowed:
            raise UnknownPostError(str(post), allowed)
        dl = self._delegation(post, on, document, delegations)
        if dl is None:
            unsure = self._delegation_unsure(
                post, on, document, delegations, question=Question.SEAL_FOR
            )
            if unsure is not None:
                return unsure
        holder = dl.delegator if dl is not None else post
        status, matching, rules = self._own_seal(holder, document)
        sg = self._signing(post, dl)
        cites: list[Citation] = []
        said: list[reasons.Reason] = []
        if dl is not None:
            cites.append(dl.citation)
            said.append(reasons.SealByAuthorisation(
                self._named(post), self._named(holder), dl.citation, signing.ND30_TUQ
            ))
        seal_said, seal_cites, seal, answer, documents = self._seal_reasons(
            holder, status=status, matching=matching, rules=rules, document=document,
        )
        said.extend(seal_said)
        cites.extend(seal_cites)
        if dl is not None:
            cites.append(signing.ND30_TUQ)
        if not documents:
            # No seal clause names kinds: the kinds the post may sign, if a clause lists them.
            signable = _unique(d for r in self._signing_rules.get(post, ()) for d in r.documents)
            documents = _asked(signable, document)
        sign_said, sc = self._signing_reasons(post, sg, document)
        said.extend(sign_said)
        cites.extend(sc)
        return Ruling(
            question=Question.SEAL_FOR,
            subject=post,
            status=status,
            answer=answer,
            candidates=documents if status is Status.AMBIGUOUS else (),
            citations=_unique_cites(cites),
            on=on,
            seal=seal,
            signing_form=sg.form,
            documents=documents,
            lines=sg.lines,
            delegation=dl,
            reasons=tuple(said),
        )

    def signature_block(
        self,
        post: str,
        absent: Iterable[str] | str = frozenset(),
        on: dt.date | None = None,
        *,
        document: str | None = None,
        delegations: Iterable[Delegation] | None = None,
    ) -> Ruling:
        """The lines a document signed by ``post`` carries, as e-office apps print them.

        The head signs "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN" or plain "TRƯỞNG BAN",
        a deputy "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN", as the regulation's own
        signature block shows, followed by the holder's office where that block
        prints an office line.
        When ``post`` is absent, its acting substitute signs "KT." for it
        (Nghị định 30/2020/NĐ-CP Điều 13 khoản 1). A post holding a written
        authorisation in force on ``on`` for ``document`` signs "TUQ.".

        Returns:
            ``decided`` with ``lines`` and ``signing_form`` (``answer`` is the
            signer); ``nobody_available`` when ``post`` is absent and every
            substitute too; ``not_specified`` when the regulation settles no form.

        Raises:
            UnknownPostError: ``post`` or an absent id names no post.
            QueryError: A delegation is malformed or re-delegated.

        """
        checked = _bind("signature_block", _SIGNATURE_BLOCK, self, (), {
            "post": post, "absent": absent, "on": on, "document": document,
            "delegations": delegations}).arguments
        post, absent, on = checked["post"], checked["absent"], checked["on"]
        document, delegations = checked["document"], checked["delegations"]
        return self._dated(self._signature_block(
            post, absent, on, document=document, delegations=delegations
        ))

    def _signature_block(
        self,
        post: str,
        absent: Iterable[str] | str,
        on: dt.date | None,
        *,
        document: str | None,
        delegations: Iterable[Delegation] | None,
    ) -> Ruling:
        p = self._post(post)
        # A person away from one post is away from every post they hold.
        given = self._absent_set(absent)
        fs, _ = self._with_concurrent(given)
        common: dict[str, Any] = {
            "question": Question.SIGNATURE_BLOCK,
            "subject": post,
            "absent": fs,
            "on": on,
        }
        if post in fs:
            return self._signed_for(p, acting=self.acting_for(post, given, on), common=common)
        dl = self._delegation(post, on, document, delegations)
        if dl is None:
            unsure = self._delegation_unsure(
                post, on, document, delegations, question=Question.SIGNATURE_BLOCK, absent=fs
            )
            if unsure is not None:
                return unsure
        sg = self._signing(post, dl)
        said, sc = self._signing_reasons(post, sg, document)
        cites = (dl.citation, *sc) if dl is not None else sc
        if sg.form is None:
            rules = self._signing_rules.get(post, ())
            return Ruling(
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                citations=_unique_cites(cites),
                documents=_unique(d for r in rules for d in r.documents),
                **common,
                reasons=said,
            )
        if dl is not None:
            said = (reasons.HoldsAuthorisation(self._named(post), self._named(dl.delegator),
                                               dl.start, dl.end, dl.citation), *said)
        return Ruling(
            status=Status.DECIDED,
            answer=(post,),
            chain=(post,),
            citations=_unique_cites(cites),
            signing_form=sg.form,
            lines=sg.lines,
            delegation=dl,
            documents=dl.documents if dl is not None else (),
            **common,
            reasons=said,
        )

    def _signed_for(self, p: Post, *, acting: Ruling, common: dict[str, Any]) -> Ruling:
        """The block of an absent post: its substitute signs "KT." (Nghị định 30/2020 Điều 13)."""
        if not acting.decided:
            return Ruling(
                status=acting.status,
                chain=acting.chain,
                citations=acting.citations,
                **common,
                reasons=acting.reasons,
            )
        signer = acting.answer[0]
        sg = signing.acting_signing(self._style, p, self._post(signer))
        if sg.form is None:
            said, sc = self._signing_reasons(signer, sg)
            return Ruling(
                status=Status.NOT_SPECIFIED,
                answer=(),
                chain=acting.chain,
                citations=_unique_cites((*acting.citations, *sc)),
                **common,
                reasons=(*acting.reasons, *said),
            )
        more = (reasons.AnyMaySign(self._nameds(acting.answer)),) if acting.answer[1:] else ()
        return Ruling(
            status=Status.DECIDED,
            answer=acting.answer,
            chain=acting.chain,
            citations=_unique_cites((*acting.citations, *sg.citations)),
            signing_form=sg.form,
            lines=sg.lines,
            unordered=acting.unordered,
            **common,
            reasons=(*acting.reasons, reasons.SubstituteSigns(sg.form, sg.lines, sg.citations),
                     *more),
        )


_SIGNATURE_BLOCK = inspect.signature(_Seals.signature_block)
