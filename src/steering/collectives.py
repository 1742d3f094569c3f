"""Leadership collectives: bodies made of the committee's own posts.

Regulations name collectives that are neither a post nor the whole committee:
"Thường trực Ban Chỉ đạo" (the head and the standing deputy) "làm việc với các cơ
quan", "Lãnh đạo Ủy ban". A file lists each under ``[[collectives]]`` with the
posts it is made of, cited; rules may then name it like any body, and
``AuthorityGraph.collective`` says who it is and who of it is present.
"""

from __future__ import annotations

from typing import Any

from steering import reasons
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
    said: list[reasons.Reason] = [reasons.CollectiveOf(c.name, _named(reg, c.posts), c.citation)]
    if away:
        said.append(reasons.CollectivePresence(
            absent=_named(reg, tuple(p for p in c.posts if p in away)),
            present=_named(reg, present),
        ))
    if c.note:
        said.append(reasons.FileNote(c.note))
    # Passed as a keyword table: attrs' frozenset converter confuses mypy's plugin.
    taken: dict[str, Any] = {"absent": away}
    return Ruling(
        **taken, question=Question.COLLECTIVE, subject=c.id,
        status=Status.DECIDED if present else Status.NOBODY_AVAILABLE,
        answer=present, chain=c.posts, citations=(c.citation,),
        reasons=tuple(said),
    )


def _named(reg: Regulation, ids: tuple[str, ...]) -> tuple[reasons.Named, ...]:
    """Posts as a reason names them: the regulation's name, in both languages."""
    return tuple(reasons.Named(i, reg.name_of(i), reg.name_of(i)) for i in ids)
