"""The checks across objects: one head, ids, groups, cycles, citations, the annex."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from steering._authority_algo import redelegations
from steering._matching import canonical_unit
from steering._text import fold
from steering.errors import Problem
from steering.limits import MAX_CADENCE_TIMES, MAX_MONTH_OFFSET, MAX_YEAR, MIN_YEAR
from steering.regulation import IDENTITY_UNKNOWNS, Regulation
from steering.roles import COMMITTEE, POST_UNKNOWNS, Post, Role
from steering.rules import Cadence, SealKind
from steering.sources import SourceText
from steering.validation._citations import _citation_problems, _citation_values, _citations
from steering.validation._references import _REFERENCE_WORDS, RULE_REFERENCES, delegation_faults

_ID = re.compile(r"[a-z][a-z0-9_]*")  # matched whole (fullmatch), as the JSON Schema does
_GROUP_ROLES = (Role.WG_LEAD, Role.WG_MEMBER)


def find_cycle(edges: Iterable[tuple[str, str]]) -> list[str] | None:
    """A cycle in a directed graph given by its edges, as ``[a, b, ..., a]``, or ``None``.

    Deterministic: nodes and successors are visited in sorted order.
    """
    succ: dict[str, list[str]] = {}
    for a, b in edges:
        succ.setdefault(a, []).append(b)
        succ.setdefault(b, [])
    for k, v in succ.items():
        succ[k] = sorted(set(v))
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(succ, white)
    for root in sorted(succ):
        if colour[root] != white:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(succ[root]))]
        path = [root]
        colour[root] = grey
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                colour[node] = black
                stack.pop()
                path.pop()
            elif colour[nxt] == grey:
                return [*path[path.index(nxt) :], nxt]
            elif colour[nxt] == white:
                colour[nxt] = grey
                stack.append((nxt, iter(succ[nxt])))
                path.append(nxt)
    return None



class _Checker:
    def __init__(self, reg: Regulation, file: str) -> None:
        self.reg = reg
        self.file = file
        self.problems: list[Problem] = []
        self.post_ids = {p.id for p in reg.posts}
        self.group_ids = {g.id for g in reg.working_groups}
        self.body_ids = {b.id for b in reg.bodies}
        self.collective_ids = {c.id for c in reg.collectives}
        self.nodes = (self.post_ids | self.group_ids | self.body_ids | self.collective_ids
                      | {COMMITTEE})

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path=path, message=message, file=self.file))

    def references(self) -> None:
        allowed = {
            "post": self.post_ids,
            "node": self.nodes,
            "meeting body": self.group_ids | {COMMITTEE},
            "seal holder": self.post_ids | self.group_ids | {COMMITTEE},
        }
        fields: dict[str, list[tuple[str, str]]] = {}
        for table, field, kind in RULE_REFERENCES:
            fields.setdefault(table, []).append((field, kind))
        for table, declared in fields.items():
            if table == "monitoring.assignments":
                mon = self.reg.monitoring
                items: tuple[object, ...] = mon.assignments if mon is not None else ()
            else:
                items = getattr(self.reg, table)
            for i, item in enumerate(items):
                for field, kind in declared:
                    value = getattr(item, field)
                    path = f"{table}[{i}].{field}"
                    if isinstance(value, str):
                        self.ref(path, value, allowed[kind], _REFERENCE_WORDS[kind])
                    else:
                        self.refs(path, value, allowed[kind], _REFERENCE_WORDS[kind])

    def delegations(self) -> None:
        for i, dl in enumerate(self.reg.delegations):
            for field, message in delegation_faults(dl):
                self.add(f"delegations[{i}].{field}", message)
        # Document kinds matched as kinds (steering._authority_algo.redelegations).
        for i, j in redelegations(self.reg.delegations):
            other = self.reg.delegations[j]
            self.add(
                f"delegations[{j}]",
                f"found {other.delegator!r} re-delegating authority it holds by "
                f"delegations[{i}]; a written authorisation may not be re-delegated "
                "(Nghị định 30/2020/NĐ-CP, Điều 13 khoản 3)",
            )

    def ref(self, path: str, value: str, allowed: set[str], what: str) -> None:
        if value not in allowed:
            listing = ", ".join(sorted(allowed)) or "(none defined)"
            self.add(path, f"found {value!r}, which names no {what}; allowed: {listing}")

    def refs(self, path: str, values: tuple[str, ...], allowed: set[str], what: str) -> None:
        for i, v in enumerate(values):
            self.ref(f"{path}[{i}]", v, allowed, what)

    def nonempty(self, path: str, values: tuple[str, ...], what: str) -> None:
        if not values:
            self.add(path, f"found an empty list; allowed: at least one {what}")

    # -- checks ------------------------------------------------------------------

    def identity(self) -> None:
        """Signing date and number: given, or declared unknown, never both; bounds inside."""
        idn = self.reg.identity
        self.unknowns("identity.unknown", idn.unknown, IDENTITY_UNKNOWNS)
        if idn.signed is None and "signed" not in idn.unknown:
            self.add("identity.signed", "required key missing; allowed: a date YYYY, YYYY-MM "
                     "or YYYY-MM-DD, or unknown = [\"signed\"] when the text does not give it")
        if idn.signed is not None and "signed" in idn.unknown:
            self.add("identity.signed", f"found {str(idn.signed)!r} while identity.unknown "
                     "lists \"signed\"; allowed: one of the two")
        if idn.signed is not None and idn.signed_citation is None:
            self.add("identity.signed_citation", "required key missing; allowed: the citation "
                     "of the text that gives the signing date")
        if idn.decision_number and "decision_number" in idn.unknown:
            self.add("identity.decision_number", f"found {idn.decision_number!r} while "
                     "identity.unknown lists \"decision_number\"; allowed: one of the two")
        for key, bound in (("signed_not_before", idn.signed_not_before),
                           ("signed_not_after", idn.signed_not_after)):
            if bound is None:
                continue
            if idn.signed is not None and not (
                    idn.signed.earliest() <= bound.date <= idn.signed.latest()):
                self.add(
                    f"identity.{key}.date",
                    f"found {bound.date.isoformat()}, outside the signing date {idn.signed}; "
                    f"allowed: a day from {idn.signed.earliest().isoformat()} to "
                    f"{idn.signed.latest().isoformat()}",
                )
        lo, hi = idn.signed_not_before, idn.signed_not_after
        if lo is not None and hi is not None and lo.date > hi.date:
            self.add("identity.signed_not_after.date",
                     f"found {hi.date.isoformat()}, before signed_not_before "
                     f"{lo.date.isoformat()}; allowed: a day on or after it")

    def post_unknowns(self) -> None:
        """A post's unknown facts: known names, and not given as well."""
        for i, p in enumerate(self.reg.posts):
            self.unknowns(f"posts[{i}].unknown", p.unknown, POST_UNKNOWNS)
            if "holder" in p.unknown and p.holder is not None:
                self.add(f"posts[{i}].holder", "found a holder while unknown lists \"holder\"; "
                         "allowed: one of the two")
            if "count" in p.unknown and (p.count is not None or not p.plural):
                self.add(f"posts[{i}].unknown", "found \"count\" on a post with a count or not "
                         "plural; allowed: \"count\" only on a plural post without count")

    def collectives(self) -> None:
        """A collective is made of the regulation's posts, each once, at least one."""
        for i, c in enumerate(self.reg.collectives):
            path = f"collectives[{i}].posts"
            self.nonempty(path, c.posts, "post")
            self.refs(path, c.posts, self.post_ids, "post")
            for j, post in enumerate(c.posts):
                if post in c.posts[:j]:
                    self.add(f"{path}[{j}]", f"found {post!r} twice; allowed: each post once")

    def purposes(self) -> None:
        """A stated purpose recurs over whole periods of its rule's finest cadence."""
        months = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
        for i, m in enumerate(self.reg.meetings):
            if not m.purposes:
                continue
            if not m.cadences:
                self.add(f"meetings[{i}].purposes", "found purposes on a rule with no cadence; "
                         "allowed: purposes only where the rule states a cadence")
                continue
            finest = min(months[c.period.value] for c in m.cadences)
            for j, purpose in enumerate(m.purposes):
                n = months[purpose.period.value]
                for k, w in enumerate(purpose.which):
                    if not 1 <= w <= 12 // n or w in purpose.which[:k]:
                        self.add(f"meetings[{i}].purposes[{j}].which[{k}]",
                                 f"found {w!r}; allowed: each of 1-{12 // n} once")
                if n < finest or n % finest:
                    self.add(f"meetings[{i}].purposes[{j}].period",
                             f"found {purpose.period.value!r} on a rule meeting every {finest} "
                             "month(s); allowed: a period made of whole periods of the rule's "
                             "finest cadence")

    def unknowns(self, path: str, values: tuple[str, ...], allowed: tuple[str, ...]) -> None:
        """A list of facts declared unknown: known names, each once."""
        for i, v in enumerate(values):
            if v not in allowed:
                self.add(f"{path}[{i}]", f"found {v!r}; allowed: one of {', '.join(allowed)}")
            elif v in values[:i]:
                self.add(f"{path}[{i}]", f"found {v!r} twice; allowed: each fact once")

    def bounds(self) -> None:
        """Numbers whose size sets the cost of a calendar (see `steering.limits`)."""
        reg = self.reg
        if reg.format != 1:
            self.add("format", f"found {reg.format!r}; allowed: 1")
        cadenced: list[tuple[str, tuple[Cadence, ...]]] = [
            *((f"meetings[{i}]", r.cadences) for i, r in enumerate(reg.meetings)),
            *((f"reports[{i}]", r.cadences) for i, r in enumerate(reg.reports)),
        ]
        for where, cadences in cadenced:
            for j, c in enumerate(cadences):
                if not 1 <= c.times <= MAX_CADENCE_TIMES:
                    self.add(f"{where}.cadences[{j}].times",
                             f"found {c.times!r}; allowed: 1-{MAX_CADENCE_TIMES}")
        for i, r in enumerate(reg.reports):
            if r.deadline and not 0 <= r.deadline.month_offset <= MAX_MONTH_OFFSET:
                self.add(f"reports[{i}].deadline.month_offset",
                         f"found {r.deadline.month_offset!r}; allowed: 0-{MAX_MONTH_OFFSET}")

    def local_days(self) -> None:
        """A local day lies in the years the calendars cover and is declared once."""
        seen: dict[object, int] = {}
        for i, d in enumerate(self.reg.local_days):
            if not MIN_YEAR <= d.date.year <= MAX_YEAR:
                self.add(f"local_days[{i}].date",
                         f"found {d.date.isoformat()}; allowed: a day in {MIN_YEAR}-{MAX_YEAR}")
            if d.date in seen:
                self.add(f"local_days[{i}].date",
                         f"found {d.date.isoformat()}, already declared at "
                         f"local_days[{seen[d.date]}]; allowed: each day once")
            else:
                seen[d.date] = i

    def notices(self) -> None:
        """A notice rule names a body of the regulation and 1-30 working days."""
        for i, n in enumerate(self.reg.notices):
            self.ref(f"notices[{i}].body", n.body, self.nodes, "body")
            if isinstance(n.working_days, bool) or not 1 <= n.working_days <= 30:
                self.add(f"notices[{i}].working_days",
                         f"found {n.working_days!r}; allowed: 1-30 working days")

    def procedures(self) -> None:
        """A procedure names bodies and posts of the regulation."""
        for i, r in enumerate(self.reg.procedures):
            path = f"procedures[{i}]"
            self.ref(f"{path}.body", r.body, self.nodes, "body")
            self.refs(f"{path}.actors", r.actors, self.nodes, "post or body")
            if r.decider:
                self.ref(f"{path}.decider", r.decider, self.nodes, "post or body")
            if r.chaired_by:
                self.ref(f"{path}.chaired_by", r.chaired_by, self.post_ids, "post")

    def ids(self) -> None:
        reg = self.reg
        if not _ID.fullmatch(reg.id.replace("-", "_")):
            self.add("id", f"found {reg.id!r}; allowed: lowercase letters, digits, '-' and '_'")
        seen: dict[str, str] = {}
        for kind, ids in (
            ("posts", [p.id for p in reg.posts]),
            ("working_groups", [g.id for g in reg.working_groups]),
            ("bodies", [b.id for b in reg.bodies]),
            ("collectives", [c.id for c in reg.collectives]),
        ):
            for i, item_id in enumerate(ids):
                path = f"{kind}[{i}].id"
                if not _ID.fullmatch(item_id):
                    self.add(path, f"found {item_id!r}; allowed: an id matching [a-z][a-z0-9_]*")
                if item_id == COMMITTEE:
                    self.add(path, f"found {COMMITTEE!r}, which is reserved for the committee")
                if item_id in seen:
                    self.add(path, f"found duplicate id {item_id!r}; it is already {seen[item_id]}")
                else:
                    seen[item_id] = path

    def posts(self) -> None:
        """Exactly one head, then each post, then leads and standing agencies."""
        reg = self.reg
        heads = [i for i, p in enumerate(reg.posts) if p.role is Role.HEAD]
        if len(heads) != 1:
            where = ", ".join(f"posts[{i}]" for i in heads) or "none"
            self.add("posts", f"found {len(heads)} head posts ({where}); allowed: exactly one")
        for i, p in enumerate(reg.posts):
            self._post(f"posts[{i}]", p)
        self._leads_and_agencies()

    def _post(self, path: str, p: Post) -> None:
        """One post's own fields: title, group, count, concurrent posts."""
        reg = self.reg
        if not p.title.strip():
            self.add(f"{path}.title", "found an empty title; allowed: the regulation's words")
        if p.role in _GROUP_ROLES:
            if not p.group:
                self.add(
                    f"{path}.group",
                    f"found no group for a {p.role.value} post; allowed: a working group id "
                    f"({', '.join(sorted(self.group_ids)) or 'none defined'})",
                )
            else:
                self.ref(f"{path}.group", p.group, self.group_ids, "working group")
        elif p.group:
            self.add(
                f"{path}.group",
                f"found group {p.group!r} on a {p.role.value} post; allowed: only wg_lead "
                "and wg_member posts belong to a working group",
            )
        if p.count is not None and (not p.plural or p.count < 2):
            self.add(f"{path}.count", f"found {p.count!r} on a post with plural = "
                     f"{str(p.plural).lower()}; allowed: a count of 2 or more, on a plural "
                     "post")
        for j, other in enumerate(p.concurrent_with):
            self.ref(f"{path}.concurrent_with[{j}]", other, self.post_ids, "post")
            if other == p.id:
                self.add(f"{path}.concurrent_with[{j}]", "found the post itself")
            elif other in self.post_ids and p.id not in reg.post(other).concurrent_with:
                self.add(
                    f"{path}.concurrent_with[{j}]",
                    f"found {other!r}, but {other!r} does not list {p.id!r} back; "
                    "allowed: concurrent posts listed on both sides",
                )

    def _leads_and_agencies(self) -> None:
        """Working-group leads and standing agencies name posts of a fitting role."""
        reg = self.reg
        for i, g in enumerate(reg.working_groups):
            if g.lead:
                self.ref(f"working_groups[{i}].lead", g.lead, self.post_ids, "post")
                if g.lead in self.post_ids and reg.post(g.lead).role not in (
                    Role.WG_LEAD,
                    Role.STANDING_DEPUTY,
                    Role.DEPUTY,
                    Role.STANDING_MEMBER,
                ):
                    self.add(
                        f"working_groups[{i}].lead",
                        f"found post {g.lead!r} with role {reg.post(g.lead).role.value}; allowed: "
                        "a wg_lead, deputy, standing_deputy or standing_member post",
                    )
        for i, agency in enumerate(reg.committee.standing_agencies):
            where = f"committee.standing_agencies[{i}].post"
            self.ref(where, agency.post, self.post_ids, "post")
            if agency.post in self.post_ids and reg.post(agency.post).role is not \
                    Role.STANDING_AGENCY:
                self.add(where, f"found post {agency.post!r} with role "
                         f"{reg.post(agency.post).role.value}; allowed: a post with role "
                         "standing_agency")
        if len(reg.committee.standing_agencies) > 1 and any(
                not a.domain for a in reg.committee.standing_agencies):
            self.add("committee.standing_agencies", "found a standing agency with no domain "
                     "among several; allowed: a domain for each when there are several")
        sa = reg.committee.standing_agency
        if sa:
            self.ref("committee.standing_agency", sa, self.post_ids, "post")
            if sa in self.post_ids and reg.post(sa).role is not Role.STANDING_AGENCY:
                self.add(
                    "committee.standing_agency",
                    f"found post {sa!r} with role {reg.post(sa).role.value}; "
                    "allowed: a post with role standing_agency",
                )

    def rules(self) -> None:  # noqa: PLR0912 - one loop per rule kind reads best
        reg, n, p = self, self.nodes, self.post_ids
        self.references()
        for i, s in enumerate(self.reg.substitutions):
            path = f"substitutions[{i}]"
            reg.nonempty(f"{path}.substitutes", s.substitutes, "post")
            if s.principal in s.substitutes:
                reg.add(f"{path}.substitutes", f"found the principal {s.principal!r} itself")
            both = [x for x in s.substitutes if x in s.also_absent]
            if both:
                reg.add(f"{path}.also_absent", f"found the substitute {both[0]!r}, which cannot "
                        "act while absent; allowed: posts other than the rule's substitutes")
            if s.rank < 1:
                reg.add(f"{path}.rank", f"found {s.rank}; allowed: an integer >= 1")
        ranks = Counter((s.principal, s.rank, s.also_absent) for s in self.reg.substitutions)
        for i, s in enumerate(self.reg.substitutions):
            if ranks[(s.principal, s.rank, s.also_absent)] > 1:
                self.add(
                    f"substitutions[{i}].rank",
                    f"found rank {s.rank} twice for principal {s.principal!r}; allowed: "
                    "one rule per rank (put several substitutes in one rule instead)",
                )
        for i, a in enumerate(self.reg.accountability):
            reg.nonempty(f"accountability[{i}].to", a.to, "post, body or 'committee'")
            if a.subject in a.to:
                reg.add(f"accountability[{i}].to", f"found the subject {a.subject!r} itself")
        if self.reg.applies_to is not None:
            reg.refs("applies_to.ids", self.reg.applies_to.ids, n, "post, group or body")
            reg.nonempty("applies_to.subjects", self.reg.applies_to.subjects, "subject")
        for i, r in enumerate(self.reg.reports):
            path = f"reports[{i}]"
            reg.nonempty(f"{path}.reporters", r.reporters, "reporter")
            reg.nonempty(f"{path}.recipients", r.recipients, "recipient")
            if r.cadences and not r.periodic:
                reg.add(f"{path}.periodic", "found cadences on a report not marked periodic")
            if r.deadline and not 1 <= r.deadline.day <= 31:
                reg.add(f"{path}.deadline.day", f"found {r.deadline.day}; allowed: 1-31")
        report_ids = Counter(r.id for r in self.reg.reports)
        for i, r in enumerate(self.reg.reports):
            if report_ids[r.id] > 1:
                self.add(f"reports[{i}].id", f"found duplicate report id {r.id!r}")
        for i, sr in enumerate(self.reg.seals):
            reg.nonempty(f"seals[{i}].posts", sr.posts, "post")
            if sr.seal.kind is SealKind.AGENCY and not sr.seal.agency:
                reg.add(f"seals[{i}].seal.agency", "found no agency for an agency seal")
        for i, sg in enumerate(self.reg.signing):
            reg.nonempty(f"signing[{i}].posts", sg.posts, "post")
        for i, c in enumerate(self.reg.convening):
            if not c.conveners and not c.on_proposal_of:
                reg.add(
                    f"convening[{i}].conveners", "found no convener; allowed: at least one post"
                )
        for i, co in enumerate(self.reg.compositions):
            if co.decided_by != "chair":
                reg.ref(f"compositions[{i}].decided_by", co.decided_by, p | {"chair"}, "post")
        for i, at in enumerate(self.reg.attendance):
            reg.nonempty(f"attendance[{i}].posts", at.posts, "post")
        for i, ch in enumerate(self.reg.channels):
            if ch.administrator:
                reg.ref(f"channels[{i}].administrator", ch.administrator, n, "post or body")
        self.delegations()

    def cycles(self) -> None:
        subs = [(s.principal, t) for s in self.reg.substitutions for t in s.substitutes]
        cyc = find_cycle(subs)
        if cyc:
            self.add("substitutions", f"found a cycle {' --> '.join(cyc)}; allowed: no cycles")
        acc = [(a.subject, t) for a in self.reg.accountability for t in a.to]
        cyc = find_cycle(acc)
        if cyc:
            self.add("accountability", f"found a cycle {' --> '.join(cyc)}; allowed: no cycles")

    def monitoring(self) -> None:
        mon = self.reg.monitoring
        if mon is None:
            return
        first: dict[str, str] = {}
        for i, a in enumerate(mon.assignments):
            path = f"monitoring.assignments[{i}]"
            for j, t in enumerate(a.targets):
                if not mon.exclusive_localities or t.kind.value != "locality":
                    continue
                # One key whatever the unit's spelling ("huyện" / "h" / "H."): a locality
                # cannot get two members by being written two ways.
                key = f"{canonical_unit(t.unit)} {' '.join(fold(t.name).split())}"
                if key in first:
                    self.add(
                        f"{path}.targets[{j}]",
                        f"found locality {t.text!r} assigned again (first at {first[key]}); "
                        "allowed: each locality assigned to exactly one member",
                    )
                else:
                    first[key] = f"{path}.targets[{j}]"

    def citations(self, source: SourceText | None) -> None:
        for message in source.problems if source is not None else ():
            self.add("source", f"source text {message}")
        found = [(i, _citation_problems(c, source))
                 for i, c in enumerate(_citation_values(self.reg))]
        wrong = [(i, problems) for i, problems in found if problems]
        if not wrong:
            return
        paths = _citations(self.reg, "")  # the same order, now with paths
        for i, problems in wrong:
            path = paths[i][0]
            for suffix, message in problems:
                self.add(f"{path}{suffix}", message)


def reference_problems(reg: Regulation, file: str) -> list[Problem]:
    """Every reference of `RULE_REFERENCES` that names no id of the kind it may name."""
    checker = _Checker(reg, file)
    checker.references()
    return checker.problems


def delegation_problems(reg: Regulation, file: str) -> list[Problem]:
    """Written authorisations (ủy quyền) that are malformed or re-delegated.

    One checker for `validate()` and the authority graph: document kinds given, an end
    not before the start, no post authorising itself, no authority re-delegated
    (Nghị định 30/2020/NĐ-CP, Điều 13 khoản 3), document kinds matched as kinds.
    """
    checker = _Checker(reg, file)
    checker.delegations()
    return checker.problems
