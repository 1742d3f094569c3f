"""Compare 'steering draft' with the hand-made files, rule by rule, per rule kind.

Run: ``PYTHONPATH=src python scripts/eval_draft.py`` (``--markdown`` for the table of
docs/authoring.md). For each of the five presets and each example in docs/examples/,
drafts a file from its source text and matches every decided candidate with the
hand-made file's rules of the same kind, by citation (article and clause) and by the
fields the drafter reads (posts compared by role, since ids differ):

- right: a decided candidate equal to a hand-made rule;
- wrong: a decided candidate equal to none;
- missed: a hand-made rule of a kind the drafter proposes that no decided candidate equals.

Hand-made rules equal once posts are replaced by their roles count once (the draft
has one post per role; a preset may have one per member agency).

Guessed candidates (commented out in the draft) are counted apart.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import steering
from steering._text import fold
from steering.draft import Candidate, draft
from steering.regulation import Regulation

ROOT = Path(__file__).resolve().parent.parent
KINDS = (
    "substitutions",
    "accountability",
    "seals",
    "convening",
    "meetings",
    "reports",
    "directions",
    "monitoring",
    "attendance",
    "compositions",
)
# Rule kinds the drafter does not propose yet: every hand-made rule of them is missed.
NOT_DRAFTED = (
    "signing",
    "channels",
    "delegations",
)


def _roles(reg: Regulation) -> dict[str, str]:
    out = {p.id: p.role.value for p in reg.posts}
    out |= {g.id: "working_group" for g in reg.working_groups}
    out |= {b.id: "body" for b in reg.bodies}
    out["committee"] = "committee"
    return out


def _key(  # noqa: PLR0911 - one key per rule kind
    kind: str, f: dict[str, object], article: int | None, clause: int | None
) -> tuple[object, ...]:
    def ids(v: object) -> tuple[str, ...]:
        return tuple(sorted(str(x) for x in (v or ())))  # type: ignore[attr-defined]

    if kind == "substitutions":
        return (article, clause, f["principal"], ids(f["substitutes"]), ids(f.get("also_absent")))
    if kind == "accountability":
        return (article, clause, f["subject"], ids(f["to"]))
    if kind == "seals":
        seal = f["seal"]
        assert isinstance(seal, dict)
        return (article, clause, ids(f["posts"]), seal["kind"], fold(str(seal.get("agency", ""))))
    if kind == "attendance":
        return (
            article,
            clause,
            ids(f["posts"]),
            ids(f.get("absence_conditions")),
            f.get("proxy_allowed"),
            ids(f.get("proxy_conditions")),
        )
    if kind == "monitoring":
        targets = f["targets"]
        assert isinstance(targets, list)
        return tuple(sorted((t["kind"], fold(t["name"]), t.get("unit", "")) for t in targets))
    if kind == "directions":
        return (article, clause, ids(f["subjects"]), ids(f["objects"]))
    if kind == "reports":
        return (article, clause, ids(f["reporters"]), ids(f["recipients"]), ids(f.get("cadences")))
    if kind == "convening":
        return (article, clause, f["body"], f["meeting"], ids(f["conveners"]))
    if kind == "compositions":
        return (article, clause, f["body"], f["decided_by"])
    return (article, clause, f["body"], f["kind"], ids(f.get("cadences")))


def _hand(reg: Regulation, kind: str) -> list[tuple[object, ...]]:
    r = _roles(reg)
    out: list[tuple[object, ...]] = []
    if kind == "monitoring":
        for a in reg.monitoring.assignments if reg.monitoring else ():
            targets = [{"kind": t.kind.value, "name": t.name, "unit": t.unit} for t in a.targets]
            out.append(_key(kind, {"targets": targets}, None, None))
        return out
    for rule in getattr(reg, kind):
        c = rule.citation
        if kind == "substitutions":
            f = {
                "principal": r[rule.principal],
                "substitutes": sorted({r[s] for s in rule.substitutes}),
                "also_absent": sorted({r[s] for s in rule.also_absent}),
            }
        elif kind == "accountability":
            f = {
                "subject": r.get(rule.subject, rule.subject),
                "to": sorted({r.get(t, t) for t in rule.to}),
            }
        elif kind == "seals":
            f = {
                "posts": sorted({r.get(p, p) for p in rule.posts}),
                "seal": {"kind": rule.seal.kind.value, "agency": rule.seal.agency},
            }
        elif kind == "attendance":
            f = {
                "posts": sorted({r.get(p, p) for p in rule.posts}),
                "absence_conditions": [c.value for c in rule.absence_conditions],
                "proxy_allowed": rule.proxy_allowed,
                "proxy_conditions": [c.value for c in rule.proxy_conditions],
            }
        elif kind == "directions":
            f = {
                "subjects": sorted({r.get(p, p) for p in rule.subjects}),
                "objects": sorted({r.get(p, p) for p in rule.objects}),
            }
        elif kind == "reports":
            f = {
                "reporters": sorted({r.get(p, p) for p in rule.reporters}),
                "recipients": sorted({r.get(p, p) for p in rule.recipients}),
                "cadences": [_cadence_name(x) for x in rule.cadences],
            }
        elif kind == "compositions":
            body = "committee" if rule.body == "committee" else "working_group"
            f = {"body": body, "decided_by": r.get(rule.decided_by, rule.decided_by)}
        elif kind == "convening":
            body = "committee" if rule.body == "committee" else "working_group"
            f = {
                "body": body,
                "meeting": rule.meeting.value,
                "conveners": sorted({r.get(p, p) for p in rule.conveners}),
            }
        else:
            body = "committee" if rule.body == "committee" else "working_group"
            f = {"body": body, "kind": rule.kind.value, "cadences": [c_.name for c_ in ()]}
            f["cadences"] = [_cadence_name(x) for x in rule.cadences]
        out.append(_key(kind, f, c.article, c.clause))
    return out


def _cadence_name(c: object) -> str:
    period = getattr(c, "period").value  # noqa: B009
    times = getattr(c, "times")  # noqa: B009
    names = {
        "month": "monthly",
        "quarter": "quarterly",
        "half_year": "half_yearly",
        "year": "yearly",
    }
    return names.get(period, period) if times == 1 else f"{times}x{period}"


def _cand_key(c: Candidate) -> tuple[object, ...]:
    f = dict(c.fields)
    if c.kind in {"seals", "accountability", "convening", "substitutions"}:
        for k in ("posts", "to", "conveners", "substitutes", "also_absent"):
            if k in f:
                f[k] = sorted(set(f[k]))  # type: ignore[call-overload]
    if "body" in f and f["body"] != "committee":
        f["body"] = "working_group"
    if c.kind == "directions":
        roles = {
            "committee",
            "head",
            "standing_deputy",
            "deputy",
            "member",
            "standing_member",
            "wg_lead",
            "standing_agency",
            "wg_member",
        }
        f["subjects"] = sorted(set(f["subjects"]))
        f["objects"] = sorted({x if x in roles else "working_group" for x in f["objects"]})
    if c.kind == "reports":
        roles = {
            "head",
            "standing_deputy",
            "deputy",
            "member",
            "standing_member",
            "wg_lead",
            "standing_agency",
            "wg_member",
        }
        f["reporters"] = sorted({x if x in roles else "working_group" for x in f["reporters"]})
        f["recipients"] = sorted(set(f["recipients"]))
    clause = c.unit.clause if c.unit.kind in {"clause", "point"} else None
    return _key(c.kind, f, c.unit.article, clause)


def evaluate() -> dict[str, Counter[str]]:
    """Counts per rule kind over the presets and the examples; mismatches go to stderr."""
    cases: list[tuple[str, Regulation, str]] = []
    for pid in steering.presets.names():
        cases.append(
            (pid, steering.presets.load(pid), steering.presets.source_path(pid).read_text("utf-8"))
        )
    for toml in sorted((ROOT / "docs" / "examples").glob("*.toml")):
        reg = steering.load(toml)
        cases.append((reg.id, reg, (toml.parent / reg.source).read_text("utf-8")))
    totals: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    for _, reg, _ in cases:
        for kind in NOT_DRAFTED:
            totals.setdefault(kind, Counter())
            value = (
                getattr(reg, kind)
                if kind != "monitoring"
                else (reg.monitoring.assignments if reg.monitoring else ())
            )
            totals[kind]["hand"] += len(value)
            totals[kind]["missed"] += len(value)
    for name, reg, text in cases:
        d = draft(text, file_id=name)
        for kind in KINDS:
            # Rules equal up to post roles count once: the draft has one post per role
            # (Thanh Hóa 2024's 24 member posts share one accountability clause).
            hand = Counter(set(_hand(reg, kind)))
            seen: Counter[tuple[object, ...]] = Counter()
            for c in d.candidates:
                if c.kind != kind:
                    continue
                if not c.decided:
                    totals[kind]["guessed"] += 1
                    continue
                k = _cand_key(c)
                if seen[k] < hand[k]:
                    totals[kind]["right"] += 1
                    seen[k] += 1
                else:
                    totals[kind]["wrong"] += 1
                    print(f"  wrong {name} {kind}: {k}", file=sys.stderr)
            missed = sum((hand - seen).values())
            totals[kind]["missed"] += missed
            totals[kind]["hand"] += sum(hand.values())
            for k in sorted(hand - seen, key=repr):  # the same order every run
                print(f"  missed {name} {kind}: {k}", file=sys.stderr)
    return totals


def main() -> None:
    """Print the table of docs/authoring.md and the precision and recall."""
    totals = evaluate()
    rows = [
        "| kind | hand-made | right | wrong | missed | guessed (commented out) |",
        "|---|---|---|---|---|---|",
    ]
    all_ = Counter[str]()
    drafted = Counter[str]()
    for kind, t in totals.items():
        all_ += t
        if kind in KINDS:
            drafted += t
        cells = (t["hand"], t["right"], t["wrong"], t["missed"], t["guessed"])
        rows.append(f"| {kind} | " + " | ".join(map(str, cells)) + " |")
    decided = all_["right"] + all_["wrong"]
    precision = all_["right"] / decided if decided else 0.0
    recall = all_["right"] / all_["hand"] if all_["hand"] else 0.0
    cells = (all_["hand"], all_["right"], all_["wrong"], all_["missed"], all_["guessed"])
    rows.append("| all | " + " | ".join(map(str, cells)) + " |")
    print("\n".join(rows))
    d_recall = drafted["right"] / drafted["hand"] if drafted["hand"] else 0.0
    print(f"\nprecision of decided candidates: {precision:.1%} ({all_['right']}/{decided})")
    print(
        f"recall over the kinds drafted ({', '.join(KINDS)}): {d_recall:.1%} "
        f"({drafted['right']}/{drafted['hand']})"
    )
    print(f"recall over every rule kind: {recall:.1%} ({all_['right']}/{all_['hand']})")


if __name__ == "__main__":
    main()
