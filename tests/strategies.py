"""Hypothesis strategies: valid regulations by construction, and their parts.

Everything here builds values that pass :func:`steering.validate` *by
construction* (``@st.composite``), never by generating and filtering:

- ids are unique because each carries its index;
- posts are laid out in a fixed **precedence order** (head, standing deputy,
  deputies, standing member, members, working-group posts, standing agency);
  a substitute is always drawn from posts *after* its principal, and an
  accountable subject always answers to posts *before* it (or to outside
  bodies, or the committee), so neither relation can form a cycle;
- substitute tiers of one principal are disjoint and ranked strictly
  ascending; ``also_absent`` is drawn from the earlier tiers;
- delegators and delegates are disjoint sets of posts, so nothing is
  re-delegated;
- annex localities carry their index in their name, so each is assigned once.

Citations are well formed (document ``"regulation"``, article >= 1, a
non-empty quote). Generated regulations have no source text, so the quote
checker does not run on them.

The module also keeps :data:`HOSTILE_COUNTS`, the number of hostile inputs
tried per kind, printed by ``conftest.py`` at the end of the session.
"""

from __future__ import annotations

import collections
import datetime as dt
import random
import unicodedata
from typing import Any, cast

import attrs
import tomli_w
from hypothesis import strategies as st

from steering._convert import unstructure
from steering.regulation import (
    Committee,
    Effective,
    EffectiveKind,
    Funding,
    Identity,
    Level,
    PartialDate,
    Regulation,
    Replacement,
    SignatureBlock,
)
from steering.roles import COMMITTEE, Body, BodyKind, GroupKind, Holder, Post, Role, WorkingGroup
from steering.rules import (
    DECISION_PARTS,
    Accountability,
    AttendanceCondition,
    AttendanceRule,
    Cadence,
    Channel,
    ChannelKind,
    Citation,
    Composition,
    ConveneRule,
    Deadline,
    Delegation,
    Direction,
    MeetingKind,
    MeetingRule,
    Monitoring,
    MonitoringAssignment,
    MonitorTarget,
    Period,
    Provision,
    ReportRule,
    Seal,
    SealRule,
    SigningForm,
    SigningRule,
    Substitution,
    TargetKind,
)

#: Hostile inputs tried, by kind of mutation (printed in the terminal summary).
HOSTILE_COUNTS: collections.Counter[str] = collections.Counter()

# -- text ----------------------------------------------------------------------

_VI_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợ"
    "pqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
VI_LETTERS = _VI_LOWER + _VI_LOWER.upper()

#: Words of the genre, so generated text reads like a regulation.
VI_WORDS = (
    "Ban",
    "Chỉ",
    "đạo",
    "chuyển",
    "đổi",
    "số",
    "Trưởng",
    "Phó",
    "Thường",
    "trực",
    "Ủy",
    "viên",
    "Sở",
    "Thông",
    "tin",
    "và",
    "Truyền",
    "thông",
    "Giám",
    "đốc",
    "Chủ",
    "tịch",
    "UBND",
    "tỉnh",
    "xã",
    "huyện",
    "Tổ",
    "giúp",
    "việc",
    "họp",
    "định",
    "kỳ",
    "đột",
    "xuất",
    "con",
    "dấu",
    "báo",
    "cáo",
    "quý",
    "Điều",
    "khoản",
)

_word = st.one_of(
    st.sampled_from(VI_WORDS),
    st.text(alphabet=VI_LETTERS, min_size=1, max_size=6),
)


@st.composite
def vi_text(draw: st.DrawFn, min_words: int = 1, max_words: int = 5) -> str:
    """Vietnamese-looking text in NFC: non-empty words joined by single spaces."""
    return " ".join(draw(st.lists(_word, min_size=min_words, max_size=max_words)))


#: Any text at all (no lone surrogates), for fields with no constraint on content.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)

#: Awkward but legal strings: quotes, backslashes, controls, combining marks, emoji.
AWKWARD = (
    'dấu "ngoặc kép" và \\ gạch chéo',
    "xuống\ndòng\tvà tab",
    "\u0301dấu sắc đứng đầu",
    "n\u0303 tổ hợp",
    "'nháy đơn' # không phải chú thích",
    "🏛 Ban Chỉ đạo",
    "  khoảng trắng hai đầu  ",
    "Đắk Nông, Thanh Hóa, Tùng Châu, Vũng Tàu",
    "[[posts]] = không phải bảng",
)


def _phrases(n: int, seed: int, lo: int, hi: int) -> tuple[str, ...]:
    rng = random.Random(seed)
    return tuple(
        " ".join(rng.choice(VI_WORDS) for _ in range(rng.randint(lo, hi))) for _ in range(n)
    )


#: A fixed pool of Vietnamese phrases: one draw each, so big regulations generate fast.
PHRASES = (*_phrases(120, 0, 1, 10), *AWKWARD)
TITLES = _phrases(60, 1, 1, 6)

#: Non-empty Vietnamese text, cheap to draw (one choice), shrinking to the first phrase.
phrase = st.sampled_from(PHRASES)
title_text = st.sampled_from(TITLES)

#: Text that is sometimes empty, sometimes Vietnamese, sometimes awkward.
free_text = st.sampled_from(("", *PHRASES))


def nfd(text: str) -> str:
    """The decomposed (NFD) spelling of ``text``, as some editors save it."""
    return unicodedata.normalize("NFD", text)


# -- citations and small values ---------------------------------------------------------


_articles = st.integers(1, 40)
_clauses = st.none() | st.integers(1, 12)
_points = st.sampled_from(("", "a", "b", "c", "đ"))


@st.composite
def _citations(draw: st.DrawFn, document: str = "regulation") -> Citation:
    article = draw(_articles)
    clause = draw(_clauses)
    point = draw(_points) if clause is not None else ""
    return Citation(
        document=document,
        article=article,
        clause=clause,
        point=point,
        quote=draw(phrase),
        part=draw(st.sampled_from(tuple(DECISION_PARTS))) if document == "decision" else "",
    )


_CITES = {d: _citations(d) for d in ("regulation", "decision", "annex")}


def citations(document: str = "regulation") -> st.SearchStrategy[Citation]:
    """A well-formed citation: article >= 1, optional clause and point, a non-empty quote."""
    return _CITES[document]


provisions = st.builds(Provision, citation=citations(), topic=free_text)

partial_dates = st.one_of(
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)).map(PartialDate.from_date),
    st.builds(PartialDate, st.integers(1990, 2040), st.integers(1, 12)),
    st.builds(PartialDate, st.integers(1990, 2040)),
)

cadences = st.builds(Cadence, st.sampled_from(Period), st.integers(1, 4))
deadlines = st.builds(
    Deadline,
    day=st.integers(1, 28),
    before=st.booleans(),
    month_offset=st.integers(0, 1),
    note=free_text,
)
seals = st.one_of(
    st.just(Seal.none()),
    st.just(Seal.own_agency()),
    title_text.map(Seal.of),
)


_MASKS: dict[int, st.SearchStrategy[int]] = {}


def _subset(draw: st.DrawFn, pool: list[str] | tuple[str, ...], *, min_size: int = 0,
            max_size: int | None = None) -> tuple[str, ...]:
    """A subset of ``pool`` in pool order, drawn as one bit mask (ids are unique already)."""
    if not pool:
        return ()
    n = len(pool)
    if n not in _MASKS:
        _MASKS[n] = st.integers(0, 2**n - 1)
    mask = draw(_MASKS[n])
    picked = [p for i, p in enumerate(pool) if mask >> i & 1]
    if max_size is not None:
        picked = picked[:max_size]
    for p in pool:  # top up to min_size with the earliest posts not picked
        if len(picked) >= min_size:
            break
        if p not in picked:
            picked.append(p)
    return tuple(x for x in pool if x in picked)


# -- regulations ------------------------------------------------------------------


@attrs.frozen
class Layout:
    """The posts of a generated committee, in precedence order, by kind."""

    order: tuple[str, ...]
    committee_posts: tuple[str, ...]
    leaders: tuple[str, ...]
    members: tuple[str, ...]
    groups: tuple[str, ...]


_duties = st.lists(provisions, max_size=1).map(tuple)
_holders = st.none() | st.builds(Holder, office=free_text, agency=free_text,
                                 citation=citations())
_small = st.integers(0, 3)
_booleans = st.booleans()


@st.composite
def _posts(draw: st.DrawFn) -> tuple[tuple[Post, ...], tuple[WorkingGroup, ...], Layout]:
    n_dep = draw(st.integers(0, 4))
    n_mem = draw(st.integers(0, 8))
    n_groups = draw(st.integers(0, 2))
    has_sd = draw(_booleans)
    has_sm = draw(_booleans)
    has_sa = draw(_booleans)

    specs: list[tuple[str, Role, str]] = [("head", Role.HEAD, "")]
    if has_sd:
        specs.append(("standing_deputy", Role.STANDING_DEPUTY, ""))
    specs += [(f"deputy_{i}", Role.DEPUTY, "") for i in range(n_dep)]
    if has_sm:
        specs.append(("standing_member", Role.STANDING_MEMBER, ""))
    specs += [(f"member_{i}", Role.MEMBER, "") for i in range(n_mem)]
    group_ids = [f"group_{g}" for g in range(n_groups)]
    for g, gid in enumerate(group_ids):
        specs.append((f"wg_lead_{g}", Role.WG_LEAD, gid))
        n_wg = draw(st.integers(0, 3))
        specs += [(f"wg_member_{g}_{i}", Role.WG_MEMBER, gid) for i in range(n_wg)]
    if has_sa:
        specs.append(("standing_agency", Role.STANDING_AGENCY, ""))

    ids = [s[0] for s in specs]
    # Concurrent posts: disjoint pairs, listed on both sides.
    concurrent: dict[str, tuple[str, ...]] = {}
    if len(ids) >= 2 and draw(_booleans):
        a, b = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        concurrent = {a: (b,), b: (a,)}

    posts = []
    for pid, role, group in specs:
        holder = draw(_holders)
        posts.append(
            Post(
                id=pid,
                role=role,
                title=draw(title_text),
                citation=draw(citations()),
                holder=holder,
                plural=draw(_booleans) if role in (Role.MEMBER, Role.WG_MEMBER) else False,
                group=group,
                concurrent_with=concurrent.get(pid, ()),
                duties=cast(Any, draw(_duties)),
            )
        )
    groups = tuple(
        WorkingGroup(
            id=gid,
            name=draw(title_text),
            kind=draw(st.sampled_from(GroupKind)),
            lead=draw(st.sampled_from(("", f"wg_lead_{g}"))),
            citation=draw(citations()),
            duties=cast(Any, draw(_duties)),
            part_time=draw(st.none() | citations()),
        )
        for g, gid in enumerate(group_ids)
    )
    leaders = tuple(i for i in ids if i in {"head", "standing_deputy"} or i.startswith("deputy_"))
    committee_posts = tuple(i for i in ids if not i.startswith("wg_"))
    members = tuple(i for i in ids if i.startswith("member_") or i == "standing_member")
    layout = Layout(tuple(ids), committee_posts, leaders, members, tuple(group_ids))
    return tuple(posts), groups, layout


@st.composite
def _substitutions(draw: st.DrawFn, order: tuple[str, ...],
                   principals: tuple[str, ...]) -> tuple[Substitution, ...]:
    """Ranked substitute tiers; substitutes come later in precedence than their principal."""
    out: list[Substitution] = []
    for principal in principals:
        later = list(order[order.index(principal) + 1 :])
        if not later or not draw(_booleans):
            continue
        n_tiers = draw(st.integers(1, min(3, len(later))))
        ranks = sorted(draw(st.lists(st.integers(1, 9), min_size=n_tiers, max_size=n_tiers,
                                     unique=True)))
        used: list[str] = []
        for rank in ranks:
            pool = [p for p in later if p not in used]
            if not pool:
                break
            tier = _subset(draw, pool, min_size=1, max_size=3)
            also = _subset(draw, used)
            out.append(
                Substitution(
                    principal=principal,
                    substitutes=tier,
                    rank=rank,
                    also_absent=also,
                    scope=draw(free_text),
                    citation=draw(citations()),
                    note=draw(free_text),
                )
            )
            used += tier
    return tuple(out)


@st.composite
def _accountability(draw: st.DrawFn, layout: Layout,
                    bodies: tuple[str, ...]) -> tuple[Accountability, ...]:
    """Subjects answer to posts before them, outside bodies, or the committee: acyclic."""
    out: list[Accountability] = []
    order = layout.order
    for i, subject in enumerate(order):
        if i == 0 or not draw(_booleans):
            continue
        to = _subset(draw, [*order[:i], *bodies, COMMITTEE], min_size=1, max_size=3)
        out.append(Accountability(subject=subject, to=to, matter=draw(free_text),
                                  citation=draw(citations())))
    for subject in (*layout.groups, *bodies):
        if draw(_booleans):
            pool = [*order, COMMITTEE] if subject in layout.groups else [COMMITTEE]
            to = _subset(draw, pool, min_size=1, max_size=2)
            out.append(Accountability(subject=subject, to=to, citation=draw(citations())))
    return tuple(out)


@st.composite
def _reports(draw: st.DrawFn, nodes: tuple[str, ...]) -> tuple[ReportRule, ...]:
    out = []
    for i in range(draw(st.integers(0, 4))):
        cads = tuple(draw(st.lists(cadences, max_size=2)))
        out.append(
            ReportRule(
                id=f"report_{i}",
                reporters=_subset(draw, nodes, min_size=1, max_size=3),
                recipients=_subset(draw, nodes, min_size=1, max_size=3),
                through=_subset(draw, nodes, max_size=1),
                consult=_subset(draw, nodes, max_size=1),
                partners=_subset(draw, nodes, max_size=1),
                subject=draw(free_text),
                cadences=cads,
                periodic=bool(cads) or draw(_booleans),
                ad_hoc=draw(_booleans),
                forms=tuple(draw(st.lists(title_text, max_size=2))),
                deadline=draw(st.none() | deadlines),
                citation=draw(citations()),
                note=draw(free_text),
            )
        )
    return tuple(out)


@st.composite
def _monitoring(draw: st.DrawFn, members: tuple[str, ...]) -> Monitoring | None:
    """An annex assigning each locality (unique by construction) to exactly one member."""
    if not members or not draw(_booleans):
        return None
    n_loc = draw(st.integers(0, 12))
    units = ("huyện", "thị xã", "thành phố", "xã")
    localities = [
        MonitorTarget(
            text=f"{unit} {name} {i}",
            kind=TargetKind.LOCALITY,
            name=f"{name} {i}",
            unit=unit,
        )
        for i in range(n_loc)
        for unit, name in [(draw(st.sampled_from(units)), draw(title_text))]
    ]
    owner = [draw(st.sampled_from(members)) for _ in localities]
    assignments = []
    for post in members:
        mine = [t for t, o in zip(localities, owner, strict=True) if o == post]
        sectors = [
            MonitorTarget(text=t, kind=TargetKind.SECTOR, name=t)
            for t in draw(st.lists(title_text, max_size=2))
        ]
        if mine or sectors:
            assignments.append(
                MonitoringAssignment(post=post, targets=(*sectors, *mine),
                                     citation=draw(citations("annex")))
            )
    return Monitoring(assignments=tuple(assignments), exclusive_localities=True,
                      basis=draw(citations()), note=draw(free_text))


@st.composite
def _delegations(draw: st.DrawFn, posts: tuple[str, ...]) -> tuple[Delegation, ...]:
    """Written authorisations whose delegates never delegate: no re-delegation."""
    if len(posts) < 2 or not draw(_booleans):
        return ()
    split = draw(st.integers(1, len(posts) - 1))
    delegators, delegates = posts[:split], posts[split:]
    out = []
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
        out.append(
            Delegation(
                delegator=draw(st.sampled_from(delegators)),
                delegate=draw(st.sampled_from(delegates)),
                documents=tuple(draw(st.lists(title_text, min_size=1, max_size=2))),
                start=start,
                end=start + dt.timedelta(days=draw(st.integers(0, 365))),
                reference=draw(free_text),
                citation=draw(citations()),
            )
        )
    return tuple(out)


@st.composite
def identities(draw: st.DrawFn) -> Identity:
    """An identity block: title, number, dates, level, locality, signature, replacements."""
    signed = draw(partial_dates)
    kind = draw(st.sampled_from(EffectiveKind))
    effective = Effective(
        kind=kind,
        date=draw(st.none() | partial_dates) if kind is not EffectiveKind.NOT_SPECIFIED else None,
        citation=draw(st.none() | citations("decision")),
    )
    signature = draw(
        st.none()
        | st.builds(
            SignatureBlock,
            lines=st.lists(title_text, min_size=1, max_size=3).map(tuple),
            form=st.sampled_from(SigningForm),
            post=st.sampled_from(("", "head")),
            role=st.sampled_from(Role),
            office=free_text,
            name=free_text,
            citation=citations("decision"),
        )
    )
    replaces = tuple(
        draw(
            st.lists(
                st.builds(
                    Replacement,
                    number=free_text,
                    date=st.none() | partial_dates,
                    title=free_text,
                    preset=st.just(""),
                    citation=citations("decision"),
                ),
                max_size=2,
            )
        )
    )
    return Identity(
        title=draw(title_text),
        decision_number=draw(free_text),
        issuer=draw(free_text),
        signature=signature,
        signed=signed,
        signed_citation=draw(citations("decision")),
        effective=effective,
        replaces=cast(Any, replaces),
        level=draw(st.sampled_from(Level)),
        locality=draw(title_text),
        province=draw(title_text),
    )


_fundings = st.lists(
    st.builds(cast(Any, Funding), source=free_text, manager=free_text, citation=citations()),
    max_size=1,
).map(tuple)


@st.composite
def regulations(draw: st.DrawFn) -> Regulation:
    """A valid regulation of any shape: ``validate(reg) == ()`` by construction."""
    posts, groups, layout = draw(_posts())
    post_ids = layout.order
    bodies = tuple(
        Body(id=f"body_{i}", name=draw(title_text), kind=draw(st.sampled_from(BodyKind)))
        for i in range(draw(st.integers(0, 3)))
    )
    body_ids = tuple(b.id for b in bodies)
    nodes = (*post_ids, *layout.groups, *body_ids, COMMITTEE)
    meeting_bodies = (COMMITTEE, *layout.groups)
    has_sa = "standing_agency" in post_ids

    committee = Committee(
        name=draw(title_text),
        functions=cast(Any, draw(_duties)),
        principles=cast(Any, draw(_duties)),
        working_forms=cast(Any, draw(_duties)),
        standing_agency="standing_agency" if has_sa and draw(_booleans) else "",
        part_time=draw(st.none() | citations()),
        funding=cast(Any, draw(_fundings)),
    )
    seal_rules = tuple(
        SealRule(
            posts=_subset(draw, (*post_ids, *layout.groups, COMMITTEE), min_size=1, max_size=3),
            seal=draw(seals),
            documents=tuple(draw(st.lists(title_text, max_size=2))),
            scope=draw(st.just("") | title_text),
            permitted=draw(_booleans),
            citation=draw(citations()),
            note=draw(free_text),
        )
        for _ in range(draw(st.integers(0, 4)))
    )
    signing = tuple(
        SigningRule(
            posts=_subset(draw, post_ids, min_size=1, max_size=3),
            documents=tuple(draw(st.lists(title_text, max_size=2))),
            scope=draw(st.just("") | title_text),
            citation=draw(citations()),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    convening = tuple(
        ConveneRule(
            body=draw(st.sampled_from(meeting_bodies)),
            meeting=draw(st.sampled_from(MeetingKind)),
            conveners=_subset(draw, post_ids, min_size=1, max_size=3),
            on_proposal_of=_subset(draw, nodes, max_size=2),
            chairs=draw(_booleans),
            citation=draw(citations()),
        )
        for _ in range(draw(st.integers(0, 4)))
    )
    meetings = tuple(
        MeetingRule(
            body=draw(st.sampled_from(meeting_bodies)),
            kind=draw(st.sampled_from(MeetingKind)),
            cadences=tuple(draw(st.lists(cadences, max_size=2))),
            condition=draw(free_text),
            participants=draw(free_text),
            citation=draw(citations()),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    compositions = tuple(
        Composition(
            body=draw(st.sampled_from(meeting_bodies)),
            decided_by=draw(st.sampled_from(("chair", *post_ids))),
            citation=draw(citations()),
        )
        for _ in range(draw(st.integers(0, 1)))
    )
    attendance = tuple(
        AttendanceRule(
            posts=_subset(draw, post_ids, min_size=1, max_size=3),
            body=draw(st.sampled_from(meeting_bodies)),
            must_attend=draw(_booleans),
            absence_conditions=tuple(draw(st.lists(st.sampled_from(AttendanceCondition),
                                                   max_size=2, unique=True))),
            proxy_allowed=draw(st.none() | st.booleans()),
            proxy_conditions=tuple(draw(st.lists(st.sampled_from(AttendanceCondition),
                                                 max_size=2, unique=True))),
            citation=draw(citations()),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    channels = tuple(
        Channel(
            name=draw(title_text),
            kind=draw(st.sampled_from(ChannelKind)),
            platform=draw(st.sampled_from(("", "iDesk", "Zalo"))),
            excludes=tuple(draw(st.lists(title_text, max_size=1))),
            administrator=draw(st.sampled_from(("", *nodes))),
            citation=draw(citations()),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    directions = tuple(
        Direction(
            subjects=_subset(draw, nodes, min_size=1, max_size=2),
            objects=_subset(draw, nodes, min_size=1, max_size=3),
            matter=draw(free_text),
            citation=draw(citations()),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    return Regulation(
        id=draw(st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)),
        identity=draw(identities()),
        committee=committee,
        posts=posts,
        working_groups=groups,
        bodies=bodies,
        substitutions=draw(_substitutions(post_ids, layout.leaders)),
        accountability=draw(_accountability(layout, body_ids)),
        directions=directions,
        reports=draw(_reports(nodes)),
        seals=seal_rules,
        signing=signing,
        convening=convening,
        meetings=meetings,
        compositions=compositions,
        attendance=attendance,
        monitoring=draw(_monitoring(layout.members)),
        channels=channels,
        delegations=draw(_delegations(post_ids)),
        notes=tuple(draw(st.lists(free_text, max_size=2))),
    )


# -- every model value, for round trips -----------------------------------------------------


@st.composite
def model_values(draw: st.DrawFn) -> Any:
    """Any model value: a whole regulation or one of its parts."""
    reg = draw(regulations())
    parts: list[Any] = [
        reg,
        reg.identity,
        reg.committee,
        *reg.posts,
        *reg.working_groups,
        *reg.bodies,
        *reg.substitutions,
        *reg.accountability,
        *reg.directions,
        *reg.reports,
        *reg.seals,
        *reg.signing,
        *reg.convening,
        *reg.meetings,
        *reg.compositions,
        *reg.attendance,
        *reg.channels,
        *reg.delegations,
    ]
    if reg.monitoring is not None:
        parts += [reg.monitoring, *reg.monitoring.assignments]
    return draw(st.sampled_from(parts))


# -- TOML --------------------------------------------------------------------------------------


def _drop_none(value: Any) -> Any:
    """TOML has no null: leave out keys whose value is ``None`` (they take their default)."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_drop_none(v) for v in value]
    return value


def to_toml(reg: Regulation) -> str:
    """The regulation as TOML text in the file format (the inverse of ``steering.loads``)."""
    return tomli_w.dumps(_drop_none(unstructure(reg)))



# -- hostile text, for the escaping of every output ----------------------------------------

#: Strings that mean something in one of the places a name from a file can end up: Mermaid
#: directives and entity codes, Markdown fences, HTML, DOT and XML syntax, iCalendar content
#: lines, terminal escape sequences (CSI, OSC, hyperlinks, C1), carriage returns, backspaces,
#: bidirectional overrides, Unicode line separators, NUL and a lone surrogate (which a
#: regulation built in Python can hold, though no file can).
HOSTILE_PAYLOADS: tuple[str, ...] = (
    '%%{init: {"theme": "dark", "themeCSS": "body{display:none}"}}%%',
    "%% a comment",
    "\n```\n<script>alert(1)</script>\n",
    "````",
    '"><img src=x onerror=alert(1)>',
    "<b>&amp;</b> &lt;",
    "#quot; #35; #9829; #",
    "a|b --> c",
    "[x] (y) {z} `code`",
    "\x1b[31mđỏ\x1b[0m",
    "\x1b]0;title\x07",
    "\x1b]8;;http://example.com\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31m C1",
    "dòng\rđè",
    "lùi\b\b\bxóa",
    "\x00NUL",
    "\x0b\x0c\x1c",
    "\u2028\u2029\x85",
    "\u202egnp.exe",
    "\u2066cô lập\u2069",
    "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:chèn\r\nDTSTART:20260101",
    "\nEND:VCALENDAR\n",
    "phẩy, chấm phẩy; gạch \\ ngược \\n \\N \\,",
    '}\n digraph x { "a" -> "b"',
    '\\" -> "head',
    "]]><!-- <?xml ?>",
    "\x7f\x80\x9f",
    "\ud800",
    "Phó Trưởng ban Thường trực",
)

_HOSTILE_CHARS = st.one_of(
    st.sampled_from(tuple("\x00\x07\x08\t\n\x0b\x0c\r\x1b\x7f\x85\x9b\u2028\u202e\u2066")),
    st.sampled_from(tuple("\"'`%#<>&|[]{}();,\\:")),
    st.sampled_from(VI_LETTERS),
    st.characters(),
)


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """A non-empty string mixing hostile payloads, special characters and Vietnamese words."""
    parts = draw(st.lists(
        st.one_of(
            st.sampled_from(HOSTILE_PAYLOADS),
            st.text(_HOSTILE_CHARS, min_size=1, max_size=8),
            st.sampled_from(VI_WORDS),
        ),
        min_size=1,
        max_size=4,
    ))
    return "".join(parts)


def with_names(reg: Regulation, texts: list[str]) -> Regulation:
    """``reg`` with every free-text name replaced by ``texts`` (cycled), its structure unchanged.

    Touches the identity's title, the committee's name, every post's title, office and
    agency, every working group's and body's name, and the notes, conditions, subjects
    and citation quotes of meetings and reports: what exports, calendars and the command
    line show. Built with ``attrs.evolve``, so no file and no loader is involved.
    """
    pool = iter(texts * (1 + 200 // max(1, len(texts))))

    def nxt() -> str:
        try:
            return next(pool)
        except StopIteration:  # pragma: no cover - the pool is long enough for presets
            return texts[0]

    def cite(c: Citation) -> Citation:
        return attrs.evolve(c, quote=nxt())

    return attrs.evolve(
        reg,
        identity=attrs.evolve(reg.identity, title=nxt()),
        committee=attrs.evolve(reg.committee, name=nxt()),
        posts=tuple(
            attrs.evolve(p, title=nxt(), holder=None if p.holder is None else attrs.evolve(
                p.holder, office=nxt() if p.office else "", agency=nxt() if p.agency else ""))
            for p in reg.posts
        ),
        working_groups=tuple(attrs.evolve(g, name=nxt()) for g in reg.working_groups),
        bodies=tuple(attrs.evolve(b, name=nxt()) for b in reg.bodies),
        meetings=tuple(
            attrs.evolve(m, note=nxt(), condition=nxt() if m.condition else "",
                         citation=cite(m.citation))
            for m in reg.meetings
        ),
        reports=tuple(
            attrs.evolve(r, subject=nxt() if r.subject else "", note=nxt(),
                         citation=cite(r.citation))
            for r in reg.reports
        ),
    )
