"""Which standing agency (cơ quan thường trực) serves the committee, by domain.

A merged committee after 2025 often has several standing agencies, each for one
domain ("Sở Khoa học và Công nghệ ... về khoa học, công nghệ, đổi mới sáng tạo và
chuyển đổi số; Công an tỉnh ... về Đề án 06"). The question "who is the standing
agency?" then has one answer per domain: asked without a domain, or with words that
fit several, the answer is ``ambiguous`` with the candidates; with words that fit one
domain, it is that agency, and the answer says how the words were read.
"""

from __future__ import annotations

import re
from typing import Any

from steering import reasons
from steering._text import fold
from steering.regulation import Regulation, StandingAgency
from steering.rules import Citation
from steering.ruling import Question, Ruling, Status

__all__ = ["standing_agencies", "standing_agency"]


def standing_agencies(reg: Regulation) -> tuple[StandingAgency, ...]:
    """Every standing agency with its domain: the list, or the single ``standing_agency``."""
    if reg.committee.standing_agencies:
        return reg.committee.standing_agencies
    sa = reg.committee.standing_agency
    if not sa:
        return ()
    post = reg.post(sa)
    cite = post.holder.citation if post.holder is not None else post.citation
    return (StandingAgency(post=sa, domain="", citation=cite),)


def _fits(query: str, domain: str) -> bool:
    """Whether the folded words of ``query`` stand, whole, in ``domain``."""
    q, d = fold(query), fold(domain)
    return bool(q) and re.search(rf"(?<!\w){re.escape(q)}(?!\w)", d) is not None


def _who(reg: Regulation, a: StandingAgency) -> str:
    post = reg.post(a.post)
    return post.agency or post.office or post.title


def standing_agency(reg: Regulation, domain: str | None = None) -> Ruling:
    """The standing agency for ``domain`` (or the committee's only one), with its citation."""
    agencies = standing_agencies(reg)
    common: dict[str, Any] = {"question": Question.STANDING_AGENCY, "subject": domain or ""}
    if not agencies:
        return Ruling(status=Status.NOT_SPECIFIED, **common,
                      reasons=(reasons.NoStandingAgency(),))
    if len(agencies) == 1 and (domain is None or not agencies[0].domain):
        a = agencies[0]
        return _decided(reg, a, common, "")
    if domain is None:
        return _ambiguous(reg, agencies, common, "")
    exact = [a for a in agencies if fold(a.domain) == fold(domain)]
    fitting = exact or [a for a in agencies if _fits(domain, a.domain)]
    if len(fitting) == 1:
        return _decided(reg, fitting[0], common, "" if exact else domain)
    if fitting:
        return _ambiguous(reg, tuple(fitting), common, domain)
    cites = tuple(a.citation for a in agencies)
    return Ruling(
        status=Status.NOT_SPECIFIED, **common, citations=cites,
        reasons=(reasons.NoAgencyForDomain(domain, tuple(a.domain for a in agencies), cites),),
    )


def _decided(reg: Regulation, a: StandingAgency, common: dict[str, Any],
             read: str) -> Ruling:
    return Ruling(
        status=Status.DECIDED, answer=(a.post,), citations=(a.citation,),
        **common,
        reasons=(reasons.StandingAgencyIs(_who(reg, a), a.citation, a.domain, read),),
    )


def _ambiguous(reg: Regulation, agencies: tuple[StandingAgency, ...],
               common: dict[str, Any], domain: str) -> Ruling:
    cites: tuple[Citation, ...] = tuple(a.citation for a in agencies)
    each = tuple((_who(reg, a), a.domain) for a in agencies)
    return Ruling(
        status=Status.AMBIGUOUS, candidates=tuple(a.post for a in agencies), citations=cites,
        **common,
        reasons=(reasons.StandingAgencies(each, domain, cites),),
    )
