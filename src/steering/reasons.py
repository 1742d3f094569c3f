"""Why a ruling decides as it does: typed reasons, no prose.

A [`Ruling`][steering.ruling.Ruling] carries its reasons: each one a fact the engine
found (who is absent, which clause names a substitute, which reading it applied), with
the clauses it rests on. The words are the text layer's
([`steering.text`][steering.text]): one catalogue per language turns each kind of
reason into a sentence, so the engines decide and never word.

A reason names posts and bodies by [`Named`][steering.reasons.Named]: the id with the
regulation's own words for it, in each language, since a ruling does not hold its
regulation. Quoted strings (a clause's scope, a document kind) are the regulation's
words, kept verbatim.

Past 600 lines: a table of data. One frozen attrs class per kind of reason, grouped by
family of questions in the order of the catalogues (`steering.text.vi`,
`steering.text.en`), so a kind and its two wordings are found at the same place.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any

import attrs

from steering._json import JSON, jsonable
from steering._matching import Looseness
from steering.regulation import CommitteeKind, PartialDate
from steering.rules import (
    AttendanceCondition,
    Citation,
    MeetingKind,
    Period,
    ProcedureKind,
    SealKind,
    SigningForm,
)

__all__ = ["ChangeKind", "Named", "Reason", "kind_of"]


@attrs.frozen
class Named:
    """A post, body or working group: its id and the regulation's words for it.

    Attributes:
        id: The id in the regulation's file.
        vi: Its name in Vietnamese (the title, with the office where the title lacks it).
        en: Its name in English (the title, then a gloss of its role).

    """

    id: str
    vi: str
    en: str


@attrs.frozen
class Reason:
    """A fact a ruling rests on; each kind is a subclass, worded by the text layer."""


def _as_tuple(items: Any) -> Any:
    return tuple(items)


def _tuple() -> Any:
    return attrs.field(default=(), converter=_as_tuple)


def _names() -> Any:
    return _tuple()


def _cites() -> Any:
    return _tuple()


# -- who acts for an absent post ---------------------------------------------------


@attrs.frozen
class ActsInPerson(Reason):
    """The post asked about is not absent, so it acts itself."""

    post: Named


@attrs.frozen
class NoSubstitute(Reason):
    """The regulation names no substitute for the post."""

    post: Named


@attrs.frozen
class SubstituteOnlyWhen(Reason):
    """A substitute is named only when other posts are absent too, and they are not."""

    post: Named
    needed: tuple[Named, ...] = _names()
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class NoSubstituteLeft(Reason):
    """Every substitute the regulation names is absent too."""

    post: Named
    substitutes: tuple[Named, ...] = _names()
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class SubstituteActs(Reason):
    """Who acts, under which clause, after the absent substitutes tried before.

    ``scope`` is the clause's own words for what the substitute does, if it says;
    ``title`` the absent post's title, said where the clause gives no scope.
    """

    post: Named
    title: str
    when_absent: tuple[Named, ...]
    acting: tuple[Named, ...]
    citation: Citation
    scope: str = ""
    tried: tuple[Named, ...] = _names()
    tried_citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class NotOrdered(Reason):
    """Several posts answer and the regulation does not order them."""

    posts: tuple[Named, ...] = _names()


@attrs.frozen
class AbsentWithHolder(Reason):
    """Posts absent because their holder is absent from another post they hold.

    ``pairs`` are (the post counted absent, the absent post its holder also holds).
    """

    pairs: tuple[tuple[Named, Named], ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class AuthorisationPartial(Reason):
    """A written authorisation lists documents of the asked kind, but not the one asked."""

    post: Named
    delegator: Named
    kinds: tuple[str, ...]
    document: str
    citation: Citation


# -- accountability and reports ----------------------------------------------------


@attrs.frozen
class AnswersToNobody(Reason):
    """The regulation does not say to whom the post answers."""

    post: Named


@attrs.frozen
class AnswerLine:
    """One clause's "chịu trách nhiệm trước": to whom, and for what.

    ``matter`` is what the post answers for; ``verbatim`` whether it is the clause's own
    words (else condensed from the clause, and said so).
    """

    to: tuple[Named, ...]
    citation: Citation
    matter: str = ""
    verbatim: bool = False


@attrs.frozen
class AnswersTo(Reason):
    """To whom the post answers, clause by clause.

    ``also`` are the posts the same person holds, whose clause binds this post too.
    """

    post: Named
    lines: tuple[AnswerLine, ...]
    also: tuple[Named, ...] = _names()
    also_citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class AnswersIndirectly(Reason):
    """To whom the post answers through those it answers to."""

    post: Named
    further: tuple[Named, ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class ReportsToNobody(Reason):
    """The regulation does not say to whom the post reports."""

    post: Named


@attrs.frozen
class ReportLine:
    """To whom a post reports, through whom, and how often; ``citations`` the clauses.

    ``occasion`` is the text's own words for an ad hoc report ("khi Trưởng ban ... yêu
    cầu").
    """

    recipients: tuple[Named, ...]
    through: tuple[Named, ...] = _names()
    periods: tuple[Period, ...] = _tuple()
    periodic: bool = False
    ad_hoc: bool = False
    occasion: str = ""
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class ReportsTo(Reason):
    """To whom the post reports: one line per distinct route and cadence."""

    post: Named
    lines: tuple[ReportLine, ...]


# -- meetings -------------------------------------------------------------------------


@attrs.frozen
class NoConvener(Reason):
    """The regulation does not say who convenes meetings of this kind of this body."""

    kind: MeetingKind
    body: Named


@attrs.frozen
class ConveneLine:
    """Who convenes (and chairs) a kind of meeting, on whose proposal, in which clauses."""

    conveners: tuple[Named, ...]
    on_proposal_of: tuple[Named, ...]
    chairs: bool
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class Convenes(Reason):
    """Who convenes meetings of this kind of this body: one line per set of conveners."""

    kind: MeetingKind
    body: Named
    lines: tuple[ConveneLine, ...]


@attrs.frozen
class ProxyUnsaid(Reason):
    """The regulation does not say whether the post may send a proxy.

    ``citations`` are the clauses on its attendance, which say nothing of a proxy.
    """

    post: Named
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class ProxyRule(Reason):
    """Whether the post may send a proxy, and on what conditions."""

    post: Named
    allowed: bool
    citation: Citation
    conditions: tuple[AttendanceCondition, ...] = _tuple()


@attrs.frozen
class AbsenceRequires(Reason):
    """What an absence from the meeting requires."""

    conditions: tuple[AttendanceCondition, ...] = attrs.field(converter=_as_tuple)


# -- monitoring -----------------------------------------------------------------------


@attrs.frozen
class NoMonitoring(Reason):
    """The regulation assigns no member to follow localities or sectors."""


@attrs.frozen
class NobodyMonitors(Reason):
    """The assignment gives the name asked about to no member.

    ``outside``: the name is a province other than the regulation's; ``whole_province``:
    it is the regulation's own province, which the assignment gives to no one.
    """

    query: str
    basis: Citation
    province: str
    outside: bool = False
    whole_province: bool = False


@attrs.frozen
class MonitorLoose(Reason):
    """The name asked about matches entries only loosely: what it may mean, and why loose.

    ``each`` pairs a member with the entries it holds, in the annex's words.
    """

    query: str
    province: str
    looseness: tuple[Looseness, ...]
    each: tuple[tuple[Named, tuple[str, ...]], ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class MonitorsSeveral(Reason):
    """The name matches several entries, held by several members: who holds which."""

    query: str
    entries: int
    each: tuple[tuple[Named, tuple[str, ...]], ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class Monitors(Reason):
    """Who monitors the entries, in the annex's words.

    ``read_as``: the name asked about (``query``) is read as the one entry bearing it.
    """

    query: str
    posts: tuple[Named, ...]
    targets: tuple[str, ...]
    read_as: bool = False
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class MonitorsNothing(Reason):
    """The regulation assigns the post no locality or sector."""

    post: Named


# -- seals and signing ------------------------------------------------------------------


@attrs.frozen
class SealUse:
    """One seal clause as it applies: the seal, and the documents it is used for.

    ``agency`` is the agency whose seal it is ("" for the holder's own agency, unnamed);
    ``permitted``: the clause grants a permission ("được sử dụng"); ``scope`` the clause's
    own words for further documents ("và các trường hợp khác ...").
    """

    kind: SealKind
    citation: Citation
    agency: str = ""
    permitted: bool = False
    documents: tuple[str, ...] = _tuple()
    scope: str = ""


@attrs.frozen
class SealUsed(Reason):
    """The seal the signer uses, clause by clause."""

    signer: Named
    uses: tuple[SealUse, ...]


@attrs.frozen
class SealAmbiguous(Reason):
    """The document asked about is not listed, only of a listed kind: the seal is open."""

    signer: Named
    document: str
    documents: tuple[str, ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class SealOnlyFor(Reason):
    """The seal is stated only for other documents than the one asked about.

    ``scopes`` are the clauses' own words for further documents, which may or may not
    take the one asked about in.
    """

    signer: Named
    document: str
    documents: tuple[str, ...]
    scopes: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class NoSealRule(Reason):
    """The regulation does not say which seal the signer uses."""

    signer: Named


@attrs.frozen
class CommitteeSeal(Reason):
    """The seal the committee itself uses (said where the signer has none stated)."""

    committee: Named
    use: SealUse


@attrs.frozen
class SealByAuthorisation(Reason):
    """A signer by written authorisation (TUQ.) uses the delegator's seal."""

    signer: Named
    delegator: Named
    citation: Citation
    law: Citation


@attrs.frozen
class SignsAs(Reason):
    """The signing form of Nghị định 30/2020 Điều 13 and the block's lines.

    ``regime``: the form follows from the signing regime the issuing decision's block
    shows (a deputy), not from a clause; ``silent``: the regulation says nothing of
    the post signing as such.
    """

    signer: Named
    form: SigningForm
    lines: tuple[str, ...]
    citations: tuple[Citation, ...] = _cites()
    regime: bool = False
    silent: bool = False


@attrs.frozen
class HeadRegimeShown(Reason):
    """The issuing decision's KT. block is a deputy's: it shows the head's regime."""


@attrs.frozen
class RegimeUnknown(Reason):
    """No signature block shows whether the committee signs under a head or collectively."""

    kind: CommitteeKind
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class FormUnstated(Reason):
    """The regulation does not state the signing form."""


@attrs.frozen
class SignsNothing(Reason):
    """The regulation does not say that the post signs the committee's documents."""

    signer: Named
    kind: CommitteeKind


@attrs.frozen
class MaySign(Reason):
    """What the post may sign: the kinds asked about, and the clauses' own further words."""

    signer: Named
    documents: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class MaySignOnly(Reason):
    """The post may sign only other documents than the one asked about.

    With ``scopes``, the clauses' further words may or may not take it in.
    """

    signer: Named
    document: str
    documents: tuple[str, ...]
    scopes: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class SubstituteSigns(Reason):
    """The substitute signs for the absent post ("KT."), with the block's lines."""

    form: SigningForm
    lines: tuple[str, ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class AnyMaySign(Reason):
    """Any of several substitutes may sign so, with their own title and office lines."""

    signers: tuple[Named, ...]


@attrs.frozen
class HoldsAuthorisation(Reason):
    """The post holds a written authorisation from the delegator, for these days."""

    signer: Named
    delegator: Named
    start: dt.date
    end: dt.date
    citation: Citation


# -- collectives, procedures, standing agencies -------------------------------------


@attrs.frozen
class CollectiveOf(Reason):
    """Whom a leadership collective is made of, in the text's order."""

    name: str
    members: tuple[Named, ...]
    citation: Citation


@attrs.frozen
class CollectivePresence(Reason):
    """Which members of a collective are absent and which present."""

    absent: tuple[Named, ...]
    present: tuple[Named, ...] = _names()


@attrs.frozen
class FileNote(Reason):
    """A note the file itself gives (``note = "..."``), said as written."""

    note: str


@attrs.frozen
class NoNoticeRule(Reason):
    """The regulation sets no notice period for the body's meetings."""

    body: Named


@attrs.frozen
class NoticeBy(Reason):
    """The last day a meeting's notice may go out: ``working_days`` counted back.

    ``what`` is the text's word for what is sent ("giấy mời và tài liệu"), if it says.
    """

    body: Named
    day: dt.date
    working_days: int
    last: dt.date
    citation: Citation
    what: str = ""


@attrs.frozen
class NoProcedure(Reason):
    """The regulation says nothing of this procedure for the body."""

    kind: ProcedureKind
    body: Named


@attrs.frozen
class ProcedureByChair(Reason):
    """Who carries out the procedure depends on who chaired: (actors, chair) per clause."""

    kind: ProcedureKind
    each: tuple[tuple[tuple[Named, ...], Named], ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class ProcedureBy(Reason):
    """Who carries out the procedure, on what occasion, and who decides.

    ``trigger`` is the text's words for when; ``says_decider``: whether the procedure has
    a decider to name (a conclusion notice has none).
    """

    kind: ProcedureKind
    body: Named
    actors: tuple[Named, ...]
    citation: Citation
    trigger: str = ""
    decider: Named | None = None
    says_decider: bool = True


@attrs.frozen
class NoStandingAgency(Reason):
    """The regulation names no standing agency."""


@attrs.frozen
class StandingAgencyIs(Reason):
    """The standing agency (for its domain); ``read``: the words asked, read as that domain."""

    agency: str
    citation: Citation
    domain: str = ""
    read: str = ""


@attrs.frozen
class StandingAgencies(Reason):
    """Several standing agencies, one per domain, fit the question: (agency, domain) each.

    ``asked`` is the domain asked about, if any.
    """

    each: tuple[tuple[str, str], ...]
    asked: str = ""
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class NoAgencyForDomain(Reason):
    """No standing agency is given the domain asked about; ``domains`` those given."""

    domain: str
    domains: tuple[str, ...]
    citations: tuple[Citation, ...] = _cites()


# -- what the world did after the text (caveats) -------------------------------------


class ChangeKind(enum.StrEnum):
    """What the 2025 reorganisation did to a unit."""

    MERGED = "merged"  # sáp nhập vào một đơn vị khác
    ENDED = "ended"  # không còn là đơn vị hành chính (cấp huyện kết thúc)
    REORGANISED = "reorganised"  # sắp xếp lại
    UNCHANGED = "unchanged"  # giữ nguyên


@attrs.frozen
class UnitChanged(Reason):
    """The reorganisation changed a unit, as ``kind`` says.

    ``instrument`` names the instrument that decides it; ``decisive``: whether the
    regulation's applicability is left unknown.
    """

    kind: ChangeKind
    unit: Named
    on: dt.date
    instrument: Named
    into: str = ""
    decisive: bool = False


@attrs.frozen
class Replaced(Reason):
    """A later decision replaced (or may have replaced) the regulation.

    ``successor`` describes it; ``sure``: its start is known, and ``now`` names what was
    in force on the day asked (a preset id), or is the reason that is not known (one of
    the succession's: `BeforeKnown`, `StartUncertain`, `NotShipped`, `Reorganised`);
    else ``starts`` is the start as far as it is known.
    """

    first: dt.date
    successor: Named
    sure: bool
    on: dt.date | None = None
    now: Named | Reason | None = None
    starts: str = ""


@attrs.frozen
class UnitEnded(Reason):
    """Monitored units that ceased to exist when the district level ended."""

    units: tuple[str, ...]
    on: dt.date
    instrument: Named


# -- which regulation was in force (presets.in_force, a SuccessionError) ---------------


@attrs.frozen
class UnknownLocality(Reason):
    """No shipped preset belongs to the locality; ``known`` lists those that do."""

    locality: str
    known: tuple[str, ...] = _tuple()


@attrs.frozen
class BeforeKnown(Reason):
    """The day is before every known decision of the locality; ``first`` is the earliest."""

    locality: str
    on: dt.date
    first: Named


@attrs.frozen
class StartUncertain(Reason):
    """``term``'s date is known only in part (``known_as``: ``begins`` to ``latest``).

    ``before`` is the decision that may still have been in force, if one is known.
    """

    locality: str
    on: dt.date
    term: Named
    known_as: PartialDate
    begins: dt.date
    latest: dt.date
    before: Named | None = None


@attrs.frozen
class NotShipped(Reason):
    """The decision in force is known but not shipped as a preset.

    ``replaced_in`` is the clause of ``replaced_by`` (a preset id) that names it as
    replaced, where one does.
    """

    locality: str
    on: dt.date
    term: Named
    replaced_in: Citation | None = None
    replaced_by: str = ""


@attrs.frozen
class Reorganised(Reason):
    """The locality was merged or reorganised by the day: ``changes`` are the world's reasons.

    Each is said as a sentence of its own after "but", whose first word (a date word,
    never a name) is written in lower case.
    """

    locality: str
    on: dt.date
    term: Named
    changes: tuple[UnitChanged | Replaced | UnitEnded, ...] = _tuple()


# -- notes every ruling may carry -----------------------------------------------------


@attrs.frozen
class OnlyWhenSetUp(Reason):
    """The answer concerns groups set up only when needed."""

    groups: tuple[str, ...]
    citations: tuple[Citation, ...] = _cites()


@attrs.frozen
class RestsOnReplaced(Reason):
    """Cited clauses belong to an instrument this regulation replaces.

    ``hits`` are (the clause cited, the clause that replaces its instrument).
    """

    hits: tuple[tuple[Citation, Citation], ...]


@attrs.frozen
class NotYetInForce(Reason):
    """The day asked about is before the regulation can be in force."""

    on: dt.date
    first: dt.date


@attrs.frozen
class StartUnknown(Reason):
    """The signing date is unknown, so whether the regulation governed the day is not known.

    ``not_before`` and ``not_after`` are the bounds the file gives for the signing date.
    """

    not_before: dt.date | None = None
    not_after: dt.date | None = None


@attrs.frozen
class AsWritten(Reason):
    """What the text decides, said as the text's only: a later change leaves it unknown."""

    reasons: tuple[Reason, ...]
    answer: tuple[str, ...] = ()


# -- the machine form --------------------------------------------------------------------


def kind_of(reason: Reason) -> str:
    """A reason's kind as its machine form names it (key ``"reason"``): ``"substitute_acts"``."""
    return _KIND.sub("_", type(reason).__name__).lower()


_KIND = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _machine_form(cls: type) -> Any:
    names = tuple(f.name for f in attrs.fields(cls))

    def form(value: Reason) -> dict[str, Any]:
        return {"reason": kind_of(value), **{n: jsonable(getattr(value, n)) for n in names}}

    return form


# A reason's machine form (``--json``, the web API): its kind under "reason" (a field
# may be called "kind"), then every field, the
# posts as {id, vi, en}, the clauses as citations, reasons inside it in the same form.
JSON.register_unstructure_hook_factory(
    lambda cls: isinstance(cls, type) and issubclass(cls, Reason), _machine_form)
