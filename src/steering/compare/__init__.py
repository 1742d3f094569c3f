"""Compare regulations: every structural difference between two, and a table of many.

[`compare`][steering.compare.compare] lines two regulations up fact by fact (posts, substitution,
accountability, seals, conveners, cadences, reports, working groups, standing
agency, monitoring, channels, funding, identity) and returns a
[`Comparison`][steering.compare.Comparison] whose every [`Difference`][steering.compare.Difference]
carries the citations of
both sides. A side where the regulation is silent is *not specified* and has no
citation.

Facts are matched across regulations by meaning, not by file ids: a post is
known by its role (and, where a regulation has several posts of one role, by
the office that holds it), a working group by its kind, a body by its name.

Each family of facts is read by an extractor (`EXTRACTORS`, one function per aspect in
the module of its family: posts and authority, meetings, reports and bodies) that
returns typed facts: a key, a [`Subject`][steering.statements.Subject], a comparable
value, what the regulation says as a [`Statement`][steering.statements.Statement], and
its clauses. The diff and the table are built from the same facts; the words are the
text layer's ([`steering.text`][steering.text]).

[`table`][steering.compare.table] summarises many regulations as plain rows, one per regulation,
or as a pandas DataFrame when the ``pandas`` extra is installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from steering._text import fold
from steering.compare import _bodies, _meetings
from steering.compare import _posts_and_authority as _posts
from steering.compare._keys import _sorted_cadences
from steering.compare._model import (
    _MISSING,
    _NO_COUNTERPART,
    _ORDER,
    _SUBJECT_END,
    Aspect,
    Change,
    Comparison,
    Difference,
    Side,
    _check_lang,
    _pandas,
    aspect_label,
)
from steering.compare._reader import _Fact, _Reader
from steering.errors import ArgumentTypeError, QueryError
from steering.regulation import EffectiveKind, Regulation
from steering.roles import COMMITTEE, Role
from steering.rules import (
    Cadence,
    MeetingKind,
    Seal,
    TargetKind,
)
from steering.statements import ReportCadences, SealsUsed, SealUse
from steering.text import say

__all__ = [
    "COLUMNS",
    "Aspect",
    "Change",
    "Comparison",
    "Difference",
    "Side",
    "aspect_label",
    "compare",
    "facts",
    "seal_words",
    "table",
]


# Re-exported: documented, pickled and shown under this package's public name.
for _public in (Aspect, Change, Comparison, Difference, Side):
    _public.__module__ = __name__


#: What an extractor is: it reads one family of facts off a regulation.
Extractor = Callable[[_Reader], Iterator[_Fact]]

#: The extractors, in the order `facts` lists what they find: one per aspect (or two,
#: where an aspect has two kinds of fact), each in the module of its family of questions.
EXTRACTORS: tuple[Extractor, ...] = (
    _posts.identity,
    _posts.posts,
    _posts.substitution,
    _posts.accountability,
    _posts.direction,
    _posts.seals,
    _posts.signing,
    _meetings.conveners,
    _meetings.meetings,
    _meetings.attendance,
    _meetings.composition,
    _bodies.reports,
    _bodies.working_groups,
    _bodies.standing_agency,
    _bodies.monitoring,
    _bodies.channels,
    _bodies.funding,
    _bodies.committee_forms,
    _bodies.delegations,
    _meetings.notices,
    _meetings.procedures,
    _meetings.collectives,
)

#: The extractors whose facts `table` cells show.
_FOR_TABLE: tuple[Extractor, ...] = (
    _posts.substitution, _posts.seals, _meetings.conveners, _meetings.meetings,
    _bodies.standing_agency,
)


def _read(reader: _Reader, extractors: Iterable[Extractor] = EXTRACTORS) -> dict[str, _Fact]:
    """Every fact the extractors find, by key (a later fact of one key replaces an earlier)."""
    return {f.key: f for extract in extractors for f in extract(reader)}


def seal_words(seal: Seal, lang: str = "vi") -> str:
    """A seal in words: ``"con dấu của UBND tỉnh"`` / ``"the seal of UBND tỉnh"``."""
    return say(SealsUsed((SealUse(seal),)), lang)


def facts(reg: Regulation) -> dict[str, tuple[str, str, str, Side]]:
    """Every comparable fact of a regulation: key -> (aspect, subject vi, subject en, side).

    The building block of [`compare`][steering.compare.compare]; exposed for tools that line up
    more than two regulations.
    """
    return {
        k: (f.aspect.value, say(f.subject, "vi"), say(f.subject, "en"), f.side)
        for k, f in _read(_Reader(reg)).items()
    }


def _title(reg: Regulation) -> str:
    number = reg.identity.decision_number
    where = f"Quyết định {number}" if number else "Quyết định (chưa số)"
    return f"{reg.id} ({where}, {reg.identity.signed_text('en')})"


def compare(a: Regulation, b: Regulation) -> Comparison:
    """Every structural difference between two regulations, each side cited.

    Differences cover identity (number, dates, what is replaced), posts and
    roles, substitution order and depth, accountability, direction, seals,
    signing, conveners, meeting cadences, attendance, reports (cadence,
    recipients, intermediaries, deadlines), working groups, the standing
    agency, monitoring coverage, channels, funding, working forms and
    part-time service. The result is deterministic: ordered by aspect, then key.

    Args:
        a: The first regulation (for a succession: the earlier one).
        b: The second regulation.

    Raises:
        QueryError: ``a`` or ``b`` is not a [`Regulation`][steering.regulation.Regulation].

    """
    for name, reg in (("a", a), ("b", b)):
        if not isinstance(reg, Regulation):
            raise QueryError(
                f"compare() argument {name}: found {type(reg).__name__}; allowed: a Regulation "
                "(load one with steering.load or steering.presets.load)"
            )
    ra, rb = _Reader(a), _Reader(b)
    fa, fb = _read(ra), _read(rb)
    ka, kb = ra.node_keys(), rb.node_keys()
    diffs: list[Difference] = []
    both_annexed = "monitoring:annex" in fa and "monitoring:annex" in fb
    for key in sorted(set(fa) | set(fb)):
        if key.startswith("monitoring:") and key != "monitoring:annex" and not both_annexed:
            # One side has no annex: that is one difference, not one per annex row.
            continue
        x, y = fa.get(key), fb.get(key)
        subject = _SUBJECT_END.split(key.partition(":")[2], maxsplit=1)[0]
        sa = x.side if x else (_NO_COUNTERPART if subject in kb - ka else _MISSING)
        sb = y.side if y else (_NO_COUNTERPART if subject in ka - kb else _MISSING)
        if sa.specified == sb.specified and sa.value == sb.value:
            continue
        ref = x or y
        assert ref is not None
        # Where the two name the fact differently, both names: "Phó Trưởng ban / Phó Trưởng Ban".
        subjects = (x.subject, y.subject) if x and y and x.subject != y.subject else (ref.subject,)
        diffs.append(Difference(aspect=ref.aspect, key=key, subjects=subjects, a=sa, b=sb))
    diffs.sort(key=lambda d: (_ORDER[d.aspect], d.key))
    return Comparison(a=a.id, b=b.id, a_title=_title(a), b_title=_title(b),
                      differences=tuple(diffs))


#: The columns of [`table`][steering.compare.table], in order.
COLUMNS: tuple[str, ...] = (
    "id",
    "locality",
    "province",
    "level",
    "decision_number",
    "signed",
    "effective",
    "replaces",
    "committee",
    "posts",
    "deputies",
    "members",
    "standing_agency",
    "head_substitutes",
    "substitution_depth",
    "committee_seal",
    "head_seal",
    "regular_meeting",
    "extraordinary_conveners",
    "working_groups",
    "working_group_meeting",
    "report_cadences",
    "monitored_localities",
    "channels",
    "funding",
    # Data beside the words: ids and codes a program or a query engine compares as they are.
    "head_substitute_ids",
    "committee_seal_kind",
    "head_seal_kind",
    "head_seal_agency",
    "regular_meeting_periods",
    "extraordinary_convener_ids",
    "report_periods",
)


def _row(reg: Regulation, lang: str) -> dict[str, Any]:
    return rows_in(reg, (lang,))[lang]


def rows_in(reg: Regulation, langs: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The `table` row of ``reg`` in each of ``langs``, read once (the facts hold both)."""
    r = _Reader(reg)
    f = _read(r, _FOR_TABLE)
    return {lang: _render_row(reg, r, f, lang) for lang in langs}


def _render_row(reg: Regulation, r: _Reader, f: dict[str, _Fact], lang: str) -> dict[str, Any]:
    idn = reg.identity

    def text(key: str) -> str | None:
        fact = f.get(key)
        return fact.side.text(lang) if fact else None

    head = reg.posts_with_role(Role.HEAD)
    head_key = r.key(head[0].id) if head else "head"
    deputies = [p for p in reg.posts if p.role in (Role.STANDING_DEPUTY, Role.DEPUTY)]
    members = [p for p in reg.posts if p.role in (Role.MEMBER, Role.STANDING_MEMBER)]
    groups = list(reg.working_groups)
    group_meeting = None
    if groups:
        group_meeting = text(f"meetings:{r.key(groups[0].id)}:regular")
    cadences = _sorted_cadences(c for rule in reg.reports for c in rule.cadences)
    mon = reg.monitoring
    eff = idn.effective
    if eff.kind is EffectiveKind.ON_SIGNING:
        effective: str | None = str(idn.signed) if idn.signed is not None else None
    elif eff.kind is EffectiveKind.ON_DATE and eff.date is not None:
        effective = str(eff.date)
    else:
        effective = None
    depth = f.get(f"substitution:{head_key}:depth")
    row: dict[str, Any] = {
        "id": reg.id,
        "locality": idn.locality,
        "province": idn.province,
        "level": idn.level.value,
        "decision_number": idn.decision_number or None,
        "signed": str(idn.signed) if idn.signed is not None else None,
        "effective": effective,
        "replaces": ", ".join(x.number for x in idn.replaces) or None,
        "committee": reg.committee.name or None,
        "posts": len(reg.posts),
        "deputies": len(deputies),
        "members": (len(members) if not any(p.plural for p in members) else
                    f"{len(members)}+") if members else 0,
        "standing_agency": text("standing_agency"),
        "head_substitutes": text(f"substitution:{head_key}:order"),
        "substitution_depth": int(depth.side.value[0]) if depth else 0,
        "committee_seal": text("seals:committee"),
        "head_seal": text(f"seals:{head_key}"),
        "regular_meeting": text("meetings:committee:regular"),
        "extraordinary_conveners": text("conveners:committee:extraordinary"),
        "working_groups": "; ".join(g.name for g in groups) or None,
        "working_group_meeting": group_meeting,
        "report_cadences": say(ReportCadences(tuple(cadences)), lang) or None,
        "monitored_localities": (
            len({fold(t.name) for a in mon.assignments for t in a.targets
                 if t.kind is TargetKind.LOCALITY}) if mon else None
        ),
        "channels": "; ".join(c.name for c in reg.channels) or None,
        "funding": "; ".join(x.source for x in reg.committee.funding) or None,
    }
    row.update(_data_cells(reg, head[0].id if head else "", cadences))
    return row


def _seal_cells(reg: Regulation, post: str) -> tuple[str | None, str | None]:
    """The kind and agency of the general seal rules of ``post`` (no document kind named)."""
    seals = [r.seal for r in reg.seals if post in r.posts and not r.documents and not r.permitted]
    kinds = sorted({x.kind.value for x in seals})
    agencies = sorted({x.agency for x in seals if x.agency})
    return ("|".join(kinds) or None), ("|".join(agencies) or None)


def _data_cells(reg: Regulation, head: str, cadences: Iterable[Cadence]) -> dict[str, Any]:
    """The table's data columns: ids and codes, the same in every language."""
    tiers = sorted((s for s in reg.substitutions if s.principal == head), key=lambda s: s.rank)
    periods = _sorted_cadences(
        c for m in reg.meetings if m.body == COMMITTEE and m.kind is MeetingKind.REGULAR
        for c in m.cadences
    )
    conveners = [x for c in reg.convening if c.body == COMMITTEE
                 and c.meeting is MeetingKind.EXTRAORDINARY for x in c.conveners]
    committee_kind, _ = _seal_cells(reg, COMMITTEE)
    head_kind, head_agency = _seal_cells(reg, head)
    return {
        "head_substitute_ids": " > ".join("+".join(s.substitutes) for s in tiers) or None,
        "committee_seal_kind": committee_kind,
        "head_seal_kind": head_kind,
        "head_seal_agency": head_agency,
        "regular_meeting_periods": ",".join(dict.fromkeys(c.period.value for c in periods))
        or None,
        "extraordinary_convener_ids": ",".join(dict.fromkeys(conveners)) or None,
        "report_periods": ",".join(dict.fromkeys(c.period.value for c in cadences)) or None,
    }


def table(
    regs: Iterable[Regulation],
    *,
    lang: str = "vi",
    as_dataframe: bool = False,
) -> Any:
    """Many regulations side by side: one row per regulation, the columns of `COLUMNS`.

    A value of ``None`` means the regulation does not specify it. Rows keep the
    order of ``regs``.

    Args:
        regs: The regulations.
        lang: Language of the words in cells (``"vi"`` or ``"en"``); names of
            posts and bodies stay in the regulation's own words.
        as_dataframe: Return a pandas DataFrame (needs the ``pandas`` extra).

    Returns:
        A tuple of dicts, or a DataFrame indexed by regulation id.

    Raises:
        QueryError: An item is not a Regulation, ``lang`` is unknown, or pandas
            is missing when a DataFrame is asked for.

    """
    _check_lang(lang)
    if isinstance(regs, Regulation | str | bytes) or not isinstance(regs, Iterable):
        raise ArgumentTypeError(f"regs: found {type(regs).__name__}; allowed: an iterable of "
                                "Regulation")
    rows = []
    for i, reg in enumerate(regs):
        if not isinstance(reg, Regulation):
            raise QueryError(
                f"table() item {i}: found {type(reg).__name__}; allowed: a Regulation"
            )
        rows.append(_row(reg, lang))
    if not as_dataframe:
        return tuple(rows)
    pd = _pandas()
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS)).set_index("id")
