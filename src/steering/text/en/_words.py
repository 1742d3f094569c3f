"""English: the words of the vocabularies, the labels, and the catalogue.

Every entry of the catalogue (`SAY`) is registered by `_rulings` (a ruling's reasons) and
`_compared` (what a regulation says about a compared fact).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from steering import reasons as r
from steering.regulation import Level
from steering.roles import GroupKind, Role
from steering.rules import (
    AttendanceCondition,
    ChannelKind,
    Citation,
    MeetingKind,
    Period,
)
from steering.statements import About
from steering.text import Catalogue
from steering.text._common import cite as _cite
from steering.text._common import listed as _listed
from steering.text._common import names as _names

# -- words: one per member of the library's vocabularies ---------------------------

#: The English word for every role, kind of meeting, level, cadence,
#: attendance condition and kind of group ([`steering.text.word`][steering.text.word]).
WORDS: dict[enum.Enum, str] = {
    Role.HEAD: "head",
    Role.STANDING_DEPUTY: "standing deputy head",
    Role.DEPUTY: "deputy head",
    Role.STANDING_MEMBER: "standing member",
    Role.MEMBER: "member",
    Role.WG_LEAD: "working-group lead",
    Role.WG_MEMBER: "working-group member",
    Role.STANDING_AGENCY: "standing agency",
    MeetingKind.REGULAR: "regular meeting",
    MeetingKind.EXTRAORDINARY: "extraordinary meeting",
    MeetingKind.EXPANDED: "expanded meeting",
    Level.NATIONAL: "national",
    Level.MINISTRY: "ministry",
    Level.PROVINCE: "province",
    Level.DISTRICT: "district",
    Level.COMMUNE: "commune",
    Period.MONTH: "monthly",
    Period.QUARTER: "quarterly",
    Period.HALF_YEAR: "half-yearly",
    Period.YEAR: "yearly",
    AttendanceCondition.REPORT_TO_CHAIR: "report to the chair",
    AttendanceCondition.CHAIR_CONSENT: "have the chair's consent",
    AttendanceCondition.WRITTEN_OPINION: "give a written opinion",
    GroupKind.WORKING_GROUP: "working group",
    GroupKind.ADVISORY_GROUP: "advisory group",
    GroupKind.SUPPORT_OFFICE: "support office",
    GroupKind.SUB_COMMITTEE: "sub-committee",
    ChannelKind.DOCUMENT_SYSTEM: "document system",
    ChannelKind.DIRECT: "direct",
    ChannelKind.CHAT_GROUP: "chat group",
    ChannelKind.MEETING: "meeting",
    About.DECISION_NUMBER: "decision number",
    About.SIGNED: "signed",
    About.EFFECTIVE: "effective",
    About.REPLACES: "replaces",
    About.LEVEL: "level",
    About.LOCALITY: "locality",
    About.ISSUER: "issuer",
    About.COMMITTEE: "committee name",
    About.SIGNATURE: "signature block",
    About.DEPTH: "substitution depth",
    About.REPORTS_TO: "reports to",
    About.THROUGH: "through",
    About.CONSULT: "consults",
    About.PARTNERS: "leads, together with",
    About.CADENCE: "cadence",
    About.DEADLINE: "deadline",
    About.ANNEX: "assignment annex",
}


#: The command line's and the views' labels, by key ([`steering.text.label`][steering.text.label]).
LABELS: dict[str, str] = {
    "presets": "Shipped regulations",
    "posts": "Posts",
    "rules": "Rules",
    "decision": "Decision",
    "no_number": "(no number)",
    "in_force_unknown": "The regulation's signing date is {date}: an item before it is "
                        "surely in force is not decided (status not_specified).",
    "signed": "signed",
    "level": "level",
    "valid": "valid",
    "problems": "problems",
    "occurrences": "occurrences",
    "no_occurrences": "No occurrences in this range.",
    "in_force_on_date": "The regulation is in force from {date} ({basis}): nothing is dated "
    "before that.",
    "in_force_on_signing": "The regulation is in force from signing, {date} ({basis}): "
    "nothing is dated before that.",
    "in_force_not_specified": "The regulation states no effective date; it was signed on "
    "{date} ({basis}): nothing is dated before signing.",
    "gaps": "Stated but left undated",
    "due": "due",
    "no_deadline": "not specified",
    "moved_from": "moved from",
    "missing_cadence": "periodic, period not stated",
    "missing_deadline": "no deadline stated",
    "written": "Calendar written to",
    "in_force": "Regulation in force",
    "after_text": "After the text (reorganisation, replacing decisions)",
    "not_decided_from": "From {date} the items above are not decided (status "
    "not_specified):",
    "succession": "Decisions over time",
    "not_shipped": "(not shipped)",
    "id": "id",
    "role": "role",
    "title": "title",
    "holder": "holder",
    "locality": "locality",
    "body": "body",
    "kind": "kind",
    "opens": "from",
    "closes": "to",
    "cited": "cited",
    "status": "status",
    "this_year": "No --from/--to given: the current year by this computer's clock, {year}.",
    "problem": "problem",
    "file": "(file)",
    "report": "report",
    # Calendar titles (steering.schedule), in the regulations' words; filled with .format.
    "and": "and",
    "title_meeting": "{name} {kind} {period}{serves}{times}",
    "title_serves": ", also the meeting of {periods}",
    "title_serves_purpose": ", also {purpose}",
    "title_times": " ({n} of {of})",
    "title_report": "{name}: report {period}{times}",
    "title_report_before": "{name} reports before the sitting: {sitting}",
    "period_month": "{month}/{year}",
    "period_quarter": "Q{q} {year}",
    "period_half_1": "H1 {year}",
    "period_half_2": "H2 {year}",
    "period_year": "{year}",
    # The notebook views (steering.display).
    "view_not_specified": "not specified",
    "view_signed": "signed",
    "view_level": "level",
    "view_several": "several people",
    "view_also_holds": "also holds",
    "view_id": "id",
    "view_role": "role",
    "view_title": "title",
    "view_holder": "holder",
    "view_cited": "cited",
    "view_aspect": "aspect",
    "view_subject": "subject",
    "view_rule": "rule",
    "view_since": "Since the regulation",
    "view_posts": "Posts",
    "view_rules": "Rules",
    "view_occurrence": "occurrence",
    "view_occurrences": "occurrences",
    "view_differences": "differences",

    # Comparisons (steering.compare): the aspects, the listing.
    "aspect_identity": "Document",
    "aspect_posts": "Posts",
    "aspect_substitution": "Substitution when absent",
    "aspect_accountability": "Accountable to",
    "aspect_direction": "Directs",
    "aspect_seals": "Seal",
    "aspect_signing": "Signing",
    "aspect_conveners": "Convening",
    "aspect_meetings": "Meetings",
    "aspect_attendance": "Attendance",
    "aspect_composition": "Who attends",
    "aspect_reports": "Reports",
    "aspect_working_groups": "Working groups",
    "aspect_standing_agency": "Standing agency",
    "aspect_monitoring": "Monitoring",
    "aspect_channels": "Channels",
    "aspect_funding": "Funding",
    "aspect_working_forms": "Working forms",
    "aspect_part_time": "Part-time",
    "aspect_delegations": "Delegations",
    "aspect_procedures": "Procedures",
    "compare_head": "Comparing {a} with {b}: ",
    "compare_none": "no differences.",
    "compare_one": "1 difference.",
    "compare_many": "{n} differences.",
    "heading": "the decision's heading",
}

SAY = Catalogue("en", WORDS, LABELS)


def name(named: r.Named) -> str:
    """A post's or body's name."""
    return named.en


def names(items: Iterable[r.Named], word: str = "and") -> str:
    """Names joined: "A, B and C"."""
    return _names(items, "en", word)


def listed(items: Iterable[r.Named]) -> str:
    """Names separated by commas only: "A, B, C"."""
    return _listed(items, "en")


def cite(citations: Iterable[Citation]) -> str:
    """The clauses' labels: "Article 3(2); Article 4"."""
    return _cite(citations, "en")


def _is(items: tuple[object, ...]) -> str:
    return "is" if len(items) == 1 else "are"


