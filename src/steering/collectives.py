"""Leadership collectives: bodies made of the committee's own posts.

Regulations name collectives that are neither a post nor the whole committee:
"Thường trực Ban Chỉ đạo" (the head and the standing deputy) "làm việc với các cơ
quan", "Lãnh đạo Ủy ban". A file lists each under ``[[collectives]]`` with the
posts it is made of, cited; rules may then name it like any body, and
``AuthorityGraph.collective`` says who it is and who of it is present.
"""

from __future__ import annotations

from typing import Any

from steering.errors import UnknownIdError
from steering.regulation import Regulation
from steering.roles import Collective
from steering.ruling import Question, Ruling, Status

__all__ = ["collective", "collectives"]


def collectives(reg: Regulation) -> tuple[Collective, ...]:
    """Every leadership collective of ``reg``, in file order."""
    return reg.collectives


def collective(reg: Regulation, collective_id: str, absent: frozenset[str]) -> Ruling:
    """Who ``collective_id`` is made of; ``answer`` is its members not in ``absent``.

    ``chain`` lists every member in the text's order and ``absent`` those away (the
    caller has already counted a person absent from every post they hold). With
    every member away the status is ``nobody_available``.

    Raises:
        UnknownIdError: ``collective_id`` names no collective (the message lists them).

    """
    found = {c.id: c for c in reg.collectives}
    if collective_id not in found:
        raise UnknownIdError("collective", collective_id, list(found))
    c = found[collective_id]
    present = tuple(p for p in c.posts if p not in absent)
    away = frozenset(p for p in c.posts if p in absent)
    label_vi, label_en = c.citation.label("vi"), c.citation.label("en")
    members_vi = ", ".join(reg.name_of(p) for p in c.posts)
    text_vi = f"{c.name} gồm: {members_vi} ({label_vi})."
    text_en = f"{c.name} is made of: {members_vi} ({label_en})."
    if away:
        gone = ", ".join(reg.name_of(p) for p in c.posts if p in away)
        here = ", ".join(reg.name_of(p) for p in present) or None
        text_vi += f" Vắng: {gone}; " + (f"có mặt: {here}." if here else "không ai có mặt.")
        text_en += f" Absent: {gone}; " + (f"present: {here}." if here else "nobody present.")
    if c.note:
        text_vi += f" Ghi chú: {c.note}"
        text_en += f" Note: {c.note}"
    # Passed as a keyword table: attrs' frozenset converter confuses mypy's plugin.
    taken: dict[str, Any] = {"absent": away}
    return Ruling(
        **taken, question=Question.COLLECTIVE, subject=c.id,
        status=Status.DECIDED if present else Status.NOBODY_AVAILABLE,
        answer=present, chain=c.posts, citations=(c.citation,),
        text_vi=text_vi, text_en=text_en,
    )
