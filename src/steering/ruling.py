"""The answer to an authority question: a `Ruling` with its `Status`.

Every query of [`steering.authority.AuthorityGraph`][steering.authority.AuthorityGraph] returns a
ruling. A
ruling is a frozen, hashable value: what was asked (``question``, ``subject``),
what the regulation decides (``status``, ``answer`` and typed details such as
``seal`` or ``signing_form``), the clauses the reasoning used, in order
(``citations``), and a sentence or two that explains it in Vietnamese or
English ([`Ruling.explain`][steering.ruling.Ruling.explain]).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from steering.errors import QueryError, SteeringError
from steering.reasons import AsWritten, Reason
from steering.regulation import Regulation
from steering.rules import AttendanceCondition, Citation, Delegation, Seal, SigningForm
from steering.text import Worded, sentence

__all__ = ["LANGS", "Question", "Ruling", "Status", "ruling_json", "sentence"]

#: The languages [`Ruling.explain`][steering.ruling.Ruling.explain] speaks.
LANGS = ("vi", "en")


class Status(enum.StrEnum):
    """How the regulation settles a question.

    The members are strings, so ``ruling.status == "decided"`` holds.
    """

    DECIDED = "decided"  # the regulation gives an answer
    NOT_SPECIFIED = "not_specified"  # the regulation is silent
    NOBODY_AVAILABLE = "nobody_available"  # every eligible post is absent
    AMBIGUOUS = "ambiguous"  # the question's name matches loosely: candidates, no answer


class Question(enum.StrEnum):
    """Which query a ruling answers (the `AuthorityGraph` method's name)."""

    ACTING_FOR = "acting_for"
    SEAL_FOR = "seal_for"
    ACCOUNTABLE_TO = "accountable_to"
    REPORTS_TO = "reports_to"
    CONVENERS = "conveners"
    MONITOR_OF = "monitor_of"
    MONITORED_BY = "monitored_by"
    PROXY = "proxy"
    SIGNATURE_BLOCK = "signature_block"
    STANDING_AGENCY = "standing_agency"
    NOTICE = "notice"
    PROCEDURE = "procedure"
    COLLECTIVE = "collective"


#: The fields every ruling's machine form carries, whatever their value.
_ALWAYS = frozenset({"question", "subject", "status", "answer", "citations", "caveats"})
#: The fields that belong to each question, kept even when empty or ``None``.
_OWN: dict[Question, frozenset[str]] = {
    Question.ACTING_FOR: frozenset({"absent", "chain", "on"}),
    Question.SEAL_FOR: frozenset({"seal", "signing_form"}),
    Question.SIGNATURE_BLOCK: frozenset({"absent", "lines", "signing_form"}),
    Question.STANDING_AGENCY: frozenset({"candidates"}),
    Question.NOTICE: frozenset({"on"}),
    Question.PROCEDURE: frozenset({"chain"}),
    Question.COLLECTIVE: frozenset({"absent", "chain", "on"}),
    Question.ACCOUNTABLE_TO: frozenset({"chain"}),
    Question.REPORTS_TO: frozenset(),
    Question.CONVENERS: frozenset({"on_proposal_of"}),
    Question.MONITOR_OF: frozenset({"targets"}),
    Question.MONITORED_BY: frozenset({"targets"}),
    Question.PROXY: frozenset({"allowed", "conditions"}),
}


def _tuple(default: tuple[Any, ...] = (), *, repr: bool = True) -> Any:
    return attrs.field(default=default, converter=tuple, repr=repr)


def _sorted_repr(value: frozenset[str]) -> str:
    """A set's repr in sorted order, the same whatever the interpreter's hash seed."""
    return f"frozenset({{{', '.join(repr(x) for x in sorted(value))}}})" if value else "frozenset()"


@attrs.frozen(kw_only=True)
class Ruling(Worded):
    """What the regulation says about one question, why, and in which clauses.

    Attributes:
        question: The query answered.
        subject: What was asked about: a post id, a meeting kind, a locality.
        status: ``decided``, ``not_specified``, ``nobody_available`` or
            ``ambiguous`` (a name asked about, a locality or a document kind,
            matches the regulation's names only loosely: ``candidates`` says
            what it may mean, and nothing is decided).
        answer: The decision: post ids (who acts, to whom a post answers, who
            convenes, who monitors), body ids, seal agencies, or target names;
            empty unless ``status`` is ``decided``.
        candidates: For ``ambiguous``: the post ids (``monitor_of``) or the
            listed document kinds (``seal_for``, ``signature_block``) the name
            may mean, in the regulation's order.
        citations: Every clause the reasoning used, in the order it used them.
        chain: The posts considered, in order (for ``acting_for``: the
            principal, then each substitute tier as tried).
        absent: The posts taken as absent.
        on: The date the question was asked for, if any.
        seal: The seal decided (``seal_for``).
        signing_form: The signing form of Nghị định 30/2020/NĐ-CP Điều 13
            (``seal_for``, ``signature_block``), or ``None`` when not specified.
        documents: Document kinds the answer is restricted to (empty: not restricted).
        lines: The lines a signature block carries (``signature_block``).
        allowed: Whether a proxy may attend (``proxy``), ``None`` when not specified.
        conditions: Conditions the regulation puts on the answer (``proxy``).
        absence_conditions: What an absence from a meeting requires (``proxy``).
        on_proposal_of: On whose proposal a meeting may be convened (``conveners``).
        targets: Sectors and localities, in the annex's own words
            (``monitor_of``: the ones matched; ``monitored_by``: the ones followed).
        delegation: The written authorisation (TUQ.) the answer rests on, if any.
        unordered: Several posts answer and the regulation does not order them.
        caveats: What the world did after the regulation was written, by the
            ruling's date ([`steering.world`][steering.world]): the 2025 reorganisation, a
            later decision; [`explain`][steering.ruling.Ruling.explain] appends them.
        reasons: Why, as typed facts ([`steering.reasons`][steering.reasons]): who is
            absent, which clause names whom, which reading was applied. The text
            layer ([`steering.text`][steering.text]) words them; `explain` says them.

    """

    question: Question
    subject: str
    status: Status
    answer: tuple[str, ...] = _tuple()
    candidates: tuple[str, ...] = _tuple()
    citations: tuple[Citation, ...] = _tuple()
    chain: tuple[str, ...] = _tuple()
    # repr sorted: a set's own order changes with the interpreter's hash seed.
    absent: frozenset[str] = attrs.field(
        default=frozenset(), converter=frozenset, repr=_sorted_repr
    )
    on: dt.date | None = None
    seal: Seal | None = None
    signing_form: SigningForm | None = None
    documents: tuple[str, ...] = _tuple()
    lines: tuple[str, ...] = _tuple()
    allowed: bool | None = None
    conditions: tuple[AttendanceCondition, ...] = _tuple()
    absence_conditions: tuple[AttendanceCondition, ...] = _tuple()
    on_proposal_of: tuple[str, ...] = _tuple()
    targets: tuple[str, ...] = _tuple()
    delegation: Delegation | None = None
    unordered: bool = False
    caveats: tuple[Any, ...] = _tuple()
    reasons: tuple[Reason, ...] = _tuple(repr=False)

    @property
    def decided(self) -> bool:
        """Whether the regulation gives an answer (``status == "decided"``)."""
        return self.status is Status.DECIDED

    def explain(self, lang: str = "vi") -> str:
        """Explain the ruling in a sentence or two, citing "Điều N khoản M".

        Args:
            lang: ``"vi"`` (the default) or ``"en"``.

        Raises:
            QueryError: ``lang`` is not one of `LANGS`.

        """
        if lang not in LANGS:
            raise QueryError(f"unknown language {lang!r}; allowed: {', '.join(LANGS)}")
        text = self.text_vi if lang == "vi" else self.text_en
        return " ".join([text, *(c.explain(lang) for c in self.caveats)])

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """The ruling as plain JSON data: the form of ``steering ... --json``.

        Field names are the attribute names; enums are their values, dates ISO
        strings, sets sorted lists; ``reasons`` are the typed reasons, each
        ``{"reason": "substitute_acts", ...its fields}`` (posts as ``{id, vi, en}``,
        clauses as citations), the same in every language; ``explanation`` is
        `explain` in ``lang``, the reasons in words.
        Fields of other questions that are empty here (``seal`` on an
        ``acting_for`` ruling) are left out. The command line and the web API
        add ``names``, the regulation's words for each id (a ruling does not
        hold its regulation). ``json.dumps(ruling.to_dict())`` works.

        Raises:
            QueryError: ``lang`` is not one of `LANGS`.

        """
        from steering._json import jsonable  # noqa: PLC0415 - small, and only here

        explanation = self.explain(lang)
        keep = _ALWAYS | _OWN.get(self.question, frozenset())
        data: dict[str, Any] = {
            k: v for k, v in jsonable(self).items() if k in keep or v not in (None, [], False)
        }
        if "caveats" in data:
            # A caveat is said in words too: its explanation in ``lang``, as the ruling's.
            data["caveats"] = [
                {**jsonable(c), "reasons": jsonable(c.reasons), "explanation": c.explain(lang)}
                for c in self.caveats
            ]
        data["reasons"] = jsonable(self.reasons)
        data["explanation"] = explanation
        return data

    def to_json(self, lang: str = "vi", *, indent: int | None = 2) -> str:
        """`to_dict` as JSON text (Vietnamese kept as written, not escaped)."""
        import json  # noqa: PLC0415

        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent)

    def __str__(self) -> str:
        return self.text_vi

    def _repr_html_(self) -> str:
        """Render as an HTML table in Jupyter."""
        from steering._display import ruling_html  # noqa: PLC0415 - display code loads lazily

        return ruling_html(self)


def ends_with(reasons: tuple[Reason, ...], note: Reason) -> bool:
    """Whether the explanation of ``reasons`` already ends with ``note``."""
    if not reasons:
        return False
    last = reasons[-1]
    if last == note:
        return True
    return isinstance(last, AsWritten) and not last.answer and ends_with(last.reasons, note)


def without(reasons: tuple[Reason, ...], note: Reason) -> tuple[Reason, ...]:
    """``reasons`` with ``note`` taken out wherever it stands."""
    return tuple(
        attrs.evolve(x, reasons=without(x.reasons, note)) if isinstance(x, AsWritten) else x
        for x in reasons if x != note
    )


def noted_last(ruling: Ruling, note: Reason) -> Ruling:
    """``ruling`` with ``note`` at the end of its reasons, said once.

    A ruling built on another (signature_block on acting_for) carries the note of the
    first: it is moved last, not repeated.
    """
    if ends_with(ruling.reasons, note):
        return ruling
    return attrs.evolve(ruling, reasons=(*without(ruling.reasons, note), note))


def _shown_names(reg: Regulation, ids: Iterable[str]) -> dict[str, str]:
    """Each id's name in the regulation's words, told apart where posts share a title.

    A title several posts share gets its office ("Phó Trưởng ban (Giám đốc Sở
    Thông tin và Truyền thông)"), so no two ids read alike.
    """
    titles: dict[str, int] = {}
    for post in reg.posts:
        titles[post.title] = titles.get(post.title, 0) + 1
    posts = {post.id: post for post in reg.posts}
    out: dict[str, str] = {}
    for i in ids:
        try:
            name = reg.name_of(i)
        except SteeringError:
            continue
        p = posts.get(i)
        extra = (p.office or p.agency) if p is not None and titles[p.title] > 1 else ""
        out[i] = f"{name} ({extra})" if extra else name
    return out


def ruling_json(ruling: Ruling, reg: Regulation, lang: str) -> dict[str, Any]:
    """A ruling's machine form, as the CLI's ``--json`` and the web API give it.

    `Ruling.to_dict` and, under ``names``, the regulation's name of each id it holds.
    """
    data: dict[str, Any] = ruling.to_dict(lang)
    ids = (*ruling.answer, *ruling.candidates, *ruling.chain, ruling.subject)
    data["names"] = _shown_names(reg, ids)
    return data
