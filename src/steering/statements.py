"""What a regulation says about one compared fact: typed statements, no prose.

[`compare`][steering.compare.compare] reads each regulation into facts; each fact's
side says what the regulation says as a [`Statement`][steering.statements.Statement]
(the cadences, the seal, the posts named) and the clauses it says it in. The words are
the text layer's ([`steering.text`][steering.text]): each catalogue words every kind of
statement, as it words every kind of ruling's reason, so comparisons, tables and
rulings speak one vocabulary.

Names of posts and bodies and the text's own words (a document kind, a scope, a
channel's name) are the regulation's, kept verbatim and the same in every language.
A fact's [`Subject`][steering.statements.Subject] is what it is about: a name, a word of
the library's vocabularies, and a label the catalogues word.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from steering.regulation import Level, PartialDate
from steering.roles import GroupKind, Role
from steering.rules import (
    AttendanceCondition,
    Cadence,
    ChannelKind,
    MeetingKind,
    Period,
    ProcedureKind,
    Seal,
)

__all__ = ["About", "Statement", "Subject"]


def _tuple() -> Any:
    return attrs.field(default=(), converter=tuple)


class About(enum.Enum):
    """Which of a subject's facts a row is about, where a subject has several."""

    DECISION_NUMBER = "decision_number"
    SIGNED = "signed"
    EFFECTIVE = "effective"
    REPLACES = "replaces"
    LEVEL = "level"
    LOCALITY = "locality"
    ISSUER = "issuer"
    COMMITTEE = "committee"
    SIGNATURE = "signature"
    DEPTH = "depth"
    REPORTS_TO = "reports_to"
    THROUGH = "through"
    CONSULT = "consult"
    PARTNERS = "partners"
    CADENCE = "cadence"
    DEADLINE = "deadline"
    ANNEX = "annex"


@attrs.frozen
class Subject:
    """What a fact is about, worded by the text layer.

    Attributes:
        name: The regulation's words for a post, body or target ("" for none).
        member: A word of the library's vocabularies (a role, a kind of meeting,
            group or channel) after the name.
        about: Which of its facts this is (`About.DEPTH`, `About.REPORTS_TO` ...),
            worded after the rest in brackets.

    """

    name: str = ""
    member: Role | MeetingKind | GroupKind | ChannelKind | None = None
    about: About | None = None


@attrs.frozen
class Statement:
    """What a regulation says about one fact; each kind is a subclass, worded by the text layer."""


@attrs.frozen
class NotSaid(Statement):
    """The regulation says nothing about it."""


@attrs.frozen
class NoCounterpart(Statement):
    """The regulation has no post or body matching the one the fact is about."""


@attrs.frozen
class Verbatim(Statement):
    """The regulation's own words, the same in every language (a name, a list of names)."""

    text: str


# -- identity ------------------------------------------------------------------------


@attrs.frozen
class DecisionNumber(Statement):
    """The decision's number; empty when left blank or unknown."""

    number: str
    unknown: bool = False


@attrs.frozen
class SignedOn(Statement):
    """The signing date, or the bounds of an unknown one."""

    date: PartialDate | None
    not_before: dt.date | None = None
    not_after: dt.date | None = None


@attrs.frozen
class InForce(Statement):
    """In force from signing, or from a date (which a file may leave unstated)."""

    on_signing: bool
    date: PartialDate | None = None


@attrs.frozen
class Replacing(Statement):
    """The decisions replaced: (number, date)."""

    decisions: tuple[tuple[str, PartialDate | None], ...] = _tuple()


@attrs.frozen
class LevelIs(Statement):
    """The administrative level."""

    level: Level


# -- posts and authority -------------------------------------------------------------


@attrs.frozen
class PostHeld:
    """One post of a role: its title (with its office), how many hold it, what else they hold."""

    title: str
    plural: bool = False
    count: int | None = None
    count_unknown: bool = False
    also: tuple[str, ...] = _tuple()


@attrs.frozen
class PostsOfRole(Statement):
    """The posts of one role."""

    posts: tuple[PostHeld, ...] = _tuple()


@attrs.frozen
class Tier:
    """One tier of substitution: who else is absent (names, "" for none), then who acts."""

    also_absent: str
    substitutes: str


@attrs.frozen
class SubstitutionOrder(Statement):
    """Who acts for an absent post, tier by tier."""

    tiers: tuple[Tier, ...] = _tuple()


@attrs.frozen
class Depth(Statement):
    """How many tiers of substitution."""

    tiers: int


@attrs.frozen
class SealUse:
    """One seal rule: a permission or not, the seal, for which documents."""

    seal: Seal
    permitted: bool = False
    documents: tuple[str, ...] = _tuple()
    scope: str = ""


@attrs.frozen
class SealsUsed(Statement):
    """The seals a post uses, each for its documents."""

    uses: tuple[SealUse, ...] = _tuple()


@attrs.frozen
class SignsEverything(Statement):
    """A post signs every document of its remit."""


@attrs.frozen
class SignsDocuments(Statement):
    """The kinds of document a post signs, then the clause's open tails ("và ...")."""

    documents: tuple[str, ...] = _tuple()
    scopes: tuple[str, ...] = _tuple()


# -- meetings ------------------------------------------------------------------------


@attrs.frozen
class Convenes(Statement):
    """Who convenes a kind of meeting, on whose proposal, who chairs (names)."""

    conveners: str
    proposers: str = ""
    chairs: str = ""
    conveners_chair: bool = False


@attrs.frozen
class AlsoServes:
    """A sitting that also serves a purpose ("kiêm tổng kết năm"), with whom."""

    period: Period
    which: tuple[int, ...] = _tuple()
    name: str = ""
    participants: str = ""


@attrs.frozen
class MeetingsHeld(Statement):
    """When a body meets: cadences, conditions, who joins, what sittings also serve."""

    regular: bool
    cadences: tuple[Cadence, ...] = _tuple()
    conditions: tuple[str, ...] = _tuple()
    joint: tuple[str, ...] = _tuple()
    purposes: tuple[AlsoServes, ...] = _tuple()


@attrs.frozen
class AttendanceTerms:
    """One attendance rule: must attend, what an absence needs, whether a proxy may go."""

    must_attend: bool
    absence: tuple[AttendanceCondition, ...] = _tuple()
    proxy: bool | None = None
    proxy_conditions: tuple[AttendanceCondition, ...] = _tuple()


@attrs.frozen
class Attends(Statement):
    """The attendance rules of a post at a body's meetings."""

    terms: tuple[AttendanceTerms, ...] = _tuple()


@attrs.frozen
class NoticeDays(Statement):
    """A notice at least so many working days before a meeting."""

    working_days: int
    what: str = ""


@attrs.frozen
class ProcedureHeld(Statement):
    """A procedure (names): who carries it out, in whose meeting, who decides, on what."""

    kind: ProcedureKind
    actors: str = ""
    chaired_by: str = ""
    decider: str = ""
    trigger: str = ""


@attrs.frozen
class MadeOf(Statement):
    """A leadership collective and the posts it is made of (names)."""

    name: str
    members: str


@attrs.frozen
class DecidedBy(Statement):
    """Who decides who attends: a post (name), or the chair when empty."""

    decider: str = ""


# -- reports and bodies --------------------------------------------------------------


@attrs.frozen
class ReportCadences(Statement):
    """When a post reports: cadences, periodic with no period, ad hoc."""

    cadences: tuple[Cadence, ...] = _tuple()
    periodic_unstated: bool = False
    ad_hoc: bool = False


@attrs.frozen
class DeadlineDay:
    """A report deadline: on or before a day, of the period's month or the next."""

    day: int
    before: bool = False
    next_month: bool = False


@attrs.frozen
class ReportDeadlines(Statement):
    """A post's report deadlines."""

    deadlines: tuple[DeadlineDay, ...] = _tuple()


@attrs.frozen
class GroupIs(Statement):
    """A working group: its name, its lead (name), its own regulation."""

    name: str
    lead: str = ""
    regulation: str = ""


@attrs.frozen
class AgenciesFor(Statement):
    """Several standing agencies, each for its domain: (agency, domain)."""

    agencies: tuple[tuple[str, str], ...] = _tuple()


@attrs.frozen
class MonitoringAnnex(Statement):
    """An annex assigning members to localities and sectors (counts)."""

    members: int
    localities: int
    others: int


@attrs.frozen
class ChannelNamed:
    """A channel: its name (with its platform), what it is not for, who set it up."""

    name: str
    excludes: tuple[str, ...] = _tuple()
    administrator: str = ""


@attrs.frozen
class Channels(Statement):
    """The channels of one kind."""

    channels: tuple[ChannelNamed, ...] = _tuple()


@attrs.frozen
class Funded(Statement):
    """Where the money comes from and who manages it: (source, manager), either may be empty."""

    entries: tuple[tuple[str, str], ...] = _tuple()


@attrs.frozen
class PartTime(Statement):
    """Whose members serve part time: the committee's, and working groups' (names)."""

    committee: bool = False
    groups: tuple[str, ...] = _tuple()


@attrs.frozen
class Delegated(Statement):
    """A written authorisation: who signs (name), which documents, from when to when."""

    delegate: str
    start: dt.date
    end: dt.date
    documents: tuple[str, ...] = _tuple()
