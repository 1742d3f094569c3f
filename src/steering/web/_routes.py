"""The endpoints: one per query of the Python API, calendars, comparisons, validation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Annotated, Any, cast

import attrs
from litestar import Request, Response, get, post
from litestar.concurrency import sync_to_thread
from litestar.di import NamedDependency, Provide
from litestar.openapi import ResponseSpec
from litestar.params import HeaderParameter, Parameter, QueryParameter

from steering import __version__
from steering._json import jsonable
from steering.authority import AuthorityGraph
from steering.compare import compare, table
from steering.errors import (
    QueryError,
)
from steering.loader import loads
from steering.regulation import Regulation
from steering.ruling import LANGS, Ruling, ruling_json
from steering.schedule import Occurrence, calendar_gaps
from steering.web._registry import Registry
from steering.web._types import (
    _PROBLEM,
    _T,
    MAX_CALENDAR_DAYS,
    CalendarAnswer,
    ComparisonAnswer,
    ProblemDetails,
    RegulationSummary,
    RulingAnswer,
    TableAnswer,
    UploadTooLargeError,
    ValidationAnswer,
    unstructure_value,
)

# ----------------------------------------------------------------- requests


def _registry(request: Request[Any, Any, Any]) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


def _lang(lang: str | None, accept_language: str | None) -> str:
    """``?lang=`` if given, else the best of ``Accept-Language`` we speak, else Vietnamese."""
    if lang is not None:
        if lang not in LANGS:
            raise QueryError(f"found lang={lang!r}; allowed: {', '.join(LANGS)}")
        return lang
    best: tuple[float, int, str] | None = None
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGS:
            continue
        q = 1.0
        for p in params.split(";"):
            key, _, value = p.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0 and (best is None or (q, -i) > (best[0], best[1])):
            best = (q, -i, primary)
    return best[2] if best is not None else "vi"


def _ids(values: Sequence[str] | None) -> frozenset[str]:
    """Ids given repeated (``absent=a&absent=b``) or comma-separated (``absent=a,b``)."""
    return frozenset(x.strip() for v in values or () for x in v.split(",") if x.strip())


def _json(content: Any, documented_as: type[_T]) -> Response[_T]:
    """A JSON response of data already in its machine form; ``documented_as`` is its schema."""
    return cast("Response[_T]", Response(content=content))


def _answer(ruling: Ruling, reg: Regulation, lang: str) -> Response[RulingAnswer]:
    return _json(ruling_json(ruling, reg, lang), RulingAnswer)


@attrs.frozen
class _Asker:
    """One request's way to ask a regulation's authority graph, answering in its language.

    Every ruling endpoint is handed one (a dependency, so ``lang`` and
    ``Accept-Language`` are declared once). The regulation is found first, then the
    question asked, then the language read, so an unknown regulation is said before a
    bad argument.
    """

    registry: Registry
    lang: str | None
    accept_language: str | None

    def __call__(self, regulation: str,
                 question: Callable[[AuthorityGraph], Ruling]) -> Response[RulingAnswer]:
        reg = self.registry.get(regulation)
        return _answer(question(reg.authority()), reg, _lang(self.lang, self.accept_language))


_Lang = Annotated[str | None, QueryParameter(
    name="lang", required=False,
    description="Language of the explanation: vi or en (overrides Accept-Language)")]
_AcceptLanguage = Annotated[str | None, HeaderParameter(
    name="Accept-Language", required=False, description="vi or en; the default is vi")]
_REG = Parameter(description="A regulation id (see GET /regulations)")
_Post = Annotated[str, QueryParameter(
    description="A post id, e.g. head (see GET /regulations/{regulation})")]
_On = Annotated[dt.date | None, QueryParameter(
    required=False, description="The date asked about (YYYY-MM-DD)")]
_Document = Annotated[str | None, QueryParameter(
    required=False, description="The kind of document (as the regulation names it)")]
_Transitive = Annotated[bool, QueryParameter(
    required=False, description="Follow the relation upward (default: false)")]
_Start = Annotated[dt.date, QueryParameter(description="First day (YYYY-MM-DD), included")]
_End = Annotated[dt.date, QueryParameter(description="Last day (YYYY-MM-DD), included")]
_RegId = Annotated[str, QueryParameter(description="A regulation id (see GET /regulations)")]
# "body" is the request body's name in Litestar: the query parameter keeps the API's name.
_Body = Annotated[str, QueryParameter(
    name="body", required=False, description="'committee' (default) or a working group id")]

_ABSENT_SELF = Parameter(
    default=None, required=False,
    description="Absent post ids, repeated or comma-separated (default: the post itself)")
_ABSENT = Parameter(default=None, required=False,
                    description="Absent post ids, repeated or comma-separated (default: none)")
_KIND = Parameter(description="regular, extraordinary or expanded")
_Collective = Annotated[str, QueryParameter(
    name="collective", description="The collective's id, e.g. 'thuong_truc'")]
_Domain = Annotated[str | None, QueryParameter(
    required=False, description="The domain asked about, e.g. 'chuyển đổi số'")]
_MeetingDay = Annotated[dt.date, QueryParameter(description="The meeting day (YYYY-MM-DD)")]
_MeetingKind = Annotated[str, QueryParameter(
    required=False, description="regular (default), extraordinary or expanded")]
_ChairedBy = Annotated[str | None, QueryParameter(
    required=False, description="For a conclusion notice: the post that chaired")]
_PROCEDURE = Parameter(description="written_opinion, conclusion_notice, referral or "
                       "report_before_meeting")
_TARGET = Parameter(description="A locality or sector, e.g. 'Đông Sơn' (diacritics optional)")
_REGS = Parameter(default=None, required=False,
                  description="Regulation ids, repeated or comma-separated (default: all)")

_ERRORS = {
    code: ResponseSpec(data_container=ProblemDetails, media_type=_PROBLEM, description=text)
    for code, text in (
        (400, "A bad argument"),
        (404, "Unknown regulation, post or id"),
    )
}


def _query(**kwargs: Any) -> get:
    """The route decorator's arguments every query shares."""
    return get(sync_to_thread=False, responses=_ERRORS, tags=["queries"], **kwargs)


#: What a ruling endpoint is handed (named in the route's dependencies).
_Ask = NamedDependency[_Asker]


def _asker(request: Request[Any, Any, Any], lang: _Lang = None,
           accept_language: _AcceptLanguage = None) -> _Asker:
    return _Asker(_registry(request), lang, accept_language)


def _ruling(path: str) -> get:
    """The route decorator of a question answered by a ruling: it is handed ``ask``."""
    return _query(path=path, dependencies={"ask": Provide(_asker, sync_to_thread=False)})


# ----------------------------------------------------------------- endpoints


@get("/health", sync_to_thread=False, tags=["service"])
def health(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """Liveness and what the service holds."""
    return {"status": "ok", "version": __version__,
            "regulations": len(_registry(request).regulations)}


@get("/openapi.json", sync_to_thread=False, include_in_schema=False)
def openapi_json(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """The OpenAPI document (also at ``/docs/openapi.json``)."""
    schema: dict[str, Any] = request.app.openapi_schema.to_schema()
    return schema


@get("/regulations", sync_to_thread=False, tags=["regulations"])
def list_regulations(request: Request[Any, Any, Any]) -> list[RegulationSummary]:
    """Every regulation the service holds: the presets, then the operator's folder."""
    registry = _registry(request)
    out = []
    for rid, reg in registry.regulations.items():
        idn = reg.identity
        out.append(RegulationSummary(
            id=rid, title=idn.title, locality=idn.locality, province=idn.province,
            level=idn.level.value, decision_number=idn.decision_number,
            signed=idn.signed_text("en"), origin=registry.origins[rid],
        ))
    return out


@get("/regulations/{regulation:str}", sync_to_thread=False, tags=["regulations"],
     responses=_ERRORS)
def show_regulation(
    request: Request[Any, Any, Any], regulation: str = _REG,
) -> Response[Regulation]:
    """The whole regulation as data (the regulation-file format; ``steering show --json``)."""
    return _json(unstructure_value(_registry(request).get(regulation)), Regulation)


@_ruling("/regulations/{regulation:str}/acting-for")
def acting_for(
    ask: _Ask,
    *,
    post: _Post,
    regulation: str = _REG,
    absent: list[str] | None = _ABSENT_SELF,
    on: _On = None,
) -> Response[RulingAnswer]:
    """Who acts for ``post`` when the posts in ``absent`` are absent (``acting_for``)."""
    # Left out, the post asked about is the one away, as on the command line.
    away = frozenset({post}) if absent is None else _ids(absent)
    return ask(regulation, lambda g: g.acting_for(post, absent=away, on=on))


@_ruling("/regulations/{regulation:str}/seal-for")
def seal_for(
    ask: _Ask,
    *,
    post: _Post,
    regulation: str = _REG,
    document: _Document = None,
    on: _On = None,
) -> Response[RulingAnswer]:
    """Which seal ``post`` uses and which signing form applies (``seal_for``)."""
    return ask(regulation, lambda g: g.seal_for(post, document=document, on=on))


@_ruling("/regulations/{regulation:str}/signature-block")
def signature_block(
    ask: _Ask,
    *,
    post: _Post,
    regulation: str = _REG,
    absent: list[str] | None = _ABSENT,
    on: _On = None,
    document: _Document = None,
) -> Response[RulingAnswer]:
    """The lines a document signed by ``post`` carries (``signature_block``)."""
    return ask(regulation,
               lambda g: g.signature_block(post, absent=_ids(absent), on=on, document=document))


@_ruling("/regulations/{regulation:str}/accountable-to")
def accountable_to(
    ask: _Ask,
    *,
    post: _Post,
    regulation: str = _REG,
    transitive: _Transitive = False,
) -> Response[RulingAnswer]:
    """To whom ``post`` answers ("chịu trách nhiệm trước"; ``accountable_to``)."""
    return ask(regulation, lambda g: g.accountable_to(post, transitive=transitive))


@_ruling("/regulations/{regulation:str}/reports-to")
def reports_to(
    ask: _Ask,
    *,
    post: _Post,
    regulation: str = _REG,
) -> Response[RulingAnswer]:
    """To whom ``post`` sends its reports (``reports_to``)."""
    return ask(regulation, lambda g: g.reports_to(post))


@_ruling("/regulations/{regulation:str}/conveners")
def conveners(
    ask: _Ask,
    *,
    kind: str = _KIND,
    regulation: str = _REG,
    body_: _Body = "committee",
) -> Response[RulingAnswer]:
    """Who may convene a kind of meeting of ``body`` (``conveners``)."""
    return ask(regulation, lambda g: g.conveners(kind, body=body_))


@_ruling("/regulations/{regulation:str}/standing-agency")
def standing_agency(
    ask: _Ask,
    *,
    regulation: str = _REG,
    domain: _Domain = None,
) -> Response[RulingAnswer]:
    """Which standing agency serves the committee, by domain (``standing_agency``)."""
    return ask(regulation, lambda g: g.standing_agency(domain))


@_ruling("/regulations/{regulation:str}/collective")
def collective(
    ask: _Ask,
    *,
    collective_: _Collective,
    regulation: str = _REG,
    absent: list[str] | None = _ABSENT,
    on: _On = None,
) -> Response[RulingAnswer]:
    """Who a leadership collective is made of, and who of it is present (``collective``)."""
    return ask(regulation, lambda g: g.collective(collective_, absent=_ids(absent), on=on))


@_ruling("/regulations/{regulation:str}/notice")
def notice(
    ask: _Ask,
    *,
    meeting_day: _MeetingDay,
    regulation: str = _REG,
    body_: _Body = "committee",
    kind: _MeetingKind = "regular",
) -> Response[RulingAnswer]:
    """By when the notice of a meeting must go out (``notice_for``)."""
    return ask(regulation, lambda g: g.notice_for(meeting_day, body=body_, kind=kind))


@_ruling("/regulations/{regulation:str}/procedure")
def procedure(
    ask: _Ask,
    *,
    kind: str = _PROCEDURE,
    regulation: str = _REG,
    body_: _Body = "committee",
    chaired_by: _ChairedBy = None,
) -> Response[RulingAnswer]:
    """Who does a procedure of a body's meetings, and who decides (``procedure``)."""
    return ask(regulation, lambda g: g.procedure(kind, body=body_, chaired_by=chaired_by))


@_ruling("/regulations/{regulation:str}/proxy")
def proxy(
    ask: _Ask,
    *,
    post: _Post,
    regulation: str = _REG,
    body_: _Body = "committee",
) -> Response[RulingAnswer]:
    """Whether someone may attend a meeting of ``body`` for ``post`` (``proxy``)."""
    return ask(regulation, lambda g: g.proxy(post, body=body_))


@_ruling("/regulations/{regulation:str}/monitor-of")
def monitor_of(
    ask: _Ask,
    *,
    locality_or_sector: str = _TARGET,
    regulation: str = _REG,
    on: _On = None,
) -> Response[RulingAnswer]:
    """Which member monitors a locality or sector (``monitor_of``), on a date if given."""
    return ask(regulation, lambda g: g.monitor_of(locality_or_sector, on=on))


@_ruling("/regulations/{regulation:str}/monitored-by")
def monitored_by(
    ask: _Ask,
    *,
    post: _Post,
    regulation: str = _REG,
) -> Response[RulingAnswer]:
    """Which localities and sectors ``post`` monitors (``monitored_by``)."""
    return ask(regulation, lambda g: g.monitored_by(post))


def _occurrences(reg: Regulation, start: dt.date, end: dt.date) -> tuple[Occurrence, ...]:
    if (end - start).days > MAX_CALENDAR_DAYS:
        raise QueryError(f"found a range of {(end - start).days + 1} days; allowed: at most "
                         f"{MAX_CALENDAR_DAYS + 1} days per request")
    occurrences: tuple[Occurrence, ...] = reg.calendar(start, end)
    return occurrences


@_query(path="/regulations/{regulation:str}/calendar")
def calendar_json(
    request: Request[Any, Any, Any],
    *,
    start: _Start,
    end: _End,
    regulation: str = _REG,
) -> Response[CalendarAnswer]:
    """Meetings and report deadlines closing in ``[start, end]`` (``reg.calendar``)."""
    reg = _registry(request).get(regulation)
    occurrences = _occurrences(reg, start, end)
    return _json({
        "regulation": reg.id,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "in_force_from": (first.isoformat() if (first := reg.in_force_window[0]) else None),
        "occurrences": [jsonable(o) for o in occurrences],
        "gaps": [jsonable(g) for g in calendar_gaps(reg)],
    }, CalendarAnswer)


@_query(path="/regulations/{regulation:str}/calendar.ics", media_type="text/calendar")
def calendar_ics(
    request: Request[Any, Any, Any],
    *,
    start: _Start,
    end: _End,
    regulation: str = _REG,
) -> Response[bytes]:
    """The same calendar as iCalendar (RFC 5545), for any calendar application."""
    from steering.ics import to_ics  # noqa: PLC0415 - only this endpoint needs icalendar

    reg = _registry(request).get(regulation)
    payload = to_ics(_occurrences(reg, start, end), regulation=reg)
    return Response(content=payload, media_type="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{reg.id}.ics"'})


@_query(path="/compare")
def compare_regulations(
    request: Request[Any, Any, Any],
    *,
    a: _RegId,
    b: _RegId,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[ComparisonAnswer]:
    """Every structural difference between regulations ``a`` and ``b`` (``compare``)."""
    registry = _registry(request)
    result = compare(registry.get(a), registry.get(b))
    language = _lang(lang, accept_language)
    return _json({
        "a": result.a,
        "b": result.b,
        "count": len(result),
        "differences": jsonable(list(result.rows(language))),
    }, ComparisonAnswer)


@_query(path="/table")
def regulations_table(
    request: Request[Any, Any, Any],
    *,
    regulation: list[str] | None = _REGS,
    lang: _Lang = None,
    accept_language: _AcceptLanguage = None,
) -> Response[TableAnswer]:
    """Regulations side by side, one row each (``table``)."""
    registry = _registry(request)
    ids = [x.strip() for v in regulation or () for x in v.split(",") if x.strip()]
    regs = [registry.get(i) for i in ids] if ids else list(registry.regulations.values())
    rows = table(regs, lang=_lang(lang, accept_language))
    return _json({"rows": jsonable(list(rows))}, TableAnswer)


@post("/validate", status_code=200, tags=["regulations"], responses={
    413: ResponseSpec(data_container=ProblemDetails, media_type=_PROBLEM,
                      description="The upload is larger than the limit"),
    422: ResponseSpec(data_container=ProblemDetails, media_type=_PROBLEM,
                      description="Not a valid regulation: every problem, with its path"),
})
async def validate_upload(request: Request[Any, Any, Any]) -> ValidationAnswer:
    """Check an uploaded regulation file (the raw TOML as the request body).

    The size is checked before the body is read (``Content-Length``) and again
    while it streams in; the file is never written anywhere and is loaded with
    [`steering.loads`][steering.loader.loads], so the library's own bounds apply. An upload has no
    folder, so a ``source`` it names is not read.
    """
    limit = _registry(request).max_upload
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise UploadTooLargeError(limit, int(declared))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise UploadTooLargeError(limit, None)
        chunks.append(chunk)
    data = b"".join(chunks)
    # Parsing and validating a large file takes a while: off the event loop.
    reg = await sync_to_thread(loads, data, max_bytes=limit)
    return ValidationAnswer(valid=True, regulation=reg.id, title=reg.identity.title,
                            bytes=len(data))
