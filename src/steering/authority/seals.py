"""Which seal and signing form a signer uses, and the signature block of a document."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Iterable, Sequence
from typing import Any

from steering import _authority_algo as algo
from steering import _signing as signing
from steering.authority._core import (
    _bind,
    _memo,
)
from steering.authority._words import (
    _FORM_EN,
    _FORM_VI,
    _asked,
    _cite,
    _lines,
    _unique,
    _unique_cites,
)
from steering.authority.acting import _Acting
from steering.errors import (
    UnknownPostError,
)
from steering.roles import COMMITTEE
from steering.rules import (
    Citation,
    Delegation,
    Seal,
    SealKind,
    SealRule,
    SigningForm,
    SigningRule,
)
from steering.ruling import Question, Ruling, Status, sentence


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

    def _seal_words(self, seal: Seal, holder: str, lang: str, *, permitted: bool = False) -> str:
        answer = self._seal_answer(seal, holder)
        if seal.kind is SealKind.NONE:
            return "không sử dụng con dấu riêng" if lang == "vi" else "uses no seal of its own"
        # "được sử dụng" grants a permission (Thanh Hóa 2021 Điều 2 khoản 6): say "may use".
        verb_vi = "được sử dụng" if permitted else "sử dụng"
        verb_en = "may use" if permitted else "uses"
        if seal.kind is SealKind.OWN_AGENCY:
            named = f" ({answer})" if answer != "own_agency" else ""
            if lang == "vi":
                return f"{verb_vi} con dấu của cơ quan mình{named}"
            return f"{verb_en} the seal of the agency where the holder works{named}"
        if lang == "vi":
            return f"{verb_vi} con dấu của {answer}"
        return f"{verb_en} the seal of {answer}"

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

    def _signing_scope(  # noqa: PLR0911 - one sentence per case and language
        self, name: str, rules: Sequence[SigningRule], lang: str, document: str | None
    ) -> tuple[str, tuple[Citation, ...]]:
        """What the post may sign, by its signing clauses ("" when it has none)."""
        if not rules:
            return "", ()
        every = _unique(d for r in rules for d in r.documents)
        scopes = _unique(r.scope for r in rules if r.scope)
        docs = _asked(every, document)
        cites = _unique_cites(r.citation for r in rules)
        listed = ", ".join(f"“{d}”" for d in every)
        scope = " và ".join(scopes) if lang == "vi" else " and ".join(scopes)
        if document is not None and every and not docs:
            if scopes:
                # Vũng Tàu Điều 7 khoản 8: four kinds "và các trường hợp khác trong phạm vi
                # chức năng, nhiệm vụ của Tổ giúp việc": an unlisted kind may fall within it.
                if lang == "vi":
                    return sentence(
                        f"{name} được ký {listed} và {scope} ({_cite(cites, 'vi')}); "
                        f"“{document}” có thuộc {scope} hay không thì quy chế không quy định."
                    ), cites
                return sentence(
                    f"{name} may sign {listed} and «{scope}» ({_cite(cites, 'en')}); whether "
                    f"“{document}” falls within that the regulation does not say."
                ), cites
            if lang == "vi":
                return sentence(
                    f"{name} chỉ được ký {listed} ({_cite(cites, 'vi')}); với “{document}” thì "
                    "quy chế không quy định."
                ), cites
            return sentence(
                f"{name} may sign only {listed} ({_cite(cites, 'en')}); for “{document}” the "
                "regulation does not say."
            ), cites
        quoted = ", ".join(f"“{d}”" for d in docs)
        tail = scope if scopes and document is None else ""
        if lang == "vi":
            what = " và ".join(x for x in (quoted, tail) if x) or "văn bản"
            return sentence(f"{name} được ký {what} ({_cite(cites, 'vi')})."), cites
        what = " and ".join(x for x in (quoted, f"«{tail}»" if tail else "") if x) or "documents"
        return sentence(f"{name} may sign {what} ({_cite(cites, 'en')})."), cites

    def _signing_text(
        self, post: str, sg: signing.Signing, lang: str, document: str | None = None
    ) -> tuple[str, tuple[Citation, ...]]:
        name = self._name(post, lang)
        rules = self._signing_rules.get(post, ())
        scope, scope_cites = self._signing_scope(name, rules, lang, document)
        if sg.form is not None:
            forms = _FORM_VI if lang == "vi" else _FORM_EN
            cites = sg.citations
            if sg.basis == "deputy":
                # The regulation says nothing of a deputy signing: the form follows from the
                # regime its signature block shows and Nghị định 30/2020 Điều 13, under which a
                # deputy signs what the head assigns (khoản 1) or its own field (khoản 2).
                if lang == "vi":
                    silent = "" if rules else f"Quy chế không quy định riêng việc {name} ký; "
                    text = sentence(
                        f"{silent}theo chế độ ký mà khối chữ ký của quyết định ban hành cho "
                        f"thấy, {name} ký những văn bản được giao theo hình thức "
                        f"{forms[sg.form]}: {_lines(sg.lines)} ({_cite(cites, 'vi')})."
                    )
                else:
                    silent = "" if rules else (
                        f"The regulation says nothing of {name} signing as such; ")
                    text = sentence(
                        f"{silent}under the signing regime its issuing decision's signature "
                        f"block shows, {name} signs what is assigned {forms[sg.form]}: "
                        f"{_lines(sg.lines)} ({_cite(cites, 'en')})."
                    )
            elif lang == "vi":
                text = (f"Khi ký văn bản, {name} ký theo hình thức {forms[sg.form]}: "
                        f"{_lines(sg.lines)} ({_cite(cites, 'vi')}).")
            else:
                text = (f"When signing, {name} signs {forms[sg.form]}: {_lines(sg.lines)} "
                        f"({_cite(cites, 'en')}).")
            if sg.form is SigningForm.DIRECT and any(c.quote.startswith("KT.") for c in cites):
                # Thanh Hóa 2024: the evidence is a deputy's «KT. TRƯỞNG BAN» block, which shows
                # the head's regime; it is not the head's own form (issue #17 item 10).
                text += (" Khối chữ ký KT. của quyết định ban hành là của cấp phó ký thay "
                         "người đứng đầu; nó cho thấy chế độ thủ trưởng, theo đó người đứng đầu "
                         "ký trực tiếp." if lang == "vi" else
                         " The issuing decision's KT. block is a deputy's, signing for the "
                         "head; it shows the head's regime, under which the head signs directly.")
            # The form does not replace what the post may sign (Vũng Tàu Điều 5).
            return " ".join(x for x in (text, scope) if x), _unique_cites((*cites, *scope_cites))
        if sg.basis == "unknown_regime":
            cites = (signing.ND30_HEAD_REGIME, signing.ND30_COLLECTIVE_HEAD)
            if lang == "vi":
                text = (
                    "Văn bản không có khối chữ ký của quyết định ban hành cho biết "
                    f"{self._reg.committee.kind.word('vi')} ký "
                    f"theo chế độ thủ trưởng hay chế độ tập thể ({_cite(cites, 'vi')}), nên hình "
                    "thức ký không được quy định."
                )
            else:
                text = (
                    "The text has no signature block of the issuing decision showing whether the "
                    f"committee signs under a head or as a collective ({_cite(cites, 'en')}), so "
                    "the signing form is not specified."
                )
            return " ".join(x for x in (text, scope) if x), _unique_cites((*cites, *scope_cites))
        if scope:
            unstated = (" Quy chế không quy định hình thức ký." if lang == "vi"
                        else " The regulation does not state the signing form.")
            return scope + unstated, scope_cites
        if lang == "vi":
            word = self._reg.committee.kind.word("vi")
            return f"Quy chế không quy định {name} ký văn bản của {word}.", ()
        word = self._reg.committee.kind.word("en")
        return f"The regulation does not say that {name} signs the {word}'s documents.", ()

    def _signing_texts(
        self, post: str, sg: signing.Signing, document: str | None
    ) -> tuple[str, str, tuple[Citation, ...]]:
        """The signing sentence in Vietnamese and English, and its citations ("" if no post)."""
        if post not in self._posts:
            return "", "", ()
        vi, cites = self._signing_text(post, sg, "vi", document)
        en, _ = self._signing_text(post, sg, "en", document)
        return vi, en, cites

    def _seal_sentences(
        self,
        holder: str,
        *,
        subj: tuple[str, str],
        status: Status,
        matching: tuple[SealRule, ...],
        rules: tuple[SealRule, ...],
        document: str | None,
    ) -> tuple[str, str, list[Citation], Seal | None, tuple[str, ...], tuple[str, ...]]:
        """The seal sentence (vi, en), its citations, the seal, the answer and the kinds."""
        subj_vi, subj_en = subj
        cites: list[Citation] = []
        seal: Seal | None = None
        answer: tuple[str, ...] = ()
        documents: tuple[str, ...] = ()
        if status is Status.DECIDED:
            seal = matching[0].seal
            answer = _unique(self._seal_answer(r.seal, holder) for r in matching)
            documents = _unique(d for r in matching for d in _asked(r.documents, document))
            cites.extend(r.citation for r in matching)
            parts_vi, parts_en = [], []
            for r in matching:
                docs = ", ".join(f"“{d}”" for d in _asked(r.documents, document))
                tail_vi = f" và {r.scope}" if docs and r.scope and document is None else ""
                tail_en = f" and «{r.scope}»" if docs and r.scope and document is None else ""
                parts_vi.append(
                    self._seal_words(r.seal, holder, "vi", permitted=r.permitted)
                    + (f" khi ký {docs}{tail_vi}" if docs else "")
                    + f" ({_cite((r.citation,), 'vi')})"
                )
                parts_en.append(
                    self._seal_words(r.seal, holder, "en", permitted=r.permitted)
                    + (f" when signing {docs}{tail_en}" if docs else "")
                    + f" ({_cite((r.citation,), 'en')})"
                )
            seal_vi = f"{subj_vi} {'; '.join(parts_vi)}."
            seal_en = f"{subj_en} {'; '.join(parts_en)}."
        elif status is Status.AMBIGUOUS:
            asked = document or ""  # _own_seal is ambiguous only when a document is asked
            documents = _unique(d for r in rules for d in algo.document_partial(asked, r.documents))
            cites.extend(r.citation for r in rules if algo.document_partial(asked, r.documents))
            docs = ", ".join(f"“{d}”" for d in documents)
            seal_vi = (
                f"“{document}” không trùng văn bản nào được liệt kê; quy chế quy định con dấu "
                f"của {subj_vi} khi ký {docs} ({_cite(cites, 'vi')}), cùng loại nhưng không phải "
                "mọi văn bản loại này, nên chưa xác định được con dấu."
            )
            seal_en = (
                f"“{document}” is none of the documents listed; the regulation states the seal "
                f"of {subj_en} for {docs} ({_cite(cites, 'en')}), of that kind but not every "
                "document of it, so the seal is not decided."
            )
        elif rules:
            documents = _unique(d for r in rules for d in r.documents)
            cites.extend(r.citation for r in rules)
            docs = ", ".join(f"“{d}”" for d in documents)
            scopes = _unique(r.scope for r in rules if r.scope)
            rule_cites = [r.citation for r in rules]
            if scopes:
                # Vũng Tàu Điều 7 khoản 8: listed kinds "và các trường hợp khác trong phạm vi
                # chức năng, nhiệm vụ của Tổ giúp việc": an unlisted kind may fall within it.
                scope_vi, scope_en = " và ".join(scopes), " and ".join(scopes)
                seal_vi = (
                    f"Quy chế quy định con dấu của {subj_vi} khi ký {docs} và {scope_vi} "
                    f"({_cite(rule_cites, 'vi')}); “{document}” có thuộc {scope_vi} hay "
                    "không thì quy chế không quy định, nên con dấu cho nó không được quy định."
                )
                seal_en = (
                    f"The regulation states the seal of {subj_en} for {docs} and «{scope_en}» "
                    f"({_cite(rule_cites, 'en')}); whether “{document}” falls within that it "
                    "does not say, so the seal for it is not specified."
                )
            else:
                seal_vi = (
                    f"Quy chế chỉ quy định con dấu của {subj_vi} khi ký {docs} "
                    f"({_cite(rule_cites, 'vi')}); với “{document}” thì không được quy định."
                )
                seal_en = (
                    f"The regulation states the seal of {subj_en} only for {docs} "
                    f"({_cite(rule_cites, 'en')}); for “{document}” it is not specified."
                )
        else:
            seal_vi = f"Quy chế không quy định {subj_vi} sử dụng con dấu nào."
            seal_en = f"The regulation does not say which seal {subj_en} uses."
            committee_rules = self._seal_rules.get(COMMITTEE, ()) if holder != COMMITTEE else ()
            for r in committee_rules:
                cites.append(r.citation)
                seal_vi += (
                    f" {self._name(COMMITTEE, 'vi')} {self._seal_words(r.seal, COMMITTEE, 'vi')}"
                    f" ({_cite((r.citation,), 'vi')})."
                )
                seal_en += (
                    f" {self._name(COMMITTEE, 'en')} {self._seal_words(r.seal, COMMITTEE, 'en')}"
                    f" ({_cite((r.citation,), 'en')})."
                )
        return seal_vi, seal_en, cites, seal, answer, documents

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
        name_vi, name_en = self._name(post, "vi"), self._name(post, "en")
        cites: list[Citation] = []
        if dl is not None:
            cites.append(dl.citation)
            pre_vi = (
                f"{name_vi} ký thừa ủy quyền của {self._name(holder, 'vi')} "
                f"({_cite((dl.citation,), 'vi')}), nên dùng con dấu của cơ quan ủy quyền "
                f"({_cite((signing.ND30_TUQ,), 'vi')}): "
            )
            pre_en = (
                f"{name_en} signs by written authorisation of {self._name(holder, 'en')} "
                f"({_cite((dl.citation,), 'en')}), so uses the delegator's seal "
                f"({_cite((signing.ND30_TUQ,), 'en')}): "
            )
            subj_vi, subj_en = self._name(holder, "vi"), self._name(holder, "en")
        else:
            pre_vi = pre_en = ""
            subj_vi, subj_en = name_vi, name_en
        seal_vi, seal_en, seal_cites, seal, answer, documents = self._seal_sentences(
            holder, subj=(subj_vi, subj_en), status=status, matching=matching, rules=rules,
            document=document,
        )
        cites.extend(seal_cites)
        if dl is not None:
            cites.append(signing.ND30_TUQ)
        if not documents:
            # No seal clause names kinds: the kinds the post may sign, if a clause lists them.
            signable = _unique(d for r in self._signing_rules.get(post, ()) for d in r.documents)
            documents = _asked(signable, document)
        sign_vi, sign_en, sc = self._signing_texts(post, sg, document)
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
            text_vi=" ".join(x for x in (pre_vi + seal_vi, sign_vi) if x),
            text_en=" ".join(x for x in (pre_en + seal_en, sign_en) if x),
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
            acting = self.acting_for(post, given, on)
            if not acting.decided:
                return Ruling(
                    status=acting.status,
                    chain=acting.chain,
                    citations=acting.citations,
                    **common,
                    text_vi=acting.text_vi,
                    text_en=acting.text_en,
                )
            signer = acting.answer[0]
            sg = signing.acting_signing(self._style, p, self._post(signer))
            if sg.form is None:
                text_vi, sc = self._signing_text(signer, sg, "vi")
                text_en, _ = self._signing_text(signer, sg, "en")
                return Ruling(
                    status=Status.NOT_SPECIFIED,
                    answer=(),
                    chain=acting.chain,
                    citations=_unique_cites((*acting.citations, *sc)),
                    **common,
                    text_vi=f"{acting.text_vi} {text_vi}",
                    text_en=f"{acting.text_en} {text_en}",
                )
            others = acting.answer[1:]
            more_vi = more_en = ""
            if others:
                more_vi = (
                    f" Mỗi người trong {self._names(acting.answer, 'vi')} đều có thể ký như vậy "
                    "với dòng chức vụ và cơ quan của mình."
                )
                more_en = (
                    f" Any of {self._names(acting.answer, 'en')} may sign so, with their own "
                    "title and office lines."
                )
            forms_vi, forms_en = _FORM_VI[SigningForm.KT], _FORM_EN[SigningForm.KT]
            return Ruling(
                status=Status.DECIDED,
                answer=acting.answer,
                chain=acting.chain,
                citations=_unique_cites((*acting.citations, *sg.citations)),
                signing_form=sg.form,
                lines=sg.lines,
                unordered=acting.unordered,
                **common,
                text_vi=(
                    f"{acting.text_vi} Người thay ký theo hình thức {forms_vi}: {_lines(sg.lines)} "
                    f"({_cite(sg.citations, 'vi')}).{more_vi}"
                ),
                text_en=(
                    f"{acting.text_en} The substitute signs {forms_en}: {_lines(sg.lines)} "
                    f"({_cite(sg.citations, 'en')}).{more_en}"
                ),
            )
        dl = self._delegation(post, on, document, delegations)
        if dl is None:
            unsure = self._delegation_unsure(
                post, on, document, delegations, question=Question.SIGNATURE_BLOCK, absent=fs
            )
            if unsure is not None:
                return unsure
        sg = self._signing(post, dl)
        text_vi, sc = self._signing_text(post, sg, "vi", document)
        text_en, _ = self._signing_text(post, sg, "en", document)
        cites = (dl.citation, *sc) if dl is not None else sc
        if sg.form is None:
            rules = self._signing_rules.get(post, ())
            return Ruling(
                status=Status.NOT_SPECIFIED,
                chain=(post,),
                citations=_unique_cites(cites),
                documents=_unique(d for r in rules for d in r.documents),
                **common,
                text_vi=text_vi,
                text_en=text_en,
            )
        if dl is not None:
            text_vi = (
                f"{self._name(post, 'vi')} được {self._name(dl.delegator, 'vi')} ủy quyền "
                f"bằng văn bản từ {dl.start:%d/%m/%Y} đến {dl.end:%d/%m/%Y} "
                f"({_cite((dl.citation,), 'vi')}). {text_vi}"
            )
            text_en = (
                f"{self._name(post, 'en')} holds a written authorisation from "
                f"{self._name(dl.delegator, 'en')} from {dl.start.isoformat()} to "
                f"{dl.end.isoformat()} ({_cite((dl.citation,), 'en')}). {text_en}"
            )
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
            text_vi=text_vi,
            text_en=text_en,
        )


_SIGNATURE_BLOCK = inspect.signature(_Seals.signature_block)
