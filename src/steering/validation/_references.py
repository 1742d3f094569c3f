"""References between ids, declared once and checked by one checker (issue #11)."""

from __future__ import annotations

from steering.rules import Delegation

#: group or the committee.
RULE_REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("substitutions", "principal", "post"),
    ("substitutions", "substitutes", "post"),
    ("substitutions", "also_absent", "post"),
    ("accountability", "subject", "node"),
    ("accountability", "to", "node"),
    ("directions", "subjects", "node"),
    ("directions", "objects", "node"),
    ("reports", "reporters", "node"),
    ("reports", "recipients", "node"),
    ("reports", "through", "node"),
    ("reports", "consult", "node"),
    ("reports", "partners", "node"),
    ("seals", "posts", "seal holder"),
    ("signing", "posts", "post"),
    ("convening", "body", "meeting body"),
    ("convening", "conveners", "post"),
    ("convening", "on_proposal_of", "node"),
    ("meetings", "body", "meeting body"),
    ("compositions", "body", "meeting body"),
    ("attendance", "posts", "post"),
    ("attendance", "body", "meeting body"),
    ("delegations", "delegator", "post"),
    ("delegations", "delegate", "post"),
    ("monitoring.assignments", "post", "post"),
)
#: How a problem names what a reference of each kind may name.
_REFERENCE_WORDS = {
    "post": "post",
    "node": "post, group or body",
    "meeting body": "committee or working group",
    "seal holder": "post",
}


def delegation_faults(dl: Delegation) -> list[tuple[str, str]]:
    """What is wrong with one written authorisation on its own: (field, message) pairs.

    `validate()`, the authority graph and a query's extra ``delegations=`` all use it.
    """
    faults: list[tuple[str, str]] = []
    if not dl.documents:
        faults.append(("documents", "found no document kinds; allowed: at least one (a written "
                       "authorisation is limited in content, Nghị định 30/2020/NĐ-CP, Điều 13 "
                       "khoản 3)"))
    if dl.delegator == dl.delegate:
        faults.append(("delegate", f"found {dl.delegate!r} authorising itself"))
    if dl.end < dl.start:
        faults.append(("end", f"found end {dl.end} before start {dl.start}"))
    return faults
